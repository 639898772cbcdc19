#include "src/ocr/signature_area.h"

#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <climits>
#include <iterator>
#include <memory>
#include <string_view>
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

// Where the first letter or digit of `text` begins; npos when it has none.
size_t FirstLetterOrDigit(std::string_view text) {
  size_t begin = 0, end = 0;
  return internal::WordReader(text, internal::WordKind::kLettersAndDigits).Next(begin, end)
             ? begin
             : std::string_view::npos;
}

// A word read in the signer's block with no letter or digit ("_", "^",
// "-") is a seal's or a pen's mark: the block holds titles and names.
bool IsMark(const OcrWord& w) { return FirstLetterOrDigit(w.text) == std::string_view::npos; }

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

// What heads `word` before its first letter or digit, when that is a
// seal's or a pen's mark glued to it ("—KT.", "-'KT." where a ring or a
// stroke touches the K): a title or a name of the signer's block opens on
// a letter. A bracket stays ("(Đã ký)").
void TrimMarkedHead(OcrWord* word) {
  const size_t begin = FirstLetterOrDigit(word->text);
  if (begin == std::string_view::npos || word->text.find_first_of("([{") < begin) return;
  word->text.erase(0, begin);
}

// The lines and words of `reread` read above the confidence bars, each
// line's first word without the marks glued to its head (TrimMarkedHead).
std::vector<LayoutLine> Confident(std::vector<LayoutLine> reread) {
  std::vector<LayoutLine> read;
  for (LayoutLine& line : reread) {
    if (MeanConfidence(line) < kAreaLineConfidence || HasUnreadWord(line)) continue;
    auto& words = line.words;
    words.erase(std::remove_if(words.begin(), words.end(), IsMark), words.end());
    if (words.empty()) continue;
    TrimMarkedHead(&words.front());
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

// A word of print read above the line's bar: two letters at least.
bool IsReadPrint(const OcrWord& w) {
  size_t begin = 0, end = 0;
  return w.confidence >= kAreaLineConfidence &&
         internal::WordReader(w.text, internal::WordKind::kLetters).Next(begin, end) && end - begin >= 2;
}

// Recognises `area` of the page `api` holds, segmented `as`; the mode
// the page was read with is kept for the next read.
bool Recognise(tesseract::TessBaseAPI* api, const Area& area, tesseract::PageSegMode as) {
  const tesseract::PageSegMode mode = api->GetPageSegMode();
  api->SetPageSegMode(as);
  api->SetRectangle(area.left, area.top, area.right - area.left, area.bottom - area.top);
  const bool read = api->Recognize(nullptr) == 0;
  api->SetPageSegMode(mode);
  return read;
}

// `band` of the page `api` holds read as one line of text, without the
// marks heading it: the symbols before its first letter or digit (a
// seal's edge: "_ ——=KT." is "KT."). The word they were glued to takes
// the lowest confidence of its symbols kept (Tesseract gives "=>.KT." 0
// on real qn-2352-ct p4; its K, T and . read 80-99); the others keep
// their own. Empty when nothing is read.
LayoutLine ReadBand(tesseract::TessBaseAPI* api, const Area& band) {
  LayoutLine line;
  std::unique_ptr<tesseract::ResultIterator> it(
      Recognise(api, band, tesseract::PSM_SINGLE_LINE) ? api->GetIterator() : nullptr);
  bool glued = false;  // the first word had marks glued to its head
  if (it && !it->Empty(tesseract::RIL_SYMBOL)) do {
    std::unique_ptr<char[]> symbol(it->GetUTF8Text(tesseract::RIL_SYMBOL));
    const bool mark = !symbol || FirstLetterOrDigit(symbol.get()) == std::string_view::npos;
    if (!symbol || (line.words.empty() && mark)) continue;
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    it->BoundingBox(tesseract::RIL_SYMBOL, &x0, &y0, &x1, &y1);
    const float confidence = it->Confidence(tesseract::RIL_SYMBOL);
    const bool starts = it->IsAtBeginningOf(tesseract::RIL_WORD);
    if (line.words.empty() || starts) {
      glued = line.words.empty() && !starts;
      line.words.push_back({"", glued ? confidence : it->Confidence(tesseract::RIL_WORD), x0, y0, x1, y1, 0, 0});
    } else if (glued && line.words.size() == 1) {
      line.words.back().confidence = std::min(line.words.back().confidence, confidence);
    }
    OcrWord& word = line.words.back();
    word.text += symbol.get();
    word.left = std::min(word.left, x0), word.top = std::min(word.top, y0);
    word.right = std::max(word.right, x1), word.bottom = std::max(word.bottom, y1);
  } while (it->Next(tesseract::RIL_SYMBOL));
  if (!line.words.empty()) Measure(&line);
  return line;
}

// The area of the page `api` holds read as one block.
std::vector<LayoutLine> ReadArea(tesseract::TessBaseAPI* api, const Area& area) {
  if (!Recognise(api, area, tesseract::PSM_SINGLE_BLOCK)) return {};
  return ReadLines(api);
}

// Whether `line` opens as the line of a signature on another's behalf
// does, with its abbreviation ("KT.", "TM.", "TL.", "TUQ.", "Q.", "T/M")
// before a title: capitals and a full stop or a slash. A band is read for
// that line alone, the one a seal's edge reaches; a band whose head the
// seal took ("=—" read, then "CHỦ TỊCH") would make a deputy the head.
bool OpensOnBehalf(const LayoutLine& line) {
  if (line.words.size() < 2) return false;
  const std::string& first = line.words.front().text;
  const bool capitals = !first.empty() && std::all_of(first.begin(), first.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || c == '.' || c == '/';
  });
  return capitals && first.size() <= 4 && first.find_first_of("./") != std::string::npos &&
         first.front() >= 'A' && first.front() <= 'Z';
}

// A title line the seal's marks joined in the block's reading ("KT.(6)
// CHỦ(96)" over "c6”(1) _:`t(0) HÙ(0) TỊCH(96)" on real qn-2352-ct p4)
// reads whole as one line of text across the area, in the band of its
// words of print read (IsReadPrint): there the same pixels read "KT. CHỦ
// TỊCH". Each line of `reread` the bars leave out is read so; where the
// band's reading passes the bars whole (no word of letters is dropped, so
// "PHÓ CHỦ TỊCH" never comes out "CHỦ TỊCH"), it takes the place of every
// word read in the band.
void RereadTitleBands(tesseract::TessBaseAPI* api, const Area& area, std::vector<LayoutLine>* reread) {
  std::vector<LayoutLine> bands;
  for (const LayoutLine& line : *reread) {
    if (MeanConfidence(line) >= kAreaLineConfidence && !HasUnreadWord(line)) continue;
    Area band{area.left, INT_MAX, area.right, 0};
    for (const OcrWord& w : line.words)
      if (IsReadPrint(w)) band.top = std::min(band.top, w.top), band.bottom = std::max(band.bottom, w.bottom);
    if (band.bottom <= band.top) continue;
    const int pad = (band.bottom - band.top) / 4;
    band.top = std::max(area.top, band.top - pad), band.bottom = std::min(area.bottom, band.bottom + pad);
    const auto overlaps = [&](const LayoutLine& b) { return b.bottom > band.top && b.top < band.bottom; };
    if (std::any_of(bands.begin(), bands.end(), overlaps)) continue;
    LayoutLine read = ReadBand(api, band);
    const std::vector<LayoutLine> kept = Confident({read});
    if (kept.empty() || kept.front().words.size() != read.words.size() || !OpensOnBehalf(read)) continue;
    read.top = band.top, read.bottom = band.bottom;  // the band, for the words it replaces
    bands.push_back(std::move(read));
  }
  if (bands.empty()) return;
  const auto in_band = [&](const OcrWord& w) {
    const int y = Centre(w.top, w.bottom);
    return std::any_of(bands.begin(), bands.end(),
                       [&](const LayoutLine& b) { return y >= b.top && y < b.bottom; });
  };
  for (LayoutLine& line : *reread) {
    auto& words = line.words;
    words.erase(std::remove_if(words.begin(), words.end(), in_band), words.end());
  }
  const auto empty = [](const LayoutLine& l) { return l.words.empty(); };
  reread->erase(std::remove_if(reread->begin(), reread->end(), empty), reread->end());
  for (LayoutLine& band : bands) {
    Measure(&band);
    reread->push_back(std::move(band));
  }
  std::stable_sort(reread->begin(), reread->end(),
                   [](const LayoutLine& a, const LayoutLine& b) { return a.top < b.top; });
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
    api->SetImage(page);  // the bands are read with the rings, which cross their print
    api->SetSourceResolution(dpi);
  }
  RereadTitleBands(api, area, &reread);
  ReplaceArea(area, std::move(reread), lines);
}

}  // namespace vnplan::ocr
