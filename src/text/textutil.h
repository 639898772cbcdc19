// Small text helpers shared by the extractors.
#ifndef VNPLAN_COMMON_TEXTUTIL_H_
#define VNPLAN_COMMON_TEXTUTIL_H_

#include <unicode/utf8.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace vnplan::internal {

// The words of `s` as split at spaces (runs of spaces make no empty word).
std::vector<std::string_view> Words(std::string_view s);
std::string LowerUtf8(std::string_view s);
std::string CapitalizeFirst(std::string_view s);
// Trims spaces and the punctuation that ends list entries ("; . , :").
std::string TrimEntry(std::string_view s);
std::string_view TrimSpaces(std::string_view s);
int ToInt(std::string_view digits);  // 0 on anything but digits
// At most `bytes` bytes of `utf8`, never cutting a character in two.
std::string TruncateUtf8(std::string_view utf8, size_t bytes);
// Byte offsets where each code point of `utf8` starts, then its size: edits
// over them never split a letter.
std::vector<size_t> CodePointBoundaries(std::string_view utf8);
// True if the text has letters and every one of them is upper case.
bool IsUpperCaseWord(std::string_view utf8);

// Calls fn(code_point) or fn(code_point, byte_offset) for each code point of
// `utf8` in order, until fn returns false. An ill-formed sequence comes as a
// negative code point (ICU's U8_NEXT), at the offset where it starts.
template <typename Fn>
void ForEachCodePoint(std::string_view utf8, Fn fn) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto n = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0, start = 0; i < n; start = i) {
    UChar32 c;
    U8_NEXT(bytes, i, n, c);
    bool go_on;
    if constexpr (std::is_invocable_v<Fn, UChar32, size_t>)
      go_on = fn(c, static_cast<size_t>(start));
    else
      go_on = fn(c);
    if (!go_on) return;
  }
}

}  // namespace vnplan::internal

#endif  // VNPLAN_COMMON_TEXTUTIL_H_
