#include "src/ocr/handwritten_digits.h"

#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <numeric>
#include <string_view>

namespace vnplan::ocr {
namespace {

constexpr int kSide = 28;
constexpr std::string_view kMagic = "VNDIGIT1";
// The kinds of a stored digit (ReadDigitFile in the header).
constexpr unsigned char kTestDigit = 1, kTrainNormalised = 2;

// NormaliseInk works at twice MNIST's size, then averages 2x2 blocks down
// (as MNIST's anti-aliasing did): the 20-pixel box is 40 pixels here.
// Four times was no more accurate on the held-out digits (95.5% either
// way) and took 4 times as long to open the model (7.8 s against 1.8 s).
constexpr int kWork = 2 * kSide, kBox = 2 * 20;
// The width a skeleton is drawn again at, in work pixels: MNIST's strokes
// are 2-3 pixels wide at 28x28 (5 here).
constexpr int kStroke = 5;

// Nearest neighbours asked, and how many of them must agree. On the held
// out part of MNIST (bench/digits_bench, 1,996 digits, and 428 crossed 7s
// made from its 7s as scripts/mnist_digits.py makes the training ones),
// all 9 agreeing keeps 88.9% of the digits and errs on 0.8% of those
// kept; 8 of 9 keeps more and errs on 1.0-1.4%. A wrong number is far
// worse than none, so one dissent is enough to say nothing.
constexpr int kNeighbours = 9;
constexpr int kMinVotes = 9;
// Stored digits nearest in grey that the image distortion model ranks
// again, and how far it lets a pixel move. Ranked again, the nearest
// neighbours' choice is right on 96.8-97.0% of the held-out digits
// against 95.5% in grey alone, and 89.6% are confident against 84%.
constexpr size_t kCandidates = 50;
constexpr int kWarp = 1;
// A glyph farther than this (squared grey distance) from every stored
// digit is not a digit (a scribble, a stamp's edge, a letter): 99% of
// MNIST's held-out digits are nearer (bench/digits_bench: 1,446,282 drawn
// at their own size, 1,463,779 drawn three times larger).
constexpr int64_t kMaxNearest = 1'450'000;

// The header's slots are in the top part of page 1: on qn-2352-ct the
// number and date line lies at 12% of the page's height; 35% leaves room
// for a tall masthead, an e-signature box or a stamp above it.
constexpr double kHeaderShare = 0.35;

struct Rect {
  int left = 0, top = 0, right = 0, bottom = 0;  // right and bottom exclusive
  int width() const { return right - left; }
  int height() const { return bottom - top; }
};

// The part of `pix` inside `rect`; null when it lies outside.
PixPtr Clip(Pix* pix, const Rect& rect) {
  Box* box = boxCreate(rect.left, rect.top, rect.width(), rect.height());
  PixPtr clipped(box ? pixClipRectangle(pix, box, nullptr) : nullptr);
  boxDestroy(&box);
  return clipped;
}

// `glyph` sheared upright: the slant of its ink (its second moments'
// mu11 / mu02) taken out row by row, about its centre of mass, so a
// slanted hand compares with an upright one (deskewing, as the MNIST
// literature does for nearest neighbours).
DigitGlyph Upright(const DigitGlyph& glyph) {
  double mass = 0, sx = 0, sy = 0;
  for (int y = 0; y < kSide; ++y)
    for (int x = 0; x < kSide; ++x) {
      const double w = glyph[y * kSide + x];
      mass += w, sx += w * x, sy += w * y;
    }
  if (mass <= 0) return glyph;
  const double cx = sx / mass, cy = sy / mass;
  double mu11 = 0, mu02 = 0;
  for (int y = 0; y < kSide; ++y)
    for (int x = 0; x < kSide; ++x) {
      const double w = glyph[y * kSide + x];
      mu11 += w * (x - cx) * (y - cy), mu02 += w * (y - cy) * (y - cy);
    }
  if (mu02 <= 0) return glyph;
  const double slant = mu11 / mu02;
  DigitGlyph upright{};
  for (int y = 0; y < kSide; ++y)
    for (int x = 0; x < kSide; ++x) {
      const double from = x + slant * (y - cy);
      const int left = static_cast<int>(std::floor(from));
      const double right_share = from - left;
      auto at = [&](int col) { return col >= 0 && col < kSide ? static_cast<double>(glyph[y * kSide + col]) : 0.0; };
      upright[y * kSide + x] = static_cast<uint8_t>(std::lround((1 - right_share) * at(left) + right_share * at(left + 1)));
    }
  return upright;
}

// `glyph` blurred (3x3 mean), so a stroke a pixel off still overlaps its match.
DigitGlyph Blurred(const DigitGlyph& glyph) {
  DigitGlyph blurred{};
  for (int y = 0; y < kSide; ++y)
    for (int x = 0; x < kSide; ++x) {
      int sum = 0;
      for (int dy = -1; dy <= 1; ++dy)
        for (int dx = -1; dx <= 1; ++dx)
          if (y + dy >= 0 && y + dy < kSide && x + dx >= 0 && x + dx < kSide) sum += glyph[(y + dy) * kSide + x + dx];
      blurred[y * kSide + x] = static_cast<uint8_t>(sum / 9);
    }
  return blurred;
}

// The glyph's Sobel gradients, horizontal then vertical (DigitModel::Gradients).
DigitModel::Gradients GradientsOf(const DigitGlyph& glyph) {
  auto at = [&](int x, int y) {
    return x >= 0 && x < kSide && y >= 0 && y < kSide ? int{glyph[y * kSide + x]} : 0;
  };
  DigitModel::Gradients g{};
  for (int y = 0; y < kSide; ++y)
    for (int x = 0; x < kSide; ++x) {
      const int gx = at(x + 1, y - 1) + 2 * at(x + 1, y) + at(x + 1, y + 1) - at(x - 1, y - 1) -
                     2 * at(x - 1, y) - at(x - 1, y + 1);
      const int gy = at(x - 1, y + 1) + 2 * at(x, y + 1) + at(x + 1, y + 1) - at(x - 1, y - 1) -
                     2 * at(x, y - 1) - at(x + 1, y - 1);
      g[y * kSide + x] = static_cast<int16_t>(gx / 8);
      g[kSide * kSide + y * kSide + x] = static_cast<int16_t>(gy / 8);
    }
  return g;
}

// The image distortion model's distance from `query` to `stored`: for each
// pixel, the least difference between the query's 3x3 context of
// gradients there and the stored one's anywhere within kWarp pixels.
int64_t DistortionDistance(const DigitModel::Gradients& query, const DigitModel::Gradients& stored) {
  auto value = [](const DigitModel::Gradients& g, int plane, int x, int y) {
    return x >= 0 && x < kSide && y >= 0 && y < kSide ? int{g[plane * kSide * kSide + y * kSide + x]} : 0;
  };
  int64_t total = 0;
  for (int y = 0; y < kSide; ++y)
    for (int x = 0; x < kSide; ++x) {
      int64_t best = INT64_MAX;
      for (int dy = -kWarp; dy <= kWarp; ++dy)
        for (int dx = -kWarp; dx <= kWarp; ++dx) {
          int64_t cost = 0;
          for (int plane = 0; plane < 2; ++plane)
            for (int j = -1; j <= 1; ++j)
              for (int i = -1; i <= 1; ++i) {
                const int d = value(query, plane, x + i, y + j) - value(stored, plane, x + dx + i, y + dy + j);
                cost += d * d;
              }
          best = std::min(best, cost);
        }
      total += best;
    }
  return total;
}

}  // namespace

Status ReadDigitFile(const std::string& path, DigitPart part, std::vector<LabelledDigit>* digits) {
  digits->clear();
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::InvalidInput("cannot open the digit model " + path);
  std::string magic(kMagic.size(), '\0');
  unsigned char count_bytes[4] = {};
  in.read(magic.data(), static_cast<std::streamsize>(magic.size()));
  in.read(reinterpret_cast<char*>(count_bytes), 4);
  if (!in || magic != kMagic) return Status::InvalidInput(path + " is not a digit model (scripts/mnist_digits.py)");
  const uint32_t count = count_bytes[0] | count_bytes[1] << 8 | count_bytes[2] << 16 |
                         uint32_t{count_bytes[3]} << 24;
  for (uint32_t i = 0; i < count; ++i) {
    unsigned char head[2] = {};
    LabelledDigit digit;
    in.read(reinterpret_cast<char*>(head), 2);
    in.read(reinterpret_cast<char*>(digit.glyph.data()), kSide * kSide);
    if (!in || head[0] > 9 || head[1] > kTrainNormalised)
      return Status::InvalidInput(path + ": digit " + std::to_string(i) + " is truncated or damaged");
    digit.label = head[0];
    digit.normalised = head[1] == kTrainNormalised;
    if ((head[1] == kTestDigit) == (part == DigitPart::kTest)) digits->push_back(digit);
  }
  return Status::Ok();
}

PixPtr GlyphPicture(const DigitGlyph& glyph, int scale) {
  PixPtr pix(pixCreate(kSide * scale, kSide * scale, 1));
  if (!pix) return nullptr;
  for (int y = 0; y < kSide; ++y)
    for (int x = 0; x < kSide; ++x)
      if (glyph[y * kSide + x] >= 128) pixRasterop(pix.get(), x * scale, y * scale, scale, scale, PIX_SET, nullptr, 0, 0);
  return pix;
}

DigitGlyph NormaliseInk(Pix* ink) {
  DigitGlyph glyph{};
  Box* found = nullptr;
  if (pixClipToForeground(ink, nullptr, &found) != 0 || !found) return glyph;
  l_int32 x = 0, y = 0, w = 0, h = 0;
  boxGetGeometry(found, &x, &y, &w, &h);
  boxDestroy(&found);
  PixPtr tight = Clip(ink, {x, y, x + w, y + h});
  const float scale = static_cast<float>(kBox) / static_cast<float>(std::max(w, h));
  PixPtr scaled(tight ? pixScaleBySampling(tight.get(), scale, scale) : nullptr);
  if (!scaled) return glyph;
  // Thinning needs a white border to work inward from.
  PixPtr framed(pixAddBorder(scaled.get(), kStroke, 0));
  PixPtr skeleton(framed ? pixThinConnected(framed.get(), L_THIN_FG, 8, 0) : nullptr);
  PixPtr drawn(skeleton ? pixDilateBrick(nullptr, skeleton.get(), kStroke, kStroke) : nullptr);
  if (!drawn) return glyph;
  l_float32 cx = 0, cy = 0;
  if (pixCentroid(drawn.get(), nullptr, nullptr, &cx, &cy) != 0) return glyph;
  PixPtr canvas(pixCreate(kWork, kWork, 1));
  if (!canvas) return glyph;
  const int dx = static_cast<int>(kWork / 2.0f - cx + 0.5f), dy = static_cast<int>(kWork / 2.0f - cy + 0.5f);
  pixRasterop(canvas.get(), dx, dy, pixGetWidth(drawn.get()), pixGetHeight(drawn.get()), PIX_PAINT,
              drawn.get(), 0, 0);
  PixPtr small(pixScaleToGray2(canvas.get()));  // 255 paper, 0 ink
  if (!small) return glyph;
  for (int row = 0; row < kSide; ++row)
    for (int col = 0; col < kSide; ++col) {
      l_uint32 value = 255;
      pixGetPixel(small.get(), col, row, &value);
      glyph[row * kSide + col] = static_cast<uint8_t>(255 - value);
    }
  return Blurred(Upright(glyph));
}

DigitModel::DigitModel(const std::vector<LabelledDigit>& digits) {
  digits_.reserve(digits.size());
  for (const LabelledDigit& digit : digits) {
    if (digit.normalised) {
      digits_.push_back(digit);
    } else {
      PixPtr picture = GlyphPicture(digit.glyph, 1);
      if (!picture) continue;
      digits_.push_back({digit.label, NormaliseInk(picture.get()), true});
    }
    gradients_.push_back(GradientsOf(digits_.back().glyph));
  }
}

std::unique_ptr<DigitModel> DigitModel::Open(const std::string& path, Status* status) {
  std::vector<LabelledDigit> digits;
  *status = ReadDigitFile(path, DigitPart::kTrain, &digits);
  if (!status->ok()) return nullptr;
  if (digits.empty()) {
    *status = Status::InvalidInput(path + " holds no training digits");
    return nullptr;
  }
  return std::make_unique<DigitModel>(digits);
}

DigitVote DigitModel::Classify(const DigitGlyph& glyph) const {
  // The kCandidates nearest in grey, kept sorted by distance.
  std::vector<std::pair<int64_t, size_t>> candidates;
  for (size_t d = 0; d < digits_.size(); ++d) {
    int64_t distance = 0;
    for (int i = 0; i < kSide * kSide; ++i) {
      const int diff = int{glyph[i]} - int{digits_[d].glyph[i]};
      distance += diff * diff;
    }
    if (candidates.size() == kCandidates && distance >= candidates.back().first) continue;
    if (candidates.size() == kCandidates) candidates.pop_back();
    candidates.insert(std::upper_bound(candidates.begin(), candidates.end(), std::make_pair(distance, d)),
                      {distance, d});
  }
  DigitVote vote;
  if (candidates.empty()) return vote;
  vote.nearest = candidates.front().first;
  const Gradients query = GradientsOf(glyph);
  std::vector<std::pair<int64_t, int>> nearest;
  for (const auto& [distance, d] : candidates) nearest.emplace_back(DistortionDistance(query, gradients_[d]), digits_[d].label);
  std::sort(nearest.begin(), nearest.end());
  nearest.resize(std::min<size_t>(nearest.size(), kNeighbours));
  int counts[10] = {};
  for (const auto& [distance, label] : nearest) ++counts[label];
  vote.digit = static_cast<int>(std::max_element(counts, counts + 10) - counts);
  vote.votes = counts[vote.digit];
  vote.confident = vote.votes >= kMinVotes && vote.nearest <= kMaxNearest;
  return vote;
}

}  // namespace vnplan::ocr

