#include "src/ocr/signature_area.h"

#include <tesseract/baseapi.h>

#include <algorithm>
#include <iterator>
#include <utility>

#include "src/ocr/seal.h"
#include "src/text/words.h"

namespace vnplan::ocr {
namespace {

// How far below "Nơi nhận" the signer's block may reach, as a share of the
// page's height: its title, the signature and seal, the name take 12-15% on
// real cv1849 and qn-2352-ct (A4, 4-5 cm); a quarter leaves room for "Đã
// ký" lines and a larger seal.
constexpr double kAreaDepth = 0.25;
// Bounds of the area's left edge, as shares of the page's width: the list
// of recipients takes the left 45% of an administrative page's footer (the
// signer's block starts at 48% on real cv1849 p2), and a list line merged
// with the block must not push the area past the page's middle.
constexpr double kMinLeft = 0.3, kMaxLeft = 0.6;
// A line read in the area with a mean word confidence under this is a
// seal's or a signature's marks; a line with a word of letters under
// kAreaWordConfidence is left out too (HasUnreadWord). On real cv1849 p2
// and qn-2352-ct p4 the print reads at 80-97, the seal's rings and star at 0-50 and their lines at 30-50 on
// average; a name beside a pen's stroke keeps its line at 70 ("_— Thái Văn
// Tài": 40, 55, 97, 97, where "_—" is a mark, IsMark).
constexpr float kAreaLineConfidence = 60;
constexpr float kAreaWordConfidence = 45;
// The width of an A4 page, the paper of Vietnamese administrative
// documents (Nghị định 30/2020/NĐ-CP), in mm: the page's scale for a seal's size.
constexpr double kPageWidthMm = 210;

// A word read in the signer's block with no letter or digit ("_", "^",
// "-") is a seal's or a pen's mark: the block holds titles and names.
bool IsMark(const OcrWord& w) {
  size_t begin = 0, end = 0;
  return !internal::WordReader(w.text, internal::WordKind::kLettersAndDigits).Next(begin, end);
}

float MeanConfidence(const LayoutLine& line) {
  float sum = 0;
  for (const OcrWord& w : line.words) sum += w.confidence;
  return line.words.empty() ? 0 : sum / static_cast<float>(line.words.size());
}

// A word of letters or digits read under kAreaWordConfidence: the line
// holding it is left out whole, as a title or a name short of a word is
// another title or name ("CHỦ TỊCH" for "PHÓ CHỦ TỊCH"). On real
// qn-2352-ct p4, with the seal's rings whitened (seal.h), what is left of
// the title the seal's letters cover reads "®« ^ HQ - HỦ TỊCH" (13, 81,
// 26, 83, 83, 97: a mean of 64); its marks alone would leave "HỦ TỊCH".
bool HasUnreadWord(const LayoutLine& line) {
  return std::any_of(line.words.begin(), line.words.end(),
                     [](const OcrWord& w) { return !IsMark(w) && w.confidence < kAreaWordConfidence; });
}

int Centre(int a, int b) { return (a + b) / 2; }

bool Inside(const Area& area, const OcrWord& w) {
  const int x = Centre(w.left, w.right), y = Centre(w.top, w.bottom);
  return x >= area.left && x < area.right && y >= area.top && y < area.bottom;
}

// The line's extent from its words.
void Measure(LayoutLine* line) {
  const std::vector<OcrWord>& words = line->words;
  line->left = words.front().left, line->right = words.front().right;
  line->top = words.front().top, line->bottom = words.front().bottom;
  for (const OcrWord& w : words) {
    line->left = std::min(line->left, w.left), line->right = std::max(line->right, w.right);
    line->top = std::min(line->top, w.top), line->bottom = std::max(line->bottom, w.bottom);
  }
}

// The lines and words of `reread` read above the confidence bars.
std::vector<LayoutLine> Confident(std::vector<LayoutLine> reread) {
  std::vector<LayoutLine> read;
  for (LayoutLine& line : reread) {
    if (MeanConfidence(line) < kAreaLineConfidence || HasUnreadWord(line)) continue;
    auto& words = line.words;
    words.erase(std::remove_if(words.begin(), words.end(), IsMark), words.end());
    if (words.empty()) continue;
    Measure(&line);
    read.push_back(std::move(line));
  }
  return read;
}

// The bytes of text in `lines`: of two readings of the area, the one that
// keeps more text past the confidence bars is taken.
size_t TextSize(const std::vector<LayoutLine>& lines) {
  size_t size = 0;
  for (const LayoutLine& line : lines)
    for (const OcrWord& w : line.words) size += w.text.size();
  return size;
}

// The area of the page `api` holds read as one block.
std::vector<LayoutLine> ReadArea(tesseract::TessBaseAPI* api, const Area& area) {
  const tesseract::PageSegMode mode = api->GetPageSegMode();
  api->SetPageSegMode(tesseract::PSM_SINGLE_BLOCK);
  api->SetRectangle(area.left, area.top, area.right - area.left, area.bottom - area.top);
  std::vector<LayoutLine> read;
  if (api->Recognize(nullptr) == 0) read = ReadLines(api);
  api->SetPageSegMode(mode);
  return read;
}

}  // namespace

bool FindSignatureArea(const std::vector<LayoutLine>& lines, int page_width, int page_height,
                       Area* area) {
  const auto opens = std::find_if(lines.begin(), lines.end(), OpensRecipients);
  if (opens == lines.end() || page_width <= 0 || page_height <= 0) return false;
  const int height = opens->bottom - opens->top, middle = page_width / 2;
  // The block may start a line above "Nơi nhận", but below the body's last
  // line across the page's middle.
  area->top = std::max(0, opens->top - height);
  for (auto it = lines.begin(); it != opens; ++it)
    if (it->left < middle && it->right > middle) area->top = std::max(area->top, it->bottom + 1);
  area->bottom = std::min(page_height, opens->top + static_cast<int>(kAreaDepth * page_height));
  // Right of the list: each line's words from the left margin up to a
  // column's gap (a merged line's signer part lies beyond it).
  int list_right = 0;
  for (auto it = opens; it != lines.end() && it->top < area->bottom; ++it) {
    if (it->words.empty() || it->words.front().left >= middle) continue;
    int right = it->words.front().right;
    for (size_t k = 1; k < it->words.size(); ++k) {
      if (it->words[k].left - right >= ColumnGap(page_width)) break;
      right = it->words[k].right;
    }
    list_right = std::max(list_right, right);
  }
  area->left = std::clamp(list_right + 1, static_cast<int>(kMinLeft * page_width),
                          static_cast<int>(kMaxLeft * page_width));
  area->right = page_width;
  return area->bottom > area->top && area->right > area->left;
}

void ReplaceArea(const Area& area, std::vector<LayoutLine> reread, std::vector<LayoutLine>* lines) {
  std::vector<LayoutLine> read = Confident(std::move(reread));
  if (read.empty()) return;
  std::vector<LayoutLine> kept;
  for (LayoutLine& line : *lines) {
    auto& words = line.words;
    words.erase(std::remove_if(words.begin(), words.end(),
                               [&](const OcrWord& w) { return Inside(area, w); }),
                words.end());
    if (words.empty()) continue;
    Measure(&line);
    kept.push_back(std::move(line));
  }
  for (LayoutLine& line : read) line.paragraph_end = false;
  read.back().paragraph_end = true;
  kept.insert(kept.end(), std::make_move_iterator(read.begin()), std::make_move_iterator(read.end()));
  *lines = std::move(kept);
}

void RereadSignatureArea(tesseract::TessBaseAPI* api, Pix* page, std::vector<LayoutLine>* lines) {
  const int width = static_cast<int>(pixGetWidth(page)), height = static_cast<int>(pixGetHeight(page));
  Area area;
  if (!FindSignatureArea(*lines, width, height, &area)) return;
  std::vector<LayoutLine> reread = ReadArea(api, area);
  // A seal's ring over the block's title joins its print to the seal's
  // marks; read again without the rings, the reading that keeps more.
  PixPtr unsealed(pixCopy(nullptr, page));
  if (unsealed && EraseSealRings(unsealed.get(), area, width / kPageWidthMm)) {
    const int dpi = api->GetSourceYResolution();
    api->SetImage(unsealed.get());
    api->SetSourceResolution(dpi);
    std::vector<LayoutLine> clear = ReadArea(api, area);
    if (TextSize(Confident(clear)) > TextSize(Confident(reread))) reread = std::move(clear);
  }
  ReplaceArea(area, std::move(reread), lines);
}

}  // namespace vnplan::ocr
