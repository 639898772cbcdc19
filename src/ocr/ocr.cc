#include "vnplan/ocr.h"

#include <leptonica/allheaders.h>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <thread>

namespace vnplan {
namespace {

struct PixDeleter {
  void operator()(Pix* p) const { pixDestroy(&p); }
};
using PixPtr = std::unique_ptr<Pix, PixDeleter>;

// One page to read: an image, or text a PDF already had.
struct PageInput {
  PixPtr image;
  std::string text;
  bool text_layer = false;
  int pdf_page = -1;  // a scanned PDF page, rendered by the worker that reads it
};

// A page with more dark specks per million pixels than this is despeckled
// (clean renders and office scans: 0; salt-and-pepper scans: 10,000).
constexpr double kSpeckyPage = 300;
// Resolution metadata is not trusted (many writers stamp 72 dpi): an A4
// page under 1100 pixels wide (about 130 dpi) is scaled to 1860 (225 dpi).
// Measured (bench/ocr_bench.py): at 120 dpi this takes character errors
// from 66% to 42%; at 150 dpi it gains a little and costs a fifth more
// time, so such pages are left as they are.
constexpr int kSmallPageWidth = 1100;
constexpr float kScaledWidth = 1860;

// Dark specks per million pixels: dark pixels whose eight neighbours are all
// light. Print has almost none (strokes are wider than a pixel); a
// salt-and-pepper scan has thousands. Every fourth row is enough to tell.
double SpecksPerMillion(Pix* grey) {
  const l_int32 w = pixGetWidth(grey), h = pixGetHeight(grey), wpl = pixGetWpl(grey);
  const l_uint32* data = pixGetData(grey);
  long long specks = 0, seen = 0;
  for (l_int32 y = 1; y + 1 < h; y += 4) {
    const l_uint32 *above = data + (y - 1) * wpl, *row = data + y * wpl, *below = data + (y + 1) * wpl;
    for (l_int32 x = 1; x + 1 < w; ++x) {
      ++seen;
      if (GET_DATA_BYTE(row, x) >= 128) continue;
      bool alone = true;
      for (l_int32 dx = -1; dx <= 1 && alone; ++dx)
        alone = GET_DATA_BYTE(above, x + dx) >= 128 && GET_DATA_BYTE(below, x + dx) >= 128 &&
                (dx == 0 || GET_DATA_BYTE(row, x + dx) >= 128);
      specks += alone;
    }
  }
  return seen ? 1e6 * static_cast<double>(specks) / static_cast<double>(seen) : 0.0;
}

// Grey, then the chosen steps, in this order. Each step keeps the previous
// result if it fails.
PixPtr Clean(Pix* input, const std::string& steps) {
  auto has = [&](const char* step) { return steps.find(step) != std::string::npos; };
  PixPtr grey(pixConvertTo8(input, 0));
  if (!grey) return PixPtr(pixClone(input));
  // Salt-and-pepper specks go with a 3x3 median; on other pages the median
  // thins strokes, and a 3x3 mean, which only softens grain, reads better
  // (light scans of 002 and 004, word errors: mean 0.98% and 1.44%, median
  // 1.24% and 1.35%, neither 1.10% and 1.62%).
  if (has("despeckle")) {
    PixPtr clean{SpecksPerMillion(grey.get()) > kSpeckyPage
                     ? pixMedianFilter(grey.get(), 3, 3)
                     : pixBlockconvGray(grey.get(), nullptr, 1, 1)};
    if (clean) grey = std::move(clean);
  }
  if (has("deskew"))
    if (PixPtr straight{pixDeskew(grey.get(), 0)}) grey = std::move(straight);
  if (has("scale") && pixGetWidth(grey.get()) < kSmallPageWidth) {
    const float factor = std::min(3.0f, kScaledWidth / static_cast<float>(pixGetWidth(grey.get())));
    if (PixPtr scaled{pixScaleGrayLI(grey.get(), factor, factor)}) grey = std::move(scaled);
  }
  if (has("background"))
    if (PixPtr even{pixBackgroundNormSimple(grey.get(), nullptr, nullptr)}) grey = std::move(even);
  if (has("binarize")) {
    Pix* binary = nullptr;
    if (pixSauvolaBinarizeTiled(grey.get(), 25, 0.35f, 1, 1, nullptr, &binary) == 0 && binary)
      return PixPtr(binary);
  }
  return grey;
}

// A line as Tesseract found it: its words with their boxes and confidences.
struct LayoutLine {
  std::vector<OcrWord> words;
  int left = 0, right = 0, top = 0, bottom = 0;  // pixel extent of the words
  bool paragraph_end = false;
};

std::vector<LayoutLine> ReadLines(tesseract::TessBaseAPI* api) {
  std::vector<LayoutLine> lines;
  std::unique_ptr<tesseract::ResultIterator> it(api->GetIterator());
  if (!it) return lines;
  using tesseract::RIL_PARA;
  using tesseract::RIL_TEXTLINE;
  using tesseract::RIL_WORD;
  do {
    if (it->Empty(RIL_WORD)) continue;
    if (lines.empty() || it->IsAtBeginningOf(RIL_TEXTLINE)) lines.emplace_back();
    LayoutLine& line = lines.back();
    std::unique_ptr<char[]> word(it->GetUTF8Text(RIL_WORD));
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    it->BoundingBox(RIL_WORD, &x0, &y0, &x1, &y1);
    const bool first = line.words.empty();
    line.left = first ? x0 : std::min(line.left, x0);
    line.top = first ? y0 : std::min(line.top, y0);
    line.right = std::max(line.right, x1);
    line.bottom = std::max(line.bottom, y1);
    line.words.push_back({word ? word.get() : "", it->Confidence(RIL_WORD), x0, y0, x1, y1, 0, 0});
    if (it->IsAtFinalElement(RIL_PARA, RIL_WORD)) line.paragraph_end = true;
  } while (it->Next(RIL_WORD));
  return lines;
}

// Where a line has a gap between words wider than `min_gap`, the x of the
// gap's middle; -1 otherwise.
int GapMiddle(const LayoutLine& line, int min_gap) {
  for (size_t i = 1; i < line.words.size(); ++i)
    if (line.words[i].left - line.words[i - 1].right >= min_gap)
      return (line.words[i].left + line.words[i - 1].right) / 2;
  return -1;
}

// An administrative page opens with two centred columns (agency, number on
// the left; national motto, place and date on the right). Tesseract often
// reads them as one block, merging "UBND TỈNH …" and "CỘNG HÒA …" into one
// line. Returns how many lines at the top of the page form such a header
// (lines with a wide gap at about the same place, or words on one side of
// it, up to the first wide vertical space) and sets *cut to the gap's x.
size_t TwoColumnHeader(const std::vector<LayoutLine>& lines, int page_width, int* cut) {
  const int min_gap = std::max(40, page_width / 25);
  size_t run = 0;
  *cut = -1;
  for (; run < lines.size() && run < 8; ++run) {
    if (run > 0) {  // the header ends where the spacing does (before the title)
      const LayoutLine& above = lines[run - 1];
      if (lines[run].top - above.bottom > 2 * (above.bottom - above.top)) break;
    }
    const int middle = GapMiddle(lines[run], min_gap);
    if (middle >= 0 && (*cut < 0 || std::abs(middle - *cut) < page_width / 6)) {
      if (*cut < 0) *cut = middle;
      continue;
    }
    const bool one_side = *cut >= 0 && (lines[run].right < *cut || lines[run].left > *cut);
    if (!one_side) break;
  }
  return *cut < 0 ? 0 : run;
}

// The page's text, the header's left column before its right, as a person
// reads them; each word's line and offset are recorded as it is written.
std::string PageText(const std::vector<LayoutLine>& lines, int page_width,
                     std::vector<OcrWord>* words) {
  int cut = -1;
  const size_t run = TwoColumnHeader(lines, page_width, &cut);
  std::string text;
  int line_number = 0;
  auto emit = [&](const LayoutLine& line, bool left_side, bool right_side) {
    bool any = false;
    for (const OcrWord& w : line.words) {
      const bool is_left = w.right <= cut;
      if ((is_left && !left_side) || (!is_left && !right_side)) continue;
      if (any) text += ' ';
      words->push_back(w);
      words->back().line = line_number;
      words->back().offset = text.size();
      text += w.text;
      any = true;
    }
    if (!any) return;
    text += '\n';
    ++line_number;
  };
  for (int side = 0; side < 2 && run > 0; ++side) {
    for (size_t i = 0; i < run; ++i) emit(lines[i], side == 0, side == 1);
    text += '\n';
    ++line_number;
  }
  for (size_t i = run; i < lines.size(); ++i) {
    emit(lines[i], true, true);
    if (lines[i].paragraph_end) {
      text += '\n';
      ++line_number;
    }
  }
  return text;
}

bool Fits(long long w, long long h, long long limit, std::string* error) {
  if (w * h <= limit) return true;
  *error = "page is " + std::to_string(w) + " x " + std::to_string(h) +
           " pixels; the limit is " + std::to_string(limit) + " pixels per page";
  return false;
}

bool ReadImages(std::string_view bytes, long long limit, std::vector<PageInput>* pages,
                std::string* error) {
  const auto* data = reinterpret_cast<const l_uint8*>(bytes.data());
  // A PNG says its size in its first chunk: refuse a giant before anything
  // reads it (Leptonica wants the whole header chain first).
  if (bytes.size() >= 24 && bytes.substr(12, 4) == "IHDR") {
    auto be32 = [&](size_t at) {
      return static_cast<long long>(data[at]) << 24 | data[at + 1] << 16 | data[at + 2] << 8 | data[at + 3];
    };
    if (!Fits(be32(16), be32(20), limit, error)) return false;
  }
  l_int32 format = 0, w = 0, h = 0, bps = 0, spp = 0, cmap = 0;
  if (pixReadHeaderMem(data, bytes.size(), &format, &w, &h, &bps, &spp, &cmap) != 0) {
    *error = "not a readable image (truncated or damaged?)";
    return false;
  }
  if (!Fits(w, h, limit, error)) return false;
  if (format == IFF_TIFF || format == IFF_TIFF_G4 || format == IFF_TIFF_LZW ||
      format == IFF_TIFF_ZIP || format == IFF_TIFF_PACKBITS || format == IFF_TIFF_RLE ||
      format == IFF_TIFF_G3 || format == IFF_TIFF_JPEG) {
    Pixa* pixa = pixaReadMemMultipageTiff(data, bytes.size());
    if (pixa == nullptr) {
      *error = "not a readable TIFF";
      return false;
    }
    for (l_int32 i = 0; i < pixaGetCount(pixa); ++i) {
      PixPtr page(pixaGetPix(pixa, i, L_COPY));
      if (!page || !Fits(pixGetWidth(page.get()), pixGetHeight(page.get()), limit, error)) {
        pixaDestroy(&pixa);
        return false;
      }
      pages->push_back({std::move(page), "", false});
    }
    pixaDestroy(&pixa);
    return true;
  }
  PixPtr image(pixReadMem(data, bytes.size()));
  if (!image) {
    *error = "not a readable image (truncated or damaged?)";
    return false;
  }
  pages->push_back({std::move(image), "", false});
  return true;
}

std::unique_ptr<poppler::document> LoadPdf(std::string_view bytes) {
  return std::unique_ptr<poppler::document>(poppler::document::load_from_raw_data(
      bytes.data(), static_cast<int>(bytes.size())));
}

bool ReadPdf(std::string_view bytes, long long limit, std::vector<PageInput>* pages,
             std::string* error) {
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
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) continue;
    const poppler::byte_array utf8 = page->text().to_utf8();
    std::string text(utf8.begin(), utf8.end());
    size_t visible = 0;
    for (char c : text) visible += c != ' ' && c != '\n' && c != '\r' && c != '\f';
    if (visible >= 20) {  // a text layer: take it as it is
      pages->push_back({nullptr, std::move(text), true});
      continue;
    }
    const poppler::rectf box = page->page_rect();
    if (!Fits(static_cast<long long>(box.width() * 300 / 72),
              static_cast<long long>(box.height() * 300 / 72), limit, error))
      return false;
    pages->push_back({nullptr, "", false, i});
  }
  return true;
}

