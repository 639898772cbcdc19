// Abbreviations and document symbols written without their "Đ": stripped
// text writes "1237/QD-TTg", "Số 199/KH-BGDDT", "GDDT" for "QĐ-TTg",
// "BGDĐT", "GDĐT". The only mark an abbreviation carries is the letter Đ,
// so restoring one is deciding, for each D, whether it was Đ, from the
// pieces the abbreviation is made of.
#ifndef VNPLAN_RESTORE_ABBREVIATIONS_H_
#define VNPLAN_RESTORE_ABBREVIATIONS_H_

#include <string>
#include <string_view>
#include <unordered_map>

#include "src/restore/candidates.h"
#include "src/restore/syllable.h"

namespace vnplan::internal {

class AbbreviationTable {
 public:
  // Learns the pieces: every abbreviation the models know (a word of theirs
  // that is no syllable: "gdđt", "ubnd", the likeliest form of each
  // skeleton), then the codes of symbol formation (document types and
  // issuers, Nghị định 30/2020/NĐ-CP), which override the models.
  void Build(const CandidateInventory& inventory, const SyllableTools& tools);

  // `upper`, upper-case ASCII letters as written ("BGDDT"), rewritten with
  // each D that its pieces write Đ ("BGDĐT"): the whole a known piece, or
  // an issuer's head letter (B Bộ, S Sở, P Phòng) then known pieces. Empty
  // when nothing is known to change (a code read both ways, HD "hướng
  // dẫn" and HĐ "hợp đồng", is left as written).
  std::string Restore(std::string_view upper) const;

  // True for a part Restore may read: 2 to kLongest upper-case ASCII letters.
  static bool IsCandidate(std::string_view part);
  // The longest abbreviation read (BLĐTBXH, GDTXNNĐH are 7 and 8 letters).
  static constexpr size_t kLongest = 12;

 private:
  // Skeleton ("gddt") -> form in upper case ("GDĐT"); empty when ambiguous.
  std::unordered_map<std::string, std::string> pieces_;
};

}  // namespace vnplan::internal

#endif  // VNPLAN_RESTORE_ABBREVIATIONS_H_
