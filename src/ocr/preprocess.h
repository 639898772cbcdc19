// Cleaning a page with Leptonica before Tesseract reads it (OcrOptions::steps).
#ifndef VNPLAN_SRC_OCR_PREPROCESS_H_
#define VNPLAN_SRC_OCR_PREPROCESS_H_

#include "src/ocr/pix.h"
#include "vnplan/ocr.h"

namespace vnplan::ocr {

// Grey, then the chosen steps in OcrStep order; each step keeps the previous
// result if it fails. No steps at all ("none") gives the image as it is.
PixPtr Clean(Pix* input, OcrSteps steps);

// Paints white, on `grey`, the pixels where `colour` (32 bpp, the same page
// in colour) has red or blue ink: seals, red name stamps, blue signatures
// and handwriting laid over the print. Where such ink crosses black print
// the pixel stays dark (black wins), so the print under a seal is kept.
void WhitenColouredInk(Pix* colour, Pix* grey);

}  // namespace vnplan::ocr

#endif  // VNPLAN_SRC_OCR_PREPROCESS_H_
