// Extraction against the hand-checked expected JSON of every corpus plan.
// Prints precision and recall per field group over the whole corpus and
// fails below 0.95 on any group.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <functional>
#include <map>

#include "tests/support/test_support.h"
#include "vnplan/plan_json.h"

namespace vnplan {
namespace {

using Json = nlohmann::json;
using KeyFn = std::function<std::vector<std::string>(const Json&)>;

std::string Str(const Json& v) { return v.is_null() ? "null" : v.dump(); }

// Each item of a list, reduced to the fields a reader checks.
KeyFn ListOf(const char* list, std::vector<const char*> fields) {
  return [=](const Json& plan) {
    std::vector<std::string> keys;
    for (const Json& item : plan[list]) {
      std::string key;
      for (const char* f : fields) key += std::string(f) + "=" + Str(item[f]) + " | ";
      keys.push_back(key);
    }
    return keys;
  };
}

void FlattenSections(const Json& sections, std::vector<std::string>& keys) {
  for (const Json& s : sections) {
    keys.push_back(Str(s["number"]) + " " + Str(s["title"]) + " " + Str(s["kind"]) + " L" +
                   Str(s["line"]) + " items=" + std::to_string(s["items"].size()));
    FlattenSections(s["children"], keys);
  }
}

const std::vector<std::pair<std::string, KeyFn>>& Groups() {
  static const std::vector<std::pair<std::string, KeyFn>> groups = {
      {"header",
       [](const Json& p) {
         std::vector<std::string> keys;
         const Json& d = p["document"];
         for (const char* f : {"type", "number", "symbol", "place", "date", "title", "period"})
           if (!d[f].is_null()) keys.push_back(std::string(f) + "=" + Str(d[f]));
         for (const char* f : {"name", "parent"})
           if (!d["issuer"][f].is_null()) keys.push_back(std::string("issuer.") + f + "=" + Str(d["issuer"][f]));
         if (!d["signer"].is_null())
           for (const char* f : {"name", "position", "on_behalf"})
             if (!d["signer"][f].is_null()) keys.push_back(std::string("signer.") + f + "=" + Str(d["signer"][f]));
         return keys;
       }},
      {"recipients",
       [](const Json& p) { return p["document"]["recipients"].get<std::vector<std::string>>(); }},
      {"legal_bases", ListOf("legal_bases", {"line", "type", "number", "date", "issuer"})},
      {"sections",
       [](const Json& p) {
         std::vector<std::string> keys;
         FlattenSections(p["sections"], keys);
         return keys;
       }},
      {"goals", ListOf("goals", {"section", "line", "text"})},
      {"requirements", ListOf("requirements", {"section", "line", "text"})},
      {"criteria", ListOf("criteria", {"section", "line", "applies_to", "text"})},
      {"targets", ListOf("targets", {"section", "line", "quantity", "quantity_max", "unit",
                                     "comparator", "indicator"})},
      {"deadlines", ListOf("deadlines", {"section", "line", "kind", "date", "start", "end",
                                         "recurrence"})},
      {"assignments", ListOf("assignments", {"section", "line", "assignee", "role"})},
      {"contacts", ListOf("contacts", {"line", "name", "email", "phone"})},
  };
  return groups;
}

struct Counts {
  int true_positive = 0, extracted = 0, expected = 0;
};

// Multiset match: counts how many extracted keys are expected, reporting
// each miss and each extra so a failure says what went wrong.
void Score(const std::string& doc, const std::string& group, std::vector<std::string> got,
           std::vector<std::string> want, Counts& c) {
  std::map<std::string, int> pool;
  for (const auto& k : want) ++pool[k];
  c.extracted += static_cast<int>(got.size());
  c.expected += static_cast<int>(want.size());
  for (const auto& k : got) {
    if (pool[k] > 0) {
      --pool[k];
      ++c.true_positive;
    } else {
      std::printf("  extra   %s %s: %s\n", doc.c_str(), group.c_str(), k.substr(0, 160).c_str());
    }
  }
  for (const auto& [k, n] : pool)
    for (int i = 0; i < n; ++i)
      std::printf("  missed  %s %s: %s\n", doc.c_str(), group.c_str(), k.substr(0, 160).c_str());
}

TEST(Corpus, ExtractionMatchesHandCheckedExpectations) {
  const std::vector<std::string> texts = testing::CorpusTexts();
  ASSERT_GE(texts.size(), 6u) << "the corpus lost documents";
  std::map<std::string, Counts> counts;
  for (const std::string& path : texts) {
    const std::string name = std::filesystem::path(path).filename().string();
    SourceInfo source;
    source.file = name;
    const Json got = Json::parse(PlanToJson(testing::ParseText(testing::ReadFile(path)), source));
    const Json want = Json::parse(
        testing::ReadFile(path.substr(0, path.size() - 4) + ".expected.json"));
    for (const auto& [group, keys] : Groups()) Score(name, group, keys(got), keys(want), counts[group]);
  }
  std::printf("%-13s %9s %9s %6s %6s\n", "group", "precision", "recall", "found", "truth");
  for (const auto& [group, keys] : Groups()) {
    const Counts& c = counts[group];
    const double precision = c.extracted ? double(c.true_positive) / c.extracted : 1.0;
    const double recall = c.expected ? double(c.true_positive) / c.expected : 1.0;
    std::printf("%-13s %9.3f %9.3f %6d %6d\n", group.c_str(), precision, recall, c.extracted,
                c.expected);
    EXPECT_GE(precision, 0.95) << group;
    EXPECT_GE(recall, 0.95) << group;
    EXPECT_GT(c.expected, 0) << group << " has no expectations to check";
  }
}

TEST(Corpus, SpecExamplesFromTheIssue) {
  const Plan gold = testing::ParseText(testing::ReadFile(
      testing::SourcePath("corpus/000-ninh-binh-2023.restored.txt")));
  EXPECT_EQ(gold.header.number, "21");
  EXPECT_EQ(gold.header.symbol, "KH-SGDĐT");
  EXPECT_EQ(gold.header.date, "2023-03-08");
  EXPECT_EQ(gold.header.place, "Ninh Bình");
  EXPECT_EQ(gold.header.issuer.name, "Sở Giáo dục và Đào tạo");
  EXPECT_EQ(gold.header.issuer.parent, "UBND tỉnh Ninh Bình");
  EXPECT_EQ(gold.header.type, "Kế hoạch");
  ASSERT_TRUE(gold.header.period);
  EXPECT_EQ(gold.header.period->from, 2023);
  EXPECT_EQ(gold.header.period->to, 2025);
  ASSERT_EQ(gold.legal_bases.size(), 1u);
  EXPECT_EQ(gold.legal_bases[0].number, "31/KH-UBND");
  EXPECT_EQ(gold.legal_bases[0].date, "2023-02-24");
  ASSERT_EQ(gold.sections.size(), 5u);
  EXPECT_EQ(gold.sections[4].number, "V");
  EXPECT_EQ(gold.goals.size(), 3u);
  EXPECT_EQ(gold.requirements.size(), 3u);
  int quarterly = 0;
  for (const Deadline& d : gold.deadlines)
    quarterly += d.recurrence == "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=15,16,17,18,19,20";
  EXPECT_EQ(quarterly, 1);
  ASSERT_TRUE(gold.header.signer);
  EXPECT_EQ(gold.header.signer->name, "Phan Thanh Công");

  const Plan phu_tho = testing::ParseText(
      testing::ReadFile(testing::SourcePath("corpus/004-phu-tho-2016.txt")));
  EXPECT_EQ(phu_tho.header.number, "941");
  EXPECT_EQ(phu_tho.header.symbol, "KH-SGD&ĐT");
  EXPECT_EQ(phu_tho.header.date, "2016-06-13");
  int targets = 0;
  for (const Target& t : phu_tho.targets) targets += t.section == "II.2";
  EXPECT_EQ(targets, 10);
  bool due = false, yearly = false;
  for (const Deadline& d : phu_tho.deadlines) {
    due |= d.kind == DeadlineKind::kDue && d.date == "2016-10-20";
    yearly |= d.recurrence == "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=5";
  }
  EXPECT_TRUE(due);
  EXPECT_TRUE(yearly);
}

}  // namespace
}  // namespace vnplan
