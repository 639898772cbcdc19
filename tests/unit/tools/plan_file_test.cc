// Plan JSON that does not follow the schema (issue 14, item 3): each input
// below used to crash `export` or `compare` (SIGSEGV from const operator[]
// on a missing key, uncaught type_error, substr/stoi on "2016" or
// "BYMONTH=x", kDays[-1] for month 00). Each is now one line naming the
// file and the field, and the good files beside it are still exported or
// compared, with exit code 1.
#include "tools/vnplan/plan_file.h"

#include <filesystem>

#include "src/restore/gazetteer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/support/test_support.h"
#include "tools/vnplan/compare_command.h"
#include "tools/vnplan/export_command.h"
#include "tools/vnplan/ical_writer.h"

namespace vnplan {
namespace {

std::string PlanJson(const std::string& name) { return testing::CorpusPlanJson(name); }

std::vector<nlohmann::json> Plans(const std::string& json_text) {
  std::vector<nlohmann::json> plans;
  const Status status = ReadPlans(json_text, &plans);
  EXPECT_TRUE(status.ok()) << status.message();
  return plans;
}

// The check refuses nothing vnplan writes.
TEST(PlanFile, EveryCorpusPlanIsRead) {
  const std::vector<std::string> texts = testing::CorpusTexts();
  ASSERT_FALSE(texts.empty());
  for (const std::string& path : texts) {
    const std::string name = path.substr(path.rfind('/') + 1);
    EXPECT_EQ(Plans(PlanJson(name)).size(), 1u) << name;
  }
}

struct BadPlan {
  const char* pointer;  // the field replaced in a corpus plan ("" = the whole file)
  const char* value;    // its JSON
  const char* field;    // what the error names
};

constexpr BadPlan kBadPlans[] = {
    {"", R"({"document":{},"deadlines":[{}]})", "document.issuer is missing"},
    {"", R"({"document":null})", "document is not an object"},
    {"", R"([1])", "[0] is not an object"},
    {"/deadlines/0/kind", "null", "deadlines[0].kind is not text"},
    {"/deadlines/0/kind", "7", "deadlines[0].kind is not text"},
    {"/deadlines/0/kind", R"("soon")", "deadlines[0].kind is not a deadline kind"},
    {"/document/number", "[1,2]", "document.number is not text or null"},
    {"/document/issuer", "null", "document.issuer is not an object"},
    {"/source/file", "null", "source.file is not text"},
    {"/deadlines/0/responsible", R"("Sở")", "deadlines[0].responsible is not a list"},
    {"/deadlines/0/responsible", "[null]", "deadlines[0].responsible[0] is not text"},
    {"/deadlines/0/line", R"("12")", "deadlines[0].line is not an integer"},
    {"/targets/0/quantity", R"("18")", "targets[0].quantity is not a number or null"},
    {"/deadlines", "{}", "deadlines is not a list"},
    {"/deadlines/0/date", R"("2016")", "deadlines[0].date is not a date"},
    {"/deadlines/0/date", R"("abcd-ef-gh")", "deadlines[0].date is not a date"},
    {"/deadlines/0/start", R"("2016-13-01")", "deadlines[0].start is not a date"},
    {"/deadlines/0/end", R"("2016-00-10")", "deadlines[0].end is not a date"},
    {"/document/date", R"("2016-02-30")", "document.date is not a date"},
    {"/deadlines/0/recurrence", R"("FREQ=YEARLY;BYMONTH=x;BYMONTHDAY=5")",
     "deadlines[0].recurrence is not a recurrence rule"},
    {"/deadlines/0/recurrence", R"("FREQ=YEARLY;BYMONTH=13;BYMONTHDAY=5")",
     "deadlines[0].recurrence is not a recurrence rule"},
    {"/deadlines/0/recurrence", "\"FREQ=YEARLY\\r\\nEND:VEVENT\"",
     "deadlines[0].recurrence is not a recurrence rule"},
    {"/sections/0/kind", R"("intro")", "sections[0].kind is not a section kind"},
    {"/sections/0/children", "[{}]", "sections[0].children[0].number is missing"},
    {"/assignments/0/role", R"("boss")", "assignments[0].role is not a role"},
};

// The bad plan's file: a corpus plan with one field replaced, or the value.
std::string WriteBadPlan(const BadPlan& bad, const std::string& name) {
  nlohmann::json plan = nlohmann::json::parse(PlanJson("004-phu-tho-2016.txt"));
  if (*bad.pointer != '\0')
    plan[nlohmann::json::json_pointer(bad.pointer)] = nlohmann::json::parse(bad.value);
  else
    plan = nlohmann::json::parse(bad.value);
  const std::string path = testing::OutputDir() + "/" + name;
  testing::WriteFile(path, plan.dump());
  return path;
}

int Lines(const std::string& text, const std::string& containing) {
  int n = 0;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);)
    n += line.find(containing) != std::string::npos;
  return n;
}

