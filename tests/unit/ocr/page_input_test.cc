// The readers of image files, on files made here: every page's size checked
// from its header before anything is decoded, a damaged later page stopping
// the walk, and the names of the cleaning steps.
#include <gtest/gtest.h>

#include <chrono>
#include <cstring>
#include <string>
#include <vector>

#include "src/ocr/page_input.h"
#include "vnplan/ocr.h"

namespace vnplan::ocr {
namespace {

// A small grey page with a black bar, so that it is not blank.
Pix* SmallPage(int w, int h) {
  Pix* pix = pixCreate(w, h, 8);
  Box* bar = boxCreate(w / 4, h / 4, w / 2, h / 8);
  pixSetAll(pix);
  pixClearInRect(pix, bar);
  boxDestroy(&bar);
  return pix;
}

std::string MultipageTiff(int pages) {
  Pixa* pixa = pixaCreate(pages);
  for (int i = 0; i < pages; ++i) pixaAddPix(pixa, SmallPage(64, 48), L_INSERT);
  l_uint8* data = nullptr;
  size_t size = 0;
  EXPECT_EQ(pixaWriteMemMultipageTiff(&data, &size, pixa), 0);
  pixaDestroy(&pixa);
  std::string tiff(reinterpret_cast<char*>(data), size);
  lept_free(data);
  return tiff;
}

uint32_t Le32(const std::string& b, size_t at) {
  uint32_t v = 0;
  std::memcpy(&v, b.data() + at, 4);  // the test machine, like Leptonica's output here, is little-endian
  return v;
}

// Sets tag `tag` of the IFD of page `page` (0-based) of a little-endian TIFF
// to `value`, as a SHORT or LONG in place.
void PatchTiffTag(std::string* tiff, int page, uint16_t tag, uint32_t value) {
  ASSERT_EQ(tiff->substr(0, 2), "II");
  size_t ifd = Le32(*tiff, 4);
  for (int i = 0; i < page; ++i) {
    uint16_t count = 0;
    std::memcpy(&count, tiff->data() + ifd, 2);
    ifd = Le32(*tiff, ifd + 2 + 12 * count);
    ASSERT_NE(ifd, 0u) << "no page " << page;
  }
  uint16_t count = 0;
  std::memcpy(&count, tiff->data() + ifd, 2);
  for (uint16_t e = 0; e < count; ++e) {
    const size_t entry = ifd + 2 + 12 * e;
    uint16_t entry_tag = 0, type = 0;
    std::memcpy(&entry_tag, tiff->data() + entry, 2);
    std::memcpy(&type, tiff->data() + entry + 2, 2);
    if (entry_tag != tag) continue;
    if (type == 3) {
      const uint16_t v = static_cast<uint16_t>(value);
      std::memcpy(tiff->data() + entry + 8, &v, 2);
    } else {
      std::memcpy(tiff->data() + entry + 8, &value, 4);
    }
    return;
  }
  FAIL() << "tag " << tag << " not found";
}

// Lists the pages and decodes each, as the OCR workers do; false and
// *error at the first failure.
bool ListAndDecode(const std::string& bytes, const OcrOptions& options, std::string* error) {
  std::vector<PageInput> pages;
  if (!ListImagePages(bytes, options, &pages, error)) return false;
  for (const PageInput& page : pages)
    if (!DecodeImagePage(bytes, page)) {
      *error = "page " + std::to_string(page.index + 1) + " undecodable";
      return false;
    }
  return true;
}

TEST(ImagePages, EveryPageOfATiffIsListedAndDecodedOneByOne) {
  const std::string tiff = MultipageTiff(3);
  std::vector<PageInput> pages;
  std::string error;
  ASSERT_TRUE(ListImagePages(tiff, OcrOptions(), &pages, &error)) << error;
  ASSERT_EQ(pages.size(), 3u);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(pages[i].source, PageInput::Source::kTiffPage);
    EXPECT_EQ(pages[i].index, i);
    PixPtr pix = DecodeImagePage(tiff, pages[i]);
    ASSERT_TRUE(pix);
    EXPECT_EQ(pixGetWidth(pix.get()), 64);
  }
}

// Issue 14, item 1: Leptonica's multi-page reader never returned on these.
TEST(ImagePages, ADamagedLaterTiffPageStopsTheWalkQuickly) {
  const auto start = std::chrono::steady_clock::now();
  std::string three_bits = MultipageTiff(2);
  PatchTiffTag(&three_bits, 1, 258, 3);  // BitsPerSample 3
  std::string past_end = MultipageTiff(2);
  PatchTiffTag(&past_end, 1, 273, static_cast<uint32_t>(past_end.size() + 4096));  // StripOffsets
  for (const std::string* tiff : {&three_bits, &past_end}) {
    std::string error;
    EXPECT_FALSE(ListAndDecode(*tiff, OcrOptions(), &error));
    EXPECT_NE(error.find("page 2"), std::string::npos) << error;
    // The whole reader too: page 1 is read, page 2 stops it with one error.
    OcrDocument doc;
    EXPECT_FALSE(OcrEngine([] { OcrOptions o; o.jobs = 1; return o; }()).Read(*tiff, &doc, &error));
    EXPECT_NE(error.find("page 2 of the TIFF"), std::string::npos) << error;
  }
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(30));  // generous for ASan on a busy machine; the old reader never returned
}

