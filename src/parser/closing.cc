// The closing of a document: where it starts, recipients ("Nơi nhận") and the signature
// block (on whose behalf, position, name), read by their structure.
#include <re2/re2.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <set>

#include "src/parser/header.h"
#include "src/parser/header_patterns.h"
#include "src/text/person_names.h"
#include "src/text/textutil.h"

namespace vnplan::internal {
namespace {

// A table cell's border left after the text: "- Lưu: VT. |".
std::string_view WithoutCellBorder(std::string_view s) {
  while (!s.empty() && (s.back() == '|' || s.back() == ' ')) s.remove_suffix(1);
  return s;
}

// A line that continues the entry above it: a parenthesis or a word in
// lower case first ("(báo cáo);", "thành phố;"), not a new entry's bullet,
// capital or page number.
bool ContinuesEntry(std::string_view clean) {
  if (clean.empty()) return false;
  if (clean.front() == '(') return true;
  bool lower = false;
  ForEachCodePoint(clean, [&](UChar32 c) {
    lower = u_islower(c);
    return false;
  });
  return lower;
}

// A line closed by ';' as a recipient's entry is: "Lạng Sơn;".
bool EndsEntry(std::string_view clean) {
  const std::string_view cell = WithoutCellBorder(clean);
  return !cell.empty() && cell.back() == ';';
}

// A recipient's line cut after a comma: "- UBND các tỉnh: Cần Thơ,".
bool EndsOnComma(std::string_view clean) {
  const std::string_view cell = WithoutCellBorder(clean);
  return !cell.empty() && cell.back() == ',';
}

}  // namespace

std::optional<std::string> HeaderReader::PositionOf(std::string_view folded,
                                                    std::string* on_behalf) const {
  std::string prefix, rest;
  std::string_view body = folded;
  if (RE2::FullMatch(folded, re_->on_behalf, &prefix, &rest)) body = rest;
  prefix.erase(std::remove(prefix.begin(), prefix.end(), '/'), prefix.end());
  body = TrimSpaces(body);
  // One position, or several held together ("BỘ TRƯỞNG, CHỦ NHIỆM": the
  // minister heading the Government Office).
  std::string name;
  for (size_t start = 0; start < body.size();) {
    const size_t comma = std::min(body.find(',', start), body.size());
    const std::string_view part = TrimSpaces(body.substr(start, comma - start));
    start = comma + 1;
    if (part.empty()) continue;  // "CHỦ TỊCH," ends on its comma
    std::string deputy;
    re2::StringPiece held = part;
    if (RE2::FullMatch(held, re_->deputy, &held)) deputy = "Phó ";
    std::string standing;
    if (RE2::FullMatch(held, re_->standing, &held)) standing = " Thường trực";
    const NamedPattern* found = nullptr;
    for (const NamedPattern& p : re_->positions)
      if (RE2::FullMatch(held, *p.re)) {
        found = &p;
        break;
      }
    if (!found) return std::nullopt;
    name += (name.empty() ? "" : ", ") + deputy + found->name + standing;
  }
  if (name.empty()) return std::nullopt;
  if (!prefix.empty()) {
    for (char& c : prefix) c = static_cast<char>(c - 'a' + 'A');
    *on_behalf = prefix + ". " + name;
    return std::nullopt;
  }
  return name;
}

std::optional<std::string> HeaderReader::PositionOfUnit(const Line& line) const {
  const std::string_view folded = line.folded.text;
  for (size_t space = folded.find(' '); space != std::string_view::npos; space = folded.find(' ', space + 1)) {
    const std::string_view unit = folded.substr(space + 1);
    if (!RE2::PartialMatch(unit, re_->unit_head)) continue;
    std::string on_behalf;
    const std::optional<std::string> position = PositionOf(folded.substr(0, space), &on_behalf);
    if (!position) continue;
    const std::string_view written = line.folded.SourceOf(line.clean, space + 1, folded.size());
    return *position + " " + (IsAllCaps(written) ? AgencyName(written) : std::string(written));
  }
  return std::nullopt;
}

Line HeaderReader::UnitLine(const std::vector<Line>& lines, size_t i, size_t end) const {
  const Line& line = lines[i];
  const size_t next = NextNonBlank(lines, i + 1);
  const std::string_view folded = line.folded.text;
  const bool cut = !folded.empty() && (folded.back() == ',' || folded.ends_with(" va"));
  if (!cut || next >= end || next >= lines.size() || !IsAllCaps(lines[next].clean))
    return line;
  return JoinLines(lines, i, next + 1);
}

// A signature block: on whose behalf, a position or two, the name.
constexpr int kMaxSignatureLines = 4;

void HeaderReader::FindClosing(const std::vector<Line>& lines, Layout& layout) const {
  const size_t n = lines.size();
  size_t i = 0;
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
    // Its first line holds a position ("PHÓ CHỦ TỊCH") or says on whose
    // behalf it is signed ("KT. CHỦ TỊCH"): the first such line with a
    // person's name close below, else the first in the last lines.
    const auto starts_block = [&](size_t k) {
      std::string on_behalf;
      return !lines[k].blank && lines[k].clean.size() < 60 &&
             (PositionOf(lines[k].folded.text, &on_behalf) || !on_behalf.empty() ||
              SignsForBody(lines[k], &on_behalf));
    };
    for (i = layout.title_end; i < layout.appendix && layout.closing == layout.appendix; ++i) {
      if (!starts_block(i)) continue;
      int seen = 0;
      for (size_t k = i + 1; k < layout.appendix && seen < kMaxSignatureLines; ++k) {
        if (lines[k].blank) continue;
        ++seen;
        if (!IsAllCaps(lines[k].clean) && IsPersonName(TrimEntry(lines[k].clean))) {
          layout.closing = i;
          break;
        }
      }
    }
    const size_t floor = layout.appendix > 30 ? layout.appendix - 30 : 0;
    if (layout.closing == layout.appendix)
      for (i = layout.appendix; i-- > std::max(floor, layout.title_end);)
        if (starts_block(i)) layout.closing = i;
  }
  // The recipients' cell, flattened and unlabelled, stands just above the
  // signature (or ends the text when nobody's name is given).
  int seen = 0;
  for (i = layout.closing; i-- > layout.title_end && seen < kMaxSignatureLines;) {
    if (lines[i].blank) continue;
    ++seen;
    if (RE2::PartialMatch(lines[i].clean, re_->recipient_cell)) {
      layout.closing = i;
      break;
    }
  }
}

