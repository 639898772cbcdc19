// OcrEngine: pages listed by the image and PDF readers, read by workers
// that each keep one Tesseract and one poppler document.
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include <dlfcn.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <semaphore>
#include <thread>

#include "src/ocr/handwritten_digits.h"
#include "src/ocr/layout.h"
#include "src/ocr/page_input.h"
#include "src/ocr/pdf_input.h"
#include "src/ocr/pdf_overlays.h"
#include "src/ocr/preprocess.h"
#include "src/ocr/signature_area.h"
#include "src/ocr/signature_box.h"
#include "src/ocr/tables.h"
#include "src/ocr/text_layer.h"
#include "vnplan/ocr.h"

namespace vnplan {
namespace ocr {
namespace {

using TesseractPtr = std::unique_ptr<tesseract::TessBaseAPI>;

// Tesseract's OpenMP threads make a page five times slower when pages are
// read in parallel on two cores. libgomp reads OMP_THREAD_LIMIT only once,
// when it is loaded (before main: setting it later does nothing), and its
// other limits belong to each thread; so each worker turns its own
// parallel regions off (max-active-levels 0), unless the user set
// OMP_THREAD_LIMIT. Looked up at run time: a Tesseract built without
// OpenMP brings no runtime, and then there is nothing to turn off.
void SerializeOpenMp() {
  if (std::getenv("OMP_THREAD_LIMIT") != nullptr) return;
  using SetMaxActiveLevels = void (*)(int);
  static const auto set_levels =
      reinterpret_cast<SetMaxActiveLevels>(dlsym(RTLD_DEFAULT, "omp_set_max_active_levels"));
  if (set_levels != nullptr) set_levels(0);
}

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

// The page (at `dpi`) read; *sideways says whether Tesseract found it turned sideways.
// `fills` (text-layer words in a printed line) are written into its lines;
// `pixels_per_point` is the cleaned page's scale.
// `digits` reads the handwritten header slots of page 1 (null: other pages).
OcrPage ReadClean(tesseract::TessBaseAPI* api, Pix* clean, int dpi, bool* sideways, LazyDigitModel* digits,
                  const std::vector<LayerWord>& fills = {}, double pixels_per_point = 0) {
  api->SetImage(clean);
  api->SetSourceResolution(dpi);
  OcrPage page;
  *sideways = false;
  if (api->Recognize(nullptr) != 0) {
    page.mean_confidence = 0;
    return page;
  }
  *sideways = Sideways(api);
  page.mean_confidence = api->MeanTextConf();
  std::vector<LayoutLine> lines = ReadLines(api);
  // Before the signature area is read again, which recognises anew.
  if (!*sideways && digits) ReadHandwrittenSlots(api, clean, digits, &lines);
  if (!*sideways) RereadSignatureArea(api, clean, &lines);
  WriteLayerWords(fills, pixels_per_point, &lines);
  page.text = PageText(lines, static_cast<int>(pixGetWidth(clean)), FindTables(clean), &page.words);
  page.width = static_cast<int>(pixGetWidth(clean));
  page.height = static_cast<int>(pixGetHeight(clean));
  return page;
}

// What one worker keeps between pages: its orientation Tesseract and its
// own PDF document, so pages render in parallel as well as being read in
// parallel. The reading Tesseract is the engine pool's, one per page.
struct Worker {
  TesseractPtr osd;  // started at the first doubtful page
  bool osd_tried = false;
  std::unique_ptr<poppler::document> pdf;
};

// Quarter turns clockwise that bring `page` upright, as OSD sees them;
// 0 when it is upright or OSD is unsure or not installed.
int QuarterTurnsToUpright(Worker* worker, Pix* page, int dpi) {
  if (!worker->osd_tried) worker->osd = StartOsd(), worker->osd_tried = true;
  if (!worker->osd) return 0;
  worker->osd->SetImage(page);
  worker->osd->SetSourceResolution(dpi);
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
// `dpi` is the page's resolution as Tesseract is told it.
OcrPage ReadImage(tesseract::TessBaseAPI* api, Worker* worker, Pix* image, OcrSteps steps, int dpi,
                  const std::vector<LayerWord>& fills, LazyDigitModel* digits) {
  PixPtr clean = Clean(image, steps);
  bool sideways = false;
  const double pixels_per_point = dpi / 72.0 * pixGetWidth(clean.get()) / pixGetWidth(image);
  OcrPage page = ReadClean(api, clean.get(), dpi, &sideways, digits, fills, pixels_per_point);
  if (page.mean_confidence >= kDoubtfulConfidence && !sideways) return page;
  const int turns = QuarterTurnsToUpright(worker, clean.get(), dpi);
  if (turns == 0) return page;
  PixPtr upright(pixRotateOrth(clean.get(), turns));  // clockwise quarters
  if (!upright) return page;
  OcrPage turned = ReadClean(api, upright.get(), dpi, &sideways, digits);
  const bool better = turned.mean_confidence > page.mean_confidence ||
                      (!sideways && turned.mean_confidence >= kDoubtfulConfidence);
  return better ? turned : page;
}

enum class PageOutcome { kRead, kUndecodable, kNoModel };

// Reads one page with `api` (null: the model could not be loaded). A
// decoded or rendered page lives only while it is read: a long input is
// never held in memory at full size all at once.
PageOutcome ReadOnePage(std::string_view bytes, const PageInput& input, OcrSteps steps,
                        tesseract::TessBaseAPI* api, Worker* worker, LazyDigitModel* digits, OcrPage* out) {
  if (input.source == PageInput::Source::kTextLayer) {
    *out = {input.layer_text, -1, true, {}, "", {}};
    return PageOutcome::kRead;
  }
  PixPtr image;
  // An image file's page is told to Tesseract as kRenderDpi, whatever its
  // header says (many writers stamp 72 dpi); Clean scales the small ones.
  const int dpi = input.source == PageInput::Source::kPdfPage ? input.dpi : kRenderDpi;
  std::vector<LayerWord> fills;
  if (input.source == PageInput::Source::kPdfPage) {
    if (!worker->pdf) worker->pdf = LoadPdf(bytes);
    PixPtr colour;
    if (worker->pdf) image = RenderPdfPage(*worker->pdf, input.index, dpi, &colour);
    if (image && colour) WhitenColouredInk(colour.get(), image.get());
    if (image) fills = BlankLayerWords(image.get(), input.layer_words, dpi);
  } else if ((image = DecodeImagePage(bytes, input)) && pixGetDepth(image.get()) == 32) {
    PixPtr grey(pixConvertTo8(image.get(), 0));  // as Clean would make it
    if (grey) WhitenColouredInk(image.get(), grey.get());
    if (grey) image = std::move(grey);
  }
  if (!image) return PageOutcome::kUndecodable;
  if (!api) return PageOutcome::kNoModel;
  // The header's handwritten slots are page 1's.
  *out = ReadImage(api, worker, image.get(), steps, dpi, fills, input.index == 0 ? digits : nullptr);
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
  const std::vector<size_t> starts = doc->PageStarts();
  for (size_t i = 0; i < doc->pages.size(); ++i)
    for (OcrWord& w : doc->pages[i].words) w.offset += starts[i];
}

}  // namespace
}  // namespace ocr

std::vector<size_t> OcrDocument::PageStarts() const {
  std::vector<size_t> starts;
  size_t at = 0;
  for (size_t i = 0; i < pages.size(); ++i) {
    if (i > 0) ++at;  // the form feed
    starts.push_back(at);
    at += pages[i].text.size();
    if (at > 0 && (pages[i].text.empty() ? i > 0 : pages[i].text.back() != '\n')) ++at;  // Text()'s '\n'
  }
  return starts;
}

std::string OcrDocument::Text() const {
  std::string out;
  for (size_t i = 0; i < pages.size(); ++i) {
    if (i > 0) out += '\f';
    out += pages[i].text;
    if (!out.empty() && out.back() != '\n') out += '\n';
  }
  return out;
}

// The engine's Tesseracts and its page budget: at most `slots` pages are
// read at once over every Read running at once, however many threads each
// Read starts. So a batch whose workers share one engine (one Pipeline)
// spreads one long PDF's pages over every core once its other files are
// done, and never reads more pages at once than it has slots.
class OcrEngine::EnginePool {
 public:
  EnginePool(std::string languages, int slots, std::string digits_model)
      : languages_(std::move(languages)), slots_(slots), free_(slots), digits_(std::move(digits_model)) {}

