#include "src/ocr/text_layer.h"

#include <algorithm>
#include <cmath>

namespace vnplan::ocr {
namespace {

// The word's box in pixels, a pixel wider each side: antialiased glyph
// edges spill over it.
Box* PixelBox(const LayerWord& word, int dpi) {
  const double scale = dpi / 72.0;
  const auto x = static_cast<l_int32>(std::floor(word.left * scale)) - 1;
  const auto y = static_cast<l_int32>(std::floor(word.top * scale)) - 1;
  const auto w = static_cast<l_int32>(std::ceil((word.right - word.left) * scale)) + 3;
  const auto h = static_cast<l_int32>(std::ceil((word.bottom - word.top) * scale)) + 3;
  return boxCreate(std::max(0, x), std::max(0, y), w, h);
}

// Whether `grey` has print in the window [x0, x1) x [y0, y1): dark pixels
// on at least 1% of it (a glyph's stroke; scanner grain stays under that).
bool HasPrint(Pix* grey, l_int32 x0, l_int32 x1, l_int32 y0, l_int32 y1) {
  x0 = std::max(0, x0), y0 = std::max(0, y0);
  x1 = std::min<l_int32>(x1, pixGetWidth(grey)), y1 = std::min<l_int32>(y1, pixGetHeight(grey));
  if (x1 <= x0 || y1 <= y0) return false;
  long long dark = 0;
  for (l_int32 y = y0; y < y1; ++y) {
    const l_uint32* row = pixGetData(grey) + y * pixGetWpl(grey);
    for (l_int32 x = x0; x < x1; ++x) dark += GET_DATA_BYTE(row, x) < 128;
  }
  return 100 * dark >= static_cast<long long>(x1 - x0) * (y1 - y0);
}

// Whether the word sits inside a line of the scan's print: print within
// one word-height left and right of it, in the middle half of its height.
// `scan` is the page with every layer word painted out, so that the words
// of one e-signature line do not count as print for each other.
bool FillsPrintedLine(Pix* scan, const Box* box) {
  const l_int32 reach = box->h, y0 = box->y + box->h / 4, y1 = box->y + 3 * box->h / 4;
  return HasPrint(scan, box->x - reach, box->x, y0, y1) &&
         HasPrint(scan, box->x + box->w, box->x + box->w + reach, y0, y1);
}

}  // namespace

std::vector<LayerWord> BlankLayerWords(Pix* page, const std::vector<LayerWord>& layer, int dpi) {
  std::vector<LayerWord> fills;
  if (layer.empty() || pixGetDepth(page) != 8) return fills;
  std::vector<Box*> boxes;
  for (const LayerWord& word : layer) boxes.push_back(PixelBox(word, dpi));
  PixPtr scan(pixCopy(nullptr, page));
  if (scan)
    for (Box* box : boxes)
      if (box) pixSetInRect(scan.get(), box);
  for (size_t i = 0; i < boxes.size(); ++i) {
    if (boxes[i] && scan && FillsPrintedLine(scan.get(), boxes[i])) fills.push_back(layer[i]);
    if (boxes[i]) pixSetInRect(page, boxes[i]);
    boxDestroy(&boxes[i]);
  }
  return fills;
}

void WriteLayerWords(const std::vector<LayerWord>& fills, double pixels_per_point,
                     std::vector<LayoutLine>* lines) {
  for (const LayerWord& fill : fills) {
    const auto at = [&](double points) { return static_cast<int>(std::lround(points * pixels_per_point)); };
    const OcrWord word{fill.text, 100, at(fill.left), at(fill.top), at(fill.right), at(fill.bottom), 0, 0};
    // The line it stands in: the one its box overlaps most in height.
    LayoutLine* best = nullptr;
    int best_overlap = 0;
    for (LayoutLine& line : *lines) {
      const int overlap = std::min(line.bottom, word.bottom) - std::max(line.top, word.top);
      if (overlap > best_overlap) best = &line, best_overlap = overlap;
    }
    if (best == nullptr) continue;
    auto& words = best->words;
    words.erase(std::remove_if(words.begin(), words.end(),
                               [&](const OcrWord& w) {
                                 const int centre = (w.left + w.right) / 2;
                                 return centre >= word.left && centre < word.right;
                               }),
                words.end());
    const auto place = std::find_if(words.begin(), words.end(),
                                    [&](const OcrWord& w) { return w.left >= word.left; });
    words.insert(place, word);
    best->left = std::min(best->left, word.left), best->right = std::max(best->right, word.right);
  }
}

}  // namespace vnplan::ocr
