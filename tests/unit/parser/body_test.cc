// Body facts in the forms real documents use (issue 12): numbering that
// repeats, tables of tasks, agencies named in the ways plans name them.
#include <gtest/gtest.h>

#include <string>

#include "tests/support/test_support.h"

namespace vnplan {
namespace {

using testing::ParseText;

constexpr const char* kHeader =
    "Số: 12/KH-UBND Hà Nội, ngày 02 tháng 3 năm 2026\nKẾ HOẠCH\nTriển khai công việc\n";

TEST(Body, RepeatedRomanHeadingsAreBoundedAndWrittenInTheContractsLetters) {
  // "II." then "I." over and over: each lower numeral reads as a misread of
  // the next part, so the count climbs, but only so far.
  std::string text = kHeader;
  for (int i = 0; i < 75; ++i) text += "II. NỘI DUNG\n- Việc.\nI. GIẢI PHÁP\n- Việc.\n";
  const Plan p = ParseText(text);
  ASSERT_EQ(p.sections.size(), 150u);
  EXPECT_EQ(p.sections[0].number, "II");
  EXPECT_EQ(p.sections[1].number, "III");
  EXPECT_EQ(p.sections[88].number, "LXXXIX");  // 89: the highest the contract writes
  EXPECT_EQ(p.sections[89].number, "LXXXIX");  // and no further
  EXPECT_EQ(p.sections[149].number, "LXXXIX");
  for (const Section& s : p.sections)
    EXPECT_EQ(s.number.find_first_not_of("IVXL"), std::string::npos) << s.number;
}

TEST(Body, DeadlinesFollowTheAgencyOfTheirOwnSectionWhenNumbersRepeat) {
  // The document repeats "IV." (its own slip): each heading agency stays
  // responsible for the deadline under it, not the one of the same number.
  const Plan p = ParseText(std::string(kHeader) +
                           "IV. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính\n- Báo cáo trước ngày 10/12/2026.\n"
                           "IV. PHÂN CÔNG NHIỆM VỤ\n1. Sở Y tế\n- Hoàn thành trước ngày 20/12/2026.\n");
  ASSERT_EQ(p.deadlines.size(), 2u);
  EXPECT_EQ(p.deadlines[0].date, "2026-12-10");
  ASSERT_EQ(p.deadlines[0].responsible.size(), 1u);
  EXPECT_EQ(p.deadlines[0].responsible[0], "Sở Tài chính");
  ASSERT_EQ(p.deadlines[1].responsible.size(), 1u);
  EXPECT_EQ(p.deadlines[1].responsible[0], "Sở Y tế");
}

}  // namespace
}  // namespace vnplan
