// Exports, checked by what reads them: the calendar is parsed, validated
// and its recurrences expanded by libical; the CSV is read back field by
// field (tests/integration/export_readback_test.cc reads it with Python's
// csv and pandas, and the workbook with openpyxl).
#include <gtest/gtest.h>
#include <libical/ical.h>
#include <nlohmann/json.hpp>

#include <set>
#include <sstream>

#include "tests/support/test_support.h"
#include "tools/vnplan/csv_writer.h"
#include "tools/vnplan/exit_code.h"
#include "tools/vnplan/export_command.h"
#include "tools/vnplan/ical_writer.h"

namespace vnplan {
namespace {

using Json = nlohmann::json;

std::string PlanJson(const std::string& name) { return testing::CorpusPlanJson(name); }

// A corpus plan as DeadlinesToIcs takes it (plan_file_test checks that
// every corpus plan passes ReadPlans).
std::vector<Json> Plans(const std::string& json_text) { return {Json::parse(json_text)}; }

std::string Date(icaltimetype t) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", t.year, t.month, t.day);
  return buf;
}

// The calendar as libical reads it back; the events in order.
struct ReadBack {
  explicit ReadBack(const std::string& ics) : calendar(icalparser_parse_string(ics.c_str())) {
    if (calendar == nullptr) return;
    for (icalcomponent* e = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT);
         e != nullptr; e = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT))
      events.push_back(e);
  }
  ~ReadBack() {
    if (calendar != nullptr) icalcomponent_free(calendar);
  }
  icalcomponent* calendar;
  std::vector<icalcomponent*> events;
};

std::vector<std::string> Instances(icalcomponent* e, int n) {
  icalproperty* rrule = icalcomponent_get_first_property(e, ICAL_RRULE_PROPERTY);
  if (rrule == nullptr) return {};
  icalrecur_iterator* it =
      icalrecur_iterator_new(icalproperty_get_rrule(rrule), icalcomponent_get_dtstart(e));
  std::vector<std::string> dates;
  for (icaltimetype t = icalrecur_iterator_next(it); !icaltime_is_null_time(t) && n-- > 0;
       t = icalrecur_iterator_next(it))
    dates.push_back(Date(t));
  icalrecur_iterator_free(it);
  return dates;
}

std::string Ics(const std::vector<Json>& plans, IcsLeftOut* left_out = nullptr) {
  IcsLeftOut ignored;
  return DeadlinesToIcs(plans, left_out != nullptr ? left_out : &ignored);
}

TEST(IcsExport, LibicalParsesValidatesAndExpandsTheCalendar) {
  IcsLeftOut left_out;
  const ReadBack read(Ics(Plans(PlanJson("004-phu-tho-2016.txt")), &left_out));
  ASSERT_NE(read.calendar, nullptr);
  EXPECT_EQ(icalcomponent_isa(read.calendar), ICAL_VCALENDAR_COMPONENT);
  EXPECT_EQ(icalrestriction_check(read.calendar), 1) << "RFC 5545 restrictions";
  bool yearly_checked = false;
  for (icalcomponent* e : read.events) {
    EXPECT_EQ(icaltime_is_date(icalcomponent_get_dtstart(e)), 1);
    EXPECT_EQ(icalerrno, ICAL_NO_ERROR);
    // DTSTAMP: the plan's date at midnight UTC (not the clock's: output is reproducible).
    const icaltimetype stamp = icalcomponent_get_dtstamp(e);
    EXPECT_EQ(Date(stamp), "2016-06-13");
    EXPECT_EQ(stamp.hour + stamp.minute + stamp.second, 0);
    EXPECT_EQ(icaltime_is_utc(stamp), 1);
    // "trước ngày 05/6 hàng năm" in a 2016-2020 plan: 5 June, 2016 to 2020.
    const std::vector<std::string> dates = Instances(e, 10);
    if (dates.empty() || dates[0] != "2016-06-05") continue;
    EXPECT_EQ(dates, (std::vector<std::string>{"2016-06-05", "2017-06-05", "2018-06-05",
                                               "2019-06-05", "2020-06-05"}));
    yearly_checked = true;
  }
  const auto plan = Json::parse(PlanJson("004-phu-tho-2016.txt"));
  EXPECT_EQ(static_cast<int>(read.events.size()) + left_out.undated + left_out.contradictory,
            static_cast<int>(plan["deadlines"].size()));
  EXPECT_GT(read.events.size(), 5u);
  EXPECT_TRUE(yearly_checked);
}

