// The section tree: markers, nesting, numbering, kinds, items and lines.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/support/test_support.h"

namespace vnplan {
namespace {

using testing::ParseText;

TEST(Outline, NestsRomanArabicDottedAndLetterHeadings) {
  const Plan p = ParseText(
      "KẾ HOẠCH\nX\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n- Một.\n2. Yêu cầu\n- Hai.\n"
      "IV. TIÊU CHUẨN\n2. Tiêu chuẩn cụ thể\n2.1. Tiêu chuẩn chung\n- Ba.\n"
      "a) Đối với tập thể\n- Bốn.\n");
  ASSERT_EQ(p.sections.size(), 2u);
  EXPECT_EQ(p.sections[0].kind, SectionKind::kPurposeRequirements);
  ASSERT_EQ(p.sections[0].children.size(), 2u);
  EXPECT_EQ(p.sections[0].children[0].number, "I.1");
  EXPECT_EQ(p.sections[0].children[0].kind, SectionKind::kPurpose);
  EXPECT_EQ(p.sections[0].children[1].kind, SectionKind::kRequirements);
  const Section& dotted = p.sections[1].children.at(0).children.at(0);
  EXPECT_EQ(dotted.number, "IV.2.1");
  EXPECT_EQ(dotted.children.at(0).number, "IV.2.1.a");
  EXPECT_EQ(dotted.children.at(0).kind, SectionKind::kCriteria);  // inherited
  EXPECT_EQ(dotted.children.at(0).line, 12);
  EXPECT_EQ(p.goals.size(), 1u);
  EXPECT_EQ(p.requirements.size(), 1u);
  ASSERT_EQ(p.criteria.size(), 2u);
  EXPECT_EQ(p.criteria[0].applies_to, "chung");
  EXPECT_EQ(p.criteria[1].applies_to, "tập thể");
  EXPECT_EQ(p.criteria[1].section, "IV.2.1.a");
}

TEST(Outline, ReadsOcrNumeralsAndUnaccentedHeadings) {
  const Plan p = ParseText(
      "KE HOACH\nX\n. MUC PICH, YEU CAU\n- Mot.\nI1. NOI DUNG CONG TAC\nTUYEN TRUYEN\n- Hai.\n"
      "I1I. CAC GIAI PHAP:\n- Ba.\nIV. POI TUQNG\n- Bon.\n");
  ASSERT_EQ(p.sections.size(), 4u);
  EXPECT_EQ(p.sections[0].number, "I");
  EXPECT_EQ(p.sections[0].kind, SectionKind::kPurposeRequirements);
  EXPECT_EQ(p.sections[1].number, "II");
  EXPECT_EQ(p.sections[1].title, "NOI DUNG CONG TAC TUYEN TRUYEN");
  EXPECT_EQ(p.sections[1].kind, SectionKind::kContent);
  EXPECT_EQ(p.sections[2].number, "III");
  EXPECT_EQ(p.sections[2].kind, SectionKind::kTasks);
  EXPECT_EQ(p.sections[3].kind, SectionKind::kSubjects);
}

TEST(Outline, LongNumberedSentencesAreItemsAndWrappedLinesJoin) {
  const Plan p = ParseText(
      "KẾ HOẠCH\nX\nII. NỘI DUNG\n"
      "1. Các cơ sở giáo dục thường xuyên quan tâm đến việc phát hiện, xây dựng điển hình\n"
      "tiên tiến; tạo điều kiện về tinh thần, vật chất cho các điển hình phát huy vai trò.\n"
      "2. Xây dựng các tiêu chí điển hình tiên tiến của tập thể, cá nhân phù hợp với đặc\n\n"
      "điểm, nhiệm vụ của cơ quan, đơn vị trong từng năm học và từng giai đoạn cụ thể.\n");
  ASSERT_EQ(p.sections.size(), 1u);
  EXPECT_TRUE(p.sections[0].children.empty());
  ASSERT_EQ(p.sections[0].items.size(), 2u);
  EXPECT_EQ(p.sections[0].items[1].line, 6);
  EXPECT_NE(p.sections[0].items[1].text.find("đặc điểm"), std::string::npos);
}

// A Công điện numbers its directives 1., 2., 3. with no part above them: a
// directive written as a sentence is a part of its own, named by its
// opening words, and its agency is assigned.
TEST(Outline, TopLevelNumberedSentencesAfterAHeadingAreParts) {
  const Plan p = ParseText(
      "CÔNG ĐIỆN\nVề việc thử\nThủ tướng Chính phủ yêu cầu:\n"
      "1. Chủ tịch Ủy ban nhân dân các tỉnh chỉ đạo rà soát các nội dung sau:\n"
      "a) Số hộ dân có nhà bị sập.\n"
      "2. Bộ trưởng Bộ Tài chính tổng hợp, đề xuất sử dụng nguồn lực từ ngân sách trung ương "
      "để hỗ trợ các tỉnh sửa chữa, xây dựng lại nhà ở cho người dân trước Tết.\n"
      "3. Bộ trưởng Bộ Quốc phòng chỉ đạo lực lượng quân đội hỗ trợ người dân theo đề nghị "
      "của địa phương trong thời gian sớm nhất có thể.\n");
  ASSERT_EQ(p.sections.size(), 3u);
  EXPECT_EQ(p.sections[1].number, "2");
  EXPECT_EQ(p.sections[1].title, "Bộ trưởng Bộ Tài chính tổng hợp");
  ASSERT_EQ(p.sections[1].items.size(), 1u);
  EXPECT_EQ(p.sections[1].items[0].line, 6);
  EXPECT_EQ(p.sections[2].number, "3");
  bool finance = false;
  for (const Assignment& a : p.assignments) finance |= a.assignee == "Bộ trưởng Bộ Tài chính";
  EXPECT_TRUE(finance);
}

// A directive whose every part is a sentence (none reads as a title) still
// has a body: it opens at "1.", not after the text as a preamble would, so
// its parts are sections, their agencies assigned, and what they cite
// ("theo Nghị quyết số …") is no legal basis.
TEST(Outline, ABodyOfNumberedSentencesOpensAtTheFirst) {
  const Plan p = ParseText(
      "CÔNG ĐIỆN\nVề việc thử\nThủ tướng Chính phủ yêu cầu:\n"
      "1. Chủ tịch Ủy ban nhân dân các tỉnh theo dõi sát diễn biến của mưa lớn, tổ chức "
      "khắc phục hậu quả theo Nghị quyết số 12/NQ-CP ngày 02 tháng 3 năm 2025 của Chính phủ, "
      "bảo đảm an toàn cho người dân ở vùng trũng thấp và ven sông suối.\n"
      "2. Bộ trưởng Bộ Quốc phòng chỉ đạo lực lượng quân đội hỗ trợ người dân theo đề nghị "
      "của địa phương trong thời gian sớm nhất có thể.\n");
  ASSERT_EQ(p.sections.size(), 2u);
  EXPECT_EQ(p.sections[0].number, "1");
  EXPECT_EQ(p.sections[0].title.rfind("Chủ tịch Ủy ban nhân dân các tỉnh", 0), 0u);
  EXPECT_EQ(p.sections[1].number, "2");
  EXPECT_TRUE(p.legal_bases.empty());
  bool defence = false;
  for (const Assignment& a : p.assignments) defence |= a.assignee == "Bộ trưởng Bộ Quốc phòng";
  EXPECT_TRUE(defence);
}

// A document that repeats a numeral keeps it: facts and readers cite "mục
// IV" as printed. The numbers after it are the document's too; only a
// numeral OCR lost or misread below the last one takes the next number.
TEST(Outline, RepeatedRomanNumeralKeepsTheDocumentsNumber) {
  const Plan p = ParseText("KẾ HOẠCH\nX\nIII. NỘI DUNG\n- a.\nIV. LỘ TRÌNH\n- b.\n"
                           "IV. TỔ CHỨC THỰC HIỆN\n1. Văn phòng\n- c.\nV. KINH PHÍ\n- d.\n"
                           ". CHẾ ĐỘ BÁO CÁO\n- e.\nI. KHEN THƯỞNG\n- f.\n");
  ASSERT_EQ(p.sections.size(), 6u);
  EXPECT_EQ(p.sections[1].number, "IV");
  EXPECT_EQ(p.sections[2].number, "IV");
  EXPECT_EQ(p.sections[2].line, 7);  // what tells the two apart
  EXPECT_EQ(p.sections[2].kind, SectionKind::kOrganisation);
  EXPECT_EQ(p.sections[2].children.at(0).number, "IV.1");
  EXPECT_EQ(p.sections[3].number, "V");
  EXPECT_EQ(p.sections[3].kind, SectionKind::kFunding);
  EXPECT_EQ(p.sections[4].number, "VI");
  EXPECT_EQ(p.sections[5].number, "VII");  // "I." after "VI." is a misread
}

// A decision's articles as a converter writes them: the bold ends at the
// number and the text runs on ("**Điều 1. **Ban" / "hành …"), or the whole
// title is bold ("**Điều 3. Hiệu lực thi hành**"), or the number wraps
// ("**Điều" / "4. Tổ chức thực hiện**").
TEST(Outline, ArticlesAreTopLevelSectionsWithTheirTitles) {
  const Plan p = ParseText(
      "QUYẾT ĐỊNH\nVề việc ban hành Quy chế làm việc\n"
      "*Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;*\n**QUYẾT ĐỊNH:**\n"
      "**Điều 1. **Ban\nhành kèm theo Quyết định này Quy chế làm việc của Ban Chỉ đạo, thay thế "
      "Quyết định số 12/QĐ-UBND.\n"
      "**Điều 2.** Giao Sở Nội vụ chủ trì, phối hợp với các cơ quan theo dõi việc thực hiện.\n"
      "**Điều 3. Hiệu lực thi hành**\n"
      "1. Quyết định này có hiệu lực thi hành kể từ ngày ký.\n"
      "2. Bãi bỏ các quy định trước đây trái với Quyết định này.\n"
      "**Điều\n4. Tổ chức thực hiện**\n"
      "Chánh Văn phòng, Giám đốc các sở chịu trách nhiệm thi hành Quyết định này./.\n");
  ASSERT_EQ(p.sections.size(), 4u);
  EXPECT_EQ(p.sections[0].number, "1");
  EXPECT_EQ(p.sections[0].title, "Ban hành kèm theo Quyết định này Quy chế làm việc của");
  EXPECT_EQ(p.sections[0].line, 5);
  ASSERT_EQ(p.sections[0].items.size(), 1u);  // the article's text, where finders read it
  EXPECT_NE(p.sections[0].items[0].text.find("thay thế"), std::string::npos);
  EXPECT_EQ(p.sections[1].title, "Giao Sở Nội vụ chủ trì");
  EXPECT_EQ(p.sections[2].title, "Hiệu lực thi hành");
  EXPECT_EQ(p.sections[2].items.size(), 2u);  // its clauses, not top-level sections
  EXPECT_TRUE(p.sections[2].children.empty());
  EXPECT_EQ(p.sections[3].number, "4");
  EXPECT_EQ(p.sections[3].title, "Tổ chức thực hiện");
  EXPECT_EQ(p.sections[3].kind, SectionKind::kOrganisation);
  // The preamble ends at the first article: the reference inside Điều 1 is
  // not a legal basis.
  ASSERT_EQ(p.legal_bases.size(), 1u);
  EXPECT_EQ(p.legal_bases[0].number, "72/2025/QH15");
  ASSERT_FALSE(p.assignments.empty());
  EXPECT_EQ(p.assignments[0].assignee, "Sở Nội vụ");
  EXPECT_EQ(p.assignments[0].section, "2");
}

// Clauses and points nest under their article, numbered as one cites them
// ("khoản 2 Điều 5" is "5.2"); a chapter holds its articles.
TEST(Outline, ChaptersHoldArticlesAndArticlesHoldClauses) {
  const Plan p = ParseText(
      "THÔNG TƯ\nQuy định hoạt động của Tổ công tác\n*Căn cứ Luật số 72/2025/QH15;*\n"
      "**Chương I**\n**QUY ĐỊNH CHUNG**\n"
      "**Điều 1. Phạm vi điều chỉnh**\nQuy chế này quy định việc tổ chức hoạt động.\n"
      "**Chương II**\n**NHIỆM VỤ CỤ THỂ**\n"
      "**Điều 2. Nhiệm vụ của Tổ công tác**\n1. Nhiệm vụ chung\n- Theo dõi, tổng hợp.\n"
      "2. Nhiệm vụ cụ thể\na) Xây dựng kế hoạch năm\n- Trình trước ngày 15 tháng 12.\n"
      "**Điều 3. Mục tiêu**\nBảo đảm hoạt động thông suốt.\n");
  ASSERT_EQ(p.sections.size(), 2u);
  EXPECT_EQ(p.sections[0].number, "I");
  EXPECT_EQ(p.sections[0].title, "QUY ĐỊNH CHUNG");
  ASSERT_EQ(p.sections[0].children.size(), 1u);
  EXPECT_EQ(p.sections[0].children[0].number, "I.1");
  EXPECT_EQ(p.sections[0].children[0].title, "Phạm vi điều chỉnh");
  const Section& chapter = p.sections[1];
  EXPECT_EQ(chapter.number, "II");
  EXPECT_EQ(chapter.line, 8);
  ASSERT_EQ(chapter.children.size(), 2u);
  const Section& article = chapter.children[0];
  EXPECT_EQ(article.number, "II.2");
  EXPECT_EQ(article.kind, SectionKind::kTasks);
  ASSERT_EQ(article.children.size(), 2u);
  EXPECT_EQ(article.children[1].number, "II.2.2");
  EXPECT_EQ(article.children[1].children.at(0).number, "II.2.2.a");
  EXPECT_EQ(chapter.children[1].kind, SectionKind::kPurpose);
  ASSERT_EQ(p.goals.size(), 1u);
  EXPECT_EQ(p.goals[0].section, "II.3");
}

// An article's title states its subject first: a kind word deep inside it
// ("… tiêu chuẩn, định mức …" in an article on who decides) names no kind.
TEST(Outline, ArticleKindsComeFromTheStartOfTheirTitles) {
  const Plan p = ParseText(
      "QUYẾT ĐỊNH\nBan hành Quy định về tài sản công\n*Căn cứ Luật số 15/2017/QH14;*\n"
      "**Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng**\nQuy định này áp dụng cho các sở.\n"
      "**Điều 2. Thẩm quyền quyết định bổ sung tiêu chuẩn, định mức sử dụng máy móc**\n"
      "1. Giám đốc Sở Tài chính quyết định đối với các trường hợp sau đây:\n"
      "a) Máy móc chuyên dùng có giá dưới 500 triệu đồng.\n"
      "**Điều 3. Tiêu chuẩn xét tặng danh hiệu**\n- Hoàn thành xuất sắc nhiệm vụ.\n"
      "**Điều 4. Nguồn kinh phí thực hiện**\nNgân sách tỉnh bảo đảm.\n");
  ASSERT_EQ(p.sections.size(), 4u);
  EXPECT_EQ(p.sections[0].kind, SectionKind::kSubjects);
  EXPECT_EQ(p.sections[1].kind, SectionKind::kOther);
  EXPECT_EQ(p.sections[2].kind, SectionKind::kCriteria);
  EXPECT_EQ(p.sections[3].kind, SectionKind::kFunding);
  ASSERT_EQ(p.criteria.size(), 1u);
  EXPECT_EQ(p.criteria[0].section, "3");
}

// "Điều 5 Nghị định số …" wrapped onto the start of a line is a citation,
// "Điều tra" is a survey, "Chương trình" a programme: none is a heading.
TEST(Outline, CitationsAndLookalikesAreNotArticlesOrChapters) {
  const Plan p = ParseText(
      "KẾ HOẠCH\nX\nI. NỘI DUNG\n- Thực hiện chế độ báo cáo theo quy định tại\n"
      "Điều 5 Nghị định số 12/2025/NĐ-CP của Chính phủ.\n"
      "- Tổ chức khảo sát, đánh giá kết quả.\nĐiều tra, thống kê số hộ theo quý.\n"
      "Chương trình giáo dục được rà soát hằng năm.\n");
  ASSERT_EQ(p.sections.size(), 1u);
  EXPECT_TRUE(p.sections[0].children.empty());
  EXPECT_EQ(p.sections[0].items.size(), 4u);
}

// A decision that approves a plan in its own text: the plan's parts are
// top-level sections next to the articles.
TEST(Outline, RomanPartsInsideAnArticleStandBesideTheArticles) {
  const Plan p = ParseText(
      "QUYẾT ĐỊNH\nPhê duyệt Đề án X\n**QUYẾT ĐỊNH:**\n"
      "**Điều 1.** Phê duyệt Đề án X với các nội dung sau:\n"
      "**I. MỤC TIÊU**\n- Hoàn thành trong năm.\n**II. TỔ CHỨC THỰC HIỆN**\n"
      "1. Sở Tài chính\n- Bố trí kinh phí.\n"
      "**Điều 2.** Quyết định này có hiệu lực kể từ ngày ký.\n");
  ASSERT_EQ(p.sections.size(), 4u);
  EXPECT_EQ(p.sections[0].number, "1");
  EXPECT_EQ(p.sections[1].number, "I");
  EXPECT_EQ(p.sections[2].number, "II");
  EXPECT_EQ(p.sections[2].children.at(0).number, "II.1");
  EXPECT_EQ(p.sections[3].number, "2");
  EXPECT_EQ(p.sections[3].kind, SectionKind::kOther);  // opening words, not a title
}

TEST(Outline, TextWithoutHeadingsGivesEmptyLists) {
  const Plan p = ParseText("Một đoạn văn bản bình thường không có đề mục nào.\nDòng thứ hai.\n");
  EXPECT_TRUE(p.sections.empty());
  EXPECT_TRUE(p.goals.empty());
  EXPECT_TRUE(p.deadlines.empty());
  EXPECT_FALSE(p.header.number);
}

TEST(Assignments, SectionAgenciesSubjectsAndGiao) {
  const Plan p = ParseText(
      "KẾ HOẠCH\nX\nII. NỘI DUNG\n+ Mô hình A: Giao Phòng Giáo dục Trung học phối hợp với các "
      "đơn vị chỉ đạo thực hiện.\nV. TỔ CHỨC THỰC HIỆN\n1. Văn phòng Sở\n- Chủ trì, phối hợp với "
      "các phòng.\n2. Công đoàn Giáo dục tỉnh\nPhối hợp với các cơ quan tuyên truyền.\n"
      "3. Thủ trưởng các đơn vị có trách nhiệm tổ chức triển khai Kế hoạch này đến từng cán bộ, "
      "giáo viên và báo cáo kết quả về Sở theo quy định hiện hành của ngành.\n"
      "- Đề nghị Công đoàn các cấp và các tổ chức đoàn thể vận động đoàn viên.\n");
  ASSERT_EQ(p.assignments.size(), 4u);
  EXPECT_EQ(p.assignments[0].assignee, "Phòng Giáo dục Trung học");
  EXPECT_EQ(p.assignments[0].role, AssignmentRole::kLead);
  EXPECT_EQ(p.assignments[1].assignee, "Văn phòng Sở");
  EXPECT_EQ(p.assignments[1].section, "V.1");
  EXPECT_EQ(p.assignments[2].assignee, "Công đoàn Giáo dục tỉnh");
  EXPECT_EQ(p.assignments[2].role, AssignmentRole::kSupport);
  EXPECT_EQ(p.assignments[3].assignee, "Thủ trưởng các đơn vị");
  ASSERT_EQ(p.assignments[3].tasks.size(), 2u);  // the bullet joins item 3's section
}

// Each name table holds exactly the schema's names, in its order, and reads
// back to the value it was written from; other names are refused.
TEST(KindNames, TablesHoldTheSchemasNamesBothWays) {
  const auto schema = nlohmann::json::parse(
      testing::ReadFile(testing::SourcePath("schema/plan.schema.json")));
  auto check = [](const nlohmann::json& names, auto name_of, auto parse) {
    std::vector<std::string> written;
    for (int i = 0; i < static_cast<int>(names.size()) + 1; ++i) {
      using Enum = decltype(*parse(""));
      const std::string_view name = name_of(static_cast<std::remove_cvref_t<Enum>>(i));
      if (name.empty()) break;
      written.emplace_back(name);
      ASSERT_TRUE(parse(name).has_value()) << name;
      EXPECT_EQ(name_of(*parse(name)), name);
    }
    EXPECT_EQ(written, names.get<std::vector<std::string>>());
    EXPECT_FALSE(parse("").has_value());
    EXPECT_FALSE(parse("Due").has_value());
    EXPECT_FALSE(parse("purpose ").has_value());
  };
  check(schema["$defs"]["section"]["properties"]["kind"]["enum"], SectionKindName,
        ParseSectionKind);
  check(schema["properties"]["deadlines"]["items"]["properties"]["kind"]["enum"],
        DeadlineKindName, ParseDeadlineKind);
  check(schema["properties"]["assignments"]["items"]["properties"]["role"]["enum"],
        AssignmentRoleName, ParseAssignmentRole);
}

}  // namespace
}  // namespace vnplan
