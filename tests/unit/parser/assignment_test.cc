// Assignments in the forms real plans, directives and dispatches use, on
// small invented documents.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/support/test_support.h"

namespace vnplan {
namespace {

// A plan whose body is `body` (headings and paragraphs, one per line).
std::vector<Assignment> AssignmentsOf(const std::string& body) {
  return testing::ParseText("Số: 7/KH-UBND Lâm Viên, ngày 02 tháng 3 năm 2026\nKẾ HOẠCH\n"
                            "Phòng chống bão lũ năm 2026\n" + body)
      .assignments;
}

const Assignment* Find(const std::vector<Assignment>& all, const std::string& assignee) {
  for (const Assignment& a : all)
    if (a.assignee == assignee) return &a;
  return nullptr;
}

std::string Names(const std::vector<Assignment>& all) {
  std::string out;
  for (const Assignment& a : all) out += "[" + a.assignee + "] ";
  return out;
}

TEST(Assignments, CapitalisedVerbIsPartOfTheAgencysName) {
  // "Xây dựng" (build) is a verb, but capitalised after "Sở" it is the name.
  const auto a = AssignmentsOf(
      "II. TỔ CHỨC THỰC HIỆN\n"
      "- Sở Xây dựng chủ trì rà soát các tuyến đê.\n"
      "- Giao Bộ Xây dựng hướng dẫn việc gia cố nhà ở.\n"
      "- Sở xây dựng kế hoạch chi tiết trước mùa mưa.\n");
  const Assignment* s = Find(a, "Sở Xây dựng");
  ASSERT_NE(s, nullptr) << Names(a);
  EXPECT_EQ(s->role, AssignmentRole::kLead);
  EXPECT_NE(Find(a, "Bộ Xây dựng"), nullptr) << Names(a);
  // Lower case, "xây dựng" is what the Sở does.
  EXPECT_NE(Find(a, "Sở"), nullptr) << Names(a);
}

// "Các doanh nghiệp …" heads a part of Tổ chức thực hiện as "Các cơ quan"
// does: a body the plan assigns to.
TEST(Assignments, CompaniesAreABodyAPlanAssignsTo) {
  const auto a = AssignmentsOf(
      "II. TỔ CHỨC THỰC HIỆN\n"
      "1. Sở Công Thương\n- Chủ trì theo dõi việc thực hiện.\n"
      "2. Các doanh nghiệp bưu chính\n- Bố trí điểm phục vụ tại các xã.\n");
  const Assignment* c = Find(a, "Các doanh nghiệp bưu chính");
  ASSERT_NE(c, nullptr) << Names(a);
  EXPECT_EQ(c->section, "II.2");
}

TEST(Assignments, HeadingInCapitalsKeepsTheNameAfterItsHead) {
  const auto a = AssignmentsOf(
      "II. TỔ CHỨC THỰC HIỆN\n1. SỞ XÂY DỰNG\n- Kiểm tra an toàn các công trình.\n");
  ASSERT_EQ(a.size(), 1u) << Names(a);
  EXPECT_EQ(a[0].assignee, "SỞ XÂY DỰNG");
  EXPECT_EQ(a[0].section, "II.1");
}

TEST(Assignments, EveryAgencyHeadingUnderTheSectionIncludingTheFirst) {
  const auto a = AssignmentsOf(
      "II. PHÂN CÔNG NHIỆM VỤ\n1. Công an tỉnh\n- Chủ trì bảo đảm an ninh vùng lũ.\n"
      "2. Chi cục Thủy lợi\n- Theo dõi mực nước các hồ chứa.\n"
      "3. Đài Phát thanh và Truyền hình tỉnh\n- Đưa tin về diễn biến của bão.\n");
  EXPECT_EQ(Names(a),
            "[Công an tỉnh] [Chi cục Thủy lợi] [Đài Phát thanh và Truyền hình tỉnh] ");
}

TEST(Assignments, RequestToABodyOutsideTheIssuersCommand) {
  const auto a = AssignmentsOf(
      "II. TỔ CHỨC THỰC HIỆN\n1. Đề nghị Ủy ban Mặt trận Tổ quốc tỉnh\n"
      "- Vận động nhân dân ủng hộ vùng bị thiệt hại.\n"
      "2. Đề nghị Hội Chữ thập đỏ tỉnh: Phối hợp cứu trợ các hộ bị ngập.\n");
  ASSERT_NE(Find(a, "Ủy ban Mặt trận Tổ quốc tỉnh"), nullptr) << Names(a);
  const Assignment* red_cross = Find(a, "Hội Chữ thập đỏ tỉnh");
  ASSERT_NE(red_cross, nullptr) << Names(a);
  EXPECT_EQ(red_cross->role, AssignmentRole::kSupport);
}

TEST(Assignments, AmbiguousHeadNeedsAProperName) {
  // "Báo cáo", "Hội nghị": ordinary words, not the newspaper or the society.
  const auto a = AssignmentsOf(
      "II. TỔ CHỨC THỰC HIỆN\n- Báo cáo kết quả thực hiện về Văn phòng.\n"
      "- Hội nghị sơ kết tổ chức vào cuối năm.\n");
  EXPECT_TRUE(a.empty()) << Names(a);
}

TEST(Assignments, DirectiveNumberedParagraphsAddressedToAgencies) {
  // A Chỉ thị: no "Tổ chức thực hiện", the numbered paragraphs name the agency.
  const auto a = testing::ParseText(
      "Số: 3/CT-UBND Lâm Viên, ngày 02 tháng 3 năm 2026\nCHỈ THỊ\nVề phòng chống bão lũ\n"
      "Để chủ động ứng phó, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:\n"
      "1. Sở Nông nghiệp và Môi trường\na) Theo dõi diễn biến mưa lũ.\n"
      "2. Công an tỉnh\na) Bảo đảm trật tự tại các điểm sơ tán.\n"
      "3. Ủy ban nhân dân các xã, phường:\na) Sơ tán dân khỏi vùng nguy hiểm.\n")
      .assignments;
  EXPECT_EQ(Names(a),
            "[Sở Nông nghiệp và Môi trường] [Công an tỉnh] [Ủy ban nhân dân các xã, phường] ");
}

TEST(Assignments, NumberedParagraphStartingWithTheAgency) {
  // The shape of a Công điện's paragraphs: a name with a colon, or the
  // agency with its task in one sentence.
  const auto a = testing::ParseText(
      "Số: 9/CT-UBND Lâm Viên, ngày 02 tháng 3 năm 2026\nCHỈ THỊ\nVề ứng phó bão số 5\n"
      "Để chủ động ứng phó, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:\n"
      "1. Sở Nông nghiệp và Môi trường\na) Theo dõi diễn biến mưa lũ.\n"
      "2. Sở Xây dựng chỉ đạo bảo đảm giao thông trên các tuyến chính.\n"
      "3. Chủ tịch Ủy ban nhân dân các huyện ven biển:\na) Cấm tàu thuyền ra khơi.\n")
      .assignments;
  const Assignment* building = Find(a, "Sở Xây dựng");
  ASSERT_NE(building, nullptr) << Names(a);
  EXPECT_EQ(building->section, "2");
  const Assignment* chair = Find(a, "Chủ tịch Ủy ban nhân dân các huyện ven biển");
  ASSERT_NE(chair, nullptr) << Names(a);
  // The heading only names; its task is the item under it.
  EXPECT_EQ(chair->tasks, std::vector<std::string>{"Cấm tàu thuyền ra khơi."});
}

// An untitled article whose subject is an agency assigns to it, as a
// numbered paragraph of a directive does: "Điều 2. Trung tâm … chủ trì …";
// the closing article's list of who executes the decision does not.
TEST(Assignments, AnUntitledArticleStartingWithTheAgency) {
  const auto a = testing::ParseText(
      "QUYẾT ĐỊNH\nPhê duyệt phương án tái cấu trúc quy trình\nQUYẾT ĐỊNH:\n"
      "**Điều 1. **Phê duyệt phương án tái cấu trúc quy trình kèm theo Quyết định này.\n"
      "**Điều 2. **Trung tâm Phục vụ hành chính công tỉnh chủ trì bảo đảm các điều kiện kỹ "
      "thuật của hệ thống thông tin giải quyết thủ tục hành chính.\n"
      "**Điều 3. **Quyết định này có hiệu lực kể từ ngày ký.\n"
      "**Điều 4. **Sở Tài chính, Sở Nội vụ và các cơ quan có liên quan chịu trách nhiệm thi "
      "hành Quyết định này.\n")
      .assignments;
  const Assignment* centre = Find(a, "Trung tâm Phục vụ hành chính công tỉnh");
  ASSERT_NE(centre, nullptr) << Names(a);
  EXPECT_EQ(centre->role, AssignmentRole::kLead);
  EXPECT_EQ(centre->section, "2");
  // "Quyết định này …" names nobody; who executes the decision has no task.
  EXPECT_EQ(a.size(), 1u) << Names(a);
}

TEST(Assignments, AgencyHeadingOutsideTasksOnlySaysWhomAStepConcerns) {
  const auto a = AssignmentsOf("II. LỘ TRÌNH THỰC HIỆN\n1. Chỉ đạo điểm\na) Các trường học:\n"
                               "- Chọn một lớp làm điểm.\n");
  EXPECT_TRUE(a.empty()) << Names(a);
}

TEST(Assignments, AgencyNamedByItsProperNameAssignsInAnySection) {
  const auto a = AssignmentsOf("II. NỘI DUNG THỰC HIỆN\n1. Sở Tài chính\n- Bố trí kinh phí.\n"
                               "2. Đối với Phòng Giáo dục huyện\n- Chọn một trường làm điểm.\n");
  EXPECT_EQ(Names(a), "[Sở Tài chính] ");
}

TEST(Assignments, LabelledLeadAndSupportingBodies) {
  const auto a = AssignmentsOf(
      "II. NHIỆM VỤ\n1. Gia cố đê biển\n- Cơ quan chủ trì: Sở Nông nghiệp và Môi trường.\n"
      "- Cơ quan phối hợp: các sở, ngành và Ủy ban nhân dân các xã ven biển.\n");
  ASSERT_EQ(a.size(), 2u) << Names(a);
  EXPECT_EQ(a[0].assignee, "Sở Nông nghiệp và Môi trường");
  EXPECT_EQ(a[0].role, AssignmentRole::kLead);
  EXPECT_EQ(a[0].tasks, std::vector<std::string>{"Gia cố đê biển"});
  EXPECT_EQ(a[0].section, "II.1");
  EXPECT_EQ(a[1].role, AssignmentRole::kSupport);
  EXPECT_EQ(a[1].assignee, "Các sở, ngành và Ủy ban nhân dân các xã ven biển");
}

// In a content section a sentence whose subject is a named body says
// what it will do ("sẽ" stays out of the name); what one did, a name
// running on into its verb's object, or a list of who is concerned does
// not assign; background sections are not read this way.
TEST(Assignments, ANamedBodyStartingASentenceOfAContentSection) {
  const auto a = AssignmentsOf(
      "I. KẾT QUẢ NĂM 2025\nSở Y tế tổ chức 20 lớp tập huấn.\n"
      "II. NỘI DUNG THỰC HIỆN\n1. Tập huấn\nSở Y tế sẽ tổ chức tập huấn cho cán bộ xã. "
      "Sở Giáo dục và Đào tạo phối hợp lồng ghép nội dung vào giờ học.\n"
      "2. Kiểm tra\nSở Tài chính đã bố trí kinh phí.\n"
      "Sở Xây dựng đẩy nhanh tiến độ phê duyệt Báo cáo kỹ thuật.\n"
      "Ban chỉ đạo, Tổ công tác, chỉ đạo thống nhất.\n");
  EXPECT_EQ(Names(a), "[Sở Y tế] [Sở Giáo dục và Đào tạo] ");
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].role, AssignmentRole::kLead);
  EXPECT_EQ(a[0].section, "II.1");
  EXPECT_EQ(a[0].tasks, std::vector<std::string>{"Sở Y tế sẽ tổ chức tập huấn cho cán bộ xã"});
  EXPECT_EQ(a[1].role, AssignmentRole::kSupport);
}

