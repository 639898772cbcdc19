#include "src/parser/outline.h"

#include <re2/re2.h>

#include <algorithm>
#include <utility>

namespace vnplan::internal {
namespace {

int Rank(const Block& b) {
  switch (b.marker) {
    case Marker::kChapter: return -1;
    case Marker::kArticle:
    case Marker::kRoman: return 0;
    case Marker::kArabic: return 1;
    case Marker::kDotted:
      return b.label.find('.') == b.label.rfind('.') ? 2 : 3;
    case Marker::kLetter: return 4;
    case Marker::kStar: return 5;
    default: return 6;
  }
}

// A title may end in ':' but not in a full stop or semicolon, and it is short.
bool ReadsLikeTitle(const Block& b) {
  const std::string_view t = std::string_view(b.text).substr(0, b.text.find_last_not_of(' ') + 1);
  const bool sentence = !t.empty() && (t.back() == '.' || t.back() == ';');
  return !sentence && b.words <= 40;
}

// Numbered paragraphs are headings when they introduce bullets or read like
// a title; long numbered sentences are items of the enclosing section.
bool IsHeading(const Block& b, const Block* next) {
  if (Rank(b) <= 0) return true;  // chapters, articles, Roman parts
  if (Rank(b) >= 6) return false;
  if (next != nullptr && next->marker == Marker::kBullet) return true;
  if (b.marker == Marker::kStar && b.words > 12) return false;  // "* Các phòng ... gửi ..."
  return ReadsLikeTitle(b);
}

std::string_view FirstWord(std::string_view folded) {
  return folded.substr(0, folded.find(' '));
}

std::string Title(std::string_view text) {
  while (!text.empty() && (text.back() == '.' || text.back() == ':' || text.back() == ';' ||
                           text.back() == ',' || text.back() == ' '))
    text.remove_suffix(1);
  return std::string(text);
}

// The first words of a folded title: kind keywords further in are the
// subject matter of a sentence-like heading, not its kind.
std::string_view Lead(std::string_view folded, int words) {
  size_t pos = 0;
  for (int w = 0; w < words && pos != std::string_view::npos; ++w)
    pos = folded.find(' ', pos + 1);
  return pos == std::string_view::npos ? folded : folded.substr(0, pos);
}

// Where a heading's kind word may start: anywhere in a plan heading's lead;
// in an article or chapter title, within its first words or at the start of
// one of its parts ("Nguồn kinh phí thực hiện", "Phạm vi điều chỉnh và đối
// tượng áp dụng", but not "Thẩm quyền quyết định bổ sung tiêu chuẩn, định
// mức …", whose clauses were 18 false criteria in one devset decision).
constexpr int kPlanKindStartWords = 8;
constexpr int kLegalKindStartWords = 3;

// True if byte `pos` of a folded title starts one of its coordinated parts:
// "phạm vi điều chỉnh và đối tượng áp dụng", "…, nội dung và hình thức".
bool StartsPart(std::string_view folded, size_t pos) {
  const std::string_view before = folded.substr(0, pos);
  return before.ends_with(", ") || before.ends_with(" va ");
}

// How many words of an untitled article name it in the outline: its subject
// ("Chánh Văn phòng Ủy ban nhân dân tỉnh", "Giao Sở Tài chính chủ trì"), not
// the whole paragraph, which is the section's item. A comma ends the title
// once it has kArticleTitleMinWords: "Quyết định này sửa đổi, bổ sung Quyết
// định số …" goes on, its first five words say too little.
constexpr int kArticleTitleWords = 12;
constexpr int kArticleTitleMinWords = 6;

// The opening words of an untitled article, up to the end of its first clause.
std::string_view OpeningWords(std::string_view text) {
  int seen = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool stop = c == ';' || c == ':' ||
                      (c == '.' && (i + 1 == text.size() || text[i + 1] == ' ')) ||
                      (c == ',' && seen + 1 >= kArticleTitleMinWords);
    if (stop || (c == ' ' && ++seen == kArticleTitleWords)) return text.substr(0, i);
  }
  return text;
}

// What an article shows in the outline. "**Điều 7. Hiệu lực thi hành**" is
// titled: bold to its end. "**Điều 1. **Ban hành kèm theo …" is not: its
// opening words name it and its text is an item of its own section, where
// the finders read it. Without emphasis, a title reads like one.
struct ArticleHead {
  std::string title;
  bool titled = false;
  bool has_text = false;  // text beyond the title
};

ArticleHead ReadArticle(const Block& b) {
  const std::string_view text = b.text;
  if (b.bold_lead > 0) {
    const std::string_view rest = text.substr(static_cast<size_t>(b.bold_lead));
    return {Title(text.substr(0, static_cast<size_t>(b.bold_lead))), true,
            CountWords(rest) > 0};
  }
  if (b.bold_lead < 0 && ReadsLikeTitle(b)) return {Title(text), true, false};
  return {Title(OpeningWords(text)), false, !text.empty()};
}

}  // namespace

