// The gazetteer (places.tsv) and what the parser takes from it: a small
// file written here in the layout scripts/gazetteer.py writes.
#include "src/restore/gazetteer.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "tests/support/test_support.h"
#include "vnplan/parser.h"
#include "vnplan/pipeline.h"

namespace vnplan {
namespace {

using internal::Gazetteer;
using internal::Place;
using testing::OutputDir;
using testing::WriteFile;

// Phú Thọ with two of its districts and a commune; two districts of one
// name in two provinces; two communes spelled alike but for their marks.
constexpr char kPlaces[] =
    "province\tTỉnh\tPhú Thọ\t25\t\n"
    "district\tThành phố\tViệt Trì\t227\t25\n"
    "district\tHuyện\tLâm Thao\t235\t25\n"
    "commune\tThị trấn\tLâm Thao\t8203\t235\n"
    "commune\tXã\tCao Xá\t8206\t235\n"
    "province\tTỉnh\tLong An\t80\t\n"
    "province\tTỉnh\tBến Tre\t83\t\n"
    "district\tHuyện\tChâu Thành\t807\t80\n"
    "district\tHuyện\tChâu Thành\t831\t83\n"
    "commune\tXã\tTân Hòa\t27000\t807\n"
    "commune\tXã\tTân Hoà\t28000\t831\n"
    "province\tThành phố\tHồ Chí Minh\t79\t\n"
    "province\tTỉnh\tBà Rịa - Vũng Tàu\t77\t\n";

std::unique_ptr<Gazetteer> Small() {
  std::unique_ptr<Gazetteer> g;
  EXPECT_TRUE(Gazetteer::Parse(kPlaces, &g).ok());
  return g;
}

std::string SmallFile() {
  const std::string path = OutputDir() + "/gazetteer_test_places.tsv";
  WriteFile(path, kPlaces);
  return path;
}

TEST(Gazetteer, FindsNamesWhateverTheirCaseAndMarks) {
  const auto g = Small();
  ASSERT_EQ(g->size(), 13u);
  EXPECT_EQ(g->Spelling("LAM THAO"), "Lâm Thao");
  EXPECT_EQ(g->Spelling("lâm thao"), "Lâm Thao");
  EXPECT_EQ(g->Spelling("BA RIA VUNG TAU"), "Bà Rịa - Vũng Tàu");
  EXPECT_EQ(g->Spelling("Hà Nội"), std::nullopt);  // not in this file
  EXPECT_EQ(g->Named("Lâm Thao").size(), 2u);
  ASSERT_EQ(g->Named("Lam Thao", "HUYEN").size(), 1u);
  EXPECT_EQ(g->Named("Lam Thao", "HUYEN")[0]->level, Place::Level::kDistrict);
  EXPECT_TRUE(g->Named("Lam Thao", "phường").empty());
}

TEST(Gazetteer, KeepsMarksTheTextHasAndGuessesNoneBetweenSpellings) {
  const auto g = Small();
  EXPECT_EQ(g->Spelling("TÂN HÒA"), "Tân Hòa");  // the text's own marks
  EXPECT_EQ(g->Spelling("Tân Hoà"), "Tân Hoà");
  EXPECT_EQ(g->Spelling("tan hoa"), std::nullopt);  // which of the two?
  EXPECT_EQ(g->Spelling("phú thố"), "Phú Thọ");     // marks misread: the unit's
  EXPECT_EQ(g->Spelling("VIỆT TRÌ"), "Việt Trì");
}

TEST(Gazetteer, NamesTheProvinceOnlyWhenOneHoldsEveryUnitSoNamed) {
  const auto g = Small();
  ASSERT_NE(g->ProvinceOf("Cao Xá"), nullptr);
  EXPECT_EQ(g->ProvinceOf("Cao Xá")->name, "Phú Thọ");
  EXPECT_EQ(g->ProvinceOf("Lâm Thao")->name, "Phú Thọ");  // district and town alike
  EXPECT_EQ(g->ProvinceOf("Phú Thọ")->name, "Phú Thọ");
  EXPECT_EQ(g->ProvinceOf("Châu Thành"), nullptr);  // Long An or Bến Tre
  EXPECT_EQ(g->ProvinceOf("Nowhere"), nullptr);
}

TEST(Gazetteer, FindsTheProvinceThroughTheUnitsAnAgencyNames) {
  const auto g = Small();
  const auto province = [&](std::string_view text) -> std::string {
    const Place* p = g->ProvinceNamedIn(text);
    return p ? p->name : "(none)";
  };
  EXPECT_EQ(province("UBND huyện Lâm Thao"), "Phú Thọ");
  EXPECT_EQ(province("Phòng GDĐT THANH PHO VIET TRI"), "Phú Thọ");
  EXPECT_EQ(province("Ủy ban nhân dân xã Cao Xá"), "Phú Thọ");
  EXPECT_EQ(province("Lâm Thao"), "Phú Thọ");
  EXPECT_EQ(province("UBND huyện Châu Thành"), "(none)");  // two provinces
  EXPECT_EQ(province("UBND xã Tân Hòa huyện Châu Thành"), "Long An");  // the commune says which
  EXPECT_EQ(province("Sở Giáo dục và Đào tạo"), "(none)");
  EXPECT_EQ(province(""), "(none)");
}

TEST(Gazetteer, KnowsItsUnitTypesAndTheirInitials) {
  const auto g = Small();
  EXPECT_TRUE(g->IsType("HUYỆN"));
  EXPECT_TRUE(g->IsType("thanh pho"));
  EXPECT_TRUE(g->IsType("TP."));
  EXPECT_TRUE(g->IsType("Tt"));
  EXPECT_FALSE(g->IsType("Lâm"));
  // How the file writes a type, for the restorer ("thi tran" is "thị trấn"),
  // and never for initials, which spell no syllable.
  EXPECT_EQ(g->TypeSpelling("THI TRAN"), "thị trấn");
  EXPECT_EQ(g->TypeSpelling("xa"), "xã");
  EXPECT_EQ(g->TypeSpelling("TP"), "");
  EXPECT_EQ(g->TypeSpelling("Lâm"), "");
}

TEST(Gazetteer, NamesEachUnitsProvince) {
  const auto g = Small();
  const Place* commune = g->Named("Cao Xá").front();
  ASSERT_NE(g->ProvinceOf(*commune), nullptr);
  EXPECT_EQ(g->ProvinceOf(*commune)->name, "Phú Thọ");
  EXPECT_EQ(g->ProvinceOf(*g->Named("Phú Thọ").front()), g->ProvinceOf(*commune));
  std::unique_ptr<Gazetteer> orphans;
  ASSERT_TRUE(Gazetteer::Parse("commune\tXã\tCao Xá\t1\t999\n", &orphans).ok());
  EXPECT_EQ(orphans->ProvinceOf(*orphans->Named("Cao Xá").front()), nullptr);
}

TEST(Gazetteer, RefusesMalformedLinesNamingThem) {
  std::unique_ptr<Gazetteer> g;
  Status s = Gazetteer::Parse("province\tTỉnh\tPhú Thọ\t25\t\nregion\tVùng\tX\t1\t\n", &g);
  EXPECT_EQ(s.code(), Status::Code::kInvalidInput);
  EXPECT_NE(s.message().find("line 2"), std::string::npos) << s.message();
  s = Gazetteer::Parse("province\tTỉnh\tPhú Thọ\n", &g);
  EXPECT_EQ(s.code(), Status::Code::kInvalidInput);
  EXPECT_EQ(Gazetteer::Load(OutputDir() + "/no such places.tsv", &g).code(), Status::Code::kIoError);
  // An empty file is a gazetteer of no places, not a file that cannot be read.
  WriteFile(OutputDir() + "/empty places.tsv", "");
  EXPECT_TRUE(Gazetteer::Load(OutputDir() + "/empty places.tsv", &g).ok());
  EXPECT_EQ(g->size(), 0u);
}

constexpr char kStrippedMasthead[] =
    "UY BAN NHAN DAN\nHUYEN LAM THAO\nSo: 12/KH-UBND\n"
    "lam thao, ngay 5 thang 3 nam 2024\nKE HOACH\nPhong chong lut bao\n";

TEST(ParserGazetteer, SpellsTheDateLinePlaceAndTheIssuersUnit) {
  PlanParser parser;
  ASSERT_TRUE(parser.UseGazetteer(SmallFile()).ok());
  const Plan p = parser.Parse(kStrippedMasthead);
  EXPECT_EQ(p.header.place, "Lâm Thao");
  EXPECT_EQ(p.header.date, "2024-03-05");
  ASSERT_TRUE(p.header.issuer.name);
  EXPECT_NE(p.header.issuer.name->find("huyện Lâm Thao"), std::string::npos) << *p.header.issuer.name;
}

TEST(ParserGazetteer, WithoutOneTakesThePlacesAsWritten) {
  PlanParser parser;
  EXPECT_EQ(parser.UseGazetteer(OutputDir() + "/no such places.tsv").code(), Status::Code::kIoError);
  const Plan p = parser.Parse(kStrippedMasthead);
  EXPECT_FALSE(p.header.place);  // lower case: no place without the gazetteer
  ASSERT_TRUE(p.header.issuer.name);
  EXPECT_EQ(p.header.issuer.name->find("Lâm"), std::string::npos);
}

TEST(ParserGazetteer, KeepsAUnitTypeBeforeThePlaceAndCutsWhatIsNoPlace) {
  PlanParser parser;
  ASSERT_TRUE(parser.UseGazetteer(SmallFile()).ok());
  EXPECT_EQ(parser.Parse("TP. HỒ CHÍ MINH, ngày 2 tháng 9 năm 2024\nKẾ HOẠCH\nX\n").header.place,
            "TP. Hồ Chí Minh");
  EXPECT_EQ(parser.Parse("Độc lập Việt Trì, ngày 2 tháng 9 năm 2024\nKẾ HOẠCH\nX\n").header.place,
            "Việt Trì");
  // A place the gazetteer does not know is taken as written.
  EXPECT_EQ(parser.Parse("Sa Pa, ngày 2 tháng 9 năm 2024\nKẾ HOẠCH\nX\n").header.place, "Sa Pa");
}

TEST(ParserGazetteer, NamesTheUnitInAnAgencysCapitals) {
  PlanParser parser;
  ASSERT_TRUE(parser.UseGazetteer(SmallFile()).ok());
  const Plan p = parser.Parse(
      "UBND THANH PHO VIET TRI\nPHÒNG GIÁO DỤC VÀ ĐÀO TẠO\nSố: 3/KH-PGDĐT\n"
      "Việt Trì, ngày 2 tháng 9 năm 2024\nKẾ HOẠCH\nX\n");
  EXPECT_EQ(p.header.issuer.parent, "UBND thành phố Việt Trì");
  EXPECT_EQ(p.header.issuer.name, "Phòng Giáo dục và Đào tạo");
}

TEST(ParserGazetteer, PipelineReadsItFromTheModelDirectory) {
  const std::string dir = OutputDir() + "/gazetteer_test_models";
  std::filesystem::create_directories(dir);
  WriteFile(dir + "/places.tsv", kPlaces);
  PipelineOptions options;
  options.model_dir = dir;  // no restoration model: the parser's file alone
  std::unique_ptr<Pipeline> pipeline;
  ASSERT_TRUE(Pipeline::Open(options, &pipeline).ok());
  EXPECT_NE(pipeline->id().find("; places "), std::string::npos) << pipeline->id();
  Extraction e;
  ASSERT_TRUE(pipeline->Extract(kStrippedMasthead, &e).ok());
  EXPECT_EQ(e.plan.header.place, "Lâm Thao");

  WriteFile(dir + "/places.tsv", "district\tHuyện\n");  // damaged: a clear error
  const Status s = Pipeline::Open(options, &pipeline);
  EXPECT_EQ(s.code(), Status::Code::kInvalidInput);
  EXPECT_NE(s.message().find("places.tsv"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace vnplan
