// The masthead (agency, number, place and date), the type line and title,
// and where the parts of a document start.
#include "src/parser/header.h"

#include <re2/re2.h>

#include <set>
#include <utility>

#include "src/parser/header_patterns.h"
#include "src/restore/gazetteer.h"
#include "src/text/calendar.h"
#include "src/text/textutil.h"

namespace vnplan::internal {

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
  // Back over what belongs to the masthead's left column, which a scan read
  // column by column puts above the motto whole (agency, number, a "V/v"
  // subject of several lines): its first line is the topmost agency line
  // in capitals among the few non-blank lines above the motto.
  size_t start = motto;
  int seen = 0, blanks = 0;
  for (size_t i = motto; i > 0 && seen < kMaxMastheadLines && blanks <= kMaxBlankRun; --i) {
    const Line& above = lines[i - 1];
    if (above.blank) {
      ++blanks;
      continue;
    }
    ++seen;
    blanks = 0;
    if (IsAllCaps(above.clean) && CountWords(above.clean) >= 2) start = i - 1;
  }
  return start;
}

size_t HeaderReader::NextNonBlank(const std::vector<Line>& lines, size_t from) const {
  while (from < lines.size() && lines[from].blank) ++from;
  return from;
}

Line HeaderReader::JoinLines(const std::vector<Line>& lines, size_t from, size_t to) const {
  Line joined;
  for (size_t k = from; k < to && k < lines.size(); ++k) {
    if (lines[k].blank) continue;
    if (!joined.clean.empty()) joined.clean += ' ';
    joined.clean += lines[k].clean;
  }
  joined.blank = joined.clean.empty();
  joined.folded = folder_.Fold(joined.clean);
  return joined;
}

std::optional<size_t> HeaderReader::AuthorityPosition(const Line& line) const {
  // A form's blank to fill in ("ỦY BAN NHÂN DÂN PHƯỜNG……") names no one.
  if (line.blank || !IsAllCaps(line.clean) || line.clean.find("\xE2\x80\xA6") != std::string::npos ||
      line.clean.find("..") != std::string::npos)
    return std::nullopt;
  const std::string& folded = line.folded.text;
  if (RE2::PartialMatch(folded, re_->enacting_body)) return 0;
  // "BỘ TRƯỞNG BỘ Y TẾ", "TỔNG CỤC TRƯỞNG …": a position of up to three
  // words, then what it heads.
  const std::vector<std::string_view> words = Words(folded);
  std::string unused;
  for (size_t k = 2; k <= 3 && k < words.size(); ++k) {
    const std::string_view prefix(
        words[0].data(),
        static_cast<size_t>(words[k - 1].data() + words[k - 1].size() - words[0].data()));
    if (PositionOf(prefix, &unused)) return k;
  }
  return std::nullopt;
}

// A title takes at most this many lines (and the 4-line titles of the
// devset's decisions are whole).
constexpr size_t kMaxTitleLines = 4;

namespace {

size_t LongestLine(const std::vector<std::string>& lines) {
  size_t longest = 0;
  for (const std::string& line : lines) longest = std::max(longest, line.size());
  return longest;
}

}  // namespace

