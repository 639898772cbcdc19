// Small text helpers shared by the extractors.
#ifndef VNPLAN_COMMON_TEXTUTIL_H_
#define VNPLAN_COMMON_TEXTUTIL_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vnplan::internal {

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

}  // namespace vnplan::internal

#endif  // VNPLAN_COMMON_TEXTUTIL_H_
