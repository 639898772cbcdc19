#include "src/parser/document.h"

#include <re2/re2.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>
#include <utility>

#include "src/text/textutil.h"

namespace vnplan::internal {

int RomanValue(std::string_view roman) {
  int total = 0, prev = 0;
  for (auto it = roman.rbegin(); it != roman.rend(); ++it) {
    int v = *it == 'I' ? 1 : *it == 'V' ? 5 : *it == 'X' ? 10 : *it == 'L' ? 50 : 0;
    if (v == 0) return 0;
    total += v < prev ? -v : v;
    prev = std::max(prev, v);
  }
  return total;
}

namespace {

std::string CollapseSpaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = true;  // drops leading spaces
  for (char c : s) {
    const bool is_space = c == ' ' || c == '\t' || c == '\f' || c == '\v';
    if (is_space) {
      if (!space) out.push_back(' ');
      space = true;
    } else {
      out.push_back(c);
      space = false;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// Every occurrence of `from`, left to right and not overlapping, replaced by
// `to`, in one pass: replacing in place moved the rest of the line each time,
// quadratic on a long line (2 MB of "x**" took 6.9 s; issue 14 item 9).
void ReplaceAll(std::string& s, std::string_view from, std::string_view to) {
  size_t pos = s.find(from);
  if (pos == std::string::npos) return;
  std::string out;
  out.reserve(s.size());
  size_t done = 0;
  for (; pos != std::string::npos; pos = s.find(from, done)) {
    out.append(s, done, pos - done).append(to);
    done = pos + from.size();
  }
  out.append(s, done, std::string::npos);
  s = std::move(out);
}

}  // namespace

std::string RomanNumeral(int value) {
  static constexpr std::pair<int, const char*> kDigits[] = {
      {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}};
  std::string out;
  for (auto [v, s] : kDigits)
    while (value >= v) out += s, value -= v;
  return out;
}

struct DocumentReader::Patterns {
  RE2 bullet{R"(^[~]?\s*[-+•·–—](?:\s*[-+•·](?:\s|$))?\s*(.*)$)"};
  RE2 roman{R"(^([IVXLl1|]{1,5})\s*[.:)]\s*(\S.*)$)"};
  RE2 lost_roman{R"(^\.\s+(\S.*)$)"};
  RE2 dotted{R"(^(\d{1,2})\s*\.\s*(\d{1,2})(?:\s*\.\s*(\d{1,2}))?\s*[.)]?\s+(\S.*)$)"};
  RE2 arabic{R"(^(\d{1,2})\s*[.)/]\s*(\S.*)$)"};
  // "17/KH-UBND …" wrapped onto its own line is a reference, not item 17.
  RE2 document_number{R"(^\d{1,5}/(?:\d{4}/)?[A-ZĐ][A-ZĐ0-9&]*-)"};
  RE2 letter{R"(^([a-eg-ik-nđ])\s*(?:\)\s*|\.\s+)(\S.*)$)"};
  RE2 star{R"(^\*\s*(\S.*)$)"};
  // "Điều 5. Title" or "Điều 5: text"; not "Điều 5 Nghị định số …", a
  // citation wrapped onto the start of a line.
  RE2 article{R"(^(?:Điều|ĐIỀU|Ðiều)\s*(\d{1,3})\s*[.:]\s*(.*)$)"};
  // "Chương II" with its title on the same line or the next; not "Chương trình".
  RE2 chapter{R"(^(?:Chương|CHƯƠNG)\s+([IVXL]{1,6})\s*(?:[.:]\s*|\s+|$)(.*)$)"};
  // The year or date that ends a wrapped sentence, alone on its line: "năm"
  // / "2020;", "ngày" / "11/12/2024)". Not noise: 63 of the devset's 311
  // texts break a line so, and a "Căn cứ Luật … năm" clause that lost its
  // year ran into the next one and took its number. A page number is shorter
  // and a table's year cell ends in no punctuation.
  RE2 wrapped_number{R"(^[(\s]*(?:\d{1,2}\s*[/.-]\s*){0,2}\d{4}\s*[;.,)]+[\s*]*$)"};
};

int Block::LineAt(size_t text_offset) const {
  auto it = std::upper_bound(
      line_starts.begin(), line_starts.end(), text_offset,
      [](size_t off, const std::pair<uint32_t, int>& s) { return off < s.first; });
  if (it == line_starts.begin()) return line_starts.front().second;
  return std::prev(it)->second;
}

bool EndsClause(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '/' ||
                           text.back() == '*' || text.back() == '"'))
    text.remove_suffix(1);
  if (text.size() >= 3 && text.substr(text.size() - 3) == "\xE2\x80\x9D")
    text.remove_suffix(3);  // closing curly quote
  if (text.empty()) return false;
  const char c = text.back();
  return c == '.' || c == ';' || c == ':' || c == '!' || c == '?';
}

bool IsAllCaps(std::string_view utf8) {
  int upper = 0, letters = 0;
  ForEachCodePoint(utf8, [&](UChar32 c) {
    if (u_isalpha(c)) {
      ++letters;
      if (u_isupper(c)) ++upper;
    }
    return true;
  });
  return letters >= 3 && upper * 5 >= letters * 4;
}

bool StartsUpper(std::string_view utf8) {
  bool upper = false;
  ForEachCodePoint(utf8, [&](UChar32 c) {
    if (u_isalpha(c)) {
      upper = u_isupper(c);
      return false;
    }
    return !u_isdigit(c);  // "2016 ..." starts with no letter
  });
  return upper;
}

int CountWords(std::string_view text) {
  int words = 0;
  bool in_word = false;
  for (char c : text) {
    const bool space = c == ' ';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

DocumentReader::DocumentReader(const TextFolder& folder)
    : folder_(folder), re_(std::make_unique<Patterns>()) {}
DocumentReader::~DocumentReader() = default;

std::string DocumentReader::Clean(std::string_view raw) const {
  // Fast path: a line with no markup, tabs or doubled/outer spaces.
  bool plain = raw.empty() || (raw.front() != ' ' && raw.back() != ' ');
  for (size_t i = 0; plain && i < raw.size(); ++i) {
    const char c = raw[i];
    plain = !(c == '#' || c == '*' || c == '_' || c == '\\' || c == '\t' || c == '\f' ||
              c == '\v' || c == '\xC2' || (c == ' ' && raw[i + 1] == ' '));
  }
  if (plain) return std::string(raw);
  std::string s(raw);
  for (char& c : s)
    if (c == '\t' || c == '\f' || c == '\v') c = ' ';
  ReplaceAll(s, "\xC2\xA0", " ");   // no-break space
  ReplaceAll(s, "\\*", "\x01");     // an escaped star is a real star
  ReplaceAll(s, "**", "");
  ReplaceAll(s, "__", "");
  ReplaceAll(s, "\\", "");
  s = CollapseSpaces(s);
  size_t hashes = 0;
  while (hashes < s.size() && s[hashes] == '#') ++hashes;
  if (hashes > 0 && (hashes == s.size() || s[hashes] == ' ')) s.erase(0, hashes);
  s = CollapseSpaces(s);
  // Markdown emphasis: "*a) Title*" -> "a) Title".
  if (s.size() > 2 && s.front() == '*' && s[1] != ' ') s.erase(0, 1);
  if (!s.empty() && s.back() == '*') s.pop_back();
  for (char& c : s)
    if (c == '\x01') c = '*';
  return CollapseSpaces(s);
}

namespace {

// How many emphasis markers a raw line opens or closes: "**" (bold) and a
// lone "*" (italic), escaped stars aside.
std::pair<int, int> EmphasisMarks(std::string_view raw) {
  int bold = 0, italic = 0;
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '\\') {
      ++i;
    } else if (raw[i] == '*' && i + 1 < raw.size() && raw[i + 1] == '*') {
      ++bold;
      ++i;
    } else if (raw[i] == '*') {
      ++italic;
    }
  }
  return {bold, italic};
}

// A "**" between two letters of a word ("Thành ph**ố"): converter's
// debris that opens no bold span. ("cây**:" closes one.)
bool BoldInsideWord(std::string_view raw) {
  const auto letter = [](char c) {
    return static_cast<unsigned char>(c) >= 0x80 || std::isalnum(static_cast<unsigned char>(c));
  };
  for (size_t at = raw.find("**"); at != std::string_view::npos; at = raw.find("**", at + 2))
    if (at > 0 && at + 2 < raw.size() && letter(raw[at - 1]) && letter(raw[at + 2])) return true;
  return false;
}

// A converter breaks lines inside an emphasised phrase ("**CỘNG HÒA XÃ" /
// "HỘI CHỦ NGHĨA VIỆT NAM**", "*Đắk Lắk, ngày 21" / "tháng 11 năm 2025*").
// Where a line leaves bold or italic open and one of the next few lines
// closes it, they are one line of the document: joined into the first,
// the others left empty so every line keeps its number.
constexpr size_t kMaxEmphasisLines = 4;

std::vector<std::string> JoinEmphasis(std::vector<std::string_view> raw) {
  std::vector<std::string> out(raw.begin(), raw.end());
  for (size_t i = 0; i < raw.size(); ++i) {
    const auto [bold, italic] = EmphasisMarks(raw[i]);
    if (bold % 2 == 0 && italic % 2 == 0) continue;
    // A line that ends on a marker stuck to its last word closes a span
    // opened above (one too long to join, "…chính quyền;*"): it opens
    // nothing. ("… của **" opens one.)
    const std::string_view line = TrimSpaces(raw[i]);
    const size_t marks = line.find_last_not_of('*');
    const size_t trailing = marks == std::string_view::npos ? 0 : line.size() - marks - 1;
    // ("**Điều 2.****": a span closed and the next opened.)
    if (trailing > 0 && trailing <= 2 && line[marks] != ' ') continue;
    const bool stray_bold = BoldInsideWord(raw[i]);
    for (size_t j = i + 1; j < raw.size() && j <= i + kMaxEmphasisLines; ++j) {
      if (raw[j].empty()) break;
      const auto [b, it] = EmphasisMarks(raw[j]);
      // A line opening both spans, one of them a stray "**" inside a word
      // ("*Thành ph**ố …, ngày 19 tháng 11 năm" / "2025*"), ends where
      // either closes.
      const bool closes = (bold % 2 == 1 && b % 2 == 1) ||
                          (italic % 2 == 1 && it % 2 == 1 && (bold % 2 == 0 || stray_bold));
      if (!closes) continue;
      for (size_t k = i + 1; k <= j; ++k) {
        out[i] += ' ';
        out[i] += raw[k];
        out[k].clear();
      }
      i = j;
      break;
    }
  }
  return out;
}

}  // namespace

int DocumentReader::BoldLead(std::string_view raw) const {
  const size_t open = raw.find_first_not_of(" #");
  if (open == std::string_view::npos || raw.compare(open, 2, "**") != 0) return -1;
  // "****" closes bold and opens it again: "**Điều ****2****. Title**".
  std::string inside(raw.substr(open + 2));
  ReplaceAll(inside, "****", "");
  const size_t close = inside.find("**");
  if (close != std::string::npos) inside.resize(close);
  return static_cast<int>(Clean(inside).size());
}

std::vector<Line> DocumentReader::ReadLines(std::string_view text) const {
  std::vector<std::string_view> raw;
  for (size_t start = 0;;) {
    const size_t end = std::min(text.find('\n', start), text.size());
    raw.push_back(text.substr(start, end - start));
    if (end == text.size()) break;
    start = end + 1;
  }
  std::vector<Line> lines;
  int number = 0;
  for (const std::string& joined : JoinEmphasis(std::move(raw))) {
    Line line;
    line.number = ++number;
    line.clean = Clean(joined);
    line.bold_lead = std::min(BoldLead(joined), static_cast<int>(line.clean.size()));
    int letters = 0, chars = 0;
    ForEachCodePoint(line.clean, [&](UChar32 c) {
      ++chars;
      if (c < 0x80 ? ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') : u_isalpha(c)) ++letters;
      return letters < 2 || chars <= 3;  // enough to know it is not noise
    });
    line.blank = (letters < 2 || chars <= 3) && !RE2::FullMatch(line.clean, re_->wrapped_number);
    if (!line.blank) line.folded = folder_.Fold(line.clean);
    lines.push_back(std::move(line));
  }
  return lines;
}

Block DocumentReader::StartBlock(const Line& line) const {
  Block b;
  re2::StringPiece a, c, d, rest;
  const std::string& s = line.clean;
  // Each kind of marker has its own first characters; a line that starts
  // otherwise ("Các đơn vị ...") skips the patterns.
  const unsigned char first = s.empty() ? ' ' : static_cast<unsigned char>(s[0]);
  const bool digit = first >= '0' && first <= '9';
  const bool roman = first == 'I' || first == 'V' || first == 'X' || first == 'L' ||
                     first == 'l' || first == '|' || first == '.';
  const bool letter = ((first >= 'a' && first <= 'n') || s.rfind("\xC4\x91", 0) == 0) &&
                      s.find_first_of(").") != std::string::npos && s.find_first_of(").") <= 4;
  const bool other = first == '*' || first == '-' || first == '+' || first == '~' ||
                     first == 0xE2 || first == 0xC2;  // dashes, bullets
  const bool legal = s.rfind("\xC4\x90", 0) == 0 || s.rfind("\xC3\x90", 0) == 0 ||
                     first == 'C';  // "Điều", "Ðiều" (a look-alike), "Chương"
  if (legal && RE2::FullMatch(s, re_->article, &a, &rest) &&
      (rest.empty() || StartsUpper(rest))) {
    b.marker = Marker::kArticle;
    b.label = std::to_string(ToInt(a));
  } else if (legal && RE2::FullMatch(s, re_->chapter, &a, &rest) &&
             (rest.empty() || StartsUpper(rest)) && RomanValue(a) > 0) {
    b.marker = Marker::kChapter;
    b.label = RomanNumeral(RomanValue(a));
  } else if (digit && RE2::FullMatch(s, re_->dotted, &a, &c, &d, &rest) && StartsUpper(rest)) {
    b.marker = Marker::kDotted;
    b.label.append(a.data(), a.size()).append(1, '.').append(c.data(), c.size());
    if (!d.empty()) b.label.append(1, '.').append(d.data(), d.size());
  } else if (digit && !RE2::PartialMatch(s, re_->document_number) &&
             RE2::FullMatch(s, re_->arabic, &a, &rest) && StartsUpper(rest)) {
    b.marker = Marker::kArabic;
    b.label = std::to_string(ToInt(a));
  } else if ((roman || digit) && RE2::FullMatch(s, re_->roman, &a, &rest) &&
             std::string_view(a).find_first_of("IVX") != std::string_view::npos &&
             StartsUpper(rest)) {
    std::string numeral = a.as_string();
    for (char& ch : numeral)
      if (ch == 'l' || ch == '1' || ch == '|') ch = 'I';
    const int value = RomanValue(numeral);
    b.marker = Marker::kRoman;
    b.label = value > 0 ? RomanNumeral(value) : "";
  } else if (first == '.' && RE2::FullMatch(s, re_->lost_roman, &rest) && IsAllCaps(rest)) {
    b.marker = Marker::kRoman;  // OCR dropped the numeral: ". MUC DICH"
  } else if (letter && RE2::FullMatch(s, re_->letter, &a, &rest) && StartsUpper(rest)) {
    b.marker = Marker::kLetter;
    b.label = a.as_string();
  } else if (first == '*' && RE2::FullMatch(s, re_->star, &rest)) {
    b.marker = Marker::kStar;
  } else if (other && RE2::FullMatch(s, re_->bullet, &rest)) {
    b.marker = Marker::kBullet;
  } else {
    rest = s;
  }
  b.text = rest.as_string();
  b.line_starts.emplace_back(0, line.number);
  if (line.bold_lead >= 0)
    b.bold_lead = std::max(0, line.bold_lead - static_cast<int>(s.size() - b.text.size()));
  return b;
}

bool DocumentReader::Continues(const Block& block, const Line& line,
                               bool previous_full) const {
  if (!StartsUpper(line.clean)) return true;
  if (block.all_caps && IsAllCaps(line.clean)) return true;
  switch (block.marker) {
    case Marker::kRoman:
      return false;
    case Marker::kChapter:
      return block.text.empty();  // "Chương II" / "QUY ĐỊNH CHUNG"
    case Marker::kArticle:
      // "**Điều 3. **Chánh" / "Văn phòng …": the bold ends at the number,
      // the article's text runs on. "**Điều 7. Hiệu lực**": the title ends.
      if (block.bold_lead == 0 || block.text.empty()) return !EndsClause(block.text);
      return block.bold_lead < 0 && previous_full && !EndsClause(block.text);
    case Marker::kArabic:
    case Marker::kDotted:
    case Marker::kLetter:
    case Marker::kStar:
      // A numbered title wraps onto a capitalised word only when its line
      // ran to the margin; a short line ends the title.
      return previous_full && !EndsClause(block.text);
    default:
      return !EndsClause(block.text);
  }
}

namespace {

// Appends the fold of `line` from its byte `from` on to `block`, whose text
// holds that part of the line at byte `at`: folding is per character, so a
// block's fold is its lines' folds put together.
void AppendFold(const Line& line, size_t from, size_t at, FoldedText& block) {
  const FoldedText& f = line.folded;
  size_t i = 0;
  while (i + 1 < f.origin.size() && f.origin[i] < from) ++i;
  block.text.append(f.text, i, std::string::npos);
  for (; i + 1 < f.origin.size(); ++i)
    block.origin.push_back(static_cast<uint32_t>(f.origin[i] - from + at));
}

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// The width of a full line: the 90th percentile of line lengths.
size_t FullWidth(const std::vector<Line>& lines, size_t begin, size_t end) {
  std::vector<size_t> lengths;
  for (size_t i = begin; i < end && i < lines.size(); ++i)
    if (!lines[i].blank) lengths.push_back(CodePoints(lines[i].clean));
  if (lengths.empty()) return 0;
  const size_t k = lengths.size() * 9 / 10;
  std::nth_element(lengths.begin(), lengths.begin() + static_cast<long>(k), lengths.end());
  return lengths[k];
}

}  // namespace

std::vector<Block> DocumentReader::ReadBlocks(const std::vector<Line>& lines,
                                              size_t begin, size_t end) const {
  std::vector<Block> blocks;
  const size_t full = FullWidth(lines, begin, end) * 9 / 10;
  size_t previous_length = 0;
  for (size_t i = begin; i < end && i < lines.size(); ++i) {
    const Line& line = lines[i];
    if (line.blank) continue;
    Block next = StartBlock(line);
    const bool previous_full = previous_length >= full;
    previous_length = CodePoints(line.clean);
    if (next.marker == Marker::kNone && !blocks.empty() &&
        Continues(blocks.back(), line, previous_full)) {
      Block& b = blocks.back();
      // A marker alone on its line ("Chương II", "Điều 1.") takes the next
      // line as its text.
      const bool empty = b.text.empty();
      b.line_starts.emplace_back(static_cast<uint32_t>(b.text.size() + (empty ? 0 : 1)),
                                 line.number);
      if (!empty) {
        b.folded.text.push_back(' ');
        b.folded.origin.push_back(static_cast<uint32_t>(b.text.size()));
        b.text += ' ';
      }
      AppendFold(line, 0, b.text.size(), b.folded);
      b.text += line.clean;
      b.all_caps = (empty || b.all_caps) && IsAllCaps(line.clean);
      b.words += CountWords(line.clean);
    } else {
      blocks.push_back(std::move(next));
      Block& b = blocks.back();
      AppendFold(line, line.clean.size() - b.text.size(), 0, b.folded);
      b.all_caps = IsAllCaps(b.text);
      b.words = CountWords(b.text);
    }
  }
  for (Block& b : blocks) b.folded.origin.push_back(static_cast<uint32_t>(b.text.size()));
  return blocks;
}

}  // namespace vnplan::internal