// Renders page `index` at 300 dpi. Each worker has its own document, so
// pages render in parallel as well as being read in parallel.
PixPtr RenderPdfPage(const poppler::document& doc, int index) {
  std::unique_ptr<poppler::page> page(doc.create_page(index));
  if (!page) return nullptr;
  poppler::page_renderer renderer;
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  const poppler::image image = renderer.render_page(page.get(), 300, 300);
  if (!image.is_valid() || image.format() != poppler::image::format_argb32) return nullptr;
  PixPtr pix(pixCreate(image.width(), image.height(), 8));
  if (!pix) return nullptr;
  for (int y = 0; y < image.height(); ++y) {
    const auto* row = reinterpret_cast<const uint32_t*>(image.const_data() + y * image.bytes_per_row());
    l_uint32* line = pixGetData(pix.get()) + y * pixGetWpl(pix.get());
    for (int x = 0; x < image.width(); ++x) {  // grey: (r + 2g + b) / 4
      const uint32_t argb = row[x];
      SET_DATA_BYTE(line, x, ((argb >> 16 & 0xFF) + 2 * (argb >> 8 & 0xFF) + (argb & 0xFF)) / 4);
    }
  }
  pixSetResolution(pix.get(), 300, 300);
  return pix;
}

// One engine per worker: Tesseract's API is not to be shared by threads.
std::unique_ptr<tesseract::TessBaseAPI> StartTesseract(const std::string& languages) {
  auto api = std::make_unique<tesseract::TessBaseAPI>();
  if (api->Init(nullptr, languages.c_str(), tesseract::OEM_LSTM_ONLY) != 0) return nullptr;
  api->SetPageSegMode(tesseract::PSM_AUTO);
  api->SetVariable("debug_file", "/dev/null");  // no "Detected N diacritics" chatter
  return api;
}

