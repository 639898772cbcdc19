// Leptonica images owned by unique_ptr, shared by the OCR stage's files.
#ifndef VNPLAN_SRC_OCR_PIX_H_
#define VNPLAN_SRC_OCR_PIX_H_

#include <leptonica/allheaders.h>

#include <memory>

namespace vnplan::ocr {

struct PixDeleter {
  void operator()(Pix* p) const { pixDestroy(&p); }
};
using PixPtr = std::unique_ptr<Pix, PixDeleter>;

}  // namespace vnplan::ocr

#endif  // VNPLAN_SRC_OCR_PIX_H_
