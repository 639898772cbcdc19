// `vnplan train`: builds the restorer's models from verified text.
#ifndef VNPLAN_TOOLS_VNPLAN_TRAIN_COMMAND_H_
#define VNPLAN_TOOLS_VNPLAN_TRAIN_COMMAND_H_

#include <iosfwd>
#include <string>
#include <vector>

namespace vnplan {

struct TrainOptions {
  // Files or folders of plans: text, markdown, and vnplan JSON outputs whose
  // text neither OCR nor the restorer wrote.
  std::vector<std::string> inputs;
  std::string output_dir;
  std::string background;  // optional general Vietnamese text
  std::string words;       // optional word list, one entry a line (hunspell-vi, Viet74K)
  // Optional word pairs "CLEAN<TAB>OCR" from scripts/learn_channel.py: the
  // channel (channel.tsv) is counted from them.
  std::string channel_pairs;
  // Optional digit file of scripts/mnist_digits.py: digits.bin, the OCR
  // stage's model of handwritten digits, is written from it.
  std::string digits;
};

// Trains the domain model from the inputs that carry their diacritics
// (legacy OCR and stripped text are skipped, with a note), with
// --background the background model, and with --channel the channel of
// legacy OCR damage, with --digits the handwritten digits' model. Inputs may
// be left out when only --channel or --digits is asked.
int RunTrain(const TrainOptions& options, std::ostream& out, std::ostream& err);

}  // namespace vnplan

#endif  // VNPLAN_TOOLS_VNPLAN_TRAIN_COMMAND_H_