namespace vnplan::ocr {
namespace {

// A digit's ink is at least this share of the printed word's height (the
// box of "Số:" or "ngày", ascenders to descenders): on qn-2352-ct the
// handwritten digits are 43-51 pixels tall at 300 dpi, about a printed
// line's height; a dot, a comma or a stamp's speck is far smaller.
constexpr double kMinInkHeight = 0.35;
// How far above and below the printed word's box the slot's ink may reach,
// as a share of the box's height: a marker's digits rise over the line.
// Ink that runs out of this band (a stamp's frame, a rule) is not read.
constexpr double kSlotMargin = 0.5;
// A piece of ink wider than this many times its height is digits written
// together ("20" in one stroke on qn-2352-ct: 51x43 pixels), cut along
// the hand's slant where its ink is thinnest (qn-2352-ct's single
// digits are 0.57-0.82 times as wide as tall).
constexpr double kJoinedWidth = 1.1;
// Plausible readings: a document's number has 1-5 digits, a day 1-31.
constexpr size_t kMaxNumberDigits = 5;

// A symbol Tesseract read, its box and its word.
struct Symbol {
  std::string text;
  Rect box;
};

// A word Tesseract read, with its symbols, on a line of the page's top.
struct SlotWord {
  std::string text;
  Rect box;
  int line = 0;
  std::vector<Symbol> symbols;
};

// The words of the page's top kHeaderShare, as `api` recognised them.
std::vector<SlotWord> HeaderWords(tesseract::TessBaseAPI* api, int page_height) {
  std::vector<SlotWord> words;
  std::unique_ptr<tesseract::ResultIterator> it(api->GetIterator());
  if (!it) return words;
  int line = -1;
  bool in_header = false;  // the current word's
  do {
    if (it->IsAtBeginningOf(tesseract::RIL_TEXTLINE)) ++line;
    if (it->Empty(tesseract::RIL_SYMBOL)) continue;
    Rect box;
    if (it->IsAtBeginningOf(tesseract::RIL_WORD) || words.empty()) {
      it->BoundingBox(tesseract::RIL_WORD, &box.left, &box.top, &box.right, &box.bottom);
      // Blocks come in Tesseract's order, not always top down: a word
      // lower on the page is skipped, not the end.
      in_header = box.top <= page_height * kHeaderShare;
      if (!in_header) continue;
      std::unique_ptr<char[]> text(it->GetUTF8Text(tesseract::RIL_WORD));
      words.push_back({text ? text.get() : "", box, line, {}});
    }
    if (!in_header) continue;
    std::unique_ptr<char[]> symbol(it->GetUTF8Text(tesseract::RIL_SYMBOL));
    it->BoundingBox(tesseract::RIL_SYMBOL, &box.left, &box.top, &box.right, &box.bottom);
    words.back().symbols.push_back({symbol ? symbol.get() : "", box});
  } while (it->Next(tesseract::RIL_SYMBOL));
  return words;
}

// How many of `word`'s first symbols spell `prefix` (either case of the
// first letter); 0 when they do not.
size_t Spells(const SlotWord& word, std::string_view prefix, std::string_view capital) {
  std::string spelt;
  for (size_t i = 0; i < word.symbols.size(); ++i) {
    spelt += word.symbols[i].text;
    if (spelt == prefix || spelt == capital) return i + 1;
    if (spelt.size() >= prefix.size()) return 0;
  }
  return 0;
}

// A slot: what is written between words[first] symbol `kept` (exclusive)
// and words[last] symbol `from` (inclusive), and where.
struct Slot {
  size_t first = 0, kept = 0, last = 0, from = 0;
  Rect area;
  bool day = false;
};

bool AllDigits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// What Tesseract read in `slot`.
std::string SlotText(const std::vector<SlotWord>& words, const Slot& slot) {
  std::string text;
  for (size_t w = slot.first; w <= slot.last; ++w) {
    const size_t begin = w == slot.first ? slot.kept : 0;
    const size_t end = w == slot.last ? slot.from : words[w].symbols.size();
    for (size_t s = begin; s < end; ++s) text += words[w].symbols[s].text;
  }
  return text;
}

// The slot after words[w] when it begins with "Số" / "ngày"; false if none.
bool FindSlot(const std::vector<SlotWord>& words, size_t w, Slot* slot) {
  const SlotWord& word = words[w];
  size_t kept = Spells(word, "Số", "SỐ");
  slot->day = kept == 0;
  if (slot->day) kept = Spells(word, "ngày", "Ngày");
  if (kept == 0) return false;
  slot->first = w, slot->kept = kept;
  if (!slot->day && kept < word.symbols.size() && word.symbols[kept].text == ":") slot->kept = ++kept;
  if (!slot->day && kept == word.symbols.size() && w + 1 < words.size() && words[w + 1].line == word.line &&
      words[w + 1].text == ":")
    slot->first = w + 1, slot->kept = 1;
  // The slot ends at the symbol's "/" (the number) or the word "tháng" (the day),
  // at most three words on.
  for (size_t end = slot->first; end < words.size() && end <= slot->first + 3; ++end) {
    if (words[end].line != word.line) return false;
    const size_t begin = end == slot->first ? slot->kept : 0;
    for (size_t s = begin; s < words[end].symbols.size(); ++s) {
      const bool ends = slot->day ? s == 0 && end > slot->first && Spells(words[end], "tháng", "Tháng") > 0
                                  : words[end].symbols[s].text == "/";
      if (!ends) continue;
      slot->last = end, slot->from = s;
      const SlotWord& opening = words[slot->first];
      const int height = word.box.height();
      const int margin = static_cast<int>(height * kSlotMargin);
      slot->area.left = slot->kept > 0 ? opening.symbols[slot->kept - 1].box.right : opening.box.left;
      slot->area.right = words[end].symbols[s].box.left;
      slot->area.top = word.box.top - margin;
      slot->area.bottom = word.box.bottom + margin;
      return slot->area.width() > 0;
    }
  }
  return false;
}

// The slant of the ink of `pix` (1 bpp): how far x moves per row down
// (second moments, mu11 / mu02); a hand leaning right gives a negative slant.
double Slant(Pix* pix, double* centre_row) {
  const int w = pixGetWidth(pix), h = pixGetHeight(pix);
  double mass = 0, sx = 0, sy = 0, sxy = 0, syy = 0;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      l_uint32 v = 0;
      pixGetPixel(pix, x, y, &v);
      if (v) mass += 1, sx += x, sy += y, sxy += double{1.0} * x * y, syy += double{1.0} * y * y;
    }
  *centre_row = mass > 0 ? sy / mass : h / 2.0;
  if (mass <= 0) return 0;
  const double mu11 = sxy / mass - (sx / mass) * (sy / mass), mu02 = syy / mass - (sy / mass) * (sy / mass);
  return mu02 > 0 ? mu11 / mu02 : 0;
}

// `canvas` (width x height, ink too wide for one digit) cut into two or
// three pieces along the hand's slant, each cut where the fewest ink
// pixels lie along it, near where equal widths would put it.
std::vector<PixPtr> CutJoined(Pix* canvas, int width, int height) {
  double centre_row = 0;
  const double slant = Slant(canvas, &centre_row);
  auto boundary = [&](double cut, int row) { return static_cast<int>(std::lround(cut + slant * (row - centre_row))); };
  auto ink = [&](int x, int y) {
    l_uint32 v = 0;
    return x >= 0 && x < width && pixGetPixel(canvas, x, y, &v) == 0 && v != 0;
  };
  const int count = std::clamp(static_cast<int>(std::lround(width / (0.75 * height))), 2, 3);
  std::vector<double> cuts;
  for (int k = 1; k < count; ++k) {
    const int centre = k * width / count, reach = width / (4 * count);
    int best = centre, least = height + 1;
    for (int cut = centre - reach; cut <= centre + reach; ++cut) {
      int along = 0;
      for (int y = 0; y < height; ++y) along += ink(boundary(cut, y), y);
      if (along < least) least = along, best = cut;
    }
    cuts.push_back(best);
  }
  std::vector<PixPtr> pieces;
  for (size_t k = 0; k <= cuts.size(); ++k) {
    PixPtr piece(pixCreate(width, height, 1));
    if (!piece) return {};
    for (int y = 0; y < height; ++y)
      for (int x = 0; x < width; ++x) {
        const bool after = k == 0 || x >= boundary(cuts[k - 1], y);
        const bool before = k == cuts.size() || x < boundary(cuts[k], y);
        if (after && before && ink(x, y)) pixSetPixel(piece.get(), x, y, 1);
      }
    pieces.push_back(std::move(piece));
  }
  return pieces;
}

// The ink of `slot` on `page` (1 bpp), in pieces that each may be one
// digit, left to right: connected components tall enough to be a digit,
// those one above another joined (a "5"'s flag, a "7"'s bar), and a piece
// too wide to be one digit cut in two or three where its ink is thinnest.
std::vector<PixPtr> InkPieces(Pix* page, const Rect& area, int line_height) {
  std::vector<PixPtr> pieces;
  PixPtr clip = Clip(page, area);
  PixPtr ink(clip ? pixConvertTo1(clip.get(), 128) : nullptr);
  if (!ink) return pieces;
  Pixa* parts = nullptr;
  Boxa* boxes = pixConnComp(ink.get(), &parts, 8);
  struct Group {
    Rect box;
    std::vector<int> parts;
  };
  std::vector<Group> groups;
  const int n = boxes ? boxaGetCount(boxes) : 0;
  for (int i = 0; i < n; ++i) {
    l_int32 x = 0, y = 0, w = 0, h = 0;
    boxaGetBoxGeometry(boxes, i, &x, &y, &w, &h);
    // Ink running out of the slot above or below is no handwritten digit in it.
    if (h < line_height * kMinInkHeight || y == 0 || y + h >= area.height()) continue;
    groups.push_back({{x, y, x + w, y + h}, {i}});
  }
  std::sort(groups.begin(), groups.end(), [](const Group& a, const Group& b) { return a.box.left < b.box.left; });
  std::vector<Group> joined;
  for (const Group& g : groups) {
    if (!joined.empty()) {
      Group& last = joined.back();
      const int overlap = std::min(last.box.right, g.box.right) - std::max(last.box.left, g.box.left);
      if (2 * overlap > std::min(last.box.width(), g.box.width())) {
        last.box = {std::min(last.box.left, g.box.left), std::min(last.box.top, g.box.top),
                    std::max(last.box.right, g.box.right), std::max(last.box.bottom, g.box.bottom)};
        last.parts.insert(last.parts.end(), g.parts.begin(), g.parts.end());
        continue;
      }
    }
    joined.push_back(g);
  }
  for (const Group& g : joined) {
    PixPtr canvas(pixCreate(g.box.width(), g.box.height(), 1));
    if (!canvas) continue;
    for (int part : g.parts) {
      l_int32 x = 0, y = 0, w = 0, h = 0;
      boxaGetBoxGeometry(boxes, part, &x, &y, &w, &h);
      Pix* pix = pixaGetPix(parts, part, L_CLONE);
      pixRasterop(canvas.get(), x - g.box.left, y - g.box.top, w, h, PIX_PAINT, pix, 0, 0);
      pixDestroy(&pix);
    }
    const int width = g.box.width(), height = g.box.height();
    if (width <= kJoinedWidth * height) {
      pieces.push_back(std::move(canvas));
      continue;
    }
    for (PixPtr& piece : CutJoined(canvas.get(), width, height)) pieces.push_back(std::move(piece));
  }
  boxaDestroy(&boxes);
  pixaDestroy(&parts);
  return pieces;
}

// The slot's digits when every piece of its ink is confidently a digit and
// together they are a plausible number or day; empty otherwise.
std::string ReadSlot(Pix* page, const Slot& slot, int line_height, const DigitModel& model) {
  Rect area = slot.area;
  area.left = std::max(area.left, 0), area.top = std::max(area.top, 0);
  area.right = std::min<int>(area.right, pixGetWidth(page));
  area.bottom = std::min<int>(area.bottom, pixGetHeight(page));
  if (area.width() <= 0 || area.height() <= 0) return "";
  std::string digits;
  for (const PixPtr& piece : InkPieces(page, area, line_height)) {
    if (!piece) return "";
    const DigitGlyph glyph = NormaliseInk(piece.get());
    if (std::all_of(glyph.begin(), glyph.end(), [](uint8_t v) { return v == 0; })) return "";
    const DigitVote vote = model.Classify(glyph);
    if (!vote.confident) return "";
    digits += static_cast<char>('0' + vote.digit);
  }
  if (digits.empty()) return "";
  if (slot.day) {
    if (digits.size() > 2) return "";
    const int day = std::stoi(digits);
    return day >= 1 && day <= 31 ? digits : "";
  }
  return digits.size() <= kMaxNumberDigits && digits.find_first_not_of('0') != std::string::npos ? digits : "";
}

// The word of `lines` whose box is `box`; null when none is.
OcrWord* WordAt(std::vector<LayoutLine>* lines, const Rect& box, LayoutLine** line) {
  for (LayoutLine& l : *lines)
    for (OcrWord& w : l.words)
      if (w.left == box.left && w.top == box.top && w.right == box.right && w.bottom == box.bottom) {
        *line = &l;
        return &w;
      }
  return nullptr;
}

// Writes `digits` into `lines` in place of what Tesseract read in `slot`:
// the opening word keeps its first symbols, the digits are a word of their
// own, the closing word keeps its symbols from the slot's end on, and the
// words between are dropped.
void WriteSlot(const std::vector<SlotWord>& words, const Slot& slot, const std::string& digits,
               std::vector<LayoutLine>* lines) {
  LayoutLine* line = nullptr;
  LayoutLine* closing_line = nullptr;
  OcrWord* opening = WordAt(lines, words[slot.first].box, &line);
  OcrWord* closing = WordAt(lines, words[slot.last].box, &closing_line);
  if (!opening || !closing || line != closing_line) return;
  auto join = [&](size_t w, size_t begin, size_t end) {
    std::string text;
    for (size_t s = begin; s < end; ++s) text += words[w].symbols[s].text;
    return text;
  };
  const size_t first = static_cast<size_t>(opening - line->words.data());
  const size_t last = static_cast<size_t>(closing - line->words.data());
  OcrWord written = *opening;
  written.text = digits;
  written.left = slot.area.left, written.right = slot.area.right;
  written.confidence = 100;
  std::vector<OcrWord> replaced;
  OcrWord head = *opening;
  head.text = join(slot.first, 0, slot.kept);
  head.right = slot.area.left;
  OcrWord tail = *closing;
  tail.text = join(slot.last, slot.from, words[slot.last].symbols.size());
  tail.left = slot.area.right;
  if (!head.text.empty()) replaced.push_back(head);
  replaced.push_back(written);
  if (!tail.text.empty()) replaced.push_back(tail);
  line->words.erase(line->words.begin() + static_cast<std::ptrdiff_t>(first),
                    line->words.begin() + static_cast<std::ptrdiff_t>(last) + 1);
  line->words.insert(line->words.begin() + static_cast<std::ptrdiff_t>(first), replaced.begin(), replaced.end());
}

}  // namespace

