// `vnplan train`: builds the restorer's models from verified text.
#ifndef VNPLAN_TOOLS_VNPLAN_TRAIN_COMMAND_H_
#define VNPLAN_TOOLS_VNPLAN_TRAIN_COMMAND_H_

#include <iosfwd>
#include <string>
#include <vector>

namespace vnplan {

struct TrainOptions {
  std::vector<std::string> inputs;  // text files or folders of .txt files
  std::string output_dir;
  std::string background;  // optional general Vietnamese text
  std::string words;       // optional syllable list (hunspell-vi)
};

// Trains the domain model from the inputs that carry their diacritics
// (legacy OCR and stripped text are skipped, with a note) and, with
// --background, the background model.
int RunTrain(const TrainOptions& options, std::ostream& out, std::ostream& err);

}  // namespace vnplan

#endif  // VNPLAN_TOOLS_VNPLAN_TRAIN_COMMAND_H_
