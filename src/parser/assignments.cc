#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "src/parser/extractors.h"
#include "src/parser/header_patterns.h"
#include "src/parser/matching.h"
#include "src/text/textutil.h"

namespace vnplan::internal {
namespace {

// What may stand before an agency's head word, folded: "các", "mọi",
// "Thủ trưởng (các)", "Người đứng đầu (các)", "Chủ tịch", "Giám đốc",
// "Thống đốc".
constexpr const char* kAgencyPrefix =
    R"((?:c\S{1,2}c |m\S{1,2}i |th\S{1,2} tr\S{2}ng (?:c\S{1,2}c )?|ng\S{1,3}i [dpb]\S{1,2}ng [dpb]\S{1,2}u (?:c\S{1,2}c )?|ch\S{1,2} t\S{1,2}ch |gi\S{1,2}m [dpb]\S{1,2}c |th\S{1,2}ng [dpb]\S{1,2}c )?)";

// Head words of an agency that takes a proper name after it: "Sở Xây
// dựng", "Công an tỉnh", "Ban Chỉ đạo ...", "Viện Kiểm sát nhân dân ...".
// The kinds of committee ("Ban Chỉ đạo", "Ban Tổ chức", "Đoàn Kiểm tra")
// are heads of their own: their second word is a verb.
constexpr const char* kNamedHead =
    R"((?:ban ch\S{1,2} [dpb]\S{1,2}o|ban t\S{1,2} ch\S{1,2}c|ban qu\S{1,2}n l\S|[dpb]o\S{1,2}n ki\S{1,2}m tra|vien kiem sat|toa an|ph\S{1,2}ng|so|v\S{1,2}n ph\S{1,2}ng|tr\S{2}ng|trung t\S{1,2}m|ban|h\S{1,2}i [dpb]\S{1,2}ng|\S{1,2}y ban|c\S{1,2}ng [dpb]o\S{1,2}n|[dpb]o\S{1,2}n|bo|cong an|(?:chi |tong )?cuc|(?:hoc |benh )?vien|dai|bao|hoi|lien doan|ngan hang|(?:tong )?cong ty|kho bac|thanh tra|bao hiem xa hoi|chinh phu)\b)";

// Heads that are ordinary words too ("báo cáo", "hội nghị", "đài", "cục
// bộ", "viện dẫn"): an agency only when its proper name, capitalised,
// follows.
constexpr const char* kAmbiguousHead = R"(^(?:dai|bao|hoi|vien|cuc|chi cuc|tong cuc)$)";

// The first syllable of every head in kNamedHead as it is spelt: folding
// makes "bản", "số", "phương", "đoạn" look like "Ban", "Sở", "Phòng", "Đoàn".
constexpr std::string_view kHeadSyllables[] = {
    "phòng", "sở", "văn", "trường", "trung", "ban", "hội", "ủy", "uỷ", "công", "đoàn",
    "bộ", "cục", "chi", "tổng", "viện", "học", "bệnh", "đài", "báo", "liên", "ngân",
    "kho", "thanh", "bảo", "chính", "tòa", "toà"};

bool SpeltAsHead(std::string_view word) {
  if (std::all_of(word.begin(), word.end(), [](char c) { return (c & 0x80) == 0; }))
    return true;  // no marks to tell by (text that lost its diacritics)
  const std::string lower = LowerUtf8(word);
  return std::find(std::begin(kHeadSyllables), std::end(kHeadSyllables), lower) !=
         std::end(kHeadSyllables);
}

// Heads that name a body by themselves: "các đơn vị", "UBND", "Thường
// trực Hội đồng", "Hiệu trưởng", "Lãnh đạo", "Khối", "các cơ quan", "các
// địa phương", "các doanh nghiệp" (a plan's "4. Các doanh nghiệp viễn
// thông" under Tổ chức thực hiện: devset ceb89a53).
constexpr const char* kGenericHead =
    R"((?:th\S{2}ng tr\S{1,2}c|ubnd|[dpb]\S{1,2}n v\S|hi\S{1,2}u tr\S{2}ng|t\S{1,2} chuy\S{1,2}n m\S{1,2}n|c\S{1,2}p \S{1,2}y|l\S{1,2}nh [dpb]\S{1,2}o|khoi|c\S{1,2}c ph\S{1,2}ng|c\S{1,2}c (?:c\S{1,2} quan|[dpb]\S{1,2}a ph\S{1,2}\S{1,2}ng|doanh nghi\S{1,2}p))\b)";

// The head of an agency's name with what may stand before it.
std::string AgencyPattern() {
  return std::string(kAgencyPrefix) + "(?:" + kNamedHead + "|" + kGenericHead + ")";
}

// What an agency is told to do; the first one after the agency's name ends
// it. Also the manners it is told to act in ("nghiêm túc", "tích cực",
// "kịp thời" before "triển khai"), which end a name as its verb does.
constexpr const char* kVerb =
    R"(\b(c\S{1,2} tr\S{1,2}ch nhi\S{1,2}m|c\S{1,2} k\S{1,2} ho\S{1,2}ch|ch\S{1,2} tr\S\b|ph\S{1,2}i h\S{1,2}p|x\S{1,2}y d\S{1,2}ng|t\S{1,2} ch\S{1,3}c|tri\S{1,2}n khai|th\S{1,2}c hi\S{1,2}n|ch\S{1,2} [dpb]\S{1,2}o|l\S{1,2}a ch\S{1,2}n|g\S{1,2}i\b|b\S{1,2}o c\S{1,2}o|tham m\S{1,2}u|c\S{1,2}n c\S\b|l\S c\S{1,2} quan|t\S{1,2}ng c\S{2}ng|[dpb]\S{1,2}y m\S{1,2}nh|ki\S{1,2}m tra|h\S{1,3}ng d\S{1,2}n|gi\S{1,2}i thi\S{1,2}u|v\S{1,2}n d\S{1,2}ng|t\S{1,2}p trung|ti\S{1,2}n h\S{1,2}nh|ch\S{1,2} [dpb]\S{1,2}ng|[dpb]e c\S\b|y\S{1,2}u c\S{1,2}u|ph\S{1,2}t hi\S{1,2}n|th\S{1,2}m [dpb]\S{1,2}nh|t\S{1,2}ng h\S{1,2}p|theo d\S{1,2}i|nghi\S{1,2}n c\S{1,2}u|kh\S{1,2}n tr\S{1,2}\S{1,2}ng|gi\S{1,2}m s\S{1,2}t|ch\S{1,2}u tr\S{1,2}ch nhi\S{1,2}m|ti\S{1,2}p t\S{1,2}c|b\S{1,2} tr\S\b|n\S{1,2}ng cao|theo ch\S{1,2}c n\S{1,2}ng|[dpb]\S{1,2}nh k\S\b|[dpb]on [dpb]oc\b|ph\S{1,2}t huy\b|ho\S{1,2}n th\S{1,2}nh\b|nghi\S{1,2}m t\S{1,2}c\b|t\S{1,2}ch c\S{1,2}c\b|k\S{1,2}p th\S{1,2}i\b|tuy\S{1,2}n truy\S{1,2}n\b|r\S s\S{1,2}t\b|quy\S{1,2}t [dpb]\S{1,2}nh\b|ti\S{1,2}p thu\b))";

// How far a list of agencies may run before its verb: five or six full
// names ("Trung tâm Chuyển đổi số Thành phố, Công an Thành phố, Sở Nông
// nghiệp và Môi trường, Ủy ban nhân dân các phường, xã, đặc khu cùng …" is 30
// words in devset 7171596…).
constexpr int kMaxListWords = 60;

AssignmentRole RoleOf(bool given, std::string_view verb) {
  if (given) return AssignmentRole::kLead;
  if (verb.substr(0, 2) == "ph" && verb.find(" h") != std::string_view::npos &&
      verb.back() == 'p')
    return AssignmentRole::kSupport;  // phối hợp, not phát huy
  if (verb.substr(0, 2) == "bo" || verb.substr(0, 2) == "ba" || verb == "gui")
    return AssignmentRole::kReport;
  return AssignmentRole::kLead;
}

// Where a heading naming an agency assigns to it: in "Tổ chức thực hiện"
// and "Nhiệm vụ" sections, and as a top-level paragraph numbered 1., 2.
// (Chỉ thị, Công điện and Thông báo address agencies that way, with no
// such section).
// Elsewhere ("Lộ trình", "Nội dung") only a heading that is an agency's
// proper name does ("2. Sở Tài chính"); "Đối với các trường học" there says
// whom a step concerns.
bool AssignsByHeading(const Outline& outline, int section) {
  const SectionInfo& info = outline.infos[static_cast<size_t>(section)];
  if (info.parent < 0 && !info.number.empty() && info.number[0] >= '0' && info.number[0] <= '9')
    return true;  // a numbered paragraph of a document without Roman parts
  for (int s = section; s >= 0; s = outline.infos[static_cast<size_t>(s)].parent) {
    const SectionKind kind = outline.infos[static_cast<size_t>(s)].kind;
    if (kind == SectionKind::kOrganisation || kind == SectionKind::kTasks) return true;
  }
  return false;
}

// Where a sentence whose subject is a named body assigns to it: in the
// sections saying what will be done (content, tasks, schedule), not in
// those saying why or what was done before.
bool AssignsInSentences(const Outline& outline, int section) {
  for (int s = section; s >= 0; s = outline.infos[static_cast<size_t>(s)].parent) {
    const SectionKind kind = outline.infos[static_cast<size_t>(s)].kind;
    if (kind == SectionKind::kContent || kind == SectionKind::kTasks ||
        kind == SectionKind::kSchedule)
      return true;
  }
  return false;
}

// A body's proper name capitalises each of its parts: "Nông nghiệp và Môi
// trường", "Văn hóa, Thể thao và Du lịch" run at most three words in lower
// case; "Xây dựng đẩy nhanh tiến độ phê duyệt Báo cáo" and "Chính phủ xin
// thông báo để …" are a name and what follows it (devset: 5 of 30 such
// sentences before this check).
constexpr int kMaxLowerRun = 3;

bool ProperName(std::string_view name) {
  int run = 0;
  for (std::string_view w : Words(name)) {
    // A capital, or no letter at all ("-", "&"), starts the count again.
    const unsigned char first = static_cast<unsigned char>(w[0]);
    const bool lower = !StartsUpper(w) && (first >= 0x80 || std::isalpha(first));
    run = lower ? run + 1 : 0;
    if (run > kMaxLowerRun) return false;
  }
  return true;
}

// A block with its folded form and whether it is written in capitals
// (a heading "SỞ XÂY DỰNG", where case no longer marks a proper name).
struct Text {
  const FoldedText& folded;
  std::string_view original;
  bool all_caps;
  Text(const FoldedText& f, std::string_view o)
      : folded(f), original(o), all_caps(IsAllCaps(o)) {}
  // True if the word at folded offset `at` is written with a capital.
  bool Capital(size_t at) const {
    return StartsUpper(folded.SourceOf(original, at, folded.text.size()));
  }
};

}  // namespace

struct AssignmentFinder::Patterns {
  const std::string agency = AgencyPattern();
  RE2 opening{
      R"((?:(giao|[dpb]\S{1,2} ngh\S{1,2})(?: cho)?\s+|y\S{1,2}u c\S{1,2}u\s+|[dpb]\S{1,2}i v\S{1,2}i\s+|c\S{1,2}n c\S{1,2} (?:n\S{1,2}i dung )?k\S{0,2} ?ho\S{0,2}ch n\S{1,2}y,?\s+)?()" +
      agency + ")"};
  RE2 verb{kVerb};
  // The closing article: "… chịu trách nhiệm thi hành Quyết định này" binds
  // those it names to the whole decision; it gives none of them a task.
  RE2 executes{
      R"(thi h\S{1,2}nh (?:quy\S{1,2}t [dpb]\S{1,2}nh|ngh\S{1,2} quy\S{1,2}t|ngh\S{1,2} [dpb]\S{1,2}nh|ch\S{1,2} th\S{1,2}|th\S{1,2}ng t\S{1,2}) n\S{1,2}y)"};
  RE2 leading_verb{std::string("^") + kVerb};
  RE2 agency_only{R"(^(?:([dpb]\S{1,2}i v\S{1,2}i|[dpb]\S{1,2} ngh\S{1,2})\s+)?()" + agency +
                  R"(.*)$)"};
  // "Giao X …", and "Đề nghị X …" to a body outside the issuer's command;
  // only capitalised, where a sentence starts ("đề nghị khen thưởng" in a
  // sentence proposes, it does not ask).
  RE2 given{R"((?:^|[.;:"]\s*|\s)(giao|[dpb]\S{1,2} ngh\S{1,2})(?: cho)?\s+()" + agency + ")"};
  RE2 not_agency{R"(^(?:phong trao|tr\S{2}ng h\S{1,2}p|phong,? ch\S{1,2}ng|trong|so l\S{1,3}ng|ban h\S{1,2}nh|bao c\S{1,2}o)\b)"};
  RE2 next_agency{"^" + agency};
  RE2 named_head{std::string("^") + kAgencyPrefix + "(" + kNamedHead + ")"};
  RE2 ambiguous_head{kAmbiguousHead};
  RE2 cooperates{R"(^ph\S{1,2}i h\S{1,2}p)"};
  // "phối hợp với Sở Y tế, Công an tỉnh, …" after the lead's task.
  RE2 cooperates_with{R"((?:^|[\s,])ph\S{1,2}i h\S{1,2}p (?:v\S{1,2}i|c\S{1,2}ng) )"};
  // "Cơ quan chủ trì: Sở Y tế", "Đơn vị phối hợp: ...".
  RE2 labelled{R"(^((?:c\S{1,2} quan|[dpb]\S{1,2}n v\S) (ch\S{1,2} tr\S|ph\S{1,2}i h\S{1,2}p)\s*:\s*))"};
  // Between a body's name and its verb: what it will or must do ("sẽ",
  // "cần", "phải"), kept out of the name ...
  RE2 modal{R"(\s(?:s\S{1,2}|c\S{1,2}n|ph\S{1,2}i)\s*$)"};
  // ... or what it did or is doing ("đã", "đang", "được", "chưa", "vẫn",
  // "cũng", "không"): a report of the past, no assignment.
  RE2 not_ahead{R"(\s(?:ch\S|[dpb]\S|[dpb]ang|[dpb]\S{1,2}\S{1,2}c|ch\S{1,2}a|v\S{1,2}n|c\S{1,2}ng|kh\S{1,2}ng|t\S{1,2}ng)\s*$)"};
  // A verb after these words is a noun: "các tổ chức đoàn thể".
  RE2 noun_before{R"((?:^|\s)(?:c\S{1,2}c|nh\S{1,3}ng|c\S{1,2}a|va|voi|m\S{1,2}i)\s*$)"};
};

