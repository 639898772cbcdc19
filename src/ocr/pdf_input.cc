#include "src/ocr/pdf_input.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <exception>
#include <utility>

namespace vnplan::ocr {
namespace {

// Whether a PDF page's text layer holds the page, or the page is a scan
// (perhaps carrying a small text layer) to render and OCR. The one rule:
// a page is a scan when its text layer is thin AND prints less than half
// of the page's ink. Measured:
// - Word boxes of the text layer over the page's area: a printed page of
//   13-point text 25-40% (a pango-rendered page of the corpus: 32%), three
//   header lines about 3%; the e-signature box a Vietnamese e-office stamps
//   on a signed scan 0.7% (realscans qn-2352-ct p1, 11 words), an e-office
//   stamped number 0.07% (cv1849 p1). Under 5% the layer is thin.
// - A thin layer may still be a short page of real text (a last page, a
//   page number): then the page's ink lies inside the word boxes. On a
//   scan it lies outside them, over the whole image. The ink is counted on
//   the page rendered at kProbeDpi, enough to see print and cheap to render.
constexpr double kThinTextLayer = 0.05;
constexpr int kProbeDpi = 50;

// Dark pixels of `grey` (rendered at kProbeDpi) inside and outside the boxes of `words`.
void CountInk(Pix* grey, const std::vector<LayerWord>& words, long long* inside, long long* outside) {
  const l_int32 w = pixGetWidth(grey), h = pixGetHeight(grey), wpl = pixGetWpl(grey);
  std::vector<uint8_t> covered(static_cast<size_t>(w) * h, 0);
  const double scale = kProbeDpi / 72.0;
  for (const LayerWord& b : words) {
    const int x0 = std::clamp(static_cast<int>(b.left * scale), 0, w);
    const int x1 = std::clamp(static_cast<int>(b.right * scale) + 1, 0, w);
    const int y0 = std::clamp(static_cast<int>(b.top * scale), 0, h);
    const int y1 = std::clamp(static_cast<int>(b.bottom * scale) + 1, 0, h);
    for (int y = y0; y < y1; ++y) std::fill(&covered[y * w + x0], &covered[y * w + x0] + (x1 - x0), 1);
  }
  *inside = *outside = 0;
  for (l_int32 y = 0; y < h; ++y) {
    const l_uint32* row = pixGetData(grey) + y * wpl;
    for (l_int32 x = 0; x < w; ++x)
      if (GET_DATA_BYTE(row, x) < 128) ++(covered[y * w + x] ? *inside : *outside);
  }
}

bool IsScannedPage(const poppler::document& doc, int index, const poppler::page& page,
                   const std::vector<LayerWord>& words) {
  if (words.empty()) return true;
  const poppler::rectf area = page.page_rect();
  const double page_area = area.width() * area.height();
  double text_area = 0;
  for (const LayerWord& w : words) text_area += (w.right - w.left) * (w.bottom - w.top);
  if (page_area <= 0 || text_area >= kThinTextLayer * page_area) return false;
  const PixPtr probe = RenderPdfPage(doc, index, kProbeDpi);
  if (!probe) return false;
  long long inside = 0, outside = 0;
  CountInk(probe.get(), words, &inside, &outside);
  return outside > inside;
}

// The page's text layer as one page of text: poppler ends it with its own
// form feed, which would split the document's pages one too many times.
std::string LayerText(const poppler::page& page) {
  const poppler::byte_array utf8 = page.text().to_utf8();
  std::string text(utf8.begin(), utf8.end());
  text.erase(std::remove(text.begin(), text.end(), '\f'), text.end());
  return text;
}

// A scan's page is one image from edge to edge: its resolution is the same
// across and down the page. Across and down differing by more than this
// share, the image does not cover the page (a photo on a page, a scan
// placed with margins) and says nothing of the page's resolution.
// A4 scanned at 200 dpi and placed on an A4 page: 1654 x 2339 pixels on
// 595.3 x 841.9 points, 200.05 and 200.04 dpi.
constexpr double kSameDpi = 0.02;

// The resolution at which the page's largest image (poppler's page size in
// points) covers it, 0 when it has no image or the image does not cover the
// page. Images inside form XObjects count: some scanners wrap the page's
// image in one.
double CoveringDpi(QPDFPageObjectHelper& page, const poppler::rectf& box) {
  long long width = 0, height = 0;
  page.forEachImage(true, [&](QPDFObjectHandle& image, QPDFObjectHandle&, const std::string&) {
    QPDFObjectHandle dict = image.getDict();
    QPDFObjectHandle w = dict.getKey("/Width"), h = dict.getKey("/Height");
    if (!w.isInteger() || !h.isInteger()) return;
    const long long iw = w.getIntValue(), ih = h.getIntValue();
    constexpr long long kMaxSide = 1 << 20;  // a hostile size is no scan (and would overflow)
    if (iw > 0 && ih > 0 && iw <= kMaxSide && ih <= kMaxSide && iw * ih > width * height)
      width = iw, height = ih;
  });
  if (width <= 0 || height <= 0 || box.width() <= 0 || box.height() <= 0) return 0;
  for (const bool across : {false, true}) {  // an image placed turned a quarter
    const double x = (across ? height : width) * 72.0 / box.width();
    const double y = (across ? width : height) * 72.0 / box.height();
    if (std::abs(x - y) <= kSameDpi * std::max(x, y)) return (x + y) / 2;
  }
  return 0;
}

// The dpi each page of `doc` is rendered at for OCR: its image's own when
// that is within [kMinImageDpi, kMaxImageDpi], else kRenderDpi. The images
// are found by libqpdf (poppler's C++ interface does not list them); a PDF
// qpdf cannot read is rendered at kRenderDpi throughout.
std::vector<int> RenderDpis(std::string_view bytes, const poppler::document& doc) {
  std::vector<int> dpis(std::max(0, doc.pages()), kRenderDpi);
  try {
    QPDF pdf;
    pdf.setSuppressWarnings(true);
    pdf.processMemoryFile("input", bytes.data(), bytes.size());
    std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(pdf).getAllPages();
    if (pages.size() != dpis.size()) return dpis;
    for (size_t i = 0; i < pages.size(); ++i) {
      const std::unique_ptr<poppler::page> page(doc.create_page(static_cast<int>(i)));
      const double dpi = page ? CoveringDpi(pages[i], page->page_rect()) : 0;
      if (dpi >= kMinImageDpi - 0.5 && dpi < kMaxImageDpi + 0.5) dpis[i] = static_cast<int>(std::lround(dpi));
    }
  } catch (const std::exception&) {  // qpdf throws on what it cannot parse
  }
  return dpis;
}

// The pixels of a page `box` (in points) rendered at `dpi`. A damaged PDF
// can state a page of NaN, infinite or astronomic size, whose conversion to
// an integer is undefined: such a page is an error, not a cast (image_fuzz
// found one).
bool RenderedSize(const poppler::rectf& box, int dpi, long long* w, long long* h,
                  std::string* error) {
  constexpr double kLargestSide = 1e9;  // pixels; far past any page limit
  const double width = box.width() * dpi / 72, height = box.height() * dpi / 72;
  if (!std::isfinite(width) || !std::isfinite(height) || width < 0 || height < 0 ||
      width > kLargestSide || height > kLargestSide) {
    *error = "the PDF states a page size that cannot be rendered";
    return false;
  }
  *w = static_cast<long long>(width);
  *h = static_cast<long long>(height);
  return true;
}

}  // namespace

std::vector<LayerWord> LayerWords(const poppler::page& page) {
  std::vector<LayerWord> words;
  for (const poppler::text_box& box : page.text_list()) {
    const poppler::byte_array utf8 = box.text().to_utf8();
    const poppler::rectf r = box.bbox();
    words.push_back({std::string(utf8.begin(), utf8.end()), r.left(), r.top(), r.right(), r.bottom()});
  }
  return words;
}


std::unique_ptr<poppler::document> LoadPdf(std::string_view bytes) {
  return std::unique_ptr<poppler::document>(poppler::document::load_from_raw_data(
      bytes.data(), static_cast<int>(bytes.size())));
}

bool ListPdfPages(std::string_view bytes, const OcrOptions& options,
                  std::vector<PageInput>* pages, std::string* error) {
  std::unique_ptr<poppler::document> doc = LoadPdf(bytes);
  if (!doc) {
    *error = "not a readable PDF";
    return false;
  }
  if (doc->is_locked()) {
    *error = "the PDF is encrypted; it cannot be read without its password";
    return false;
  }
  if (doc->pages() <= 0) {
    *error = "the PDF has no pages";
    return false;
  }
  if (doc->pages() > options.max_pages) {
    *error = "the PDF has " + std::to_string(doc->pages()) + " pages; the limit is " +
             std::to_string(options.max_pages);
    return false;
  }
  std::vector<int> dpis;  // found at the first page to OCR
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) continue;
    PageInput input{PageInput::Source::kTextLayer, i, LayerText(*page), {}, 0};
    std::vector<LayerWord> words = LayerWords(*page);
    const PdfReading reading = options.pdf_reading;
    const bool scanned = reading == PdfReading::kOcr ||
                         (reading == PdfReading::kTextLayer && words.empty()) ||
                         ((reading == PdfReading::kAuto || reading == PdfReading::kRedoOcr) &&
                          IsScannedPage(*doc, i, *page, words));
    if (!scanned) {
      pages->push_back(std::move(input));
      continue;
    }
    if (dpis.empty()) dpis = RenderDpis(bytes, *doc);
    input.dpi = dpis[i];
    long long w = 0, h = 0;
    if (!RenderedSize(page->page_rect(), input.dpi, &w, &h, error) ||
        !Fits(w, h, options.max_pixels, error))
      return false;
    input.pixels = w * h;
    input.source = PageInput::Source::kPdfPage;
    // A scan with a thin layer: the layer's words that stand apart from the
    // print are painted out before OCR. Forced OCR reads the page as it looks.
    if (reading != PdfReading::kOcr) input.layer_words = std::move(words);
    pages->push_back(std::move(input));
  }
  return true;
}

