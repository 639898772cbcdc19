// PDF pages for the OCR stage: which pages are read from their text layer
// and which are scans to render and OCR (poppler).
#ifndef VNPLAN_SRC_OCR_PDF_INPUT_H_
#define VNPLAN_SRC_OCR_PDF_INPUT_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "src/ocr/page_input.h"

namespace poppler {
class document;
class page;
}

namespace vnplan::ocr {

// The dpi a PDF page is rendered at for OCR when its image's own
// resolution is unknown or outside [kMinImageDpi, kMaxImageDpi].
constexpr int kRenderDpi = 300;
// A scanned page whose one image covers it at a resolution in this range
// is rendered at that resolution: its pixels are then the scan's own, one
// for one, instead of a resampling (slower at 200 dpi, no sharper at 400).
// Below 200 dpi Tesseract reads worse than at 300 (print a few pixels
// high); above 400 a page costs more than it gains.
constexpr int kMinImageDpi = 200;
constexpr int kMaxImageDpi = 400;

// Null if the bytes are not a PDF poppler can open.
std::unique_ptr<poppler::document> LoadPdf(std::string_view bytes);

// Lists the PDF's pages, deciding for each whether its text layer is its
// text (OcrOptions::pdf_reading) and, for a page to OCR, the dpi it is
// rendered at (PageInput::dpi: its image's own, or kRenderDpi). Refuses
// (false, *error) an unreadable or encrypted PDF, one without pages or with
// too many, a page over the pixel limit at its dpi.
bool ListPdfPages(std::string_view bytes, const OcrOptions& options,
                  std::vector<PageInput>* pages, std::string* error);

// The words of a page's text layer with their boxes (points, top left).
std::vector<LayerWord> LayerWords(const poppler::page& page);

// Page `index` rendered in grey at `dpi`; null if poppler cannot render it.
// Each worker has its own document, so pages render in parallel. With
// `colour`, also the page in colour (32 bpp), for the OCR stage to tell
// coloured ink (seals, signatures) from print (WhitenColouredInk); left
// null when no pixel of the page has colour (a 1-bit or grey scan).
PixPtr RenderPdfPage(const poppler::document& doc, int index, int dpi, PixPtr* colour = nullptr);

}  // namespace vnplan::ocr

#endif  // VNPLAN_SRC_OCR_PDF_INPUT_H_