AssignmentFinder::AssignmentFinder() : re_(std::make_unique<Patterns>()) {}
AssignmentFinder::~AssignmentFinder() = default;

// Where the agency that starts at `begin` ends: at the first verb that is
// not used as a noun nor part of the agency's proper name. A name is
// capitalised ("Sở Xây dựng chủ trì": "Xây dựng" is the name) until a verb
// in lower case has been seen ("... và gửi Báo cáo" is a verb); in a text
// all in capitals, the word right after a head that takes a name is the
// name. Returns false if no verb follows within `max_words` words.
bool AssignmentFinder::AgencyEnd(const FoldedText& folded, std::string_view original,
                                 size_t begin, size_t* end, std::string_view* verb_found,
                                 int max_words) const {
  const Patterns& re = *re_;
  const Text t(folded, original);
  const std::string_view text = folded.text;
  size_t head_end = begin;
  re2::StringPiece head;
  if (RE2::PartialMatch(text.substr(begin), re.named_head, &head))
    head_end = OffsetIn(text, head) + head.size();
  // "Sở Nội vụ: Tham mưu ...": a colon ends the name, verb or not.
  size_t limit = text.find(':', begin);
  if (limit != std::string_view::npos && CountWords(text.substr(begin, limit - begin)) > max_words)
    limit = std::string_view::npos;
  const std::string_view scope = text.substr(begin, limit == std::string_view::npos
                                                        ? std::string_view::npos
                                                        : limit - begin);
  bool found = false;
  bool past_name = false;  // a verb in lower case was seen: the name is over
  ForEachMatch(re.verb, scope, [&](const Groups& g) {
    if (found) return;
    const size_t at = begin + OffsetIn(scope, g[0]);
    if (at < head_end || CountWords(text.substr(begin, at - begin)) > max_words) return;
    if (at == begin) return;
    const bool in_name = t.all_caps ? at == head_end + 1 : !past_name && t.Capital(at);
    if (!t.all_caps && !t.Capital(at)) past_name = true;
    if (RE2::PartialMatch(text.substr(begin, at - begin), re.noun_before)) return;
    if (in_name) return;
    *end = at;
    *verb_found = g[0];
    found = true;
  });
  if (found || limit == std::string_view::npos || limit == begin) return found;
  *end = limit;
  // The task's first verb after the colon still says the role.
  re2::StringPiece verb;
  const std::string_view rest = TrimSpaces(text.substr(limit + 1));
  *verb_found = RE2::PartialMatch(rest, re.leading_verb, &verb) ? std::string_view(verb)
                                                                 : std::string_view();
  return true;
}