// How many lines a document attached after the signature may take between
// its type line and "(Kèm theo …)": a title of up to four lines, blank
// lines between.
constexpr size_t kMaxAttachmentHeader = 12;

size_t HeaderReader::AttachedBody(const std::vector<Line>& lines, size_t type_line,
                                  size_t type_end) const {
  const size_t n = lines.size();
  for (size_t j = type_line + 1; j < n && j <= type_line + kMaxAttachmentHeader; ++j)
    if (!lines[j].blank && RE2::PartialMatch(lines[j].folded.text, re_->attached_to)) return j + 1;
  // Without "(Kèm theo …)": the type line, its title, then the body's first
  // Roman heading close below.
  Header scratch;
  const size_t body = ReadTitle(lines, type_line, type_end, scratch);
  for (size_t j = body; j < n && j <= body + kMaxAttachmentHeader; ++j)
    if (!lines[j].blank && RE2::PartialMatch(lines[j].clean, re_->roman_heading)) return body;
  return n;
}

void HeaderReader::FindAttachment(const std::vector<Line>& lines, Layout& layout) const {
  const size_t n = lines.size();
  // A document inside an appendix ("PHỤ LỤC 2" / "ĐỀ CƯƠNG BÁO CÁO", a
  // report's outline to fill in) is a form the recipients are sent, not the
  // body's continuation: on real cv1849 its parts I-IV took the body's
  // sections, deadlines and assignments (7 of 29 facts).
  for (size_t i = layout.closing + 1; i < layout.appendix && i < n; ++i) {
    size_t type_end = 0;
    if (!TypeOf(lines[i], &type_end)) continue;
    const size_t body = AttachedBody(lines, i, type_end);
    if (body >= n) continue;
    layout.attached = i;
    layout.attached_body = body;
    layout.attached_end = n;
    for (size_t k = body; k < n; ++k) {
      const bool ends = RE2::PartialMatch(lines[k].folded.text, re_->closing) ||
                        (IsAllCaps(lines[k].clean) && RE2::PartialMatch(lines[k].folded.text, re_->appendix));
      if (!lines[k].blank && ends) {
        layout.attached_end = k;
        break;
      }
    }
    return;
  }
}

bool HeaderReader::SignsForBody(const Line& line, std::string* prefix) const {
  std::string body;
  if (line.blank || !IsAllCaps(line.clean) ||
      !RE2::FullMatch(line.folded.text, re_->on_behalf, prefix, &body))
    return false;
  prefix->erase(std::remove(prefix->begin(), prefix->end(), '/'), prefix->end());
  return *prefix == "tm" || *prefix == "tl" || *prefix == "tuq";
}

bool HeaderReader::IsPersonName(std::string_view clean) const {
  const std::vector<std::string_view> words = Words(clean);
  if (words.size() < 2 || words.size() > 5) return false;
  for (std::string_view w : words) {
    if (!StartsUpper(w) || IsAllCaps(w) || w.size() < 2) return false;
    if (w.find_first_of("0123456789.,;:()/&-@") != std::string_view::npos)
      return false;
  }
  // A surname, or a rarer one followed by the middle name "Thị" that only
  // women's names carry: "Mạnh Thị Tuyết Mai". ("Văn" also starts "Văn
  // Hóa" and "Văn Phòng".)
  return IsSurname(folder_.Fold(words[0]).text) ||
         (words.size() >= 3 && folder_.Fold(words[1]).text == "thi");
}

