#include "tools/vnplan/train_command.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <set>
#include <stdexcept>
#include <sstream>

#include "src/text/words.h"
#include "tools/vnplan/batch.h"
#include "tools/vnplan/exit_code.h"
#include "tools/vnplan/input_file.h"
#include "vnplan/ocr.h"
#include "vnplan/restorer.h"
#include "vnplan/text_input.h"

namespace vnplan {
namespace {

// Texts read whole by train (the background text is ~6 MB).
constexpr std::size_t kMaxTrainingBytes = std::size_t{1} << 30;

// A text whose words are mostly unmarked is legacy OCR or stripped text,
// which would teach the model wrong forms (clean Vietnamese is about 0.8).
constexpr double kMinMarkedShare = 0.5;

// What a training input is, by its name: plain text and markdown are read
// as they are; a vnplan JSON output gives its "text". In a folder, other
// files are passed over; a file named on the command line is read as text.
enum class TrainingFormat { kText, kJson, kOther };

TrainingFormat FormatOf(const std::string& path) {
  const std::string ext = std::filesystem::path(path).extension().string();
  if (ext == ".txt" || ext == ".md" || ext == ".markdown") return TrainingFormat::kText;
  return ext == ".json" ? TrainingFormat::kJson : TrainingFormat::kOther;
}

// What one training run read and learned, for its last line.
struct Learned {
  int documents = 0;
  long syllables = 0;
  int unmarked = 0, unverified = 0, unreadable = 0;
};

// The text of a vnplan JSON output, when it can be trusted: the pipeline's
// "text", only where neither OCR nor the restorer wrote it (source.ocr is
// null and source.restoration.applied false), as a model trained on its own
// or OCR's mistakes would repeat them. Empty with `why` set otherwise, and
// `foreign` when the file is no vnplan output at all.
std::string VerifiedTextOfJson(const std::string& bytes, std::string& why, bool& foreign) {
  try {
    const nlohmann::json j = nlohmann::json::parse(bytes);
    const nlohmann::json& source = j.at("source");
    if (!j.at("text").is_string()) throw std::runtime_error("no text");
    const nlohmann::json& restoration = source.at("restoration");
    if (!source.at("ocr").is_null() || restoration.at("applied").get<bool>()) {
      why = "skipped: its text was written by OCR or by the restorer, not verified";
      return "";
    }
    return j.at("text").get<std::string>();
  } catch (const std::exception&) {
    why = "skipped: not a vnplan JSON output (no source.ocr, source.restoration and text)";
    foreign = true;
    return "";
  }
}

// The training inputs: files named, and the text, markdown and JSON files
// of folders (walked as extract walks them: what cannot be read is named).
std::vector<std::string> TrainingFiles(const std::vector<std::string>& inputs, std::ostream& err,
                                       Learned& learned) {
  const InputList listed = ExpandInputs(inputs, "");
  for (const std::string& skipped : listed.skipped) err << "vnplan: " << skipped << "\n";
  learned.unreadable += static_cast<int>(listed.skipped.size());
  std::vector<std::string> files;
  std::set<std::string> named(inputs.begin(), inputs.end());
  for (const std::string& file : listed.files)
    if (named.count(file) > 0 || FormatOf(file) != TrainingFormat::kOther) files.push_back(file);
  return files;
}

// The texts of `options.inputs` that carry their diacritics, normalised;
// false when an input could not be read.
bool ReadTrainingTexts(const TrainOptions& options, std::vector<std::string>& texts, Learned& learned,
                       std::ostream& out, std::ostream& err) {
  bool failed = false;
  for (const std::string& path : TrainingFiles(options.inputs, err, learned)) {
    std::string error;
    std::istringstream none;
    std::optional<std::string> input = ReadInput(path, none, kMaxTrainingBytes, error);
    if (input && FormatOf(path) == TrainingFormat::kJson) {
      bool foreign = false;
      input = VerifiedTextOfJson(*input, error, foreign);
      if (input->empty()) {
        err << "vnplan: " << path << ": " << error << "\n";
        ++(foreign ? learned.unreadable : learned.unverified);
        continue;
      }
    }
    const TextCheck check = input ? CheckPlanText(*input) : TextCheck{};
    if (!input || !check.ok()) {
      err << "vnplan: " << path << ": " << (input ? check.message : error) << "\n";
      ++learned.unreadable;
      failed = true;
      continue;
    }
    const std::string text = NormalizePlanText(*input);
    if (internal::MarkedShare(text) < kMinMarkedShare) {
      err << "vnplan: " << path << ": skipped: most words have no diacritics (legacy OCR or "
          << "stripped text would teach the model wrong forms)\n";
      ++learned.unmarked;
      continue;
    }
    internal::WordReader words(text, internal::WordKind::kLetters);
    for (size_t b, e; words.Next(b, e);) ++learned.syllables;
    ++learned.documents;
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
    if (!list) {  // a list asked for and not read would silently train without it
      err << "vnplan: " << options.words << ": cannot read the word list\n";
      return kExitInputFailed;
    }
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

// digits.bin, the training digits of scripts/mnist_digits.py's file normalised.
int TrainDigits(const TrainOptions& options, std::ostream& out, std::ostream& err) {
  const std::string path = options.output_dir + "/digits.bin";
  size_t stored = 0;
  if (const Status status = WriteDigitModel(options.digits, path, &stored); !status.ok()) {
    err << "vnplan: " << status.message() << "\n";
    return ExitCodeOf(status);
  }
  out << "train: wrote " << path << ": " << stored << " digits\n";
  return kExitOk;
}

}  // namespace

int RunTrain(const TrainOptions& options, std::ostream& out, std::ostream& err) {
  if (options.inputs.empty() && options.channel_pairs.empty() && options.digits.empty()) {
    err << "vnplan: train: give plans to train on (INPUT), --channel PAIRS.tsv or --digits FILE\n";
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
    Learned learned;
    failed = !ReadTrainingTexts(options, texts, learned, out, err);
    out << "train: learned from " << learned.documents << " documents, " << learned.syllables
        << " syllables; skipped " << learned.unmarked << " without diacritics, " << learned.unverified
        << " not verified, " << learned.unreadable << " unreadable\n";
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
  if (!options.digits.empty())
    if (const int code = TrainDigits(options, out, err); code != kExitOk) return code;
  return failed ? kExitInputFailed : kExitOk;
}

}  // namespace vnplan
