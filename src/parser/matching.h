// Iterating RE2 matches with their positions, and cutting clauses, on the
// folded text of a block.
#ifndef VNPLAN_PARSER_MATCHING_H_
#define VNPLAN_PARSER_MATCHING_H_

#include <re2/re2.h>
#include <re2/set.h>

#include <memory>

#include <string_view>
#include <utility>
#include <vector>

#include "src/text/folding.h"

namespace vnplan::internal {

// Groups of one match: groups[0] is the whole match; an unmatched group is
// an empty view with a null data pointer.
using Groups = std::vector<re2::StringPiece>;

// Calls fn(groups) for every non-overlapping match of re in text.
template <typename Fn>
void ForEachMatch(const RE2& re, std::string_view view, Fn fn) {
  const re2::StringPiece text(view.data(), view.size());
  Groups groups(static_cast<size_t>(re.NumberOfCapturingGroups()) + 1);
  size_t pos = 0;
  while (pos <= text.size() &&
         re.Match(text, pos, text.size(), RE2::UNANCHORED, groups.data(),
                  static_cast<int>(groups.size()))) {
    fn(groups);
    const size_t end = static_cast<size_t>(groups[0].data() - text.data()) +
                       groups[0].size();
    pos = end > pos ? end : pos + 1;
  }
}

inline size_t OffsetIn(std::string_view text, std::string_view part) {
  return static_cast<size_t>(part.data() - text.data());
}

// Which of several patterns occur in a text, found in one pass, so that
// only those are then run for their matches and groups.
class PatternSet {
 public:
  explicit PatternSet(const std::vector<const RE2*>& patterns);
  // hit[i] is true if patterns[i] matches somewhere in text.
  std::vector<bool> Hits(std::string_view text) const;

 private:
  size_t size_;
  std::unique_ptr<RE2::Set> set_;
};

// The part [begin, end) of a folded text, with origins relative to the
// source bytes of that part.
FoldedText Slice(const FoldedText& folded, size_t begin, size_t end);

// The sentence of `text` around [begin, end): bounded by ". ", "; ", "!",
// "?" or the ends of the text.
std::pair<size_t, size_t> SentenceAround(std::string_view text, size_t begin,
                                         size_t end);

}  // namespace vnplan::internal

#endif  // VNPLAN_PARSER_MATCHING_H_
