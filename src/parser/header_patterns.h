// What the masthead and the closing readers share: the compiled patterns
// of HeaderReader, and small word helpers. Private to src/parser.
#ifndef VNPLAN_SRC_PARSER_HEADER_PATTERNS_H_
#define VNPLAN_SRC_PARSER_HEADER_PATTERNS_H_

#include <re2/re2.h>

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "src/parser/header.h"
#include "src/text/textutil.h"

namespace vnplan::internal {

struct NamedPattern {
  const char* name;
  std::unique_ptr<RE2> re;
};

inline std::vector<NamedPattern> MakeTable(
    std::initializer_list<std::pair<const char*, const char*>> rows) {
  std::vector<NamedPattern> table;
  for (auto [name, pattern] : rows)
    table.push_back({name, std::make_unique<RE2>(pattern)});
  return table;
}

inline std::string Join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (const std::string& p : parts) {
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

inline std::string NormalizeDashes(std::string_view s) {
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
      {"Nghị định", R"(^(ngh\S{1,2} [dđ]\S{1,2}nh)\b)"},
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
  // A body that enacts a document in its own name, on the line under the
  // title: "ỦY BAN NHÂN DÂN …", "ỦY BAN THƯỜNG VỤ QUỐC HỘI", "HỘI ĐỒNG
  // NHÂN DÂN …", "CHÍNH PHỦ" (not "HỘI ĐỒNG THẨM ĐỊNH", which a title names).
  RE2 enacting_body{
      R"(^(?:u\S{0,2} ban (?:nh\S{1,2}n d\S{1,2}n|th\S{1,3}ng v\S{1,2} qu\S{1,2}c h\S{1,2}i)|h\S{1,2}i [dđ]\S{1,2}ng nh\S{1,2}n d\S{1,2}n|ch\S{1,2}nh ph\S{1,2}$|ubnd |h[dđ]nd ))"};
  // A title line ending on one of these runs on into the next ("… CỦA" /
  // "ỦY BAN NHÂN DÂN TỈNH X"), which is then no authority line.
  RE2 title_runs_on{
      R"((?:(?:^|\s)(?:cua|thuoc|va|voi|cho|tai|ve|doi|tren|cac|den|giua|boi|nhung|tu)|[,(&-])\s*$)"};
  RE2 number{R"((?:^|\s)[Ss]\S{0,2}\s*:\s*(\S*(?:\s*/\s*\S+)+))"};
  // "Số 1849 BGDĐT-GDPT": the ':' and '/' a stamped number covered on a
  // scan; only a whole masthead line of a number and a hyphenated symbol.
  RE2 number_uncut{R"(^[Ss]\S{0,2}\s*:?\s+(\d+)\s*/?\s*([A-ZĐ][A-ZĐa-z0-9]*(?:-[A-ZĐ0-9]+)+)\s*$)"};
  RE2 number_cut{R"([Ss]\S{0,2}\s*:)"};  // "Số:" alone, its number on the next line
  RE2 number_line{R"(^[Ss]\S{0,2}\s*:\s*\d)"};  // a line that opens on the number
  RE2 symbol_part{R"([A-ZĐ][A-Za-zĐđ0-9&\-–—.]*)"};
  // "ngày 01 tháng 12 năm 2025", also "tháng12" run together.
  RE2 place_date{
      R"((ng\S{1,2}y\s+(\S{1,3})\s+th(?:\S{1,4}\s+|\S{1,3}ng)(\S{1,3})\s+n\S{1,2}m\s+(\d{4})))"};
  // A place and date line cut after "ngày", its day, "tháng", the month or
  // "năm" ("Hà Nội, ngày" / "01 tháng 12 năm 2025", "…, ngày 19 tháng 11
  // năm" / "2025"), and a date line whatever its day says.
  RE2 date_cut{
      R"(\bng\S{1,2}y(?:\s+\S{1,3}(?:\s+th\S{1,3}ng(?:\s+\S{1,3}(?:\s+n\S{1,2}m)?)?)?)?\s*$)"};
  RE2 year_alone{R"(\s*\d{4}\s*[.,]?\s*)"};  // the year cut off a date line
  // A date line whose day is unreadable (written by hand, run into
  // "ngày"), its month and year printed: "ngàyÊ9 tháng 3 năm 2018".
  RE2 unread_date{R"((ng\S{1,2}y\S*\s.*\bth\S{1,3}ng\s*\S{1,3}\s+n\S{1,2}m\s+\d{4}))"};
  RE2 date_words{R"(\bng\S{1,2}y\b.*\bth\S{1,3}ng\b.*\bn\S{1,2}m\b)"};
  // The closing formula of a resolution or law, the only place a UBTVQH
  // resolution states its date: "Nghị quyết này được … thông qua ngày 16
  // tháng 6 năm 2025."
  RE2 adopted{
      R"(^(?:ngh\S{1,2} quy\S{1,2}t|lu\S{1,2}t|ph\S{1,2}p l\S{1,2}nh) n\S{1,2}y\b.*\bth\S{1,2}ng qua\W+ng\S{1,2}y\W*(\d{1,2})\W*th\S{1,3}ng\W*(\d{1,2})\W*n\S{1,2}m\W*(\d{4}))"};
  RE2 self_reference{
      R"(k\S{1,2}m theo (?:k\S{0,2} ?ho\S{0,2}ch|quy\S{1,2}t [dpb]\S{1,2}nh|ch\S{1,3}ng tr\S{1,2}nh) s\S{0,2}\s*(\d+)\s*/\s*(\S+)\s+ng\S{1,2}y\s+(\d{1,2})\s+th\S{1,4}\s+(\d{1,2})\s+n\S{1,2}m\s+(\d{4})(?:\s+c\S{1,2}a\s+([^)]+))?)"};
  RE2 period{R"((?:giai [dpb]o\S{0,2}n|n\S{1,2}m h\S{1,2}c|t\S{1,2} n\S{1,2}m)?\s*(\d{4})\s*(?:-|[dpb]\S{1,2}n n\S{1,2}m)\s*(\d{4}))"};
  RE2 year_range{R"(\d{4}\s*[-–—]\s*\d{4})"};
  RE2 single_year{R"(\bn\S{1,2}m (\d{4})\b)"};
  RE2 closing{R"(^(n\S{1,2}i nh\S{1,2}n\b\s*:?\s*))"};
  // "(Kèm theo Quyết định số …)": what a document attached to another says
  RE2 roman_heading{R"(^[IVX]{1,4}\s*[.:]\s*\S)"};  // "I. MỤC TIÊU"
  RE2 attached_to{R"(^[*\s]*\(?\s*(?:ban h\S{1,2}nh )?k\S{1,2}m theo\b)"};
  RE2 addressee{R"(^k\S{1,2}nh g\S{1,2}i\b)"};  // "Kính gửi"
  RE2 subject{R"(^v\s*/\s*v\b\s*:?\s*)"};  // "V/v": what a Công văn is about
  RE2 about{R"(^v\S{1,2} \S)"};  // "Về …" right under the number: the same
  RE2 appendix{R"(^ph\S{1,2} l\S{1,2}c\b)"};
  // "KT. CHỦ TỊCH", "KT.TRƯỞNG BAN", "T/M ỦY BAN NHÂN DÂN"
  RE2 on_behalf{R"(^(k/?t|t/?m|t/?l|tuq|q)(?:\s*[.:]\s*|\s+)(.+)$)"};
  // Positions a signer holds, without "Phó" (deputy), which any of them
  // can take: "PHÓ THỦ TƯỚNG" is "Phó " + "Thủ tướng".
  RE2 deputy{R"(^ph\S{1,2}\s+(.+)$)"};
  // "THỨ TRƯỞNG THƯỜNG TRỰC", "PHÓ CHỦ TỊCH THƯỜNG TRỰC": the standing
  // deputy, a qualifier any position can take after it (3 of the devset's
  // signature blocks left their position null without it).
  RE2 standing{R"(^(.+?)\s+th\S{1,3}ng tr\S{1,2}c\s*[.,]?$)"};
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
      {"Thống đốc", R"((?:th\S{1,2}ng [dpb]\S{1,2}c)\s*[.,]?)"},
      // The heads of the State Audit, the courts and the Assembly's office
      // (a devset State Audit decision's signer had no position).
      {"Tổng Kiểm toán Nhà nước", R"((?:t\S{1,2}ng ki\S{1,2}m to\S{1,2}n nh\S{1,2} n\S{1,3}c)\s*[.,]?)"},
      {"Chánh án", R"((?:ch\S{1,2}nh \S{1,2}n)\s*[.,]?)"},
      {"Tổng Thư ký", R"((?:t\S{1,2}ng th\S{1,2} k\S)\s*[.,]?)"},
  });
  // The head of a unit a position may be followed by on its line: Vụ, Cục,
  // Phòng, Ban, Sở, Viện, Trường, Trung tâm, then its name.
  RE2 unit_head{R"(^(?:v\S{1,2}|c\S{1,2}c|ph\S{1,2}ng|ban|s\S{1,2}|vi\S{1,2}n|tr\S{1,3}ng|trung t\S{1,2}m)\s+\S)"};
  RE2 timestamp{R"(\d{4}-\d{2}-\d{2}t\d{2}:\d{2})"};
  RE2 signed_note{R"(\bk\S{1,2} l\S{1,2}n v\S{1,2}n b\S{1,2}n\b)"};
  RE2 bullet{R"(^[-+•·]\s*(.*)$)"};
  // A "Nơi nhận" cell flattened onto one line without its label: "-
  // Chính phủ; - Ban Tổ chức Trung ương; - …" (three items at least).
  RE2 recipient_cell{R"(^-\s*[^;]+;\s*-\s*[^;]+;\s*-\s*\S)"};
  // A heading or list line: the title has ended.
  RE2 outline_marker{R"(^(?:[IVXLl1|]{1,5}\s*[.:)]|\.\s|\d{1,2}\s*[.)/]|[a-h]\)|[-+•*])\s*\S)"};
};

}  // namespace vnplan::internal

#endif  // VNPLAN_SRC_PARSER_HEADER_PATTERNS_H_