// "từ ngày 15 đến ngày 20 của tháng cuối quý" was six one-day events a
// quarter; it is one event of six days, repeated each quarter.
TEST(IcsExport, AQuarterlyWindowIsOneMultiDayEventAQuarter) {
  const ReadBack read(Ics(Plans(PlanJson("000-ninh-binh-2023.restored.txt"))));
  ASSERT_NE(read.calendar, nullptr);
  bool quarterly = false, year = false;
  for (icalcomponent* e : read.events) {
    const std::string start = Date(icalcomponent_get_dtstart(e));
    const std::string end = Date(icalcomponent_get_dtend(e));
    const std::vector<std::string> dates = Instances(e, 3);
    if (!dates.empty()) {
      EXPECT_EQ(start, "2023-03-15");
      EXPECT_EQ(end, "2023-03-21");  // the 20th is the last day; all-day ends are exclusive
      EXPECT_EQ(dates, (std::vector<std::string>{"2023-03-15", "2023-06-15", "2023-09-15"}));
      quarterly = true;
    } else if (start == "2025-01-01") {
      EXPECT_EQ(end, "2026-01-01");  // "vào năm 2025": the whole year, end exclusive
      year = true;
    }
  }
  EXPECT_TRUE(quarterly);
  EXPECT_TRUE(year);
}

std::vector<std::string> Uids(const std::string& ics) {
  std::vector<std::string> uids;
  std::istringstream lines(ics);
  for (std::string line; std::getline(lines, line);)
    if (line.rfind("UID:", 0) == 0) uids.push_back(line);
  return uids;
}

TEST(IcsExport, UidsAreUniqueAndStayWhenADeadlineIsAdded) {
  const std::vector<Json> plans = Plans(PlanJson("002-hoa-binh-2017.txt"));
  const std::string a = Ics(plans);
  EXPECT_EQ(a, Ics(plans));
  const std::vector<std::string> before = Uids(a);
  EXPECT_EQ(std::set<std::string>(before.begin(), before.end()).size(), before.size());
  EXPECT_GT(before.size(), 5u);
  std::vector<Json> more = plans;
  Json added = more[0]["deadlines"][0];
  added["text"] = "Báo cáo bổ sung trước ngày 01/12/2017";
  more[0]["deadlines"].insert(more[0]["deadlines"].begin(), added);
  const std::vector<std::string> after = Uids(Ics(more));
  ASSERT_EQ(after.size(), before.size() + 1);
  const std::set<std::string> kept(after.begin(), after.end());
  for (const std::string& uid : before) EXPECT_EQ(kept.count(uid), 1u) << uid;
}

// RFC 5545 3.1: lines of at most 75 octets, folded between characters.
TEST(IcsExport, LinesAreFoldedAt75OctetsBetweenCharacters) {
  std::vector<Json> plans = Plans(PlanJson("004-phu-tho-2016.txt"));
  plans[0]["deadlines"][0]["text"] = std::string(60, 'x') + std::string(40, 'a') + "ộộộộộộộộ" +
                                     " đường dài " + std::string(200, 'y');
  const std::string ics = Ics(plans);
  size_t at = 0, folded = 0;
  while (at < ics.size()) {
    const size_t end = ics.find("\r\n", at);
    ASSERT_NE(end, std::string::npos);
    EXPECT_LE(end - at, 75u) << ics.substr(at, end - at);
    if (ics[at] == ' ') {
      ++folded;
      ASSERT_GT(end - at, 1u);
      EXPECT_NE(static_cast<unsigned char>(ics[at + 1]) & 0xC0, 0x80) << "a letter cut in two";
    }
    at = end + 2;
  }
  EXPECT_GT(folded, 3u);
}

TEST(IcsExport, TitlesAreCutAtAWord) {
  EXPECT_EQ(CutAtWord("Tổ chức hội nghị", 100), "Tổ chức hội nghị");
  EXPECT_EQ(CutAtWord("Tổ chức hội nghị sơ kết", 20), "Tổ chức hội…");
  EXPECT_EQ(CutAtWord(std::string(30, 'x'), 10), "xxxxxxx…");
  std::vector<Json> plans = Plans(PlanJson("004-phu-tho-2016.txt"));
  std::string action;
  for (int i = 0; i < 40; ++i) action += "triển khai ";
  plans[0]["deadlines"][0]["action"] = action;
  const ReadBack read(Ics(plans));
  ASSERT_FALSE(read.events.empty());
  const std::string summary = icalcomponent_get_summary(read.events[0]);
  EXPECT_LE(summary.size(), 160u);
  ASSERT_GT(summary.size(), 100u);
  EXPECT_EQ(summary.substr(summary.size() - 3), "…");
  EXPECT_EQ(action.rfind(summary.substr(0, summary.size() - 3) + " ", 0), 0u) << summary;
}

