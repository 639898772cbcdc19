#include "vnplan/pipeline.h"

#include <filesystem>
#include <fstream>
#include <optional>

#include "src/text/words.h"
#include "vnplan/parser.h"
#include "vnplan/text_input.h"

namespace vnplan {
namespace {

// A text with at least this share of damaged words is restored under
// kAuto (typed without marks, or legacy OCR); clean plans measure 0-5%,
// stripped ones 60% and more.
constexpr double kAutoRestoreShare = 0.15;

// Below this share of marked words, an unrestored text is worth a note:
// clean Vietnamese is around 0.8.
constexpr double kFewMarksShare = 0.5;

constexpr struct {
  RestoreMode mode;
  const char* name;
} kRestoreModeNames[] = {
    {RestoreMode::kAuto, "auto"}, {RestoreMode::kAlways, "always"}, {RestoreMode::kNever, "never"}};

// The confidence of every word Tesseract read, by its offset in the
// document's text (OcrDocument::Text()): the `vie` model misreads marks on
// poor scans ("xây" as "xẩy") and says how sure it was of each word.
std::vector<WordConfidence> OcrConfidences(const OcrDocument& doc) {
  std::vector<WordConfidence> out;
  for (const OcrPage& page : doc.pages)
    for (const OcrWord& w : page.words) out.push_back({w.offset, w.confidence});
  return out;
}

bool AnyPageOcrd(const OcrDocument& doc) {
  for (const OcrPage& page : doc.pages)
    if (!page.text_layer) return true;
  return false;
}

// A fingerprint of files: their names, sizes and times.
std::string Fingerprint(const std::vector<std::string>& paths) {
  std::string fingerprint;
  for (const std::string& path : paths) {
    std::error_code ec;
    fingerprint += std::filesystem::path(path).filename().string() + ":" +
                   std::to_string(std::filesystem::file_size(path, ec)) + ":" +
                   std::to_string(std::filesystem::last_write_time(path, ec).time_since_epoch().count()) +
                   ";";
  }
  return InputDigest(fingerprint).substr(0, 16);
}

// "vnplan 0.4.0; models 3f9a…; places 77c0…": the version, and fingerprints
// of the model files the restorer read and of the gazetteer the parser read.
std::string PipelineId(const std::string& model_dir, bool restoring, const std::string& gazetteer) {
  std::string id = std::string("vnplan ") + Version();
  id += restoring ? "; models " + Fingerprint(Restorer::DirectoryFiles(model_dir)) : "; no restoration";
  if (!gazetteer.empty()) id += "; places " + Fingerprint({gazetteer});
  return id;
}

// The OCR options of `o`, reading handwritten digits with the model
// directory's digit model when it holds one and none was named.
OcrOptions WithDigitModel(const PipelineOptions& o) {
  OcrOptions ocr = o.ocr;
  const std::string path = o.model_dir.empty() ? "" : o.model_dir + "/digits.bin";
  if (ocr.digits_model.empty() && !path.empty() && std::ifstream(path).good()) ocr.digits_model = path;
  return ocr;
}

}  // namespace

const char* Version() { return VNPLAN_VERSION; }

const char* RestoreModeName(RestoreMode mode) {
  for (const auto& entry : kRestoreModeNames)
    if (entry.mode == mode) return entry.name;
  return "auto";
}

Status ParseRestoreMode(std::string_view name, RestoreMode* mode) {
  for (const auto& entry : kRestoreModeNames) {
    if (name == entry.name) {
      *mode = entry.mode;
      return Status::Ok();
    }
  }
  return Status::InvalidArgument("unknown restore mode '" + std::string(name) +
                                 "' (auto, always or never)");
}

struct Pipeline::Impl {
  explicit Impl(const PipelineOptions& o) : options(o), ocr(WithDigitModel(o)) {}

  // Restores `text` (normalised from `raw`) as the mode asks; the OCR
  // confidences point into `raw` and are only trusted when normalising
  // moved nothing.
  std::optional<RestoreResult> RestoreAsAsked(std::string_view raw, const std::string& text,
                                              bool ocr_read,
                                              std::vector<WordConfidence> confidences) const;
  // Fills the OCR facts of `reading` from the document just read.
  void DescribeScan(Reading* reading) const;

