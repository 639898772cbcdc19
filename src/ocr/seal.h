// A round seal stamped over print, found by its ring and taken out of the
// page before the print under it is read again.
#ifndef VNPLAN_SRC_OCR_SEAL_H_
#define VNPLAN_SRC_OCR_SEAL_H_

#include "src/ocr/pix.h"
#include "src/ocr/signature_area.h"

namespace vnplan::ocr {

// A circle on the page, in pixels.
struct Circle {
  int x = 0, y = 0, radius = 0;
};

// Finds the outer ring of a round seal in `area` of `page` (1 or 8 bpp,
// dark ink on white): a circle of ink of a seal's size at `pixels_per_mm`,
// inked over most of its length. False when the area holds none, or the
// page's depth is neither. Print alone makes no such circle.
bool FindSealRing(Pix* page, const Area& area, double pixels_per_mm, Circle* ring);

// Whitens, in `page`, the rings of the seal found in `area` (FindSealRing):
// every circle about the seal's centre, out to its outer ring, that is
// inked over most of its length, so the print a ring crossed or touched
// stands apart from it. The seal's letters and emblem stay (Tesseract
// reads them as marks, which the signature area's confidence gates drop).
// False, and `page` untouched, when there is no seal.
bool EraseSealRings(Pix* page, const Area& area, double pixels_per_mm);

}  // namespace vnplan::ocr

#endif  // VNPLAN_SRC_OCR_SEAL_H_
