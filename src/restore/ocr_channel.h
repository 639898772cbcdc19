// What legacy OCR does to letters, reversed: for a word's skeleton as the
// OCR wrote it ("chirc"), the skeletons it may have been ("chuc").
#ifndef VNPLAN_RESTORE_OCR_CHANNEL_H_
#define VNPLAN_RESTORE_OCR_CHANNEL_H_

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace vnplan::internal {

// The floor of the channel's log probabilities: a learned rule as rare as
// this is not undone, and an edit the channel never learned costs this much,
// below every rule it uses (learned rules are mostly -2 to -7).
inline constexpr float kUnseenEdit = -9.0f;

class OcrChannel {
 public:
  // Reads the rules scripts/learn_channel.py writes, one per line:
  // "SOURCE<TAB>OCR<TAB>log P(OCR | SOURCE)" over skeletons ("u<TAB>ir<TAB>-3.1").
  // False, with *error set, when the file cannot be read.
  bool Load(const std::string& path, std::string* error);

  // True when no rule was loaded: the restorer then reads no word as damaged.
  bool empty() const { return undo_.empty(); }

  // Skeletons `damaged` may have come from, each with log P(damaged | it).
  // At most two letter runs are undone, so the search stays small.
  std::vector<std::pair<std::string, float>> Undamage(const std::string& damaged) const;

  // This channel fitted to one document. The renders it was learned from
  // are not the document's scan: another font, another scanner ("Đ" read
  // "P" in seed 000, never in the renders). `readings` pairs each word's
  // skeleton as written with the skeleton a first decoding chose; damage
  // seen at least twice there, and likelier there than learned, is mixed in
  // half and half. `added` (optional) receives how many rules moved.
  OcrChannel AdaptedTo(const std::vector<std::pair<std::string, std::string>>& readings,
                       int* added = nullptr) const;

 private:
  struct Rule {
    std::string source;
    float logp;
  };
  void Add(const std::string& source, const std::string& ocr, float logp);

  std::unordered_map<std::string, std::vector<Rule>> undo_;  // OCR run -> sources
  std::unordered_map<char, float> kept_;                     // log P(letter read right)
  size_t longest_run_ = 0;
};

// How `source` became `ocr`, as letter runs: kept letters as themselves and
// each run of edits as one (source run, OCR run) pair, an insertion joined to
// the letter before it ("chuc", "chirc" -> c>c h>h u>ir c>c). Runs are whole
// code points. The same segmentation scripts/learn_channel.py counts.
std::vector<std::pair<std::string, std::string>> LetterRuns(const std::string& source,
                                                            const std::string& ocr);

}  // namespace vnplan::internal

#endif  // VNPLAN_RESTORE_OCR_CHANNEL_H_
