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
#include "vnplan/text_input.h"

namespace vnplan {
namespace {

// Texts read whole by train and restore (the background text is ~6 MB).
constexpr std::size_t kMaxTrainingBytes = std::size_t{1} << 30;

}  // namespace

double MarkedShare(const std::string& text) {
  int words = 0, marked = 0;
  bool in_word = false, mark = false;
  for (size_t i = 0; i <= text.size(); ++i) {
    const unsigned char c = i < text.size() ? static_cast<unsigned char>(text[i]) : ' ';
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
    if (letter) {
      in_word = true;
      mark |= c >= 0x80;
    } else if (in_word) {
      ++words;
      marked += mark;
      in_word = mark = false;
    }
  }
  return words ? double(marked) / words : 0.0;
}

namespace {

std::vector<std::string> TextFiles(const std::vector<std::string>& inputs) {
  std::vector<std::string> files;
  for (const std::string& input : inputs) {
    std::error_code ec;
    if (std::filesystem::is_directory(input, ec)) {
      std::vector<std::string> found;
      for (const auto& e : std::filesystem::recursive_directory_iterator(input, ec))
        if (e.is_regular_file() && e.path().extension() == ".txt") found.push_back(e.path().string());
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.push_back(input);
    }
  }
  return files;
}

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
  return Restorer::Open(models, error, std::filesystem::exists(channel) ? channel : "");
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

int RunTrain(const TrainOptions& options, std::ostream& out, std::ostream& err) {
  std::error_code ec;
  std::filesystem::create_directories(options.output_dir, ec);
  if (ec) {
    err << "vnplan: cannot create " << options.output_dir << ": " << ec.message() << "\n";
    return kExitOutputFailed;
  }
  std::vector<std::string> texts;
  bool failed = false;
  for (const std::string& path : TextFiles(options.inputs)) {
    std::string error;
    std::istringstream none;
    const std::optional<std::string> input = ReadInput(path, none, kMaxTrainingBytes, error);
    if (!input) {
      err << "vnplan: " << path << ": " << error << "\n";
      failed = true;
      continue;
    }
    const std::string& bytes = *input;
    if (const TextCheck check = CheckPlanText(bytes); !check.ok()) {
      err << "vnplan: " << path << ": " << check.message << "\n";
      failed = true;
      continue;
    }
    const std::string text = NormalizePlanText(bytes);
    if (MarkedShare(text) < 0.5) {
      err << "vnplan: " << path << ": skipped: most words have no diacritics (legacy OCR or "
          << "stripped text would teach the model wrong forms)\n";
      continue;
    }
    texts.push_back(text);
    out << "train: " << path << "\n";
  }
  if (texts.empty()) {
    err << "vnplan: no text with diacritics to train on\n";
    return kExitInputFailed;
  }
  if (std::string e = TrainLanguageModel(texts, {}, options.output_dir + "/domain.lm"); !e.empty()) {
    err << "vnplan: " << e << "\n";
    return kExitOutputFailed;
  }
  out << "train: wrote " << options.output_dir << "/domain.lm from " << texts.size() << " texts\n";
  if (!options.background.empty()) {
    std::string error;
    std::istringstream none;
    const std::optional<std::string> bytes =
        ReadInput(options.background, none, kMaxTrainingBytes, error);
    if (!bytes) {
      err << "vnplan: " << options.background << ": " << error << "\n";
      return kExitInputFailed;
    }
    std::vector<std::string> words;
    if (!options.words.empty()) {
      std::ifstream list(options.words);
      for (std::string line; std::getline(list, line);)
        if (!line.empty()) words.push_back(line.substr(0, line.find('/')));
    }
    if (std::string e = TrainLanguageModel({NormalizePlanText(*bytes)}, words,
                                           options.output_dir + "/background.lm");
        !e.empty()) {
      err << "vnplan: " << e << "\n";
      return kExitOutputFailed;
    }
    out << "train: wrote " << options.output_dir << "/background.lm\n";
  }
  return failed ? kExitInputFailed : kExitOk;
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