OcrPage ReadPage(tesseract::TessBaseAPI* api, Pix* image, const std::string& steps) {
  PixPtr clean = steps == "none" ? PixPtr(pixClone(image)) : Clean(image, steps);
  api->SetImage(clean.get());
  api->SetSourceResolution(300);
  OcrPage page;
  if (api->Recognize(nullptr) != 0) return {"", 0, false, {}};
  page.text = PageText(ReadLines(api), static_cast<int>(pixGetWidth(clean.get())), &page.words);
  page.mean_confidence = api->MeanTextConf();
  return page;
}

}  // namespace

std::string OcrDocument::Text() const {
  std::string out;
  for (size_t i = 0; i < pages.size(); ++i) {
    if (i > 0) out += '\f';
    out += pages[i].text;
    if (!out.empty() && out.back() != '\n') out += '\n';
  }
  return out;
}

namespace {

// Where each page's text begins in Text(): page-relative word offsets
// become document offsets.
void PlaceWords(OcrDocument* doc) {
  size_t at = 0;
  for (size_t i = 0; i < doc->pages.size(); ++i) {
    if (i > 0) ++at;  // the form feed
    OcrPage& page = doc->pages[i];
    for (OcrWord& w : page.words) w.offset += at;
    at += page.text.size();
    if (at > 0 && (page.text.empty() ? i > 0 : page.text.back() != '\n')) ++at;
  }
}

}  // namespace

