#include "src/text/folding.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace vnplan::internal {
namespace {

void AppendUtf8(char32_t c, std::string& out) {
  char buf[4];
  int32_t len = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, static_cast<UChar32>(c),
            error);
  if (!error) out.append(buf, static_cast<size_t>(len));
}

char32_t FoldOne(const icu::Normalizer2* nfd, char32_t c) {
  if (c == 0x0110 || c == 0x0111) return U'd';  // Đ đ have no decomposition
  if (c >= 0x0300 && c <= 0x036F) return 0;     // stray combining marks
  if (c == 0x00A0 || c == '\t' || c == '\f' || c == '\v') return U' ';
  char32_t base = c;
  icu::UnicodeString decomposed;
  UErrorCode status = U_ZERO_ERROR;
  if (nfd != nullptr &&
      nfd->getDecomposition(static_cast<UChar32>(c), decomposed) &&
      decomposed.length() > 0) {
    base = static_cast<char32_t>(decomposed.char32At(0));
  }
  (void)status;
  return static_cast<char32_t>(u_tolower(static_cast<UChar32>(base)));
}

}  // namespace

TextFolder::TextFolder() : table_(kTableEnd) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) nfd = nullptr;
  for (char32_t c = 0; c < kTableEnd; ++c) table_[c] = FoldOne(nfd, c);
}

FoldedText TextFolder::Fold(std::string_view utf8) const {
  FoldedText out;
  out.text.reserve(utf8.size());
  out.origin.reserve(utf8.size() + 1);
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t n = static_cast<int32_t>(utf8.size());
  int32_t i = 0;
  while (i < n) {
    const int32_t start = i;
    if (s[i] < 0x80) {  // ASCII: most of the text, and one byte each way
      const char c = static_cast<char>(s[i++]);
      if (c >= 'A' && c <= 'Z') {
        out.text.push_back(static_cast<char>(c - 'A' + 'a'));
      } else if (c == '\t' || c == '\f' || c == '\v') {
        out.text.push_back(' ');
      } else {
        out.text.push_back(c);
      }
      out.origin.push_back(static_cast<uint32_t>(start));
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, n, c);
    char32_t folded;
    if (c < 0) {
      folded = U'\uFFFD';
    } else if (static_cast<char32_t>(c) < kTableEnd) {
      folded = table_[static_cast<size_t>(c)];
    } else if (c >= 0x2010 && c <= 0x2015) {
      folded = U'-';  // hyphens and dashes
    } else if (c >= 0x2018 && c <= 0x201F) {
      folded = c >= 0x201C ? U'"' : U'\'';  // curly quotes
    } else if (c == 0x2212) {
      folded = U'-';
    } else {
      folded = static_cast<char32_t>(u_tolower(c));
    }
    if (folded == 0) continue;
    if (folded < 0x80) {
      out.text.push_back(static_cast<char>(folded));
      out.origin.push_back(static_cast<uint32_t>(start));
      continue;
    }
    const size_t before = out.text.size();
    AppendUtf8(folded, out.text);
    out.origin.insert(out.origin.end(), out.text.size() - before,
                      static_cast<uint32_t>(start));
  }
  out.origin.push_back(static_cast<uint32_t>(utf8.size()));
  return out;
}

bool IsSyllableShape(std::string_view w) {
  static constexpr std::string_view kOnsets[] = {
      "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
      "b",   "c",  "d",  "g",  "h",  "k",  "l",  "m",  "n",  "p",  "q",
      "r",   "s",  "t",  "v",  "x"};
  // "k" closes the Central Highlands' names (Đắk Lắk, Krông Búk, Đắk
  // Nông), which every sector's plans write: 152 of the restorer's errors
  // on the devset's odd half, which had no syllable for "Dak Lak".
  static constexpr std::string_view kCodas[] = {"ch", "ng", "nh", "c", "k",
                                                "m",  "n",  "p",  "t"};
  auto is_vowel = [](char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
  };
  size_t pos = 0;
  for (std::string_view on : kOnsets) {
    if (w.substr(0, on.size()) == on && w.size() > on.size() &&
        is_vowel(w[on.size()])) {
      pos = on.size();
      break;
    }
  }
  size_t vowels = 0;
  while (pos < w.size() && is_vowel(w[pos])) ++pos, ++vowels;
  if (vowels == 0 || vowels > 3) return false;
  std::string_view rest = w.substr(pos);
  if (rest.empty()) return true;
  for (std::string_view coda : kCodas)
    if (rest == coda) return true;
  return false;
}

}  // namespace vnplan::internal
