#include "src/restore/model_mixture.h"

#include <algorithm>
#include <cmath>

namespace vnplan::internal {

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
  float p = 0;
  for (size_t i = 0; i < models_.size(); ++i)
    p += static_cast<float>(weights_[i]) * std::exp(models_[i]->LogProb(h[i], q));
  return std::log(std::max(p, 1e-30f));
}

double ModelMixture::LogProb(uint64_t u, uint64_t v, uint64_t w) const {
  Histories h;
  Contexts(u, v, h);
  return LogProb(h, NgramQuery::Of(PairKey(u, v), v, w));
}

}  // namespace vnplan::internal