bool AssignmentFinder::NameFollows(const FoldedText& folded, std::string_view original,
                                   size_t begin) const {
  const Text t(folded, original);
  const std::string_view f = folded.text;
  // "và Môi trường" (environment) folds like "và mọi trường" (every school).
  if (LowerUtf8(folded.SourceOf(original, begin, std::min(f.size(), begin + 4))) == "môi ")
    return false;
  re2::StringPiece head;
  if (!RE2::PartialMatch(f.substr(begin), re_->named_head, &head)) return true;
  const size_t head_at = OffsetIn(f, head);
  const size_t syllable_end = std::min(f.find(' ', head_at), head_at + head.size());
  if (!SpeltAsHead(folded.SourceOf(original, head_at, syllable_end))) return false;
  if (!RE2::FullMatch(head, re_->ambiguous_head)) return true;
  if (t.all_caps) return true;
  size_t next = OffsetIn(f, head) + head.size() + 1;
  if (f.substr(next, 3) == "va ") next += 3;  // "Báo và Phát thanh, ..."
  return next < f.size() && t.Capital(next);
}

bool AssignmentFinder::FindSubject(const FoldedText& folded, std::string_view original,
                                   size_t from, size_t* begin, size_t* end,
                                   AssignmentRole* role) const {
  const std::string_view f = folded.text;
  re2::StringPiece g[3];
  if (!re_->opening.Match(f, from, f.size(), RE2::ANCHOR_START, g, 3) ||
      RE2::PartialMatch(f.substr(OffsetIn(f, g[2])), re_->not_agency))
    return false;
  *begin = OffsetIn(f, g[2]);
  if (!NameFollows(folded, original, *begin)) return false;
  std::string_view verb;
  if (!AgencyEnd(folded, original, *begin, end, &verb)) return false;
  // "Sở ... yêu cầu Phòng GD&ĐT ... triển khai": the one asked is assigned.
  if (verb.substr(0, 2) == "ye") {
    const size_t after = OffsetIn(f, verb) + verb.size() + 1;
    if (after >= f.size()) return false;
    return FindSubject(folded, original, after, begin, end, role);
  }
  if (role != nullptr) *role = RoleOf(!g[1].empty() && g[1][0] == 'g', verb);
  return true;
}

