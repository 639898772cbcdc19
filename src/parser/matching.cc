#include "src/parser/matching.h"

namespace vnplan::internal {

std::pair<size_t, size_t> SentenceAround(std::string_view text, size_t begin,
                                         size_t end) {
  auto is_stop = [&](size_t i) {
    const char c = text[i];
    if (c == ';' || c == '!' || c == '?') return true;
    return c == '.' && (i + 1 == text.size() || text[i + 1] == ' ');
  };
  size_t b = begin;
  while (b > 0 && !is_stop(b - 1)) --b;
  size_t e = end;
  while (e < text.size() && !is_stop(e)) ++e;
  while (b < e && text[b] == ' ') ++b;
  return {b, e};
}

PatternSet::PatternSet(const std::vector<const RE2*>& patterns)
    : size_(patterns.size()), set_(std::make_unique<RE2::Set>(RE2::Options(), RE2::UNANCHORED)) {
  for (const RE2* re : patterns) set_->Add(re->pattern(), nullptr);
  set_->Compile();
}

std::vector<bool> PatternSet::Hits(std::string_view text) const {
  std::vector<int> found;
  std::vector<bool> hit(size_, false);
  if (set_->Match(re2::StringPiece(text.data(), text.size()), &found))
    for (int i : found) hit[static_cast<size_t>(i)] = true;
  return hit;
}

FoldedText Slice(const FoldedText& folded, size_t begin, size_t end) {
  FoldedText out;
  out.text = folded.text.substr(begin, end - begin);
  const uint32_t base = folded.origin[begin];
  out.origin.reserve(end - begin + 1);
  for (size_t i = begin; i <= end; ++i) out.origin.push_back(folded.origin[i] - base);
  return out;
}

}  // namespace vnplan::internal
