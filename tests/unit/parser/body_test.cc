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

// A table of tasks as the converter flattens it, one cell per line between
// lone "|" lines; a group row merges its cells.
std::string TaskTable() {
  return "|\n**TT**\n|\n**Nội dung**\n|\n**Cơ quan chủ trì**\n|\n**Cơ quan phối hợp**\n|\n"
         "**Thời gian hoàn thành**\n|\n|\n**I**\n|\n**CHUẨN BỊ**\n|\n|\n"
         "1\n|\nLập danh mục\ncác điểm cần sửa chữa\n|\nSở Xây dựng\n|\n"
         "Sở Tài chính, Sở Nội vụ; UBND các xã, phường\n|\nQuý II/2026\n|\n|\n"
         "2\n|\nBáo cáo kết quả\n|\nSở Văn hóa, Thể thao và Du lịch\n|\n** **\n|\n"
         "Trước ngày\n30/11/2026\n|\n|\n"
         "3\n|\nTheo dõi\n|\nSở Y tế\n|\nCác sở, ban, ngành\n|\n2027\n|\n";
}

TEST(Body, TaskTableGivesOneAssignmentPerAgencyAndTheRowsDeadline) {
  const Plan p = ParseText(std::string(kHeader) + "I. NHIỆM VỤ\n- Theo phụ lục.\n" +
                           TaskTable());
  ASSERT_EQ(p.assignments.size(), 7u);
  const Assignment& lead = p.assignments[0];
  EXPECT_EQ(lead.assignee, "Sở Xây dựng");
  EXPECT_EQ(lead.role, AssignmentRole::kLead);
  EXPECT_EQ(lead.section, "I.1");  // row 1 under group I
  ASSERT_EQ(lead.tasks.size(), 1u);
  EXPECT_EQ(lead.tasks[0], "Lập danh mục các điểm cần sửa chữa");
  EXPECT_EQ(lead.line, 28);  // the agency's line
  EXPECT_EQ(p.assignments[1].assignee, "Sở Tài chính");
  EXPECT_EQ(p.assignments[1].role, AssignmentRole::kSupport);
  EXPECT_EQ(p.assignments[2].assignee, "Sở Nội vụ");
  EXPECT_EQ(p.assignments[3].assignee, "UBND các xã, phường");
  // A name with a comma in it stays whole; an empty cell gives no one.
  EXPECT_EQ(p.assignments[4].assignee, "Sở Văn hóa, Thể thao và Du lịch");
  EXPECT_EQ(p.assignments[4].section, "I.2");
  EXPECT_EQ(p.assignments[6].assignee, "Các sở, ban, ngành");
  EXPECT_EQ(p.assignments[6].role, AssignmentRole::kSupport);

  ASSERT_EQ(p.deadlines.size(), 3u);
  EXPECT_EQ(p.deadlines[0].kind, DeadlineKind::kPeriod);
  EXPECT_EQ(p.deadlines[0].start, "2026-04-01");
  EXPECT_EQ(p.deadlines[0].end, "2026-06-30");
  EXPECT_EQ(p.deadlines[0].action, "Lập danh mục các điểm cần sửa chữa");
  ASSERT_EQ(p.deadlines[0].responsible.size(), 1u);
  EXPECT_EQ(p.deadlines[0].responsible[0], "Sở Xây dựng");
  EXPECT_EQ(p.deadlines[1].kind, DeadlineKind::kDue);
  EXPECT_EQ(p.deadlines[1].date, "2026-11-30");
  EXPECT_EQ(p.deadlines[2].kind, DeadlineKind::kPeriod);  // a bare year in a time column
  EXPECT_EQ(p.deadlines[2].start, "2027-01-01");
  EXPECT_EQ(p.deadlines[2].end, "2027-12-31");
}

TEST(Body, TableWithoutLeadColumnOrBrokenRowsGivesNothing) {
  // No "chủ trì" column: a table of figures.
  std::string text = std::string(kHeader) + "I. NỘI DUNG\n- Một.\n" +
                     "|\n**TT**\n|\n**Chỉ tiêu**\n|\n**Năm 2026**\n|\n|\n1\n|\nSở Y tế\n|\n50%\n|\n";
  EXPECT_TRUE(ParseText(text).assignments.empty());
  // A header row alone, then prose: no row is read from the prose.
  text = std::string(kHeader) + "I. NỘI DUNG\n- Một.\n" +
         "|\n**TT**\n|\n**Nội dung**\n|\n**Cơ quan chủ trì**\n|\n|\nSở Y tế xem xét.\n";
  EXPECT_TRUE(ParseText(text).assignments.empty());
  // Rows whose "chủ trì" cells name no agency: the columns do not fit.
  text = std::string(kHeader) + "I. NỘI DUNG\n- Một.\n" +
         "|\n**TT**\n|\n**Nội dung**\n|\n**Cơ quan chủ trì**\n|\n|\n"
         "1\n|\nThu ngân sách\n|\nChi thường xuyên\n|\n|\n"
         "2\n|\nThu khác\n|\nChi đầu tư phát triển\n|\n";
  EXPECT_TRUE(ParseText(text).assignments.empty());
}