// Issue 14, item 7: a later page's size is checked from its own header.
TEST(ImagePages, AGiantLaterTiffPageIsRefusedBeforeDecoding) {
  std::string tiff = MultipageTiff(2);
  PatchTiffTag(&tiff, 1, 256, 30000);  // ImageWidth
  PatchTiffTag(&tiff, 1, 257, 30000);  // ImageLength
  std::vector<PageInput> pages;
  std::string error;
  EXPECT_FALSE(ListImagePages(tiff, OcrOptions(), &pages, &error));
  EXPECT_NE(error.find("page 2 of the TIFF"), std::string::npos) << error;
  EXPECT_NE(error.find("30000 x 30000"), std::string::npos) << error;
}

TEST(ImagePages, ATiffWithMorePagesThanTheLimitIsRefused) {
  OcrOptions options;
  options.max_pages = 2;
  std::vector<PageInput> pages;
  std::string error;
  EXPECT_FALSE(ListImagePages(MultipageTiff(3), options, &pages, &error));
  EXPECT_NE(error.find("3 pages; the limit is 2"), std::string::npos) << error;
}

// A GIF of `frames` image descriptors of w x h pixels, each with the least
// LZW data (clear, end), on a 1 x 1 screen.
std::string Gif(int frames, int w, int h) {
  std::string gif = "GIF89a";
  gif += std::string("\x01\x00\x01\x00\x00\x00\x00", 7);  // screen 1 x 1, no colour table
  auto le16 = [](int v) { return std::string{char(v & 0xFF), char(v >> 8 & 0xFF)}; };
  for (int i = 0; i < frames; ++i) {
    gif += '\x2C' + le16(0) + le16(0) + le16(w) + le16(h);
    gif += '\x80';                    // a local colour table of 2 entries
    gif += std::string("\x00\x00\x00\xFF\xFF\xFF", 6);
    gif += std::string("\x02\x01\x2C\x00", 4);  // code size 2; one sub-block: clear, end
  }
  return gif + ';';
}

// Issue 14, item 7: giflib decodes every frame before Leptonica's check.
TEST(ImagePages, GifFramesAreCheckedBeforeDecoding) {
  OcrOptions options;
  options.max_pixels = 100'000'000;
  std::vector<PageInput> pages;
  std::string error;
  const auto start = std::chrono::steady_clock::now();
  EXPECT_FALSE(ListImagePages(Gif(1, 60000, 60000), options, &pages, &error));
  EXPECT_NE(error.find("60000 x 60000"), std::string::npos) << error;
  // Each frame alone fits; together they hold 160 million pixels.
  EXPECT_FALSE(ListImagePages(Gif(4, 20000, 2000), options, &pages, &error));
  EXPECT_NE(error.find("GIF's frames"), std::string::npos) << error;
  OcrDocument doc;
  EXPECT_FALSE(OcrEngine(options).Read(Gif(4, 20000, 2000), &doc, &error));
  EXPECT_NE(error.find("GIF's frames"), std::string::npos) << error;
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));  // generous for ASan on a busy machine; the old reader never returned
  // A real GIF within the limits is listed.
  Pix* page = SmallPage(40, 30);
  l_uint8* data = nullptr;
  size_t size = 0;
  ASSERT_EQ(pixWriteMem(&data, &size, page, IFF_GIF), 0);
  const std::string gif(reinterpret_cast<char*>(data), size);
  lept_free(data);
  pixDestroy(&page);
  EXPECT_TRUE(ListImagePages(gif, options, &pages, &error)) << error;
  EXPECT_TRUE(DecodeImagePage(gif, pages.back()));
}

