// Cleaning a page with Leptonica before Tesseract reads it (OcrOptions::steps).
#ifndef VNPLAN_SRC_OCR_PREPROCESS_H_
#define VNPLAN_SRC_OCR_PREPROCESS_H_

#include "src/ocr/pix.h"
#include "vnplan/ocr.h"

namespace vnplan::ocr {

// Grey, then the chosen steps in OcrStep order; each step keeps the previous
// result if it fails. No steps at all ("none") gives the image as it is.
PixPtr Clean(Pix* input, OcrSteps steps);

}  // namespace vnplan::ocr

#endif  // VNPLAN_SRC_OCR_PREPROCESS_H_
