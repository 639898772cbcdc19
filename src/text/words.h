// What a word is, written once for every stage: training, decoding, damage
// measurement, the decision to restore, and the benches.
#ifndef VNPLAN_SRC_TEXT_WORDS_H_
#define VNPLAN_SRC_TEXT_WORDS_H_

#include <string_view>

namespace vnplan::internal {

// Share of words written with at least one diacritic (clean Vietnamese is
// around 0.8; stripped text and legacy OCR far lower).
double MarkedShare(std::string_view text);

}  // namespace vnplan::internal

#endif  // VNPLAN_SRC_TEXT_WORDS_H_