// How the work is done ("Hình thức", "Phương thức") is a content
// section; "Tình hình thực hiện" (what was done) is not, though its words
// hold "hình thực".
TEST(Assignments, AFormOrMethodSectionIsContent) {
  const auto a = AssignmentsOf(
      "I. TÌNH HÌNH THỰC HIỆN NĂM 2025\nSở Y tế tổ chức 20 lớp tập huấn.\n"
      "II. HÌNH THỨC\n- Sở Giáo dục và Đào tạo sẽ tổ chức các đoàn kiểm tra tại trường.\n"
      "III. PHƯƠNG THỨC TỔ CHỨC\nSở Tài chính bố trí kinh phí cho các đoàn.\n");
  EXPECT_EQ(Names(a), "[Sở Giáo dục và Đào tạo] [Sở Tài chính] ");
}

// The name ends at the manner it is told to act in ("nghiêm túc", "tích
// cực") and at verbs of the genre ("hoàn thành", "rà soát", "tuyên truyền"),
// not at a later verb with the task in it.
TEST(Assignments, ANameEndsAtTheMannerOrTheGenresCommonVerbs) {
  const auto a = AssignmentsOf(
      "IV. TỔ CHỨC THỰC HIỆN\n1. Các Sở, ngành nghiêm túc triển khai kế hoạch này.\n"
      "2. Các phòng chuyên môn hoàn thành việc rà soát hồ sơ và gửi báo cáo về Sở.\n"
      "3. Sở Văn hóa và Thể thao tích cực tuyên truyền trên báo, đài.\n"
      "4. Sở Tư pháp rà soát văn bản quy phạm pháp luật.\n");
  EXPECT_EQ(Names(a), "[Các Sở, ngành] [Các phòng chuyên môn] [Sở Văn hóa và Thể thao] [Sở Tư pháp] ");
}

}  // namespace
}  // namespace vnplan
