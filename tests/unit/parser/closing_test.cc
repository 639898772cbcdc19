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

}  // namespace
}  // namespace vnplan
