#include "tools/vnplan/train_command.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include "src/text/words.h"
#include "tools/vnplan/extract_command.h"
#include "tools/vnplan/input_file.h"
#include "vnplan/restorer.h"
#include "vnplan/text_input.h"

namespace vnplan {
namespace {

// Texts read whole by train (the background text is ~6 MB).
constexpr std::size_t kMaxTrainingBytes = std::size_t{1} << 30;

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
    if (internal::MarkedShare(text) < 0.5) {
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

}  // namespace vnplan
