#include <re2/re2.h>

#include <algorithm>

#include "src/parser/extractors.h"
#include "src/parser/matching.h"
#include "src/text/calendar.h"
#include "src/text/textutil.h"

namespace vnplan::internal {
namespace {

struct TypePattern {
  const char* name;
  std::unique_ptr<RE2> re;
};

// A date inside a folded clause: "24/02/2023" or "07 tháng 4 năm 2014".
constexpr const char* kDate =
    R"(ng\S{1,2}y\s+(?:(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})|(\d{1,2})\s+th\S{1,4}\s+(\d{1,2})\s+n\S{1,2}m\s+(\d{4})))";

// True if the citation at `at` is a letter the document answers: "Cục Thuế
// nhận được công văn số 5581/BNI-QLDN1 … của Thuế tỉnh Bắc Ninh và công văn
// số 2249/…" opens a Công văn; what it rests on follows as "Căn cứ …"
// (devset: 19 such letters read as bases, 14 of them in Cục Thuế replies).
bool Answers(std::string_view folded, size_t at) {
  const size_t sentence = folded.find_last_of(".;", at);
  const std::string_view before =
      folded.substr(sentence == std::string_view::npos ? 0 : sentence + 1,
                    at - (sentence == std::string_view::npos ? 0 : sentence + 1));
  return before.find("nhan duoc") != std::string_view::npos &&
         before.find("can cu") == std::string_view::npos;
}

// True if the citation at `at` is what an earlier citation of the same
// clause amends: "Căn cứ Quyết định số 3659/QĐ-BKHCN … về việc sửa đổi, bổ
// sung Quyết định số 3212/QĐ-BKHCN …" rests on 3659, whose subject 3212 is
// (devset 9d0926aa: the hand-checked bases exclude it).
// "… số 64/2025/QH15 được sửa đổi, bổ sung (bởi) Luật số 87/2025/QH15" names
// the amending law: a basis.
bool Amended(std::string_view folded, size_t at, bool first) {
  static const RE2 amends{R"((\S+\s+)?(?:sua doi,?\s*)?(?:bo sung|sua doi)\s*$)"};
  if (first) return false;
  re2::StringPiece word;
  if (!RE2::PartialMatch(folded.substr(0, at), amends, &word)) return false;
  return word.data() == nullptr || !std::string_view(word).starts_with("duoc");
}

}  // namespace

struct LegalBasisReader::Patterns {
  std::vector<TypePattern> types;
  RE2 date{kDate};
  RE2 issuer{
      R"(\bc\S{1,2}a\s+(.+?)(?:\s+ve\s|\s+ng\S{1,2}y\s|[,;(]|\s+tuy\S{1,2}n\s|\s+h\S{1,3}ng d\S{1,2}n|\s+ban h\S{1,2}nh|\s+tri\S{1,2}n khai|\s+x\S{1,2}y d\S{1,2}ng|\s+th\S{1,2}c hi\S{1,2}n|\s+nh\S{1,2}m|$))"};
  // "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025": a law is
  // cited by its name and date, without a number.
  RE2 law{R"(^c\S{1,2}n c\S{1,2}\s+(b\S{1,2} )?lu\S{1,2}t\s+\S)"};
  RE2 basis_start{R"((?:^|[;.]\s*)c\S{1,2}n c\S{1,2}\s)"};
  // "Theo đề nghị của Giám đốc Sở Y tế." / "Xét đề nghị của …": a proposal
  // that cites no Tờ trình is still a basis (the facts' convention), with
  // no number.
  RE2 proposal{R"(^(?:theo|x\S{1,2}t) [dpb]\S{1,2} ngh\S{1,2}\s)"};
  // The letter carrying it, when no kind word names it: "tại Văn bản số
  // 5788/TTr-SXD" (devset: 14 proposals so).
  RE2 any_number{R"(\bs\S{0,2}\s*(\d+[0-9a-z/&.\-]*[/-][0-9a-z/&.\-]*[0-9a-z]))"};
  Patterns() {
    const std::pair<const char*, const char*> table[] = {
        {"Kế hoạch", R"(\bk\S{0,2} ?ho\S{0,2}ch)"},
        {"Chỉ thị", R"(\bch\S{1,2} th\S{1,2})"},
        {"Nghị quyết", R"(\bngh\S{1,2} quy\S{1,2}t)"},
        {"Quyết định", R"(\bquy\S{1,2}t [dpb]\S{1,2}nh)"},
        {"Công văn", R"(\bc\S{1,2}ng v\S{1,2}n)"},
        {"Thông tư", R"(\bth\S{1,2}ng t\S{1,2})"},
        {"Nghị định", R"(\bngh\S{1,2} [dpb]\S{1,2}nh)"},
        {"Luật", R"(\blu\S{1,2}t)"},
        {"Hướng dẫn", R"(\bh\S{1,3}ng d\S{1,2}n)"},
        {"Thông báo", R"(\bth\S{1,2}ng b\S{1,2}o)"},
        {"Chương trình", R"(\bch\S{1,3}ng tr\S{1,2}nh)"},
        {"Đề án", R"(\bde an)"},
        // "Căn cứ Công điện số 223/CĐ-TTg", "Phương án số 02600/PA-UBND"
        // (devset 62f25a03, a8e9e967: cited, and no basis read).
        {"Công điện", R"(\bc\S{1,2}ng [dpb]i\S{1,2}n)"},
        {"Phương án", R"(\bph\S{1,3}ng an\b)"},
        // A proposal the document answers: "Xét Tờ trình số 444/TTr-UBND".
        {"Tờ trình", R"(\bt\S{1,2} tr\S{1,2}nh)"},
    };
    for (auto [name, word] : table) {
      // The number right after the kind word ("Tờ trình số 127/TTr …") is
      // tried before one after a name: "… ngày 30/9/2025 và văn bản số
      // 9720/NHCS-KHNV" further on is another document. A law's name may
      // hold commas ("Luật Quản lý, sử dụng tài sản công số 15/2017/QH14");
      // other kinds name themselves by number first. "số374/TTr-CP" keeps
      // its digits out of "số"; OCR's "s6 31/KH-UBND" is "số 31/KH-UBND".
      const std::string name_span = std::string_view(name) == "Luật" ? "[^;]" : "[^,;]";
      types.push_back(
          {name, std::make_unique<RE2>(
                     std::string("(") + word + R"()\s+(?:s\S{0,2}\s+|s[^\s0-9]{0,2}|)" + name_span +
                     R"({1,60}?\s+s\S{0,2}\s+)?(\d+[0-9a-z/&.\-]*[/-][0-9a-z/&.\-]*[0-9a-z]))")});
    }
  }
};

LegalBasisReader::LegalBasisReader() : re_(std::make_unique<Patterns>()) {}
LegalBasisReader::~LegalBasisReader() = default;

std::vector<LegalBasis> LegalBasisReader::Read(
    const std::vector<Block>& preamble) const {
  std::vector<LegalBasis> out;
  for (const Block& block : preamble) {
    const std::string_view f = block.folded.text;
    struct Hit {
      size_t at, number_at, number_end;
      const char* type;
    };
    std::vector<Hit> hits;
    for (const TypePattern& type : re_->types)
      ForEachMatch(*type.re, f, [&](const Groups& g) {
        hits.push_back({OffsetIn(f, g[0]), OffsetIn(f, g[2]),
                        OffsetIn(f, g[2]) + g[2].size(), type.name});
      });
    std::sort(hits.begin(), hits.end(),
              [](const Hit& a, const Hit& b) { return a.at < b.at; });
    // A kind word owns a number only with no other kind word between them:
    // "Quyết định số 1356/QĐ-TTg … ban hành Kế hoạch thực hiện Nghị định số
    // 118/2025/NĐ-CP" cites a Nghị định; the Kế hoạch is the decision's
    // subject (devset: 3 such false bases in 21 hand-checked documents).
    std::vector<Hit> owned;
    for (const Hit& hit : hits)
      if (std::none_of(hits.begin(), hits.end(), [&](const Hit& other) {
            return other.number_at == hit.number_at && other.at > hit.at;
          }))
        owned.push_back(hit);
    hits.swap(owned);
    for (size_t k = 0; k < hits.size(); ++k) {
      const Hit& hit = hits[k];
      if (k > 0 && hit.at < hits[k - 1].number_end) continue;  // overlap
      if (Answers(f, hit.at) || Amended(f, hit.at, k == 0)) continue;
      size_t end = k + 1 < hits.size() ? hits[k + 1].at : f.size();
      end = std::min(end, f.find(';', hit.at) == std::string_view::npos
                              ? f.size()
                              : f.find(';', hit.at));
      const std::string_view segment = f.substr(hit.number_end, end - hit.number_end);
      LegalBasis basis;
      basis.type = hit.type;
      basis.number = std::string(
          block.folded.SourceOf(block.text, hit.number_at, hit.number_end));
      Groups d(7);
      if (re_->date.Match(segment, 0, segment.size(), RE2::UNANCHORED, d.data(), 7)) {
        const bool numeric = d[1].data() != nullptr;
        basis.date = IsoDate(ToInt(numeric ? d[3] : d[6]),
                             ToInt(numeric ? d[2] : d[5]),
                             ToInt(numeric ? d[1] : d[4]));
      }
      re2::StringPiece issuer;
      if (RE2::PartialMatch(segment, re_->issuer, &issuer)) {
        const size_t b = OffsetIn(f, issuer);
        basis.issuer = TrimEntry(block.folded.SourceOf(block.text, b, b + issuer.size()));
      }
      const size_t from = k == 0 ? 0 : hit.at;
      basis.text = TrimEntry(block.folded.SourceOf(block.text, from, end));
      basis.line = block.LineAtFolded(hit.at);
      out.push_back(std::move(basis));
    }
    ReadLaws(block, out);
    if (hits.empty()) ReadProposal(block, out);
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const LegalBasis& a, const LegalBasis& z) { return a.line < z.line; });
  DropRepeats(out);
  return out;
}

