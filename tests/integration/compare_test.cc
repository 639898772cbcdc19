// The comparison report, checked in a real browser: headless Chromium
// loads the HTML, the test reads the DOM it built (the timeline is drawn,
// the tables have their rows) and a screenshot is saved in the build tree.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>

#include "tools/vnplan/compare_command.h"
#include "tools/vnplan/report_html.h"
#include "vnplan/pipeline.h"
#include "tests/support/test_support.h"
#include "vnplan/plan_json.h"

namespace vnplan {
namespace {

nlohmann::json Plan(const std::string& name) {
  return nlohmann::json::parse(testing::CorpusPlanJson(name));
}

int Count(const std::string& haystack, const std::string& needle) {
  int n = 0;
  for (size_t p = haystack.find(needle); p != std::string::npos; p = haystack.find(needle, p + 1)) ++n;
  return n;
}

std::string Chromium(const std::string& args) {
  const std::string profile = testing::OutputDir() + "/chromium-profile";
  std::filesystem::remove_all(profile);
  const std::string command =
      "chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
      "--disable-background-networking --disable-component-update --disable-sync "
      "--user-data-dir='" + profile + "' " + args + " 2>/dev/null";
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return out;
  char buf[4096];
  for (size_t n; (n = fread(buf, 1, sizeof buf, pipe)) > 0;) out.append(buf, n);
  pclose(pipe);
  return out;
}

TEST(Compare, MatchesCriteriaAcrossPlansAndFindsWhatEachLacks) {
  const nlohmann::json c = ComparePlans({Plan("000-ninh-binh-2023.restored.txt"),
                                         Plan("003-dak-nong-2023.txt"),
                                         Plan("001-binh-chanh-2023.ocr.txt")});
  ASSERT_EQ(c["plans"].size(), 3u);
  // "Hoàn thành xuất sắc các nhiệm vụ được giao" stands in 000 and 003.
  bool matched = false;
  for (const auto& row : c["criteria"]) {
    const auto& a = row["cells"][0];
    const auto& b = row["cells"][1];
    if (a.is_object() && b.is_object() &&
        a["text"].get<std::string>().find("Hoàn thành xuất sắc") != std::string::npos) {
      EXPECT_NE(b["text"].get<std::string>().find("Hoàn thành xuất sắc"), std::string::npos);
      matched = true;
    }
    EXPECT_TRUE(row["cells"][2].is_null());  // 001 states no criteria
  }
  EXPECT_TRUE(matched);
  // The earliest dated thing: 003's yearly report "trước ngày 15/12" from
  // its 2022-2025 period.
  EXPECT_EQ(c["timeline_from"], "2022-12-15");
  EXPECT_EQ(c["timeline_to"], "2025-12-31");
}

TEST(Compare, ReportIsDrawnInHeadlessChromium) {
  ASSERT_EQ(std::system("command -v chromium >/dev/null 2>&1"), 0)
      << "chromium is not installed (scripts/setup.sh installs it)";
  const auto a = Plan("000-ninh-binh-2023.restored.txt"), b = Plan("003-dak-nong-2023.txt"),
             d = Plan("004-phu-tho-2016.txt");
  const nlohmann::json c = ComparePlans({a, b, d});
  const std::string html = testing::OutputDir() + "/report.html";
  testing::WriteFile(html, CompareHtml(c));
  const std::string dom = Chromium("--dump-dom 'file://" + html + "'");
  ASSERT_NE(dom.find("<svg id=\"timeline\""), std::string::npos) << dom.substr(0, 300);
  int marks = 0;
  for (const auto& plan : c["timeline"]) marks += static_cast<int>(plan["marks"].size());
  EXPECT_GT(marks, 10);
  EXPECT_EQ(Count(dom, "<g class=\"mark"), marks);
  const size_t targets = a["targets"].size() + b["targets"].size() + d["targets"].size();
  const size_t table = dom.find("<table id=\"targets\">");
  ASSERT_NE(table, std::string::npos);
  EXPECT_EQ(Count(dom.substr(table, dom.find("</table>", table) - table), "<tr>"),
            static_cast<int>(targets) + 1);
  EXPECT_NE(dom.find("Sở Giáo dục và Đào tạo"), std::string::npos);  // UTF-8 intact

  const std::string png = testing::OutputDir() + "/report.png";
  std::filesystem::remove(png);
  Chromium("--window-size=1100,1600 --screenshot='" + png + "' 'file://" + html + "'");
  ASSERT_TRUE(std::filesystem::exists(png));
  EXPECT_GT(std::filesystem::file_size(png), 20000u);
}

}  // namespace
}  // namespace vnplan
