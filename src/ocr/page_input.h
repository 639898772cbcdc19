// What the readers of image files and PDFs hand the OCR workers: a list of
// pages, each checked against the limits from its header but not decoded.
// A worker decodes (or renders) a page only when it reads it, so a long
// input is never held in memory all at once.
#ifndef VNPLAN_SRC_OCR_PAGE_INPUT_H_
#define VNPLAN_SRC_OCR_PAGE_INPUT_H_

#include <string>
#include <string_view>
#include <vector>

#include "src/ocr/pix.h"
#include "src/ocr/text_layer.h"
#include "vnplan/ocr.h"

namespace vnplan::ocr {

struct PageInput {
  enum class Source {
    kImage,      // a single-image file (PNG, JPEG, GIF, BMP, ...)
    kTiffPage,   // page `index` of a TIFF
    kPdfPage,    // PDF page `index`, rendered and OCR'd
    kTextLayer,  // PDF page `index`, whose text layer is its text
  };
  Source source = Source::kImage;
  int index = 0;
  std::string layer_text;  // a PDF page's text layer, form feeds removed
  std::vector<LayerWord> layer_words;  // of a kPdfPage: its text layer's words to paint out
  int dpi = 0;  // of a kPdfPage: the resolution it is rendered at (ListPdfPages)
  long long pixels = 0;  // as it will be decoded or rendered (from its header); 0 for a kTextLayer
};

// Lists the pages of an image file, refusing (false, *error) an unreadable
// header, too many pages or a page over the pixel limit before decoding any.
bool ListImagePages(std::string_view bytes, const OcrOptions& options,
                    std::vector<PageInput>* pages, std::string* error);

// The pages of a scan (image or PDF) as the OCR reads them: listed by
// ListImagePages or ListPdfPages, then only those OcrOptions::pages names.
// The engine and the searchable PDF both list pages here, so they agree.
bool ListPages(std::string_view bytes, const OcrOptions& options, std::vector<PageInput>* pages,
               std::string* error);

// Decodes one page listed by ListImagePages; null if it cannot be decoded.
PixPtr DecodeImagePage(std::string_view bytes, const PageInput& page);

// True if a page of w x h pixels is within `limit`; otherwise sets *error.
bool Fits(long long w, long long h, long long limit, std::string* error);

}  // namespace vnplan::ocr

#endif  // VNPLAN_SRC_OCR_PAGE_INPUT_H_