std::string AssignmentFinder::SubjectOf(const FoldedText& folded,
                                        std::string_view original,
                                        AssignmentRole* role) const {
  size_t begin = 0, end = 0;
  if (!FindSubject(folded, original, 0, &begin, &end, role)) return "";
  return TrimEntry(folded.SourceOf(original, begin, end));
}

std::vector<std::pair<size_t, size_t>> AssignmentFinder::ListSpans(
    const FoldedText& folded, std::string_view original) const {
  std::vector<std::pair<size_t, size_t>> out;
  const std::string_view f = folded.text;
  auto add = [&](size_t begin, size_t end) {
    while (begin < end && (f[begin] == ' ' || f[begin] == '-' || f[begin] == '+')) ++begin;
    while (end > begin && (f[end - 1] == ' ' || f[end - 1] == ',' || f[end - 1] == ';' ||
                           f[end - 1] == '.'))
      --end;
    if (begin < end) out.emplace_back(begin, end);
  };
  size_t from = 0;
  for (size_t pos = 0; pos < f.size(); ++pos) {
    size_t next = 0;
    if (f[pos] == ',' || f[pos] == ';') next = pos + 1;
    else if (f.substr(pos, 4) == " va ") next = pos + 4;
    else continue;
    while (next < f.size() && (f[next] == ' ' || f[next] == '-')) ++next;
    // A semicolon ends an entry; "và" one where another agency's head
    // follows ("… và các đơn vị"), not "Sở Văn hóa, Thể thao và Du lịch"; a
    // comma only before a capitalised head ("…, Sở Công Thương"), not in
    // "Sở, ban, ngành".
    if (f[pos] != ';' && (!RE2::PartialMatch(f.substr(next), re_->next_agency) ||
                          !NameFollows(folded, original, next) ||
                          (f[pos] == ',' &&
                           !StartsUpper(folded.SourceOf(original, next, f.size())))))
      continue;
    add(from, pos);
    from = next;
  }
  add(from, f.size());
  return out;
}

