#include "vnplan/text_input.h"

#include <unicode/normalizer2.h>
#include <unicode/bytestream.h>
#include <unicode/unistr.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "src/text/textutil.h"

namespace vnplan {

TextCheck CheckPlanText(std::string_view bytes) {
  TextCheck check;
  // Binaries first: an image or a PDF is "binary", not "bad UTF-8".
  for (size_t i = 0; i < bytes.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(bytes[i]);
    const bool control = (c < 0x20 && c != '\n' && c != '\r' && c != '\t' &&
                          c != '\f' && c != '\v') || c == 0x7F;
    if (control) {
      check.verdict = TextCheck::Verdict::kBinary;
      check.offset = i;
      check.message = "binary data (control byte " + std::to_string(c) + " at byte " +
                      std::to_string(i) + "); expected a UTF-8 text file";
      return check;
    }
  }
  internal::ForEachCodePoint(bytes, [&](UChar32 c, size_t start) {
    if (c >= 0) return true;
    check.verdict = TextCheck::Verdict::kInvalidUtf8;
    check.offset = start;
    check.message = "not valid UTF-8 at byte " + std::to_string(start) +
                    " (convert legacy encodings such as TCVN3 or "
                    "Windows-1258 to UTF-8 first)";
    return false;
  });
  return check;
}

namespace {

// UAX #15's stream-safe format: before the 31st non-starter in a row, a
// COMBINING GRAPHEME JOINER (a starter) is inserted. Real text never holds more than
// 3 marks on a letter; without this, ICU's canonical reordering is
// quadratic in a run of marks (320,000 alternating marks took 43 s).
constexpr int kMaxNonStarters = 30;
constexpr char kGraphemeJoiner[] = "\xCD\x8F";  // U+034F

std::string StreamSafe(std::string text) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  std::string out;
  int run = 0;
  int32_t copied = 0;
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    run = c >= 0 && u_getCombiningClass(c) != 0 ? run + 1 : 0;
    if (run <= kMaxNonStarters) continue;
    // The 31st non-starter in a row: a joiner goes before it.
    out.append(text, static_cast<size_t>(copied), static_cast<size_t>(start - copied));
    out += kGraphemeJoiner;
    copied = start;
    run = 1;
  }
  if (copied == 0) return text;  // the usual case: nothing inserted
  out.append(text, static_cast<size_t>(copied), std::string::npos);
  return out;
}

}  // namespace

std::string NormalizePlanText(std::string_view utf8) {
  if (utf8.substr(0, 3) == "\xEF\xBB\xBF") utf8.remove_prefix(3);
  std::string unix_lines;
  if (utf8.find('\r') == std::string_view::npos) {
    unix_lines.assign(utf8);  // the usual case: nothing to rewrite
  } else {
    unix_lines.reserve(utf8.size());
    for (size_t i = 0; i < utf8.size(); ++i) {
      if (utf8[i] == '\r') {
        unix_lines.push_back('\n');
        if (i + 1 < utf8.size() && utf8[i + 1] == '\n') ++i;
      } else {
        unix_lines.push_back(utf8[i]);
      }
    }
  }
  unix_lines = StreamSafe(std::move(unix_lines));
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return unix_lines;
  const icu::StringPiece piece(unix_lines.data(), static_cast<int32_t>(unix_lines.size()));
  // Most text is already NFC: check on the UTF-8 bytes, convert only if not.
  if (nfc->isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return unix_lines;
  status = U_ZERO_ERROR;
  std::string out;
  icu::StringByteSink<std::string> sink(&out, static_cast<int32_t>(unix_lines.size()));
  nfc->normalizeUTF8(0, piece, sink, nullptr, status);
  return U_FAILURE(status) ? unix_lines : out;
}

}  // namespace vnplan
