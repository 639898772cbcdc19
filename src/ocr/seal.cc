#include "src/ocr/seal.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace vnplan::ocr {
namespace {

// A seal's outer ring, radius in mm: the round seal on real qn-2352-ct p4
// is 38 mm across (outer radius 222 px at 300 dpi), the generator's
// (scripts/make_scans.py) 33 mm; 24-44 mm takes in smaller and larger seals.
constexpr double kMinRadiusMm = 12, kMaxRadiusMm = 22;
// The coarse search's cell: a ring 0.5-1 mm thick (8-12 px at 300 dpi) is
// one or two cells wide.
constexpr double kCellMm = 0.7;
// A circle inked over this share of its length is a seal's ring. On real
// qn-2352-ct p4 the seal's three rings are inked over 0.83-0.99 of their
// length at their middle radii, the circles through its letters and its
// emblem at most 0.69, those between its letters and the title over them
// down to 0.11; the generator's 1-bit seal's ring 1.0. The radial profile
// was printed from EraseSealRings on that page.
constexpr double kRingCoverage = 0.8;
// Pixels whitened beyond a ring's inked radii, each side: a scanned ring's
// ragged edge.
constexpr int kRingEdge = 2;
// A letter's stroke: a run of ink at least this long, in mm, meeting a
// whitened ring is a stem the ring crossed (a ring's ragged edge left
// after whitening is 1-3 px, 0.25 mm at 300 dpi; the stems of the 13 pt
// title's capitals are 2-3 mm long).
constexpr double kStrokeMm = 0.8;
// A run put back is at most this many times the widest ring: a ring
// crossing a column at up to 60 degrees from the horizontal.
constexpr int kCrossing = 2;
// Ink inside the seal this tall or wide, in mm, is its star or emblem: the
// generator's star is 11 mm, qn-2352-ct's emblem 25 mm; capitals of a
// 13-14 pt title are 3-4 mm tall, a word's letters are apart.
constexpr double kEmblemMm = 6;
constexpr double kTwoPi = 6.283185307179586;
// Under this grey value (8 bpp) a pixel is ink.
constexpr int kDark = 128;

// Ink and paper of a 1 or 8 bpp page without a colour map.
class Ink {
 public:
  explicit Ink(Pix* page)
      : page_(page), depth_(pixGetDepth(page)), width_(pixGetWidth(page)), height_(pixGetHeight(page)) {}

  bool Usable() const { return (depth_ == 1 || depth_ == 8) && pixGetColormap(page_) == nullptr; }

  bool At(int x, int y) const {
    if (x < 0 || y < 0 || x >= width_ || y >= height_) return false;
    const l_uint32* line = pixGetData(page_) + static_cast<size_t>(y) * pixGetWpl(page_);
    return depth_ == 1 ? GET_DATA_BIT(line, x) != 0 : GET_DATA_BYTE(line, x) < kDark;
  }

  // Copies this page's pixel at x, y to `other`, a page of the same size and depth.
  void CopyTo(Pix* other, int x, int y) const {
    const l_uint32* from = pixGetData(page_) + static_cast<size_t>(y) * pixGetWpl(page_);
    l_uint32* to = pixGetData(other) + static_cast<size_t>(y) * pixGetWpl(other);
    if (depth_ == 1)
      GET_DATA_BIT(from, x) ? SET_DATA_BIT(to, x) : CLEAR_DATA_BIT(to, x);
    else
      SET_DATA_BYTE(to, x, GET_DATA_BYTE(from, x));
  }

  void Whiten(int x, int y) {
    if (x < 0 || y < 0 || x >= width_ || y >= height_) return;
    l_uint32* line = pixGetData(page_) + static_cast<size_t>(y) * pixGetWpl(page_);
    if (depth_ == 1)
      CLEAR_DATA_BIT(line, x);
    else
      SET_DATA_BYTE(line, x, 255);
  }