bool AssignmentFinder::StartsWithAgency(const FoldedText& folded,
                                        std::string_view original) const {
  size_t at = 0;
  while (at < folded.text.size() && (folded.text[at] == ' ' || folded.text[at] == '-')) ++at;
  return RE2::PartialMatch(std::string_view(folded.text).substr(at), re_->next_agency) &&
         NameFollows(folded, original, at);
}

std::vector<std::string> AssignmentFinder::AgenciesIn(const FoldedText& folded,
                                                     std::string_view original) const {
  std::vector<std::string> out;
  for (auto [begin, end] : ListSpans(folded, original)) {
    std::string name = TrimEntry(folded.SourceOf(original, begin, end));
    if (!name.empty()) out.push_back(std::move(name));
  }
  return out;
}

std::vector<std::string> AssignmentFinder::ResponsibleIn(
    const FoldedText& folded, std::string_view original) const {
  size_t begin = 0, end = 0;
  if (!FindSubject(folded, original, 0, &begin, &end, nullptr)) return {};
  // "X và các Y": split where another agency follows "và".
  std::vector<std::string> out;
  const std::string_view f = folded.text;
  size_t from = begin;
  for (size_t pos = f.find(" va ", begin); pos != std::string_view::npos && pos < end;
       pos = f.find(" va ", pos + 1)) {
    if (!RE2::PartialMatch(f.substr(pos + 4, end - pos - 4), re_->next_agency)) continue;
    out.push_back(TrimEntry(folded.SourceOf(original, from, pos)));
    from = pos + 4;
  }
  out.push_back(TrimEntry(folded.SourceOf(original, from, end)));
  return out;
}

