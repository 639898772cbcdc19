// Plans in styles the seed corpus does not have (a district UBND plan, a
// school plan with "1/" and "a." markers), written for these tests. They
// guard against building for five files instead of for the genre.
#include <gtest/gtest.h>

#include "tests/support/test_support.h"

namespace vnplan {
namespace {

Plan Load(const std::string& name) {
  return testing::ParseText(testing::ReadFile(testing::SourcePath("tests/data/" + name)));
}

TEST(Genre, DistrictPeoplesCommitteePlan) {
  const Plan p = Load("ubnd-huyen.txt");
  EXPECT_EQ(p.header.issuer.name, "Ủy ban nhân dân huyện Đông Anh");
  EXPECT_FALSE(p.header.issuer.parent);
  EXPECT_EQ(p.header.number, "215");
  EXPECT_EQ(p.header.symbol, "KH-UBND");
  EXPECT_EQ(p.header.place, "Đông Anh");
  EXPECT_EQ(p.header.date, "2024-01-05");
  ASSERT_TRUE(p.header.period);
  EXPECT_EQ(p.header.period->from, 2024);
  EXPECT_EQ(p.header.period->to, 2024);
  ASSERT_TRUE(p.header.signer);
  EXPECT_EQ(p.header.signer->on_behalf, "TM. Ủy ban nhân dân, KT. Chủ tịch");
  EXPECT_EQ(p.header.signer->position, "Phó Chủ tịch");
  EXPECT_EQ(p.header.signer->name, "Nguyễn Văn An");
  ASSERT_EQ(p.legal_bases.size(), 2u);
  EXPECT_EQ(p.legal_bases[0].type, "Luật");
  EXPECT_EQ(p.legal_bases[0].number, "43/2019/QH14");
  EXPECT_EQ(p.legal_bases[1].issuer, "Thủ tướng Chính phủ");
  ASSERT_EQ(p.sections.size(), 4u);
  EXPECT_EQ(p.sections[2].kind, SectionKind::kFunding);
  EXPECT_EQ(p.goals.size(), 3u);
  ASSERT_EQ(p.targets.size(), 2u);
  EXPECT_EQ(p.targets[0].unit, "%");
  EXPECT_EQ(p.targets[1].quantity, 5);
  ASSERT_EQ(p.deadlines.size(), 2u);
  EXPECT_EQ(p.deadlines[0].kind, DeadlineKind::kEvent);
  EXPECT_EQ(p.deadlines[0].date, "2024-11-20");
  EXPECT_EQ(p.deadlines[1].date, "2024-12-15");
  EXPECT_EQ(p.deadlines[1].responsible, std::vector<std::string>{"Phòng Giáo dục và Đào tạo"});
  ASSERT_EQ(p.assignments.size(), 3u);
  EXPECT_EQ(p.assignments[2].assignee, "UBND các xã, thị trấn");
  EXPECT_EQ(p.assignments[2].role, AssignmentRole::kSupport);
}

TEST(Genre, SchoolPlanWithSlashAndDotMarkers) {
  const Plan p = Load("truong-thcs.txt");
  EXPECT_EQ(p.header.issuer.name, "Trường THCS Nghĩa Tân");
  EXPECT_EQ(p.header.issuer.parent, "Phòng GD&ĐT quận Cầu Giấy");
  EXPECT_EQ(p.header.symbol, "KH-THCSNT");
  ASSERT_TRUE(p.header.signer);
  EXPECT_EQ(p.header.signer->position, "Hiệu trưởng");
  ASSERT_EQ(p.sections.size(), 3u);
  EXPECT_EQ(p.sections[0].number, "1");
  EXPECT_EQ(p.sections[0].kind, SectionKind::kPurposeRequirements);
  EXPECT_EQ(p.sections[1].kind, SectionKind::kSchedule);
  EXPECT_EQ(p.goals.size(), 2u);
  ASSERT_EQ(p.targets.size(), 1u);
  EXPECT_EQ(p.targets[0].quantity, 10);
  EXPECT_EQ(p.targets[0].unit, "học sinh");
  ASSERT_EQ(p.deadlines.size(), 3u);
  EXPECT_EQ(p.deadlines[0].kind, DeadlineKind::kWindow);
  EXPECT_EQ(p.deadlines[0].start, "2024-09-01");
  EXPECT_EQ(p.deadlines[0].end, "2025-03-31");
  EXPECT_EQ(p.deadlines[1].kind, DeadlineKind::kPeriod);  // "tháng 10/2024"
  EXPECT_EQ(p.deadlines[1].end, "2024-10-31");
  EXPECT_EQ(p.deadlines[2].kind, DeadlineKind::kDue);      // "chậm nhất ngày 15/9/2024"
  EXPECT_EQ(p.deadlines[2].date, "2024-09-15");
  ASSERT_EQ(p.assignments.size(), 1u);
  EXPECT_EQ(p.assignments[0].assignee, "Tổ chuyên môn");
}

// A provincial council's resolution as a web library's converter writes it
// (written for this test): masthead flattened to "|" cells, emphasis cut
// across lines, articles in three forms ("**Điều 1. Title**", "**Điều" /
// "2. Title**", "**Điều ****3****. Title**", "**Điều 4. **Nghị" / "quyết …").
TEST(Genre, ResolutionWithArticles) {
  // Outside tests/data, whose two plans the batch tests count.
  const Plan p = testing::ParseText(
      testing::ReadFile(testing::SourcePath("tests/genre/nghi-quyet-hdnd.md")));
  EXPECT_EQ(p.header.type, "Nghị quyết");
  EXPECT_EQ(p.header.number, "07");
  // Two "Căn cứ" and the proposal ("Xét Tờ trình"); the articles are not its preamble.
  ASSERT_EQ(p.legal_bases.size(), 3u);
  EXPECT_EQ(p.legal_bases[2].number, "15/TTr-UBND");
  ASSERT_EQ(p.sections.size(), 4u);
  const std::vector<std::string> titles = {"Phạm vi điều chỉnh, đối tượng áp dụng",
                                           "Mức hỗ trợ", "Tổ chức thực hiện"};
  for (size_t i = 0; i < titles.size(); ++i) {
    EXPECT_EQ(p.sections[i].number, std::to_string(i + 1));
    EXPECT_EQ(p.sections[i].title, titles[i]);
  }
  EXPECT_EQ(p.sections[0].children.size(), 2u);  // "1. Phạm vi điều chỉnh", "2. Đối tượng …"
  EXPECT_EQ(p.sections[0].children[1].number, "1.2");
  EXPECT_EQ(p.sections[1].line, 32);
  EXPECT_EQ(p.sections[1].items.size(), 2u);
  EXPECT_EQ(p.sections[2].kind, SectionKind::kOrganisation);
  EXPECT_EQ(p.sections[3].number, "4");
  EXPECT_EQ(p.sections[3].title.rfind("Nghị quyết này có hiệu lực", 0), 0u);
  // The articles' text is read: who does what, and by when.
  ASSERT_FALSE(p.assignments.empty());
  EXPECT_EQ(p.assignments[0].assignee, "Ủy ban nhân dân tỉnh");
  EXPECT_EQ(p.assignments[0].section, "3");
  bool yearly = false;
  for (const Deadline& d : p.deadlines)
    yearly |= d.section == "3" && d.recurrence == "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15";
  EXPECT_TRUE(yearly);
}

}  // namespace
}  // namespace vnplan
