#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "src/text/words.h"

namespace vnplan::internal {
namespace {

std::vector<std::string> Words(std::string_view text, WordKind kind) {
  std::vector<std::string> out;
  WordReader reader(text, kind);
  for (size_t b, e; reader.Next(b, e);) out.emplace_back(text.substr(b, e - b));
  return out;
}

TEST(WordReader, LettersOnlyBreakAtDigitsAndPunctuation) {
  EXPECT_EQ(Words("Đẩy mạnh, d6i 2023 (GD&ĐT)", WordKind::kLetters),
            (std::vector<std::string>{"Đẩy", "mạnh", "d", "i", "GD", "ĐT"}));
}

TEST(WordReader, LettersAndDigitsKeepOcrDebrisAndNumbersWhole) {
  EXPECT_EQ(Words("Đẩy mạnh, d6i 2023 (GD&ĐT)", WordKind::kLettersAndDigits),
            (std::vector<std::string>{"Đẩy", "mạnh", "d6i", "2023", "GD", "ĐT"}));
}

TEST(WordReader, CombiningMarksStayInTheWord) {
  // "việc" with the marks as separate code points (not NFC).
  const std::string decomposed = "vie\u0323\u0302c la\u0300m";
  EXPECT_EQ(Words(decomposed, WordKind::kLetters),
            (std::vector<std::string>{"vie\u0323\u0302c", "la\u0300m"}));
}

TEST(WordReader, InvalidBytesEndAWordAndAreSkipped) {
  EXPECT_EQ(Words("ab\xff" "cd", WordKind::kLetters), (std::vector<std::string>{"ab", "cd"}));
  EXPECT_TRUE(Words("", WordKind::kLetters).empty());
}

TEST(CodePointReader, GivesEveryByteOnceWithItsOffsets) {
  CodePointReader reader("a\xffố");
  std::vector<CodePoint> got;
  for (CodePoint c; reader.Next(c);) got.push_back(c);
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0].value, 'a');
  EXPECT_LT(got[1].value, 0);
  EXPECT_EQ(got[1].begin, 1u);
  EXPECT_EQ(got[2].value, 0x1ED1);  // ố
  EXPECT_EQ(got[2].begin, 2u);
  EXPECT_EQ(got[2].end, 5u);
}

TEST(WordChars, OcrDebrisIsPartOfAWordButNotALetter) {
  EXPECT_TRUE(IsWordChar('&'));
  EXPECT_TRUE(IsWordChar(0x2019));
  EXPECT_FALSE(IsLetter('&'));
  EXPECT_FALSE(IsWordChar('-'));
  EXPECT_TRUE(IsNumber("2023"));
  EXPECT_FALSE(IsNumber("20a"));
  EXPECT_FALSE(IsNumber(""));
}

TEST(MarkedShare, CountsWordsWithAMarkAmongWordsOfLetters) {
  EXPECT_DOUBLE_EQ(MarkedShare("Đẩy mạnh cong tac 2023"), 0.5);
  // Dashes and quotes are no words, marked or not.
  EXPECT_DOUBLE_EQ(MarkedShare("việc – “làm” nay"), 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(MarkedShare("123 ..."), 0.0);
}

}  // namespace
}  // namespace vnplan::internal