bool AssignmentFinder::FromHeading(const Block& b, const std::string& section, bool strict,
                                   Assignment* a) const {
  AssignmentRole role = AssignmentRole::kLead;
  std::string assignee = strict ? "" : SubjectOf(b.folded, b.text, &role);
  std::vector<std::string> tasks;
  if (!assignee.empty()) {
    // "1. Chủ tịch Ủy ban nhân dân các tỉnh ...:" names; it gives no task.
    if (assignee != TrimEntry(b.text)) tasks.push_back(b.text);
  } else {
    // The heading is the agency's name: "2. Sở Tài chính", "Đề nghị ...".
    re2::StringPiece address, name, head;
    if (!RE2::FullMatch(b.folded.text, re_->agency_only, &address, &name) ||
        RE2::PartialMatch(name, re_->not_agency))
      return false;
    const size_t at = OffsetIn(b.folded.text, name);
    if (!NameFollows(b.folded, b.text, at)) return false;
    // Strict: only a head with its capitalised proper name ("Sở Tài
    // chính"), not "Đối với các trường" nor "Các đơn vị".
    if (strict) {
      if (address.size() > 1 && address[1] == 'o') return false;  // đối với
      if (!RE2::PartialMatch(name, re_->named_head, &head)) return false;
      const size_t next = OffsetIn(b.folded.text, head) + head.size() + 1;
      if (next >= b.folded.text.size() || !Text(b.folded, b.text).Capital(next)) return false;
    }
    assignee = TrimEntry(b.folded.SourceOf(b.text, at, b.folded.text.size()));
  }
  *a = {assignee, role, tasks, section, b.first_line()};
  return true;
}

bool AssignmentFinder::FromLabel(const Block& b, const std::string& section,
                                 const std::string& topic, std::vector<Assignment>& out) const {
  re2::StringPiece label, verb;
  if (!RE2::PartialMatch(b.folded.text, re_->labelled, &label, &verb)) return false;
  const size_t at = OffsetIn(b.folded.text, label) + label.size();
  std::string assignee =
      TrimEntry(b.folded.SourceOf(b.text, at, b.folded.text.size()));
  if (assignee.empty()) return false;
  const AssignmentRole role =
      verb.starts_with("ch") ? AssignmentRole::kLead : AssignmentRole::kSupport;
  out.push_back({std::move(assignee), role, {topic.empty() ? b.text : topic}, section,
                 b.first_line()});
  return true;
}

