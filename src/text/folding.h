// Diacritic folding with a map back to the source bytes. Parser patterns match on
// the folded form ("muc dich" matches "MỤC ĐÍCH", "Muc dich", "MUC PICH" via
// OCR-tolerant classes) and what they find is cut from the original text.
#ifndef VNPLAN_COMMON_FOLDING_H_
#define VNPLAN_COMMON_FOLDING_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vnplan::internal {

// Lower-case, mark-free text plus, for each of its bytes, the offset of the
// source character it came from. origin.size() == text.size() + 1.
struct FoldedText {
  std::string text;
  std::vector<uint32_t> origin;

  // The source bytes behind folded range [begin, end).
  std::string_view SourceOf(std::string_view source, size_t begin,
                            size_t end) const {
    return source.substr(origin[begin], origin[end] - origin[begin]);
  }
};

// Folds Vietnamese text: base letters only, lower case, đ -> d, dashes to
// '-', curly quotes to '"'. The per-letter table is computed once from ICU's
// decompositions, so folding itself is a table look-up per code point.
class TextFolder {
 public:
  TextFolder();
  FoldedText Fold(std::string_view utf8) const;

 private:
  static constexpr char32_t kTableEnd = 0x2000;
  std::vector<char32_t> table_;  // code point -> folded code point, 0 = drop
};

// True if `folded_word` (lower-case ASCII) has the shape of a Vietnamese
// syllable: onset, vowel nucleus, permitted coda. "ubnd" and "gddt" do not,
// which is how abbreviations are told from words.
bool IsSyllableShape(std::string_view folded_word);

}  // namespace vnplan::internal

#endif  // VNPLAN_COMMON_FOLDING_H_
