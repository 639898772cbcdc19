// The closing of a document: recipients ("Nơi nhận") and the signature
// block (on whose behalf, position, name), read by their structure.
#include <re2/re2.h>

#include <algorithm>
#include <set>

#include "src/parser/header.h"
#include "src/parser/header_patterns.h"
#include "src/text/textutil.h"

namespace vnplan::internal {
namespace {

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

// A table cell's border left after the text: "- Lưu: VT. |".
std::string_view WithoutCellBorder(std::string_view s) {
  while (!s.empty() && (s.back() == '|' || s.back() == ' ')) s.remove_suffix(1);
  return s;
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
    const NamedPattern* found = nullptr;
    for (const NamedPattern& p : re_->positions)
      if (RE2::FullMatch(held, *p.re)) {
        found = &p;
        break;
      }
    if (!found) return std::nullopt;
    name += (name.empty() ? "" : ", ") + deputy + found->name;
  }
  if (name.empty()) return std::nullopt;
  if (!prefix.empty()) {
    for (char& c : prefix) c = static_cast<char>(c - 'a' + 'A');
    *on_behalf = prefix + ". " + name;
    return std::nullopt;
  }
  return name;
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
  return Surnames().count(folder_.Fold(words[0]).text) > 0 ||
         (words.size() >= 3 && folder_.Fold(words[1]).text == "thi");
}

void HeaderReader::ReadClosing(const std::vector<Line>& lines,
                               const Layout& layout, Header& header) const {
  Signer signer;
  bool in_recipients = false;
  int metadata = 0;  // lines left in a digital-signature block
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
    if (name) {
      signer.name = TrimEntry(clean);
    } else if (auto position = PositionOf(folded, &on_behalf)) {
      signer.position = *position;
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
