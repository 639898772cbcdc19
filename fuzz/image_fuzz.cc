// Fuzz target: the image and PDF readers on any bytes: list the pages (the
// header checks), then decode or render each, as an OCR worker would, but
// without Tesseract. The pixel limit is lowered so a bomb is a finding
// (memory past -rss_limit_mb) rather than a slow input.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <poppler/cpp/poppler-document.h>

#include "src/ocr/page_input.h"
#include "src/ocr/pdf_input.h"
#include "vnplan/ocr.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  vnplan::OcrOptions options;
  options.max_pixels = 4'000'000;
  options.max_pages = 8;
  std::vector<vnplan::ocr::PageInput> pages;
  std::string error;
  if (bytes.substr(0, 4) == "%PDF") {
    if (!vnplan::ocr::ListPdfPages(bytes, options, &pages, &error)) return 0;
    const auto doc = vnplan::ocr::LoadPdf(bytes);
    if (!doc) return 0;
    for (const auto& page : pages) {
      // 72 dpi keeps a page small; the limit was checked at kRenderDpi.
      if (page.source == vnplan::ocr::PageInput::Source::kPdfPage) {
        (void)vnplan::ocr::RenderPdfPage(*doc, page.index, 72);
      }
    }
    return 0;
  }
  if (!vnplan::ocr::ListImagePages(bytes, options, &pages, &error)) return 0;
  for (const auto& page : pages) (void)vnplan::ocr::DecodeImagePage(bytes, page);
  return 0;
}
