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
