#include "src/ocr/layout.h"

#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <memory>
#include <string_view>

namespace vnplan::ocr {
namespace {

// Where a line's widest gap between words is at least `min_gap` wide, the
// x of the gap's middle; -1 otherwise.
int WidestGapMiddle(const LayoutLine& line, int min_gap) {
  int widest = min_gap - 1, middle = -1;
  for (size_t i = 1; i < line.words.size(); ++i) {
    const int gap = line.words[i].left - line.words[i - 1].right;
    if (gap > widest) widest = gap, middle = (line.words[i].left + line.words[i - 1].right) / 2;
  }
  return middle;
}

int Centre(const OcrWord& w) { return (w.left + w.right) / 2; }

// Two columns of lines: lines [begin, end), and for each the x that parts
// its left column's words from its right column's (words centred left of
// it are left; INT_MAX: all left, INT_MIN: all right). The masthead (agency
// and number | motto, place and date) and the footer ("Nơi nhận" and its
// list | the signer's block).
struct Columns {
  size_t begin = 0, end = 0;
  std::vector<int> splits;
};

// The running centre of a column's pieces of line, to tell which column a
// one-sided line belongs to.
struct Column {
  long long sum = 0, count = 0;
  void Add(int left, int right) { sum += (left + right) / 2, ++count; }
  int centre() const { return count ? static_cast<int>(sum / count) : -1; }
};


// Parts lines from cols->begin (a line with a wide gap) on, each at its own
// widest gap: one cut for all lines, tuned on generated pages, put the last
// word of a long left line ("TRƯỜNG ĐẠI HỌC CÔNG THƯƠNG") on the right on
// real scans. A line without a gap joins the column whose centre is nearer.
// Stops before `limit` and after most_lines lines, and, where `block_ends`,
// at a line centred on the page rather than on a column or a wide vertical
// space.
void Part(const std::vector<LayoutLine>& lines, size_t limit, int page_width, size_t most_lines,
          bool block_ends, Columns* cols) {
  Column left, right;
  for (cols->end = cols->begin; cols->end < limit && cols->end < cols->begin + most_lines; ++cols->end) {
    const LayoutLine& line = lines[cols->end];
    if (line.table_row) break;  // a table's cells are no columns of the masthead or footer
    if (block_ends && cols->end > cols->begin) {  // the masthead ends where the spacing does
      const LayoutLine& above = lines[cols->end - 1];
      if (line.top - above.bottom > 2 * (above.bottom - above.top)) break;
    }
    int split = WidestGapMiddle(line, ColumnGap(page_width));
    if (split >= 0) {
      for (const OcrWord& w : line.words) (Centre(w) < split ? left : right).Add(w.left, w.right);
    } else {
      const int centre = (line.left + line.right) / 2;
      const int to_left = std::abs(centre - left.centre()), to_right = std::abs(centre - right.centre());
      if (block_ends && std::abs(centre - page_width / 2) < std::min(to_left, to_right)) break;
      split = to_left <= to_right ? INT_MAX : INT_MIN;
      (to_left <= to_right ? left : right).Add(line.left, line.right);
    }
    cols->splits.push_back(split);
  }
}

// An administrative page opens with two centred columns (agency, number on
// the left; national motto, place and date on the right). Tesseract often
// reads them as one block, merging "UBND TỈNH …" and "CỘNG HÒA …" into one
// line. The masthead starts at the first of the top lines with a wide gap;
// lines above it that keep to one half of the page (an e-signature box in
// a corner) stay where they are, a line across the middle means there is
// no masthead (a page after the first). It ends at a line centred on the
// page rather than on a column (the title), at a wide vertical space, or
// after 8 lines. Only lines before `limit` (the footer) are looked at.
Columns FindMasthead(const std::vector<LayoutLine>& lines, size_t limit, int page_width) {
  constexpr size_t kFirstLines = 4, kMostLines = 8;
  Columns head;
  for (;; ++head.begin) {
    if (head.begin == std::min(limit, kFirstLines)) return {};
    const LayoutLine& line = lines[head.begin];
    if (line.table_row) return {};  // a page opening with a table: no masthead
    if (WidestGapMiddle(line, ColumnGap(page_width)) >= 0) break;
    if (line.left < page_width / 2 && line.right > page_width / 2) return {};  // body text: no masthead
  }
  Part(lines, limit, page_width, kMostLines, true, &head);
  return head;
}

// The footer: "Nơi nhận:" (the recipients' list) on the left, the signer's
// block on the right, often on the same lines; Tesseract merges them line
// by line ("- Như trên; VỤ TRƯỞNG …"). It starts at the line beginning
// "Nơi nhận" when that line or the next has a wide gap, and runs to the
// end of the page, however far apart its lines (the signature's space).
Columns FindFooter(const std::vector<LayoutLine>& lines, int page_width) {
  constexpr size_t kGapWithin = 2;  // the signer's title may start a line lower
  Columns foot;
  for (; foot.begin < lines.size(); ++foot.begin) {
    if (OpensRecipients(lines[foot.begin])) break;
  }
  const size_t opens = foot.begin;
  for (; foot.begin < std::min(lines.size(), opens + kGapWithin); ++foot.begin)
    if (WidestGapMiddle(lines[foot.begin], ColumnGap(page_width)) >= 0) break;
  if (foot.begin >= std::min(lines.size(), opens + kGapWithin)) return {lines.size(), lines.size(), {}};
  Part(lines, lines.size(), page_width, lines.size(), false, &foot);
  return foot;
}

// Where a word falls in a table: its row and cell, or false if outside.
bool CellOf(const TableGrid& table, const OcrWord& w, size_t* row, size_t* cell) {
  const int x = Centre(w), y = (w.top + w.bottom) / 2;
  if (table.stamp) return false;
  if (y <= table.rows.front() || y >= table.rows.back()) return false;
  *row = static_cast<size_t>(std::upper_bound(table.rows.begin(), table.rows.end(), y) - table.rows.begin()) - 1;
  const std::vector<int>& rules = table.columns[*row];
  if (rules.size() < 2 || x <= rules.front() || x >= rules.back()) return false;
  *cell = static_cast<size_t>(std::upper_bound(rules.begin(), rules.end(), x) - rules.begin());
  return true;
}

// Whether a word lies in a stamp's frame: the stamp's, not the page's.
bool InStamp(const std::vector<TableGrid>& tables, const OcrWord& w) {
  const int x = Centre(w), y = (w.top + w.bottom) / 2;
  return std::any_of(tables.begin(), tables.end(), [&](const TableGrid& t) {
    return t.stamp && x > t.left && x < t.right && y > t.top && y < t.bottom;
  });
}

// Whether a word is a column rule Tesseract read as a glyph ("|", "I"):
// narrow and astride one of the row's rules.
bool IsRuleRead(const std::vector<int>& rules, const OcrWord& w) {
  constexpr int kNarrowest = 25;  // px at 300 dpi; a one-letter word is wider than a rule's glyph
  return w.right - w.left < kNarrowest &&
         std::any_of(rules.begin(), rules.end(), [&](int x) { return w.left <= x && x <= w.right; });
}

// A word of a table row and the cell it falls in.
struct Placed {
  size_t cell;
  OcrWord word;
};

// One table row as a line: its words cell by cell, each cell's words in
// Tesseract's order.
LayoutLine RowLine(std::vector<Placed> placed) {
  std::stable_sort(placed.begin(), placed.end(), [](const Placed& a, const Placed& b) { return a.cell < b.cell; });
  LayoutLine row;
  row.table_row = true;
  row.left = row.top = INT_MAX;
  for (size_t i = 0; i < placed.size(); ++i) {
    const OcrWord& w = placed[i].word;
    row.words.push_back(w);
    row.cell_starts.push_back(i > 0 && placed[i].cell != placed[i - 1].cell);
    row.left = std::min(row.left, w.left), row.right = std::max(row.right, w.right);
    row.top = std::min(row.top, w.top), row.bottom = std::max(row.bottom, w.bottom);
  }
  return row;
}

// The lines with the words inside `tables` taken out, and each table row
// put in as one line of its cells, before the first line below the
// table's top. The words in a stamp's frame are dropped.
std::vector<LayoutLine> WithTableRows(const std::vector<LayoutLine>& lines,
                                      const std::vector<TableGrid>& tables) {
  if (tables.empty()) return lines;
  std::vector<std::vector<std::vector<Placed>>> cells(tables.size());
  for (size_t t = 0; t < tables.size(); ++t) cells[t].resize(tables[t].stamp ? 0 : tables[t].rows.size() - 1);
  std::vector<LayoutLine> rest;
  for (const LayoutLine& line : lines) {
    LayoutLine kept = line;
    kept.words.clear();
    for (const OcrWord& w : line.words) {
      if (InStamp(tables, w)) continue;
      size_t row = 0, cell = 0, t = 0;
      while (t < tables.size() && !CellOf(tables[t], w, &row, &cell)) ++t;
      if (t == tables.size()) kept.words.push_back(w);
      else if (!IsRuleRead(tables[t].columns[row], w)) cells[t][row].push_back({cell, w});
    }
    if (!kept.words.empty()) rest.push_back(std::move(kept));
  }
  for (size_t t = tables.size(); t-- > 0;) {  // the lowest first, so earlier places hold
    std::vector<LayoutLine> rows;
    for (std::vector<Placed>& placed : cells[t])
      if (!placed.empty()) rows.push_back(RowLine(std::move(placed)));
    if (rows.empty()) continue;
    rows.back().paragraph_end = true;
    const auto at = std::find_if(rest.begin(), rest.end(),
                                 [&](const LayoutLine& l) { return l.top > tables[t].rows.front(); });
    rest.insert(at, rows.begin(), rows.end());
  }
  return rest;
}

// A line's extent from its first and last words (a line's own box may
// still hold the width of marks taken out of it, as of a stamp).
int WordsLeft(const LayoutLine& line) { return line.words.empty() ? line.left : line.words.front().left; }
int WordsRight(const LayoutLine& line) { return line.words.empty() ? line.right : line.words.back().right; }

// The text's margins: the median of the lines' left and right edges
// (most of a page's lines are the body's, justified).
void Margins(const std::vector<LayoutLine>& lines, int* left, int* right) {
  std::vector<int> lefts, rights;
  for (const LayoutLine& line : lines) lefts.push_back(WordsLeft(line)), rights.push_back(WordsRight(line));
  std::nth_element(lefts.begin(), lefts.begin() + lefts.size() / 2, lefts.end());
  std::nth_element(rights.begin(), rights.begin() + rights.size() / 2, rights.end());
  *left = lefts[lefts.size() / 2], *right = rights[rights.size() / 2];
}

// Ends the paragraph at a short line centred on the text followed by a
// line reaching the right margin: a centred title's last line and the
// justified body under it, which Tesseract takes for one paragraph when
// nothing parts them (on real qn-2352-ct p1 an incoming-mail stamp hides
// the body's first word "Trong", and the body's first line came out in
// the title). A centred line is within a column's gap of the text's
// middle (that title's lines are 67-75 px off at 300 dpi, the gap 95) and
// ends a column's gap short of the margin; the line under it ends within
// a quarter gap of the margin (justified lines end there to a few pixels).
void EndCentredParagraphs(int page_width, std::vector<LayoutLine>* lines) {
  if (lines->size() < 3) return;
  int left = 0, right = 0;
  Margins(*lines, &left, &right);
  const int gap = ColumnGap(page_width), middle = (left + right) / 2;
  for (size_t i = 0; i + 1 < lines->size(); ++i) {
    LayoutLine& line = (*lines)[i];
    const LayoutLine& next = (*lines)[i + 1];
    if (line.table_row || next.table_row || line.paragraph_end) continue;
    const int centre = (WordsLeft(line) + WordsRight(line)) / 2;
    const bool centred = std::abs(centre - middle) < gap && right - WordsRight(line) >= gap;
    if (centred && WordsRight(next) >= right - gap / 4) line.paragraph_end = true;
  }
}

}  // namespace

int ColumnGap(int page_width) { return std::max(40, page_width / 25); }

bool OpensRecipients(const LayoutLine& line) {
  const std::vector<OcrWord>& words = line.words;
  return words.size() >= 2 && (words[0].text == "Nơi" || words[0].text == "NƠI") &&
         words[1].text.rfind("nhận", 0) == 0;
}

std::vector<LayoutLine> ReadLines(tesseract::TessBaseAPI* api) {
  std::vector<LayoutLine> lines;
  std::unique_ptr<tesseract::ResultIterator> it(api->GetIterator());
  if (!it) return lines;
  using tesseract::RIL_PARA;
  using tesseract::RIL_TEXTLINE;
  using tesseract::RIL_WORD;
  bool line_begins = true;
  do {
    line_begins |= it->IsAtBeginningOf(RIL_TEXTLINE);
    if (it->Empty(RIL_WORD)) continue;
    std::unique_ptr<char[]> word(it->GetUTF8Text(RIL_WORD));
    // Rules and box edges come out as words of no text: not words, and a
    // line of nothing else is no line.
    if (!word || std::string_view(word.get()).find_first_not_of(" \t\n") == std::string_view::npos) {
      if (!line_begins && it->IsAtFinalElement(RIL_PARA, RIL_WORD)) lines.back().paragraph_end = true;
      continue;
    }
    if (line_begins) lines.emplace_back();
    line_begins = false;
    LayoutLine& line = lines.back();
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    it->BoundingBox(RIL_WORD, &x0, &y0, &x1, &y1);
    const bool first = line.words.empty();
    line.left = first ? x0 : std::min(line.left, x0);
    line.top = first ? y0 : std::min(line.top, y0);
    line.right = std::max(line.right, x1);
    line.bottom = std::max(line.bottom, y1);
    line.words.push_back({word.get(), it->Confidence(RIL_WORD), x0, y0, x1, y1, 0, 0});
    if (it->IsAtFinalElement(RIL_PARA, RIL_WORD)) line.paragraph_end = true;
  } while (it->Next(RIL_WORD));
  return lines;
}

std::string PageText(const std::vector<LayoutLine>& read, int page_width,
                     const std::vector<TableGrid>& tables, std::vector<OcrWord>* words) {
  std::vector<LayoutLine> lines = WithTableRows(read, tables);
  EndCentredParagraphs(page_width, &lines);
  const Columns foot = FindFooter(lines, page_width);
  const Columns head = FindMasthead(lines, foot.begin, page_width);
  std::string text;
  int line_number = 0;
  auto end_line = [&] {
    text += '\n';
    ++line_number;
  };
  // Writes the words of `line` centred on the chosen side of `split`.
  auto emit = [&](const LayoutLine& line, int split, bool left_side) {
    bool any = false;
    for (size_t i = 0; i < line.words.size(); ++i) {
      const OcrWord& w = line.words[i];
      if ((Centre(w) < split) != left_side) continue;
      if (any) text += line.table_row && line.cell_starts[i] ? " | " : " ";
      words->push_back(w);
      words->back().line = line_number;
      words->back().offset = text.size();
      text += w.text;
      any = true;
    }
    if (any) end_line();
  };
  auto emit_body = [&](size_t from, size_t to) {
    for (size_t i = from; i < to; ++i) {
      emit(lines[i], INT_MAX, true);
      if (lines[i].paragraph_end) end_line();
    }
  };
  // Each column's lines, the left column's first, a blank line after each.
  auto emit_columns = [&](const Columns& cols) {
    for (int side = 0; side < 2 && cols.end > cols.begin; ++side) {
      for (size_t i = cols.begin; i < cols.end; ++i) emit(lines[i], cols.splits[i - cols.begin], side == 0);
      end_line();
    }
  };
  emit_body(0, head.begin);
  emit_columns(head);
  emit_body(head.end, foot.begin);
  emit_columns(foot);
  emit_body(foot.end, lines.size());
  return text;
}

}  // namespace vnplan::ocr