TEST(Body, EachBodyNamedAfterPhoiHopVoiSupportsTheLead) {
  const Plan p = ParseText(std::string(kHeader) +
                           "V. TỔ CHỨC THỰC HIỆN\n"
                           "1. Sở Y tế chủ trì, phối hợp với Công an Thành phố, Sở Tài chính và "
                           "các cơ quan, đơn vị liên quan triển khai kế hoạch.\n"
                           "2. Giao Văn phòng Sở phối hợp với Sở Nông nghiệp và Môi trường đôn "
                           "đốc các trường.\n");
  ASSERT_EQ(p.assignments.size(), 5u);
  EXPECT_EQ(p.assignments[0].assignee, "Sở Y tế");
  EXPECT_EQ(p.assignments[0].role, AssignmentRole::kLead);
  EXPECT_EQ(p.assignments[1].assignee, "Công an Thành phố");
  EXPECT_EQ(p.assignments[1].role, AssignmentRole::kSupport);
  EXPECT_EQ(p.assignments[2].assignee, "Sở Tài chính");  // "các cơ quan …" names no one
  EXPECT_EQ(p.assignments[2].role, AssignmentRole::kSupport);
  EXPECT_EQ(p.assignments[3].assignee, "Văn phòng Sở");
  // "và Môi trường" is part of the name, and "đôn đốc" ends it.
  EXPECT_EQ(p.assignments[4].assignee, "Sở Nông nghiệp và Môi trường");
  EXPECT_EQ(p.assignments[4].role, AssignmentRole::kSupport);
  EXPECT_EQ(p.assignments[4].section, "V");
}

TEST(Body, TaskThatStartsWithPhoiHopGivesNoOtherSupport) {
  // Under an agency's heading, "Phối hợp với X" makes the heading's agency
  // the supporter; X is not read as a supporter too.
  const Plan p = ParseText(std::string(kHeader) +
                           "V. TỔ CHỨC THỰC HIỆN\n1. Công an tỉnh\n"
                           "- Phối hợp với Sở Y tế kiểm tra các cơ sở.\n");
  ASSERT_EQ(p.assignments.size(), 1u);
  EXPECT_EQ(p.assignments[0].assignee, "Công an tỉnh");
  EXPECT_EQ(p.assignments[0].role, AssignmentRole::kSupport);
}

TEST(Body, RequestAtASentencesStartAndResponsibilitySectionsAssign) {
  const Plan p = ParseText(std::string(kHeader) +
                           "V. THỜI GIAN VÀ TRÁCH NHIỆM THỰC HIỆN\n1. Trách nhiệm thực hiện\n"
                           "- Đề nghị Ủy ban Mặt trận Tổ quốc tỉnh phát huy vai trò vận động.\n"
                           "- Công an tỉnh chủ trì bảo đảm an ninh trật tự.\n"
                           "2. Khen thưởng\n- Sở Nội vụ đề nghị khen thưởng các tập thể.\n");
  ASSERT_EQ(p.sections.at(0).children.size(), 2u);
  EXPECT_EQ(p.sections[0].children[0].kind, SectionKind::kOrganisation);
  ASSERT_GE(p.assignments.size(), 2u);
  EXPECT_EQ(p.assignments[0].assignee, "Ủy ban Mặt trận Tổ quốc tỉnh");
  EXPECT_EQ(p.assignments[0].role, AssignmentRole::kLead);  // "phát huy" is not "phối hợp"
  EXPECT_EQ(p.assignments[1].assignee, "Công an tỉnh");
  // "đề nghị" inside a sentence proposes: no one is asked.
  for (const Assignment& a : p.assignments) EXPECT_NE(a.assignee.rfind("Khen", 0), 0u);
}

TEST(Body, PercentAfterALeadInMeasuresWhatFollowsIt) {
  const Plan p = ParseText(std::string(kHeader) +
                           "I. MỤC TIÊU\n"
                           "- Phấn đấu đạt tỷ lệ từ 55% trở lên số hộ dân dùng dịch vụ công.\n"
                           "- Phấn đấu đến năm 2027 đạt 100% xã có điểm sinh hoạt.\n"
                           "- Tỷ lệ hồ sơ đúng hạn ≥ 98%.\n");
  ASSERT_EQ(p.targets.size(), 3u);
  EXPECT_EQ(p.targets[0].indicator, "số hộ dân dùng dịch vụ công");
  EXPECT_EQ(p.targets[0].quantity, 55);
  EXPECT_EQ(p.targets[0].comparator, ">=");
  EXPECT_EQ(p.targets[1].indicator, "xã có điểm sinh hoạt");
  EXPECT_EQ(p.targets[2].indicator, "Tỷ lệ hồ sơ đúng hạn");
  EXPECT_EQ(p.targets[2].comparator, ">=");
}

