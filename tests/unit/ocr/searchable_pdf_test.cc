// The searchable PDF, on pages made here and read back by poppler: the words
// of the finished (restored) text in the invisible layer, the OCR's own
// words where a line's words do not match, one PDF page per scan page, and
// the same bytes each time.
#include <gtest/gtest.h>
#include <leptonica/allheaders.h>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-page.h>

#include <memory>
#include <string>
#include <vector>

#include "tests/support/page_images.h"
#include "vnplan/searchable_pdf.h"

namespace vnplan {
namespace {

// A white page of w x h with a dark bar: PNG bytes.
std::string PagePng(int w, int h) {
  Pix* pix = pixCreate(w, h, 8);
  pixSetAll(pix);
  Box* bar = boxCreate(w / 4, h / 4, w / 2, h / 8);
  pixClearInRect(pix, bar);
  boxDestroy(&bar);
  return testing::PngOf(pix);
}

// One OCR'd page of 400 x 200 pixels whose words are `text`'s, each 60
// pixels wide on its line.
OcrPage ReadPage(const std::string& text) {
  OcrPage page;
  page.text = text;
  page.width = 400;
  page.height = 200;
  int line = 0, x = 10;
  for (size_t i = 0; i < text.size();) {
    if (text[i] == '\n' || text[i] == ' ') {
      if (text[i] == '\n') ++line, x = 10;
      ++i;
      continue;
    }
    const size_t end = text.find_first_of(" \n", i);
    page.words.push_back({text.substr(i, end - i), 90, x, 20 + 40 * line, x + 60, 50 + 40 * line, line, i});
    x += 70;
    i = end;
  }
  return page;
}

std::string PdfText(const std::string& pdf, int page) {
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(pdf.data(), static_cast<int>(pdf.size())));
  if (!doc || page >= doc->pages()) return "<no page>";
  std::unique_ptr<poppler::page> p(doc->create_page(page));
  const poppler::byte_array utf8 = p->text().to_utf8();
  return std::string(utf8.begin(), utf8.end());
}

int PdfPages(const std::string& pdf) {
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(pdf.data(), static_cast<int>(pdf.size())));
  return doc ? doc->pages() : -1;
}

TEST(SearchablePdf, HoldsTheRestoredWordsAtTheOcrBoxes) {
  OcrDocument doc;
  doc.pages.push_back(ReadPage("Phong hoc bo mon\nnam hoc\n"));
  std::string pdf;
  ASSERT_TRUE(WriteSearchablePdf(PagePng(400, 200), doc, "Phòng học bộ môn\nnăm học\n", {}, "", &pdf).ok());
  const std::string text = PdfText(pdf, 0);
  EXPECT_NE(text.find("Phòng học bộ môn"), std::string::npos) << text;
  EXPECT_NE(text.find("năm học"), std::string::npos) << text;
  EXPECT_EQ(text.find("Phong"), std::string::npos) << text;
}

TEST(SearchablePdf, KeepsTheOcrWordsOfALineWhoseWordsDoNotMatch) {
  OcrDocument doc;
  doc.pages.push_back(ReadPage("Phong hoc\nnam hoc\n"));
  std::string pdf;
  ASSERT_TRUE(WriteSearchablePdf(PagePng(400, 200), doc, "Phònghọc\nnăm học\n", {}, "", &pdf).ok());
  const std::string text = PdfText(pdf, 0);
  EXPECT_NE(text.find("Phong hoc"), std::string::npos) << text;
  EXPECT_NE(text.find("năm học"), std::string::npos) << text;
}

TEST(SearchablePdf, OnePdfPagePerScanPageAndTheSameBytesEachTime) {
  Pixa* pixa = pixaCreate(2);
  for (int i = 0; i < 2; ++i) {
    Pix* pix = pixCreate(400, 200, 8);
    pixSetAll(pix);
    pixaAddPix(pixa, pix, L_INSERT);
  }
  l_uint8* data = nullptr;
  size_t size = 0;
  ASSERT_EQ(pixaWriteMemMultipageTiff(&data, &size, pixa), 0);
  pixaDestroy(&pixa);
  const std::string tiff(reinterpret_cast<char*>(data), size);
  lept_free(data);
  OcrDocument doc;
  doc.pages = {ReadPage("trang một\n"), ReadPage("trang hai\n")};
  std::string first, second;
  ASSERT_TRUE(WriteSearchablePdf(tiff, doc, doc.Text(), {}, "", &first).ok());
  ASSERT_TRUE(WriteSearchablePdf(tiff, doc, doc.Text(), {}, "", &second).ok());
  EXPECT_EQ(PdfPages(first), 2);
  EXPECT_NE(PdfText(first, 1).find("trang hai"), std::string::npos);
  EXPECT_EQ(first, second);
}

TEST(SearchablePdf, RefusesAScanWhosePagesDoNotMatchWhatWasRead) {
  OcrDocument doc;
  doc.pages = {ReadPage("một\n"), ReadPage("hai\n")};
  std::string pdf;
  const Status status = WriteSearchablePdf(PagePng(400, 200), doc, doc.Text(), {}, "", &pdf);
  EXPECT_EQ(status.code(), Status::Code::kInvalidInput);
}

// A PDF of one page, a w x h image with a black bar and, when `red`, a red
// one (a seal): the searchable PDF of that image with nothing read.
std::string PagePdf(int w, int h, bool red) {
  Pix* pix = pixCreate(w, h, 32);
  pixSetAllArbitrary(pix, 0xFFFFFF00);
  Box* bar = boxCreate(w / 4, h / 4, w / 2, h / 8);
  pixSetInRectArbitrary(pix, bar, 0x00000000);
  boxDestroy(&bar);
  Box* seal = boxCreate(w / 2, h / 2, w / 4, h / 4);
  if (red) pixSetInRectArbitrary(pix, seal, 0xD0202000);
  boxDestroy(&seal);
  return testing::ScannedPdfOf(testing::PngOf(pix));
}

TEST(SearchablePdf, APdfPageWithColouredInkKeepsItsColourAndAGreyPageStaysGrey) {
  OcrDocument doc;
  doc.pages.resize(1);
  std::string coloured, grey;
  ASSERT_TRUE(WriteSearchablePdf(PagePdf(400, 600, true), doc, "", {}, "", &coloured).ok());
  ASSERT_TRUE(WriteSearchablePdf(PagePdf(400, 600, false), doc, "", {}, "", &grey).ok());
  EXPECT_NE(coloured.find("/ColorSpace /DeviceRGB"), std::string::npos);
  EXPECT_NE(grey.find("/ColorSpace /DeviceGray"), std::string::npos);
  EXPECT_EQ(grey.find("/ColorSpace /DeviceRGB"), std::string::npos);
}

}  // namespace
}  // namespace vnplan