const DigitModel* LazyDigitModel::Get() {
  std::call_once(once_, [this] {
    Status status;
    if (!path_.empty()) model_ = DigitModel::Open(path_, &status);
  });
  return model_.get();
}

void ReadHandwrittenSlots(tesseract::TessBaseAPI* api, Pix* page, LazyDigitModel* model,
                          std::vector<LayoutLine>* lines) {
  const std::vector<SlotWord> words = HeaderWords(api, static_cast<int>(pixGetHeight(page)));
  bool number_done = false, day_done = false;
  for (size_t w = 0; w < words.size(); ++w) {
    Slot slot;
    if (!FindSlot(words, w, &slot) || (slot.day ? day_done : number_done)) continue;
    (slot.day ? day_done : number_done) = true;  // the header's first of each only
    if (AllDigits(SlotText(words, slot))) continue;  // printed, or already read
    const DigitModel* digit_model = model->Get();
    if (!digit_model) return;
    const std::string digits = ReadSlot(page, slot, words[w].box.height(), *digit_model);
    if (!digits.empty()) WriteSlot(words, slot, digits, lines);
  }
}

}  // namespace vnplan::ocr

namespace vnplan {

Status WriteDigitModel(const std::string& mnist_path, const std::string& model_path, size_t* stored) {
  std::vector<ocr::LabelledDigit> train, test;
  if (Status status = ocr::ReadDigitFile(mnist_path, ocr::DigitPart::kTrain, &train); !status.ok()) return status;
  if (Status status = ocr::ReadDigitFile(mnist_path, ocr::DigitPart::kTest, &test); !status.ok()) return status;
  if (train.empty()) return Status::InvalidInput(mnist_path + " holds no training digits");
  const ocr::DigitModel model(train);
  const std::vector<ocr::LabelledDigit>& normalised = model.Digits();
  const uint32_t count = static_cast<uint32_t>(normalised.size() + test.size());
  const std::string temporary = model_path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    const unsigned char count_bytes[4] = {static_cast<unsigned char>(count), static_cast<unsigned char>(count >> 8),
                                          static_cast<unsigned char>(count >> 16),
                                          static_cast<unsigned char>(count >> 24)};
    out.write(ocr::kMagic.data(), static_cast<std::streamsize>(ocr::kMagic.size()));
    out.write(reinterpret_cast<const char*>(count_bytes), 4);
    auto put = [&](const ocr::LabelledDigit& digit, unsigned char kind) {
      const unsigned char head[2] = {static_cast<unsigned char>(digit.label), kind};
      out.write(reinterpret_cast<const char*>(head), 2);
      out.write(reinterpret_cast<const char*>(digit.glyph.data()), ocr::kSide * ocr::kSide);
    };
    for (const ocr::LabelledDigit& digit : normalised) put(digit, ocr::kTrainNormalised);
    for (const ocr::LabelledDigit& digit : test) put(digit, ocr::kTestDigit);
    out.close();
    if (!out) {
      std::remove(temporary.c_str());
      return Status::IoError("cannot write " + temporary);
    }
  }
  if (std::rename(temporary.c_str(), model_path.c_str()) != 0) {
    std::remove(temporary.c_str());
    return Status::IoError("cannot write " + model_path);
  }
  *stored = normalised.size();
  return Status::Ok();
}

}  // namespace vnplan
