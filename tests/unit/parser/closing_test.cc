// The closing: recipients and the signature block, read by their structure.
#include <gtest/gtest.h>

#include "tests/support/test_support.h"

namespace vnplan {
namespace {

using testing::ParseText;

constexpr char kNotice[] =
    "VĂN PHÒNG CHÍNH PHỦ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
    "Số: 8/TB-VPCP\n\nHà Nội, ngày 2 tháng 3 năm 2025\n\nTHÔNG BÁO\nKẾT LUẬN VỀ VIỆC TRỒNG CÂY\n\n"
    "Các bộ thực hiện./.\n\n";

// A minister who heads the Government Office signs for both posts.
TEST(Closing, PositionsHeldTogetherOnOneLine) {
  const Plan p = ParseText(std::string(kNotice) +
                           "|\nNơi nhận:\n- Các bộ;\n- Lưu: VT.\n|\n**KT. BỘ TRƯỞNG,\nCHỦ NHIỆM**\n"
                           "PHÓ CHỦ NHIỆM\nĐỗ Văn Bình\n|\n");
  ASSERT_TRUE(p.header.signer);
  EXPECT_EQ(p.header.signer->on_behalf, "KT. Bộ trưởng, Chủ nhiệm");
  EXPECT_EQ(p.header.signer->position, "Phó Chủ nhiệm");
  EXPECT_EQ(p.header.signer->name, "Đỗ Văn Bình");
}

// A department head signing for the minister names the unit he heads on
// the position's line; a line naming no unit after the position is no
// position ("VỤ TRƯỞNG" then a word that heads nothing).
TEST(Closing, APositionFollowedByTheUnitItHeads) {
  const Plan p = ParseText(std::string(kNotice) +
                           "Nơi nhận:\n- Các bộ;\n- Lưu: VT.\n\nTL. BỘ TRƯỞNG\n"
                           "VỤ TRƯỞNG VỤ GIÁO DỤC PHỔ THÔNG\nThái Văn Tài\n");
  ASSERT_TRUE(p.header.signer);
  EXPECT_EQ(p.header.signer->on_behalf, "TL. Bộ trưởng");
  ASSERT_TRUE(p.header.signer->position);
  EXPECT_EQ(p.header.signer->position->rfind("Vụ trưởng Vụ Giáo dục", 0), 0u) << *p.header.signer->position;
  EXPECT_EQ(p.header.signer->name, "Thái Văn Tài");
  const Plan q = ParseText(std::string(kNotice) +
                           "Nơi nhận:\n- Các bộ;\n- Lưu: VT.\n\nTL. BỘ TRƯỞNG\n"
                           "VỤ TRƯỞNG KHẨN CẤP\nThái Văn Tài\n");
  ASSERT_TRUE(q.header.signer);
  EXPECT_FALSE(q.header.signer->position);
}

// Without "Nơi nhận" the block starts at its "KT." line, which says on
// whose behalf the deputy signs.
TEST(Closing, BlockWithoutRecipientsStartsAtItsOnBehalfLine) {
  const Plan p = ParseText(std::string(kNotice) +
                           "** **\n\n|\n|\n**KT. CHỦ TỊCH **\nPHÓ CHỦ TỊCH\nLê Thị Hoa\n|\n");
  ASSERT_TRUE(p.header.signer);
  EXPECT_EQ(p.header.signer->on_behalf, "KT. Chủ tịch");
  EXPECT_EQ(p.header.signer->position, "Phó Chủ tịch");
  EXPECT_EQ(p.header.signer->name, "Lê Thị Hoa");
}

// The signer is a person's name: one that folds like a position is still
// a name, and a rare surname is known by the middle name "Thị".
TEST(Closing, SignerNameIsNeverAPosition) {
  const Plan deputy = ParseText(std::string(kNotice) +
                                "Nơi nhận:\n- Lưu: VT.\n|\n**KT. BỘ TRƯỞNG**\nTHỨ TRƯỞNG\n"
                                "**Phan\nThị Thắng**\n|\n");
  ASSERT_TRUE(deputy.header.signer);
  EXPECT_EQ(deputy.header.signer->name, "Phan Thị Thắng");
  EXPECT_EQ(deputy.header.signer->position, "Thứ trưởng");
  const Plan rare = ParseText(std::string(kNotice) +
                              "Nơi nhận:\n- Lưu: VT.\n|\n**TL. CỤC TRƯỞNG**\n"
                              "KT.TRƯỞNG BAN BAN PHÁP CHẾ\nPHÓ TRƯỞNG BAN\nChế Thị Lan Anh\n|\n"
                              "Trang chủ\nCHỦ TỊCH\n");
  ASSERT_TRUE(rare.header.signer);
  EXPECT_EQ(rare.header.signer->name, "Chế Thị Lan Anh");
  EXPECT_EQ(rare.header.signer->position, "Phó Trưởng ban");
}

// Without "Nơi nhận", the block is the first one with a name below it, not
// a form's unsigned block at the end of a long appendix; "T/M" is "TM.".
TEST(Closing, FirstSignedBlockBeforeALongAppendix) {
  std::string text = std::string(kNotice) + "|\n** **\n|\n**T/M ỦY\nBAN NHÂN DÂN**\nCHỦ TỊCH\n"
                                            "**Lê Văn Nam**\n|\n\n**PHẦN I**\n\n";
  for (int row = 1; row <= 40; ++row) text += "|\nThủ tục số " + std::to_string(row) + "\n";
  text += "|\nGIÁM ĐỐC\n(Ký, đóng dấu)\n";
  const Plan p = ParseText(text);
  ASSERT_TRUE(p.header.signer);
  EXPECT_EQ(p.header.signer->name, "Lê Văn Nam");
  EXPECT_EQ(p.header.signer->position, "Chủ tịch");
  EXPECT_EQ(p.header.signer->on_behalf, "TM. Ủy ban nhân dân");
}

// A resolution's recipients flattened into one unlabelled cell.
TEST(Closing, UnlabelledRecipientsCellIsSplitIntoItsItems) {
  const Plan p = ParseText(
      "Số: 9/NQ-UBTVQH15 |\n\n**NGHỊ QUYẾT**\n\n**Về việc thành lập thị xã mới**\n\n"
      "**ỦY BAN THƯỜNG VỤ QUỐC HỘI**\n\n*Căn cứ Luật Tổ chức chính quyền địa phương;*\n\n"
      "**QUYẾT NGHỊ:**\n\n**Điều 1.** Thành lập thị xã.\n\n"
      "*Nghị quyết này được thông qua ngày 20 tháng 5 năm 2025.*\n\n"
      "- Chính phủ; - Kiểm toán nhà nước; - Các Bộ, cơ quan ngang Bộ; -\n- Lưu: HC. |\n(đã ký)\n|\n");
  EXPECT_EQ(p.header.recipients,
            (std::vector<std::string>{"Chính phủ", "Kiểm toán nhà nước",
                                      "Các Bộ, cơ quan ngang Bộ", "Lưu: HC"}));
  EXPECT_FALSE(p.header.signer);
}

// An OCR'd directive (real scans' layout): a recipient's entry wrapped onto
// a second line, and the signer's block read after the list. The list goes
// on after the wrapped entry; an entry closed by ';' takes no more lines.
TEST(Closing, WrappedRecipientEntryKeepsTheListGoing) {
  const Plan p = ParseText(std::string(kNotice) +
                           "Nơi nhận:\n\n- Phó Thủ tướng Nguyễn Văn An\n(báo cáo);\n\n"
                           "- Văn phòng Chính phủ;\n\n- Bộ Tư pháp;\n- Lưu: VT.\n\n"
                           "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nPhạm Văn Bình\n");
  EXPECT_EQ(p.header.recipients,
            (std::vector<std::string>{"Phó Thủ tướng Nguyễn Văn An (báo cáo)", "Văn phòng Chính phủ",
                                      "Bộ Tư pháp", "Lưu: VT"}));
  ASSERT_TRUE(p.header.signer);
  EXPECT_EQ(p.header.signer->name, "Phạm Văn Bình");
  EXPECT_EQ(p.header.signer->position, "Phó Chủ tịch");
  EXPECT_EQ(p.header.signer->on_behalf, "KT. Chủ tịch");
  const Plan closed = ParseText(std::string(kNotice) +
                                "Nơi nhận:\n- Bộ Tư pháp;\nhàm Văn Bình\n- Lưu: VT.\n");
  EXPECT_EQ(closed.header.recipients, (std::vector<std::string>{"Bộ Tư pháp"}));
}

// A form attached in an appendix ("PHỤ LỤC 2" / "BÁO CÁO" with parts I-IV
// to fill in) is not the body's continuation: the letter's own numbered
// parts stay its sections.
TEST(Closing, ReportFormInAnAppendixIsNotTheBody) {
  std::string body;  // a page of text: the form's type line is past the header
  for (int i = 0; i < 40; ++i) body += "Các Sở rà soát số liệu từng trường.\n\n";
  const Plan p = ParseText(
      "BỘ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 12/BGDĐT-GDPT\nV/v khảo sát phòng học\n\n"
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
      "Hà Nội, ngày 10 tháng 4 năm 2026\n\nKính gửi: Các Sở Giáo dục và Đào tạo\n\n"
      "Bộ đề nghị các Sở thực hiện như sau:\n\n1. Nội dung\n\nĐánh giá phòng học.\n\n" + body +
      "2. Tổ chức thực hiện\n\nCác Sở GDĐT gửi báo cáo trước ngày 25/4/2026.\n\n"
      "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nTL. BỘ TRƯỞNG\nVỤ TRƯỞNG\nThái Văn Tài\n\n"
      "PHỤ LỤC 2\nĐỀ CƯƠNG BÁO CÁO\n\nBÁO CÁO\nThực trạng phòng học\n\n"
      "I. THỰC TRẠNG\n\nSố phòng học.\n\nII. ĐỀ XUẤT\n\nKiến nghị.\n");
  ASSERT_EQ(p.sections.size(), 2u);
  EXPECT_EQ(p.sections[0].number, "1");
  EXPECT_EQ(p.sections[1].title, "Tổ chức thực hiện");
}

// A directive's parts introduce their items with ':' ("2. Trách nhiệm cụ
// thể:"): they are its sections, not its preamble.
TEST(Closing, DirectivePartsEndingInAColonAreSections) {
  const Plan p = ParseText(
      "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: 7/CT-UBND\n\n"
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
      "Quảng Ngãi, ngày 20 tháng 3 năm 2018\n\nCHỈ THỊ\nVề việc tăng cường thi hành án\n\n"
      "Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:\n\n"
      "1. Thủ trưởng các sở, ban, ngành của tỉnh có trách nhiệm:\n\na) Thi hành nghiêm.\n\n"
      "2. Trách nhiệm cụ thể:\n\na) Sở Tư pháp:\n\n- Chủ trì tuyên truyền.\n\n"
      "3. Tổ chức thực hiện\n\nCác sở thực hiện nghiêm túc Chỉ thị này./.\n");
  ASSERT_EQ(p.sections.size(), 3u);
  EXPECT_EQ(p.sections[1].number, "2");
  EXPECT_EQ(p.sections[1].title, "Trách nhiệm cụ thể");
}

// A day written by hand and read as noise: the place is read, the date is
// null, not one taken from the body.
TEST(Closing, UnreadHandwrittenDayGivesThePlaceAndNoDate) {
  const Plan p = ParseText(
      "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: # /CT-UBND\n\n"
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
      "Quảng Ngãi, ngàyÊ9 tháng 3 năm 2018\n\nCHỈ THỊ\nVề việc tăng cường thi hành án\n\n"
      "Thực hiện Nghị định số 71/2016/NĐ-CP ngày 01/7/2016 của Chính phủ, Chủ tịch yêu cầu:\n\n"
      "1. Các sở thực hiện ngày 12 tháng 1 năm 2026.\n");
  EXPECT_EQ(p.header.place, "Quảng Ngãi");
  EXPECT_FALSE(p.header.date);
}

// A scan's number stamped over "Số: ___/…" covers the ':' and the '/': a
// masthead line of "Số", digits and a hyphenated symbol is still the number.
TEST(Closing, MastheadNumberWithoutItsColonAndSlash) {
  const Plan p = ParseText(
      "BỘ GIÁO DỤC VÀ ĐÀO TẠO\nSố 1849 BGDĐT-GDPT\nV/v khảo sát phòng học\n\n"
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
      "Hà Nội, ngày 10 tháng 4 năm 2026\n\nKính gửi: Các Sở\n\nSố 12 trường đã báo cáo.\n");
  EXPECT_EQ(p.header.number, "1849");
  EXPECT_EQ(p.header.symbol, "BGDĐT-GDPT");
}

// The standing deputy's qualifier follows the position ("THỨ TRƯỞNG
// THƯỜNG TRỰC"), and a recipient's entry cut before a capitalised place
// ("- Thuế tỉnh" / "Cao Bằng;") goes on, never taken for the signer.
TEST(Closing, StandingDeputyAndARecipientCutBeforeAPlace) {
  const Plan p = ParseText(std::string(kNotice) +
                           "|\nNơi nhận:\n- Các bộ;\n- Các Sở: Tài chính; Thuế tỉnh\nCao Bằng;\n"
                           "- Lưu: VT.\n|\n**KT. BỘ TRƯỞNG**\nTHỨ TRƯỞNG THƯỜNG TRỰC\nĐinh Văn Nam\n|\n");
  ASSERT_TRUE(p.header.signer);
  EXPECT_EQ(p.header.signer->on_behalf, "KT. Bộ trưởng");
  EXPECT_EQ(p.header.signer->position, "Thứ trưởng Thường trực");
  EXPECT_EQ(p.header.signer->name, "Đinh Văn Nam");
  ASSERT_GE(p.header.recipients.size(), 2u);
  EXPECT_NE(p.header.recipients[1].find("Cao Bằng"), std::string::npos) << p.header.recipients[1];
}

// A unit's name cut after its comma goes on over the next line in
// capitals; the comma makes no abbreviation of the word it follows.
TEST(Closing, AUnitNameCutAfterACommaOnThePositionsLine) {
  const Plan p = ParseText(std::string(kNotice) +
                           "|\nNơi nhận:\n- Các bộ;\n- Lưu: VT.\n|\n**TL. CỤC TRƯỞNG**\n"
                           "TRƯỞNG BAN BAN CHÍNH SÁCH,\nTHUẾ QUỐC TẾ\nNguyễn Thị Hoa\n|\n");
  ASSERT_TRUE(p.header.signer);
  EXPECT_EQ(p.header.signer->position, "Trưởng ban Ban Chính sách, Thuế quốc tế");
  EXPECT_EQ(p.header.signer->name, "Nguyễn Thị Hoa");
}

// The head of the State Audit signs as such, his title cut in bold over
// two lines.
TEST(Closing, TheStateAuditorGeneralsTitle) {
  const Plan p = ParseText(std::string(kNotice) +
                           "|\nNơi nhận:\n- Các bộ;\n- Lưu: VT.\n|\n**TỔNG KIỂM TOÁN NHÀ\nNƯỚC**\n"
                           "**Đinh\nVăn Hải**\n|\n");
  ASSERT_TRUE(p.header.signer);
  EXPECT_EQ(p.header.signer->position, "Tổng Kiểm toán Nhà nước");
  EXPECT_EQ(p.header.signer->name, "Đinh Văn Hải");
}

}  // namespace
}  // namespace vnplan