  PipelineOptions options;
  OcrEngine ocr;
  PlanParser parser;
  std::unique_ptr<Restorer> restorer;
  std::string model_problem;  // why `restorer` is null under kAuto
  std::string id;
};

std::optional<RestoreResult> Pipeline::Impl::RestoreAsAsked(
    std::string_view raw, const std::string& text, bool ocr_read,
    std::vector<WordConfidence> confidences) const {
  if (!restorer || options.restore == RestoreMode::kNever) return std::nullopt;
  RestoreOptions asked;
  // OCR'd text is always decoded: its misread marks are guarded by the
  // confidences, not by how damaged the text looks as a whole.
  asked.min_damaged_share =
      options.restore == RestoreMode::kAlways || ocr_read ? 0.0 : kAutoRestoreShare;
  if (text == raw) asked.confidences = std::move(confidences);
  RestoreResult result = restorer->Restore(text, asked);
  if (!result.applied) return std::nullopt;
  return result;
}

void Pipeline::Impl::DescribeScan(Reading* reading) const {
  const OcrDocument& doc = reading->ocr;
  SourceInfo& source = reading->source;
  source.kind = doc.kind;
  source.pages = static_cast<int>(doc.pages.size());
  for (size_t i = 0; i < doc.pages.size(); ++i)
    for (const OcrSignature& s : doc.pages[i].signatures)
      source.signatures.push_back({s.signed_by, s.organisation, s.time, static_cast<int>(i) + 1});
  if (!AnyPageOcrd(doc)) return;
  source.ocr = SourceInfo::Ocr{
      doc.engine, doc.languages,
      doc.mean_confidence >= 0 ? std::optional<double>(doc.mean_confidence) : std::nullopt};
}

Pipeline::Pipeline() = default;
Pipeline::~Pipeline() = default;

Status Pipeline::Open(const PipelineOptions& options, std::unique_ptr<Pipeline>* pipeline) {
  std::unique_ptr<Pipeline> p(new Pipeline());
  p->impl_ = std::make_unique<Impl>(options);
  Impl& impl = *p->impl_;
  if (options.restore != RestoreMode::kNever) {
    Status status;
    impl.restorer = Restorer::OpenDirectory(options.model_dir, &status);
    if (!impl.restorer && options.restore == RestoreMode::kAlways) return status;
    impl.model_problem = status.message();
  }
  // The gazetteer is the parser's, read whatever the restore mode; one the
  // directory holds but that cannot be read is an error, not silence.
  const std::string gazetteer = Restorer::DirectoryGazetteer(options.model_dir);
  if (!gazetteer.empty())
    if (Status status = impl.parser.UseGazetteer(gazetteer); !status.ok()) return status;
  impl.id = PipelineId(options.model_dir, impl.restorer != nullptr, gazetteer);
  // The digit model reads handwritten numbers and days: part of what makes the output.
  if (const std::string digits = WithDigitModel(options).digits_model; !digits.empty())
    impl.id += "; digits " + Fingerprint({digits});
  *pipeline = std::move(p);
  return Status::Ok();
}

Status Pipeline::Read(std::string_view bytes, Reading* reading) const {
  reading->source.pipeline = impl_->id;
  std::string scanned;  // the pages' text, when the input is a scan or PDF
  const bool scan = OcrEngine::IsScan(bytes);
  if (scan) {
    if (Status read = impl_->ocr.Read(bytes, &reading->ocr); !read.ok()) return read;
    scanned = reading->ocr.Text();
    impl_->DescribeScan(reading);
  }
  const std::string_view raw = scan ? std::string_view(scanned) : bytes;
  if (const TextCheck check = CheckPlanText(raw); !check.ok())
    return Status::InvalidInput(check.message);
  reading->text = NormalizePlanText(raw);
  // --redo-ocr: a PDF's text layer is another tool's OCR, restored as such.
  const bool ocr_read = reading->source.ocr.has_value() ||
                        (scan && impl_->options.ocr.pdf_reading == PdfReading::kRedoOcr);
  if (auto restored = impl_->RestoreAsAsked(raw, reading->text, ocr_read,
                                            OcrConfidences(reading->ocr))) {
    reading->source.restoration_applied = true;
    reading->source.tokens_changed = restored->changed;
    reading->text = std::move(restored->text);
  } else if (!impl_->restorer && impl_->options.restore == RestoreMode::kAuto) {
    if (ocr_read)
      reading->notes.push_back({Note::Kind::kNote, "marks Tesseract misread are left as read: " +
                                                       impl_->model_problem});
    else if (internal::MarkedShare(reading->text) < kFewMarksShare)
      reading->notes.push_back({Note::Kind::kNote, "few diacritics, but not restored: " +
                                                       impl_->model_problem});
  }
  return Status::Ok();
}

Status Pipeline::Extract(std::string_view bytes, Extraction* extraction) const {
  Reading reading;
  if (Status status = Read(bytes, &reading); !status.ok()) return status;
  *extraction = Parse(reading);
  return Status::Ok();
}

Extraction Pipeline::Parse(const Reading& reading) const {
  Extraction extraction;
  extraction.plan = impl_->parser.ParseNormalized(reading.text);
  extraction.source = reading.source;
  extraction.notes = reading.notes;
  if (extraction.plan.sections.empty())
    extraction.notes.push_back({Note::Kind::kWarning, "no numbered sections found"});
  return extraction;
}

Status Pipeline::Restore(std::string_view utf8, bool explain, RestoreResult* result) const {
  if (!impl_->restorer) return Status::ModelMissing(impl_->model_problem);
  if (const TextCheck check = CheckPlanText(utf8); !check.ok())
    return Status::InvalidInput(check.message);
  RestoreOptions asked;
  asked.explain = explain;
  *result = impl_->restorer->Restore(NormalizePlanText(utf8), asked);
  return Status::Ok();
}

const std::string& Pipeline::id() const { return impl_->id; }

std::string Extraction::Json(JsonLayout layout) const { return PlanToJson(plan, source, layout); }

}  // namespace vnplan
