#include "src/ocr/text_layer.h"

#include <algorithm>
#include <cmath>

namespace vnplan::ocr {

void BlankLayerWords(Pix* page, const std::vector<LayerWord>& layer, int dpi) {
  const double scale = dpi / 72.0;
  for (const LayerWord& word : layer) {
    // A pixel of margin each side: antialiased glyph edges spill over the box.
    const auto x = static_cast<l_int32>(std::floor(word.left * scale)) - 1;
    const auto y = static_cast<l_int32>(std::floor(word.top * scale)) - 1;
    const auto w = static_cast<l_int32>(std::ceil((word.right - word.left) * scale)) + 3;
    const auto h = static_cast<l_int32>(std::ceil((word.bottom - word.top) * scale)) + 3;
    Box* box = boxCreate(std::max(0, x), std::max(0, y), w, h);
    if (box) pixSetInRect(page, box);
    boxDestroy(&box);
  }
}

void SpliceLayerWords(const std::vector<LayerWord>& layer, double scale,
                      std::vector<LayoutLine>* lines) {
  for (const LayerWord& word : layer) {
    const int left = static_cast<int>(word.left * scale), right = static_cast<int>(word.right * scale);
    const int top = static_cast<int>(word.top * scale), bottom = static_cast<int>(word.bottom * scale);
    for (LayoutLine& line : *lines) {
      const int overlap = std::min(bottom, line.bottom) - std::max(top, line.top);
      if (2 * overlap < bottom - top) continue;
      auto after = std::find_if(line.words.begin(), line.words.end(),
                                [&](const OcrWord& w) { return w.left + w.right > left + right; });
      if (after == line.words.begin() || after == line.words.end()) continue;
      line.words.insert(after, OcrWord{word.text, 100, left, top, right, bottom, 0, 0});
      break;
    }
  }
}

}  // namespace vnplan::ocr