struct OutlineBuilder::Patterns {
  // Folded, OCR-tolerant: "đ" may come out of OCR as p or b.
  std::vector<std::pair<SectionKind, std::unique_ptr<RE2>>> kinds;
  Patterns() {
    const std::pair<SectionKind, const char*> table[] = {
        {SectionKind::kPurpose, R"(muc [dpb]\S{0,2}ch|muc ti\S{1,2}u)"},
        {SectionKind::kRequirements, R"(y\S{1,2}u c\S{1,2}u)"},
        {SectionKind::kTargets, R"(chi ti\S{1,2}u)"},
        {SectionKind::kCriteria, R"(ti\S{1,2}u ch(?:i\b|\S{1,3}n\b))"},
        {SectionKind::kSubjects, R"([dpb]\S{1,2}i t\S{1,3}ng)"},
        // How the work is done ("Hình thức", "Phương thức tổ chức") is what
        // will be done, as content is; at the title's start, as "tình hình
        // thực hiện" holds "hình thực".
        {SectionKind::kContent, R"(n\S{1,2}i dung|^h\S{1,2}nh th\S{1,2}c\b|^ph\S{1,3}ng th\S{1,2}c\b)"},
        {SectionKind::kTasks, R"(nhi\S{1,2}m v\S|gi\S{1,2}i ph\S{1,2}p|bi\S{1,2}n ph\S{1,2}p)"},
        {SectionKind::kSchedule,
         R"(l\S{1,2} tr\S{1,2}nh|ti\S{1,2}n [dpb]o\b|th\S{1,2}i gian|c\S{1,2}c b\S{1,3}c)"},
        {SectionKind::kOrganisation,
         R"(t\S{0,2} ?ch\S{1,3}c th\S{1,3}c hi\S{1,2}n|ph\S{1,2}n c\S{1,2}ng|tr\S{1,2}ch nhi\S{1,2}m th\S{1,3}c hi\S{1,2}n)"},
        {SectionKind::kParticipants, R"(th\S{1,2}nh ph\S{1,2}n)"},
        {SectionKind::kFunding, R"(kinh ph\S)"},
    };
    for (auto [kind, pattern] : table)
      kinds.emplace_back(kind, std::make_unique<RE2>(std::string("(") + pattern + ")"));
  }
};

OutlineBuilder::OutlineBuilder() : re_(std::make_unique<Patterns>()) {}
OutlineBuilder::~OutlineBuilder() = default;

SectionKind OutlineBuilder::KindOf(std::string_view folded_title, int start_words) const {
  const std::string_view lead = Lead(folded_title, 8);
  const size_t latest_start = Lead(folded_title, start_words).size();
  SectionKind best = SectionKind::kOther;
  size_t best_pos = std::string_view::npos;
  bool purpose = false, requirements = false;
  for (const auto& [kind, re] : re_->kinds) {
    re2::StringPiece match;
    if (!RE2::PartialMatch(lead, *re, &match)) continue;
    const size_t pos = static_cast<size_t>(match.data() - lead.data());
    if (pos >= latest_start && !StartsPart(lead, pos)) continue;
    purpose |= kind == SectionKind::kPurpose;
    requirements |= kind == SectionKind::kRequirements;
    if (pos < best_pos) best = kind, best_pos = pos;
  }
  if (purpose && requirements) return SectionKind::kPurposeRequirements;
  return best;
}

