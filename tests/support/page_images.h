// Page images the OCR tests make: a Leptonica picture as PNG bytes, and the
// one-page scanned PDF of such bytes (a searchable PDF with nothing read,
// so its page has no text layer and is a page to OCR).
#ifndef VNPLAN_TESTS_SUPPORT_PAGE_IMAGES_H_
#define VNPLAN_TESTS_SUPPORT_PAGE_IMAGES_H_

#include <gtest/gtest.h>
#include <leptonica/allheaders.h>

#include <string>

#include "vnplan/ocr.h"
#include "vnplan/searchable_pdf.h"

namespace vnplan::testing {

// `pix` as PNG bytes; `pix` is destroyed.
inline std::string PngOf(Pix* pix) {
  l_uint8* data = nullptr;
  size_t size = 0;
  EXPECT_EQ(pixWriteMemPng(&data, &size, pix, 0), 0);
  pixDestroy(&pix);
  std::string png(reinterpret_cast<char*>(data), size);
  lept_free(data);
  return png;
}

// The scanned PDF of one page whose image is `png`.
inline std::string ScannedPdfOf(const std::string& png) {
  OcrDocument nothing_read;
  nothing_read.pages.resize(1);
  std::string pdf;
  EXPECT_TRUE(WriteSearchablePdf(png, nothing_read, "", {}, "", &pdf).ok());
  return pdf;
}

}  // namespace vnplan::testing

#endif  // VNPLAN_TESTS_SUPPORT_PAGE_IMAGES_H_