 private:
  Pix* page_;
  int depth_, width_, height_;
};

bool InArea(const Area& area, int x, int y) {
  return x >= area.left && x < area.right && y >= area.top && y < area.bottom;
}

// The points of a circle of `radius` about the origin, a pixel apart.
std::vector<std::pair<int, int>> CirclePoints(int radius) {
  const int n = std::max(8, static_cast<int>(std::ceil(kTwoPi * radius)));
  std::vector<std::pair<int, int>> points;
  points.reserve(n);
  for (int k = 0; k < n; ++k) {
    const double angle = kTwoPi * k / n;
    points.emplace_back(static_cast<int>(std::lround(radius * std::cos(angle))),
                        static_cast<int>(std::lround(radius * std::sin(angle))));
  }
  return points;
}

// The share of the circle (`points` about x, y) within the area that is
// inked; 0 when less than half the circle lies in the area.
double Coverage(const Ink& ink, const Area& area, int x, int y, const std::vector<std::pair<int, int>>& points) {
  int inside = 0, inked = 0;
  for (const auto& [dx, dy] : points) {
    if (!InArea(area, x + dx, y + dy)) continue;
    ++inside;
    inked += ink.At(x + dx, y + dy) ? 1 : 0;
  }
  return 2 * static_cast<size_t>(inside) < points.size() ? 0 : static_cast<double>(inked) / inside;
}

// The area shrunk to cells of `cell` pixels, a cell inked when any of its
// pixels is.
struct Grid {
  int cell = 1, width = 0, height = 0;
  std::vector<uint8_t> inked;
};

Grid Shrink(const Ink& ink, const Area& area, int cell) {
  Grid grid;
  grid.cell = cell;
  grid.width = (area.right - area.left + cell - 1) / cell;
  grid.height = (area.bottom - area.top + cell - 1) / cell;
  grid.inked.assign(static_cast<size_t>(grid.width) * grid.height, 0);
  for (int y = area.top; y < area.bottom; ++y)
    for (int x = area.left; x < area.right; ++x)
      if (ink.At(x, y))
        grid.inked[static_cast<size_t>((y - area.top) / cell) * grid.width + (x - area.left) / cell] = 1;
  return grid;
}

// The cells on a circle of `radius` cells about a cell, each once.
std::vector<std::pair<int, int>> CircleCells(int radius) {
  std::vector<std::pair<int, int>> cells = CirclePoints(radius);
  std::sort(cells.begin(), cells.end());
  cells.erase(std::unique(cells.begin(), cells.end()), cells.end());
  return cells;
}

// The coarse search: every inked cell votes for the centres of the circles
// of each radius through it (a Hough transform); the best centre and
// radius in pixels of the page, with the share of that circle's cells
// inked.
double CoarseRing(const Grid& grid, const Area& area, int min_radius, int max_radius, Circle* best) {
  double best_share = 0;
  std::vector<uint16_t> votes(grid.inked.size());
  for (int r = min_radius; r <= max_radius; ++r) {
    const std::vector<std::pair<int, int>> cells = CircleCells(r);
    std::fill(votes.begin(), votes.end(), 0);
    for (int gy = 0; gy < grid.height; ++gy)
      for (int gx = 0; gx < grid.width; ++gx) {
        if (!grid.inked[static_cast<size_t>(gy) * grid.width + gx]) continue;
        for (const auto& [dx, dy] : cells) {
          const int cx = gx + dx, cy = gy + dy;
          if (cx >= 0 && cy >= 0 && cx < grid.width && cy < grid.height)
            ++votes[static_cast<size_t>(cy) * grid.width + cx];
        }
      }
    for (size_t i = 0; i < votes.size(); ++i) {
      const double share = static_cast<double>(votes[i]) / cells.size();
      if (share <= best_share) continue;
      best_share = share;
      best->x = area.left + static_cast<int>(i % grid.width) * grid.cell + grid.cell / 2;
      best->y = area.top + static_cast<int>(i / grid.width) * grid.cell + grid.cell / 2;
      best->radius = r * grid.cell + grid.cell / 2;
    }
  }
  return best_share;
}

// The coarse circle refined to the pixel: of the centres within a cell,
// the one about which the ring is inked over the most radii (a centre off
// the ring's makes it look thinner); its radius the ring's outermost
// inked radius. False when no radius is inked enough.
bool RefineRing(const Ink& ink, const Area& area, int cell, Circle* ring) {
  const int side = 2 * cell + 1, low = ring->radius - 2 * cell;
  std::vector<int> thickness(static_cast<size_t>(side) * side, 0), outer(thickness.size(), 0);
  std::vector<double> sum(thickness.size(), 0);
  for (int r = std::max(1, low); r <= ring->radius + 2 * cell; ++r) {
    const std::vector<std::pair<int, int>> points = CirclePoints(r);
    for (int i = 0; i < side * side; ++i) {
      const double c = Coverage(ink, area, ring->x - cell + i % side, ring->y - cell + i / side, points);
      if (c < kRingCoverage) continue;
      ++thickness[i], sum[i] += c, outer[i] = r;
    }
  }
  int best = 0;
  for (int i = 1; i < side * side; ++i)
    if (thickness[i] > thickness[best] || (thickness[i] == thickness[best] && sum[i] > sum[best])) best = i;
  if (thickness[best] == 0) return false;
  *ring = {ring->x - cell + best % side, ring->y - cell + best / side, outer[best]};
  return true;
}

// Puts back, in column x of `page` within `disc`, each run of ink no
// longer than `longest` that whitening a ring took where a stroke of at
// least `stroke` pixels meets it from above or below: a letter's stem the
// ring crossed stays whole (with the ring's width across it); the ring
// alone, met by nothing or by its own ragged edge, stays white, and so
// does a ring running along the column (a longer run).
void RestoreStrokes(const Ink& was, int x, const Area& disc, int stroke, int longest, Pix* page) {
  const Ink now(page);
  auto run = [&](int y, int step) {
    int n = 0;
    while (n < stroke && now.At(x, y + step * n)) ++n;
    return n;
  };
  for (int y = disc.top; y < disc.bottom; ++y) {
    if (!was.At(x, y) || now.At(x, y)) continue;
    int end = y;
    while (end + 1 < disc.bottom && was.At(x, end + 1) && !now.At(x, end + 1)) ++end;
    if (end - y < longest && (run(y - 1, -1) >= stroke || run(end + 1, 1) >= stroke))
      for (int k = y; k <= end; ++k) was.CopyTo(page, x, k);
    y = end;
  }
}

// Whitens in `page` each piece of ink wholly inside the seal's outer ring
// (`outer` pixels about its centre, within `disc`) at least `emblem`
// pixels tall or wide: the seal's star or emblem, bigger than any letter.
void EraseEmblem(const Circle& ring, int outer, int emblem, const Area& disc, Pix* page) {
  Box* box = boxCreate(disc.left, disc.top, disc.right - disc.left, disc.bottom - disc.top);
  PixPtr piece(box ? pixClipRectangle(page, box, nullptr) : nullptr);
  boxDestroy(&box);
  PixPtr binary(piece ? pixConvertTo1(piece.get(), kDark) : nullptr);
  Pixa* parts = nullptr;
  Boxa* boxes = binary ? pixConnComp(binary.get(), &parts, 8) : nullptr;
  Ink ink(page);
  for (int i = 0; boxes != nullptr && i < boxaGetCount(boxes); ++i) {
    l_int32 bx = 0, by = 0, bw = 0, bh = 0;
    boxaGetBoxGeometry(boxes, i, &bx, &by, &bw, &bh);
    if (std::max(bw, bh) < emblem) continue;
    const int x0 = disc.left + bx, y0 = disc.top + by;
    bool inside = true;  // every corner of its box within the ring
    for (const auto& [cx, cy] : {std::pair{x0, y0}, {x0 + bw, y0}, {x0, y0 + bh}, {x0 + bw, y0 + bh}})
      inside = inside && std::hypot(cx - ring.x, cy - ring.y) <= outer;
    if (!inside) continue;
    PixPtr part(pixaGetPix(parts, i, L_CLONE));
    for (int y = 0; part && y < bh; ++y)
      for (int x = 0; x < bw; ++x) {
        l_uint32 on = 0;
        if (pixGetPixel(part.get(), x, y, &on) == 0 && on) ink.Whiten(x0 + x, y0 + y);
      }
  }
  boxaDestroy(&boxes);
  pixaDestroy(&parts);
}

}  // namespace

