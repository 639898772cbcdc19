#include "src/text/words.h"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "src/text/textutil.h"

namespace vnplan::internal {

bool CodePointReader::Next(CodePoint& out) {
  if (at_ >= text_.size()) return false;
  const auto* s = reinterpret_cast<const uint8_t*>(text_.data());
  const auto n = static_cast<int32_t>(text_.size());
  auto i = static_cast<int32_t>(at_);
  UChar32 c;
  U8_NEXT(s, i, n, c);
  out = {c, at_, static_cast<size_t>(i)};
  at_ = static_cast<size_t>(i);
  return true;
}

bool IsLetter(int32_t c) { return c > 0 && (u_isalpha(c) || u_getCombiningClass(c) != 0); }

bool IsDigit(int32_t c) { return c > 0 && u_isdigit(c); }

bool IsWordChar(int32_t c) {
  return IsLetter(c) || IsDigit(c) || c == '&' || c == 0x20AC || c == 0x00A7 || c == 0x00A2 ||
         c == 0x2019;
}

bool IsNumber(std::string_view part) {
  return !part.empty() && std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool WordReader::InWord(int32_t c) const {
  return IsLetter(c) || (kind_ == WordKind::kLettersAndDigits && IsDigit(c));
}

bool WordReader::Next(size_t& begin, size_t& end) {
  CodePoint c;
  do {
    if (!reader_.Next(c)) return false;
  } while (!InWord(c.value));
  begin = c.begin;
  end = c.end;
  while (reader_.Next(c) && InWord(c.value)) end = c.end;
  return true;
}

bool IsMarked(std::string_view word) {
  return std::any_of(word.begin(), word.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

CasePattern CaseOf(std::string_view word) {
  int upper = 0, letters = 0;
  bool first_upper = false;
  CodePointReader reader(word);
  for (CodePoint c; reader.Next(c);) {
    if (c.value < 0 || !u_isalpha(c.value)) continue;
    if (letters == 0) first_upper = u_isupper(c.value);
    ++letters;
    upper += u_isupper(c.value) ? 1 : 0;
  }
  if (letters >= 2 && upper == letters) return CasePattern::kUpper;
  return first_upper ? CasePattern::kCapitalised : CasePattern::kLower;
}

std::string ApplyCase(const std::string& lower, CasePattern pattern) {
  if (pattern == CasePattern::kLower) return lower;
  if (pattern == CasePattern::kCapitalised) return CapitalizeFirst(lower);
  std::string out;
  icu::UnicodeString::fromUTF8(lower).toUpper(icu::Locale("vi")).toUTF8String(out);
  return out;
}

double MarkedShare(std::string_view text) {
  int words = 0, marked = 0;
  WordReader reader(text, WordKind::kLetters);
  for (size_t b, e; reader.Next(b, e);) {
    ++words;
    marked += IsMarked(text.substr(b, e - b));
  }
  return words ? double(marked) / words : 0.0;
}

}  // namespace vnplan::internal
