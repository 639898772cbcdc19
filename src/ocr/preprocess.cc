#include "src/ocr/preprocess.h"

#include <algorithm>
#include <iterator>
#include <string>
#include <utility>

namespace vnplan {
namespace {

// The one name table of the cleaning steps, in the order they are applied.
struct StepName {
  OcrStep step;
  std::string_view name;
};
constexpr StepName kStepNames[] = {
    {OcrStep::kDespeckle, "despeckle"}, {OcrStep::kDeskew, "deskew"},
    {OcrStep::kScale, "scale"},         {OcrStep::kBackground, "background"},
    {OcrStep::kBinarize, "binarize"},
};

constexpr OcrSteps Bit(OcrStep step) { return OcrSteps{1} << static_cast<unsigned>(step); }

std::string KnownNames() {
  std::string known;
  for (const StepName& entry : kStepNames) known += std::string(entry.name) + ", ";
  return known + "or none";
}

}  // namespace

Status ParseOcrSteps(std::string_view names, OcrSteps* steps) {
  if (names == "none") {
    *steps = 0;
    return Status::Ok();
  }
  OcrSteps parsed = 0;
  while (true) {
    const size_t comma = names.find(',');
    const std::string_view name = names.substr(0, comma);
    const auto* entry = std::find_if(std::begin(kStepNames), std::end(kStepNames),
                                     [&](const StepName& e) { return e.name == name; });
    if (entry == std::end(kStepNames))
      return Status::InvalidArgument("unknown preprocessing step '" + std::string(name) +
                                     "' (known: " + KnownNames() + ")");
    parsed |= Bit(entry->step);
    if (comma == std::string_view::npos) break;
    names.remove_prefix(comma + 1);
  }
  *steps = parsed;
  return Status::Ok();
}

namespace ocr {
namespace {

// A page with more dark specks per million pixels than this is despeckled
// (clean renders and office scans: 0; salt-and-pepper scans: 10,000).
constexpr double kSpeckyPage = 300;
// Resolution metadata is not trusted (many writers stamp 72 dpi): an A4
// page under 1100 pixels wide (about 130 dpi) is scaled to 1860 (225 dpi).
// Measured (bench/ocr_bench.py): at 120 dpi this takes character errors
// from 66% to 42%; at 150 dpi it gains a little and costs a fifth more
// time, so such pages are left as they are.
constexpr int kSmallPageWidth = 1100;
constexpr float kScaledWidth = 1860;

// Dark specks per million pixels: dark pixels whose eight neighbours are all
// light. Print has almost none (strokes are wider than a pixel); a
// salt-and-pepper scan has thousands. Every fourth row is enough to tell.
double SpecksPerMillion(Pix* grey) {
  const l_int32 w = pixGetWidth(grey), h = pixGetHeight(grey), wpl = pixGetWpl(grey);
  const l_uint32* data = pixGetData(grey);
  long long specks = 0, seen = 0;
  for (l_int32 y = 1; y + 1 < h; y += 4) {
    const l_uint32 *above = data + (y - 1) * wpl, *row = data + y * wpl, *below = data + (y + 1) * wpl;
    for (l_int32 x = 1; x + 1 < w; ++x) {
      ++seen;
      if (GET_DATA_BYTE(row, x) >= 128) continue;
      bool alone = true;
      for (l_int32 dx = -1; dx <= 1 && alone; ++dx)
        alone = GET_DATA_BYTE(above, x + dx) >= 128 && GET_DATA_BYTE(below, x + dx) >= 128 &&
                (dx == 0 || GET_DATA_BYTE(row, x + dx) >= 128);
      specks += alone;
    }
  }
  return seen ? 1e6 * static_cast<double>(specks) / static_cast<double>(seen) : 0.0;
}

// Replaces *grey by step's result unless the step failed.
void Keep(PixPtr* grey, Pix* result) {
  if (result) grey->reset(result);
}

// A pixel is coloured ink when its brightest and darkest channels differ
// by at least kInkChroma, red or blue is the brightest, and that channel is
// at least kInkBright. Black and grey print of a colour scan stays under 30
// apart; a red seal and a blue pen's line are 100 and more apart, the
// seal's pink edges 40-60. Print under a seal or a pen line is dark in every
// channel (its brightest under 115) and is kept. On cv1849 p2 (a seal and a
// blue signature over the signer's block) 60 apart, without the brightness
// test, cut the print under the seal; 40 and 115 keep it (an ImageMagick
// -fx mock-up of the rule on the rendered page, then this code).
constexpr int kInkChroma = 40;
constexpr int kInkBright = 115;

}  // namespace

void WhitenColouredInk(Pix* colour, Pix* grey) {
  if (pixGetDepth(colour) != 32 || pixGetDepth(grey) != 8 || pixGetWidth(colour) != pixGetWidth(grey) ||
      pixGetHeight(colour) != pixGetHeight(grey))
    return;
  const l_int32 w = pixGetWidth(grey), h = pixGetHeight(grey);
  for (l_int32 y = 0; y < h; ++y) {
    const l_uint32* rgb = pixGetData(colour) + y * pixGetWpl(colour);
    l_uint32* line = pixGetData(grey) + y * pixGetWpl(grey);
    for (l_int32 x = 0; x < w; ++x) {
      l_int32 r = 0, g = 0, b = 0;
      extractRGBValues(rgb[x], &r, &g, &b);
      const int high = std::max({r, g, b}), low = std::min({r, g, b});
      if (high - low >= kInkChroma && high != g && high >= kInkBright) SET_DATA_BYTE(line, x, 255);
    }
  }
}

PixPtr Clean(Pix* input, OcrSteps steps) {
  if (steps == 0) return PixPtr(pixClone(input));
  auto has = [&](OcrStep step) { return (steps & Bit(step)) != 0; };
  PixPtr grey(pixConvertTo8(input, 0));
  if (!grey) return PixPtr(pixClone(input));
  // Salt-and-pepper specks go with a 3x3 median; on other pages the median
  // thins strokes, and a 3x3 mean, which only softens grain, reads better
  // (light scans of 002 and 004, word errors: mean 0.98% and 1.44%, median
  // 1.24% and 1.35%, neither 1.10% and 1.62%).
  if (has(OcrStep::kDespeckle))
    Keep(&grey, SpecksPerMillion(grey.get()) > kSpeckyPage ? pixMedianFilter(grey.get(), 3, 3)
                                                           : pixBlockconvGray(grey.get(), nullptr, 1, 1));
  if (has(OcrStep::kDeskew)) Keep(&grey, pixDeskew(grey.get(), 0));
  if (has(OcrStep::kScale) && pixGetWidth(grey.get()) < kSmallPageWidth) {
    const float factor = std::min(3.0f, kScaledWidth / static_cast<float>(pixGetWidth(grey.get())));
    Keep(&grey, pixScaleGrayLI(grey.get(), factor, factor));
  }
  if (has(OcrStep::kBackground)) Keep(&grey, pixBackgroundNormSimple(grey.get(), nullptr, nullptr));
  if (has(OcrStep::kBinarize)) {
    Pix* binary = nullptr;
    if (pixSauvolaBinarizeTiled(grey.get(), 25, 0.35f, 1, 1, nullptr, &binary) == 0 && binary)
      return PixPtr(binary);
  }
  return grey;
}

}  // namespace ocr
}  // namespace vnplan
