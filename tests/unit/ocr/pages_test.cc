// Which pages are read: the --pages list and the selection both the OCR
// and the searchable PDF use.
#include <gtest/gtest.h>
#include <leptonica/allheaders.h>

#include <string>
#include <vector>

#include <poppler/cpp/poppler-document.h>

#include "src/ocr/page_input.h"
#include "src/ocr/pdf_input.h"
#include "vnplan/ocr.h"
#include "tests/support/page_images.h"
#include "vnplan/searchable_pdf.h"

namespace vnplan {
namespace {

using Ranges = std::vector<std::pair<int, int>>;

TEST(PageRanges, ReadsPagesRangesAndOpenEnds) {
  Ranges ranges;
  ASSERT_TRUE(ParsePageRanges("1-3,5,8-", &ranges).ok());
  EXPECT_EQ(ranges, (Ranges{{1, 3}, {5, 5}, {8, INT32_MAX}}));
}

TEST(PageRanges, RefusesWhatIsNotAPageList) {
  Ranges ranges;
  for (const char* bad : {"", "0", "3-1", "a", "1,,2", "-2", "1-2-3", "2x"})
    EXPECT_EQ(ParsePageRanges(bad, &ranges).code(), Status::Code::kInvalidArgument) << bad;
}

std::string BlankTiff(int pages) {
  Pixa* pixa = pixaCreate(pages);
  for (int i = 0; i < pages; ++i) {
    Pix* pix = pixCreate(64, 48, 8);
    pixSetAll(pix);
    pixaAddPix(pixa, pix, L_INSERT);
  }
  l_uint8* data = nullptr;
  size_t size = 0;
  EXPECT_EQ(pixaWriteMemMultipageTiff(&data, &size, pixa), 0);
  pixaDestroy(&pixa);
  std::string tiff(reinterpret_cast<char*>(data), size);
  lept_free(data);
  return tiff;
}

TEST(PageRanges, OnlyTheAskedPagesAreListed) {
  OcrOptions options;
  ASSERT_TRUE(ParsePageRanges("2,4-", &options.pages).ok());
  std::vector<ocr::PageInput> pages;
  std::string error;
  ASSERT_TRUE(ocr::ListPages(BlankTiff(5), options, &pages, &error)) << error;
  ASSERT_EQ(pages.size(), 3u);
  EXPECT_EQ(pages[0].index, 1);
  EXPECT_EQ(pages[1].index, 3);
  EXPECT_EQ(pages[2].index, 4);
}

TEST(PageRanges, AskingOnlyForPagesPastTheEndIsAnError) {
  OcrOptions options;
  ASSERT_TRUE(ParsePageRanges("7-9", &options.pages).ok());
  std::vector<ocr::PageInput> pages;
  std::string error;
  EXPECT_FALSE(ocr::ListPages(BlankTiff(2), options, &pages, &error));
  EXPECT_NE(error.find("2 pages"), std::string::npos) << error;
}

// A PDF of one scanned page: a w x h grey image with a dark bar, stated
// at `dpi`, covering the page (a searchable PDF of it with nothing read,
// so the page has no text layer and is a page to OCR).
std::string ScanPdf(int w, int h, int dpi) {
  Pix* pix = pixCreate(w, h, 8);
  pixSetAll(pix);
  Box* bar = boxCreate(w / 4, h / 4, w / 2, h / 8);
  pixClearInRect(pix, bar);
  boxDestroy(&bar);
  pixSetResolution(pix, dpi, dpi);
  return testing::ScannedPdfOf(testing::PngOf(pix));
}

// The dpi the one page of `pdf` is listed to be rendered at, and the size
// it renders at then.
int ListedDpi(const std::string& pdf, int* width, int* height) {
  std::vector<ocr::PageInput> pages;
  std::string error;
  EXPECT_TRUE(ocr::ListPages(pdf, OcrOptions(), &pages, &error)) << error;
  if (pages.size() != 1 || pages[0].source != ocr::PageInput::Source::kPdfPage) return -1;
  const std::unique_ptr<poppler::document> doc = ocr::LoadPdf(pdf);
  const ocr::PixPtr pix = ocr::RenderPdfPage(*doc, 0, pages[0].dpi);
  *width = pix ? pixGetWidth(pix.get()) : 0;
  *height = pix ? pixGetHeight(pix.get()) : 0;
  return pages[0].dpi;
}

TEST(PdfPageDpi, APageScannedAt200DpiIsRenderedAtItsImagesOwnSize) {
  int width = 0, height = 0;
  EXPECT_EQ(ListedDpi(ScanPdf(400, 600, 200), &width, &height), 200);
  EXPECT_EQ(width, 400);
  EXPECT_EQ(height, 600);
  EXPECT_EQ(ListedDpi(ScanPdf(800, 1200, 400), &width, &height), 400);
  EXPECT_EQ(width, 800);
}

TEST(PdfPageDpi, OutsideTwoToFourHundredDpiThePageIsRenderedAt300) {
  int width = 0, height = 0;
  EXPECT_EQ(ListedDpi(ScanPdf(400, 600, 100), &width, &height), ocr::kRenderDpi);
  EXPECT_EQ(width, 1200);  // 4 inches at 300 dpi
  EXPECT_EQ(ListedDpi(ScanPdf(1200, 1800, 600), &width, &height), ocr::kRenderDpi);
  EXPECT_EQ(width, 600);
}

// Each page within the per-page limit, all of them together over the total:
// refused before any is decoded. Only the pages asked for count.
TEST(PageRanges, PagesOverTheTotalPixelLimitAreRefused) {
  OcrOptions options;
  options.max_total_pixels = 4 * 64 * 48;  // four of BlankTiff's pages
  std::vector<ocr::PageInput> pages;
  std::string error;
  EXPECT_FALSE(ocr::ListPages(BlankTiff(5), options, &pages, &error));
  EXPECT_TRUE(pages.empty());
  EXPECT_NE(error.find("--max-total-megapixels"), std::string::npos) << error;
  ASSERT_TRUE(ParsePageRanges("1-4", &options.pages).ok());
  EXPECT_TRUE(ocr::ListPages(BlankTiff(5), options, &pages, &error)) << error;
  EXPECT_EQ(pages.size(), 4u);
}

}  // namespace
}  // namespace vnplan
