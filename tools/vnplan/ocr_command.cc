#include "tools/vnplan/ocr_command.h"

#include <iostream>
#include <optional>
#include <sstream>

#include "tools/vnplan/atomic_file.h"
#include "tools/vnplan/extract_command.h"
#include "tools/vnplan/input_file.h"
#include "vnplan/searchable_pdf.h"

namespace vnplan {
namespace {

// Scans are large; a whole book of pages still fits.
constexpr std::size_t kMaxScanBytes = std::size_t{1} << 30;

}  // namespace

int RunOcr(const OcrCommandOptions& options, std::istream& in, std::ostream& out,
           std::ostream& err) {
  const std::optional<std::string> bytes = ReadInputOrSay(options.input, in, kMaxScanBytes, err);
  if (!bytes) return kExitInputFailed;
  if (!OcrEngine::IsScan(*bytes)) {
    err << "vnplan: " << options.input << ": not an image or a PDF\n";
    return kExitInputFailed;
  }
  PipelineOptions pipeline_options;
  pipeline_options.ocr = options.ocr;
  pipeline_options.restore = options.restore;
  pipeline_options.model_dir = options.model_dir;
  pipeline_options.ocr.jobs = options.jobs;
  pipeline_options.ocr.steps = options.preprocess;
  std::unique_ptr<Pipeline> pipeline;
  Reading reading;
  Status status = Pipeline::Open(pipeline_options, &pipeline);
  if (status.ok()) status = pipeline->Read(*bytes, &reading);
  if (!status.ok()) {
    err << "vnplan: " << options.input << ": " << status.message() << "\n";
    return ExitCodeOf(status);
  }
  Reporter reporter(err, options.verbosity, false);
  for (const Note& note : reading.notes)
    reporter.Say(note.kind == Note::Kind::kWarning ? MessageKind::kWarning : MessageKind::kNote,
                 NoteLine(options.input, note));
  const OcrDocument& doc = reading.ocr;
  std::ostringstream read;
  read << "vnplan: " << options.input << ": " << PageCount(static_cast<long>(doc.pages.size()))
       << ", " << doc.engine << " (" << doc.languages << "), mean confidence " << doc.mean_confidence;
  reporter.Say(MessageKind::kNote, read.str());
  if (!options.pdf.empty()) {
    std::string pdf;
    status = WriteSearchablePdf(*bytes, doc, reading.text, pipeline_options.ocr, InputDigest(*bytes), &pdf);
    if (!status.ok()) {
      err << "vnplan: " << options.input << ": no searchable PDF: " << status.message() << "\n";
      return ExitCodeOf(status);
    }
    if (const std::string failed = WriteFileAtomically(options.pdf, pdf); !failed.empty()) {
      err << "vnplan: " << failed << "\n";
      return kExitOutputFailed;
    }
  }
  return WriteResult(options.output, reading.text, out, err);
}

}  // namespace vnplan
