// The comparison and its report against what attacked them (issue 14,
// items 9 and 11): a crafted plan can no longer blow up the comparison,
// and no value of it reaches the page as markup.
#include <gtest/gtest.h>
#include <sys/resource.h>

#include <chrono>
#include <nlohmann/json.hpp>

#include "tests/support/test_support.h"
#include "tools/vnplan/compare_command.h"
#include "tools/vnplan/plan_file.h"
#include "tools/vnplan/report_html.h"

namespace vnplan {
namespace {

using Json = nlohmann::json;

Json Plan(const std::string& name) { return Json::parse(testing::CorpusPlanJson(name)); }

long PeakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// A 75 KB plan JSON of monthly deadlines from year 1 to 9999 once needed
// 6.3 GB (every month of every year drawn); now each is drawn at most
// kMaxInstancesPerDeadline times and the rest is counted.
TEST(CompareLimits, RecurringDeadlinesOverTenThousandYearsStayBounded) {
  Json crafted = Plan("004-phu-tho-2016.txt");
  Json deadlines = Json::array();
  for (int i = 0; i < 300; ++i)
    deadlines.push_back({{"text", "Báo cáo định kỳ số " + std::to_string(i)},
                         {"kind", "recurring"}, {"date", nullptr},
                         {"start", "0001-01-01"}, {"end", "9999-12-31"},
                         {"recurrence", i % 2 ? "FREQ=MONTHLY;BYMONTHDAY=20"
                                              : "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=15"},
                         {"action", nullptr}, {"responsible", Json::array()},
                         {"section", "I"}, {"line", i + 1}});
  crafted["deadlines"] = deadlines;
  std::vector<Json> plans;
  ASSERT_TRUE(ReadPlans(crafted.dump(), &plans).ok());
  EXPECT_GT(crafted.dump().size(), 60000u);
  plans.push_back(Plan("000-ninh-binh-2023.restored.txt"));
  const long rss_before = PeakRssMb();
  const auto start = std::chrono::steady_clock::now();
  const Json c = ComparePlans(plans);
  const std::string html = CompareHtml(c);
  const double seconds = SecondsSince(start);
  const long rss_growth = PeakRssMb() - rss_before;
  std::printf("compare of a 10,000-year plan: %.2f s, peak RSS +%ld MB, report %zu bytes\n",
              seconds, rss_growth, html.size());
  EXPECT_EQ(c["timeline"][0]["marks"].size(), size_t{kMaxMarksPerPlan});
  EXPECT_GT(c["timeline"][0]["left_out"].get<long>(), 300L * 9000);
  EXPECT_EQ(c["timeline"][1]["left_out"], 0);
  EXPECT_LT(html.size(), 3'000'000u);
  EXPECT_LT(c.dump().size(), 3'000'000u);
  EXPECT_LT(seconds, 20.0);  // about 1 s here; ASan is slower
  EXPECT_LT(rss_growth, 400);
  EXPECT_NE(html.find("không được vẽ"), std::string::npos) << "the cut is said";
}

// Matching goals compared every goal with every group: 3 plans of 5,000
// goals sharing common words is now found through the index.
TEST(CompareLimits, MatchingThousandsOfGoalsIsNotQuadratic) {
  std::vector<Json> plans;
  uint32_t seed = 7;
  auto next = [&] { return seed = seed * 1103515245u + 12345u, (seed >> 8) % 3000; };
  for (int p = 0; p < 3; ++p) {
    Json plan = Plan("002-hoa-binh-2017.txt");
    Json goals = Json::array();
    for (int i = 0; i < 5000; ++i) {
      std::string text = "Nâng cao chất lượng công tác thi đua";
      for (int w = 0; w < 6; ++w) text += " w" + std::to_string(next());
      goals.push_back({{"text", text}, {"section", "I.1"}, {"line", i + 1}});
    }
    plan["goals"] = goals;
    plans.push_back(plan);
  }
  const long rss_before = PeakRssMb();
  const auto start = std::chrono::steady_clock::now();
  const Json c = ComparePlans(plans);
  const double seconds = SecondsSince(start);
  std::printf("matching 3 x 5,000 goals: %.2f s, peak RSS +%ld MB\n", seconds,
              PeakRssMb() - rss_before);
  size_t items = 0;
  for (const Json& row : c["goals"])
    for (const Json& cell : row["cells"]) items += cell.is_object();
  EXPECT_EQ(items, 15000u);  // every goal in exactly one row
  EXPECT_LT(c["goals"].size(), 15000u);  // and some matched
  EXPECT_LT(seconds, 30.0);  // a few seconds here; ASan is slower
}

// Every scalar of the comparison, whatever its type, replaced by markup.
void Poison(Json& value, const std::string& markup) {
  if (value.is_structured()) {
    for (Json& child : value) Poison(child, markup);
    return;
  }
  value = markup;
}

TEST(CompareReport, EveryValueIsEscapedWhateverItsType) {
  Json c = ComparePlans({Plan("000-ninh-binh-2023.restored.txt"), Plan("004-phu-tho-2016.txt"),
                         Plan("003-dak-nong-2023.txt")});
  const std::string clean = CompareHtml(c);
  Poison(c, "<b id=\"x\" onclick='y'>");
  const std::string html = CompareHtml(c);
  EXPECT_EQ(html.find("<b id"), std::string::npos);
  EXPECT_EQ(html.find("onclick='"), std::string::npos);
  EXPECT_NE(html.find("&lt;b id=&quot;x&quot; onclick=&#39;y&#39;&gt;"), std::string::npos);
  // The markup stands where values were: line numbers, counts, kinds, periods too.
  EXPECT_GT(html.size(), clean.size() / 2);
  EXPECT_EQ(EscapeHtml("a&<>\"'b"), "a&amp;&lt;&gt;&quot;&#39;b");
}

TEST(CompareReport, APolicyForbidsScriptsAndOutsideResources) {
  const std::string html = CompareHtml(
      ComparePlans({Plan("000-ninh-binh-2023.restored.txt"), Plan("004-phu-tho-2016.txt")}));
  EXPECT_NE(html.find("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
                      "'none'; style-src 'unsafe-inline'; img-src data:; script-src 'none'\">"),
            std::string::npos);
  for (const char* outside : {"<script", "src=\"http", "href=\"http", "@import", "url("})
    EXPECT_EQ(html.find(outside), std::string::npos) << outside;
}

}  // namespace
}  // namespace vnplan
