// What a Vietnamese person's name looks like, for every stage that meets
// one: the parser telling a signer's name from a capitalised phrase, the
// restorer leaving a name's marks as OCR read them (the language models
// know "huyện" the district, not "Huyền" the woman).
#ifndef VNPLAN_SRC_TEXT_PERSON_NAMES_H_
#define VNPLAN_SRC_TEXT_PERSON_NAMES_H_

#include <string_view>

namespace vnplan::internal {

// Whether `folded` (lower case, marks and đ's bar taken off: TextFolder)
// is a Vietnamese surname: the commonest hundred or so, "nguyen" to "yen".
bool IsSurname(std::string_view folded);

}  // namespace vnplan::internal

#endif  // VNPLAN_SRC_TEXT_PERSON_NAMES_H_
