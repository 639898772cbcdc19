// Ruled tables found from their rules (Leptonica), on pages drawn here, and
// read row by row from Tesseract's lines.
#include <gtest/gtest.h>

#include <array>
#include <string>
#include <vector>

#include "src/ocr/layout.h"
#include "src/ocr/tables.h"

namespace vnplan::ocr {
namespace {

constexpr int kPageWidth = 2480, kPageHeight = 3508;  // A4 at 300 dpi

// A white page with black rectangles (x, y, w, h).
PixPtr PageWith(const std::vector<std::array<int, 4>>& marks) {
  PixPtr page(pixCreate(kPageWidth, kPageHeight, 8));
  pixSetAll(page.get());
  for (const auto& [x, y, w, h] : marks) {
    Box* box = boxCreate(x, y, w, h);
    pixClearInRect(page.get(), box);
    boxDestroy(&box);
  }
  return page;
}

// A grid of 3 rows and 3 columns at (300, 1000), rules 3 px wide; the
// middle rule stops short of the first row (a heading cell across two columns).
std::vector<std::array<int, 4>> Grid() {
  std::vector<std::array<int, 4>> rules;
  for (int y : {1000, 1100, 1200, 1300}) rules.push_back({300, y, 1800, 3});
  rules.push_back({300, 1000, 3, 303});
  rules.push_back({900, 1100, 3, 203});
  rules.push_back({1400, 1000, 3, 303});
  rules.push_back({2100, 1000, 3, 303});
  return rules;
}

TEST(Tables, ARuledGridIsFoundWithItsRowsAndCells) {
  std::vector<std::array<int, 4>> marks = Grid();
  marks.push_back({300, 2000, 1800, 3});  // an underline: no table
  marks.push_back({300, 2500, 400, 40});  // a bar of print: no table
  const std::vector<TableGrid> tables = FindTables(PageWith(marks).get());
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0].rows, (std::vector<int>{1001, 1101, 1201, 1301}));
  ASSERT_EQ(tables[0].columns.size(), 3u);
  EXPECT_EQ(tables[0].columns[0], (std::vector<int>{301, 1401, 2101}));  // the heading spans two columns
  EXPECT_EQ(tables[0].columns[1], (std::vector<int>{301, 901, 1401, 2101}));
}

TEST(Tables, ABoxIsNoTable) {
  EXPECT_TRUE(FindTables(PageWith({{300, 1000, 1800, 3}, {300, 1300, 1800, 3}, {300, 1000, 3, 303},
                                   {2100, 1000, 3, 303}}).get()).empty());
}

OcrWord Word(const std::string& text, int left, int top) {
  return {text, 90, left, top, left + 30 * static_cast<int>(text.size()), top + 40, 0, 0};
}

LayoutLine LineOf(std::vector<OcrWord> words) {
  LayoutLine line;
  line.words = std::move(words);
  line.left = line.words.front().left, line.right = line.words.back().right;
  line.top = line.words.front().top, line.bottom = line.words.front().bottom;
  return line;
}

// Tesseract reads a table column by column; the text comes out row by row,
// cells joined by " | ", a cell of two lines in one, where the table stands.
TEST(Tables, ATableIsReadRowByRow) {
  TableGrid grid;
  grid.rows = {1000, 1100, 1300};
  grid.columns = {{300, 900, 2100}, {300, 900, 2100}};
  const std::vector<LayoutLine> lines = {
      LineOf({Word("Trước", 300, 800)}),
      LineOf({Word("TT", 320, 1030), {"|", 60, 894, 1030, 906, 1070, 0, 0}}),  // a rule read as a glyph
      LineOf({Word("1", 320, 1130)}),
      LineOf({Word("Nội", 950, 1030), Word("dung", 1100, 1030)}),
      LineOf({Word("Họp", 950, 1130), Word("triển", 1100, 1130)}),
      LineOf({Word("khai", 950, 1200)}),
      LineOf({Word("Sau", 300, 1500)}),
  };
  std::vector<OcrWord> words;
  const std::string text = PageText(lines, kPageWidth, {grid}, &words);
  EXPECT_EQ(text, "Trước\nTT | Nội dung\n1 | Họp triển khai\n\nSau\n");
  for (const OcrWord& w : words) EXPECT_EQ(text.substr(w.offset, w.text.size()), w.text);
  EXPECT_EQ(words.size(), 9u);
}

}  // namespace
}  // namespace vnplan::ocr
