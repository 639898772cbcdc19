// Measuring restoration: stripping marks, comparing restored text with the
// truth syllable by syllable, and the baseline the decoder is measured
// against.
#ifndef VNPLAN_BENCH_RESTORE_EVAL_H_
#define VNPLAN_BENCH_RESTORE_EVAL_H_

#include <string>
#include <unordered_map>
#include <vector>

namespace vnplan::eval {

struct Accuracy {
  int correct = 0, total = 0;
  double rate() const { return total ? double(correct) / total : 0.0; }
};

// Every diacritic removed, đ -> d, case kept.
std::string StripMarks(const std::string& text);

// Syllable accuracy of `output` against `truth`, line by line: words are
// aligned by edit distance (OCR splits and merges words) and a truth word
// counts as right when the aligned output word has the same letters and
// tone; where the tone mark sits ("hòa"/"hoà") does not matter.
Accuracy Compare(const std::string& truth, const std::string& output);

// The baseline: each unmarked syllable becomes its most frequent marked
// form in the training text.
class MostFrequentForm {
 public:
  MostFrequentForm(const std::vector<std::string>& texts, const std::string& extra_text);
  std::string Restore(const std::string& stripped) const;

 private:
  std::unordered_map<std::string, std::string> best_;  // skeleton -> form
};

}  // namespace vnplan::eval

#endif  // VNPLAN_BENCH_RESTORE_EVAL_H_
