// The physical reading of a plan: lines cleaned of converter debris, and
// blocks (a heading, a bullet, a paragraph) re-joined from wrapped lines.
#ifndef VNPLAN_PARSER_DOCUMENT_H_
#define VNPLAN_PARSER_DOCUMENT_H_

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "src/text/folding.h"

namespace vnplan::internal {

struct Line {
  int number = 0;     // 1-based in the normalised text
  std::string clean;  // markdown stripped, spaces collapsed, trimmed
  FoldedText folded;  // of clean
  bool blank = true;  // empty or noise (page numbers, stamp fragments)
  // Bytes of `clean` inside a bold span the line starts with ("**Điều 3.
  // **Chánh" -> 9, "Điều 3."); -1 when the line does not start in bold. A
  // titled article is bold to its end, an untitled one only on its number.
  int bold_lead = -1;
};

// How a block is numbered in the document; the order is the usual depth.
// Chapters ("Chương II") hold articles ("Điều 5."); articles and Roman
// headings are both top-level parts of a document.
enum class Marker {
  kChapter, kArticle, kRoman, kArabic, kDotted, kLetter, kStar, kBullet, kNone
};

struct Block {
  Marker marker = Marker::kNone;
  std::string label;  // "IV", "2", "2.1", "a", "5" (Điều 5); empty when unreadable
  std::string text;   // marker removed, wrapped lines joined with ' '
  FoldedText folded;  // of text
  std::vector<std::pair<uint32_t, int>> line_starts;  // text offset -> line
  bool all_caps = false;
  int words = 0;
  // Bytes of `text` inside the bold span its first line starts with (0 when
  // only the marker is bold); -1 when that line does not start in bold.
  int bold_lead = -1;

  int first_line() const { return line_starts.front().second; }
  // The line holding byte `text_offset` of `text`.
  int LineAt(size_t text_offset) const;
  // The line holding byte `folded_offset` of `folded.text`.
  int LineAtFolded(size_t folded_offset) const {
    return LineAt(folded.origin[folded_offset]);
  }
};

// True if the last visible character ends a sentence or clause.
bool EndsClause(std::string_view text);
// "IV" for 4: how section numbers are written in the output.
std::string RomanNumeral(int value);
// 4 for "IV"; 0 when `roman` is not a numeral.
int RomanValue(std::string_view roman);
// True if at least 80% of the letters are upper case (and there are some).
bool IsAllCaps(std::string_view utf8);
// True if the first letter of `utf8` is upper case.
bool StartsUpper(std::string_view utf8);
int CountWords(std::string_view text);

class DocumentReader {
 public:
  explicit DocumentReader(const TextFolder& folder);
  ~DocumentReader();

  std::vector<Line> ReadLines(std::string_view text) const;
  // Joins lines [begin, end) into blocks.
  std::vector<Block> ReadBlocks(const std::vector<Line>& lines, size_t begin,
                                size_t end) const;

 private:
  struct Patterns;
  const TextFolder& folder_;
  std::unique_ptr<Patterns> re_;

  std::string Clean(std::string_view raw) const;
  // Line::bold_lead of a raw line.
  int BoldLead(std::string_view raw) const;
  Block StartBlock(const Line& line) const;
  bool Continues(const Block& block, const Line& line, bool previous_full) const;
};

}  // namespace vnplan::internal

#endif  // VNPLAN_PARSER_DOCUMENT_H_