bool FindSealRing(Pix* page, const Area& area, double pixels_per_mm, Circle* ring) {
  const Ink ink(page);
  if (!ink.Usable() || pixels_per_mm <= 0 || area.right <= area.left || area.bottom <= area.top) return false;
  const int cell = std::max(1, static_cast<int>(std::lround(kCellMm * pixels_per_mm)));
  const int min_radius = static_cast<int>(std::ceil(kMinRadiusMm * pixels_per_mm / cell));
  const int max_radius = static_cast<int>(kMaxRadiusMm * pixels_per_mm / cell);
  const Grid grid = Shrink(ink, area, cell);
  Circle coarse;
  const double share = CoarseRing(grid, area, min_radius, max_radius, &coarse);
  if (share < kRingCoverage) return false;
  if (!RefineRing(ink, area, cell, &coarse)) return false;
  *ring = coarse;
  return true;
}

bool EraseSealRings(Pix* page, const Area& area, double pixels_per_mm) {
  Circle ring;
  if (!FindSealRing(page, area, pixels_per_mm, &ring)) return false;
  const PixPtr before(pixCopy(nullptr, page));
  if (!before) return false;
  const Ink was(before.get());
  Ink ink(page);
  const int outer = ring.radius + kRingEdge;
  std::vector<bool> erase(static_cast<size_t>(outer) + 1, false);
  for (int r = 1; r <= ring.radius; ++r) {
    if (Coverage(was, area, ring.x, ring.y, CirclePoints(r)) < kRingCoverage) continue;
    for (int e = std::max(0, r - kRingEdge); e <= r + kRingEdge; ++e) erase[e] = true;
  }
  int widest = 0;  // the widest ring, whitened
  for (int r = 0, run = 0; r <= outer; ++r) widest = std::max(widest, run = erase[r] ? run + 1 : 0);
  const Area disc = {std::max(area.left, ring.x - outer), std::max(area.top, ring.y - outer),
                     std::min(area.right, ring.x + outer + 1), std::min(area.bottom, ring.y + outer + 1)};
  for (int y = disc.top; y < disc.bottom; ++y)
    for (int x = disc.left; x < disc.right; ++x) {
      const long d = std::lround(std::hypot(x - ring.x, y - ring.y));
      if (d <= outer && erase[static_cast<size_t>(d)]) ink.Whiten(x, y);
    }
  const int stroke = std::max(1, static_cast<int>(std::lround(kStrokeMm * pixels_per_mm)));
  for (int x = disc.left; x < disc.right; ++x) RestoreStrokes(was, x, disc, stroke, kCrossing * widest, page);
  EraseEmblem(ring, outer, static_cast<int>(kEmblemMm * pixels_per_mm), disc, page);
  return true;
}

}  // namespace vnplan::ocr
