// The e-signature box of a signed scan, read from its text layer: the
// labelled box, the VGCA box, and layers that state no signature. Names
// and times here are made up.
#include <gtest/gtest.h>

#include "src/ocr/signature_box.h"

namespace vnplan::ocr {
namespace {

TEST(SignatureBox, LabelledBoxGivesEachFieldAndAnIsoTime) {
  const auto signatures = ParseSignatureBox(
      "Ký bởi: Ủy ban nhân dân\ntỉnh Hòa Bình Mới\nCơ quan: Tỉnh Hòa Bình Mới\n"
      "Thời gian ký: 21/01/2025 09:08:01\n");
  ASSERT_EQ(signatures.size(), 1u);
  EXPECT_EQ(signatures[0].signed_by, "Ủy ban nhân dân tỉnh Hòa Bình Mới");  // lines joined
  EXPECT_EQ(signatures[0].organisation, "Tỉnh Hòa Bình Mới");
  EXPECT_EQ(signatures[0].time, "2025-01-21T09:08:01");  // no offset stated: none added
}

TEST(SignatureBox, LabelsOnOneLineInAnyCaseAndARepeatedLabelStartsTheNextSignature) {
  const auto signatures = ParseSignatureBox(
      "KÝ BỞI: Sở Một thời gian ký: 02.03.2024 14:05 +07:00 Ký bởi: Sở Hai Cơ quan: Tỉnh Ba");
  ASSERT_EQ(signatures.size(), 2u);
  EXPECT_EQ(signatures[0].signed_by, "Sở Một");
  EXPECT_EQ(signatures[0].organisation, std::nullopt);
  EXPECT_EQ(signatures[0].time, "2024-03-02T14:05:00+07:00");
  EXPECT_EQ(signatures[1].signed_by, "Sở Hai");
  EXPECT_EQ(signatures[1].organisation, "Tỉnh Ba");
  EXPECT_EQ(signatures[1].time, std::nullopt);
}

TEST(SignatureBox, VgcaBoxGivesTheHolderAndTime) {
  const auto signatures =
      ParseSignatureBox("Trung tâm Dữ liệu Mẫu\nmau@example.gov.vn\n05.11.2019 08:30:15 +07:00\n");
  ASSERT_EQ(signatures.size(), 1u);
  EXPECT_EQ(signatures[0].signed_by, "Trung tâm Dữ liệu Mẫu");
  EXPECT_EQ(signatures[0].organisation, std::nullopt);
  EXPECT_EQ(signatures[0].time, "2019-11-05T08:30:15+07:00");
}

TEST(SignatureBox, ALayerWithoutLabelsOrTimeStatesNoSignature) {
  EXPECT_TRUE(ParseSignatureBox("").empty());
  EXPECT_TRUE(ParseSignatureBox("1849").empty());  // an e-office stamped number
  EXPECT_TRUE(ParseSignatureBox("Số: 12/KH-UBND ngày 3/4/2024").empty());  // a date, no time
}

TEST(SignatureBox, AnImpossibleTimeIsNullNotGuessed) {
  const auto signatures = ParseSignatureBox("Ký bởi: Sở Một\nThời gian ký: 31/02/2025 25:61:00");
  ASSERT_EQ(signatures.size(), 1u);
  EXPECT_EQ(signatures[0].signed_by, "Sở Một");
  EXPECT_EQ(signatures[0].time, std::nullopt);
  EXPECT_EQ(ParseSignatureBox("Ký bởi: Sở Một\nThời gian ký: 29/02/2024 23:59:59")[0].time,
            "2024-02-29T23:59:59");  // a leap day
}

}  // namespace
}  // namespace vnplan::ocr
