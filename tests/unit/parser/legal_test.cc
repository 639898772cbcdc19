// Legal bases in the preamble, as converters wrap them.
#include <gtest/gtest.h>

#include "tests/support/test_support.h"

namespace vnplan {
namespace {

using testing::ParseText;

TEST(LegalBases, AReferenceWrappedAfterSoIsOneBasisNotAnItem) {
  const Plan p = ParseText(
      "KẾ HOẠCH\nThử\nCăn cứ Kế hoạch số\n17/KH-UBND ngày 3/2/2025 của UBND tỉnh;\n"
      "Căn cứ Nghị quyết số 28/NQ-CP ngày\n5/3/2025 của Chính phủ;\nI. MỤC ĐÍCH\n- a.\n");
  ASSERT_EQ(p.legal_bases.size(), 2u);
  EXPECT_EQ(p.legal_bases[0].number, "17/KH-UBND");
  EXPECT_EQ(p.legal_bases[0].date, "2025-02-03");
  EXPECT_EQ(p.legal_bases[0].line, 3);
  EXPECT_EQ(p.legal_bases[1].number, "28/NQ-CP");
  ASSERT_FALSE(p.sections.empty());
  EXPECT_EQ(p.sections[0].number, "I");  // "17/…" did not become a section
}

TEST(LegalBases, AnItalicSpanTooLongToJoinDoesNotSwallowWhatFollowsItsEnd) {
  // The span opened on the first line closes six lines down, past the join
  // limit; its last line, ending on the marker, must not open a new span.
  const Plan p = ParseText(
      "QUYẾT ĐỊNH\nVề việc thử\n*Căn cứ Luật Tổ chức\nchính quyền địa phương\nngày 19 tháng 6\nnăm 2025\n"
      "của Quốc hội\nvề tổ chức\nchính quyền;*\n**QUYẾT ĐỊNH:**\n**Điều 1. **Phê duyệt danh sách.\n"
      "**Điều 2. **Quyết định có hiệu lực từ ngày ký.\n");
  ASSERT_FALSE(p.sections.empty());
  EXPECT_EQ(p.sections[0].number, "1");
}

// "Kế hoạch thực hiện Nghị định số …" is the subject of the decision cited
// before it: the number belongs to the kind word right before it.
TEST(LegalBases, TheKindWordNextToTheNumberOwnsIt) {
  const Plan p = ParseText(
      "QUYẾT ĐỊNH\nVề việc thử\nCăn cứ Quyết định số 12/QĐ-TTg ngày 3/2/2025 của Thủ tướng "
      "Chính phủ về ban hành Kế hoạch thực hiện Nghị định số 45/2025/NĐ-CP;\n"
      "QUYẾT ĐỊNH:\nĐiều 1. Giao Sở Tài chính tổ chức.\n");
  ASSERT_EQ(p.legal_bases.size(), 2u);
  EXPECT_EQ(p.legal_bases[0].type, "Quyết định");
  EXPECT_EQ(p.legal_bases[1].type, "Nghị định");
  EXPECT_EQ(p.legal_bases[1].number, "45/2025/NĐ-CP");
}

// A decree named again in the subject of a later basis is one basis, also
// where a stray space cut its number short the second time.
// The number right after its kind word is that document's, before any
// "số" further on; a law's name may hold a comma; "số" never eats a digit.
TEST(LegalBases, TheNumberRightAfterTheKindWordComesFirst) {
  const Plan p = ParseText(
      "QUYẾT ĐỊNH\nVề việc thử\nCăn cứ Luật Phòng, chống thiên tai số 33/2013/QH13;\n"
      "Căn cứ Nghị định số 11/2020/NĐ-CP ngày 2/3/2020 và Nghị định số 22/2021/NĐ-CP;\n"
      "Xét đề nghị của Sở Nội vụ tại Tờ trình số44/TTr-SNV ngày 3/4/2025 và văn bản số "
      "55/SNV-TCBM ngày 5/4/2025.\n**Điều 1.** Phê duyệt danh sách.\n");
  ASSERT_EQ(p.legal_bases.size(), 4u);
  EXPECT_EQ(p.legal_bases[0].number, "33/2013/QH13");
  EXPECT_EQ(p.legal_bases[1].number, "11/2020/NĐ-CP");
  EXPECT_EQ(p.legal_bases[2].number, "22/2021/NĐ-CP");
  EXPECT_EQ(p.legal_bases[3].number, "44/TTr-SNV");
}

// A Công điện and a Phương án are cited as the other kinds are.
TEST(LegalBases, ATelegramAndAnOptionAreCitedDocuments) {
  const Plan p = ParseText(
      "KẾ HOẠCH\nThử\nCăn cứ Công điện số 223/CĐ-TTg ngày 17/11/2025 của Thủ tướng Chính phủ;\n"
      "Căn cứ Phương án 026/PA-UBND ngày 18/8/2025 của UBND tỉnh;\nI. MỤC ĐÍCH\n- a.\n");
  ASSERT_EQ(p.legal_bases.size(), 2u);
  EXPECT_EQ(p.legal_bases[0].type, "Công điện");
  EXPECT_EQ(p.legal_bases[0].number, "223/CĐ-TTg");
  EXPECT_EQ(p.legal_bases[1].type, "Phương án");
  EXPECT_EQ(p.legal_bases[1].number, "026/PA-UBND");
}

TEST(LegalBases, ADocumentCitedAgainIsOneBasis) {
  const Plan p = ParseText(
      "QUYẾT ĐỊNH\nVề việc thử\nCăn cứ Nghị định số 30/2020/NĐ-CP ngày 5/3/2020 của Chính phủ;\n"
      "Căn cứ Nghị định số 8/2024/NĐ-CP ngày 1/2/2024 của Chính phủ sửa đổi Nghị định số "
      "30/2020/NĐ -CP ngày 5/3/2020 của Chính phủ;\n"
      "QUYẾT ĐỊNH:\nĐiều 1. Giao Sở Tài chính tổ chức.\n");
  ASSERT_EQ(p.legal_bases.size(), 2u);
  EXPECT_EQ(p.legal_bases[0].number, "30/2020/NĐ-CP");
  EXPECT_EQ(p.legal_bases[1].number, "8/2024/NĐ-CP");
}

// "Xét Tờ trình số …": the proposal a resolution answers is among its bases.
TEST(LegalBases, AProposalIsABasis) {
  const Plan p = ParseText(
      "NGHỊ QUYẾT\nVề việc thử\nCăn cứ Luật Ngân sách nhà nước số 89/2025/QH15;\n"
      "Xét Tờ trình số 444/TTr-UBND ngày 24 tháng 11 năm 2025 của Ủy ban nhân dân tỉnh;\n"
      "Điều 1. Phạm vi điều chỉnh\n");
  ASSERT_EQ(p.legal_bases.size(), 2u);
  EXPECT_EQ(p.legal_bases[1].type, "Tờ trình");
  EXPECT_EQ(p.legal_bases[1].number, "444/TTr-UBND");
  EXPECT_EQ(p.legal_bases[1].date, "2025-11-24");
}

// A proposal citing no Tờ trình is a basis with no number, or with the
// number of the letter carrying it; a blank form's proposes nothing.
TEST(LegalBases, AProposalWithoutATờTrìnhIsABasisToo) {
  const Plan p = ParseText(
      "QUYẾT ĐỊNH\nVề việc thử\nCăn cứ Nghị định số 30/2020/NĐ-CP ngày 5/3/2020 của Chính phủ;\n"
      "Theo đề nghị của Giám đốc Sở Nội vụ.\nĐiều 1. Giao Sở Tài chính tổ chức.\n");
  ASSERT_EQ(p.legal_bases.size(), 2u);
  EXPECT_EQ(p.legal_bases[1].number, std::nullopt);
  EXPECT_EQ(p.legal_bases[1].text, "Theo đề nghị của Giám đốc Sở Nội vụ");
  const Plan letter = ParseText(
      "QUYẾT ĐỊNH\nVề việc thử\nTheo đề nghị của Sở Xây dựng tại Văn bản số 57/TTr-SXD "
      "ngày 3/4/2025.\nĐiều 1. Giao Sở Tài chính tổ chức.\n");
  ASSERT_EQ(letter.legal_bases.size(), 1u);
  EXPECT_EQ(letter.legal_bases[0].number, "57/TTr-SXD");
  const Plan form = ParseText(
      "QUYẾT ĐỊNH\nVề việc ……\nTheo đề nghị của ……………\nĐiều 1. ……………\n");
  EXPECT_TRUE(form.legal_bases.empty());
}

// What a cited decision amends is its subject; what amends a cited law
// ("được sửa đổi, bổ sung bởi Luật số …") is a basis of its own.
TEST(LegalBases, TheDocumentACitationAmendsIsItsSubject) {
  const Plan p = ParseText(
      "QUYẾT ĐỊNH\nVề việc thử\nCăn cứ Quyết định số 31/QĐ-BKHCN ngày 3/2/2025 của Bộ trưởng "
      "về việc sửa đổi, bổ sung Quyết định số 12/QĐ-BKHCN ngày 1/1/2025 của Bộ trưởng;\n"
      "Căn cứ Luật Đầu tư số 61/2020/QH14 được sửa đổi, bổ sung Luật số 90/2025/QH15;\n"
      "Điều 1. Giao Sở Tài chính tổ chức.\n");
  ASSERT_EQ(p.legal_bases.size(), 3u);
  EXPECT_EQ(p.legal_bases[0].number, "31/QĐ-BKHCN");
  EXPECT_EQ(p.legal_bases[1].number, "61/2020/QH14");
  EXPECT_EQ(p.legal_bases[2].number, "90/2025/QH15");
}

// A Công văn cites what each numbered answer rests on under that answer;
// a plan's "Căn cứ Kế hoạch này, …" in its body cites its own subject.
TEST(LegalBases, ALettersAnswersCiteTheirBasesInTheBody) {
  const char* body =
      "Kính gửi: Sở Tài chính.\n1. Về việc hoàn thuế\n"
      "Căn cứ Điều 40 Thông tư số 80/2021/TT-BTC ngày 29/9/2021 của Bộ Tài chính.\n"
      "Đề nghị Sở Tài chính căn cứ hồ sơ thực tế để xử lý.\n";
  const Plan letter =
      ParseText(std::string("Số: 12/CT-CS\nV/v chính sách thuế\n") + body);
  ASSERT_EQ(letter.legal_bases.size(), 1u);
  EXPECT_EQ(letter.legal_bases[0].number, "80/2021/TT-BTC");
  const Plan plan = ParseText(std::string("KẾ HOẠCH\nVề việc thử\n") + body);
  EXPECT_TRUE(plan.legal_bases.empty());
}

// A Công văn opens with the letters it answers; it rests on what follows.
TEST(LegalBases, ALetterTheDocumentAnswersIsNotABasis) {
  const Plan p = ParseText(
      "Số: 12/CT-CS\nV/v chính sách thuế\nKính gửi: Thuế tỉnh Hòa Bình.\n"
      "Cục Thuế nhận được công văn số 55/HBI-QLDN ngày 4/10/2025 của Thuế tỉnh Hòa Bình "
      "và công văn số 66/HBI-QLDN ngày 5/10/2025. Về vấn đề này, Cục Thuế có ý kiến như sau:\n"
      "Căn cứ Nghị định số 70/2025/NĐ-CP ngày 20/3/2025 của Chính phủ;\n"
      "1. Trường hợp doanh nghiệp lập hóa đơn:\n- Thực hiện theo quy định.\n");
  ASSERT_EQ(p.legal_bases.size(), 1u);
  EXPECT_EQ(p.legal_bases[0].number, "70/2025/NĐ-CP");
}

// "năm" / "2020;": the year alone on its line ends the clause; it is not
// noise, so the next clause keeps its own number.
TEST(LegalBases, AYearWrappedOntoItsOwnLineEndsTheLaw) {
  const Plan p = ParseText(
      "KẾ HOẠCH\nThử\nCăn cứ Luật Bảo vệ môi trường năm\n2020;\n\n"
      "Căn cứ Nghị định số 8/2022/NĐ-CP ngày 10/1/2022 của Chính phủ;\nI. MỤC ĐÍCH\n- a.\n");
  ASSERT_EQ(p.legal_bases.size(), 2u);
  EXPECT_EQ(p.legal_bases[0].type, "Luật");
  EXPECT_FALSE(p.legal_bases[0].number);
  EXPECT_NE(p.legal_bases[0].text.find("2020"), std::string::npos);
  EXPECT_EQ(p.legal_bases[1].number, "8/2022/NĐ-CP");
}

TEST(Contacts, PhonesInTheFormsPlansWriteThem) {
  const Plan p = ParseText(
      "KẾ HOẠCH\nThử\nI. TỔ CHỨC THỰC HIỆN\n- Liên hệ bà Trần Thị Lan, điện thoại số 0916 777 493.\n"
      "- Văn phòng Sở, ĐT: (0203) 3.825.123.\n");
  ASSERT_EQ(p.contacts.size(), 2u);
  EXPECT_EQ(p.contacts[0].phone, "0916 777 493");
  EXPECT_EQ(p.contacts[0].name, "Trần Thị Lan");
  EXPECT_EQ(p.contacts[1].phone, "(0203) 3.825.123");
}

// A scan keeps the printed line breaks: the person named on the line above
// the phone, in the same paragraph; a blank line between names nobody.
TEST(Contacts, PersonNamedOnTheLineAboveThePhone) {
  const Plan p = ParseText(
      "KẾ HOẠCH\nThử\nI. TỔ CHỨC THỰC HIỆN\nMọi thông tin liên hệ với bà Nguyễn Thị Thanh Huyền,\n"
      "chuyên viên Vụ Giáo dục Phổ thông, số điện thoại: 0975498998 để được hướng dẫn.\n\n"
      "Liên hệ ông Lê Văn Nam.\n\nVăn phòng, điện thoại: 0203 825 123.\n");
  ASSERT_EQ(p.contacts.size(), 2u);
  EXPECT_EQ(p.contacts[0].name, "Nguyễn Thị Thanh Huyền");
  EXPECT_EQ(p.contacts[0].phone, "0975498998");
  EXPECT_FALSE(p.contacts[1].name);
}

}  // namespace
}  // namespace vnplan
