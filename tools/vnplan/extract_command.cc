#include "tools/vnplan/extract_command.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>
#include <thread>

#include "tools/vnplan/atomic_file.h"
#include "tools/vnplan/batch.h"
#include "tools/vnplan/catalogue_command.h"
#include "tools/vnplan/input_file.h"
#include "vnplan/searchable_pdf.h"

namespace vnplan {
namespace {

namespace fs = std::filesystem;

std::string BaseName(const std::string& path) {
  if (path == "-") return "-";
  return fs::path(path).filename().string();
}

// One input through the pipeline: its JSON text, its notes through the
// reporter.
class Converter {
 public:
  // `ocr`: the options the pipeline reads scans with, which the searchable
  // PDF lists their pages with.
  Converter(const Pipeline& pipeline, const OcrOptions& ocr, Reporter& reporter)
      : pipeline_(pipeline), ocr_(ocr), reporter_(reporter) {}

  // With `pdf` (not null), a scan's searchable PDF too (left empty for a text).
  Status Convert(const std::string& path, const std::string& bytes, const std::string& sha256,
                 JsonLayout layout, std::string* json, int* pages, std::string* pdf = nullptr) const {
    Reading reading;
    if (Status status = pipeline_.Read(bytes, &reading); !status.ok()) return status;
    if (pdf != nullptr && !reading.ocr.pages.empty())
      if (Status status = WriteSearchablePdf(bytes, reading.ocr, reading.text, ocr_, sha256, pdf); !status.ok())
        return Status::InvalidInput("no searchable PDF: " + status.message());
    Extraction extraction = pipeline_.Parse(reading);
    for (const Note& note : extraction.notes)
      reporter_.Say(note.kind == Note::Kind::kWarning ? MessageKind::kWarning : MessageKind::kNote,
                    NoteLine(path, note));
    extraction.source.file = BaseName(path);
    extraction.source.sha256 = sha256;
    *json = extraction.Json(layout);
    *pages = extraction.source.pages.value_or(0);
    return Status::Ok();
  }

  Reporter& reporter() const { return reporter_; }

