#include "src/ocr/tables.h"

#include <algorithm>
#include <memory>

namespace vnplan::ocr {
namespace {

// A rule is an unbroken run of dark pixels: horizontal ones at least a
// tenth of the page's width (248 px on A4 at 300 dpi; the longest word of
// 13-point print is under 200), vertical ones a 35th (70 px: a glyph with
// its marks is under 60 px high; a table row of one line is 60-80 px).
constexpr int kHorizontalShare = 10, kVerticalShare = 35;
// Gaps a scanned rule may have (grain, a slight tilt) that are bridged.
constexpr int kRuleGap = 3;
// Dark enough to be a rule: rules are thinner and paler than print; after
// the despeckle step the table rules of cv1849 p3 (200 dpi) fall above 128
// and are lost; under 192 they are found, with no false table on the four
// gold pages.
constexpr int kRuleDark = 192;
// A frame whose rules start within this share of the page's width from its
// left or right edge is in the outer margin (A4: 17 mm; print keeps 20-30
// mm off the edge): a stamp. Narrower than kStampShare of the page: a
// table across the margin is wider.
constexpr int kMarginShare = 12, kStampShare = 3;
// A table's row holds a line of print: at least a 70th of the page's width
// high (35 px at 300 dpi; 13-point print with its marks is 55). The QR
// code on cv1849 p6 made a grid of rows 20 px high.
constexpr int kLowestRowShare = 70;
// A row rule runs across most of the table; a column rule down at least
// this share of it (a heading cell spanning columns interrupts it).
constexpr double kRowRuleSpan = 0.6, kColumnRuleSpan = 0.3;

struct BoxaDeleter {
  void operator()(Boxa* b) const { boxaDestroy(&b); }
};
struct NumaDeleter {
  void operator()(Numa* n) const { numaDestroy(&n); }
};
struct BoxDeleter {
  void operator()(Box* b) const { boxDestroy(&b); }
};

// The middles of the runs of positions whose count reaches `least`.
std::vector<int> Peaks(Numa* counts, double least, int offset) {
  std::vector<int> peaks;
  const l_int32 n = numaGetCount(counts);
  for (l_int32 i = 0; i < n;) {
    l_int32 v = 0;
    numaGetIValue(counts, i, &v);
    if (v < least) {
      ++i;
      continue;
    }
    l_int32 end = i;
    for (; end < n; ++end) {
      numaGetIValue(counts, end, &v);
      if (v < least) break;
    }
    peaks.push_back(offset + (i + end - 1) / 2);
    i = end;
  }
  return peaks;
}

// Whether the vertical rules `ver` cross the band [y0, y1) at x: dark on
// most of its middle half, within a few pixels of x.
bool Crosses(Pix* ver, int x, int y0, int y1) {
  const int from = y0 + (y1 - y0) / 4, to = y1 - (y1 - y0) / 4;
  int dark = 0;
  for (int y = from; y < to; ++y) {
    bool any = false;
    for (int dx = -kRuleGap - 1; dx <= kRuleGap + 1 && !any; ++dx) {
      l_uint32 v = 0;
      any = pixGetPixel(ver, x + dx, y, &v) == 0 && v != 0;
    }
    dark += any;
  }
  return 2 * dark >= to - from;
}

// The grid of the rules inside `box`, if they make a table.
bool GridIn(Pix* hor, Pix* ver, Box* box, int page_width, TableGrid* grid) {
  l_int32 bx = 0, by = 0, bw = 0, bh = 0;
  boxGetGeometry(box, &bx, &by, &bw, &bh);
  PixPtr hclip(pixClipRectangle(hor, box, nullptr)), vclip(pixClipRectangle(ver, box, nullptr));
  if (!hclip || !vclip) return false;
  std::unique_ptr<Numa, NumaDeleter> by_row(pixCountPixelsByRow(hclip.get(), nullptr));
  std::unique_ptr<Numa, NumaDeleter> by_column(pixCountPixelsByColumn(vclip.get()));
  if (!by_row || !by_column) return false;
  grid->rows = Peaks(by_row.get(), kRowRuleSpan * bw, by);
  const std::vector<int> columns = Peaks(by_column.get(), kColumnRuleSpan * bh, bx);
  if (grid->rows.size() < 3 || columns.size() < 3) return false;
  for (size_t r = 0; r + 1 < grid->rows.size(); ++r)
    if (grid->rows[r + 1] - grid->rows[r] < page_width / kLowestRowShare) return false;
  grid->columns.clear();
  for (size_t r = 0; r + 1 < grid->rows.size(); ++r) {
    grid->columns.emplace_back();
    for (int x : columns)
      if (Crosses(ver, x, grid->rows[r], grid->rows[r + 1])) grid->columns.back().push_back(x);
  }
  return true;
}

}  // namespace

std::vector<TableGrid> FindTables(Pix* page) {
  std::vector<TableGrid> tables;
  PixPtr grey(pixConvertTo8(page, 0));
  if (!grey) return tables;
  PixPtr dark(pixThresholdToBinary(grey.get(), kRuleDark));
  if (!dark) return tables;
  const l_int32 w = pixGetWidth(dark.get());
  PixPtr hor(pixCloseBrick(nullptr, dark.get(), kRuleGap, 1));
  if (hor) hor.reset(pixOpenCompBrick(nullptr, hor.get(), w / kHorizontalShare, 1));
  PixPtr ver(pixCloseBrick(nullptr, dark.get(), 1, kRuleGap));
  if (ver) ver.reset(pixOpenCompBrick(nullptr, ver.get(), 1, w / kVerticalShare));
  if (!hor || !ver) return tables;
  PixPtr rules(pixOr(nullptr, hor.get(), ver.get()));
  if (rules) rules.reset(pixDilateBrick(nullptr, rules.get(), 2 * kRuleGap + 1, 2 * kRuleGap + 1));
  if (!rules) return tables;
  std::unique_ptr<Boxa, BoxaDeleter> parts(pixConnCompBB(rules.get(), 8));
  if (!parts) return tables;
  for (l_int32 i = 0; i < boxaGetCount(parts.get()); ++i) {
    std::unique_ptr<Box, BoxDeleter> box(boxaGetBox(parts.get(), i, L_COPY));
    l_int32 bx = 0, by = 0, bw = 0, bh = 0;
    if (!box || boxGetGeometry(box.get(), &bx, &by, &bw, &bh) != 0) continue;
    if (bw < w / kHorizontalShare || bh < w / kVerticalShare) continue;
    TableGrid grid;
    grid.left = bx, grid.top = by, grid.right = bx + bw, grid.bottom = by + bh;
    grid.stamp = (bx < w / kMarginShare || bx + bw > w - w / kMarginShare) && bw < w / kStampShare;
    if (grid.stamp || GridIn(hor.get(), ver.get(), box.get(), w, &grid)) tables.push_back(std::move(grid));
  }
  std::sort(tables.begin(), tables.end(),
            [](const TableGrid& a, const TableGrid& b) { return a.top < b.top; });
  return tables;
}

}  // namespace vnplan::ocr