void AssignmentFinder::FromGiven(const Block& b, const std::string& section,
                                 std::vector<Assignment>& out) const {
  // "Giao Phòng Giáo dục Trung học phối hợp ...", "Đề nghị Ủy ban Mặt trận
  // …" in any section.
  const std::string_view f = b.folded.text;
  ForEachMatch(re_->given, f, [&](const Groups& g) {
    const size_t at = OffsetIn(f, g[1]);
    if (!StartsUpper(b.folded.SourceOf(b.text, at, at + g[1].size()))) return;
    if (RE2::PartialMatch(f.substr(OffsetIn(f, g[2])), re_->not_agency)) return;
    const size_t s = OffsetIn(f, g[2]);
    if (!NameFollows(b.folded, b.text, s)) return;
    size_t e = 0;
    std::string_view verb;
    if (!AgencyEnd(b.folded, b.text, s, &e, &verb)) return;
    const auto [sb, se] = SentenceAround(f, at, at);
    // "Giao X" names the lead; "Đề nghị X phối hợp …" asks for support.
    out.push_back({TrimEntry(b.folded.SourceOf(b.text, s, e)),
                   RoleOf(g[1][0] == 'g', verb),
                   {TrimEntry(b.folded.SourceOf(b.text, at, se))},
                   section,
                   b.LineAtFolded(at)});
  });
}

void AssignmentFinder::FromContentSubject(const Block& b, const std::string& section,
                                          std::vector<Assignment>& out) const {
  const std::string_view f = b.folded.text;
  const Text t(b.folded, b.text);
  for (size_t from = 0; from < f.size();) {
    size_t begin = 0, end = 0;
    AssignmentRole role = AssignmentRole::kLead;
    re2::StringPiece head;
    // The sentence starts with the body ("Giao …" and "Đề nghị …" are
    // FromGiven's), named by its head and a capitalised name.
    if (RE2::PartialMatch(f.substr(from), re_->next_agency) &&
        FindSubject(b.folded, b.text, from, &begin, &end, &role) &&
        RE2::PartialMatch(f.substr(begin), re_->named_head, &head)) {
      const std::string_view subject = TrimSpaces(f.substr(begin, end - begin));
      const size_t name_at = OffsetIn(f, head) + head.size() + 1;
      // "Bộ GDĐT sẽ": the name ends before its modal.
      const size_t name_end = RE2::PartialMatch(subject, re_->modal)
                                  ? begin + subject.rfind(' ')
                                  : end;
      // (A comma between name and verb: "Ban chỉ đạo, Tổ giúp việc, chỉ
      // được hưởng …" lists who is concerned, it assigns nothing.)
      if (name_at < name_end && t.Capital(name_at) && subject.back() != ',' &&
          !RE2::PartialMatch(subject, re_->not_ahead) &&
          ProperName(b.folded.SourceOf(b.text, name_at, name_end))) {
        const auto [sb, se] = SentenceAround(f, begin, end);
        out.push_back({TrimEntry(b.folded.SourceOf(b.text, begin, name_end)), role,
                       {TrimEntry(b.folded.SourceOf(b.text, sb, se))}, section,
                       b.LineAtFolded(begin)});
      }
    }
    const size_t stop = f.find(". ", from);  // the next sentence
    if (stop == std::string_view::npos) break;
    from = stop + 2;
  }
}

void AssignmentFinder::FromCooperation(const Block& b, const std::string& section,
                                       std::vector<Assignment>& out) const {
  const std::string_view f = b.folded.text;
  ForEachMatch(re_->cooperates_with, f, [&](const Groups& g) {
    const size_t begin = OffsetIn(f, g[0]) + g[0].size();
    size_t end = 0;
    std::string_view verb;
    if (!AgencyEnd(b.folded, b.text, begin, &end, &verb, kMaxListWords)) return;
    const auto [sb, se] = SentenceAround(f, begin, end);
    const std::string task = TrimEntry(b.folded.SourceOf(b.text, sb, se));
    const FoldedText list = Slice(b.folded, begin, end);
    const std::string_view original = b.folded.SourceOf(b.text, begin, end);
    const Text t(list, original);
    for (auto [nb, ne] : ListSpans(list, original)) {
      // Only a body named by its head and a capitalised proper name ("Công
      // an Thành phố", "Văn phòng Sở"): "các cơ quan, đơn vị liên quan" and
      // "các phòng thuộc Sở" name no one in particular.
      re2::StringPiece head;
      const std::string_view entry = std::string_view(list.text).substr(nb);
      if (!RE2::PartialMatch(entry, re_->named_head, &head) ||
          !NameFollows(list, original, nb))
        continue;
      const size_t name_at = nb + OffsetIn(entry, head) + head.size() + 1;
      if (name_at >= ne || !t.Capital(name_at)) continue;
      out.push_back({CapitalizeFirst(TrimEntry(list.SourceOf(original, nb, ne))),
                     AssignmentRole::kSupport, {task}, section, b.LineAtFolded(begin + nb)});
    }
  });
}