size_t HeaderReader::ReadTitle(const std::vector<Line>& lines, size_t type_line,
                               size_t type_end, Header& header,
                               std::optional<size_t>* authority) const {
  const size_t n = lines.size();
  const Line& typed = lines[type_line];
  std::string_view rest =
      TrimSpaces(typed.folded.SourceOf(typed.clean, type_end, typed.folded.text.size()));
  std::vector<std::string> title;
  if (!rest.empty()) title.emplace_back(rest);
  bool caps = !title.empty() && IsAllCaps(title.back());
  size_t j = type_line + 1;
  for (; j < n; ++j) {
    const Line& l = lines[j];
    if (l.blank) {
      // "2016 - 2020", or a title's first word ("VỀ", "KẾT") or last ("THƠ"
      // of "CẦN" / "THƠ") wrapped onto its own line: too short to pass as a
      // line of text, still the title's.
      const bool word = IsUpperCaseWord(l.clean) &&
                        (title.empty() || (caps && !EndsClause(title.back())));
      if (title.size() < kMaxTitleLines && (RE2::FullMatch(l.clean, re_->year_range) || word)) {
        caps = caps || (title.empty() && word);
        title.push_back(l.clean);
      }
      continue;
    }
    // "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH X" under the title, the preamble next:
    // who enacts the document, not more of its title; its line may be cut
    // in two ("ỦY BAN THƯỜNG" / "VỤ QUỐC HỘI").
    if (!title.empty() && !RE2::PartialMatch(folder_.Fold(title.back()).text, re_->title_runs_on)) {
      size_t end = j + 1, next = NextNonBlank(lines, j + 1);
      bool found = AuthorityPosition(l).has_value();
      if (!found && next < n && IsAllCaps(lines[next].clean) &&
          AuthorityPosition(JoinLines(lines, j, next + 1))) {
        found = true;
        end = next + 1;
        next = NextNonBlank(lines, end);
      }
      if (found && (next == n || !IsAllCaps(lines[next].clean))) {
        if (authority) *authority = j;
        j = end;
        break;
      }
    }
    if (title.size() == kMaxTitleLines) break;
    // A line in lower case after a blank line, in a paragraph of several
    // lines or longer than every line of the title, is the text's first,
    // its first word hidden by a stamp ("thời gian qua, công tác …" under
    // "Về việc …" on real qn-2352-ct): a title's lines set apart by blank
    // lines are a paragraph each (a converter's Markdown), and centred.
    if (!title.empty() && lines[j - 1].blank && !StartsUpper(l.clean) &&
        ((j + 1 < n && !lines[j + 1].blank) || l.clean.size() > LongestLine(title)))
      break;
    // A title in capitals may start like a preamble ("THỰC HIỆN NGHỊ QUYẾT
    // SỐ 48…"); a preamble is written in sentence case.
    const bool preamble = StartsPreamble(l) && !IsAllCaps(l.clean);
    if (preamble || l.clean.size() > 200 || EndsClause(l.clean) || l.clean.front() == '(' ||
        RE2::PartialMatch(l.clean, re_->outline_marker))
      break;
    // A title in capitals ends where sentence case starts: the first line of
    // a Thông báo's or Chỉ thị's text ("Ngày 14 tháng 11 năm 2025, …").
    const bool line_caps = IsAllCaps(l.clean);
    if (caps && !line_caps) break;
    caps = title.empty() ? line_caps : caps;
    title.push_back(l.clean);
  }
  if (!title.empty()) header.title = Join(title, " ");
  return j;
}

// A subject runs on for at most this many lines (four seen on real scans).
constexpr size_t kMaxSubjectLines = 5;