std::vector<Deadline> DeadlinesIn(const std::string& item) {
  return ParseText(std::string(kHeader) + "II. TIẾN ĐỘ\n- " + item + "\n").deadlines;
}

TEST(Body, DeadlinesInTheFormsRealPlansWrite) {
  auto d = DeadlinesIn("Các đơn vị báo cáo trước ngày 20 tháng cuối quý.");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].recurrence, "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=20");
  d = DeadlinesIn("Thời gian thực hiện: giai đoạn 2026–2030.");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].kind, DeadlineKind::kPeriod);
  EXPECT_EQ(d[0].start, "2026-01-01");
  EXPECT_EQ(d[0].end, "2030-12-31");
  d = DeadlinesIn("Định kỳ hằng quý, các xã báo cáo kết quả về Sở.");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].recurrence, "FREQ=MONTHLY;INTERVAL=3");
  // A rhythm with its day is read once, from the day.
  d = DeadlinesIn("Định kỳ hằng năm (trước ngày 15 tháng 12) báo cáo về Sở.");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].recurrence, "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15");
  // Not deadlines: a rhythm that is no report, a period named in passing.
  EXPECT_TRUE(DeadlinesIn("Định kỳ hằng năm, lựa chọn các tập thể để khen thưởng.").empty());
  EXPECT_TRUE(DeadlinesIn("Trong giai đoạn 2026 - 2030, toàn ngành phấn đấu.").empty());
}

// A provincial plan whose tasks sit in an appendix table after the
// signature, in the devset's converter style (written for this test).
TEST(Body, PlanWithItsTasksInAnAppendixTable) {
  const Plan p = ParseText(
      testing::ReadFile(testing::SourcePath("tests/genre/ke-hoach-phu-luc-nhiem-vu.md")));
  ASSERT_EQ(p.sections.size(), 3u);  // the table's group rows are no sections
  ASSERT_EQ(p.targets.size(), 1u);
  EXPECT_EQ(p.targets[0].indicator, "số trường có thư viện số");
  ASSERT_EQ(p.assignments.size(), 10u);
  EXPECT_EQ(p.assignments[1].assignee, "Sở Khoa học và Công nghệ");  // phối hợp với …
  EXPECT_EQ(p.assignments[1].role, AssignmentRole::kSupport);
  EXPECT_EQ(p.assignments[3].assignee, "Ủy ban Mặt trận Tổ quốc tỉnh");  // Đề nghị …
  EXPECT_EQ(p.assignments[3].role, AssignmentRole::kLead);
  EXPECT_EQ(p.assignments[4].assignee, "Sở Giáo dục và Đào tạo");  // table row I.1
  EXPECT_EQ(p.assignments[4].section, "I.1");
  EXPECT_EQ(p.assignments[6].assignee, "Ủy ban nhân dân các xã, phường");
  EXPECT_EQ(p.assignments[6].role, AssignmentRole::kSupport);
  EXPECT_EQ(p.assignments[9].section, "II.1");  // its support cell is empty
  ASSERT_EQ(p.deadlines.size(), 4u);
  EXPECT_EQ(p.deadlines[0].recurrence, "FREQ=MONTHLY;INTERVAL=3");  // định kỳ hằng quý
  EXPECT_EQ(p.deadlines[1].end, "2026-06-30");                     // Quý II/2026
  EXPECT_EQ(p.deadlines[2].kind, DeadlineKind::kDue);
  EXPECT_EQ(p.deadlines[2].date, "2026-09-30");
  EXPECT_EQ(p.deadlines[2].responsible, std::vector<std::string>{"Sở Tài chính"});
  EXPECT_EQ(p.deadlines[3].end, "2026-12-31");  // a bare year in the time column
}

TEST(Body, LawsCitedByNameAndDateAreLegalBases) {
  const Plan p = ParseText(
      "Số: 12/QĐ-UBND Hà Nội, ngày 02 tháng 3 năm 2026\nQUYẾT ĐỊNH\nVề việc ban hành kế hoạch\n"
      "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\n"
      "Căn cứ Nghị định số 12/2026/NĐ-CP ngày 05 tháng 01 năm 2026 của Chính phủ;\n"
      "Theo đề nghị của Giám đốc Sở Nội vụ.\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành kế hoạch.\n");
  ASSERT_EQ(p.legal_bases.size(), 3u);  // the proposal too, with no number
  EXPECT_EQ(p.legal_bases[0].type, "Luật");
  EXPECT_FALSE(p.legal_bases[0].number);  // a law cited without one
  EXPECT_EQ(p.legal_bases[0].date, "2025-06-16");
  EXPECT_EQ(p.legal_bases[0].line, 4);
  EXPECT_EQ(p.legal_bases[1].type, "Nghị định");
  EXPECT_EQ(p.legal_bases[1].number, "12/2026/NĐ-CP");
  EXPECT_FALSE(p.legal_bases[2].number);
}

}  // namespace
}  // namespace vnplan
