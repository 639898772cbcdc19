// The OCR stage on pages rendered here (pango-view, Liberation Serif, as a
// clean 300 dpi scan) and on broken input. Needs tesseract-ocr-vie and
// pango1.0-tools, which scripts/setup.sh installs.
#include <gtest/gtest.h>
#include <leptonica/allheaders.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <sstream>

#include "extract_command.h"
#include "test_support.h"
#include "vnplan/ocr.h"

namespace vnplan {
namespace {

// A page of the Phú Thọ plan's opening lines, rendered once.
const std::string& RenderedPage(const std::string& extension) {
  static std::map<std::string, std::string> made;
  auto it = made.find(extension);
  if (it != made.end()) return it->second;
  const std::string dir = testing::OutputDir();  // this process's own
  testing::WriteFile(dir + "/page.txt",
                     "UBND TỈNH PHÚ THỌ\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 941/KH-SGD&ĐT\n"
                     "Phú Thọ, ngày 13 tháng 6 năm 2016\nKẾ HOẠCH\nXây dựng điển hình tiên tiến "
                     "giai đoạn 2016 - 2020\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n- Tiếp tục nâng "
                     "cao nhận thức về vai trò của điển hình tiên tiến.\n");
  const std::string out = dir + "/page." + extension;
  const std::string command = "pango-view --font='Liberation Serif 13' --dpi=300 --margin=120 "
                              "--width=470 --wrap=word -q -o '" + out + "' '" + dir + "/page.txt'";
  EXPECT_EQ(std::system(command.c_str()), 0) << "pango-view is needed (pango1.0-tools)";
  return made[extension] = testing::ReadFile(out);
}

uint32_t Crc32(const std::string& bytes) {
  uint32_t crc = 0xFFFFFFFF;
  for (unsigned char c : bytes) {
    crc ^= c;
    for (int k = 0; k < 8; ++k) crc = crc & 1 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
  }
  return ~crc;
}

std::string BigEndian(uint32_t v) {
  return {char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
}

TEST(Ocr, ReadsARenderedPageWithTheVietnameseModel) {
  OcrDocument doc;
  std::string error;
  ASSERT_TRUE(OcrEngine().Read(RenderedPage("png"), &doc, &error)) << error;
  EXPECT_EQ(doc.kind, "image");
  ASSERT_EQ(doc.pages.size(), 1u);
  EXPECT_GT(doc.mean_confidence, 80);
  EXPECT_EQ(doc.languages, "vie");
  const std::string text = doc.Text();
  EXPECT_NE(text.find("941/KH-SGD&ĐT"), std::string::npos) << text;
  EXPECT_NE(text.find("Phú Thọ"), std::string::npos) << text;
  EXPECT_NE(text.find("MỤC ĐÍCH"), std::string::npos) << text;
}

// `vnplan extract` (no restoration) on a rendered page saved as FILE_NAME.
nlohmann::json ExtractRendered(const std::string& extension, const std::string& file_name) {
  const std::string path = testing::OutputDir() + "/" + file_name;
  testing::WriteFile(path, RenderedPage(extension));
  ExtractOptions options;
  options.inputs = {path};
  options.restore = "never";
  std::istringstream in;
  std::ostringstream out, err;
  EXPECT_EQ(RunExtract(options, in, out, err), kExitOk) << err.str();
  return nlohmann::json::parse(out.str());
}

TEST(Ocr, ExtractRunsTheWholePipelineOnAScan) {
  const auto j = ExtractRendered("png", "scan.png");
  EXPECT_EQ(j["source"]["kind"], "image");
  EXPECT_EQ(j["source"]["pages"], 1);
  EXPECT_EQ(j["source"]["ocr"]["languages"], "vie");
  EXPECT_EQ(j["document"]["number"], "941");
  EXPECT_EQ(j["document"]["date"], "2016-06-13");
  EXPECT_EQ(j["document"]["issuer"]["parent"], "UBND tỉnh Phú Thọ");
  EXPECT_EQ(j["goals"].size(), 1u);
}

TEST(Ocr, PdfTextLayerNeedsNoOcr) {
  const auto j = ExtractRendered("pdf", "page.pdf");
  EXPECT_EQ(j["source"]["kind"], "pdf");
  EXPECT_TRUE(j["source"]["ocr"].is_null());
  EXPECT_EQ(j["document"]["symbol"], "KH-SGD&ĐT");
}

TEST(Ocr, MultiPageTiffGivesPagesSeparatedByFormFeeds) {
  const std::string& png = RenderedPage("png");
  Pix* page = pixReadMem(reinterpret_cast<const l_uint8*>(png.data()), png.size());
  ASSERT_NE(page, nullptr);
  Pixa* pixa = pixaCreate(2);
  pixaAddPix(pixa, page, L_COPY);
  pixaAddPix(pixa, page, L_COPY);
  const std::string tiff = testing::OutputDir() + "/two.tif";
  std::filesystem::remove(tiff);
  ASSERT_EQ(pixaWriteMultipageTiff(tiff.c_str(), pixa), 0);
  pixaDestroy(&pixa);
  pixDestroy(&page);
  OcrDocument doc;
  std::string error;
  ASSERT_TRUE(OcrEngine(OcrOptions{"vie", 2}).Read(testing::ReadFile(tiff), &doc, &error)) << error;
  ASSERT_EQ(doc.pages.size(), 2u);
  EXPECT_EQ(doc.pages[0].text, doc.pages[1].text);
  EXPECT_NE(doc.Text().find('\f'), std::string::npos);
}

TEST(Ocr, BrokenInputGetsAClearErrorNeverACrash) {
  const OcrEngine engine;
  OcrDocument doc;
  std::string error;
  const std::string& png = RenderedPage("png");
  EXPECT_FALSE(engine.Read(png.substr(0, png.size() / 3), &doc, &error));
  EXPECT_NE(error.find("not a readable image"), std::string::npos) << error;
  EXPECT_FALSE(engine.Read("", &doc, &error));
  EXPECT_FALSE(engine.Read("%PDF-1.4\ngarbage", &doc, &error));
  EXPECT_NE(error.find("PDF"), std::string::npos) << error;
  // A PNG header claiming 30000 x 30000 pixels is refused before decoding.
  const std::string ihdr = "IHDR" + BigEndian(30000) + BigEndian(30000) + std::string("\x08\x00\x00\x00\x00", 5);
  const std::string huge = std::string("\x89PNG\r\n\x1a\n", 8) + BigEndian(13) + ihdr + BigEndian(Crc32(ihdr));
  EXPECT_FALSE(engine.Read(huge, &doc, &error));
  EXPECT_NE(error.find("30000 x 30000"), std::string::npos) << error;
}

TEST(Ocr, BlankPageGivesEmptyText) {
  Pix* blank = pixCreate(1240, 1754, 8);
  pixSetAll(blank);
  pixSetResolution(blank, 150, 150);
  l_uint8* data = nullptr;
  size_t size = 0;
  ASSERT_EQ(pixWriteMemPng(&data, &size, blank, 0), 0);
  const std::string png(reinterpret_cast<char*>(data), size);
  lept_free(data);
  pixDestroy(&blank);
  OcrDocument doc;
  std::string error;
  ASSERT_TRUE(OcrEngine().Read(png, &doc, &error)) << error;
  ASSERT_EQ(doc.pages.size(), 1u);
  EXPECT_EQ(doc.pages[0].text.find_first_not_of(" \n\f"), std::string::npos);
}

}  // namespace
}  // namespace vnplan
