#include "src/parser/header.h"

#include <re2/re2.h>

#include <set>
#include <utility>

#include "src/text/calendar.h"
#include "src/text/textutil.h"

namespace vnplan::internal {
namespace {

struct NamedPattern {
  const char* name;
  std::unique_ptr<RE2> re;
};

std::vector<NamedPattern> MakeTable(
    std::initializer_list<std::pair<const char*, const char*>> rows) {
  std::vector<NamedPattern> table;
  for (auto [name, pattern] : rows)
    table.push_back({name, std::make_unique<RE2>(pattern)});
  return table;
}

std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> words;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t end = s.find(' ', pos);
    if (end == std::string_view::npos) end = s.size();
    if (end > pos) words.push_back(s.substr(pos, end - pos));
    pos = end + 1;
  }
  return words;
}

std::string Join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (const std::string& p : parts) {
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

std::string NormalizeDashes(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const std::string_view rest = s.substr(i, 3);
    if (rest == "\xE2\x80\x94" || rest == "\xE2\x80\x93") {
      out.push_back('-');
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

// Surnames, folded: how a signer's name is told from a stray capitalised
// phrase such as a place in a digital-signature block.
const std::set<std::string_view>& Surnames() {
  static const std::set<std::string_view> kSurnames = {
      "nguyen", "tran", "le",    "pham",   "hoang", "huynh", "phan",  "vu",
      "vo",     "dang", "bui",   "do",     "ho",    "ngo",   "duong", "ly",
      "dinh",   "dao",  "luong", "trinh",  "mai",   "truong", "ha",   "lam",
      "ta",     "to",   "cao",   "chau",   "chu",   "dam",   "quach", "la",
      "thai",   "tang", "kieu",  "lai",    "van",   "trieu", "vuong", "doan",
      "nghiem", "khuc", "giang", "au",     "luc",   "mac",   "ton",   "kim",
      "doan",   "luu",  "phung", "diep",   "bach",  "hua",   "quang", "sam",
      "nong",   "lo",   "hau",   "tu",     "than",  "khong", "han",   "ninh",
      "dong",   "tong", "vi",    "ong",    "cu",    "phi",   "ung",   "be",
      "ma",     "thach", "danh", "lang",   "luyen", "nham",  "quan",  "yen"};
  return kSurnames;
}

}  // namespace

struct HeaderReader::Patterns {
  std::vector<NamedPattern> types = MakeTable({
      {"Kế hoạch", R"(^(k\S{0,2} ?ho\S{0,2}ch)\b)"},
      {"Chương trình", R"(^(ch\S{1,3}ng tr\S{1,2}nh)\b)"},
      {"Hướng dẫn", R"(^(h\S{1,3}ng d\S{1,2}n)\b)"},
      {"Quyết định", R"(^(quy\S{1,2}t [dpb]\S{1,2}nh)\b)"},
      {"Thông báo", R"(^(th\S{1,2}ng b\S{1,2}o)\b)"},
      {"Báo cáo", R"(^(b\S{1,2}o c\S{1,2}o)\b)"},
      {"Đề án", R"(^(de an)\b)"},
      {"Tờ trình", R"(^(t\S{1,2} tr\S{1,2}nh)\b)"},
      {"Chỉ thị", R"(^(ch\S{1,2} th\S{1,2})\b)"},
      {"Nghị quyết", R"(^(ngh\S{1,2} quy\S{1,2}t)\b)"},
      {"Công điện", R"(^(c\S{1,2}ng [dp]i\S{1,2}n)\b)"},
      {"Thông tư", R"(^(th\S{1,2}ng tu)\b)"},
      {"Phương án", R"(^(ph\S{1,3}ng an)\b)"},
  });
  RE2 preamble{
      R"(^(?:th\S{0,2}c hi\S{1,2}n|c\S{1,2}n c\S{1,2}|nh\S{1,2}m|theo|x\S{1,2}t|tr\S{1,2}n c\S{1,2} s\S{1,2}|k\S{1,2}nh g\S{1,2}i)\b)"};
  RE2 motto_state{
      R"((c\S{1,2}ng h\S{1,2}a x\S{1,2} h\S{1,3} ch\S{1,2} ngh\S{1,2}a vi\S{1,2}t nam))"};
  RE2 motto_words{
      R"(([dpb]\S{1,3}c [l1]\S{1,3}p\s*-\s*t\S{1,2} do\s*-\s*h\S{1,3}nh ph\S{1,3}c))"};
  RE2 number{R"((?:^|\s)[Ss]\S{0,2}\s*:\s*(\S*(?:\s*/\s*\S+)+))"};
  RE2 symbol_part{R"([A-ZĐ][A-Za-zĐđ0-9&\-–—.]*)"};
  RE2 place_date{
      R"((ng\S{1,2}y\s+(\S{1,3})\s+th\S{1,4}\s+(\S{1,3})\s+n\S{1,2}m\s+(\d{4})))"};
  RE2 self_reference{
      R"(k\S{1,2}m theo (?:k\S{0,2} ?ho\S{0,2}ch|quy\S{1,2}t [dpb]\S{1,2}nh|ch\S{1,3}ng tr\S{1,2}nh) s\S{0,2}\s*(\d+)\s*/\s*(\S+)\s+ng\S{1,2}y\s+(\d{1,2})\s+th\S{1,4}\s+(\d{1,2})\s+n\S{1,2}m\s+(\d{4})(?:\s+c\S{1,2}a\s+([^)]+))?)"};
  RE2 period{R"((?:giai [dpb]o\S{0,2}n|n\S{1,2}m h\S{1,2}c|t\S{1,2} n\S{1,2}m)?\s*(\d{4})\s*(?:-|[dpb]\S{1,2}n n\S{1,2}m)\s*(\d{4}))"};
  RE2 year_range{R"(\d{4}\s*[-–—]\s*\d{4})"};
  RE2 single_year{R"(\bn\S{1,2}m (\d{4})\b)"};
  RE2 closing{R"(^(n\S{1,2}i nh\S{1,2}n\b\s*:?\s*))"};
  RE2 subject{R"(^v\s*/\s*v\b\s*:?\s*)"};  // "V/v": what a Công văn is about
  RE2 appendix{R"(^ph\S{1,2} l\S{1,2}c\b)"};
  RE2 on_behalf{R"(^(kt|tm|tl|tuq|q)\s*[.:]?\s+(.+)$)"};
  // Positions a signer holds, without "Phó" (deputy), which any of them
  // can take: "PHÓ THỦ TƯỚNG" is "Phó " + "Thủ tướng".
  RE2 deputy{R"(^ph\S{1,2}\s+(.+)$)"};
  std::vector<NamedPattern> positions = MakeTable({
      {"Giám đốc", R"((?:gi\S{1,2}m [dpb]\S{1,2}c)\s*[.,]?)"},
      {"Tổng Giám đốc", R"((?:t\S{1,2}ng gi\S{1,2}m [dpb]\S{1,2}c)\s*[.,]?)"},
      {"Trưởng phòng", R"((?:tr\S{1,3}ng ph\S{1,2}ng)\s*[.,]?)"},
      {"Trưởng ban", R"((?:tr\S{1,3}ng ban)\s*[.,]?)"},
      {"Chủ tịch", R"((?:ch\S{1,2} t\S{1,2}ch)\s*[.,]?)"},
      {"Hiệu trưởng", R"((?:hi\S{1,2}u tr\S{1,3}ng)\s*[.,]?)"},
      {"Chánh Văn phòng", R"((?:ch\S{1,2}nh v\S{1,2}n ph\S{1,2}ng)\s*[.,]?)"},
      {"Chánh Thanh tra", R"((?:ch\S{1,2}nh thanh tra)\s*[.,]?)"},
      {"Thủ tướng", R"((?:th\S{1,2} t\S{1,2}ng)\s*[.,]?)"},
      {"Bộ trưởng", R"((?:b\S{1,2} tr\S{1,3}ng)\s*[.,]?)"},
      {"Thứ trưởng", R"((?:th\S{1,2} tr\S{1,3}ng)\s*[.,]?)"},
      {"Cục trưởng", R"((?:c\S{1,2}c tr\S{1,3}ng)\s*[.,]?)"},
      {"Tổng Cục trưởng", R"((?:t\S{1,2}ng c\S{1,2}c tr\S{1,3}ng)\s*[.,]?)"},
      {"Vụ trưởng", R"((?:v\S{1,2} tr\S{1,3}ng)\s*[.,]?)"},
      {"Viện trưởng", R"((?:vi\S{1,2}n tr\S{1,3}ng)\s*[.,]?)"},
      {"Bí thư", R"((?:b\S{1,2} th\S{1,2})\s*[.,]?)"},
      {"Chủ nhiệm", R"((?:ch\S{1,2} nhi\S{1,2}m)\s*[.,]?)"},
  });
  RE2 timestamp{R"(\d{4}-\d{2}-\d{2}t\d{2}:\d{2})"};
  RE2 signed_note{R"(\bk\S{1,2} l\S{1,2}n v\S{1,2}n b\S{1,2}n\b)"};
  RE2 bullet{R"(^[-+•·]\s*(.*)$)"};
  // A heading or list line: the title has ended.
  RE2 outline_marker{R"(^(?:[IVXLl1|]{1,5}\s*[.:)]|\.\s|\d{1,2}\s*[.)/]|[a-h]\)|[-+•*])\s*\S)"};
};

HeaderReader::HeaderReader(const TextFolder& folder)
    : folder_(folder), re_(std::make_unique<Patterns>()) {}
HeaderReader::~HeaderReader() = default;

std::optional<std::string> HeaderReader::TypeOf(const Line& line,
                                                size_t* folded_end) const {
  if (line.blank) return std::nullopt;
  for (const NamedPattern& type : re_->types) {
    re2::StringPiece word;
    if (!RE2::PartialMatch(line.folded.text, *type.re, &word)) continue;
    const size_t end = word.size();
    if (!IsAllCaps(line.folded.SourceOf(line.clean, 0, end))) continue;
    *folded_end = end;
    return std::string(type.name);
  }
  return std::nullopt;
}

bool HeaderReader::StartsPreamble(const Line& line) const {
  return RE2::PartialMatch(line.folded.text, re_->preamble);
}

// How far the motto may stand from the top of the text: a web library's
// page puts about 70 lines of its own before the document (devset).
constexpr size_t kMaxLinesBeforeMotto = 400;
// How many lines of agency, number and "V/v" stand above the motto at most
// (three agency lines, a number, two of "V/v", with room to spare).
constexpr int kMaxMastheadLines = 8;
// Table debris ('|', '---') between the masthead's lines; a longer empty
// stretch separates the document from what came before it.
constexpr int kMaxBlankRun = 6;
// The type line ("KẾ HOẠCH") stands within this many lines of the masthead.
constexpr size_t kMaxHeaderLines = 80;

size_t HeaderReader::MastheadStart(const std::vector<Line>& lines) const {
  size_t motto = 0;
  while (motto < lines.size() && motto < kMaxLinesBeforeMotto &&
         (lines[motto].blank || !RE2::PartialMatch(lines[motto].folded.text, re_->motto_state)))
    ++motto;
  if (motto == lines.size() || motto == kMaxLinesBeforeMotto) return 0;
  // A document without the motto (a resolution of the National Assembly's
  // standing committee) may quote one further down: a type line before the
  // motto means the document started earlier.
  for (size_t i = 0; i < motto; ++i) {
    size_t end = 0;
    if (TypeOf(lines[i], &end)) return 0;
  }
  // Back over what belongs to the masthead's left column: capitals (the
  // agency), the number, "V/v"; the first other line is not the document's.
  size_t start = motto;
  int kept = 0, blanks = 0;
  for (size_t i = motto; i > 0 && kept < kMaxMastheadLines && blanks <= kMaxBlankRun; --i) {
    const Line& above = lines[i - 1];
    if (above.blank) {
      ++blanks;
      continue;
    }
    const bool masthead = IsAllCaps(above.clean) || RE2::PartialMatch(above.clean, re_->number) ||
                          RE2::PartialMatch(above.folded.text, re_->subject);
    if (!masthead) break;
    start = i - 1;
    ++kept;
    blanks = 0;
  }
  return start;
}

size_t HeaderReader::ReadTitle(const std::vector<Line>& lines, size_t type_line,
                               size_t type_end, Header& header) const {
  const size_t n = lines.size();
  const Line& typed = lines[type_line];
  std::string_view rest =
      TrimSpaces(typed.folded.SourceOf(typed.clean, type_end, typed.folded.text.size()));
  std::vector<std::string> title;
  if (!rest.empty()) title.emplace_back(rest);
  size_t j = type_line + 1;
  for (; j < n && title.size() < 4; ++j) {
    const Line& l = lines[j];
    if (l.blank) {
      // "2016 - 2020", or a title's first word ("VỀ", "KẾT") wrapped onto its
      // own line: too short to pass as a line of text, still the title's.
      if (RE2::FullMatch(l.clean, re_->year_range) || (title.empty() && IsUpperCaseWord(l.clean)))
        title.push_back(l.clean);
      continue;
    }
    // A title in capitals may start like a preamble ("THỰC HIỆN NGHỊ QUYẾT
    // SỐ 48…"); a preamble is written in sentence case.
    const bool preamble = StartsPreamble(l) && !IsAllCaps(l.clean);
    if (preamble || l.clean.size() > 200 || EndsClause(l.clean) || l.clean.front() == '(' ||
        RE2::PartialMatch(l.clean, re_->outline_marker))
      break;
    title.push_back(l.clean);
  }
  if (!title.empty()) header.title = Join(title, " ");
  return j;
}

// A Công văn has no type line: "V/v …" under its number says what it is
// about, and is its title.
bool HeaderReader::ReadSubject(const std::vector<Line>& lines, size_t from, size_t to,
                               Header& header) const {
  for (size_t i = from; i < to && i < lines.size(); ++i) {
    const Line& line = lines[i];
    re2::StringPiece folded = line.folded.text;
    if (line.blank || !RE2::Consume(&folded, re_->subject)) continue;
    const size_t at = static_cast<size_t>(folded.data() - line.folded.text.data());
    const std::string_view subject = TrimSpaces(line.folded.SourceOf(line.clean, at, line.folded.text.size()));
    header.type = "Công văn";
    if (!subject.empty()) header.title = std::string(subject);
    return true;
  }
  return false;
}

Layout HeaderReader::ReadLayout(const std::vector<Line>& lines,
                                Header& header) const {
  Layout layout;
  const size_t n = lines.size();
  layout.masthead = MastheadStart(lines);
  const size_t last = layout.masthead + kMaxHeaderLines;
  size_t i = layout.masthead;
  for (; i < n && i < last; ++i) {
    size_t end = 0;
    if (auto type = TypeOf(lines[i], &end)) {
      header.type = *type;
      layout.type_line = i;
      layout.title_end = ReadTitle(lines, i, end, header);
      break;
    }
  }
  if (!layout.type_line) {
    // No type line: the header ends where the preamble starts.
    for (i = layout.masthead; i < n && i < last; ++i)
      if (!lines[i].blank && StartsPreamble(lines[i])) break;
    layout.title_end = i < n && i < last ? i : layout.masthead;
    ReadSubject(lines, layout.masthead, std::min(n, last), header);
  }
  layout.closing = n;
  for (i = layout.title_end; i < n; ++i)
    if (!lines[i].blank && RE2::PartialMatch(lines[i].folded.text, re_->closing)) {
      layout.closing = i;
      break;
    }
  layout.appendix = n;
  for (i = layout.closing < n ? layout.closing : layout.title_end; i < n; ++i)
    if (!lines[i].blank && IsAllCaps(lines[i].clean) &&
        RE2::PartialMatch(lines[i].folded.text, re_->appendix)) {
      layout.appendix = i;
      break;
    }
  if (layout.closing == n) {
    // No "Nơi nhận": the closing is the signature block, if any.
    layout.closing = layout.appendix;
    std::string on_behalf;
    const size_t floor = layout.appendix > 30 ? layout.appendix - 30 : 0;
    for (i = layout.appendix; i-- > std::max(floor, layout.title_end);)
      if (!lines[i].blank && lines[i].clean.size() < 60 &&
          PositionOf(lines[i].folded.text, &on_behalf))
        layout.closing = i;
  }
  return layout;
}

void HeaderReader::ReadNumber(std::string_view clean, Header& header) const {
  std::string reference;
  if (!RE2::PartialMatch(clean, re_->number, &reference)) return;
  std::vector<std::string> parts;
  size_t pos = 0;
  while (true) {
    size_t slash = reference.find('/', pos);
    parts.emplace_back(TrimSpaces(std::string_view(reference).substr(
        pos, slash == std::string::npos ? std::string::npos : slash - pos)));
    if (slash == std::string::npos) break;
    pos = slash + 1;
  }
  if (!parts.empty() && !parts[0].empty() &&
      parts[0].find_first_not_of("0123456789") == std::string::npos)
    header.number = parts[0];
  std::vector<std::string> symbol;
  for (size_t k = 1; k < parts.size(); ++k)
    if (RE2::FullMatch(parts[k], re_->symbol_part))
      symbol.push_back(NormalizeDashes(parts[k]));
  if (!symbol.empty()) header.symbol = Join(symbol, "/");
}

bool HeaderReader::ReadPlaceDate(const Line& line, Header& header) const {
  re2::StringPiece whole;
  std::string d, m, y;
  if (!RE2::PartialMatch(line.folded.text, re_->place_date, &whole, &d, &m, &y))
    return false;
  const size_t at = static_cast<size_t>(whole.data() - line.folded.text.data());
  if (!header.date) header.date = IsoDate(ToInt(y), ToInt(m), ToInt(d));
  std::string_view before = TrimSpaces(line.folded.SourceOf(line.clean, 0, at));
  while (!before.empty() && (before.back() == ',' || before.back() == ' '))
    before.remove_suffix(1);
  std::vector<std::string_view> words = Words(before);
  size_t k = words.size();
  while (k > 0 && StartsUpper(words[k - 1]) &&
         words[k - 1].find_first_of("/:") == std::string_view::npos)
    --k;
  if (k < words.size() && !header.place) {
    const char* b = words[k].data();
    header.place = std::string(b, words.back().data() + words.back().size() - b);
  }
  return true;
}

std::string HeaderReader::AgencyName(std::string_view caps) const {
  static const std::set<std::string_view> kHeads = {
      "so", "phong", "bo", "ban", "truong", "cuc", "vu", "vien", "trung"};
  static const std::set<std::string_view> kPlaceMarkers = {
      "tinh", "huyen", "quan", "xa", "phuong", "thanh", "thi"};
  std::vector<std::string> out;
  // After a place word ("tỉnh", "thành phố") or an abbreviation ("THCS"),
  // what follows is a proper name: every word capitalised.
  bool proper = false, capitalize_next = false;
  const std::vector<std::string_view> words = Words(caps);
  for (size_t k = 0; k < words.size(); ++k) {
    const std::string folded = folder_.Fold(words[k]).text;
    std::string letters;
    for (char c : folded)
      if (c >= 'a' && c <= 'z') letters.push_back(c);
    const bool abbreviation = !IsSyllableShape(letters) ||
                              folded.size() != letters.size();
    std::string word = abbreviation ? std::string(words[k]) : LowerUtf8(words[k]);
    if (!abbreviation && kPlaceMarkers.count(letters) && k > 0) {
      proper = true;  // the place marker itself stays lower case
      if ((letters == "thanh" || letters == "thi") && k + 1 < words.size()) {
        out.push_back(word);
        out.push_back(LowerUtf8(words[++k]));
        continue;
      }
    } else if (!abbreviation && (k == 0 || proper || capitalize_next)) {
      word = CapitalizeFirst(word);
    }
    capitalize_next = (k == 0 && kHeads.count(letters)) || letters == "va" ||
                      word.back() == ',' || word == "-";
    proper = proper || (abbreviation && k > 0);
    out.push_back(word);
  }
  return Join(out, " ");
}

void HeaderReader::ReadAgencies(const std::vector<std::string>& caps_lines,
                                Header& header) const {
  static const std::set<std::string_view> kSplitHeads = {
      "so", "phong", "truong", "ban", "cuc", "vu", "trung"};
  if (caps_lines.empty()) return;
  // "ỦY BAN NHÂN DÂN" / "HUYỆN ĐÔNG ANH": a line that starts with a place
  // continues the agency named above it.
  static const std::set<std::string_view> kPlaces = {"tinh", "huyen", "quan", "xa",
                                                      "phuong", "thanh", "thi"};
  std::vector<std::string> joined;
  for (const std::string& line : caps_lines) {
    const std::string first = folder_.Fold(Words(line).front()).text;
    if (!joined.empty() && kPlaces.count(first))
      joined.back() += " " + line;
    else
      joined.push_back(line);
  }
  const std::vector<std::string>& lines = joined;
  std::string parent, issuer;
  if (lines.size() >= 2) {
    parent = lines.front();
    issuer = lines.back();
  } else {
    const std::vector<std::string_view> words = Words(lines[0]);
    size_t split = 0;
    for (size_t k = 1; k < words.size() && split == 0; ++k)
      if (kSplitHeads.count(folder_.Fold(words[k]).text) &&
          folder_.Fold(words[k - 1]).text != "uy")  // "ỦY BAN" is one word
        split = k;
    if (split == 0) {
      issuer = lines[0];
    } else {
      const std::string_view all = lines[0];
      const size_t at = static_cast<size_t>(words[split].data() - all.data());
      parent = std::string(TrimSpaces(all.substr(0, at)));
      issuer = std::string(all.substr(at));
    }
  }
  header.issuer.name = AgencyName(issuer);
  if (!parent.empty()) header.issuer.parent = AgencyName(parent);
}

void HeaderReader::ReadMasthead(const std::vector<Line>& lines,
                                const Layout& layout, Header& header) const {
  const size_t end = layout.type_line ? *layout.type_line : layout.title_end;
  std::vector<std::string> caps_lines;
  bool seen_number = false;
  for (size_t i = layout.masthead; i < end && i < lines.size(); ++i) {
    const Line& line = lines[i];
    if (line.blank) continue;
    // Remove the national motto, which OCR often merges into agency lines.
    std::string kept = line.clean;
    for (const RE2* motto : {&re_->motto_state, &re_->motto_words}) {
      const FoldedText folded = folder_.Fold(kept);
      re2::StringPiece match;
      if (RE2::PartialMatch(folded.text, *motto, &match)) {
        const size_t b = static_cast<size_t>(match.data() - folded.text.data());
        const size_t o = folded.origin[b], e = folded.origin[b + match.size()];
        kept = std::string(TrimSpaces(kept.substr(0, o) + " " + kept.substr(e)));
      }
    }
    const bool had_number = header.number || header.symbol;
    ReadNumber(kept, header);
    const bool number_here = !had_number && (header.number || header.symbol);
    const bool date_here = ReadPlaceDate(line, header);
    seen_number |= number_here;
    if (!number_here && !date_here && !seen_number && IsAllCaps(kept) &&
        kept.find(':') == std::string::npos && CountWords(kept) >= 2)
      caps_lines.push_back(kept);
  }
  ReadAgencies(caps_lines, header);
  ReadSelfReference(lines, layout.title_end, header);
  if (header.title) {
    std::string from, to;
    const FoldedText title = folder_.Fold(*header.title);
    if (RE2::PartialMatch(title.text, re_->period, &from, &to) &&
        ToInt(from) <= ToInt(to))
      header.period = Period{ToInt(from), ToInt(to)};
    else if (RE2::PartialMatch(title.text, re_->single_year, &from))
      header.period = Period{ToInt(from), ToInt(from)};  // "... năm 2024"
  }
}

void HeaderReader::ReadSelfReference(const std::vector<Line>& lines,
                                     size_t from, Header& header) const {
  if (header.number && header.date && header.issuer.name) return;
  for (size_t i = from; i < lines.size(); ++i) {
    if (lines[i].blank || lines[i].folded.text.find("theo") == std::string::npos)
      continue;
    std::string joined = lines[i].clean;
    for (size_t k = i + 1; k < lines.size() && k <= i + 3; ++k)
      if (!lines[k].blank) joined += " " + lines[k].clean;
    const FoldedText folded = folder_.Fold(joined);
    std::string number, symbol, d, m, y;
    re2::StringPiece issuer;
    if (!RE2::PartialMatch(folded.text, re_->self_reference, &number, &symbol,
                           &d, &m, &y, &issuer))
      continue;
    if (!header.number && !header.symbol) {
      header.number = number;
      const std::string_view sym = folded.text;
      const size_t at = sym.find(symbol, sym.find(number + "/"));
      header.symbol = NormalizeDashes(
          std::string(folded.SourceOf(joined, at, at + symbol.size())));
    }
    if (!header.date) header.date = IsoDate(ToInt(y), ToInt(m), ToInt(d));
    if (!header.issuer.name && !issuer.empty()) {
      const size_t b = static_cast<size_t>(issuer.data() - folded.text.data());
      header.issuer.name = TrimEntry(folded.SourceOf(joined, b, b + issuer.size()));
    }
    return;
  }
}

std::optional<std::string> HeaderReader::PositionOf(std::string_view folded,
                                                    std::string* on_behalf) const {
  std::string prefix, rest;
  std::string_view body = folded;
  if (RE2::FullMatch(folded, re_->on_behalf, &prefix, &rest)) body = rest;
  body = TrimSpaces(body);
  std::string deputy;
  re2::StringPiece held = body;
  if (RE2::FullMatch(body, re_->deputy, &held)) deputy = "Phó ";
  for (const NamedPattern& p : re_->positions) {
    if (!RE2::FullMatch(held, *p.re)) continue;
    const std::string name = deputy + p.name;
    if (!prefix.empty()) {
      for (char& c : prefix) c = static_cast<char>(c - 'a' + 'A');
      *on_behalf = prefix + ". " + name;
      return std::nullopt;
    }
    return name;
  }
  return std::nullopt;
}

bool HeaderReader::IsPersonName(std::string_view clean) const {
  const std::vector<std::string_view> words = Words(clean);
  if (words.size() < 2 || words.size() > 5) return false;
  for (std::string_view w : words) {
    if (!StartsUpper(w) || IsAllCaps(w) || w.size() < 2) return false;
    if (w.find_first_of("0123456789.,;:()/&-@") != std::string_view::npos)
      return false;
  }
  return Surnames().count(folder_.Fold(words[0]).text) > 0;
}

void HeaderReader::ReadClosing(const std::vector<Line>& lines,
                               const Layout& layout, Header& header) const {
  Signer signer;
  bool in_recipients = false;
  int metadata = 0;  // lines left in a digital-signature block
  for (size_t i = layout.closing; i < layout.appendix && i < lines.size(); ++i) {
    const Line& line = lines[i];
    if (line.blank) continue;
    if (RE2::PartialMatch(line.folded.text, re_->timestamp)) metadata = 3;
    if (metadata > 0 || RE2::PartialMatch(line.folded.text, re_->signed_note)) {
      --metadata;
      in_recipients = false;
      continue;
    }
    re2::StringPiece folded = line.folded.text;
    std::string_view clean = line.clean;
    re2::StringPiece heading;
    if (RE2::Consume(&folded, re_->closing, &heading)) {
      in_recipients = true;
      // Two-column layouts put the signer's title on the "Nơi nhận" line.
      std::string on_behalf;
      if (auto position = PositionOf(folded, &on_behalf)) signer.position = *position;
      if (!on_behalf.empty()) signer.on_behalf = on_behalf;
      continue;
    }
    std::string rest;
    if (in_recipients && RE2::FullMatch(clean, re_->bullet, &rest)) {
      const size_t semi = rest.rfind(';');
      if (semi != std::string::npos &&
          IsPersonName(TrimEntry(std::string_view(rest).substr(semi + 1)))) {
        signer.name = TrimEntry(std::string_view(rest).substr(semi + 1));
        rest.resize(semi);
      }
      if (!TrimEntry(rest).empty()) header.recipients.push_back(TrimEntry(rest));
      continue;
    }
    std::string on_behalf, prefix, body;
    // The signature block ends with the name: what comes after it (an
    // appendix, a web page's footer) names no more of the signer.
    const bool signed_off = signer.name.has_value() && !in_recipients;
    if (signed_off) continue;
    if (auto position = PositionOf(folded, &on_behalf)) {
      signer.position = *position;
      in_recipients = false;
    } else if (!on_behalf.empty()) {
      signer.on_behalf = signer.on_behalf ? *signer.on_behalf + ", " + on_behalf : on_behalf;
      in_recipients = false;
    } else if (RE2::FullMatch(folded, re_->on_behalf, &prefix, &body) &&
               (prefix == "tm" || prefix == "tl" || prefix == "tuq") && IsAllCaps(clean)) {
      // "TM. ỦY BAN NHÂN DÂN": signed for a body, not a position.
      for (char& c : prefix) c = static_cast<char>(c - 'a' + 'A');
      const size_t dot = clean.find_first_of(". ");
      signer.on_behalf = prefix + ". " + AgencyName(TrimSpaces(clean.substr(dot + 1)));
      in_recipients = false;
    } else if (IsPersonName(TrimEntry(clean))) {
      signer.name = TrimEntry(clean);
    } else if (!in_recipients || !StartsUpper(clean)) {
      in_recipients = false;
    }
  }
  if (signer.name || signer.position || signer.on_behalf) header.signer = signer;
}

}  // namespace vnplan::internal