// True if two written numbers name one document: equal, or one cut short
// where the other goes on past a separator ("78/2021/NĐ" of "78/2021/NĐ -CP",
// a line's stray space, and "78/2021/NĐ-CP").
static bool SameNumber(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  return b.starts_with(a) && (a.size() == b.size() || b[a.size()] == '-' || b[a.size()] == '/');
}

// A document cited again, in the subject of a later basis ("Căn cứ Nghị
// định số 05/2025/NĐ-CP … sửa đổi, bổ sung Nghị định số 08/2022/NĐ-CP" after
// 08/2022's own "Căn cứ"), is one basis: the first citation stays.
void LegalBasisReader::DropRepeats(std::vector<LegalBasis>& bases) {
  std::vector<std::string> seen;
  std::erase_if(bases, [&](const LegalBasis& basis) {
    if (!basis.number) return false;
    for (const std::string& number : seen)
      if (SameNumber(number, *basis.number)) return true;
    seen.push_back(*basis.number);
    return false;
  });
}

void LegalBasisReader::ReadLaws(const Block& block, std::vector<LegalBasis>& out) const {
  const std::string_view f = block.folded.text;
  // Each "Căn cứ …" clause up to its ';' that cites a law and nothing numbered.
  ForEachMatch(re_->basis_start, f, [&](const Groups& g) {
    size_t at = OffsetIn(f, g[0]);
    while (at < f.size() && (f[at] == ';' || f[at] == '.' || f[at] == ' ')) ++at;
    size_t end = f.find(';', at);
    if (end == std::string_view::npos) end = f.size();
    const std::string_view clause = f.substr(at, end - at);
    re2::StringPiece code;
    if (!RE2::PartialMatch(clause, re_->law, &code)) return;
    for (const TypePattern& type : re_->types)
      if (RE2::PartialMatch(clause, *type.re)) return;  // numbered: read above
    LegalBasis basis;
    basis.type = code.empty() ? "Luật" : "Bộ luật";
    Groups d(7);
    if (re_->date.Match(clause, 0, clause.size(), RE2::UNANCHORED, d.data(), 7)) {
      const bool numeric = d[1].data() != nullptr;
      basis.date = IsoDate(ToInt(numeric ? d[3] : d[6]), ToInt(numeric ? d[2] : d[5]),
                           ToInt(numeric ? d[1] : d[4]));
    }
    basis.text = TrimEntry(block.folded.SourceOf(block.text, at, end));
    basis.line = block.LineAtFolded(at);
    out.push_back(std::move(basis));
  });
}

