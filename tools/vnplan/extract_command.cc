#include "tools/vnplan/extract_command.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <mutex>
#include <optional>
#include <thread>

#include <nlohmann/json.hpp>

#include "tools/vnplan/atomic_file.h"
#include "tools/vnplan/batch.h"
#include "tools/vnplan/input_file.h"
#include "tools/vnplan/restore_command.h"
#include "tools/vnplan/sha256.h"
#include "src/text/words.h"
#include "vnplan/ocr.h"
#include "vnplan/plan_json.h"
#include "vnplan/parser.h"
#include "vnplan/text_input.h"

namespace vnplan {
namespace {

namespace fs = std::filesystem;

std::string BaseName(const std::string& path) {
  if (path == "-") return "-";
  return fs::path(path).filename().string();
}

// "vnplan 0.2.0; models 3f9a…": what made a JSON, so a batch re-run can tell
// whether an existing output is still current.
std::string PipelineId(const std::string& model_dir, bool restoring) {
  std::string id = "vnplan " + std::string(kVersion);
  if (!restoring) return id + "; no restoration";
  std::string fingerprint;
  for (const char* name : {"domain.lm", "background.lm", "channel.tsv"}) {
    std::error_code ec;
    const fs::path p = fs::path(model_dir) / name;
    if (!fs::exists(p, ec)) continue;
    fingerprint += std::string(name) + ":" + std::to_string(fs::file_size(p, ec)) + ":" +
                   std::to_string(fs::last_write_time(p, ec).time_since_epoch().count()) + ";";
  }
  return id + "; models " + Sha256Hex(fingerprint).substr(0, 16);
}

// Everything one input goes through: checks, restoration, parsing, JSON.
class Converter {
 public:
  Converter(const ExtractOptions& options, const Restorer* restorer, std::string pipeline,
            std::string model_error, std::ostream& err)
      : options_(options), restorer_(restorer), pipeline_(std::move(pipeline)),
        model_error_(std::move(model_error)), err_(err) {}

  // Returns nullopt and sets *error when the input is refused.
  std::optional<nlohmann::ordered_json> Convert(const std::string& path, const std::string& bytes,
                                                const std::string& sha256, std::string* error) const {
    SourceInfo source;
    std::string ocr_text;
    std::vector<WordConfidence> confidences;  // of the words Tesseract read
    if (OcrEngine::IsScan(bytes)) {
      // A scan or a PDF: the OCR stage first.
      OcrDocument doc;
      if (!ocr_.Read(bytes, &doc, error)) return std::nullopt;
      ocr_text = doc.Text();
      source.kind = doc.kind;
      source.pages = static_cast<int>(doc.pages.size());
      bool any_ocr = false;
      for (const OcrPage& p : doc.pages) any_ocr |= !p.text_layer;
      confidences = OcrConfidences(doc);
      if (any_ocr)
        source.ocr = SourceInfo::Ocr{doc.engine, doc.languages,
                                     doc.mean_confidence >= 0 ? std::optional<double>(doc.mean_confidence)
                                                              : std::nullopt};
    }
    const std::string& input = source.kind == "text" ? bytes : ocr_text;
    const TextCheck check = CheckPlanText(input);
    if (!check.ok()) {
      *error = check.message;
      return std::nullopt;
    }
    std::string text = NormalizePlanText(input);
    if (restorer_) {
      if (auto restored = RestoreAsAsked(*restorer_, options_.restore, input, text,
                                         std::move(confidences))) {
        source.restoration_applied = true;
        source.tokens_changed = restored->changed;
        text = std::move(restored->text);
      }
    } else if (options_.restore == "auto" && internal::MarkedShare(text) < 0.5) {
      Warn("vnplan: note: " + path + " has few diacritics but is not restored: " + model_error_);
    }
    const Plan plan = parser_.Parse(text);
    if (plan.sections.empty()) Warn("vnplan: " + path + ": warning: no numbered sections found");
    source.file = BaseName(path);
    source.sha256 = sha256;
    source.pipeline = pipeline_;
    return nlohmann::ordered_json::parse(PlanToJson(plan, source));
  }

 private:
  void Warn(const std::string& line) const {
    std::lock_guard<std::mutex> lock(mutex_);
    err_ << line << "\n";
  }

