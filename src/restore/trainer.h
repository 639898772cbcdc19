// Counting and smoothing: a syllable trigram model with interpolated
// modified Kneser-Ney discounting (three discounts per order, for n-grams
// seen once, twice, three times or more), stored in back-off form,
// optionally pruned.
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
  // a capital where no sentence starts is counted as a name's ("Việt Trì"),
  // and the case of the word after each word ("phường" before a name).
  void AddText(std::string_view utf8);
  // Makes a word list's entry known without text: a syllable with count
  // 0; an entry of several ("tư tưởng", "tiêu sầu") is counted too, its
  // n-grams inside it only. A list's entries are no sentences. An entry
  // with a part that is no syllable is left out whole.
  void AddVocabulary(std::string_view entry);
  NgramTables Build() const;
  size_t tokens() const { return tokens_; }
  // Trigrams seen fewer times than `count` are left out of Build's tables;
  // their probability goes to their context's back-off, renormalised. By
  // default (1) nothing is pruned: pruning the trigrams seen once from
  // the background model (12.9 MB of text) shrinks its file from 8.8 to
  // 4.7 MB but costs 0.1-0.2 points on every stripped seed (restore_bench:
  // 002 98.74 -> 98.65%, 003 98.49 -> 98.26%, 004 97.41 -> 97.19%).
  void set_min_trigram_count(uint32_t count) { min_trigram_count_ = count; }

  // A trigram and how often it was seen (smoothed in trainer.cc).
  struct Trigram {
    uint64_t u, v, w;
    uint32_t count;
  };

 private:
  void AddSentence(const std::vector<uint64_t>& words);
  // Counts the n-grams inside `words` (after a start of their own, which
  // no text has, and before no end).
  void AddPhrase(const std::vector<uint64_t>& words);
  // Counts the trigram u v w, then moves the history on to v w.
  void Count(uint64_t& u, uint64_t& v, uint64_t w);

  // Canonical form of a lower-case word, or "" if it is no syllable.
  const std::string& CanonicalOf(const std::string& lower);

  const SyllableTools& tools_;
  std::unordered_map<std::string, std::string> canonical_;
  std::unordered_map<std::string, uint32_t> vocabulary_;
  std::unordered_map<std::string, uint32_t> titled_;  // capitalised mid-sentence
  // How the word after each word was written (WrittenCaseAt), titled or lower.
  std::unordered_map<std::string, uint32_t> next_titled_, next_lower_;
  std::unordered_map<uint64_t, Trigram> trigrams_;
  size_t tokens_ = 0;
  uint32_t min_trigram_count_ = 1;
};

}  // namespace vnplan::internal

#endif  // VNPLAN_RESTORE_TRAINER_H_
