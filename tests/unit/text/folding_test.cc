#include <gtest/gtest.h>

#include "src/text/folding.h"
#include "vnplan/pipeline.h"
#include "src/text/textutil.h"
#include "vnplan/text_input.h"

namespace vnplan::internal {
namespace {

TEST(TextFolder, FoldsMarksCaseAndDStroke) {
  TextFolder folder;
  EXPECT_EQ(folder.Fold("MỤC ĐÍCH, YÊU CẦU").text, "muc dich, yeu cau");
  EXPECT_EQ(folder.Fold("Đẩy mạnh — “gương”").text, "day manh - \"guong\"");
}

TEST(TextFolder, MapsEveryFoldedByteBackToItsSource) {
  TextFolder folder;
  const std::string source = "Sở Giáo dục";
  const FoldedText f = folder.Fold(source);
  ASSERT_EQ(f.origin.size(), f.text.size() + 1);
  const size_t at = f.text.find("giao");
  EXPECT_EQ(f.SourceOf(source, at, at + 4), "Giáo");
  EXPECT_EQ(f.SourceOf(source, 0, f.text.size()), source);
}

TEST(TextFolder, KeepsInvalidBytesAsReplacementWithoutCrashing) {
  TextFolder folder;
  const FoldedText f = folder.Fold(std::string("a\xff" "b", 3));
  EXPECT_EQ(f.origin.size(), f.text.size() + 1);
  EXPECT_EQ(f.text.front(), 'a');
  EXPECT_EQ(f.text.back(), 'b');
}

TEST(SyllableShape, TellsWordsFromAbbreviations) {
  for (const char* word : {"tinh", "nghieng", "quoc", "giao", "truong", "a", "dak", "lak"})
    EXPECT_TRUE(IsSyllableShape(word)) << word;
  for (const char* abbr : {"ubnd", "gddt", "thpt", "tw", "kh"})
    EXPECT_FALSE(IsSyllableShape(abbr)) << abbr;
}

TEST(TextInput, RejectsBinaryAndMalformedUtf8WithOffsets) {
  EXPECT_TRUE(CheckPlanText("Kế hoạch\n").ok());
  EXPECT_TRUE(CheckPlanText("").ok());
  const TextCheck binary = CheckPlanText(std::string("PK\x03\x04\0\0", 6));
  EXPECT_EQ(binary.verdict, TextCheck::Verdict::kBinary);
  EXPECT_EQ(binary.offset, 2u);
  const TextCheck latin1 = CheckPlanText("K\xea" " ho\xe1" "ch");
  EXPECT_EQ(latin1.verdict, TextCheck::Verdict::kInvalidUtf8);
  EXPECT_EQ(latin1.offset, 1u);
  EXPECT_NE(latin1.message.find("UTF-8"), std::string::npos);
}

TEST(TextInput, NormalisesToNfcAndUnixLines) {
  // "ế" written as e + circumflex + acute (NFD) becomes one code point.
  EXPECT_EQ(NormalizePlanText("\xEF\xBB\xBFK\x65\xCC\x82\xCC\x81\r\nx\ry"),
            "K\xE1\xBA\xBF\nx\ny");
}

TEST(TextInput, ALongRunOfMarksIsMadeStreamSafeBeforeNormalising) {
  // 100 marks on one letter, alternating two classes that NFC would reorder
  // (dot below 220, acute 230): a joiner follows every 30th.
  std::string marks;
  for (int i = 0; i < 100; ++i) marks += i % 2 ? "\xCC\x81" : "\xCC\xA3";
  const std::string out = NormalizePlanText("a" + marks + "b");
  size_t joiners = 0;
  for (size_t at = out.find("\xCD\x8F"); at != std::string::npos; at = out.find("\xCD\x8F", at + 1))
    ++joiners;
  EXPECT_EQ(joiners, 3u);
  EXPECT_EQ(out.back(), 'b');
  EXPECT_EQ(NormalizePlanText(out), out);  // already normal: normalising again changes nothing
  // Real Vietnamese (at most two marks on a letter) is untouched.
  EXPECT_EQ(NormalizePlanText("Kế hoạch"), "Kế hoạch");
}

TEST(Sha256, MatchesKnownDigests) {
  EXPECT_EQ(InputDigest(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(InputDigest("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(InputDigest(std::string(1000, 'a')),
            "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3");
}

}  // namespace
}  // namespace vnplan::internal
