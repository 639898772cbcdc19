// Checks that bytes handed to vnplan are text it can read, before any stage
// runs, so that bad input gets a precise message instead of a garbled plan.
#ifndef VNPLAN_TEXT_INPUT_H_
#define VNPLAN_TEXT_INPUT_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace vnplan {

struct TextCheck {
  enum class Verdict { kText, kBinary, kInvalidUtf8 };
  Verdict verdict = Verdict::kText;
  std::size_t offset = 0;  // first offending byte when not kText
  std::string message;     // human-readable reason, empty for kText

  bool ok() const { return verdict == Verdict::kText; }
};

// Accepts UTF-8 text (a leading BOM is allowed). Rejects data containing NUL
// bytes or other C0 control bytes typical of binaries as kBinary, and
// malformed UTF-8 (e.g. a TCVN3 or Windows-1258 file) as kInvalidUtf8.
TextCheck CheckPlanText(std::string_view bytes);

// Returns the NFC form of `utf8` with "\r\n"/"\r" turned into "\n" and a
// leading BOM removed: the canonical text that line numbers refer to. A run
// of more than 30 combining marks gets U+034F after every 30th (UAX #15's
// stream-safe format), which keeps normalising linear in the text's size.
std::string NormalizePlanText(std::string_view utf8);

}  // namespace vnplan

#endif  // VNPLAN_TEXT_INPUT_H_
