#include <gtest/gtest.h>

#include "tests/support/test_support.h"

namespace vnplan {
namespace {

std::vector<Target> TargetsOf(const std::string& section, const std::string& body) {
  return testing::ParseText("KẾ HOẠCH\nX\nI. " + section + "\n" + body).targets;
}

TEST(Targets, EveryLineOfATargetsSectionWithItsQuantity) {
  const auto t = TargetsOf("CHỈ TIÊU PHẤN ĐẤU",
                           "Toàn ngành phấn đấu thực hiện các chỉ tiêu sau:\n"
                           "- Cờ thi đua Bộ: 18 tập thể trở lên;\n"
                           "- Huân chương Lao động: 20 tập thể/cá nhân trở lên;\n"
                           "- Phấn đấu có Nhà giáo Nhân dân;\n");
  ASSERT_EQ(t.size(), 3u);  // the lead-in ending in ':' is not a target
  EXPECT_EQ(t[0].indicator, "Cờ thi đua Bộ");
  EXPECT_EQ(t[0].quantity, 18);
  EXPECT_EQ(t[0].unit, "tập thể");
  EXPECT_EQ(t[0].comparator, ">=");
  EXPECT_EQ(t[0].line, 5);
  EXPECT_EQ(t[1].unit, "tập thể/cá nhân");
  EXPECT_FALSE(t[2].quantity);
  EXPECT_EQ(t[2].indicator, "Phấn đấu có Nhà giáo Nhân dân");
}

TEST(Targets, ComparatorPhrasesAnywhere) {
  const auto t = TargetsOf("NỘI DUNG",
                           "- Mỗi đơn vị lựa chọn xây dựng ít nhất là 01 mô hình trở lên.\n"
                           "- Mỗi Khối thi đua giới thiệu không quá 01 nhà giáo.\n"
                           "- Giới thiệu ít nhất từ 5-10 mô hình tiêu biểu.\n"
                           "- 100% đơn vị xây dựng tiêu chuẩn cụ thể.\n");
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t[0].comparator, ">=");
  EXPECT_EQ(t[0].quantity, 1);
  EXPECT_EQ(t[0].unit, "mô hình");
  EXPECT_EQ(t[0].indicator, "Mỗi đơn vị lựa chọn xây dựng");
  EXPECT_EQ(t[1].comparator, "<=");
  EXPECT_EQ(t[1].unit, "nhà giáo");
  EXPECT_EQ(t[2].quantity, 5);
  EXPECT_EQ(t[2].quantity_max, 10);
  EXPECT_EQ(t[3].unit, "%");
  EXPECT_EQ(t[3].quantity, 100);
  EXPECT_EQ(t[3].indicator, "đơn vị xây dựng tiêu chuẩn cụ thể");
}

TEST(Targets, ListedQuantitiesShareTheIndicator) {
  const auto t = TargetsOf("LỘ TRÌNH",
                           "Mỗi Phòng GD&ĐT chọn 03 trường mầm non, 03 trường tiểu học, 02 "
                           "trường THCS để chỉ đạo điểm.\n");
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[1].unit, "trường tiểu học");
  EXPECT_EQ(t[2].quantity, 2);
  EXPECT_EQ(t[2].unit, "trường THCS");
  EXPECT_EQ(t[2].indicator, "Mỗi Phòng GD&ĐT chọn");
  EXPECT_EQ(t[2].comparator, "=");
}

TEST(Targets, PercentagesWithTheirComparatorsAndRanges) {
  const auto t = TargetsOf("MỤC TIÊU",
                           "- Có ít nhất 60% số trường đạt chuẩn.\n"
                           "- Trên 90% học sinh được khám sức khỏe.\n"
                           "- Tỷ lệ hồ sơ trễ hạn ≤ 2%.\n"
                           "- Dưới 5% học sinh bỏ học.\n"
                           "- Huy động 70%-75% trẻ đến lớp.\n"
                           "- Đạt tỷ lệ từ 45% trở lên giáo viên dạy giỏi.\n");
  ASSERT_EQ(t.size(), 6u);
  EXPECT_EQ(t[0].comparator, ">=");
  EXPECT_EQ(t[0].quantity, 60);
  EXPECT_EQ(t[0].unit, "%");
  EXPECT_EQ(t[0].indicator, "số trường đạt chuẩn");  // "Có" says nothing
  EXPECT_EQ(t[1].comparator, ">");
  EXPECT_EQ(t[1].indicator, "học sinh được khám sức khỏe");
  EXPECT_EQ(t[2].comparator, "<=");
  EXPECT_EQ(t[2].indicator, "Tỷ lệ hồ sơ trễ hạn");
  EXPECT_EQ(t[3].comparator, "<");
  EXPECT_EQ(t[4].quantity, 70);
  EXPECT_EQ(t[4].quantity_max, 75);
  EXPECT_EQ(t[5].comparator, ">=");
  EXPECT_EQ(t[5].quantity, 45);
  EXPECT_EQ(TargetsOf("MỤC TIÊU", "- Có từ 20% trở lên hộ dân dùng nước sạch.\n")[0].indicator,
            "hộ dân dùng nước sạch");
}

TEST(Targets, NumbersWithoutATargetPhraseAreNot) {
  EXPECT_TRUE(TargetsOf("NỘI DUNG", "- Kỷ niệm 70 năm ngày Bác Hồ ra lời kêu gọi thi đua.\n")
                  .empty());
}

}  // namespace
}  // namespace vnplan
