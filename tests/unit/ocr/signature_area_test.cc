// The signer's block beside "Nơi nhận", on lines made here: where it lies,
// and how its second reading takes the place of the page's own.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "src/ocr/layout.h"
#include "src/ocr/signature_area.h"

namespace vnplan::ocr {
namespace {

constexpr int kPageWidth = 2480, kPageHeight = 3508;  // A4 at 300 dpi

// A line of words at [top, bottom); each word its text, x range, confidence.
struct W {
  std::string text;
  int left, right;
  float confidence = 90;
};
LayoutLine Line(int top, int bottom, const std::vector<W>& words) {
  LayoutLine line;
  line.top = top, line.bottom = bottom, line.left = words.front().left;
  for (const W& w : words) {
    line.words.push_back({w.text, w.confidence, w.left, top, w.right, bottom, 0, 0});
    line.right = w.right;
  }
  return line;
}

std::string Text(const std::vector<LayoutLine>& lines) {
  std::vector<OcrWord> words;
  return PageText(lines, kPageWidth, {}, &words);
}

// The footer of a page whose signer's block Tesseract merged with a seal's
// marks: the body's last line, "Nơi nhận" with a merged right part, the list.
std::vector<LayoutLine> Footer() {
  return {Line(900, 950, {{"Các", 250, 350}, {"sở", 365, 430}, {"thực", 445, 560}, {"hiện", 575, 2200}}),
          Line(1100, 1150, {{"Nơi", 250, 340}, {"nhận:", 355, 500}, {"KT.", 1600, 1700},
                            {"CHỦ", 1715, 1850}}),
          Line(1160, 1210, {{"-", 250, 270}, {"Bộ", 285, 340}, {"Tư", 355, 400}, {"pháp;", 415, 1100}}),
          Line(1220, 1270, {{"-", 250, 270}, {"Lưu:", 285, 380}, {"VT.", 395, 470}}),
          Line(1500, 1550, {{"hàm", 1650, 1760, 40}, {"Trường", 1775, 1950}, {"Thọ", 1965, 2060}})};
}

TEST(SignatureArea, LiesRightOfTheListBelowTheBody) {
  Area area;
  ASSERT_TRUE(FindSignatureArea(Footer(), kPageWidth, kPageHeight, &area));
  EXPECT_EQ(area.left, 1101);  // right of the list's longest line
  EXPECT_EQ(area.top, 1050);   // a line above "Nơi nhận", below the body
  EXPECT_EQ(area.bottom, 1100 + static_cast<int>(0.25 * kPageHeight));
  EXPECT_EQ(area.right, kPageWidth);
  std::vector<LayoutLine> no_list = Footer();
  no_list.erase(no_list.begin() + 1);
  EXPECT_FALSE(FindSignatureArea(no_list, kPageWidth, kPageHeight, &area));
}

TEST(SignatureArea, SecondReadingFollowsTheWholeList) {
  std::vector<LayoutLine> lines = Footer();
  Area area;
  ASSERT_TRUE(FindSignatureArea(lines, kPageWidth, kPageHeight, &area));
  ReplaceArea(area,
              {Line(1100, 1150, {{"KT.", 1600, 1700}, {"CHỦ", 1715, 1850}, {"TỊCH", 1865, 2000}}),
               Line(1300, 1400, {{"@#", 1500, 1700, 20}}),  // the seal's marks
               Line(1500, 1550, {{"Phạm", 1650, 1790}, {"Trường", 1805, 1950}, {"Thọ", 1965, 2060}})},
              &lines);
  EXPECT_EQ(Text(lines),
            "Các sở thực hiện\nNơi nhận:\n- Bộ Tư pháp;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPhạm Trường Thọ\n\n");
}

// What is left of a title a seal's letters cover: a line with a word of
// letters read too poorly ("HQ", 26) stays out whole, not as "HỦ TỊCH";
// marks beside a name read well ("_", 61) go, the name stays.
TEST(SignatureArea, MarksAreNoWords) {
  std::vector<LayoutLine> lines = Footer();
  Area area;
  ASSERT_TRUE(FindSignatureArea(lines, kPageWidth, kPageHeight, &area));
  ReplaceArea(area,
              {Line(1160, 1210, {{"®«", 1500, 1540, 13}, {"^", 1550, 1570, 81}, {"HQ", 1580, 1640, 26},
                                 {"-", 1650, 1670, 83}, {"HỦ", 1680, 1760, 83}, {"TỊCH", 1775, 1900, 97}}),
               Line(1500, 1550, {{"_", 1600, 1640, 61}, {"Phạm", 1650, 1790}, {"Trường", 1805, 1950},
                                 {"Thọ", 1965, 2060}})},
              &lines);
  EXPECT_EQ(Text(lines), "Các sở thực hiện\nNơi nhận:\n- Bộ Tư pháp;\n- Lưu: VT.\nPhạm Trường Thọ\n\n");
}

TEST(SignatureArea, NothingReadKeepsThePagesOwnReading) {
  std::vector<LayoutLine> lines = Footer();
  const std::string before = Text(lines);
  Area area;
  ASSERT_TRUE(FindSignatureArea(lines, kPageWidth, kPageHeight, &area));
  ReplaceArea(area, {Line(1300, 1400, {{"@#", 1500, 1700, 20}})}, &lines);
  EXPECT_EQ(Text(lines), before);
}

}  // namespace
}  // namespace vnplan::ocr
