// What legacy OCR does to letters, reversed: for a word's skeleton as the
// OCR wrote it ("chirc"), the skeletons it may have been ("chuc").
#ifndef VNPLAN_RESTORE_OCR_CHANNEL_H_
#define VNPLAN_RESTORE_OCR_CHANNEL_H_

#include <map>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "vnplan/status.h"

namespace vnplan::internal {

// The floor of the channel's log probabilities: a learned rule as rare as
// this is not undone, and an edit the channel never learned costs this much,
// below every rule it uses (learned rules are mostly -2 to -7).
inline constexpr float kUnseenEdit = -9.0f;

// Damage seen fewer times than this is chance, not what the OCR does: a
// rule must be seen this often in the renders to be learned, or in one
// document to fit the channel to it.
inline constexpr int kMinDamageCount = 2;

// The longest word, in bytes of its skeleton, read for OCR damage. Undoing
// damage is a search over every letter run of the word and lists its
// one-edit neighbours, which costs the square of its length (one token of
// 900 KB took 15 GB). No word the models know is longer (the longest
// syllable skeleton is 7 letters; the longest word of the corpus and the
// devset 19 bytes, of the background text 49), so a longer token is debris
// and is left as written.
inline constexpr size_t kLongestDamagedWord = 64;

// Letter runs (see LetterRuns) counted over words as meant and as OCR read
// them, both as skeletons: how often each source run became each OCR run,
// out of how often the source run occurs. What the channel is learned from
// (TrainChannel), and what fits it to one document (AdaptedTo).
class RunCounts {
 public:
  void Add(const std::string& meant, const std::string& read);

  struct Rule {
    std::string source, ocr;
    int count;
    // count / occurrences of `source`: a run of several letters counts
    // wherever it occurs, not only where it was damaged.
    double share;
  };
  // Every (source, OCR) pair seen, in byte order.
  std::vector<Rule> Rules() const;
  size_t words() const { return words_; }

 private:
  std::map<std::pair<std::string, std::string>, int> counts_;
  std::map<std::string, size_t> sources_;
  std::string all_sources_;  // every word's source skeleton, then a space
  size_t words_ = 0;
};

class OcrChannel {
 public:
  // Reads the rules TrainChannel writes, one per line:
  // "SOURCE<TAB>OCR<TAB>log P(OCR | SOURCE)" over skeletons ("u<TAB>ir<TAB>-3.1").
  // kIoError when the file cannot be read.
  Status Load(const std::string& path);

  // True when no rule was loaded: the restorer then reads no word as damaged.
  bool empty() const { return undo_.empty(); }

  // Skeletons `damaged` may have come from, each with log P(damaged | it).
  // At most two letter runs are undone, so the search stays small; nothing
  // for a word longer than kLongestDamagedWord.
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
// code points.
std::vector<std::pair<std::string, std::string>> LetterRuns(const std::string& source,
                                                            const std::string& ocr);

}  // namespace vnplan::internal

#endif  // VNPLAN_RESTORE_OCR_CHANNEL_H_
