// Vietnamese syllables as the restorer sees them: lower-case NFC text split
// into a toneless base ("hoa", "tiên") and one of six tones, with one
// canonical place for the tone mark so that "hoà" and "hòa" are one word.
#ifndef VNPLAN_RESTORE_SYLLABLE_H_
#define VNPLAN_RESTORE_SYLLABLE_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "src/text/folding.h"

namespace vnplan::internal {

enum Tone { kLevel = 0, kAcute, kGrave, kHook, kTilde, kDot };

struct ToneSplit {
  std::string base;  // NFC, keeps â ă ê ô ơ ư đ
  Tone tone = kLevel;
};

class SyllableTools {
 public:
  SyllableTools();

  std::string Lower(std::string_view utf8) const;
  ToneSplit Split(std::string_view lower) const;
  // The syllable with its tone mark where the old orthography puts it
  // ("hòa", "thủy", "hoàng", "thuyền"); empty if `lower` is not one.
  std::string Canonical(std::string_view lower) const;
  // True for a well-formed Vietnamese syllable: onset, vowels, coda, and a
  // tone its coda allows (c/ch/p/t take only acute or dot).
  bool IsSyllable(std::string_view lower) const;
  // Base letters only: "đổi" -> "doi".
  std::string Skeleton(std::string_view utf8) const { return folder_.Fold(utf8).text; }
  const TextFolder& folder() const { return folder_; }

 private:
  TextFolder folder_;
};

// True where a word at byte `at` of `text` opens a line, a sentence, a list
// item or a quotation, where a capital letter says nothing about the word.
bool StartsSentence(std::string_view text, size_t at);

// "Việt", "Phòng": a capital, then lower-case letters only.
bool IsTitled(std::string_view word);

// How a word is written, as evidence of which syllable it is: titled or
// lower case where no sentence starts; no evidence at a sentence start or
// in capitals. The trainer counts it and the reader reads it by this rule.
enum class WrittenCase : uint8_t { kNoCaseEvidence, kTitled, kLower };
// Of the word at bytes [begin, end) of `text`.
WrittenCase WrittenCaseAt(std::string_view text, size_t begin, size_t end);
// The same for the word after another, where capitals ("UBND", "HOẠCH")
// count as a capital: what the word before it is followed by.
WrittenCase FollowerCaseAt(std::string_view text, size_t begin, size_t end);

}  // namespace vnplan::internal

#endif  // VNPLAN_RESTORE_SYLLABLE_H_
