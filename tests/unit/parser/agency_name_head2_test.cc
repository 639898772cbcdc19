// Agency names from masthead capitals: proper nouns inside a name keep their
// capital ("Quốc hội", "Nhà nước Việt Nam"), the rest stays lower.
#include <gtest/gtest.h>

#include <string>

#include "tests/support/test_support.h"

namespace vnplan {
namespace {

using testing::ParseText;

std::string IssuerOf(const std::string& agency) {
  const Plan p = ParseText(agency +
                           "\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
                           "Số: 5/TB-NHNN\n\nHà Nội, ngày 3 tháng 4 năm 2025\n\n"
                           "THÔNG BÁO\nVề lịch làm việc\n\nNgày 2 tháng 4 năm 2025, đã họp.\n");
  return p.header.issuer.name.value_or("(null)");
}

TEST(AgencyNameHead2, ProperNounsKeepTheirCapital) {
  EXPECT_EQ(IssuerOf("NGÂN HÀNG NHÀ NƯỚC VIỆT NAM"), "Ngân hàng Nhà nước Việt Nam");
  EXPECT_EQ(IssuerOf("ĐOÀN ĐẠI BIỂU QUỐC HỘI\nTỈNH PHÚ THỌ"), "Đoàn đại biểu Quốc hội tỉnh Phú Thọ");
  EXPECT_EQ(IssuerOf("BAN THƯỜNG VỤ TỈNH ỦY"), "Ban Thường vụ Tỉnh ủy");
}

TEST(AgencyNameHead2, CommonWordsStayLower) {
  // "nhà nước" alone is no proper noun; a unit's place keeps its capitals.
  EXPECT_EQ(IssuerOf("BAN CHỈ ĐẠO NHÀ NƯỚC\nVỀ DU LỊCH"), "Ban Chỉ đạo nhà nước về du lịch");
  EXPECT_EQ(IssuerOf("ỦY BAN NHÂN DÂN\nHUYỆN LÂM THAO"), "Ủy ban nhân dân huyện Lâm Thao");
}

}  // namespace
}  // namespace vnplan