class OcrEngine::EnginePool {
 public:
  explicit EnginePool(std::string languages) : languages_(std::move(languages)) {}

  // An idle engine, or a new one; null if the model cannot be loaded.
  std::unique_ptr<tesseract::TessBaseAPI> Take() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (!idle_.empty()) {
        std::unique_ptr<tesseract::TessBaseAPI> api = std::move(idle_.back());
        idle_.pop_back();
        return api;
      }
    }
    return StartTesseract(languages_);
  }

  void Give(std::unique_ptr<tesseract::TessBaseAPI> api) {
    if (!api) return;
    std::lock_guard<std::mutex> lock(mutex_);
    idle_.push_back(std::move(api));
  }

 private:
  const std::string languages_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<tesseract::TessBaseAPI>> idle_;
};

OcrEngine::~OcrEngine() = default;
OcrEngine::OcrEngine(OcrEngine&&) noexcept = default;

OcrEngine::OcrEngine(OcrOptions options)
    : options_(std::move(options)), pool_(std::make_unique<EnginePool>(options_.languages)) {
  // Leptonica reports every unreadable image on stderr; vnplan says it once.
  setMsgSeverity(L_SEVERITY_NONE);
}

bool OcrEngine::IsScan(std::string_view bytes) {
  auto starts = [&](std::string_view magic) { return bytes.substr(0, magic.size()) == magic; };
  return starts("%PDF") || starts("\x89PNG") || starts("\xFF\xD8\xFF") ||
         starts(std::string_view("II*\0", 4)) || starts(std::string_view("MM\0*", 4)) ||
         starts("BM") || starts("GIF8");
}