// Who the unit names as responsible, added to `out`; true if it named
// anyone (or gave a task to its section's agency).
bool AssignmentFinder::FromUnit(const Outline& outline, const BodyUnit& unit,
                                SectionState& state, std::vector<Assignment>& out) const {
  const SectionInfo& info = outline.infos[static_cast<size_t>(unit.section)];
  const Block& b = *unit.block;
  const size_t before = out.size();
  if (unit.heading) {
    // A numbered paragraph addressed to an agency assigns to it in any
    // section: Chỉ thị and Công điện have no "Tổ chức thực hiện".
    state.topics[unit.section] = b.text;
    Assignment a;
    if (!FromHeading(b, info.number, !AssignsByHeading(outline, unit.section), &a)) {
      FromGiven(b, info.number, out);  // "2. Giao Thường trực ... giám sát"
      return out.size() > before;
    }
    state.owners[unit.section] = out.size();
    out.push_back(std::move(a));
    return true;
  }
  if (FromLabel(b, info.number, state.topics[unit.section], out)) return false;
  // "2. Bộ Xây dựng chỉ đạo ..." a numbered paragraph the outline keeps
  // in the section before it: a new agency, not that section's task. So is
  // an untitled article's text: "Điều 2. Trung tâm … chủ trì …" (devset: 31
  // decisions assign so), but for the closing article's list of who executes it.
  const bool article = b.marker == Marker::kArticle &&
                       !RE2::PartialMatch(b.folded.text, re_->executes);
  if ((b.marker == Marker::kArabic || b.marker == Marker::kDotted || article) &&
      AssignsByHeading(outline, unit.section)) {
    Assignment a;
    if (FromHeading(b, info.number, false, &a) && !a.tasks.empty()) {
      out.push_back(std::move(a));
      return true;
    }
  }
  auto owner = state.owners.find(unit.section);
  if (owner != state.owners.end()) {
    Assignment& a = out[owner->second];
    if (a.tasks.empty() && RE2::PartialMatch(b.folded.text, re_->cooperates))
      a.role = AssignmentRole::kSupport;
    a.tasks.push_back(b.text);
    return true;
  }
  if (info.kind == SectionKind::kOrganisation) {
    AssignmentRole role = AssignmentRole::kLead;
    std::string assignee = SubjectOf(b.folded, b.text, &role);
    if (!assignee.empty()) {
      out.push_back({assignee, role, {b.text}, info.number, b.first_line()});
      return true;
    }
  }
  if (AssignsInSentences(outline, unit.section)) FromContentSubject(b, info.number, out);
  FromGiven(b, info.number, out);
  return out.size() > before;
}

std::vector<Assignment> AssignmentFinder::Find(const Outline& outline) const {
  std::vector<Assignment> out;
  SectionState state;
  for (const BodyUnit& unit : outline.units) {
    if (unit.section < 0) continue;
    // Where a lead is named, "phối hợp với X, Y" names who supports it; a
    // task that starts "Phối hợp với X" makes X the lead, not read here.
    if (FromUnit(outline, unit, state, out) &&
        !RE2::PartialMatch(unit.block->folded.text, re_->cooperates))
      FromCooperation(*unit.block,
                      outline.infos[static_cast<size_t>(unit.section)].number, out);
  }
  // A heading that only groups others ("Đối với các phòng ...") assigns
  // nothing by itself.
  std::erase_if(out, [](const Assignment& a) { return a.tasks.empty(); });
  for (Assignment& a : out) a.assignee = CapitalizeFirst(a.assignee);
  return out;
}

}  // namespace vnplan::internal