void LegalBasisReader::ReadProposal(const Block& block, std::vector<LegalBasis>& out) const {
  const std::string_view f = block.folded.text;
  if (!RE2::PartialMatch(f, re_->proposal)) return;
  const size_t end = std::min(f.find(';'), f.size());
  // A blank form's "Theo đề nghị của ……………" proposes nothing.
  if (f.substr(0, end).find("\xE2\x80\xA6") != std::string_view::npos ||
      f.substr(0, end).find("...") != std::string_view::npos)
    return;
  LegalBasis basis;
  re2::StringPiece number;
  if (RE2::PartialMatch(f.substr(0, end), re_->any_number, &number)) {
    const size_t at = OffsetIn(f, number);
    basis.number = std::string(block.folded.SourceOf(block.text, at, at + number.size()));
  }
  basis.text = TrimEntry(block.folded.SourceOf(block.text, 0, end));
  basis.line = block.first_line();
  out.push_back(std::move(basis));
}

struct ContactFinder::Patterns {
  RE2 email{R"(([A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}))"};
  RE2 phone{
      // "điện thoại số 0916 777 493", "ĐT: (0203) 3.825.123", "Tel: +84 …"
      R"((?:[dpb]i\S{1,2}n tho\S{1,2}i|\b[dpb]t|\bs[dpb]t|\btel|\bdi [dpb]\S{1,2}ng)(?:\s+s\S{1,2}\b)?\s*:?\s*(\(?\+?\d[\d .()\-]{4,}\d))"};
  RE2 person{
      R"((?:[ĐđDd]ồng chí|Đ/c|đ/c|Ông|Bà|ông|bà)\s+(\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,4}))"};
};