void HeaderReader::ReadClosing(const std::vector<Line>& lines,
                               const Layout& layout, Header& header) const {
  Signer signer;
  bool in_recipients = false;
  int metadata = 0;  // lines left in a digital-signature block
  bool entry_open = false;  // the last recipient's line did not end it
  bool after_comma = false;  // ... and ended on a comma
  const size_t end = std::min(layout.appendix, layout.attached);
  for (size_t i = layout.closing; i < end && i < lines.size(); ++i) {
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
    if (RE2::PartialMatch(clean, re_->recipient_cell)) {
      const std::string_view cell = WithoutCellBorder(clean);
      for (size_t start = 0; start < cell.size();) {
        const size_t semi = std::min(cell.find(';', start), cell.size());
        std::string_view item = TrimSpaces(cell.substr(start, semi - start));
        start = semi + 1;
        if (!item.empty() && item.front() == '-') item = TrimSpaces(item.substr(1));
        if (!TrimEntry(item).empty()) header.recipients.push_back(TrimEntry(item));
      }
      in_recipients = true;
      continue;
    }
    std::string rest;
    if (in_recipients && RE2::FullMatch(WithoutCellBorder(clean), re_->bullet, &rest)) {
      const size_t semi = rest.rfind(';');
      if (semi != std::string::npos &&
          IsPersonName(TrimEntry(std::string_view(rest).substr(semi + 1)))) {
        signer.name = TrimEntry(std::string_view(rest).substr(semi + 1));
        rest.resize(semi);
      }
      if (!TrimEntry(rest).empty()) header.recipients.push_back(TrimEntry(rest));
      entry_open = !EndsClause(rest);
      after_comma = EndsOnComma(rest);
      continue;
    }
    // A recipient's entry not closed by ';' or '.' goes on over the next
    // line ("- Phó Thủ tướng …" / "(báo cáo);"), and the list after it. So
    // does a line in mixed case that is no signer's name (a position is in
    // capitals), or is one only by its look: after a comma ("…, Cần Thơ," /
    // "Tuyên Quang, …") or ended by ';' ("- Thuế tỉnh" / "Lạng Sơn;"). Its
    // ';' parts one entry ("Thư ký …;" / "các Vụ: …;"): only a new bullet
    // starts another. (Devset: 24 of 311 documents had entries cut short,
    // one a recipient "Lạng Sơn" read as the signer.)
    // A paragraph after a blank line is no cell's line (a form's footnotes
    // after an unsigned block).
    const bool mixed = !IsAllCaps(clean) && i > 0 && !lines[i - 1].blank &&
                       (after_comma || EndsEntry(clean) || !IsPersonName(TrimEntry(clean)));
    if (in_recipients && entry_open && !header.recipients.empty() &&
        (ContinuesEntry(clean) || mixed)) {
      header.recipients.back() += " " + TrimEntry(clean);
      entry_open = mixed || !EndsClause(clean);
      after_comma = EndsOnComma(clean);
      continue;
    }
    std::string on_behalf, prefix;
    // The signature block ends with the name: what comes after it (an
    // appendix, a web page's footer) names no more of the signer.
    const bool signed_off = signer.name.has_value() && !in_recipients;
    if (signed_off) continue;
    // A name in mixed case is the name even where it reads like a position
    // ("Phan Thị Thắng" folds like "Phó Thủ tướng").
    const bool name = !IsAllCaps(clean) && IsPersonName(TrimEntry(clean));
    // A scan's name whose capital a pen's stroke crossed reads in lower
    // case ("thái Văn Tài" on real cv1849): still the name, its surname
    // known and the rest capitalised.
    const std::string capitalised = CapitalizeFirst(TrimEntry(clean));
    if (name) {
      signer.name = TrimEntry(clean);
    } else if (!StartsUpper(clean) && IsPersonName(capitalised)) {
      signer.name = capitalised;
    } else if (auto position = PositionOf(folded, &on_behalf)) {
      signer.position = *position;
      in_recipients = false;
    } else if (auto headed = on_behalf.empty() ? PositionOfUnit(UnitLine(lines, i, end))
                                               : std::nullopt) {
      signer.position = *headed;
      in_recipients = false;
    } else if (!on_behalf.empty()) {
      signer.on_behalf = signer.on_behalf ? *signer.on_behalf + ", " + on_behalf : on_behalf;
      in_recipients = false;
    } else if (SignsForBody(line, &prefix)) {
      // "TM. ỦY BAN NHÂN DÂN": signed for a body, not a position.
      for (char& c : prefix) c = static_cast<char>(c - 'a' + 'A');
      const size_t dot = clean.find_first_of(". ");
      signer.on_behalf = prefix + ". " + AgencyName(TrimSpaces(clean.substr(dot + 1)));
      in_recipients = false;
    } else if (!in_recipients || !StartsUpper(clean)) {
      in_recipients = false;
    }
  }
  if (signer.name || signer.position || signer.on_behalf) header.signer = signer;
}

}  // namespace vnplan::internal
