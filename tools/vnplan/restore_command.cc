#include "tools/vnplan/restore_command.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "tools/vnplan/atomic_file.h"
#include "tools/vnplan/extract_command.h"
#include "tools/vnplan/input_file.h"
#include "src/text/words.h"
#include "vnplan/text_input.h"

namespace vnplan {
namespace {

// Texts read whole by train and restore (the background text is ~6 MB).
constexpr std::size_t kMaxTrainingBytes = std::size_t{1} << 30;

}  // namespace

namespace {

}  // namespace

std::string ModelDir(const std::string& option, const std::string& executable_dir) {
  if (!option.empty()) return option;
  if (const char* env = std::getenv("VNPLAN_MODEL_DIR"); env != nullptr && *env != '\0') return env;
  return (std::filesystem::path(executable_dir) / "models").string();
}

std::unique_ptr<Restorer> OpenRestorer(const std::string& dir, std::string* error) {
  const std::string domain = dir + "/domain.lm", background = dir + "/background.lm";
  if (!std::filesystem::exists(domain)) {
    *error = "no restoration model in " + dir +
             " (build one with scripts/setup.sh, or vnplan train -o " + dir + " ...)";
    return nullptr;
  }
  std::vector<std::pair<std::string, double>> models = {{domain, 0.75}};
  if (std::filesystem::exists(background)) models.emplace_back(background, 0.25);
  const std::string channel = dir + "/channel.tsv";
  Status status;
  auto restorer = Restorer::Open(models, &status, std::filesystem::exists(channel) ? channel : "");
  if (!restorer) *error = status.message();
  return restorer;
}

std::vector<WordConfidence> OcrConfidences(const OcrDocument& doc) {
  std::vector<WordConfidence> out;
  for (const OcrPage& page : doc.pages)
    for (const OcrWord& w : page.words) out.push_back({w.offset, w.confidence});
  return out;
}

namespace {

// What --restore MODE asks of a text, as RestoreOptions::min_damaged_share.
std::optional<double> RestoreThreshold(const std::string& mode, bool ocr_read) {
  if (mode == "never") return std::nullopt;
  return mode == "always" || ocr_read ? 0.0 : 0.15;
}

}  // namespace

std::optional<RestoreResult> RestoreAsAsked(const Restorer& restorer, const std::string& mode,
                                            std::string_view raw, const std::string& text,
                                            std::vector<WordConfidence> confidences) {
  const std::optional<double> threshold = RestoreThreshold(mode, !confidences.empty());
  if (!threshold) return std::nullopt;
  RestoreOptions asked;
  if (text == raw) asked.confidences = std::move(confidences);
  asked.min_damaged_share = *threshold;
  RestoreResult result = restorer.Restore(text, asked);
  if (!result.applied) return std::nullopt;
  return result;
}

int RunRestore(const RestoreCommandOptions& options, std::istream& in, std::ostream& out,
               std::ostream& err) {
  std::string error;
  const std::optional<std::string> input = ReadInput(options.input, in, kMaxTrainingBytes, error);
  if (!input) {
    err << "vnplan: " << options.input << ": " << error << "\n";
    return kExitInputFailed;
  }
  const std::string& bytes = *input;
  if (const TextCheck check = CheckPlanText(bytes); !check.ok()) {
    err << "vnplan: " << options.input << ": " << check.message << "\n";
    return kExitInputFailed;
  }
  const std::unique_ptr<Restorer> restorer = OpenRestorer(options.model_dir, &error);
  if (!restorer) {
    err << "vnplan: " << error << "\n";
    return kExitModelMissing;
  }
  RestoreOptions asked;
  asked.explain = options.explain;
  const RestoreResult result = restorer->Restore(NormalizePlanText(bytes), asked);
  for (const RestoreChange& c : result.changes)
    err << c.line << ": " << c.before << " -> " << c.after << " (+" << c.margin << ")\n";
  if (options.explain)
    err << "restore: " << result.changed << " of " << result.words << " words changed\n";
  if (options.output.empty() || options.output == "-") {
    out << result.text;
    return out ? kExitOk : kExitOutputFailed;
  }
  if (std::string problem = WriteFileAtomically(options.output, result.text); !problem.empty()) {
    err << "vnplan: " << problem << "\n";
    return kExitOutputFailed;
  }
  return kExitOk;
}

}  // namespace vnplan
