// The restorer's inventory: every syllable its models know, as a candidate
// for what a written word meant, found by skeleton ("duoc": được, đuốc, …),
// by canonical form, or one letter edit away for damage no rule explains.
#ifndef VNPLAN_RESTORE_CANDIDATES_H_
#define VNPLAN_RESTORE_CANDIDATES_H_

#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "src/restore/model_mixture.h"
#include "src/restore/syllable.h"

namespace vnplan::internal {

struct Candidate {
  std::string syllable;  // canonical, lower case
  uint64_t hash;
  float prior;  // best unigram log probability across models
  // log P(written with a capital | mid-sentence) and its complement: names
  // ("Việt", "Lâm") are capitalised where common words ("viết", "làm") are not.
  float titled_logp = 0, lower_logp = 0;
  // log P(the next word written with a capital | this one, mid-sentence):
  // "phường", "Nguyễn", "Phó" come before names ("phương", "Nguyên" less).
  float next_titled_logp = 0;
};

class CandidateInventory {
 public:
  // Every syllable of every model, likeliest first.
  void Build(const ModelMixture& models, const SyllableTools& tools);

  // Every candidate, likeliest first.
  const std::vector<Candidate>& all() const { return candidates_; }
  // The candidates written with `skeleton` ("duoc"), likeliest first; null
  // when the models know none.
  const std::vector<const Candidate*>* WithSkeleton(const std::string& skeleton) const;
  // The candidate written `canonical` ("được"), or null.
  const Candidate* WithForm(const std::string& canonical) const;
  // Known syllable skeletons one insertion, deletion or substitution away
  // from `skeleton`, in order. Safe from several threads at once.
  std::vector<const std::string*> NearSkeletons(const std::string& skeleton) const;

 private:
  void BuildNearIndex() const;

  std::vector<Candidate> candidates_;
  std::unordered_map<std::string, std::vector<const Candidate*>> by_skeleton_;
  std::unordered_map<std::string, const Candidate*> by_form_;  // canonical -> candidate
  // Known syllable skeletons by each one-letter deletion of them ("cong" under
  // "ong", "cng", "cog", "con"): finds skeletons one edit from a damaged word.
  // Built on first use, as only legacy OCR needs it.
  mutable std::unordered_map<std::string, std::vector<const std::string*>> near_index_;
  mutable std::once_flag near_index_built_;
};

}  // namespace vnplan::internal

#endif  // VNPLAN_RESTORE_CANDIDATES_H_