  // A page's slot, held while the page is read (rendered, cleaned, read).
  class Slot {
   public:
    explicit Slot(EnginePool* pool) : pool_(pool) { pool_->free_.acquire(); }
    ~Slot() { pool_->free_.release(); }
    Slot(const Slot&) = delete;
    Slot& operator=(const Slot&) = delete;

   private:
    EnginePool* pool_;
  };

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

  int slots() const { return slots_; }

  // The handwritten digits' model, opened when a page first needs it.
  ocr::LazyDigitModel* digits() { return &digits_; }

 private:
  const std::string languages_;
  const int slots_;
  std::counting_semaphore<> free_;
  std::mutex mutex_;
  std::vector<ocr::TesseractPtr> idle_;
  ocr::LazyDigitModel digits_;
};

OcrEngine::~OcrEngine() = default;
OcrEngine::OcrEngine(OcrEngine&&) noexcept = default;

OcrEngine::OcrEngine(OcrOptions options)
    : options_(std::move(options)),
      pool_(std::make_unique<EnginePool>(
          options_.languages, options_.jobs > 0 ? options_.jobs
                                                : std::max(1, static_cast<int>(std::thread::hardware_concurrency())),
          options_.digits_model)) {
  // Leptonica and poppler report every unreadable image or PDF on stderr in
  // their own words ("Bad file: amount too big", "poppler/error: Couldn't
  // read xref table"); vnplan says it once, in one line naming the file.
  setMsgSeverity(L_SEVERITY_NONE);
  leptSetStderrHandler([](const char*) {});
  poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
}

namespace ocr {
namespace {

uint32_t LittleEndian32(std::string_view bytes, size_t at) {
  uint32_t value = 0;
  for (size_t i = 0; i < 4; ++i) value |= uint32_t{static_cast<unsigned char>(bytes[at + i])} << (8 * i);
  return value;
}

// "%PDF-1.7" (or 2.0) and an object later: a text that begins "%PDF" is
// still a text.
bool IsPdf(std::string_view bytes) {
  auto digit = [&](size_t at) { return bytes.size() > at && bytes[at] >= '0' && bytes[at] <= '9'; };
  return bytes.substr(0, 5) == "%PDF-" && digit(5) && bytes.size() > 6 && bytes[6] == '.' &&
         digit(7) && bytes.find("obj", 8) != std::string_view::npos;
}

// "BM", then the file header's pixel offset and an info header of one of
// the sizes Windows and OS/2 wrote: "BM01-KH…" is the start of a plan.
bool IsBmp(std::string_view bytes) {
  if (bytes.size() < 26 || bytes.substr(0, 2) != "BM") return false;
  const uint32_t info_size = LittleEndian32(bytes, 14);
  const bool known = info_size == 12 || info_size == 16 || info_size == 40 || info_size == 52 ||
                     info_size == 56 || info_size == 64 || info_size == 108 || info_size == 124;
  return known && LittleEndian32(bytes, 10) >= 14 + info_size;
}

}  // namespace
}  // namespace ocr

bool OcrEngine::IsScan(std::string_view bytes) {
  auto starts = [&](std::string_view magic) { return bytes.substr(0, magic.size()) == magic; };
  return ocr::IsPdf(bytes) || starts("\x89PNG\r\n\x1a\n") || starts("\xFF\xD8\xFF") ||
         starts(std::string_view("II*\0", 4)) || starts(std::string_view("MM\0*", 4)) ||
         ocr::IsBmp(bytes) || starts("GIF87a") || starts("GIF89a");
}

int OcrEngine::CountPages(std::string_view bytes) {
  if (ocr::IsPdf(bytes)) {
    const std::unique_ptr<poppler::document> doc = ocr::LoadPdf(bytes);
    return doc && !doc->is_locked() ? std::max(0, doc->pages()) : 0;
  }
  std::vector<ocr::PageInput> pages;
  std::string error;
  if (!IsScan(bytes) || !ocr::ListImagePages(bytes, OcrOptions(), &pages, &error)) return 0;
  return static_cast<int>(pages.size());
}

Status OcrEngine::Read(std::string_view bytes, OcrDocument* out) const {
  OcrSteps steps = 0;
  if (Status parsed = ParseOcrSteps(options_.steps, &steps); !parsed.ok()) return parsed;
  if (bytes.empty()) return Status::InvalidInput("empty file");
  std::vector<ocr::PageInput> pages;
  std::string listing;
  // IsScan confirmed the header; here a damaged PDF is still a PDF to refuse.
  const bool pdf = bytes.substr(0, 4) == "%PDF";
  if (!ocr::ListPages(bytes, options_, &pages, &listing)) return Status::InvalidInput(listing);
  out->kind = pdf ? "pdf" : "image";
  out->languages = options_.languages;
  out->engine = std::string("tesseract ") + tesseract::TessBaseAPI::Version();
  out->pages.assign(pages.size(), OcrPage{});
  // Scanned PDF pages are rendered without the seal and signature pictures
  // laid over them (pdf_overlays.h); text layers were read from the PDF as given.
  const bool renders = std::any_of(pages.begin(), pages.end(), [](const ocr::PageInput& p) {
    return p.source == ocr::PageInput::Source::kPdfPage;
  });
  const std::string unveiled = pdf && renders ? ocr::WithoutImageOverlays(bytes) : std::string();
  const std::string_view rendered = unveiled.empty() ? bytes : std::string_view(unveiled);
  // Pages are taken in order; after a failure no new page is started, and
  // the first failing page is the one reported.
  std::atomic<size_t> next{0};
  std::mutex failure_mutex;
  size_t failed_page = pages.size();
  ocr::PageOutcome failure = ocr::PageOutcome::kRead;
  // A page's slot is taken before its number, so a thread waiting for a
  // slot holds no page back from the others. A page read from its text
  // layer needs no Tesseract (a born-digital PDF starts none).
  auto work = [&] {
    ocr::SerializeOpenMp();
    ocr::Worker worker;
    for (;;) {
      const EnginePool::Slot slot(pool_.get());
      const size_t i = next++;
      if (i >= pages.size()) break;
      ocr::TesseractPtr api;
      if (pages[i].source != ocr::PageInput::Source::kTextLayer) api = pool_->Take();
      const ocr::PageOutcome outcome = ocr::ReadOnePage(rendered, pages[i], steps, api.get(), &worker, pool_->digits(),
                                                          &out->pages[i]);
      pool_->Give(std::move(api));
      if (outcome == ocr::PageOutcome::kRead) continue;
      std::lock_guard<std::mutex> lock(failure_mutex);
      if (i < failed_page) failed_page = i, failure = outcome;
      next = pages.size();
    }
  };
  const int jobs = std::max(1, std::min<int>(pool_->slots(), static_cast<int>(pages.size())));
  std::vector<std::thread> threads;
  for (int t = 0; t < jobs; ++t) threads.emplace_back(work);
  for (auto& t : threads) t.join();
  // A missing language model is the installation's problem, not the
  // input's: its own code, so the command line can say so (exit 4).
  if (failure == ocr::PageOutcome::kNoModel)
    return Status::ModelMissing("Tesseract could not load the '" + options_.languages +
                                "' model (install tesseract-ocr-" + options_.languages + ")");
  if (failure == ocr::PageOutcome::kUndecodable)
    return Status::InvalidInput(ocr::Undecodable(pages[failed_page]));
  ocr::PlaceWords(out);
  double sum = 0;
  int read = 0;
  for (const OcrPage& p : out->pages)
    if (!p.text_layer && p.mean_confidence >= 0) sum += p.mean_confidence, ++read;
  out->mean_confidence = read ? sum / read : -1;
  return Status::Ok();
}

bool OcrEngine::Read(std::string_view bytes, OcrDocument* out, std::string* error) const {
  const Status status = Read(bytes, out);
  if (!status.ok()) *error = status.message();
  return status.ok();
}

}  // namespace vnplan