size_t BodyStart(const std::vector<Block>& blocks) {
  for (size_t i = 0; i < blocks.size(); ++i)
    if (Rank(blocks[i]) <= 0) return i;
  for (size_t i = 0; i < blocks.size(); ++i)
    // "2. Trách nhiệm cụ thể:" heads the body as a title may (ending in
    // ':'): a directive's parts introduce their items so (real qn-2352-ct
    // lost parts 1 and 2 to the preamble).
    if (blocks[i].marker == Marker::kArabic && ReadsLikeTitle(blocks[i])) return i;
  for (size_t i = 0; i < blocks.size(); ++i)
    // A directive whose parts are all sentences: "1. Bộ trưởng các Bộ: …
    // tổ chức theo dõi …" opens its body as a title would; a preamble is
    // never numbered from 1 (devset Công điện 231/CĐ-TTg read its 8 parts
    // as preamble: no assignment, its "theo chỉ đạo tại Nghị quyết số
    // 380/NQ-CP" a legal basis).
    if (blocks[i].marker == Marker::kArabic && blocks[i].label == "1") return i;
  return blocks.size();
}

namespace {

// The sections open at the current block, outermost first.
struct Open {
  Section* section;
  int info;
  int rank;
  int stars;  // unnumbered children so far
  std::string_view folded_title;
};

// The highest part number written: the contract writes section numbers with
// I, V, X and L only, so LXXXIX (89); real plans stop near X.
constexpr int kMaxRomanPart = 89;

// The number the document gives a heading, as a dotted path under `path`.
std::string NumberOf(const Block& b, std::vector<Open>& path, int& last_roman,
                     int& top_stars) {
  const std::string parent = path.empty() ? "" : path.back().section->number;
  auto join = [&](const std::string& tail) {
    return parent.empty() ? tail : parent + "." + tail;
  };
  switch (b.marker) {
    case Marker::kRoman:
      // The document's own numeral, even where it repeats the one before
      // ("IV." twice in 002): a reader cites what is written, and each
      // section's `line` tells the two apart. An unreadable numeral, or one
      // lower than the last, takes the next number: that is a misread ("V."
      // restored as "I." in corpus 000's OCR), not the document's slip.
      // Bounded by kMaxRomanPart: a thousand repeated "I." count up to it
      // and stay there, and a numeral beyond it is unreadable.
      {
        const int own = RomanValue(b.label) <= kMaxRomanPart ? RomanValue(b.label) : 0;
        last_roman = own == 0 || own < last_roman ? std::min(last_roman + 1, kMaxRomanPart) : own;
      }
      return RomanNumeral(last_roman);
    case Marker::kDotted: {
      // "2.1." belongs under the part that holds it: "IV.2.1", "5.2.1".
      std::string top;
      for (const Open& o : path)
        if (o.rank <= 0) top = o.section->number;
      return top.empty() ? b.label : top + "." + b.label;
    }
    case Marker::kStar:
      return join(std::to_string(path.empty() ? ++top_stars : ++path.back().stars));
    default:
      return join(b.label);
  }
}

// True if `b`, a numbered paragraph that reads as a sentence, is a part of
// the document itself: nothing above it holds it (`holder` sections stay
// open) and an earlier top-level part is numbered the same way. A Công điện
// or Thông báo numbers its directives 1., 2., 3. with no Roman part above:
// "2. Bộ trưởng Bộ Tài chính tổng hợp, …" after a "1. …:" heading is the
// second part, not a paragraph of nothing (the devset's Công điện 232/CĐ-TTg
// lost parts 2 and 3 and their assignees). Like an untitled article, its
// opening words name it and its text is its item.
// The body's opening "1. …" sentence (BodyStart) is its first such part.
bool IsUntitledPart(const Block& b, size_t holder, const Outline& out, bool opens_body) {
  if (holder != 0 || b.marker != Marker::kArabic) return false;
  if (out.tree.empty()) return opens_body;
  return out.tree.back().number.find_first_not_of("0123456789") == std::string::npos;
}

}  // namespace

