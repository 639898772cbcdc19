#include "src/restore/model_mixture.h"

#include <algorithm>
#include <cmath>

namespace vnplan::internal {
namespace {

// Measured on the devset's odd half (bench/archive_bench.sh; share 1.0 is
// the plain mixture), by the domain model's documents, N=0 (the shipped
// model) / 25 / 50 / 150:
//   1.0   96.21  97.60  97.94  98.48
//   0.7   96.25  97.72  98.03  98.52
// The largest model (the background's) keeps its weight: scaled too where
// it never saw the history, N=150 reads 98.49.
// N=150 only: 0.4 98.49, 0.55 98.51, 0.85 98.51. Shipped models, devset
// fifths 5 1 / 5 2 / 5 3: 96.03 / 96.17 / 95.09 -> 96.11 / 96.16 / 95.15;
// seeds leave one out 002 98.90 -> 99.07, 003 98.57 -> 98.53, 004 97.45
// -> 97.56, 000 legacy OCR 97.30 -> 97.12 (6 words of 3,328).
constexpr float kUnseenHistoryShare = 0.7f;

}  // namespace

Status ModelMixture::Open(const std::vector<std::pair<std::string, double>>& models) {
  double total = 0;
  for (const auto& [path, weight] : models) {
    std::unique_ptr<NgramModel> model;
    if (Status opened = NgramModel::Open(path, &model); !opened.ok())
      return Status::ModelMissing(opened.message());
    models_.push_back(std::move(model));
    weights_.push_back(weight);
    total += weight;
  }
  if (models_.empty() || total <= 0) return Status::ModelMissing("no language model given");
  for (size_t i = 1; i < models_.size(); ++i)
    if (models_[i]->size_bytes() > models_[largest_]->size_bytes()) largest_ = i;
  for (double& w : weights_) w /= total;
  return Status::Ok();
}

void ModelMixture::Contexts(uint64_t u, uint64_t v, Histories& out) const {
  out.clear();
  for (const auto& model : models_) out.push_back(model->Context(u, v));
}

void ModelMixture::Prefetch(const NgramQuery& q) const {
  for (const auto& model : models_) model->Prefetch(q);
}

void ModelMixture::PrefetchContext(uint64_t u, uint64_t v) const {
  for (const auto& model : models_) model->PrefetchContext(u, v);
}

double ModelMixture::LogProb(const Histories& h, const NgramQuery& q) const {
  if (models_.size() == 1) return models_[0]->LogProb(h[0], q);
  // A smaller model (the domain's) that never saw the history's two
  // syllables together has only its back-off to offer: it keeps
  // kUnseenHistoryShare of its weight, the rest going to the largest.
  float p = 0, freed = 0, largest = 0;
  for (size_t i = 0; i < models_.size(); ++i) {
    float w = static_cast<float>(weights_[i]);
    if (i != largest_ && !h[i].uv_seen) freed += w * (1 - kUnseenHistoryShare), w *= kUnseenHistoryShare;
    const float pi = std::exp(models_[i]->LogProb(h[i], q));
    if (i == largest_) largest = pi;
    p += w * pi;
  }
  return std::log(std::max(p + freed * largest, 1e-30f));
}

double ModelMixture::LogProb(uint64_t u, uint64_t v, uint64_t w) const {
  Histories h;
  Contexts(u, v, h);
  return LogProb(h, NgramQuery::Of(PairKey(u, v), v, w));
}

}  // namespace vnplan::internal
