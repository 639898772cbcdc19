#include "tools/vnplan/train_command.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include "src/text/words.h"
#include "tools/vnplan/exit_code.h"
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

// The texts of `options.inputs` that carry their diacritics, normalised;
// false when an input could not be read.
bool ReadTrainingTexts(const TrainOptions& options, std::vector<std::string>& texts, std::ostream& out,
                       std::ostream& err) {
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
  return !failed;
}

int TrainBackground(const TrainOptions& options, std::ostream& out, std::ostream& err) {
  std::string error;
  std::istringstream none;
  const std::optional<std::string> bytes = ReadInput(options.background, none, kMaxTrainingBytes, error);
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
  if (const Status trained =
          TrainLanguageModel({NormalizePlanText(*bytes)}, words, options.output_dir + "/background.lm");
      !trained.ok()) {
    err << "vnplan: " << trained.message() << "\n";
    return ExitCodeOf(trained);
  }
  out << "train: wrote " << options.output_dir << "/background.lm\n";
  return kExitOk;
}

// channel.tsv counted from the word pairs learn_channel.py wrote.
int TrainChannelFromPairs(const TrainOptions& options, std::ostream& out, std::ostream& err) {
  std::ifstream in(options.channel_pairs, std::ios::binary);
  if (!in) {
    err << "vnplan: " << options.channel_pairs << ": cannot open the word pairs\n";
    return kExitInputFailed;
  }
  std::vector<std::pair<std::string, std::string>> pairs;
  int line_number = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_number;
    const size_t tab = line.find('\t');
    if (tab == std::string::npos || line.find('\t', tab + 1) != std::string::npos) {
      err << "vnplan: " << options.channel_pairs << ":" << line_number
          << ": expected CLEAN<TAB>OCR (scripts/learn_channel.py writes them)\n";
      return kExitInputFailed;
    }
    pairs.emplace_back(line.substr(0, tab), line.substr(tab + 1));
  }
  const std::string path = options.output_dir + "/channel.tsv";
  int rules = 0;
  if (const Status status = TrainChannel(pairs, path, &rules); !status.ok()) {
    err << "vnplan: " << status.message() << "\n";
    return ExitCodeOf(status);
  }
  out << "train: wrote " << path << ": " << rules << " rules from " << pairs.size() << " word pairs\n";
  return kExitOk;
}

}  // namespace

int RunTrain(const TrainOptions& options, std::ostream& out, std::ostream& err) {
  if (options.inputs.empty() && options.channel_pairs.empty()) {
    err << "vnplan: train: give plans to train on (INPUT), or --channel PAIRS.tsv\n";
    return kExitUsage;
  }
  std::error_code ec;
  std::filesystem::create_directories(options.output_dir, ec);
  if (ec) {
    err << "vnplan: cannot create " << options.output_dir << ": " << ec.message() << "\n";
    return kExitOutputFailed;
  }
  bool failed = false;
  if (!options.inputs.empty()) {
    std::vector<std::string> texts;
    failed = !ReadTrainingTexts(options, texts, out, err);
    if (texts.empty()) {
      err << "vnplan: no text with diacritics to train on\n";
      return kExitInputFailed;
    }
    if (const Status trained = TrainLanguageModel(texts, {}, options.output_dir + "/domain.lm"); !trained.ok()) {
      err << "vnplan: " << trained.message() << "\n";
      return ExitCodeOf(trained);
    }
    out << "train: wrote " << options.output_dir << "/domain.lm from " << texts.size() << " texts\n";
  }
  if (!options.background.empty())
    if (const int code = TrainBackground(options, out, err); code != kExitOk) return code;
  if (!options.channel_pairs.empty())
    if (const int code = TrainChannelFromPairs(options, out, err); code != kExitOk) return code;
  return failed ? kExitInputFailed : kExitOk;
}

}  // namespace vnplan