// Found by image_fuzz under UBSan: a PNG header may say 2^32 - 1 by 2^32 - 1
// pixels, whose product overflows a signed 64-bit count.
TEST(ImagePages, APngOfTheLargestSizeItsHeaderCanSayIsRefused) {
  std::string png("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\xff\xff\xff\xff\xff\xff\xff\xff", 24);
  png += std::string("\x08\x00\x00\x00\x00", 5) + std::string(4, '\0');
  OcrOptions options;
  std::vector<PageInput> pages;
  std::string error;
  EXPECT_FALSE(ListImagePages(png, options, &pages, &error));
  EXPECT_NE(error.find("4294967295 x 4294967295"), std::string::npos) << error;
  EXPECT_TRUE(Fits(0, 4294967295LL, options.max_pixels, &error));
  EXPECT_FALSE(Fits(-1, 1, options.max_pixels, &error));
}

// Found by image_fuzz: libpng allocates what a chunk's length says before
// reading it, so a chunk claiming more bytes than the file holds is refused
// before Leptonica sees the file. A whole PNG written here still lists.
TEST(ImagePages, APngChunkClaimingMoreThanTheFileHoldsIsRefused) {
  Pix* page = SmallPage(40, 20);
  l_uint8* data = nullptr;
  size_t size = 0;
  ASSERT_EQ(pixWriteMem(&data, &size, page, IFF_PNG), 0);
  std::string png(reinterpret_cast<char*>(data), size);
  lept_free(data);
  pixDestroy(&page);
  OcrOptions options;
  std::vector<PageInput> pages;
  std::string error;
  EXPECT_TRUE(ListImagePages(png, options, &pages, &error)) << error;
  // A text chunk before IEND whose length says 0x7e6e646f bytes.
  const std::string chunk = std::string("\x7e\x6e\x64\x6f", 4) + "tEXtdate";
  png.insert(png.size() - 12, chunk);
  pages.clear();
  EXPECT_FALSE(ListImagePages(png, options, &pages, &error));
  EXPECT_NE(error.find("claims 2121163887 bytes"), std::string::npos) << error;
}

TEST(OcrSteps, NamesAreParsedFromOneTableAndUnknownNamesRefused) {
  OcrSteps steps = 0;
  ASSERT_TRUE(ParseOcrSteps("despeckle,deskew,scale", &steps).ok());
  EXPECT_EQ(steps, (1u << static_cast<unsigned>(OcrStep::kDespeckle)) |
                       (1u << static_cast<unsigned>(OcrStep::kDeskew)) |
                       (1u << static_cast<unsigned>(OcrStep::kScale)));
  ASSERT_TRUE(ParseOcrSteps("none", &steps).ok());
  EXPECT_EQ(steps, 0u);
  const Status unknown = ParseOcrSteps("deskewx", &steps);
  EXPECT_EQ(unknown.code(), Status::Code::kInvalidArgument);
  EXPECT_NE(unknown.message().find("'deskewx'"), std::string::npos) << unknown.message();
  EXPECT_NE(unknown.message().find("binarize"), std::string::npos) << unknown.message();
  EXPECT_FALSE(ParseOcrSteps("", &steps).ok());
  EXPECT_FALSE(ParseOcrSteps("deskew,", &steps).ok());
  EXPECT_FALSE(ParseOcrSteps("deskew,none", &steps).ok());
}

TEST(OcrSteps, AnUnknownStepMakesReadFailWithItsName) {
  OcrOptions options;
  options.steps = "despeckle,deskewx";
  OcrDocument doc;
  std::string error;
  EXPECT_FALSE(OcrEngine(options).Read(MultipageTiff(1), &doc, &error));
  EXPECT_NE(error.find("'deskewx'"), std::string::npos) << error;
}

TEST(PdfReading, NamesAreParsed) {
  PdfReading reading = PdfReading::kAuto;
  ASSERT_TRUE(ParsePdfReading("ocr", &reading).ok());
  EXPECT_EQ(reading, PdfReading::kOcr);
  ASSERT_TRUE(ParsePdfReading("text", &reading).ok());
  EXPECT_EQ(reading, PdfReading::kTextLayer);
  EXPECT_FALSE(ParsePdfReading("force", &reading).ok());
}

}  // namespace
}  // namespace vnplan::ocr
