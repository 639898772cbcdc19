#include "src/text/textutil.h"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>


namespace vnplan::internal {

std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> words;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t end = s.find(' ', pos);
    if (end == std::string_view::npos) end = s.size();
    if (end > pos) words.push_back(s.substr(pos, end - pos));
    pos = end + 1;
  }
  return words;
}

std::string LowerUtf8(std::string_view s) {
  std::string out;
  icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())))
      .toLower(icu::Locale("vi"))
      .toUTF8String(out);
  return out;
}

std::string CapitalizeFirst(std::string_view s) {
  icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  if (u.isEmpty()) return std::string(s);
  const int32_t len = U16_LENGTH(u.char32At(0));
  icu::UnicodeString head = u.tempSubString(0, len);
  head.toUpper(icu::Locale("vi"));
  icu::UnicodeString result = head + u.tempSubString(len);
  std::string out;
  result.toUTF8String(out);
  return out;
}

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

std::string TrimEntry(std::string_view s) {
  s = TrimSpaces(s);
  while (!s.empty() && (s.back() == ';' || s.back() == '.' || s.back() == ',' ||
                        s.back() == ':' || s.back() == ' ' || s.back() == '='))
    s.remove_suffix(1);
  // OCR and converters leave dashes after the last word ("VP. = —").
  while (s.size() >= 3 && (s.substr(s.size() - 3) == "\xE2\x80\x94" ||
                           s.substr(s.size() - 3) == "\xE2\x80\x93")) {
    s.remove_suffix(3);
    while (!s.empty() && (s.back() == ' ' || s.back() == '=' || s.back() == '.'))
      s.remove_suffix(1);
  }
  return std::string(TrimSpaces(s));
}

std::string TruncateUtf8(std::string_view utf8, size_t bytes) {
  if (utf8.size() <= bytes) return std::string(utf8);
  while (bytes > 0 && (static_cast<unsigned char>(utf8[bytes]) & 0xC0) == 0x80) --bytes;
  return std::string(utf8.substr(0, bytes));
}

std::vector<size_t> CodePointBoundaries(std::string_view utf8) {
  std::vector<size_t> at;
  for (size_t i = 0; i < utf8.size(); ++i)
    if ((static_cast<unsigned char>(utf8[i]) & 0xC0) != 0x80) at.push_back(i);
  at.push_back(utf8.size());
  return at;
}

bool IsUpperCaseWord(std::string_view utf8) {
  icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  int letters = 0;
  for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
    const UChar32 c = u.char32At(i);
    if (!u_isalpha(c)) continue;
    if (!u_isupper(c)) return false;
    ++letters;
  }
  return letters > 0;
}

int ToInt(std::string_view digits) {
  if (digits.empty() || digits.size() > 9) return 0;
  int v = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return 0;
    v = v * 10 + (c - '0');
  }
  return v;
}

}  // namespace vnplan::internal