TEST(PlanFile, ExportSaysWhichFileAndFieldAreBadAndExportsTheOthers) {
  const std::string good = testing::OutputDir() + "/good.json";
  testing::WriteFile(good, PlanJson("002-hoa-binh-2017.txt"));
  const auto good_plan = nlohmann::json::parse(PlanJson("002-hoa-binh-2017.txt"));
  IcsLeftOut left_out;
  const std::string good_ics = DeadlinesToIcs(Plans(PlanJson("002-hoa-binh-2017.txt")), &left_out);
  int n = 0;
  for (const BadPlan& bad : kBadPlans) {
    const std::string path = WriteBadPlan(bad, "bad" + std::to_string(n++) + ".json");
    for (const char* table : {"deadlines", "assignments", "targets", ""}) {
      ExportOptions options;
      options.plans = {path, good};
      options.csv = table;
      options.ics = options.csv.empty();
      std::ostringstream out, err;
      EXPECT_EQ(RunExport(options, out, err), 1) << bad.value << " " << table;
      EXPECT_EQ(Lines(err.str(), path + ": not a vnplan plan JSON: " + bad.field), 1)
          << bad.pointer << " = " << bad.value << ": " << err.str();
      EXPECT_EQ(Lines(err.str(), path), 1) << err.str();
      if (options.ics) {
        EXPECT_EQ(out.str(), good_ics);  // the good plan's calendar, whole
      } else {
        // The header, then the good plan's rows only.
        EXPECT_EQ(Lines(out.str(), "\r"), static_cast<int>(good_plan[table].size()) + 1) << table;
        EXPECT_EQ(Lines(out.str(), "004-phu-tho"), 0);
      }
    }
  }
}

nlohmann::json Issued(const char* name, const char* parent, const char* place) {
  auto text = [](const char* t) { return t == nullptr ? nlohmann::json() : nlohmann::json(t); };
  return {{"document", {{"issuer", {{"name", text(name)}, {"parent", text(parent)}}},
                        {"place", text(place)}}}};
}

// The province column: what the issuer names, spelt as the place when
// they fold alike; never the place alone (issue 15: groupby('issuer')
// merged every "Sở Giáo dục và Đào tạo").
TEST(PlanFile, ProvinceIsTheOneTheIssuerNames) {
  struct Case {
    const char* name;
    const char* parent;
    const char* place;
    std::optional<std::string> province;
  };
  const Case cases[] = {
      {"Sở Giáo dục và Đào tạo", "UBND tỉnh Phú Thọ", "Phú Thọ", "Phú Thọ"},
      {"Ủy ban nhân dân tỉnh ĐẮK LẮK", nullptr, "Đắk Lắk", "Đắk Lắk"},
      {"Ủy ban nhân dân tỉnh thanh hóa", nullptr, "Thanh Hóa", "Thanh Hóa"},
      {"Ủy ban nhân dân tỉnh Hà tĩnh", nullptr, nullptr, "Hà tĩnh"},
      {"Sở Giáo dục và Đào tạo tỉnh Hòa Bình", nullptr, nullptr, "Hòa Bình"},
      {"Ủy ban nhân dân thành phố Cần Thơ", nullptr, "Cần Thơ", "Cần Thơ"},
      {"UBND THÀNH PHỐ HỒ CHÍ MINH", nullptr, "Thành phố Hồ Chí Minh", "HỒ CHÍ MINH"},
      // A city of a province, a district, a ministry: no province named.
      {"Ủy ban nhân dân thành phố Việt Trì", nullptr, "Việt Trì", std::nullopt},
      {"Phòng Giáo dục và Đào tạo", "UBND huyện Bình Chánh", "Bình Chánh", std::nullopt},
      {"Cục Thuế", "Bộ Tài chính", "Hà Nội", std::nullopt},
      {nullptr, nullptr, nullptr, std::nullopt},
      {"Ban chỉ đạo tỉnh", nullptr, "Nghệ An", std::nullopt},
  };
  for (const Case& c : cases)
    EXPECT_EQ(Province(Issued(c.name, c.parent, c.place)), c.province)
        << (c.name ? c.name : "null");
}

// A gazetteer (places.tsv's layout) of Phú Thọ and Hồ Chí Minh with two
// districts each, and a district name that two provinces share.
constexpr char kPlaces[] =
    "province\tTỉnh\tPhú Thọ\t25\t\n"
    "district\tThành phố\tViệt Trì\t227\t25\n"
    "district\tHuyện\tLâm Thao\t235\t25\n"
    "province\tThành phố\tHồ Chí Minh\t79\t\n"
    "district\tHuyện\tBình Chánh\t785\t79\n"
    "district\tHuyện\tChâu Thành\t786\t79\n"
    "province\tTỉnh\tBến Tre\t83\t\n"
    "district\tHuyện\tChâu Thành\t831\t83\n"
    "province\tThành phố\tHà Nội\t01\t\n";

