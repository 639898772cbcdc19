// `vnplan restore`, and the model lookup `extract` shares.
#ifndef VNPLAN_CLI_RESTORE_COMMAND_H_
#define VNPLAN_CLI_RESTORE_COMMAND_H_

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vnplan/ocr.h"
#include "vnplan/restorer.h"

namespace vnplan {

// Where models live: the --model option, else $VNPLAN_MODEL_DIR, else
// "models" beside the vnplan executable.
std::string ModelDir(const std::string& option, const std::string& executable_dir);

// Opens DIR/domain.lm (weight 0.75) and, if present, DIR/background.lm
// (0.25). Null and *error set when there is no usable model.
std::unique_ptr<Restorer> OpenRestorer(const std::string& dir, std::string* error);

// The confidences of the words Tesseract read, for Restore on
// doc.Text(): the `vie` model misreads marks on poor scans ("xây" as
// "xẩy"), and says how sure it was of each word.
std::vector<WordConfidence> OcrConfidences(const OcrDocument& doc);

// Restores `text` (normalised from `raw`) as --restore MODE asks (always;
// never; auto: a text with more than 15% damaged words, and any text
// Tesseract read, whose misread marks its confidences guard), guided by
// the confidences of OCR'd words (offsets into `raw`, empty for typed
// text; dropped if normalising moved anything). Nullopt when the text stays
// as it is.
std::optional<RestoreResult> RestoreAsAsked(const Restorer& restorer, const std::string& mode,
                                            std::string_view raw, const std::string& text,
                                            std::vector<WordConfidence> confidences);

struct RestoreCommandOptions {
  std::string input = "-";
  std::string output;  // empty = standard output
  std::string model_dir;
  bool explain = false;
};

// Prints the restored text, line for line; --explain lists each change
// with its score margin on stderr.
int RunRestore(const RestoreCommandOptions& options, std::istream& in, std::ostream& out,
               std::ostream& err);

}  // namespace vnplan

#endif  // VNPLAN_CLI_RESTORE_COMMAND_H_
