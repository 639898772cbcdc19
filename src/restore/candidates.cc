#include "src/restore/candidates.h"

#include <algorithm>
#include <cmath>
#include <string_view>

#include "src/text/textutil.h"

namespace vnplan::internal {
namespace {

constexpr size_t kMaxCandidates = 24;  // per skeleton

std::vector<std::string> Deletions(const std::string& s) {
  const std::vector<size_t> at = CodePointBoundaries(s);
  std::vector<std::string> out;
  for (size_t k = 0; k + 1 < at.size(); ++k) out.push_back(s.substr(0, at[k]) + s.substr(at[k + 1]));
  return out;
}

// Levenshtein distance at most one, on code points.
bool WithinOneEdit(const std::string& a, const std::string& b) {
  const std::vector<size_t> x = CodePointBoundaries(a), y = CodePointBoundaries(b);
  auto piece = [](const std::string& s, const std::vector<size_t>& at, size_t k) {
    return std::string_view(s).substr(at[k], at[k + 1] - at[k]);
  };
  const size_t n = x.size() - 1, m = y.size() - 1;
  if (n > m + 1 || m > n + 1) return false;
  size_t i = 0, j = 0;
  while (i < n && j < m && piece(a, x, i) == piece(b, y, j)) ++i, ++j;
  size_t p = n, q = m;
  while (p > i && q > j && piece(a, x, p - 1) == piece(b, y, q - 1)) --p, --q;
  return p - i <= 1 && q - j <= 1;
}

}  // namespace

void CandidateInventory::Build(const ModelMixture& models, const SyllableTools& tools) {
  struct Seen {
    float prior;
    double count = 0, titled = 0, next_titled = 0, next_lower = 0;
  };
  std::unordered_map<std::string, Seen> seen;
  double all = 0, all_titled = 0, all_next_titled = 0, all_next = 0;
  for (const auto& model : models.models())
    for (const auto& known : model->Words()) {
      const float p = model->UnigramLogProb(WordHash(known.word));
      auto [it, fresh] = seen.try_emplace(std::string(known.word), Seen{p});
      if (!fresh) it->second.prior = std::max(it->second.prior, p);
      it->second.count += known.count;
      it->second.titled += known.titled;
      it->second.next_titled += known.next_titled;
      it->second.next_lower += known.next_lower;
      all += known.count;
      all_titled += known.titled;
      all_next_titled += known.next_titled;
      all_next += known.next_titled + known.next_lower;
    }
  // A syllable seen a few times borrows the overall rate of capitals.
  const double rate = all > 0 ? std::clamp(all_titled / all, 0.001, 0.5) : 0.05;
  const double next_rate = all_next > 0 ? std::clamp(all_next_titled / all_next, 0.001, 0.5) : 0.05;
  candidates_.reserve(seen.size());
  for (const auto& [word, s] : seen) {
    const double titled = std::clamp((s.titled + 2 * rate) / (s.count + 2), 0.001, 0.999);
    const double next_titled =
        std::clamp((s.next_titled + 2 * next_rate) / (s.next_titled + s.next_lower + 2), 0.001, 0.999);
    candidates_.push_back({word, WordHash(word), s.prior, static_cast<float>(std::log(titled)),
                           static_cast<float>(std::log(1 - titled)), static_cast<float>(std::log(next_titled))});
  }
  std::sort(candidates_.begin(), candidates_.end(), [](const Candidate& a, const Candidate& b) {
    return a.prior != b.prior ? a.prior > b.prior : a.syllable < b.syllable;
  });
  for (const Candidate& c : candidates_) {
    by_form_.emplace(c.syllable, &c);
    auto& list = by_skeleton_[tools.Skeleton(c.syllable)];
    if (list.size() < kMaxCandidates) list.push_back(&c);
  }
}

const std::vector<const Candidate*>* CandidateInventory::WithSkeleton(const std::string& skeleton) const {
  auto it = by_skeleton_.find(skeleton);
  return it == by_skeleton_.end() ? nullptr : &it->second;
}

const Candidate* CandidateInventory::WithForm(const std::string& canonical) const {
  auto it = by_form_.find(canonical);
  return it == by_form_.end() ? nullptr : it->second;
}

void CandidateInventory::BuildNearIndex() const {
  for (const auto& [skeleton, list] : by_skeleton_) {
    if (!IsSyllableShape(skeleton)) continue;
    for (std::string& d : Deletions(skeleton)) near_index_[std::move(d)].push_back(&skeleton);
  }
}

std::vector<const std::string*> CandidateInventory::NearSkeletons(const std::string& f) const {
  std::call_once(near_index_built_, [this] { BuildNearIndex(); });
  std::vector<const std::string*> out;
  auto add = [&](const std::string* s) {
    if (std::find(out.begin(), out.end(), s) == out.end() && WithinOneEdit(*s, f)) out.push_back(s);
  };
  // f lacks a letter of s; f has a letter too many; a letter differs.
  if (auto it = near_index_.find(f); it != near_index_.end())
    for (const std::string* s : it->second) add(s);
  for (const std::string& d : Deletions(f)) {
    if (auto it = by_skeleton_.find(d); it != by_skeleton_.end() && IsSyllableShape(d)) add(&it->first);
    if (auto it = near_index_.find(d); it != near_index_.end())
      for (const std::string* s : it->second) add(s);
  }
  std::sort(out.begin(), out.end(), [](const std::string* a, const std::string* b) { return *a < *b; });
  return out;
}

}  // namespace vnplan::internal