// A Công văn has no type line: "V/v …" under its number says what it is
// about, and is its title.
bool HeaderReader::ReadSubject(const std::vector<Line>& lines, size_t from, size_t to,
                               Header& header) const {
  bool after_number = false;
  for (size_t i = from; i < to && i < lines.size(); ++i) {
    const Line& line = lines[i];
    if (line.blank) continue;
    re2::StringPiece folded = line.folded.text;
    // "V/v …" anywhere in the header; "Về …" only on the line under the
    // number, where a Công văn puts its subject.
    const bool names_subject =
        RE2::Consume(&folded, re_->subject) ||
        (after_number && !IsAllCaps(line.clean) && RE2::PartialMatch(line.folded.text, re_->about));
    after_number = RE2::PartialMatch(line.clean, re_->number);
    if (!names_subject) continue;
    const size_t at = static_cast<size_t>(folded.data() - line.folded.text.data());
    const std::string_view subject = TrimSpaces(line.folded.SourceOf(line.clean, at, line.folded.text.size()));
    header.type = "Công văn";
    // Its lines run on under the number until a blank line, the motto's
    // capitals, the place and date or "Kính gửi".
    std::string title(subject);
    for (size_t k = i + 1; k < to && k < lines.size() && k <= i + kMaxSubjectLines; ++k) {
      const Line& next = lines[k];
      if (next.blank || IsAllCaps(next.clean) || RE2::PartialMatch(next.folded.text, re_->place_date) ||
          RE2::PartialMatch(next.folded.text, re_->addressee))
        break;
      title += " " + next.clean;
    }
    if (!title.empty()) header.title = title;
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
      layout.title_end = ReadTitle(lines, i, end, header, &layout.authority);
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
  FindClosing(lines, layout);
  FindAttachment(lines, layout);
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
  ReadPlace(line, at, header);
  return true;
}

bool HeaderReader::ReadPlaceOfUnreadDate(const Line& line, Header& header) const {
  re2::StringPiece whole;
  if (!RE2::PartialMatch(line.folded.text, re_->unread_date, &whole)) return false;
  ReadPlace(line, static_cast<size_t>(whole.data() - line.folded.text.data()), header);
  return true;
}

void HeaderReader::ReadPlace(const Line& line, size_t at, Header& header) const {
  std::string_view before = TrimSpaces(line.folded.SourceOf(line.clean, 0, at));
  while (!before.empty() && (before.back() == ',' || before.back() == ' '))
    before.remove_suffix(1);
  std::vector<std::string_view> words = Words(before);
  size_t k = words.size();
  while (k > 0 && StartsUpper(words[k - 1]) &&
         words[k - 1].find_first_of("/:") == std::string_view::npos)
    --k;
  if (header.place) return;
  if (std::optional<std::string> known = KnownPlace(words, k)) {
    header.place = std::move(known);
  } else if (k < words.size()) {
    header.place = std::string(Span(words, k, words.size()));
  }
}

std::optional<std::string> HeaderReader::KnownPlace(const std::vector<std::string_view>& words,
                                                    size_t capitalised) const {
  if (!gazetteer_) return std::nullopt;
  const size_t n = words.size();
  // Without capitals (a text typed in lower case, or stripped) the place is
  // a name of at least two words just before the date: one word alone
  // ("an", "hòa") is too often something else.
  const bool lower = capitalised == n;
  const size_t from = lower ? (n > kMaxPlaceWords ? n - kMaxPlaceWords : 0) : capitalised;
  for (size_t j = from; j + (lower ? 2 : 1) <= n; ++j) {
    const std::optional<std::string> name = gazetteer_->Spelling(Span(words, j, n));
    if (!name) continue;
    // A unit type written before the name stays as written ("TP. Hồ Chí Minh").
    if (j > capitalised && gazetteer_->IsType(Span(words, capitalised, j)))
      return std::string(Span(words, capitalised, j)) + " " + *name;
    return name;
  }
  return std::nullopt;
}

bool HeaderReader::ReadPlaceDateAt(const std::vector<Line>& lines, size_t i, size_t end,
                                   Header& header) const {
  const Line& line = lines[i];
  if (ReadPlaceDate(line, header)) return true;
  if (!RE2::PartialMatch(line.folded.text, re_->date_cut)) return false;
  // "…, ngày 19 tháng 11 năm" / "2025": a year alone has no letters and
  // reads as a blank line, so it is looked for first.
  for (size_t k = i + 1; k < end && k < lines.size() && k <= i + 2; ++k) {
    if (!RE2::FullMatch(lines[k].clean, re_->year_alone)) continue;
    Line joined = line;
    joined.clean += " " + lines[k].clean;
    joined.folded = folder_.Fold(joined.clean);
    return ReadPlaceDate(joined, header);
  }
  const size_t next = NextNonBlank(lines, i + 1);
  if (next >= end || next >= lines.size()) return false;
  return ReadPlaceDate(JoinLines(lines, i, next + 1), header);
}

void HeaderReader::ReadAdoptionDate(const std::vector<Line>& lines, size_t from,
                                    Header& header) const {
  for (size_t i = from; i < lines.size(); ++i) {
    std::string d, m, y;
    if (!lines[i].blank && RE2::PartialMatch(lines[i].folded.text, re_->adopted, &d, &m, &y)) {
      header.date = IsoDate(ToInt(y), ToInt(m), ToInt(d));
      return;
    }
  }
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
    // "BỘ NÔNG NGHIỆP VÀ" / "MÔI TRƯỜNG": a name cut after "và" or a comma
    // goes on.
    const std::string previous = joined.empty() ? "" : folder_.Fold(Words(joined.back()).back()).text;
    // A line that starts with "và", "về" or "của" goes on too ("BAN CHỈ
    // ĐẠO NHÀ NƯỚC" / "VỀ DU LỊCH").
    const bool cut = previous == "va" || (!joined.empty() && joined.back().back() == ',') ||
                     first == "va" || first == "ve" || first == "cua";
    if (!joined.empty() && (kPlaces.count(first) || cut))
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
      // "ỦY BAN" and "VĂN PHÒNG" are one head; a head names something after
      // it ("BỘ NỘI VỤ" ends on "vụ" and is not split); "THƯỜNG VỤ" is a
      // standing committee, no department ("BAN THƯỜNG VỤ TỈNH ỦY").
      if (kSplitHeads.count(folder_.Fold(words[k]).text) && k + 1 < words.size() &&
          folder_.Fold(words[k - 1]).text != "uy" && folder_.Fold(words[k - 1]).text != "thuong" &&
          !(folder_.Fold(words[k - 1]).text == "van" && folder_.Fold(words[k]).text == "phong"))
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

bool HeaderReader::HasMastheadCue(const std::vector<Line>& lines, size_t begin,
                                  size_t end) const {
  for (size_t i = begin; i < end && i < lines.size(); ++i) {
    if (lines[i].blank) continue;
    re2::StringPiece state;
    if (RE2::PartialMatch(lines[i].clean, re_->number_line)) return true;
    if (RE2::PartialMatch(lines[i].folded.text, re_->motto_words)) return true;
    if (RE2::PartialMatch(lines[i].folded.text, re_->motto_state, &state)) {
      const size_t b = static_cast<size_t>(state.data() - lines[i].folded.text.data());
      if (IsAllCaps(lines[i].folded.SourceOf(lines[i].clean, b, b + state.size()))) return true;
    }
  }
  return false;
}

bool HeaderReader::IsDocument(const std::vector<Line>& lines, const Layout& layout) const {
  return layout.type_line || HasMastheadCue(lines, layout.masthead, layout.title_end);
}

void HeaderReader::ReadMasthead(const std::vector<Line>& lines,
                                const Layout& layout, Header& header) const {
  const size_t end = layout.type_line ? *layout.type_line : layout.title_end;
  std::vector<std::string> caps_lines;
  bool seen_number = false, date_line_seen = false;
  for (size_t i = layout.masthead; i < end && i < lines.size(); ++i) {
    const Line& line = lines[i];
    if (line.blank) {
      if (!header.number && !header.symbol && RE2::FullMatch(line.clean, re_->number_cut)) {
        size_t next = i + 1;
        while (next < end && next < lines.size() && lines[next].blank) ++next;
        if (next < end && next < lines.size()) ReadNumber(line.clean + " " + lines[next].clean, header);
        seen_number |= header.number || header.symbol;
      }
      continue;
    }
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
    std::string digits, symbol;
    if (!header.number && !header.symbol && RE2::FullMatch(kept, re_->number_uncut, &digits, &symbol))
      ReadNumber("Số: " + digits + "/" + symbol, header);
    const bool number_here = !had_number && (header.number || header.symbol);
    const bool date_here = ReadPlaceDateAt(lines, i, end, header);
    // A day written by hand and unread ("Quảng Ngãi, ngàyÊ9 tháng 3 năm
    // 2018"): the place is read, the date stays null, never one from the body.
    if (!date_here && ReadPlaceOfUnreadDate(line, header)) date_line_seen = true;
    date_line_seen |= date_here || RE2::PartialMatch(line.folded.text, re_->date_words);
    seen_number |= number_here;
    if (!number_here && !date_here && !seen_number && IsAllCaps(kept) &&
        kept.find(':') == std::string::npos && CountWords(kept) >= 2)
      caps_lines.push_back(kept);
  }
  ReadAgencies(caps_lines, header);
  if (!header.issuer.name && layout.authority) {
    // No agency above the motto (a resolution of the National Assembly's
    // standing committee): the authority line names who issued it.
    const Line line = JoinLines(lines, *layout.authority, layout.title_end);
    const size_t skip = AuthorityPosition(line).value_or(0);
    const std::vector<std::string_view> words = Words(line.clean);
    if (skip < words.size()) {
      const char* from = words[skip].data();
      header.issuer.name = AgencyName(
          std::string_view(from, static_cast<size_t>(line.clean.data() + line.clean.size() - from)));
    }
  }
  ReadSelfReference(lines, layout.title_end, header);
  if (!header.date && !date_line_seen) ReadAdoptionDate(lines, layout.title_end, header);
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

}  // namespace vnplan::internal
