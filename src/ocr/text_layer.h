// A scanned PDF page's own text layer, beside what Tesseract reads of the
// page: the words an e-office printed onto the scan after scanning it.
#ifndef VNPLAN_SRC_OCR_TEXT_LAYER_H_
#define VNPLAN_SRC_OCR_TEXT_LAYER_H_

#include <string>
#include <vector>

#include "src/ocr/pix.h"

namespace vnplan::ocr {

// A word of a PDF page's text layer and its box, in points from the page's
// top left.
struct LayerWord {
  std::string text;
  double left = 0, top = 0, right = 0, bottom = 0;
};

// Paints white, on `page` (grey, rendered at `dpi`), the layer's words that
// stand apart from the scan's print, so that Tesseract does not read them:
// an e-signature box ("Ký bởi", "Thời gian ký") is not page text; it stays
// in OcrPage::layer_text. A word with the scan's print just left and right
// of it fills a blank in a printed line, as an e-office stamps a number
// into "Số: ___/BGDĐT" (cv1849): it is part of the line and is left to be
// read with it (its box also covers the printed ":" and "/" it overlaps).
void BlankLayerWords(Pix* page, const std::vector<LayerWord>& layer, int dpi);

}  // namespace vnplan::ocr

#endif  // VNPLAN_SRC_OCR_TEXT_LAYER_H_
