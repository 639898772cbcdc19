// What a word is, written once for every stage: training, decoding, damage
// measurement, the decision to restore, and the benches.
#ifndef VNPLAN_SRC_TEXT_WORDS_H_
#define VNPLAN_SRC_TEXT_WORDS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace vnplan::internal {

// One code point of UTF-8 text and the bytes [begin, end) it takes;
// `value` is negative for a byte that is not valid UTF-8.
struct CodePoint {
  int32_t value = 0;
  size_t begin = 0, end = 0;
};

// Reads UTF-8 text a code point at a time (ICU's U8_NEXT): invalid bytes
// come one by one with a negative value, so every byte is seen once.
class CodePointReader {
 public:
  // Reads from byte `from`, which starts a code point.
  explicit CodePointReader(std::string_view utf8, size_t from = 0) : text_(utf8), at_(from) {}
  // The next code point, or false at the end of the text.
  bool Next(CodePoint& out);
  // Where the next code point starts.
  size_t offset() const { return at_; }

 private:
  std::string_view text_;
  size_t at_;
};

// A letter of a word: alphabetic, or a combining mark (text not in NFC
// writes "ệ" as "e" and two marks, and the word must not break there).
bool IsLetter(int32_t c);

// A digit of any script (Unicode Nd).
bool IsDigit(int32_t c);

// What may stand inside a word as OCR leaves it: letters, digits, and what
// legacy OCR writes for marked letters ("S&" for "Sở"; € § ¢ and ’).
bool IsWordChar(int32_t c);

// A number as the language models count it: ASCII digits only (<num>).
bool IsNumber(std::string_view part);

// Which code points make a word.
enum class WordKind {
  // Runs of letters: words as the models count them and damage is
  // measured; a digit or any other character ends the word.
  kLetters,
  // Runs of letters and digits: words as a reader compares them (OCR's
  // "d6i" for "đổi" is one word misread, "2023" is a word to get right).
  kLettersAndDigits,
};

// Finds the words of a text in order.
//   WordReader words(text, WordKind::kLetters);
//   for (size_t b, e; words.Next(b, e);) Use(text.substr(b, e - b));
class WordReader {
 public:
  WordReader(std::string_view utf8, WordKind kind) : text_(utf8), reader_(utf8), kind_(kind) {}
  // The next word as bytes [begin, end) of the text, or false at the end.
  bool Next(size_t& begin, size_t& end);

 private:
  bool InWord(int32_t c) const;

  std::string_view text_;
  CodePointReader reader_;
  WordKind kind_;
};

// True when a word of letters carries a diacritic: Vietnamese writes every
// marked letter, đ included, beyond ASCII.
bool IsMarked(std::string_view word);

// How a word is written: all lower case, a capital first, or all capitals
// (two letters or more: "Hà" is capitalised, "UBND" upper).
enum class CasePattern { kLower, kCapitalised, kUpper };
CasePattern CaseOf(std::string_view word);
// A lower-case word written in `pattern` ("mục đích", kUpper -> "MỤC ĐÍCH").
std::string ApplyCase(const std::string& lower, CasePattern pattern);

// Share of words (WordKind::kLetters) that are marked (clean Vietnamese is
// around 0.8; stripped text and legacy OCR far lower).
double MarkedShare(std::string_view text);

}  // namespace vnplan::internal

#endif  // VNPLAN_SRC_TEXT_WORDS_H_
