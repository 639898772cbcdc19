// A scanned PDF page's own text layer, beside what Tesseract reads of the
// page: the words an e-office printed onto the scan after scanning it.
#ifndef VNPLAN_SRC_OCR_TEXT_LAYER_H_
#define VNPLAN_SRC_OCR_TEXT_LAYER_H_

#include <string>
#include <vector>

#include "src/ocr/layout.h"
#include "src/ocr/pix.h"

namespace vnplan::ocr {

// A word of a PDF page's text layer and its box, in points from the page's
// top left.
struct LayerWord {
  std::string text;
  double left = 0, top = 0, right = 0, bottom = 0;
};

// Paints the layer's words white on `page` (rendered at `dpi`), so that
// Tesseract reads the scan, not the layer drawn over it.
void BlankLayerWords(Pix* page, const std::vector<LayerWord>& layer, int dpi);

// Puts back the layer's words that fill a blank inside a printed line, as
// an e-office stamps a document's number into "Số: ___/BGDĐT" (cv1849): a
// word joins the OCR'd line it overlaps for at least half its height when
// that line has words on both sides of it; it gets confidence 100. Words
// forming lines of their own (an e-signature box: "Ký bởi", "Thời gian
// ký") are not page text; they stay in OcrPage::layer_text. `scale` turns
// points into the pixels of `lines`.
void SpliceLayerWords(const std::vector<LayerWord>& layer, double scale,
                      std::vector<LayoutLine>* lines);

}  // namespace vnplan::ocr

#endif  // VNPLAN_SRC_OCR_TEXT_LAYER_H_
