// The parts of a plan that are not its body: the masthead (agency, number,
// place and date), the type and title, and the closing (recipients, signer).
#ifndef VNPLAN_PARSER_HEADER_H_
#define VNPLAN_PARSER_HEADER_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "src/parser/document.h"
#include "vnplan/plan.h"

namespace vnplan::internal {

class Gazetteer;

// Where the parts of a plan start, as line indexes (0-based into lines).
struct Layout {
  size_t masthead = 0;              // the agency's first line
  std::optional<size_t> type_line;  // "KẾ HOẠCH"
  size_t title_end = 0;             // first line after the title
  // Who enacts the document, in capitals between its title and preamble
  // ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH X", "ỦY BAN THƯỜNG VỤ QUỐC HỘI").
  std::optional<size_t> authority;
  size_t closing = 0;               // "Nơi nhận" or the signature block
  size_t appendix = 0;              // "PHỤ LỤC", or lines.size()
  // A document issued with this one after its signature ("KẾ HOẠCH" …
  // "(Kèm theo Quyết định số …)"): its type line, first body line and end;
  // all SIZE_MAX when there is none.
  size_t attached = static_cast<size_t>(-1);
  size_t attached_body = static_cast<size_t>(-1);
  size_t attached_end = static_cast<size_t>(-1);
};

class HeaderReader {
 public:
  explicit HeaderReader(const TextFolder& folder);
  ~HeaderReader();

  // Finds the type line, the title, the closing and the appendix, and fills
  // header.type and header.title on the way.
  Layout ReadLayout(const std::vector<Line>& lines, Header& header) const;
  // Issuer, number/symbol, place and date from the lines above the type line;
  // then, for what is still missing, the appendix's "(Kèm theo Kế hoạch số
  // ...)" self-reference. Period from the title. Only for a page that is a
  // document (IsDocument).
  void ReadMasthead(const std::vector<Line>& lines, const Layout& layout,
                    Header& header) const;
  // False for a page that is no document (a legal Q&A page, an encyclopedia
  // article): no type line, and above the title no national motto and no
  // line opening on a number. Such a page has no header and no legal bases.
  bool IsDocument(const std::vector<Line>& lines, const Layout& layout) const;
  // Recipients and signer from lines [layout.closing, layout.appendix).
  void ReadClosing(const std::vector<Line>& lines, const Layout& layout,
                   Header& header) const;
  // "Sở Giáo dục và Đào tạo" from "SỞ GIÁO DỤC VÀ ĐÀO TẠO".
  std::string AgencyName(std::string_view caps) const;
  // The places the masthead's are checked against; null (the default): none.
  void set_gazetteer(const Gazetteer* gazetteer) { gazetteer_ = gazetteer; }

 private:
  struct Patterns;
  const TextFolder& folder_;
  std::unique_ptr<Patterns> re_;
  const Gazetteer* gazetteer_ = nullptr;

  // True if a line of [begin, end) opens on the document's number ("Số:
  // 12/…") or states the national motto: "Độc lập - Tự do - Hạnh phúc", or
  // the state's name in capitals (not in a sentence).
  bool HasMastheadCue(const std::vector<Line>& lines, size_t begin, size_t end) const;

  // A unit of the gazetteer named in an agency's name: words[at..] are its
  // type (`type_words` of them: "huyện", "thành phố") and its name. Appends
  // them to `out` as the gazetteer writes them ("huyện", "Lâm Thao") and
  // returns how many words they took; 0 when no unit is so named.
  size_t KnownUnit(const std::vector<std::string_view>& words, size_t at, size_t type_words,
                   std::vector<std::string>& out) const;

