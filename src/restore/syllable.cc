#include "src/restore/syllable.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "src/text/textutil.h"
#include "src/text/words.h"

namespace vnplan::internal {
namespace {

// Combining tone marks, in Tone order after kLevel.
constexpr char16_t kToneMarks[] = {0x0301, 0x0300, 0x0309, 0x0303, 0x0323};

bool IsVowel(char16_t c) {
  switch (c) {
    case u'a': case u'ă': case u'â': case u'e': case u'ê': case u'i': case u'o':
    case u'ô': case u'ơ': case u'u': case u'ư': case u'y':
      return true;
    default:
      return false;
  }
}

bool HasQuality(char16_t c) {
  return c == u'ă' || c == u'â' || c == u'ê' || c == u'ô' || c == u'ơ' || c == u'ư';
}

}  // namespace

SyllableTools::SyllableTools() = default;

std::string SyllableTools::Lower(std::string_view utf8) const {
  return LowerUtf8(utf8);
}

ToneSplit SyllableTools::Split(std::string_view lower) const {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  icu::UnicodeString d = nfd->normalize(
      icu::UnicodeString::fromUTF8(icu::StringPiece(lower.data(), static_cast<int32_t>(lower.size()))),
      status);
  ToneSplit out;
  icu::UnicodeString base;
  for (int32_t i = 0; i < d.length(); ++i) {
    const char16_t c = d.charAt(i);
    bool tone = false;
    for (int t = 0; t < 5; ++t)
      if (c == kToneMarks[t]) {
        out.tone = static_cast<Tone>(t + 1);
        tone = true;
      }
    if (!tone) base.append(c);
  }
  nfc->normalize(base, status).toUTF8String(out.base);
  return out;
}

std::string SyllableTools::Canonical(std::string_view lower) const {
  if (!IsSyllable(lower)) return "";
  const ToneSplit split = Split(lower);
  icu::UnicodeString base = icu::UnicodeString::fromUTF8(split.base);
  if (split.tone == kLevel) return split.base;
  // The nucleus: skip the onset ("qu" and "gi" before a vowel count as onset).
  int32_t start = 0;
  while (start < base.length() && !IsVowel(base.charAt(start))) ++start;
  if (start > 0 && start + 1 < base.length() && IsVowel(base.charAt(start + 1)) &&
      ((base.charAt(start - 1) == u'q' && base.charAt(start) == u'u') ||
       (base.charAt(start - 1) == u'g' && base.charAt(start) == u'i')))
    ++start;
  int32_t end = start;
  while (end < base.length() && IsVowel(base.charAt(end))) ++end;
  const int32_t vowels = end - start;
  const bool coda = end < base.length();
  int32_t at = start;
  int32_t quality = -1;
  for (int32_t i = start; i < end; ++i)
    if (HasQuality(base.charAt(i))) quality = i;  // the last: "ươ" -> ơ
  if (quality >= 0) {
    at = quality;
  } else if (vowels >= 3) {
    at = start + 1;
  } else if (vowels == 2) {
    at = coda ? start + 1 : start;
  }
  base.insert(at + 1, kToneMarks[split.tone - 1]);
  UErrorCode status = U_ZERO_ERROR;
  std::string out;
  icu::Normalizer2::getNFCInstance(status)->normalize(base, status).toUTF8String(out);
  return out;
}

bool SyllableTools::IsSyllable(std::string_view lower) const {
  if (lower.empty() || lower.size() > 24) return false;
  const std::string skeleton = folder_.Fold(lower).text;
  for (char c : skeleton)
    if (c < 'a' || c > 'z') return false;
  if (!IsSyllableShape(skeleton)) return false;
  const Tone tone = Split(lower).tone;
  const bool stop = skeleton.size() >= 1 &&
                    (skeleton.back() == 'c' || skeleton.back() == 'k' || skeleton.back() == 'p' ||
                     skeleton.back() == 't' ||
                     (skeleton.size() >= 2 && skeleton.substr(skeleton.size() - 2) == "ch"));
  return !stop || tone == kAcute || tone == kDot;
}

bool StartsSentence(std::string_view text, size_t at) {
  while (at > 0 && (text[at - 1] == ' ' || text[at - 1] == '\t')) --at;
  if (at == 0) return true;
  const char c = text[at - 1];
  if (std::string_view("\n.;:!?-+*\"(").find(c) != std::string_view::npos) return true;
  // “ and • end in these bytes; no Vietnamese letter does.
  return at >= 3 && (text.substr(at - 3, 3) == "\u201C" || text.substr(at - 3, 3) == "\u2022");
}

bool IsTitled(std::string_view word) {
  const auto* s = reinterpret_cast<const uint8_t*>(word.data());
  const int32_t n = static_cast<int32_t>(word.size());
  int32_t i = 0, letters = 0;
  while (i < n) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) return false;
    if (u_getCombiningClass(c) != 0) continue;
    if (!u_isalpha(c) || (letters == 0) != static_cast<bool>(u_isupper(c))) return false;
    ++letters;
  }
  return letters >= 2;
}

WrittenCase WrittenCaseAt(std::string_view text, size_t begin, size_t end) {
  if (StartsSentence(text, begin)) return WrittenCase::kNoCaseEvidence;
  const std::string_view word = text.substr(begin, end - begin);
  if (IsTitled(word)) return WrittenCase::kTitled;
  return CaseOf(word) == CasePattern::kLower ? WrittenCase::kLower : WrittenCase::kNoCaseEvidence;
}

WrittenCase FollowerCaseAt(std::string_view text, size_t begin, size_t end) {
  const WrittenCase written = WrittenCaseAt(text, begin, end);
  if (written != WrittenCase::kNoCaseEvidence || StartsSentence(text, begin)) return written;
  const std::string_view word = text.substr(begin, end - begin);
  return word.size() >= 2 && IsUpperCaseWord(word) ? WrittenCase::kTitled : WrittenCase::kNoCaseEvidence;
}

}  // namespace vnplan::internal