ContactFinder::ContactFinder() : re_(std::make_unique<Patterns>()) {}
ContactFinder::~ContactFinder() = default;

std::vector<Contact> ContactFinder::Find(const std::vector<Line>& lines) const {
  std::vector<Contact> out;
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& line = lines[i];
    if (line.blank) continue;
    // Cheap tests first: an address needs '@', a phone number six digits.
    const bool at_sign = line.clean.find('@') != std::string::npos;
    int digits = 0;
    for (char c : line.clean) digits += c >= '0' && c <= '9';
    if (!at_sign && digits < 6) continue;
    Contact contact;
    std::string value;
    if (at_sign && RE2::PartialMatch(line.clean, re_->email, &value)) {
      while (!value.empty() && value.back() == '.') value.pop_back();
      contact.email = value;
    }
    if (digits >= 6 && RE2::PartialMatch(line.folded.text, re_->phone, &value)) {
      int in_number = 0;
      for (char c : value) in_number += c >= '0' && c <= '9';
      if (in_number >= 6) contact.phone = value;
    }
    if (!contact.email && !contact.phone) continue;
    // The person may be named on the line above, in the same paragraph
    // ("… liên hệ với bà Nguyễn Thị Thanh Huyền," / "chuyên viên …, số điện
    // thoại: …", a scan's printed line break; real cv1849).
    if (RE2::PartialMatch(line.clean, re_->person, &value) ||
        (i > 0 && !lines[i - 1].blank && RE2::PartialMatch(lines[i - 1].clean, re_->person, &value)))
      contact.name = value;
    contact.line = line.number;
    out.push_back(std::move(contact));
  }
  return out;
}

}  // namespace vnplan::internal
