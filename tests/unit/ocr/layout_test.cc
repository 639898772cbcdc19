// Reading order from Tesseract's lines, on lines made here: the two-column
// masthead, and which words of a text layer are painted out before OCR.
#include <gtest/gtest.h>

#include <array>
#include <string>
#include <vector>

#include "src/ocr/layout.h"
#include "src/ocr/preprocess.h"
#include "src/ocr/text_layer.h"

namespace vnplan::ocr {
namespace {

constexpr int kPageWidth = 2480;  // A4 at 300 dpi

// A line of words at [top, bottom); each word given as text and its x range.
LayoutLine Line(int top, int bottom, const std::vector<std::pair<std::string, std::pair<int, int>>>& words) {
  LayoutLine line;
  line.top = top;
  line.bottom = bottom;
  line.left = words.front().second.first;
  for (const auto& [text, x] : words) {
    line.words.push_back({text, 90, x.first, top, x.second, bottom, 0, 0});
    line.right = x.second;
  }
  return line;
}

TEST(Layout, MastheadIsPartedLineByLineBelowAnESignatureBox) {
  const std::vector<LayoutLine> lines = {
      // An e-signature box over the top right: no wide gap, above the masthead.
      Line(40, 75, {{"Ký", {1650, 1700}}, {"bởi:", {1715, 1800}}, {"Sở", {1815, 1870}}}),
      Line(200, 250, {{"BỘ", {300, 380}}, {"CÔNG", {395, 560}}, {"THƯƠNG", {575, 800}},
                      {"CỘNG", {1100, 1260}}, {"HÒA", {1275, 1400}}}),
      // The left line is longer than the first: its last word ends past the
      // middle of the first line's gap (950).
      Line(260, 310, {{"TRƯỜNG", {150, 380}}, {"ĐẠI", {395, 500}}, {"HỌC", {515, 640}},
                      {"CÔNG", {655, 820}}, {"THƯƠNG", {835, 1050}},
                      {"Độc", {1300, 1400}}, {"lập", {1415, 1500}}}),
      Line(320, 370, {{"Số:", {400, 480}}, {"12/KH-ĐHCT", {495, 800}}}),  // left only
      Line(400, 450, {{"KẾ", {1140, 1220}}, {"HOẠCH", {1235, 1340}}}),    // centred: the title
      Line(500, 550, {{"I.", {200, 240}}, {"MỤC", {255, 400}}, {"ĐÍCH", {415, 560}}}),
  };
  std::vector<OcrWord> words;
  const std::string text = PageText(lines, kPageWidth, {}, &words);
  EXPECT_EQ(text,
            "Ký bởi: Sở\n"
            "BỘ CÔNG THƯƠNG\nTRƯỜNG ĐẠI HỌC CÔNG THƯƠNG\nSố: 12/KH-ĐHCT\n\n"
            "CỘNG HÒA\nĐộc lập\n\n"
            "KẾ HOẠCH\nI. MỤC ĐÍCH\n");
  ASSERT_EQ(words.size(), 22u);
  for (const OcrWord& w : words) EXPECT_EQ(text.substr(w.offset, w.text.size()), w.text);
}

// Issue 11: a centred title's last line and the justified body line under
// it, which Tesseract gave as one paragraph (a stamp hid the body's first
// word), are parted; the title's two centred lines, and the body's
// justified lines, stay together.
TEST(Layout, ACentredTitleEndsWhereAFullLineFollows) {
  const std::vector<LayoutLine> lines = {
      Line(100, 150, {{"Về", {730, 800}}, {"việc", {815, 1860}}}),      // centred on 1295
      Line(160, 210, {{"trên", {1010, 1100}}, {"địa", {1115, 1580}}}),  // centred, shorter
      Line(220, 270, {{"thời", {700, 800}}, {"gian", {815, 2200}}}),    // to the margin
      Line(280, 330, {{"chính;", {390, 500}}, {"việc", {515, 2200}}}),
      Line(340, 390, {{"hành", {390, 500}}, {"chính", {515, 2201}}}),
      Line(400, 450, {{"đạt", {390, 500}}, {"những", {515, 2199}}}),
      Line(460, 510, {{"quyết", {390, 500}}, {"định", {515, 2200}}}),
  };
  std::vector<OcrWord> words;
  EXPECT_EQ(PageText(lines, kPageWidth, {}, &words),
            "Về việc\ntrên địa\n\nthời gian\nchính; việc\nhành chính\nđạt những\nquyết định\n");
}

TEST(Layout, APageWithoutTwoColumnsKeepsTesseractsOrder) {
  const std::vector<LayoutLine> lines = {
      Line(100, 150, {{"Một", {200, 300}}, {"dòng", {315, 420}}}),
      Line(160, 210, {{"Hai", {200, 280}}}),
  };
  std::vector<OcrWord> words;
  EXPECT_EQ(PageText(lines, kPageWidth, {}, &words), "Một dòng\nHai\n");
}

// Issue 11: the footer's two blocks, merged line by line by Tesseract, come
// out the recipients' list first, then the signer's block, however far
// below its name is.
TEST(Layout, FooterGivesRecipientsThenTheSignersBlock) {
  const std::vector<LayoutLine> lines = {
      Line(100, 150, {{"Trân", {300, 420}}, {"trọng./.", {435, 600}}}),
      Line(200, 250, {{"Nơi", {200, 290}}, {"nhận:", {305, 420}},
                      {"TL.", {1500, 1580}}, {"GIÁM", {1595, 1750}}, {"ĐỐC", {1765, 1880}}}),
      Line(260, 300, {{"-", {200, 220}}, {"Như", {235, 330}}, {"trên;", {345, 460}},
                      {"TRƯỞNG", {1450, 1700}}, {"PHÒNG", {1715, 1930}}}),
      Line(310, 350, {{"-", {200, 220}}, {"Lưu:", {235, 340}}, {"VT.", {355, 440}}}),  // left only
      Line(700, 750, {{"Lê", {1580, 1660}}, {"Văn", {1675, 1790}}, {"Ba", {1805, 1880}}}),  // far below
  };
  std::vector<OcrWord> words;
  const std::string text = PageText(lines, kPageWidth, {}, &words);
  EXPECT_EQ(text,
            "Trân trọng./.\n"
            "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\n"
            "TL. GIÁM ĐỐC\nTRƯỞNG PHÒNG\nLê Văn Ba\n\n");
  for (const OcrWord& w : words) EXPECT_EQ(text.substr(w.offset, w.text.size()), w.text);
}

// A page at 72 dpi (a pixel a point), white, with black rectangles.
PixPtr PageWith(const std::vector<std::array<int, 4>>& black) {
  PixPtr page(pixCreate(800, 400, 8));
  pixSetAll(page.get());
  for (const auto& [x, y, w, h] : black) {
    Box* box = boxCreate(x, y, w, h);
    pixClearInRect(page.get(), box);
    boxDestroy(&box);
  }
  return page;
}

bool IsBlack(Pix* page, int x, int y) {
  l_uint32 value = 255;
  pixGetPixel(page, x, y, &value);
  return value < 128;
}

TEST(TextLayer, LayerWordsArePaintedOutThoseInAPrintedLineReturned) {
  // A printed line "Số: ___/BGDĐT" with a stamped number in its blank, and
  // an e-signature line of two words alone at the top right.
  PixPtr page = PageWith({{100, 200, 80, 40}, {230, 200, 170, 40},  // the scan's print
                          {190, 205, 30, 30},                       // "1849", drawn
                          {600, 50, 45, 25}, {660, 50, 40, 25}});   // "Ký bởi:", drawn
  const std::vector<LayerWord> layer = {
      {"1849", 186, 202, 224, 238}, {"Ký", 598, 48, 647, 77}, {"bởi:", 658, 48, 702, 77}};
  const std::vector<LayerWord> fills = BlankLayerWords(page.get(), layer, 72);
  ASSERT_EQ(fills.size(), 1u);                  // the number fills the printed line
  EXPECT_EQ(fills[0].text, "1849");
  EXPECT_FALSE(IsBlack(page.get(), 200, 220));  // and is painted out, to be written
  EXPECT_FALSE(IsBlack(page.get(), 620, 60));   // the signature is painted out
  EXPECT_FALSE(IsBlack(page.get(), 680, 60));
  EXPECT_TRUE(IsBlack(page.get(), 120, 220));   // the scan's print is untouched
  EXPECT_TRUE(IsBlack(page.get(), 300, 220));
}

// The stamped number is written into the reading of its line, in place of
// what Tesseract read under it ("Số1§4ØBGDĐT-GDPT" over the print).
TEST(TextLayer, NumberInAPrintedLineIsWrittenAtItsPlace) {
  std::vector<LayoutLine> lines = {
      Line(200, 240, {{"Số", {100, 180}}, {"1§4Ø", {182, 228}}, {"BGDĐT-GDPT", {230, 400}}}),
      Line(260, 300, {{"V/v", {100, 160}}, {"khảo", {175, 260}}})};
  WriteLayerWords({{"1849", 186, 202, 224, 238}}, 1.0, &lines);
  std::vector<OcrWord> words;
  EXPECT_EQ(PageText(lines, kPageWidth, {}, &words), "Số 1849 BGDĐT-GDPT\nV/v khảo\n");
  WriteLayerWords({{"7", 186, 900, 224, 940}}, 1.0, &lines);  // on no line read: left out
  EXPECT_EQ(PageText(lines, kPageWidth, {}, &words).find('7'), std::string::npos);
}

// Issue 11: red and blue ink (a seal, a pen's signature) leave the grey
// page; black print stays, also where a seal's red lies over it.
TEST(ColouredInk, RedAndBlueInkTurnWhitePrintStays) {
  PixPtr colour(pixCreate(5, 1, 32));
  const l_int32 rgb[5][3] = {{20, 20, 20},     // black print
                             {210, 40, 50},    // a red seal
                             {40, 60, 190},    // a blue pen
                             {90, 15, 20},     // print under the seal's red
                             {60, 170, 60}};   // green: left alone
  PixPtr grey(pixCreate(5, 1, 8));
  for (int x = 0; x < 5; ++x) {
    l_uint32 value = 0;
    composeRGBPixel(rgb[x][0], rgb[x][1], rgb[x][2], &value);
    pixSetPixel(colour.get(), x, 0, value);
    pixSetPixel(grey.get(), x, 0, (rgb[x][0] + 2 * rgb[x][1] + rgb[x][2]) / 4);
  }
  WhitenColouredInk(colour.get(), grey.get());
  const l_uint32 expected[5] = {20, 255, 255, 35, 115};
  for (int x = 0; x < 5; ++x) {
    l_uint32 value = 0;
    pixGetPixel(grey.get(), x, 0, &value);
    EXPECT_EQ(value, expected[x]) << "pixel " << x;
  }
}

}  // namespace
}  // namespace vnplan::ocr
