// OcrEngine: pages listed by the image and PDF readers, read by workers
// that each keep one Tesseract and one poppler document.
#include <poppler/cpp/poppler-document.h>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

#include "src/ocr/layout.h"
#include "src/ocr/page_input.h"
#include "src/ocr/pdf_input.h"
#include "src/ocr/preprocess.h"
#include "src/ocr/signature_box.h"
#include "src/ocr/text_layer.h"
#include "vnplan/ocr.h"

namespace vnplan {
namespace ocr {
namespace {

using TesseractPtr = std::unique_ptr<tesseract::TessBaseAPI>;

// One engine per worker: Tesseract's API is not to be shared by threads.
TesseractPtr StartTesseract(const std::string& languages) {
  auto api = std::make_unique<tesseract::TessBaseAPI>();
  if (api->Init(nullptr, languages.c_str(), tesseract::OEM_LSTM_ONLY) != 0) return nullptr;
  api->SetPageSegMode(tesseract::PSM_AUTO);
  api->SetVariable("debug_file", "/dev/null");  // no "Detected N diacritics" chatter
  return api;
}

// A page read with a mean confidence under this may be sideways or upside
// down: Tesseract's orientation detection (OSD) is asked then, and only
// then, so upright pages cost nothing more. Upright pages read at 80-96
// (generated heavy scans at the low end); a page turned by 90 or 180
// degrees reads under 40.
constexpr int kDoubtfulConfidence = 50;
// OSD's own confidence needed to turn a page. Tesseract's documentation
// calls 15 reasonably confident; generated pages turned by 90, 180 and 270
// degrees give 16-19. The bar is low because a turned reading is kept only
// when it reads better: a wrong turn costs time, not text.
constexpr float kOsdConfident = 2.0f;

// A Tesseract that only detects orientation (Debian's tesseract-ocr-osd);
// null when that model is not installed, and pages are read as they come.
TesseractPtr StartOsd() {
  auto api = std::make_unique<tesseract::TessBaseAPI>();
  if (api->Init(nullptr, "osd", tesseract::OEM_TESSERACT_ONLY) != 0) return nullptr;
  api->SetPageSegMode(tesseract::PSM_OSD_ONLY);
  api->SetVariable("debug_file", "/dev/null");
  return api;
}

// Whether Tesseract found the page just recognised written top to bottom:
// a page turned sideways (90 or 270 degrees). Tesseract reads its lines
// even so, but its words' boxes are those of the turned page, so the
// masthead cannot be parted; which way it is turned is OSD's to say.
bool Sideways(tesseract::TessBaseAPI* api) {
  std::unique_ptr<tesseract::ResultIterator> it(api->GetIterator());
  if (!it || it->Empty(tesseract::RIL_BLOCK)) return false;
  tesseract::Orientation orientation = tesseract::ORIENTATION_PAGE_UP;
  tesseract::WritingDirection direction = tesseract::WRITING_DIRECTION_LEFT_TO_RIGHT;
  tesseract::TextlineOrder order = tesseract::TEXTLINE_ORDER_TOP_TO_BOTTOM;
  float deskew = 0;
  it->Orientation(&orientation, &direction, &order, &deskew);
  return direction == tesseract::WRITING_DIRECTION_TOP_TO_BOTTOM;
}

// The page read; *sideways says whether Tesseract found it turned sideways.
OcrPage ReadClean(tesseract::TessBaseAPI* api, Pix* clean, bool* sideways) {
  api->SetImage(clean);
  api->SetSourceResolution(kRenderDpi);
  OcrPage page;
  *sideways = false;
  if (api->Recognize(nullptr) != 0) return {"", 0, false, {}, "", {}};
  *sideways = Sideways(api);
  page.text = PageText(ReadLines(api), static_cast<int>(pixGetWidth(clean)), &page.words);
  page.mean_confidence = api->MeanTextConf();
  return page;
}

// What one worker keeps between pages: its Tesseracts and its own PDF
// document, so pages render in parallel as well as being read in parallel.
struct Worker {
  TesseractPtr api;
  TesseractPtr osd;  // started at the first doubtful page
  bool osd_tried = false;
  std::unique_ptr<poppler::document> pdf;
};

// Quarter turns clockwise that bring `page` upright, as OSD sees them;
// 0 when it is upright or OSD is unsure or not installed.
int QuarterTurnsToUpright(Worker* worker, Pix* page) {
  if (!worker->osd_tried) worker->osd = StartOsd(), worker->osd_tried = true;
  if (!worker->osd) return 0;
  worker->osd->SetImage(page);
  worker->osd->SetSourceResolution(kRenderDpi);
  int degrees = 0;  // the page's clockwise turn
  float confidence = 0, script_confidence = 0;
  const char* script = nullptr;
  if (!worker->osd->DetectOrientationScript(&degrees, &confidence, &script, &script_confidence) ||
      confidence < kOsdConfident)
    return 0;
  return (360 - degrees) / 90 % 4;
}

// The page cleaned and read. A page read doubtfully, or found sideways, is
// turned upright when OSD says it is turned, read again, and the turned
// reading kept if it reads better (a sideways page: if it reads well).
OcrPage ReadImage(Worker* worker, Pix* image, OcrSteps steps) {
  PixPtr clean = Clean(image, steps);
  bool sideways = false;
  OcrPage page = ReadClean(worker->api.get(), clean.get(), &sideways);
  if (page.mean_confidence >= kDoubtfulConfidence && !sideways) return page;
  const int turns = QuarterTurnsToUpright(worker, clean.get());
  if (turns == 0) return page;
  PixPtr upright(pixRotateOrth(clean.get(), turns));  // clockwise quarters
  if (!upright) return page;
  OcrPage turned = ReadClean(worker->api.get(), upright.get(), &sideways);
  const bool better = turned.mean_confidence > page.mean_confidence ||
                      (!sideways && turned.mean_confidence >= kDoubtfulConfidence);
  return better ? turned : page;
}

enum class PageOutcome { kRead, kUndecodable, kNoModel };

// Reads one page. A decoded or rendered page lives only while it is read:
// a long input is never held in memory at full size all at once.
PageOutcome ReadOnePage(std::string_view bytes, const PageInput& input, OcrSteps steps,
                        const std::function<TesseractPtr()>& take, Worker* worker, OcrPage* out) {
  if (input.source == PageInput::Source::kTextLayer) {
    *out = {input.layer_text, -1, true, {}, "", {}};
    return PageOutcome::kRead;
  }
  PixPtr image;
  if (input.source == PageInput::Source::kPdfPage) {
    if (!worker->pdf) worker->pdf = LoadPdf(bytes);
    PixPtr colour;
    if (worker->pdf) image = RenderPdfPage(*worker->pdf, input.index, kRenderDpi, &colour);
    if (image && colour) WhitenColouredInk(colour.get(), image.get());
    if (image) BlankLayerWords(image.get(), input.layer_words, kRenderDpi);
  } else if ((image = DecodeImagePage(bytes, input)) && pixGetDepth(image.get()) == 32) {
    PixPtr grey(pixConvertTo8(image.get(), 0));  // as Clean would make it
    if (grey) WhitenColouredInk(image.get(), grey.get());
    if (grey) image = std::move(grey);
  }
  if (!image) return PageOutcome::kUndecodable;
  if (!worker->api && !(worker->api = take())) return PageOutcome::kNoModel;
  *out = ReadImage(worker, image.get(), steps);
  out->layer_text = input.layer_text;
  out->signatures = ParseSignatureBox(input.layer_text);
  return PageOutcome::kRead;
}

// The sentence for a page that could not be decoded.
std::string Undecodable(const PageInput& input) {
  const std::string page = std::to_string(input.index + 1);
  switch (input.source) {
    case PageInput::Source::kPdfPage:
      return "cannot render page " + page + " of the PDF";
    case PageInput::Source::kTiffPage:
      return "page " + page + " of the TIFF cannot be decoded (damaged?)";
    default:
      return "not a readable image (truncated or damaged?)";
  }
}

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
}  // namespace ocr

std::string OcrDocument::Text() const {
  std::string out;
  for (size_t i = 0; i < pages.size(); ++i) {
    if (i > 0) out += '\f';
    out += pages[i].text;
    if (!out.empty() && out.back() != '\n') out += '\n';
  }
  return out;
}

class OcrEngine::EnginePool {
 public:
  explicit EnginePool(std::string languages) : languages_(std::move(languages)) {}