  const ExtractOptions& options_;
  const Restorer* restorer_;
  const PlanParser parser_;
  const OcrEngine ocr_{[this] {
    OcrOptions o;
    o.jobs = options_.ocr_jobs;
    return o;
  }()};
  const std::string pipeline_, model_error_;
  std::ostream& err_;
  mutable std::mutex mutex_;
};

int RunStream(const ExtractOptions& options, const std::vector<std::string>& inputs,
              const Converter& converter, std::istream& in, std::ostream& out,
              std::ostream& err) {
  std::vector<nlohmann::ordered_json> results;
  bool failed = false;
  for (const std::string& path : inputs) {
    std::string error;
    std::optional<std::string> bytes = ReadInput(path, in, options.max_input_bytes, error);
    std::optional<nlohmann::ordered_json> json;
    if (bytes) json = converter.Convert(path, *bytes, Sha256Hex(*bytes), &error);
    if (!json) {
      err << "vnplan: " << path << ": " << error << "\n";
      failed = true;
      continue;
    }
    results.push_back(std::move(*json));
  }
  if (results.empty()) return failed ? kExitInputFailed : kExitOk;

  std::string text;
  const auto replace = nlohmann::ordered_json::error_handler_t::replace;
  if (options.format == "jsonl") {
    for (const auto& j : results) text += j.dump(-1, ' ', false, replace) + "\n";
  } else if (results.size() == 1) {
    text = results[0].dump(2, ' ', false, replace) + "\n";
  } else {
    text = nlohmann::ordered_json(results).dump(2, ' ', false, replace) + "\n";
  }
  if (options.output.empty() || options.output == "-") {
    out << text;
    out.flush();
    if (!out) {
      err << "vnplan: cannot write to standard output\n";
      return kExitOutputFailed;
    }
  } else if (std::string problem = WriteFileAtomically(options.output, text); !problem.empty()) {
    err << "vnplan: " << problem << "\n";
    return kExitOutputFailed;
  }
  return failed ? kExitInputFailed : kExitOk;
}

}  // namespace

int RunOcr(const OcrCommandOptions& options, std::istream& in, std::ostream& out,
           std::ostream& err) {
  std::string error;
  const std::optional<std::string> bytes = ReadInput(options.input, in, std::size_t{1} << 30, error);
  if (!bytes) {
    err << "vnplan: " << options.input << ": " << error << "\n";
    return kExitInputFailed;
  }
  OcrDocument doc;
  if (!OcrEngine::IsScan(*bytes)) {
    err << "vnplan: " << options.input << ": not an image or a PDF\n";
    return kExitInputFailed;
  }
  OcrOptions ocr_options;
  ocr_options.jobs = options.jobs;
  ocr_options.steps = options.preprocess;
  if (!OcrEngine(ocr_options).Read(*bytes, &doc, &error)) {
    err << "vnplan: " << options.input << ": " << error << "\n";
    return kExitInputFailed;
  }
  std::string text = doc.Text();
  if (options.restore != "never") {
    std::string model_error;
    const auto restorer = OpenRestorer(options.model_dir, &model_error);
    if (!restorer && options.restore == "always") {
      err << "vnplan: " << model_error << "\n";
      return kExitModelMissing;
    }
    if (restorer) {
      if (auto restored = RestoreAsAsked(*restorer, options.restore, text, NormalizePlanText(text),
                                         OcrConfidences(doc)))
        text = std::move(restored->text);
    } else {
      err << "vnplan: note: marks Tesseract misread are left as read: " << model_error << "\n";
    }
  }
  err << "vnplan: " << options.input << ": " << doc.pages.size() << " page(s), " << doc.engine
      << " (" << doc.languages << "), mean confidence " << doc.mean_confidence << "\n";
  if (options.output.empty() || options.output == "-") {
    out << text;
    return kExitOk;
  }
  if (std::string problem = WriteFileAtomically(options.output, text); !problem.empty()) {
    err << "vnplan: " << problem << "\n";
    return kExitOutputFailed;
  }
  return kExitOk;
}

int RunExtract(const ExtractOptions& options, std::istream& in, std::ostream& out,
               std::ostream& err) {
  if (options.format != "json" && options.format != "jsonl") {
    err << "vnplan: unknown format '" << options.format << "' (json or jsonl)\n";
    return kExitUsage;
  }
  if (options.restore != "auto" && options.restore != "always" && options.restore != "never") {
    err << "vnplan: unknown --restore '" << options.restore << "' (auto, always or never)\n";
    return kExitUsage;
  }
  // The restorer is opened once, and only if it may be needed.
  std::unique_ptr<Restorer> restorer;
  std::string model_error;
  if (options.restore != "never") {
    if (options.model_dir.empty())
      model_error = "no model directory given";
    else
      restorer = OpenRestorer(options.model_dir, &model_error);
    if (!restorer && options.restore == "always") {
      err << "vnplan: " << model_error << "\n";
      return kExitModelMissing;
    }
  }
  bool had_directory = false;
  const std::vector<std::string> inputs = ExpandInputs(options.inputs, &had_directory);
  std::error_code ec;
  const bool to_folder = !options.output.empty() && options.output != "-" &&
                         (fs::is_directory(options.output, ec) || options.output.back() == '/' ||
                          had_directory);
  // A batch reads files in parallel, so each file's pages go one at a time.
  ExtractOptions effective = options;
  if (to_folder && effective.ocr_jobs == 0) effective.ocr_jobs = 1;
  const std::string pipeline = PipelineId(options.model_dir, restorer != nullptr);
  const Converter converter(effective, restorer.get(), pipeline, model_error, err);
  if (options.format == "jsonl" || !to_folder) {
    if (had_directory && options.format == "json" && options.output.empty()) {
      err << "vnplan: a folder of plans needs -o OUTDIR (one JSON each) or --format jsonl\n";
      return kExitUsage;
    }
    return RunStream(options, inputs, converter, in, out, err);
  }
  BatchOptions batch;
  batch.inputs = inputs;
  batch.output_dir = options.output;
  batch.pipeline = pipeline;
  batch.force = options.force;
  batch.jobs = options.jobs > 0 ? options.jobs
                                : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  batch.progress_bar = options.progress_bar;
  batch.max_input_bytes = options.max_input_bytes;
  const auto replace = nlohmann::ordered_json::error_handler_t::replace;
  return RunBatch(
      batch,
      [&](const std::string& path, const std::string& bytes, const std::string& sha256,
          int* pages, std::string* error) {
        const auto json = converter.Convert(path, bytes, sha256, error);
        if (json && (*json)["source"]["kind"] != "text")
          *pages = (*json)["source"]["pages"].get<int>();
        return json ? json->dump(2, ' ', false, replace) + "\n" : std::string();
      },
      err);
}

}  // namespace vnplan
