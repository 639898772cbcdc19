// The restorer's language models as one: each model's probability of a
// syllable after two others, mixed by weight, and a cache of the mixture's
// scores for one restoration.
#ifndef VNPLAN_RESTORE_MODEL_MIXTURE_H_
#define VNPLAN_RESTORE_MODEL_MIXTURE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "src/restore/ngram_model.h"
#include "vnplan/status.h"

namespace vnplan::internal {

class ModelMixture {
 public:
  // Every model's view of one history, for scoring the words after it.
  using Histories = std::vector<NgramModel::History>;

  // Opens each model (memory-mapped) with its weight; weights are
  // normalised. A kModelMissing status when a file is missing or damaged,
  // or when no model with a positive weight is given.
  Status Open(const std::vector<std::pair<std::string, double>>& models);

  const std::vector<std::unique_ptr<NgramModel>>& models() const { return models_; }

  void Contexts(uint64_t u, uint64_t v, Histories& out) const;
  // Starts loading what LogProb(h, q) and Contexts(u, v) will read, in
  // every model (see NgramModel::Prefetch).
  void Prefetch(const NgramQuery& q) const;
  void PrefetchContext(uint64_t u, uint64_t v) const;
  // ln P(w | u v) of the mixture, with `h` from Contexts(u, v); a model
  // other than the largest that never saw u v together gives it part of
  // its weight (model_mixture.cc).
  double LogProb(const Histories& h, const NgramQuery& q) const;
  // The same in one call, for the few scores outside the search.
  double LogProb(uint64_t u, uint64_t v, uint64_t w) const;

 private:
  std::vector<std::unique_ptr<NgramModel>> models_;
  std::vector<double> weights_;
  size_t largest_ = 0;  // the model with the largest file
};

// The same trigram recurs across beam states and sentences: each is scored
// once per restoration. Not thread-safe: one per Restore call.
class ScoreCache {
 public:
  explicit ScoreCache(const ModelMixture& mixture)
      : mixture_(mixture), keys_(kSlots, 0), values_(kSlots) {}
  // Keys are TripleKey(u, v, w), as NgramQuery::triple.
  bool Has(uint64_t key) const { return keys_[key & (kSlots - 1)] == key; }
  void Prefetch(uint64_t key) const {
    __builtin_prefetch(&keys_[key & (kSlots - 1)]);
    __builtin_prefetch(&values_[key & (kSlots - 1)]);
  }
  double LogProb(uint64_t u, uint64_t v, uint64_t w) {
    return LogProb(TripleKey(u, v, w), [&] { return mixture_.LogProb(u, v, w); });
  }
  // `score` computes the value on a miss.
  template <typename Score>
  double LogProb(uint64_t key, Score&& score) {
    const size_t i = key & (kSlots - 1);
    if (keys_[i] == key) return values_[i];
    keys_[i] = key;
    return values_[i] = score();
  }

 private:
  static constexpr size_t kSlots = 1 << 18;
  const ModelMixture& mixture_;
  std::vector<uint64_t> keys_;
  std::vector<double> values_;
};

}  // namespace vnplan::internal

#endif  // VNPLAN_RESTORE_MODEL_MIXTURE_H_