Outline OutlineBuilder::Build(const std::vector<Block>& blocks) const {
  Outline out;
  std::vector<Open> path;
  int last_roman = 0, top_stars = 0;
  for (size_t i = 0; i < blocks.size(); ++i) {
    const Block& b = blocks[i];
    const Block* next = i + 1 < blocks.size() ? &blocks[i + 1] : nullptr;
    // Siblings of one list read alike: after "a) Năm 2017: ..." and "b) Năm
    // 2018: ...", "d) Năm 2020: ..." is a heading even as a long sentence.
    const bool like_sibling = !path.empty() && path.back().rank == Rank(b) &&
                              FirstWord(path.back().folded_title) ==
                                  FirstWord(b.folded.text);
    bool untitled = false;  // a top-level numbered paragraph, named as an article is
    if (!IsHeading(b, next) && !like_sibling) {
      // A numbered paragraph closes the deeper sections before it: "3. ..."
      // after "2. ... c) ..." belongs to the section that holds "2.".
      size_t holder = path.size();
      while (Rank(b) < 6 && holder > 0 && path[holder - 1].rank >= Rank(b)) --holder;
      untitled = IsUntitledPart(b, holder, out, i == 0);
      if (!untitled) {
        path.resize(holder);
        out.units.push_back({&b, path.empty() ? -1 : path.back().info, false});
        if (!path.empty())
          path.back().section->items.push_back({b.text, b.first_line()});
        continue;
      }
    }
    const int rank = Rank(b);
    // A Roman part is top-level: it closes a chapter too (the contract's
    // numbers have no Roman numeral under another).
    while (!path.empty() && (path.back().rank >= rank || b.marker == Marker::kRoman))
      path.pop_back();
    Section section;
    section.number = NumberOf(b, path, last_roman, top_stars);
    section.title = Title(b.text);
    section.line = b.first_line();
    // A plan's heading names its kind anywhere in its first words ("KẾT QUẢ
    // VÀ NHIỆM VỤ …"); a legal text's article or chapter title states its
    // subject first ("Tiêu chuẩn, điều kiện bổ nhiệm", "Nguồn kinh phí").
    section.kind = KindOf(b.folded.text, rank <= 0 && b.marker != Marker::kRoman
                                             ? kLegalKindStartWords
                                             : kPlanKindStartWords);
    bool has_text = false;  // an article's text: an item of its own section
    if (b.marker == Marker::kArticle || untitled) {
      const ArticleHead head =
          untitled ? ArticleHead{Title(OpeningWords(b.text)), false, true} : ReadArticle(b);
      section.title = head.title;
      has_text = head.has_text;
      if (!head.titled) section.kind = SectionKind::kOther;  // opening words name no kind
      if (has_text) section.items.push_back({b.text, b.first_line()});
    }
    if (section.kind == SectionKind::kOther && !path.empty())
      section.kind = path.back().section->kind;
    SectionInfo info{section.number, section.kind, b.folded.text,
                     path.empty() ? -1 : path.back().info, section.line};
    std::vector<Section>& siblings =
        path.empty() ? out.tree : path.back().section->children;
    siblings.push_back(std::move(section));
    out.infos.push_back(std::move(info));
    const int index = static_cast<int>(out.infos.size()) - 1;
    path.push_back({&siblings.back(), index, rank, 0, b.folded.text});
    out.units.push_back({&b, index, !has_text});
  }
  return out;
}

}  // namespace vnplan::internal