namespace {

// Whether a pixel of `image` (ARGB) has colour: its channels differ. A
// 1-bit or grey scan's page has none, and needs no colour copy: it has no
// coloured ink to whiten (on real qn-2352-ct's 1-bit CCITT pages the copy
// and its whitening took 0.08 s of CPU a page, a quarter of rendering).
// A colour scan stops at its first pixels.
bool HasColour(const poppler::image& image) {
  for (int y = 0; y < image.height(); ++y) {
    const auto* row = reinterpret_cast<const uint32_t*>(image.const_data() + y * image.bytes_per_row());
    for (int x = 0; x < image.width(); ++x) {
      const uint32_t argb = row[x];
      if ((argb >> 16 & 0xFF) != (argb & 0xFF) || (argb >> 8 & 0xFF) != (argb & 0xFF)) return true;
    }
  }
  return false;
}

// `image` (ARGB) in grey, and with `colour` also in colour when it has any.
PixPtr FromArgb(const poppler::image& image, PixPtr* colour) {
  PixPtr pix(pixCreate(image.width(), image.height(), 8));
  if (!pix) return nullptr;
  if (colour && HasColour(image) && !(*colour = PixPtr(pixCreate(image.width(), image.height(), 32))))
    return nullptr;
  for (int y = 0; y < image.height(); ++y) {
    const auto* row = reinterpret_cast<const uint32_t*>(image.const_data() + y * image.bytes_per_row());
    l_uint32* line = pixGetData(pix.get()) + y * pixGetWpl(pix.get());
    l_uint32* rgb = colour && *colour ? pixGetData(colour->get()) + y * pixGetWpl(colour->get()) : nullptr;
    for (int x = 0; x < image.width(); ++x) {  // grey: (r + 2g + b) / 4
      const uint32_t argb = row[x];
      SET_DATA_BYTE(line, x, ((argb >> 16 & 0xFF) + 2 * (argb >> 8 & 0xFF) + (argb & 0xFF)) / 4);
      if (rgb) rgb[x] = argb << 8;  // Leptonica's RGBA: red in the top byte
    }
  }
  return pix;
}

}  // namespace

