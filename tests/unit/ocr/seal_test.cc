// A round seal found by its ring on pages drawn here, and its rings taken
// out without taking the print they cross.
#include "src/ocr/seal.h"

#include <gtest/gtest.h>

#include <cmath>

namespace vnplan::ocr {
namespace {

constexpr double kPixelsPerMm = 300 / 25.4;  // 300 dpi
constexpr int kSide = 900;

PixPtr WhitePage() {
  PixPtr page(pixCreate(kSide, kSide, 8));
  pixSetAll(page.get());  // white
  return page;
}

// Paints the ring of `width` pixels whose outer edge is `radius` about x, y.
void Ring(Pix* page, int x, int y, int radius, int width) {
  for (int py = 0; py < kSide; ++py)
    for (int px = 0; px < kSide; ++px) {
      const double d = std::hypot(px - x, py - y);
      if (d <= radius && d > radius - width) pixSetPixel(page, px, py, 0);
    }
}

// Paints a black rectangle: a letter's stem, a word's blot.
void Block(Pix* page, int left, int top, int width, int height) {
  Box* box = boxCreate(left, top, width, height);
  pixClearInRect(page, box);  // black on 8 bpp
  boxDestroy(&box);
}

bool Dark(Pix* page, int x, int y) {
  l_uint32 v = 255;
  pixGetPixel(page, x, y, &v);
  return v < 128;
}

const Area kWhole = {0, 0, kSide, kSide};

TEST(Seal, FindsTheOuterRingOfASealOverPrint) {
  PixPtr page = WhitePage();
  Ring(page.get(), 450, 460, 200, 12);  // 34 mm across at 300 dpi
  Ring(page.get(), 450, 460, 150, 5);
  for (int line = 0; line < 4; ++line)  // a title's words across it
    for (int word = 0; word < 5; ++word) Block(page.get(), 150 + 130 * word, 200 + 70 * line, 100, 40);
  Circle ring;
  ASSERT_TRUE(FindSealRing(page.get(), kWhole, kPixelsPerMm, &ring));
  EXPECT_NEAR(ring.x, 450, 3);
  EXPECT_NEAR(ring.y, 460, 3);
  EXPECT_NEAR(ring.radius, 200, 3);
}

TEST(Seal, PrintAloneIsNoSeal) {
  PixPtr page = WhitePage();
  for (int line = 0; line < 11; ++line)  // a paragraph: lines of words
    for (int word = 0; word < 6; ++word) Block(page.get(), 40 + 140 * word, 60 + 70 * line, 110, 40);
  Circle ring;
  EXPECT_FALSE(FindSealRing(page.get(), kWhole, kPixelsPerMm, &ring));
  EXPECT_FALSE(EraseSealRings(page.get(), kWhole, kPixelsPerMm));
}

TEST(Seal, TooSmallACircleIsNoSeal) {
  PixPtr page = WhitePage();
  Ring(page.get(), 450, 450, 60, 8);  // 10 mm across: an "O", a bullet
  Circle ring;
  EXPECT_FALSE(FindSealRing(page.get(), kWhole, kPixelsPerMm, &ring));
}

TEST(Seal, ErasingTheRingsKeepsTheStemsTheyCross) {
  PixPtr page = WhitePage();
  Ring(page.get(), 450, 460, 200, 12);
  Block(page.get(), 440, 230, 14, 60);  // a stem crossing the ring's top (y 260-272)
  ASSERT_TRUE(EraseSealRings(page.get(), kWhole, kPixelsPerMm));
  EXPECT_FALSE(Dark(page.get(), 250, 460));  // the ring's left
  EXPECT_FALSE(Dark(page.get(), 450, 655));  // its bottom
  EXPECT_FALSE(Dark(page.get(), 400, 266));  // its top beside the stem
  for (int y = 232; y < 288; ++y) EXPECT_TRUE(Dark(page.get(), 446, y)) << y;  // the stem whole
}

TEST(Seal, ErasingTakesTheStarButNotTheLettersInside) {
  PixPtr page = WhitePage();
  Ring(page.get(), 450, 460, 200, 12);
  Block(page.get(), 400, 420, 100, 100);  // the star: 8.5 mm
  Block(page.get(), 330, 330, 25, 40);    // a letter of a title crossing the seal
  ASSERT_TRUE(EraseSealRings(page.get(), kWhole, kPixelsPerMm));
  EXPECT_FALSE(Dark(page.get(), 450, 470));
  EXPECT_TRUE(Dark(page.get(), 340, 350));
}

TEST(Seal, OtherDepthsAreLeftAlone) {
  PixPtr page(pixCreate(64, 64, 32));
  Circle ring;
  EXPECT_FALSE(FindSealRing(page.get(), {0, 0, 64, 64}, kPixelsPerMm, &ring));
  PixPtr grey = WhitePage();
  EXPECT_FALSE(FindSealRing(grey.get(), {10, 10, 10, 10}, kPixelsPerMm, &ring));  // an empty area
}

}  // namespace
}  // namespace vnplan::ocr