// With a gazetteer, a district's or commune's plan has its province too;
// what the issuer names itself still comes first.
TEST(PlanFile, ProvinceOfADistrictFromTheGazetteer) {
  std::unique_ptr<internal::Gazetteer> places;
  ASSERT_TRUE(internal::Gazetteer::Parse(kPlaces, &places).ok());
  struct Case {
    const char* name;
    const char* parent;
    const char* place;
    std::optional<std::string> province;
  };
  const Case cases[] = {
      {"Ủy ban nhân dân thành phố Việt Trì", nullptr, "Việt Trì", "Phú Thọ"},
      {"Phòng Giáo dục và Đào tạo", "UBND huyện Bình Chánh", "Bình Chánh", "Hồ Chí Minh"},
      {"UBND huyện Lâm Thao", nullptr, nullptr, "Phú Thọ"},
      {"Phòng Tư pháp", nullptr, "Lâm Thao", "Phú Thọ"},  // signed in the district
      {"Sở Giáo dục và Đào tạo", "UBND tỉnh Phú Thọ", "Việt Trì", "Phú Thọ"},
      // Two provinces have a Châu Thành; a ministry signs in a province.
      {"UBND huyện Châu Thành", nullptr, "Châu Thành", std::nullopt},
      {"Cục Thuế", "Bộ Tài chính", "Hà Nội", std::nullopt},
  };
  for (const Case& c : cases)
    EXPECT_EQ(Province(Issued(c.name, c.parent, c.place), places.get()), c.province) << c.name;
  EXPECT_EQ(Province(Issued("UBND huyện Lâm Thao", nullptr, nullptr)), std::nullopt);  // no gazetteer
}

TEST(PlanFile, ExportTakesTheProvinceFromTheModelDirectorysGazetteer) {
  const std::string dir = testing::OutputDir() + "/export_places";
  std::filesystem::create_directories(dir);
  testing::WriteFile(dir + "/places.tsv", kPlaces);
  // A corpus plan (Phú Thọ's) said to be a district's, with no province named.
  nlohmann::json plan = nlohmann::json::parse(PlanJson("004-phu-tho-2016.txt"));
  plan["document"]["issuer"] = {{"name", "UBND huyện Lâm Thao"}, {"parent", nullptr}};
  plan["document"]["place"] = "Lâm Thao";
  ASSERT_FALSE(plan["deadlines"].empty());
  testing::WriteFile(dir + "/plan.json", plan.dump());
  ExportOptions options;
  options.plans = {dir + "/plan.json"};
  options.csv = "deadlines";
  std::ostringstream without, with, err;
  ASSERT_EQ(RunExport(options, without, err), 0) << err.str();
  options.model_dir = dir;
  ASSERT_EQ(RunExport(options, with, err), 0) << err.str();
  EXPECT_EQ(without.str().find("Phú Thọ"), std::string::npos);
  EXPECT_NE(with.str().find("Phú Thọ"), std::string::npos) << with.str();

  testing::WriteFile(dir + "/places.tsv", "nowhere\n");  // a damaged gazetteer is said, not ignored
  std::ostringstream out, damaged;
  EXPECT_NE(RunExport(options, out, damaged), 0);
  EXPECT_NE(damaged.str().find("places.tsv"), std::string::npos) << damaged.str();
}

// A folder named with --model that holds no gazetteer is said (exit 4), not
// silently run without one; found by default, it is no error.
TEST(PlanFile, ANamedModelFolderWithoutAGazetteerIsAnError) {
  const std::string dir = testing::OutputDir() + "/no_places";
  std::filesystem::create_directories(dir);
  std::filesystem::remove(dir + "/places.tsv");
  std::unique_ptr<internal::Gazetteer> places;
  const Status named = LoadPlaces(dir, true, &places);
  EXPECT_EQ(named.code(), Status::Code::kModelMissing);
  EXPECT_NE(named.message().find(dir), std::string::npos) << named.message();
  EXPECT_TRUE(LoadPlaces(dir, false, &places).ok());
  EXPECT_EQ(places, nullptr);
  testing::WriteFile(dir + "/plan.json", PlanJson("004-phu-tho-2016.txt"));
  ExportOptions options;
  options.plans = {dir + "/plan.json"};
  options.csv = "deadlines";
  options.model_dir = dir;
  options.model_named = true;
  std::ostringstream out, err;
  EXPECT_EQ(RunExport(options, out, err), 4);
  EXPECT_NE(err.str().find("gazetteer"), std::string::npos) << err.str();
}