 private:
  const Pipeline& pipeline_;
  const OcrOptions ocr_;
  Reporter& reporter_;
};

// "[\n  {…},\n  {…}\n]": the plans' indented JSON as one array, as a JSON
// library would indent it.
std::string JsonArray(const std::vector<std::string>& objects) {
  std::string text = "[\n";
  for (size_t i = 0; i < objects.size(); ++i) {
    text += "  ";
    for (char c : objects[i]) {
      text += c;
      if (c == '\n') text += "  ";
    }
    text += i + 1 < objects.size() ? ",\n" : "\n";
  }
  return text + "]";
}

std::string StreamText(const std::string& format, const std::vector<std::string>& objects) {
  std::string text;
  if (format == "jsonl") {
    for (const std::string& object : objects) text += object + "\n";
    return text;
  }
  return (objects.size() == 1 ? objects[0] : JsonArray(objects)) + "\n";
}

int RunStream(const ExtractOptions& options, const std::vector<std::string>& inputs,
              const Converter& converter, std::istream& in, std::ostream& out,
              std::ostream& err) {
  const JsonLayout layout =
      options.format == "jsonl" ? JsonLayout::kOneLine : JsonLayout::kIndented;
  std::vector<std::string> objects;
  int failed = kExitOk;  // the exit code of the inputs that failed
  for (const std::string& path : inputs) {
    std::string error, json;
    int pages = 0;
    const std::optional<std::string> bytes = ReadInput(path, in, options.max_input_bytes, error);
    Status status = bytes ? converter.Convert(path, *bytes, InputDigest(*bytes), layout, &json, &pages)
                          : Status::InvalidInput(error);
    if (!status.ok()) {
      converter.reporter().Say(MessageKind::kError, "vnplan: " + path + ": " + status.message());
      failed = std::max(failed, ExitCodeOf(status));  // 4, a missing model, over 1
      continue;
    }
    objects.push_back(std::move(json));
  }
  if (objects.empty()) return failed;
  const int written = WriteResult(options.output, StreamText(options.format, objects), out, err);
  return written != kExitOk ? written : failed;
}

// The inputs a manifest lists, appended to *inputs: one path a line,
// relative ones taken from the manifest's folder.
Status ReadManifest(const std::string& manifest, std::vector<std::string>* inputs) {
  std::ifstream in(manifest);
  if (!in) return Status::InvalidArgument("cannot read the manifest " + manifest);
  const fs::path folder = fs::path(manifest).parent_path();
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    inputs->push_back(fs::path(line).is_absolute() ? line : (folder / line).lexically_normal().string());
  }
  return Status::Ok();
}

// "K/N" with 1 <= K <= N.
Status ParseShard(const std::string& shard, int* index, int* count) {
  const size_t slash = shard.find('/');
  try {
    size_t used = 0;
    if (slash != std::string::npos) {
      *index = std::stoi(shard.substr(0, slash), &used);
      if (used == slash) {
        *count = std::stoi(shard.substr(slash + 1), &used);
        if (used == shard.size() - slash - 1 && *index >= 1 && *index <= *count)
          return Status::Ok();
      }
    }
  } catch (const std::exception&) {
  }
  return Status::InvalidArgument("--shard takes K/N with 1 <= K <= N, not '" + shard + "'");
}

// `--db`: every output the batch writes or finds current goes into the
// catalogue (one transaction each) as it is done. A plan that cannot be
// added is said through the reporter and makes the run fail (*failed).
std::function<void(const std::string&)> CatalogueHook(const std::string& db, Reporter& reporter,
                                                      std::shared_ptr<Catalogue>* catalogue,
                                                      bool* failed) {
  std::unique_ptr<Catalogue> opened;
  if (Status s = Catalogue::Open(db, Catalogue::Mode::kWrite, &opened); !s.ok()) {
    reporter.Say(MessageKind::kError, "vnplan: " + s.message());
    *failed = true;
    return nullptr;
  }
  *catalogue = std::move(opened);
  Catalogue* target = catalogue->get();
  return [target, failed, &reporter](const std::string& output) {
    if (*failed) return;  // said once: the catalogue could not take a plan
    int added = 0, skipped = 0;
    std::ostringstream said;
    if (AddPlanFile(*target, output, false, &added, &skipped, said) != kExitOk) *failed = true;
    std::string line;
    for (std::istringstream lines(said.str()); std::getline(lines, line);)
      reporter.Say(MessageKind::kError, line);
  };
}

// Files processed at once in a batch: -j, or one per core.
int BatchJobs(const ExtractOptions& options) {
  return options.jobs > 0 ? options.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

int RunFolder(const ExtractOptions& options, const InputList& inputs, const Pipeline& pipeline,
              const Converter& converter) {
  BatchOptions batch;
  batch.inputs = inputs.files;
  batch.relative = inputs.relative;
  batch.output_dir = options.output;
  batch.pipeline = pipeline.id();
  batch.force = options.force;
  batch.searchable_pdf = options.searchable_pdf;
  batch.jobs = BatchJobs(options);
  batch.max_input_bytes = options.max_input_bytes;
  if (!options.shard.empty()) ParseShard(options.shard, &batch.shard_index, &batch.shard_count);
  std::shared_ptr<Catalogue> catalogue;
  bool catalogue_failed = false;
  if (!options.db.empty()) {
    batch.on_output = CatalogueHook(options.db, converter.reporter(), &catalogue, &catalogue_failed);
    if (!batch.on_output) return kExitOutputFailed;
  }
  const int code = RunBatch(
      batch,
      [&](const std::string& path, const std::string& bytes, const std::string& sha256,
          std::string* json, int* pages, std::string* pdf) {
        const Status status = converter.Convert(path, bytes, sha256, JsonLayout::kIndented, json, pages,
                                                options.searchable_pdf ? pdf : nullptr);
        if (status.ok()) *json += "\n";
        return status;
      },
      converter.reporter());
  return code == kExitOk && catalogue_failed ? kExitOutputFailed : code;
}

// --manifest and --shard: their inputs and checks; kExitOk or the exit code.
int ClusterInputs(const ExtractOptions& options, std::vector<std::string>* inputs,
                  std::ostream& err) {
  const bool to_folder = !options.output.empty() && options.output != "-" &&
                         (fs::is_directory(options.output) || options.output.back() == '/');
  Status status;
  int index = 0, count = 0;
  if (!options.shard.empty()) status = ParseShard(options.shard, &index, &count);
  if (status.ok() && !options.manifest.empty()) status = ReadManifest(options.manifest, inputs);
  if (status.ok() && !to_folder && (!options.manifest.empty() || !options.shard.empty() ||
                                    !options.db.empty()))
    status = Status::InvalidArgument("--manifest, --shard and --db need -o OUTDIR/");
  if (status.ok()) return kExitOk;
  err << "vnplan: " << status.message() << "\n";
  return kExitUsage;
}

}  // namespace

std::string NoteLine(const std::string& path, const Note& note) {
  return "vnplan: " + path + (note.kind == Note::Kind::kWarning ? ": warning: " : ": note: ") +
         note.message;
}

int RunExtract(const ExtractOptions& options, std::istream& in, std::ostream& out,
               std::ostream& err) {
  if (options.format != "json" && options.format != "jsonl") {
    err << "vnplan: unknown format '" << options.format << "' (json or jsonl)\n";
    return kExitUsage;
  }
  std::error_code ec;
  Reporter reporter(err, options.verbosity, options.progress_bar);
  std::vector<std::string> named = options.inputs;
  if (const int code = ClusterInputs(options, &named, err); code != kExitOk) return code;
  const InputList listed = ExpandInputs(named, options.output);
  const bool had_directory = listed.had_directory;
  for (const std::string& skipped : listed.skipped)
    reporter.Say(MessageKind::kError, "vnplan: skipped " + skipped);
  const bool to_folder = !options.output.empty() && options.output != "-" &&
                         (fs::is_directory(options.output, ec) || options.output.back() == '/' ||
                          had_directory);
  const bool stream = options.format == "jsonl" || !to_folder;
  if (stream && options.searchable_pdf) {
    err << "vnplan: --searchable-pdf needs -o OUTDIR/ (each scan's PDF beside its JSON)\n";
    return kExitUsage;
  }
  if (stream && had_directory && options.format == "json" && options.output.empty()) {
    err << "vnplan: a folder of plans needs -o OUTDIR (one JSON each) or --format jsonl\n";
    return kExitUsage;
  }
  PipelineOptions pipeline_options;
  pipeline_options.ocr = options.ocr;
  pipeline_options.restore = options.restore;
  pipeline_options.model_dir = options.model_dir;
  // A batch's workers share the engine's page budget (OcrOptions::jobs):
  // as many pages at once as workers, whichever files they come from.
  pipeline_options.ocr.jobs = options.ocr_jobs == 0 && to_folder ? BatchJobs(options) : options.ocr_jobs;
  std::unique_ptr<Pipeline> pipeline;
  if (Status status = Pipeline::Open(pipeline_options, &pipeline); !status.ok()) {
    err << "vnplan: " << status.message() << "\n";
    return ExitCodeOf(status);
  }
  const Converter converter(*pipeline, pipeline_options.ocr, reporter);
  const int code = stream ? RunStream(options, listed.files, converter, in, out, err)
                          : RunFolder(options, listed, *pipeline, converter);
  // What a folder held but could not be read counts as an input that failed.
  return code == kExitOk && !listed.skipped.empty() ? kExitInputFailed : code;
}

}  // namespace vnplan