  // An idle engine, or a new one; null if the model cannot be loaded.
  ocr::TesseractPtr Take() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (!idle_.empty()) {
        ocr::TesseractPtr api = std::move(idle_.back());
        idle_.pop_back();
        return api;
      }
    }
    return ocr::StartTesseract(languages_);
  }

  void Give(ocr::TesseractPtr api) {
    if (!api) return;
    std::lock_guard<std::mutex> lock(mutex_);
    idle_.push_back(std::move(api));
  }

 private:
  const std::string languages_;
  std::mutex mutex_;
  std::vector<ocr::TesseractPtr> idle_;
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
  OcrSteps steps = 0;
  if (const Status parsed = ParseOcrSteps(options_.steps, &steps); !parsed.ok()) {
    *error = parsed.message();
    return false;
  }
  if (bytes.empty()) {
    *error = "empty file";
    return false;
  }
  std::vector<ocr::PageInput> pages;
  const bool pdf = bytes.substr(0, 4) == "%PDF";
  if (!(pdf ? ocr::ListPdfPages(bytes, options_, &pages, error)
            : ocr::ListImagePages(bytes, options_, &pages, error)))
    return false;
  out->kind = pdf ? "pdf" : "image";
  out->languages = options_.languages;
  out->engine = std::string("tesseract ") + tesseract::TessBaseAPI::Version();
  out->pages.assign(pages.size(), OcrPage{});
  // Pages are taken in order; after a failure no new page is started, and
  // the first failing page is the one reported.
  std::atomic<size_t> next{0};
  std::mutex failure_mutex;
  size_t failed_page = pages.size();
  ocr::PageOutcome failure = ocr::PageOutcome::kRead;
  const std::function<ocr::TesseractPtr()> take = [this] { return pool_->Take(); };
  auto work = [&] {
    ocr::Worker worker;
    for (size_t i = next++; i < pages.size(); i = next++) {
      const ocr::PageOutcome outcome = ocr::ReadOnePage(bytes, pages[i], steps, take, &worker, &out->pages[i]);
      if (outcome == ocr::PageOutcome::kRead) continue;
      std::lock_guard<std::mutex> lock(failure_mutex);
      if (i < failed_page) failed_page = i, failure = outcome;
      next = pages.size();
    }
    pool_->Give(std::move(worker.api));
  };
  const int cores = static_cast<int>(std::thread::hardware_concurrency());
  const int jobs = std::max(1, std::min<int>(options_.jobs > 0 ? options_.jobs : cores,
                                             static_cast<int>(pages.size())));
  std::vector<std::thread> threads;
  for (int t = 0; t < jobs; ++t) threads.emplace_back(work);
  for (auto& t : threads) t.join();
  if (failure == ocr::PageOutcome::kNoModel) {
    *error = "Tesseract could not load the '" + options_.languages +
             "' model (install tesseract-ocr-" + options_.languages + ")";
    return false;
  }
  if (failure == ocr::PageOutcome::kUndecodable) {
    *error = ocr::Undecodable(pages[failed_page]);
    return false;
  }
  ocr::PlaceWords(out);
  double sum = 0;
  int read = 0;
  for (const OcrPage& p : out->pages)
    if (!p.text_layer && p.mean_confidence >= 0) sum += p.mean_confidence, ++read;
  out->mean_confidence = read ? sum / read : -1;
  return true;
}

}  // namespace vnplan
