// Abbreviations and document symbols restored part by part: each D of an
// upper-case code becomes Đ where the pieces it is made of (the models'
// abbreviations, the codes of symbol formation) write it so, and nowhere
// else.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/support/test_support.h"
#include "vnplan/restorer.h"

namespace vnplan {
namespace {

// A restorer whose models learned their abbreviations from the corpus
// (GDĐT, UBND, ...); BGDĐT and SGDĐT need not be among them.
const Restorer& CorpusRestorer() {
  static const std::unique_ptr<Restorer> restorer = [] {
    const std::string model = testing::OutputDir() + "/abbreviations.lm";
    EXPECT_TRUE(TrainLanguageModel({testing::ReadFile(testing::SourcePath("corpus/003-dak-nong-2023.txt")),
                                    testing::ReadFile(testing::SourcePath("corpus/004-phu-tho-2016.txt"))},
                                   {}, model)
                    .ok());
    Status status;
    auto r = Restorer::Open({{model, 1.0}}, &status);
    EXPECT_TRUE(r) << status.message();
    return r;
  }();
  return *restorer;
}

std::string Restored(const std::string& text) { return CorpusRestorer().Restore(text).text; }

TEST(Abbreviations, SymbolCodesGetTheirDBack) {
  EXPECT_NE(Restored("Quyet dinh so 1237/QD-TTg cua Thu tuong.\n").find("1237/QĐ-TTg"), std::string::npos);
  EXPECT_NE(Restored("Nghi dinh so 30/2020/ND-CP.\n").find("30/2020/NĐ-CP"), std::string::npos);
  EXPECT_NE(Restored("Nghi quyet 05/NQ-HDND tinh.\n").find("05/NQ-HĐND"), std::string::npos);
}

// An issuer's head letter and a known field: Bộ GDĐT, Sở GDĐT.
TEST(Abbreviations, IssuersAreAHeadLetterAndKnownPieces) {
  EXPECT_NE(Restored("Ke hoach so 199/KH-BGDDT ngay.\n").find("199/KH-BGDĐT"), std::string::npos);
  EXPECT_NE(Restored("Cong van 12/SGDDT-GDTrH ngay.\n").find("12/SGDĐT-GDTrH"), std::string::npos);
  EXPECT_NE(Restored("So GDDT va BGDDT.\n").find("GDĐT và BGDĐT"), std::string::npos);
}

// A code read both ways (HD hướng dẫn, HĐ hợp đồng; DA dự án, ĐA đề án),
// a D no piece explains, and addresses stay as written.
TEST(Abbreviations, NothingIsGuessed) {
  const std::string text =
      "Van ban 12/HD-UBND, 3/DA-UBND, 4/CDC-XYZ, 5/DXYZ-UBND; USD, DVD, ADN.\n"
      "Xem http://example.vn/QD-12 va ND@example.vn.\n";
  const std::string out = Restored(text);
  for (const char* kept : {"12/HD-UBND", "3/DA-UBND", "4/CDC-XYZ", "5/DXYZ-UBND", "USD", "DVD", "ADN",
                           "http://example.vn/QD-12", "ND@example.vn"})
    EXPECT_NE(out.find(kept), std::string::npos) << kept << " in " << out;
}

TEST(Abbreviations, EachRestoredCodeIsExplained) {
  RestoreOptions options;
  options.explain = true;
  const RestoreResult r = CorpusRestorer().Restore("Theo 1237/QD-TTg.\n", options);
  ASSERT_EQ(r.changes.size(), 1u);
  EXPECT_EQ(r.changes[0].before, "QD");
  EXPECT_EQ(r.changes[0].after, "QĐ");
  EXPECT_EQ(r.changes[0].line, 1);
}

// A code read both ways (HD, HĐ) followed by another part is read as the
// whole they make, when that whole is known: "HD TDKT" is the HĐTĐKT of
// symbol formation, though these models saw "HD" five times to one "HĐ",
// and always before another part.
// Schools' "DTNT" (dân tộc nội trú) keeps its D, though "ĐT" is known.
TEST(Abbreviations, APartReadBothWaysIsReadAsTheWholeItMakes) {
  std::vector<std::string> texts(5, "Làm theo HD TB số 12 của Sở GD ĐT, tổ NT.\n");
  texts.push_back("Ký HĐ lao động.\n");
  const auto restorer = testing::RestorerTrainedOn(texts, "abbreviations_parts");
  ASSERT_TRUE(restorer);
  std::string out = restorer->Restore("Thuong truc HD TDKT tinh.\n").text;
  EXPECT_NE(out.find("HĐ TĐKT"), std::string::npos) << out;
  out = restorer->Restore("Lam theo HD TB so 12.\n").text;
  EXPECT_NE(out.find("HD TB"), std::string::npos) << out;
  out = restorer->Restore("Truong PT DTNT tinh.\n").text;
  EXPECT_NE(out.find("PT DTNT"), std::string::npos) << out;
}

// In a text with its marks (OCR of a scan), an abbreviation without its Đ
// gets it back whatever the text's low rate of lost marks says; one
// written with its Đ keeps it even where the models mostly saw it without
// (text that lost it): a real scan's "BGDĐT" was read "BGDDT".
TEST(Abbreviations, AMarkedTextsCodesGetTheirDBackAndKeepTheirs) {
  const std::string marked =
      "Kế hoạch của Bộ Giáo dục và Đào tạo gửi các Sở Giáo dục và Đào tạo, số 1849  BGDDT-GDPT, "
      "về việc kiểm tra của Sở GDDT.\n";
  const std::string out = Restored(marked);
  EXPECT_NE(out.find("1849  BGDĐT-GDPT"), std::string::npos) << out;
  EXPECT_NE(out.find("Sở GDĐT"), std::string::npos) << out;

  std::vector<std::string> texts(6, "Công văn số 12/BGDDT-GDPT của Bộ gửi các sở về việc kiểm tra.\n");
  texts.push_back("Công văn số 13/BGDĐT-GDPT của Bộ gửi các sở về việc kiểm tra.\n");
  const auto restorer = testing::RestorerTrainedOn(texts, "abbreviations_unmarked");
  ASSERT_TRUE(restorer);
  const std::string kept = restorer->Restore("Công văn số 1849  BGDĐT-GDPT của Bộ gửi các sở.\n").text;
  EXPECT_NE(kept.find("BGDĐT-GDPT"), std::string::npos) << kept;
}

}  // namespace
}  // namespace vnplan
