// Pipeline: vnplan's one front door, as TessBaseAPI is Tesseract's. The
// command line, the tests, the benches and any later binding hand it the
// bytes of one input and get back the text or the plan:
//
//   vnplan::PipelineOptions options;
//   options.model_dir = "build/models";
//   std::unique_ptr<vnplan::Pipeline> pipeline;
//   vnplan::Status s = vnplan::Pipeline::Open(options, &pipeline);
//   vnplan::Extraction e;
//   if (s.ok()) s = pipeline->Extract(bytes, &e);
//   std::string json = e.Json();
//
// It sniffs the input (a scan or PDF goes to OCR, anything else must be
// UTF-8 text), normalises the text once, restores it as the mode asks (it
// owns that policy, the model set and its fingerprint, and how OCR
// confidences reach the restorer), and parses it. Data flows one way:
// ocr -> restore -> parser.
#ifndef VNPLAN_PIPELINE_H_
#define VNPLAN_PIPELINE_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "vnplan/ocr.h"
#include "vnplan/plan.h"
#include "vnplan/plan_json.h"
#include "vnplan/restorer.h"
#include "vnplan/status.h"

namespace vnplan {

// vnplan's version, written into every JSON's source.pipeline.
const char* Version();

// When the restorer runs.
enum class RestoreMode {
  kAuto,    // a text that lost its marks (DamagedShare over 15%), and any OCR'd text
  kAlways,  // every text; a missing model is an error
  kNever,   // the text is parsed as it is
};

// "auto", "always", "never": the command line's names.
const char* RestoreModeName(RestoreMode mode);
// The mode named `name`; kInvalidArgument naming the choices otherwise.
Status ParseRestoreMode(std::string_view name, RestoreMode* mode);

struct PipelineOptions {
  RestoreMode restore = RestoreMode::kAuto;
  // Where domain.lm, background.lm and channel.tsv are (Restorer::
  // OpenDirectory), and places.tsv, the gazetteer the parser checks places
  // against (used whatever `restore` says). Empty: no model (kAuto then
  // leaves text as it is) and no gazetteer.
  std::string model_dir;
  OcrOptions ocr;
};

// A user-facing remark about one input that did not stop it ("few
// diacritics but no model to restore them"): one sentence, no file name.
struct Note {
  enum class Kind { kNote, kWarning };
  Kind kind = Kind::kNote;
  std::string message;
};

// What reading an input gave: its text, and where that text came from.
struct Reading {
  std::string text;   // NFC, "\n" line ends, restored when that applied
  SourceInfo source;  // kind, pages, ocr, restoration and pipeline filled;
                      // file and sha256 are the caller's to set
  OcrDocument ocr;    // pages and words as read; empty for text input
  std::vector<Note> notes;
};

// What extracting an input gave: the plan and its source.
struct Extraction {
  Plan plan;
  SourceInfo source;
  std::vector<Note> notes;

  // The contract's JSON (no final newline).
  std::string Json(JsonLayout layout = JsonLayout::kIndented) const;
};

class Pipeline {
 public:
  // Opens the models the options ask for (once; a pipeline serves many
  // inputs). kModelMissing when restore is kAlways and there is no usable
  // model; under kAuto a missing model only means no restoration.
  static Status Open(const PipelineOptions& options, std::unique_ptr<Pipeline>* pipeline);
  ~Pipeline();
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;

  // Reads one input: a scan or PDF page by page (OCR, or the page's text
  // layer), or UTF-8 text (checked: binary data and other encodings are
  // refused); normalises it and restores it as the mode asks.
  // kInvalidInput with a sentence naming the problem when it cannot be read.
  // Safe to call from several threads at once.
  Status Read(std::string_view bytes, Reading* reading) const;

  // Read, then parse into the contract's plan.
  Status Extract(std::string_view bytes, Extraction* extraction) const;

  // The plan of what Read gave (Extract is Read, then Parse), for a caller
  // that keeps the reading too (a batch writing searchable PDFs).
  Extraction Parse(const Reading& reading) const;

  // Restores text whatever its damage (`vnplan restore`), listing every
  // change when `explain`. kModelMissing without a model.
  Status Restore(std::string_view utf8, bool explain, RestoreResult* result) const;

  // "vnplan 0.4.0; models 3f9a…": what makes this pipeline's output, so a
  // batch re-run can tell whether an existing JSON is still current.
  const std::string& id() const;

 private:
  Pipeline();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The SHA-256 of an input's bytes, lower-case hex: source.sha256, which
// lets a reader (and a resumed batch) tell which input a JSON came from.
std::string InputDigest(std::string_view bytes);

}  // namespace vnplan

#endif  // VNPLAN_PIPELINE_H_
