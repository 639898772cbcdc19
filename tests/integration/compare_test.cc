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

std::string Command(const std::string& command) {
  std::string out;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
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
  // Vietnamese labels; columns named by issuer and province; counts.
  for (const char* label : {"Cơ quan ban hành", "Tỉnh, thành phố", "Số chỉ tiêu", "Phân công",
                            "Lịch thời hạn theo tháng", "Chỉ tiêu theo chỉ số"})
    EXPECT_NE(dom.find(label), std::string::npos) << label;
  EXPECT_EQ(dom.find("<th>issuer</th>"), std::string::npos) << "English keys as labels";
  EXPECT_NE(dom.find("Sở Giáo dục và Đào tạo – Phú Thọ"), std::string::npos);
  EXPECT_NE(dom.find("Sở Giáo dục và Đào tạo – Ninh Bình"), std::string::npos);
  EXPECT_EQ(Count(dom, "<tr class=\"count\">"), 6);
  // The chart, month ticks, the month calendar, the assignments.
  EXPECT_EQ(Count(dom, "<g class=\"indicator\">"),
            static_cast<int>(std::min<size_t>(c["indicators"].size(), 20)));
  EXPECT_GT(Count(dom, "<line class=\"month\""), 12);
  EXPECT_EQ(Count(dom, "<th>Tháng "), static_cast<int>(c["by_month"].size()));
  EXPECT_GT(c["assignments"].size(), 5u);
  const size_t assignments = dom.find("<table id=\"assignments\">");
  ASSERT_NE(assignments, std::string::npos);
  EXPECT_EQ(Count(dom.substr(assignments, dom.find("</table>", assignments) - assignments), "<tr>"),
            static_cast<int>(c["assignments"].size()) + 1);

  const std::string png = testing::OutputDir() + "/report.png";
  std::filesystem::remove(png);
  Chromium("--window-size=1100,1600 --screenshot='" + png + "' 'file://" + html + "'");
  ASSERT_TRUE(std::filesystem::exists(png));
  EXPECT_GT(std::filesystem::file_size(png), 20000u);
  // Printed: A4 pages (595 x 842 points).
  const std::string pdf = testing::OutputDir() + "/report.pdf";
  Chromium("--no-pdf-header-footer --print-to-pdf='" + pdf + "' 'file://" + html + "'");
  ASSERT_TRUE(std::filesystem::exists(pdf));
  const std::string info = Command("pdfinfo '" + pdf + "'");
  EXPECT_NE(info.find(" pts (A4)"), std::string::npos) << info;
}

std::string Title(const std::string& dom) {
  const size_t at = dom.find("<title>");
  return at == std::string::npos ? "" : dom.substr(at + 7, dom.find("</title>") - at - 7);
}

// Issue 14 item 11: a script in a plan's fields ran in Chromium. Escaped,
// it is text; and were markup ever to slip through, the policy stops it:
// the same page without the policy runs it (the check can see a script run).
TEST(Compare, NoScriptRunsInTheReport) {
  auto a = Plan("000-ninh-binh-2023.restored.txt"), b = Plan("004-phu-tho-2016.txt");
  const std::string evil = "<script>document.title='ran'</script><img src=x onerror=\"document.title='ran'\">";
  a["document"]["issuer"]["name"] = evil;
  a["deadlines"][0]["text"] = evil;
  a["deadlines"][0]["kind"] = evil;
  b["goals"][0]["text"] = evil;
  b["document"]["period"]["from"] = evil;
  const std::string escaped = CompareHtml(ComparePlans({a, b}));
  const std::string path = testing::OutputDir() + "/evil.html";
  testing::WriteFile(path, escaped);
  EXPECT_EQ(Title(Chromium("--dump-dom 'file://" + path + "'")), "So sánh kế hoạch");

  std::string slipped = CompareHtml(ComparePlans({Plan("000-ninh-binh-2023.restored.txt"), b}));
  slipped.insert(slipped.find("<body>") + 6, "<script>document.title='ran'</script>");
  testing::WriteFile(path, slipped);
  EXPECT_EQ(Title(Chromium("--dump-dom 'file://" + path + "'")), "So sánh kế hoạch");
  const size_t policy = slipped.find("<meta http-equiv=\"Content-Security-Policy\"");
  ASSERT_NE(policy, std::string::npos);
  slipped.erase(policy, slipped.find('>', policy) + 1 - policy);
  testing::WriteFile(path, slipped);
  EXPECT_EQ(Title(Chromium("--dump-dom 'file://" + path + "'")), "ran");
}

}  // namespace
}  // namespace vnplan