// compare names a district's plan's province from the gazetteer, as export does.
TEST(PlanFile, CompareTakesTheProvinceFromTheGazetteer) {
  std::unique_ptr<internal::Gazetteer> places;
  ASSERT_TRUE(internal::Gazetteer::Parse(kPlaces, &places).ok());
  nlohmann::json plan = nlohmann::json::parse(PlanJson("004-phu-tho-2016.txt"));
  plan["document"]["issuer"] = {{"name", "UBND huyện Lâm Thao"}, {"parent", nullptr}};
  plan["document"]["place"] = "Lâm Thao";
  const nlohmann::json other = nlohmann::json::parse(PlanJson("004-phu-tho-2016.txt"));
  EXPECT_EQ(ComparePlans({plan, other}, places.get())["plans"][0]["province"], "Phú Thọ");
  EXPECT_TRUE(ComparePlans({plan, other})["plans"][0]["province"].is_null());
}

TEST(PlanFile, RecurrenceListsAreReadOnlyWhenTheyAreNumbers) {
  EXPECT_EQ(RuleNumbers("FREQ=YEARLY;BYMONTH=3,6;BYMONTHDAY=15", "BYMONTH"),
            (std::vector<int>{3, 6}));
  EXPECT_EQ(RuleNumbers("FREQ=YEARLY;BYMONTH=3,6;BYMONTHDAY=15", "BYMONTHDAY"),
            (std::vector<int>{15}));
  EXPECT_EQ(RuleNumbers("FREQ=MONTHLY;INTERVAL=3", "BYMONTH"), std::vector<int>());
  for (const char* bad : {"FREQ=YEARLY;BYMONTH=x", "FREQ=YEARLY;BYMONTH=", "FREQ=YEARLY;BYMONTH=3,",
                          "FREQ=YEARLY;BYMONTH=,3", "FREQ=YEARLY;BYMONTH=99999999999"})
    EXPECT_FALSE(RuleNumbers(bad, "BYMONTH").has_value()) << bad;
}

// A deeply nested value where an object belongs is named by its type, not
// written out (the writer recurses: the old reader crashed on it).
TEST(PlanFile, ADeeplyNestedValueIsRefusedWithoutWritingItOut) {
  nlohmann::json plan = nlohmann::json::parse(PlanJson("002-hoa-binh-2017.txt"));
  std::string text = plan.dump();
  const size_t depth = 200000;
  text.insert(1, "\"document\":" + std::string(depth, '[') + std::string(depth, ']') + ",");
  text.replace(text.find("\"document\":{"), 11, "\"other\":");
  std::vector<nlohmann::json> plans;
  const Status status = ReadPlans(text, &plans);
  EXPECT_EQ(status.message(), "not a vnplan plan JSON: document is not an object: array");
  EXPECT_TRUE(plans.empty());
}

TEST(PlanFile, CompareSaysWhichFileAndFieldAreBadAndComparesTheOthers) {
  const std::string a = testing::OutputDir() + "/good-a.json",
                    b = testing::OutputDir() + "/good-b.json";
  testing::WriteFile(a, PlanJson("002-hoa-binh-2017.txt"));
  testing::WriteFile(b, PlanJson("003-dak-nong-2023.txt"));
  int n = 0;
  for (const BadPlan& bad : kBadPlans) {
    const std::string path = WriteBadPlan(bad, "cmp-bad" + std::to_string(n++) + ".json");
    CompareOptions options;
    options.plans = {a, path, b};
    options.json = "-";
    options.html = testing::OutputDir() + "/cmp.html";
    std::ostringstream out, err;
    EXPECT_EQ(RunCompare(options, out, err), 1) << bad.value;
    EXPECT_EQ(Lines(err.str(), path + ": not a vnplan plan JSON: " + bad.field), 1) << err.str();
    EXPECT_EQ(Lines(err.str(), "vnplan:"), 1) << err.str();
    const auto comparison = nlohmann::json::parse(out.str());
    ASSERT_EQ(comparison["plans"].size(), 2u);
    EXPECT_EQ(comparison["plans"][0]["file"], "002-hoa-binh-2017.txt");
    EXPECT_EQ(comparison["plans"][1]["file"], "003-dak-nong-2023.txt");
  }
  // With one plan left there is nothing to compare: an error, no report.
  CompareOptions options;
  options.plans = {a, WriteBadPlan(kBadPlans[0], "cmp-only-bad.json")};
  options.json = "-";
  std::ostringstream out, err;
  EXPECT_EQ(RunCompare(options, out, err), 1);
  EXPECT_EQ(out.str(), "");
  EXPECT_EQ(Lines(err.str(), "two or more plans; 1 could be read"), 1) << err.str();
}

}  // namespace
}  // namespace vnplan