// A window whose end precedes its start once gave DTEND before DTSTART.
TEST(IcsExport, NoEventEndsBeforeItStarts) {
  std::vector<Json> plans = Plans(PlanJson("000-ninh-binh-2023.restored.txt"));
  Json window = plans[0]["deadlines"][0];
  window.update({{"kind", "window"}, {"date", nullptr}, {"start", "2023-05-10"},
                 {"end", "2023-05-01"}, {"recurrence", nullptr}, {"text", "ngược"}});
  plans[0]["deadlines"].push_back(window);
  for (const char* name : {"002-hoa-binh-2017.txt", "003-dak-nong-2023.txt",
                           "004-phu-tho-2016.txt", "001-binh-chanh-2023.ocr.txt"})
    plans.push_back(Json::parse(PlanJson(name)));
  IcsLeftOut left_out;
  const ReadBack read(Ics(plans, &left_out));
  EXPECT_EQ(left_out.contradictory, 1);
  ASSERT_GT(read.events.size(), 20u);
  for (icalcomponent* e : read.events)
    EXPECT_GT(icaltime_compare(icalcomponent_get_dtend(e), icalcomponent_get_dtstart(e)), 0)
        << icalcomponent_get_summary(e);
}

// Issue 14 item 12: a recurrence (or any text) holding
// "\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil" made libical read an
// attacker's event. The reader refuses such a rule (plan_file_test); the
// writer, given it anyway, still writes no event of the attacker's.
TEST(IcsExport, AnInjectedEventIsNotReadBack) {
  const std::string evil =
      "\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil\r\nDTSTART:20300101\r\nSUMMARY:evil";
  std::vector<Json> plans = Plans(PlanJson("004-phu-tho-2016.txt"));
  const size_t events = ReadBack(Ics(plans)).events.size();
  for (Json& d : plans[0]["deadlines"]) {
    d["text"] = "a" + evil;
    d["action"] = "b" + evil;
    d["section"] = "c" + evil;
    d["responsible"] = {"d" + evil};
    if (d["recurrence"].is_string()) d["recurrence"] = d["recurrence"].get<std::string>() + evil;
  }
  plans[0]["document"]["symbol"] = "KH" + evil;
  const std::string ics = Ics(plans);
  const ReadBack read(ics);
  ASSERT_NE(read.calendar, nullptr);
  EXPECT_LE(read.events.size(), events);
  EXPECT_GT(read.events.size(), 0u);
  for (icalcomponent* e : read.events) {
    EXPECT_NE(std::string(icalcomponent_get_uid(e)), "evil");
    EXPECT_NE(std::string(icalcomponent_get_summary(e)), "evil");
  }
  EXPECT_EQ(ics.find("\r\nUID:evil"), std::string::npos);
  EXPECT_EQ(ics.find("\r\nBEGIN:VEVENT\r\nUID:evil"), std::string::npos);
}

std::string ExportCsv(const std::string& name, const char* table, const char* delimiter = ",") {
  const std::string path = testing::OutputDir() + "/" + name + ".json";
  testing::WriteFile(path, PlanJson(name));
  ExportOptions options;
  options.plans = {path};
  options.csv = table;
  options.delimiter = delimiter;
  std::ostringstream out, err;
  EXPECT_EQ(RunExport(options, out, err), 0) << err.str();
  return out.str();
}

std::vector<std::string> CsvLines(const std::string& csv) {
  std::vector<std::string> lines;
  std::istringstream rows(csv.substr(3));
  for (std::string row; std::getline(rows, row);) lines.push_back(row);
  return lines;
}