bool OcrEngine::Read(std::string_view bytes, OcrDocument* out, std::string* error) const {
  std::vector<PageInput> pages;
  const bool pdf = bytes.substr(0, 4) == "%PDF";
  if (bytes.empty()) {
    *error = "empty file";
    return false;
  }
  if (!(pdf ? ReadPdf(bytes, options_.max_pixels, &pages, error)
            : ReadImages(bytes, options_.max_pixels, &pages, error)))
    return false;
  out->kind = pdf ? "pdf" : "image";
  out->languages = options_.languages;
  out->engine = std::string("tesseract ") + tesseract::TessBaseAPI::Version();
  out->pages.assign(pages.size(), OcrPage{});
  std::atomic<size_t> next{0};
  std::atomic<bool> failed{false};
  std::atomic<int> unrendered{-1};
  auto worker = [&] {
    std::unique_ptr<tesseract::TessBaseAPI> api;
    std::unique_ptr<poppler::document> pdf_doc;
    for (size_t i = next++; i < pages.size(); i = next++) {
      if (pages[i].text_layer) {
        out->pages[i] = {pages[i].text, -1, true, {}};
        continue;
      }
      // A rendered PDF page lives only while it is read: a long PDF is
      // never held in memory at 300 dpi all at once.
      PixPtr rendered;
      if (pages[i].pdf_page >= 0) {
        if (!pdf_doc) pdf_doc = LoadPdf(bytes);
        if (pdf_doc) rendered = RenderPdfPage(*pdf_doc, pages[i].pdf_page);
        if (!rendered) {
          unrendered = pages[i].pdf_page;
          continue;
        }
      }
      if (!api && !(api = pool_->Take())) {
        failed = true;
        return;
      }
      Pix* image = rendered ? rendered.get() : pages[i].image.get();
      out->pages[i] = ReadPage(api.get(), image, options_.steps);
    }
    pool_->Give(std::move(api));
  };
  const int jobs = std::max(1, std::min<int>(options_.jobs > 0 ? options_.jobs
                                                               : static_cast<int>(std::thread::hardware_concurrency()),
                                             static_cast<int>(pages.size())));
  std::vector<std::thread> threads;
  for (int t = 0; t < jobs; ++t) threads.emplace_back(worker);
  for (auto& t : threads) t.join();
  if (failed) {
    *error = "Tesseract could not load the '" + options_.languages +
             "' model (install tesseract-ocr-" + options_.languages + ")";
    return false;
  }
  if (unrendered >= 0) {
    *error = "cannot render page " + std::to_string(unrendered + 1) + " of the PDF";
    return false;
  }
  PlaceWords(out);
  double sum = 0;
  int read = 0;
  for (const OcrPage& p : out->pages)
    if (!p.text_layer && p.mean_confidence >= 0) sum += p.mean_confidence, ++read;
  out->mean_confidence = read ? sum / read : -1;
  return true;
}

}  // namespace vnplan
