// Where the title ends, who enacts a document and its date: layouts of real
// administrative documents, in short texts written for each case.
#include <gtest/gtest.h>

#include "tests/support/test_support.h"

namespace vnplan {
namespace {

using testing::ParseText;

constexpr char kMasthead[] =
    "ỦY BAN NHÂN DÂN\nTỈNH HÒA BÌNH\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n\nSố: 12/QĐ-UBND\n\nHòa Bình, ngày 3 tháng 4 năm 2025\n\n";

TEST(HeaderLayout, AuthorityLineUnderTheTitleIsNotTitle) {
  const Plan p = ParseText(std::string(kMasthead) +
                           "**QUYẾT ĐỊNH**\n\nVỀ VIỆC GIAO CHỈ TIÊU TRỒNG RỪNG NĂM 2025 CỦA\n"
                           "ỦY BAN NHÂN DÂN CÁC XÃ\n\n**CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH**\n\n"
                           "*Căn cứ Luật Lâm nghiệp;*\n\n**QUYẾT ĐỊNH:**\n\n**Điều 1.** Giao chỉ tiêu.\n");
  // The title's own line that starts with an agency after "CỦA" stays.
  EXPECT_EQ(p.header.title, "VỀ VIỆC GIAO CHỈ TIÊU TRỒNG RỪNG NĂM 2025 CỦA ỦY BAN NHÂN DÂN CÁC XÃ");
  EXPECT_EQ(p.header.issuer.name, "Ủy ban nhân dân tỉnh Hòa Bình");
}

TEST(HeaderLayout, MinisterLineEndsTitleAndBodyLineEndsCapitalTitle) {
  const Plan minister = ParseText(
      "BỘ NÔNG NGHIỆP\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
      "Số: 7/QĐ-BNN\n\nHà Nội, ngày 5 tháng 5 năm 2025\n\nQUYẾT ĐỊNH\nVỀ VIỆC CÔNG BỐ THỦ TỤC\n"
      "BỘ TRƯỞNG BỘ NÔNG NGHIỆP\nCăn cứ Nghị định số 1/2025/NĐ-CP;\n");
  EXPECT_EQ(minister.header.title, "VỀ VIỆC CÔNG BỐ THỦ TỤC");
  EXPECT_EQ(minister.header.issuer.name, "Bộ Nông nghiệp");
  const Plan notice = ParseText(std::string(kMasthead) +
                                "THÔNG BÁO\nKẾT LUẬN CỦA CHỦ TỊCH TẠI BUỔI LÀM VIỆC\n"
                                "Ngày 2 tháng 4 năm 2025, Chủ tịch đã làm việc với các sở.\n");
  EXPECT_EQ(notice.header.title, "KẾT LUẬN CỦA CHỦ TỊCH TẠI BUỔI LÀM VIỆC");
}

TEST(HeaderLayout, LastWordOfACapitalTitleAloneOnItsLine) {
  const Plan p = ParseText(std::string(kMasthead) +
                           "KẾ HOẠCH\nPHÁT TRIỂN DU LỊCH TỈNH CÀ\nMAU\n\nCăn cứ Luật Du lịch;\n");
  EXPECT_EQ(p.header.title, "PHÁT TRIỂN DU LỊCH TỈNH CÀ MAU");
}

// The standing committee's resolutions have no masthead agency: the line
// under the title names who issued them.
TEST(HeaderLayout, ResolutionWithoutMastheadTakesIssuerFromAuthorityLine) {
  const Plan p = ParseText(
      "Số: 9/NQ-UBTVQH15 |\n|\n\n**NGHỊ QUYẾT**\n\n**Về việc thành lập thị xã mới**\n\n"
      "**ỦY BAN THƯỜNG VỤ QUỐC HỘI**\n\n*Căn cứ Luật Tổ chức chính quyền địa phương;*\n\n"
      "**QUYẾT NGHỊ:**\n\n**Điều 1.** Thành lập thị xã.\n");
  EXPECT_EQ(p.header.number, "9");
  EXPECT_EQ(p.header.title, "Về việc thành lập thị xã mới");
  ASSERT_TRUE(p.header.issuer.name);
  EXPECT_EQ(*p.header.issuer.name, "Ủy ban Thường vụ Quốc hội");
}

TEST(HeaderLayout, AuthorityLineCutInTwo) {
  const Plan p = ParseText(
      "Số: 9/NQ-UBTVQH15 |\n\nNGHỊ QUYẾT\n\nVề việc thành lập thị xã mới\n\n"
      "ỦY BAN THƯỜNG\nVỤ QUỐC HỘI\n\nCăn cứ Luật Tổ chức chính quyền địa phương;\n");
  EXPECT_EQ(p.header.title, "Về việc thành lập thị xã mới");
  EXPECT_EQ(p.header.issuer.name, "Ủy ban Thường vụ Quốc hội");
}

TEST(HeaderLayout, FormBlankIsNoAuthority) {
  const Plan p = ParseText(
      "QUYẾT ĐỊNH\nVề việc thành lập tổ công tác\nỦY BAN NHÂN DÂN PHƯỜNG……\nCăn cứ Luật;\n");
  EXPECT_FALSE(p.header.issuer.name);
}


TEST(HeaderDate, PlaceDateCutAfterDayWordOrRunTogether) {
  const Plan cut = ParseText(
      "SỞ Y TẾ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
      "Số: 4/TB-SYT\n\n*Vinh, ng**ày\n07 tháng 3 năm 2025*\n\n**THÔNG BÁO**\nVỀ LỊCH TIẾP DÂN\n");
  EXPECT_EQ(cut.header.date, "2025-03-07");
  EXPECT_EQ(cut.header.place, "Vinh");
  const Plan glued = ParseText(
      "SỞ Y TẾ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
      "Số: 5/TB-SYT\n\n*Vinh, ngày 09 tháng12 năm 2025*\n\n**THÔNG BÁO**\nVỀ LỊCH TIẾP DÂN\n");
  EXPECT_EQ(glued.header.date, "2025-12-09");
}

// A resolution of the standing committee has no place and date line: its
// closing formula dates it.
TEST(HeaderDate, ResolutionDatedByItsClosingFormula) {
  const Plan p = ParseText(
      "Số: 9/NQ-UBTVQH15 |\n\n**NGHỊ QUYẾT**\n\n**Về việc thành lập thị xã mới**\n\n"
      "**ỦY BAN THƯỜNG VỤ QUỐC HỘI**\n\n*Căn cứ Nghị quyết số 1/2025/QH15 ngày 3 tháng 2 năm 2025;*\n\n"
      "**QUYẾT NGHỊ:**\n\n**Điều 1.** Thành lập thị xã.\n\n"
      "*Nghị quyết này được Ủy ban Thường vụ Quốc hội thông qua **ngày** 20 **tháng** 5* *năm 2025.*\n");
  EXPECT_EQ(p.header.date, "2025-05-20");
}

// The date comes from the header only: a date line whose day cannot be read
// leaves it null, whatever dates the body or a closing formula hold.
TEST(HeaderDate, UnreadableDayInTheHeaderGivesNoDateFromTheBody) {
  const Plan p = ParseText(
      "HỘI ĐỒNG NHÂN DÂN\nTỈNH HÒA BÌNH\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "Độc lập - Tự do - Hạnh phúc\n\nSố: 3/NQ-HĐND\n\nHòa Bình, ngày    tháng 6 năm 2025\n\n"
      "NGHỊ QUYẾT\nVỀ GIÁ DỊCH VỤ\n\nCăn cứ Luật Giá ngày 19 tháng 6 năm 2023;\n\n"
      "Nghị quyết này được Hội đồng nhân dân tỉnh thông qua ngày 10 tháng 6 năm 2025.\n");
  EXPECT_FALSE(p.header.date);
}

// A Công văn has no type line: its subject stands under the number, as
// "V/v …" or as "Về …".
TEST(HeaderTypes, CongVanSubjectStartingVe) {
  const Plan p = ParseText(
      "SỞ GIÁO DỤC VÀ ĐÀO TẠO\n|\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n|\n"
      "Số: 77/SGDĐT-VP\n*Về lịch nghỉ Tết của học sinh\nnăm học 2025-2026*\n|\n"
      "*Cần Thơ, ngày 5 tháng 1 năm 2026*\n|\n**Kính gửi: **Các trường trung học\n"
      "Sở hướng dẫn như sau.\n");
  EXPECT_EQ(p.header.type, "Công văn");
  EXPECT_EQ(p.header.title, "Về lịch nghỉ Tết của học sinh năm học 2025-2026");
  EXPECT_EQ(p.header.number, "77");
}

TEST(HeaderTypes, DecreeTypeSplitOverLinesAndNumberUnderItsLabel) {
  const Plan p = ParseText(
      "**CHÍNH PHỦ**\n|\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\nĐộc lập - Tự do - Hạnh phúc\n|\n"
      "Số:\n12/2025/NĐ-CP\n*Hà Nội, ngày 2 tháng 6 năm 2025*\n\n**NGHỊ\nĐỊNH**\n\n"
      "QUY ĐỊNH VỀ PHÍ CẦU ĐƯỜNG\n\n*Căn cứ Luật Phí và lệ phí;*\n");
  EXPECT_EQ(p.header.type, "Nghị định");
  EXPECT_EQ(p.header.number, "12");
  EXPECT_EQ(p.header.symbol, "NĐ-CP");
  EXPECT_EQ(p.header.title, "QUY ĐỊNH VỀ PHÍ CẦU ĐƯỜNG");
}

TEST(HeaderLayout, AgencyNamesGoingOnAfterVeAndProvincesStartingThanh) {
  const Plan board = ParseText(
      "|\n**BAN CHỈ ĐẠO NHÀ\nNƯỚC **\nVỀ CHUYỂN ĐỔI SỐ\n-------\n|\n**CỘNG HÒA XÃ HỘI\n"
      "CHỦ NGHĨA VIỆT NAM**\nĐộc lập - Tự do - Hạnh phúc\n|\nSố: 3/QĐ-BCĐ\n|\n"
      "*Hà Nội, ngày 2 tháng 6 năm 2025*\n\n**QUYẾT ĐỊNH**\nBAN HÀNH QUY CHẾ LÀM VIỆC\n");
  EXPECT_EQ(board.header.issuer.name, "Ban Chỉ đạo nhà nước về chuyển đổi số");
  EXPECT_FALSE(board.header.issuer.parent);
  const Plan province = ParseText(
      "ỦY BAN NHÂN DÂN\nTỈNH THANH HÓA\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "Độc lập - Tự do - Hạnh phúc\n\nSố: 5/KH-UBND\n\nThanh Hóa, ngày 3 tháng 4 năm 2025\n\n"
      "KẾ HOẠCH\nTRỒNG CÂY\n");
  EXPECT_EQ(province.header.issuer.name, "Ủy ban nhân dân tỉnh Thanh Hóa");
}

}  // namespace
}  // namespace vnplan
