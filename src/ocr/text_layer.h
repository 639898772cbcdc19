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

// Paints white, on `page` (grey, rendered at `dpi`), the layer's words, so
// that Tesseract does not read them, and returns those of them that fill a
// blank in a printed line. A word standing apart from the scan's print (an
// e-signature box: "Ký bởi", "Thời gian ký") is not page text; it stays in
// OcrPage::layer_text. A word with the scan's print just left and right of
// it fills the line, as an e-office stamps a number into "Số: ___/BGDĐT"
// (cv1849): its text is exact, but drawn over the print it overlaps
// Tesseract reads neither ("Số1§4ØBGDĐT-GDPT"); WriteLayerWords puts it in
// the reading of its line.
std::vector<LayerWord> BlankLayerWords(Pix* page, const std::vector<LayerWord>& layer, int dpi);

// Writes each of `fills` (boxes in points; `pixels_per_point` the reading's
// scale) into the line of `lines` it stands in, at its place, in place of
// what was read under its box. A word on no line read is left out.
void WriteLayerWords(const std::vector<LayerWord>& fills, double pixels_per_point,
                     std::vector<LayoutLine>* lines);

}  // namespace vnplan::ocr

#endif  // VNPLAN_SRC_OCR_TEXT_LAYER_H_
