// Headers and closings of document styles found in the devset (issue 12),
// on short documents written here in each style (tests/genre/): a standing
// committee's resolution, a Cục's notice on a library page, a chairman's
// decision with a long appendix.
#include <gtest/gtest.h>

#include "tests/support/test_support.h"

namespace vnplan {
namespace {

Plan Load(const std::string& name) {
  return testing::ParseText(testing::ReadFile(testing::SourcePath("tests/genre/" + name)));
}

// No masthead: the number on the first line, the issuer on the authority
// line under the title, the date in the closing formula, the recipients in
// one unlabelled cell, and "(đã ký)" where the name would be.
TEST(HeaderGenre, StandingCommitteeResolution) {
  const Plan p = Load("nghi-quyet-ubtvqh.md");
  const Header& h = p.header;
  EXPECT_EQ(h.type, "Nghị quyết");
  EXPECT_EQ(h.number, "2101");
  EXPECT_EQ(h.symbol, "NQ-UBTVQH15");
  EXPECT_EQ(h.date, "2025-07-24");
  EXPECT_FALSE(h.place);
  EXPECT_EQ(h.issuer.name, "Ủy ban Thường vụ Quốc hội");
  ASSERT_TRUE(h.title);
  EXPECT_EQ(h.title->rfind("Về việc điều chỉnh địa giới", 0), 0u);
  EXPECT_EQ(h.title->find("ỦY BAN"), std::string::npos);
  EXPECT_EQ(h.recipients.size(), 5u);
  EXPECT_EQ(h.recipients[1], "Kiểm toán nhà nước");
  EXPECT_FALSE(h.signer);
}

// A library page's metadata above the masthead, the date cut after "ng**ày",
// the Cục's head under the title, a TL./KT. block whose signer has a rare
// surname, and the page's footer after it.
TEST(HeaderGenre, NoticeOfADepartmentOnALibraryPage) {
  const Plan p = Load("thong-bao-cuc.md");
  const Header& h = p.header;
  EXPECT_EQ(h.type, "Thông báo");
  EXPECT_EQ(h.number, "1208");
  EXPECT_EQ(h.date, "2025-12-05");
  EXPECT_EQ(h.place, "Hà Nội");
  EXPECT_EQ(h.issuer.name, "Cục Thống kê");
  EXPECT_EQ(h.issuer.parent, "Bộ Tài chính");
  EXPECT_EQ(h.title, "VỀ LỊCH CÔNG BỐ SỐ LIỆU THỐNG KÊ NĂM 2026");
  ASSERT_TRUE(h.signer);
  EXPECT_EQ(h.signer->name, "Chế Thị Hồng Nhung");
  EXPECT_EQ(h.signer->position, "Phó Trưởng ban");
  EXPECT_EQ(h.signer->on_behalf, "TL. Cục trưởng");
}

// "Số:" alone above its number, "tháng12" run together, a title of four
// lines ending on a line that starts with an agency after a comma, the
// chairman's line under it, no "Nơi nhận", and a "PHẦN I" appendix longer
// than the closing window.
TEST(HeaderGenre, ChairmansDecisionWithALongAppendix) {
  const Plan p = Load("quyet-dinh-chu-tich.md");
  const Header& h = p.header;
  EXPECT_EQ(h.type, "Quyết định");
  EXPECT_EQ(h.number, "3307");
  EXPECT_EQ(h.symbol, "QĐ-UBND");
  EXPECT_EQ(h.date, "2025-12-10");
  EXPECT_EQ(h.issuer.name, "Ủy ban nhân dân tỉnh Thanh Hóa");
  ASSERT_TRUE(h.title);
  const std::string tail = "DU LỊCH, ỦY BAN NHÂN DÂN CẤP XÃ TỈNH THANH HÓA";
  ASSERT_GE(h.title->size(), tail.size());
  EXPECT_EQ(h.title->substr(h.title->size() - tail.size()), tail);
  EXPECT_EQ(h.title->find("CHỦ TỊCH"), std::string::npos);
  ASSERT_TRUE(h.signer);
  EXPECT_EQ(h.signer->name, "Lê Đức Giang");
  EXPECT_EQ(h.signer->position, "Phó Chủ tịch");
  EXPECT_EQ(h.signer->on_behalf, "KT. Chủ tịch");
  ASSERT_EQ(p.sections.size(), 3u);
  EXPECT_EQ(p.sections[2].number, "3");
}

}  // namespace
}  // namespace vnplan