PixPtr RenderPdfPage(const poppler::document& doc, int index, int dpi, PixPtr* colour) {
  std::unique_ptr<poppler::page> page(doc.create_page(index));
  if (!page) return nullptr;
  poppler::page_renderer renderer;
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  const poppler::image image = renderer.render_page(page.get(), dpi, dpi);
  if (!image.is_valid() || image.format() != poppler::image::format_argb32) return nullptr;
  PixPtr pix = FromArgb(image, colour);
  if (pix) pixSetResolution(pix.get(), dpi, dpi);
  return pix;
}

}  // namespace vnplan::ocr

namespace vnplan {

Status ParsePdfReading(std::string_view name, PdfReading* reading) {
  // The one name table of PdfReading.
  static constexpr std::pair<std::string_view, PdfReading> kNames[] = {
      {"auto", PdfReading::kAuto}, {"text", PdfReading::kTextLayer}, {"ocr", PdfReading::kOcr},
      {"redo", PdfReading::kRedoOcr}};
  for (const auto& [known, value] : kNames)
    if (name == known) {
      *reading = value;
      return Status::Ok();
    }
  return Status::InvalidArgument("unknown PDF reading '" + std::string(name) +
                                 "' (known: auto, text, ocr, redo)");
}

}  // namespace vnplan