TEST(CsvExport, EveryRowNamesItsPlanIssuerParentAndProvince) {
  const std::string csv = ExportCsv("004-phu-tho-2016.txt", "targets");
  ASSERT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  const std::vector<std::string> lines = CsvLines(csv);
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines[0],
            "\"plan_file\",\"number\",\"symbol\",\"issuer\",\"parent\",\"province\",\"plan_date\","
            "\"indicator\",\"quantity\",\"quantity_max\",\"unit\",\"comparator\",\"section\","
            "\"line\",\"text\"\r");
  const Json plan = Json::parse(PlanJson("004-phu-tho-2016.txt"));
  ASSERT_EQ(lines.size(), plan["targets"].size() + 1);
  for (size_t i = 1; i < lines.size(); ++i)
    EXPECT_EQ(lines[i].rfind("\"004-phu-tho-2016.txt\",\"941\",\"KH-SGD&ĐT\",\"Sở Giáo dục và Đào "
                             "tạo\",\"UBND tỉnh Phú Thọ\",\"Phú Thọ\",\"2016-06-13\",",
                             0),
              0u)
        << lines[i];
  // Numbers bare, text quoted, null empty: "...","72",,"tập thể" would be a bug.
  EXPECT_NE(csv.find(",72,,\"tập thể\",\">=\","), std::string::npos) << lines[1];
}

TEST(CsvExport, TheDelimiterCanBeASemicolonOrATab) {
  const std::string semicolon = ExportCsv("004-phu-tho-2016.txt", "assignments", ";");
  EXPECT_EQ(CsvLines(semicolon)[0],
            "\"plan_file\";\"number\";\"symbol\";\"issuer\";\"parent\";\"province\";\"plan_date\";"
            "\"assignee\";\"role\";\"tasks\";\"section\";\"line\"\r");
  const std::string tab = ExportCsv("004-phu-tho-2016.txt", "assignments", "tab");
  EXPECT_EQ(CsvLines(tab)[0].rfind("\"plan_file\"\t\"number\"\t", 0), 0u);
  ExportOptions options;
  options.plans = {"unused.json"};
  options.csv = "targets";
  options.delimiter = "|";
  std::ostringstream out, err;
  EXPECT_EQ(RunExport(options, out, err), kExitUsage);
  EXPECT_NE(err.str().find("--delimiter"), std::string::npos);
}

// Issue 14 item 10: cells a spreadsheet would run as a formula.
TEST(CsvExport, FormulaCellsAreWrittenAsText) {
  for (const char* formula :
       {"=cmd|' /C calc'!A0", "@SUM(1+1)", "=", "+1", "-2+3", "\tx", "\rx"})
    EXPECT_EQ(DefusedText(formula), std::string("'") + formula) << formula;
  for (const char* text : {"", "Sở", "1=1", " =x", "'quoted"}) EXPECT_EQ(DefusedText(text), text);
  ExportRows rows;
  rows.header = {"a", "b", "c"};
  rows.rows.push_back({{ExportCell::Type::kText, "=HYPERLINK(\"http://x\")", 0},
                       {ExportCell::Type::kNumber, "-5", -5},
                       {ExportCell::Type::kNull, "", 0}});
  EXPECT_EQ(CsvText(rows, ','),
            "\xEF\xBB\xBF\"a\",\"b\",\"c\"\r\n\"'=HYPERLINK(\"\"http://x\"\")\",-5,\r\n");
}

TEST(CsvExport, AStandardOutputThatFailsExitsThree) {
  const std::string path = testing::OutputDir() + "/004-full.json";
  testing::WriteFile(path, PlanJson("004-phu-tho-2016.txt"));
  ExportOptions options;
  options.plans = {path};
  options.csv = "targets";
  std::ostringstream out, err;
  out.setstate(std::ios::badbit);  // as writing to /dev/full leaves it
  EXPECT_EQ(RunExport(options, out, err), kExitOutputFailed);
  EXPECT_NE(err.str().find("cannot write to standard output"), std::string::npos);
}

TEST(CsvExport, RefusesWhatIsNotAPlan) {
  const std::string path = testing::OutputDir() + "/not-a-plan.json";
  testing::WriteFile(path, "{\"hello\": 1}");
  ExportOptions options;
  options.plans = {path};
  options.csv = "deadlines";
  std::ostringstream out, err;
  EXPECT_EQ(RunExport(options, out, err), 1);
  EXPECT_NE(err.str().find("not a vnplan plan JSON"), std::string::npos);
  options.csv.clear();
  EXPECT_EQ(RunExport(options, out, err), 2);  // none of --csv, --xlsx, --ics
  options.xlsx = options.ics = true;
  EXPECT_EQ(RunExport(options, out, err), 2);  // two of them
}

}  // namespace
}  // namespace vnplan
