// The masthead, title and closing, on small plans written for each case.
#include <gtest/gtest.h>

#include "tests/support/test_support.h"

namespace vnplan {
namespace {

using testing::ParseText;

TEST(Header, ReadsTwoColumnMastheadMergedByOcr) {
  const Plan p = ParseText(
      "UBND TỈNH HÀ GIANG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "SỞ GIÁO DỤC VÀ ĐÀO TẠO Độc lập - Tự do - Hạnh phúc\n"
      "Số: 105 /KH-SGDĐT Hà Giang, ngày 31 tháng 12 năm 2024\n"
      "KẾ HOẠCH\n"
      "Bồi dưỡng giáo viên năm học 2024-2025\n");
  const Header& h = p.header;
  EXPECT_EQ(h.issuer.name, "Sở Giáo dục và Đào tạo");
  EXPECT_EQ(h.issuer.parent, "UBND tỉnh Hà Giang");
  EXPECT_EQ(h.number, "105");
  EXPECT_EQ(h.symbol, "KH-SGDĐT");
  EXPECT_EQ(h.place, "Hà Giang");
  EXPECT_EQ(h.date, "2024-12-31");
  EXPECT_EQ(h.type, "Kế hoạch");
  EXPECT_EQ(h.title, "Bồi dưỡng giáo viên năm học 2024-2025");
  ASSERT_TRUE(h.period);
  EXPECT_EQ(h.period->from, 2024);
  EXPECT_EQ(h.period->to, 2025);
}

// A page that is no document (a legal Q&A page): neither a type line nor
// the national motto, so the number its form guide gives as an example, a
// date in its prose and what it cites are no header and no legal bases; a
// letter with the motto keeps its number.
TEST(Header, APageWithoutTypeLineOrMottoHasNoHeader) {
  const Plan page = ParseText(
      "# Mẫu quyết định thay đổi Thẩm phán là mẫu nào?\n\n"
      "Ông Nguyễn Văn An sinh ngày 10 tháng 12 năm 1958 tại Hà Nội và hỏi về mẫu này.\n\n"
      "(2) ô thứ nhất ghi số, ô thứ hai ghi năm ra Quyết định (ví dụ: Số: 01/2017/QĐ-TA).\n\n"
      "(8) trường hợp thụ lý sơ thẩm thì ghi số:…/…/TLST-HS ngày…tháng…năm….\n\n"
      "Căn cứ quy định tại Điều 44 Bộ luật Tố tụng hình sự 2015 như sau:\n\n"
      "Việc này đã nêu tại Thông báo số 190/TB-VPCP ngày 5/6/2007 của Văn phòng Chính phủ.\n\n"
      "1. Chánh án Tòa án có những nhiệm vụ, quyền hạn:\n\n"
      "a) Trực tiếp tổ chức việc xét xử vụ án hình sự.\n");
  EXPECT_FALSE(page.header.number);
  EXPECT_FALSE(page.header.symbol);
  EXPECT_FALSE(page.header.date);
  EXPECT_TRUE(page.legal_bases.empty());  // what its prose cites is no basis
  const Plan letter = ParseText(
      "BỘ TÀI CHÍNH\nCỤC THUẾ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
      "Số: 5487/CT-CS\nV/v chính sách thuế\nHà Nội, ngày 25 tháng 11 năm 2025\n"
      "Kính gửi: Thuế tỉnh Hòa Bình.\nCục Thuế có ý kiến như sau.\n");
  EXPECT_EQ(letter.header.number, "5487");
  EXPECT_EQ(letter.header.symbol, "CT-CS");
  EXPECT_EQ(letter.header.date, "2025-11-25");
  // A resolution that kept only its number line of the masthead.
  const Plan kept = ParseText(
      "Số: 16/NQ-UBTVQH15 |\n\n**NGHỊ QUYẾT****Về việc sắp xếp các đơn vị hành chính**\n\n"
      "*Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;*\n\n"
      "**Điều 1. Sắp xếp các đơn vị hành chính**\n");
  EXPECT_EQ(kept.header.number, "16");
}

TEST(Header, NumberWithMarkdownDebrisAndSplitAgencyLine) {
  const Plan p = ParseText(
      "## UBND TỈNH PHÚ THỌ SỞ GIÁO DỤC VÀ ĐÀO TẠO\n\nSố: **94**1 /KH-SGD&ĐT\n\n"
      "Phú Thọ, ngày 13 tháng 6 năm 2016\n\n### KÉ HOẠCH Xây dựng điển hình Giai đoan "
      "2016 - 2020\n");
  EXPECT_EQ(p.header.number, "941");
  EXPECT_EQ(p.header.symbol, "KH-SGD&ĐT");
  EXPECT_EQ(p.header.issuer.parent, "UBND tỉnh Phú Thọ");
  EXPECT_EQ(p.header.issuer.name, "Sở Giáo dục và Đào tạo");
  EXPECT_EQ(p.header.title, "Xây dựng điển hình Giai đoan 2016 - 2020");
  EXPECT_EQ(p.header.date, "2016-06-13");
}

TEST(Header, IllegibleNumberAndDayStayNull) {
  const Plan p = ParseText(
      "S6: /éé4/KH—GDDT Binh Chdnh, ngay /4 thdang 10 ndm 2023\nKE HOACH\nTuyen truyen\n");
  EXPECT_FALSE(p.header.number);
  EXPECT_EQ(p.header.symbol, "KH-GDDT");
  EXPECT_EQ(p.header.place, "Binh Chdnh");
  EXPECT_FALSE(p.header.date);
}

TEST(Header, SignerOnBehalfAndRecipients) {
  const Plan p = ParseText(
      "KẾ HOẠCH\nThi đua\nI. MỤC ĐÍCH\n- Làm tốt.\n"
      "Nơi nhận:\n- Lãnh đạo Sở (để chỉ đạo);\n- Lưu: VT.\n"
      "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nTrần Sĩ Thành\n");
  ASSERT_TRUE(p.header.signer);
  EXPECT_EQ(p.header.signer->name, "Trần Sĩ Thành");
  EXPECT_EQ(p.header.signer->position, "Phó Giám đốc");
  EXPECT_EQ(p.header.signer->on_behalf, "KT. Giám đốc");
  EXPECT_EQ(p.header.recipients,
            (std::vector<std::string>{"Lãnh đạo Sở (để chỉ đạo)", "Lưu: VT"}));
}

TEST(Header, SignerNameMergedIntoLastRecipientLine) {
  const Plan p = ParseText(
      "KẾ HOẠCH\nThi đua\nI. MỤC ĐÍCH\n- Làm tốt.\nNơi nhận: GIÁM ĐỐC\n"
      "- UBND tỉnh;\n- Trung tâm GDNN-GDTX các huyện; Phan Thanh Công\n- Lưu VT, VP. = —\n");
  ASSERT_TRUE(p.header.signer);
  EXPECT_EQ(p.header.signer->name, "Phan Thanh Công");
  EXPECT_EQ(p.header.signer->position, "Giám đốc");
  EXPECT_EQ(p.header.recipients,
            (std::vector<std::string>{"UBND tỉnh", "Trung tâm GDNN-GDTX các huyện",
                                      "Lưu VT, VP"}));
}

TEST(Header, AppendixSelfReferenceFillsMissingNumberAndDate) {
  const Plan p = ParseText(
      "KẾ HOẠCH\nTuyên truyền\nI. MỤC ĐÍCH\n- Làm tốt.\nNơi nhận:\n- Lưu: VT.\n"
      "PHỤ LỤC\n(Kèm theo Kế hoạch số 1676/KH-SGD&ĐT-VP ngày 19 tháng 9 năm 2017\n"
      "của Sở Giáo dục và Đào tạo tỉnh Hòa Bình)\n");
  EXPECT_EQ(p.header.number, "1676");
  EXPECT_EQ(p.header.symbol, "KH-SGD&ĐT-VP");
  EXPECT_EQ(p.header.date, "2017-09-19");
  EXPECT_EQ(p.header.issuer.name, "Sở Giáo dục và Đào tạo tỉnh Hòa Bình");
}

TEST(LegalBases, SplitsSeveralReferencesInOneParagraph) {
  const Plan p = ParseText(
      "KẾ HOẠCH\nThi đua\n"
      "Thực hiện Chỉ thị số 34/CT-TW ngày 07/4/2014 của Bộ Chính trị về thi đua; Chỉ thị số "
      "23/CT-TU của Ban Thường vụ Tỉnh uỷ ngày 21/11/2014 về khen thưởng; Kế hoạch số "
      "1711/KH-UBND ngày 10/5/2016 của Ủy ban nhân dân tỉnh Phú Thọ về điển hình, Sở ban hành:\n"
      "I. MỤC ĐÍCH\n- Làm tốt.\n");
  ASSERT_EQ(p.legal_bases.size(), 3u);
  EXPECT_EQ(p.legal_bases[0].type, "Chỉ thị");
  EXPECT_EQ(p.legal_bases[0].number, "34/CT-TW");
  EXPECT_EQ(p.legal_bases[0].date, "2014-04-07");
  EXPECT_EQ(p.legal_bases[0].issuer, "Bộ Chính trị");
  EXPECT_EQ(p.legal_bases[1].issuer, "Ban Thường vụ Tỉnh uỷ");
  EXPECT_EQ(p.legal_bases[1].date, "2014-11-21");
  EXPECT_EQ(p.legal_bases[2].type, "Kế hoạch");
  EXPECT_EQ(p.legal_bases[2].issuer, "Ủy ban nhân dân tỉnh Phú Thọ");
  EXPECT_EQ(p.legal_bases[2].line, 3);
  // References in the body are not legal bases of the plan.
  EXPECT_TRUE(ParseText("KẾ HOẠCH\nX\nI. NỘI DUNG\n- Theo Chỉ thị số 34-CT/TW ngày 07/4/2014.\n")
                  .legal_bases.empty());
}

TEST(Contacts, EmailPhoneAndNamedPerson) {
  const Plan p = ParseText(
      "KẾ HOẠCH\nX\nI. TỔ CHỨC THỰC HIỆN\n* Liên hệ: Đồng chí Tăng Bá Lương – Phó Chánh Văn "
      "phòng; điện thoại: 3.883.105; Email: p.tonghop@hoabinh.edu.vn\n");
  ASSERT_EQ(p.contacts.size(), 1u);
  EXPECT_EQ(p.contacts[0].name, "Tăng Bá Lương");
  EXPECT_EQ(p.contacts[0].phone, "3.883.105");
  EXPECT_EQ(p.contacts[0].email, "p.tonghop@hoabinh.edu.vn");
  EXPECT_EQ(p.contacts[0].line, 4);
}

TEST(Header, AWebPagesOwnLinesBeforeTheMastheadAreNotTheDocuments) {
  // A library's page: its own notice in capitals, metadata, then the
  // document, whose masthead lines the converter broke inside bold.
  std::string text =
      "**\nCÁC NỘI DUNG ĐÃ ĐƯỢC CẬP NHẬT\n**\nTrang này thuộc về một thư viện.\nĐang tải văn bản...\n";
  for (int i = 0; i < 90; ++i) text += "|\n";  // more than the old 80-line window
  text +=
      "**ỦY BAN NHÂN\nDÂN**\n**TỈNH LONG AN**\n--------\n|\n**CỘNG HÒA XÃ\n"
      "HỘI CHỦ NGHĨA VIỆT NAM**\nĐộc lập - Tự do - Hạnh phúc\n|\nSố: 0130/QĐ-UBND\n|\n"
      "*Long An, ngày 3\ntháng 2 năm 2025*\n|\n**QUYẾT ĐỊNH**\nVề việc ban hành kế hoạch thử\n"
      "*Căn cứ Luật Tổ chức chính quyền địa phương;*\n";
  const Plan p = ParseText(text);
  const Header& h = p.header;
  EXPECT_EQ(h.issuer.name, "Ủy ban nhân dân tỉnh Long An");
  EXPECT_EQ(h.number, "0130");  // the leading zero is part of the number
  EXPECT_EQ(h.symbol, "QĐ-UBND");
  EXPECT_EQ(h.place, "Long An");
  EXPECT_EQ(h.date, "2025-02-03");
  EXPECT_EQ(h.type, "Quyết định");
  EXPECT_EQ(h.title, "Về việc ban hành kế hoạch thử");
}

TEST(Header, AMottoQuotedFurtherDownDoesNotMoveTheStartOfADocumentWithoutOne) {
  // A standing committee's resolution: the number on the first line, no motto;
  // an appendix form further down carries one.
  const Plan p = ParseText(
      "Số: 12/NQ-UBTVQH15\n\n**NGHỊ QUYẾT**\n\n**Về việc thử nghiệm**\n\n"
      "*Căn cứ Hiến pháp;*\n\n**Điều 1.** Nội dung.\n\n"
      "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\nMẫu đơn\n");
  EXPECT_EQ(p.header.type, "Nghị quyết");
  EXPECT_EQ(p.header.number, "12");
  EXPECT_EQ(p.header.symbol, "NQ-UBTVQH15");
}

TEST(Header, ACongVanIsKnownByItsSubjectLine) {
  const Plan p = ParseText(
      "BỘ THỬ NGHIỆM\nCỤC KIỂM TRA\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
      "Số: 77/KT-KT\n*V/v hướng dẫn lập sổ theo dõi*\n*Hà Nội, ngày 4 tháng 5 năm 2025*\n"
      "Kính gửi: Các phòng.\nCục có ý kiến như sau.\n");
  EXPECT_EQ(p.header.type, "Công văn");
  EXPECT_EQ(p.header.title, "hướng dẫn lập sổ theo dõi");
  EXPECT_EQ(p.header.number, "77");
}

TEST(Header, TitlesThatStartLikeAPreambleOrWrapTheirFirstWord) {
  const Plan a = ParseText(
      "UBND TỈNH THỬ\nSố: 5/KH-UBND\n**KẾ HOẠCH**\nTHỰC HIỆN NGHỊ QUYẾT SỐ 1/NQ-CP VỀ THỬ NGHIỆM\n"
      "*Thực hiện Nghị quyết số 1/NQ-CP;*\nI. MỤC ĐÍCH\n- a.\n");
  EXPECT_EQ(a.header.title, "THỰC HIỆN NGHỊ QUYẾT SỐ 1/NQ-CP VỀ THỬ NGHIỆM");
  const Plan b = ParseText(
      "**CÔNG ĐIỆN**\nVỀ\nVIỆC CHỦ ĐỘNG ỨNG PHÓ MƯA LŨ\n**THỦ TƯỚNG CHÍNH PHỦ điện:**\n- Các Bộ.\n");
  EXPECT_EQ(b.header.type, "Công điện");
  EXPECT_EQ(b.header.title, "VỀ VIỆC CHỦ ĐỘNG ỨNG PHÓ MƯA LŨ");
}

// A stamp over the body's first word leaves its first line in lower case
// under the title (real qn-2352-ct); a title's lines each a paragraph of
// their own (a converter's Markdown) still make one title.
TEST(Header, ABodyWhoseFirstWordAStampHidIsNotMoreOfTheTitle) {
  const Plan a = ParseText(
      "UBND TỈNH THỬ\nSố: 3/CT-UBND\nCHỈ THỊ\nVề việc tăng cường kiểm tra hồ sơ\ntrên địa bàn tỉnh\n\n"
      "thời gian qua, việc kiểm tra hồ sơ của các sở, ngành đã có nhiều chuyển biến\n"
      "tích cực; tuy nhiên vẫn còn chậm.\n1. Các sở thực hiện.\n");
  EXPECT_EQ(a.header.title, "Về việc tăng cường kiểm tra hồ sơ trên địa bàn tỉnh");
  const Plan b = ParseText(
      "UBND TỈNH THỬ\nSố: 4/CT-UBND\nCHỈ THỊ\nVề việc tăng cường kiểm tra hồ sơ\n\n"
      "thời gian qua, việc kiểm tra hồ sơ của các sở, ngành đã có chuyển biến\n\n1. Các sở thực hiện.\n");
  EXPECT_EQ(b.header.title, "Về việc tăng cường kiểm tra hồ sơ");
  const Plan c = ParseText(
      "UBND TỈNH THỬ\nSố: 5/KH-UBND\n**KẾ HOẠCH**\n\n**Tổ chức hội thi giáo viên dạy giỏi**\n\n"
      "**cấp tỉnh**\n\n*Căn cứ Luật Giáo dục;*\nI. MỤC ĐÍCH\n- a.\n");
  EXPECT_EQ(c.header.title, "Tổ chức hội thi giáo viên dạy giỏi cấp tỉnh");
}

TEST(Header, APlanIssuedWithADecisionIsReadAfterTheDecisionsSignature) {
  const Plan p = ParseText(
      "UBND TỈNH THỬ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 9/QĐ-UBND\n"
      "Thử, ngày 2 tháng 3 năm 2025\nQUYẾT ĐỊNH\nVề việc ban hành Kế hoạch thử nghiệm\n"
      "Căn cứ Luật Tổ chức chính quyền địa phương;\nQUYẾT ĐỊNH:\n"
      "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thử nghiệm.\n"
      "Điều 2. Quyết định có hiệu lực từ ngày ký./.\n"
      "Nơi nhận:\n- Như Điều 2;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn An\n\n"
      "KẾ HOẠCH\nThử nghiệm năm 2025\n(Kèm theo Quyết định số 9/QĐ-UBND ngày 2/3/2025)\n"
      "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n- Nâng cao chất lượng.\n"
      "II. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính\n- Chủ trì thực hiện kế hoạch.\n");
  EXPECT_EQ(p.header.type, "Quyết định");
  ASSERT_TRUE(p.header.signer);
  EXPECT_EQ(p.header.signer->name, "Nguyễn Văn An");
  EXPECT_EQ(p.header.signer->position, "Phó Chủ tịch");  // not read on into the plan
  bool purpose = false;
  for (const Section& s : p.sections) purpose |= s.title.find("MỤC ĐÍCH") != std::string::npos;
  EXPECT_TRUE(purpose);  // the attached plan's sections are the document's
  EXPECT_FALSE(p.goals.empty());
}

TEST(Header, AnAgencyNameCutAfterVaGoesOn) {
  const Plan p = ParseText(
      "**BỘ KHOA HỌC VÀ**\n**CÔNG NGHỆ**\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "Số: 3/KH-BKHCN\nHà Nội, ngày 1 tháng 7 năm 2025\nKẾ HOẠCH\nThử nghiệm\n");
  EXPECT_EQ(p.header.issuer.name, "Bộ Khoa học và Công nghệ");
  EXPECT_EQ(p.header.issuer.parent, std::nullopt);
}

TEST(Header, AMastheadReadColumnByColumnKeepsItsAgencyNumberAndSubject) {
  // OCR of a two-column masthead: the left column whole, then the right.
  const Plan p = ParseText(
      "BỘ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 18/BGDĐT-KT\nV/v kiểm tra, đánh giá thực\ntrạng phòng học bộ môn\n"
      "tại các cơ sở giáo dục\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
      "Hà Nội, ngày 10 tháng 4 năm 2026\n\nKính gửi: Các Sở.\n");
  EXPECT_EQ(p.header.issuer.name, "Bộ Giáo dục và Đào tạo");
  EXPECT_EQ(p.header.number, "18");
  EXPECT_EQ(p.header.type, "Công văn");
  EXPECT_EQ(p.header.title, "kiểm tra, đánh giá thực trạng phòng học bộ môn tại các cơ sở giáo dục");
  EXPECT_EQ(p.header.date, "2026-04-10");
}

TEST(Header, AnAttachedPlanWithoutItsKemTheoLineIsFoundByItsFirstHeading) {
  const Plan p = ParseText(
      "QUYẾT ĐỊNH\nVề việc ban hành Kế hoạch thử\nĐiều 1. Ban hành Kế hoạch thử.\n"
      "Nơi nhận:\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn An\n\n"
      "KẾ HOẠCH\nThử nghiệm giai đoạn 2026 - 2030\n\nI. MỤC TIÊU\n1. Mục tiêu chung\n- Nâng cao chất lượng.\n");
  bool goals = false;
  for (const Section& s : p.sections) goals |= s.title.find("MỤC TIÊU") != std::string::npos;
  EXPECT_TRUE(goals);
  ASSERT_TRUE(p.header.signer);
  EXPECT_EQ(p.header.signer->name, "Nguyễn Văn An");
}

TEST(Header, OneLineAgenciesWhoseHeadIsTwoWordsOrWhoseNameEndsOnAHead) {
  const Plan a = ParseText("VĂN PHÒNG CHÍNH PHỦ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 1/TB-VPCP\nTHÔNG BÁO\nThử\n");
  EXPECT_EQ(a.header.issuer.name, "Văn phòng Chính phủ");
  EXPECT_EQ(a.header.issuer.parent, std::nullopt);
  const Plan b = ParseText("BỘ NỘI VỤ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 2/QĐ-BNV\nQUYẾT ĐỊNH\nThử\n");
  EXPECT_EQ(b.header.issuer.name, "Bộ Nội vụ");
}

TEST(Header, AnyPositionCanBeADeputysAndTheBlockEndsWithTheName) {
  const Plan p = ParseText(
      "KẾ HOẠCH\nX\nI. MỤC ĐÍCH\n- a.\nNơi nhận:\n- Như trên;\n"
      "**TM. CHÍNH PHỦ**\nKT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\nTrần Văn Bình\n"
      "Văn bản liên quan\nCHỦ TỊCH\n");  // a page footer after the document
  ASSERT_TRUE(p.header.signer);
  EXPECT_EQ(p.header.signer->name, "Trần Văn Bình");
  EXPECT_EQ(p.header.signer->position, "Phó Thủ tướng");
  EXPECT_EQ(p.header.signer->on_behalf, "TM. Chính phủ, KT. Thủ tướng");
  const Plan q = ParseText(
      "KẾ HOẠCH\nX\nI. MỤC ĐÍCH\n- a.\nNơi nhận:\n- Như trên;\n"
      "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nLê Thị Hoa\n");
  ASSERT_TRUE(q.header.signer);
  EXPECT_EQ(q.header.signer->position, "Thứ trưởng");  // not "Thủ tướng"
  EXPECT_EQ(q.header.signer->on_behalf, "KT. Bộ trưởng");
}

// A date line cut after "năm" leaves its year alone on the next line,
// which has no letters; a stray "**" inside a word leaves bold open on an
// italic date line, which its closing "*" still ends.
TEST(Header, ADateLineCutBeforeItsYearAndOneWithAStrayBoldMark) {
  const std::string masthead = "ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\n\nSố: 12/KH-UBND\n\n";
  const std::string tail = "\n\nKẾ HOẠCH\nTrồng cây xanh\n\nI. MỤC ĐÍCH\nTrồng cây.\n";
  const Plan cut = ParseText(masthead + "Bắc Ninh, ngày 3 tháng 5 năm\n2026" + tail);
  EXPECT_EQ(cut.header.date, "2026-05-03");
  EXPECT_EQ(cut.header.place, "Bắc Ninh");
  const Plan stray = ParseText(masthead + "*Bắc Ni**nh, ngày 3 tháng 5 năm\n2026*" + tail);
  EXPECT_EQ(stray.header.date, "2026-05-03");
  EXPECT_EQ(stray.header.place, "Bắc Ninh");
}

}  // namespace
}  // namespace vnplan