  // Where the document starts: above the national motto, the agency lines
  // (and a number), not what a web page or a scanner put before them.
  size_t MastheadStart(const std::vector<Line>& lines) const;
  std::optional<std::string> TypeOf(const Line& line, size_t* folded_end) const;
  bool StartsPreamble(const Line& line) const;
  // The title under the type line; returns the first line after it (and
  // after the authority line that ends it, whose index goes to *authority).
  size_t ReadTitle(const std::vector<Line>& lines, size_t type_line, size_t type_end,
                   Header& header, std::optional<size_t>* authority = nullptr) const;
  // How many leading words of an authority line name a position ("CHỦ
  // TỊCH" of "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH X": 2; 0 for a body enacting in
  // its own name, "CHÍNH PHỦ"); nullopt when the line names no authority.
  std::optional<size_t> AuthorityPosition(const Line& line) const;
  size_t NextNonBlank(const std::vector<Line>& lines, size_t from) const;
  // The non-blank lines of [from, to) as one line, folded.
  Line JoinLines(const std::vector<Line>& lines, size_t from, size_t to) const;
  // The first body line of a document attached at `type_line`, or
  // lines.size() when what stands there is no attached document.
  size_t AttachedBody(const std::vector<Line>& lines, size_t type_line, size_t type_end) const;
  void FindAttachment(const std::vector<Line>& lines, Layout& layout) const;
  // Where the closing ("Nơi nhận", else the signature block, else an
  // unlabelled recipients cell) and the appendix start.
  void FindClosing(const std::vector<Line>& lines, Layout& layout) const;
  bool ReadSubject(const std::vector<Line>& lines, size_t from, size_t to,
                   Header& header) const;
  void ReadNumber(std::string_view clean, Header& header) const;
  bool ReadPlaceDate(const Line& line, Header& header) const;
  // The place that `words` (the date line before "ngày") end on, spelled
  // as the gazetteer spells it; words[capitalised..] are the line's last
  // capitalised words. std::nullopt without a gazetteer or a known name.
  std::optional<std::string> KnownPlace(const std::vector<std::string_view>& words,
                                        size_t capitalised) const;
  // The place of a date line whose day cannot be read; the date stays null
  // (nothing is guessed). True if the line is such a date line.
  bool ReadPlaceOfUnreadDate(const Line& line, Header& header) const;
  // The place: the capitalised words before byte `at` of the folded line.
  void ReadPlace(const Line& line, size_t at, Header& header) const;
  // Place and date from lines[i], or from it and the next line when the
  // converter cut the date after "ngày"; true if the line held a date.
  bool ReadPlaceDateAt(const std::vector<Line>& lines, size_t i, size_t end,
                       Header& header) const;
  // The date a resolution states only in its closing formula ("… thông qua
  // ngày 16 tháng 6 năm 2025"), for a document whose masthead has no date
  // line at all (a date line whose day cannot be read leaves the date null).
  void ReadAdoptionDate(const std::vector<Line>& lines, size_t from, Header& header) const;
  void ReadAgencies(const std::vector<std::string>& caps_lines,
                    Header& header) const;
  void ReadSelfReference(const std::vector<Line>& lines, size_t from,
                         Header& header) const;
  std::optional<std::string> PositionOf(std::string_view folded,
                                        std::string* on_behalf) const;
  // A position followed by the unit it heads, on a signature line of its
  // own ("VỤ TRƯỞNG VỤ GIÁO DỤC PHỔ THÔNG" -> "Vụ trưởng Vụ Giáo dục Phổ
  // thông", a ministry's department head signing for the minister).
  std::optional<std::string> PositionOfUnit(const Line& line) const;
  // Line `i` of a signature block with the next one (before `end`) where
  // the unit's name is cut after a comma or "và" ("TRƯỞNG BAN BAN CHÍNH
  // SÁCH," / "THUẾ QUỐC TẾ").
  Line UnitLine(const std::vector<Line>& lines, size_t i, size_t end) const;
  bool IsPersonName(std::string_view clean) const;
  // "TM. ỦY BAN NHÂN DÂN", "T/M …", "TL. …": signed for a body; *prefix
  // gets "tm", "tl" or "tuq".
  bool SignsForBody(const Line& line, std::string* prefix) const;
};

}  // namespace vnplan::internal

#endif  // VNPLAN_PARSER_HEADER_H_
