// Counting and smoothing: a syllable trigram model with interpolated
// Kneser-Ney discounting, stored in back-off form.
#ifndef VNPLAN_RESTORE_TRAINER_H_
#define VNPLAN_RESTORE_TRAINER_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "src/restore/ngram_model.h"
#include "src/restore/syllable.h"

namespace vnplan::internal {

class NgramTrainer {
 public:
  explicit NgramTrainer(const SyllableTools& tools) : tools_(tools) {}

  // Adds running text: words that are Vietnamese syllables are counted in
  // canonical form; anything else breaks the n-gram chain as <unk>.
  // Sentences end at . ! ? ; : and at blank lines. A syllable written with
  // a capital where no sentence starts is counted as a name's ("Việt Trì").
  void AddText(std::string_view utf8);
  // Makes syllables known (with count 0) without text, e.g. a word list.
  void AddVocabulary(std::string_view syllable);
  NgramTables Build() const;
  size_t tokens() const { return tokens_; }

 private:
  void AddSentence(const std::vector<uint64_t>& words);

  struct Trigram {
    uint64_t u, v, w;
    uint32_t count;
  };

  // Canonical form of a lower-case word, or "" if it is no syllable.
  const std::string& CanonicalOf(const std::string& lower);

  const SyllableTools& tools_;
  std::unordered_map<std::string, std::string> canonical_;
  std::unordered_map<std::string, uint32_t> vocabulary_;
  std::unordered_map<std::string, uint32_t> titled_;  // capitalised mid-sentence
  std::unordered_map<uint64_t, Trigram> trigrams_;
  size_t tokens_ = 0;
};

}  // namespace vnplan::internal

#endif  // VNPLAN_RESTORE_TRAINER_H_
