#include <re2/re2.h>

#include <algorithm>
#include <map>

#include "src/parser/extractors.h"
#include "src/parser/matching.h"
#include "src/text/textutil.h"

namespace vnplan::internal {
namespace {

// The head of an agency's name, folded ("các đơn vị", "Phòng", "Văn phòng
// Sở", "Thường trực Hội đồng", "Thủ trưởng các đơn vị", "UBND").
constexpr const char* kAgency =
    R"((?:c\S{1,2}c |m\S{1,2}i |th\S{1,2} tr\S{2}ng (?:c\S{1,2}c )?)?(?:ph\S{1,2}ng|so|v\S{1,2}n ph\S{1,2}ng|tr\S{2}ng|trung t\S{1,2}m|ban|h\S{1,2}i [dpb]\S{1,2}ng|th\S{2}ng tr\S{1,2}c|ubnd|\S{1,2}y ban|c\S{1,2}ng [dpb]o\S{1,2}n|[dpb]o\S{1,2}n|[dpb]\S{1,2}n v\S|bo|hi\S{1,2}u tr\S{2}ng|t\S{1,2} chuy\S{1,2}n m\S{1,2}n|c\S{1,2}p \S{1,2}y|l\S{1,2}nh [dpb]\S{1,2}o|kh\S{1,2}i|c\S{1,2}c ph\S{1,2}ng)\b)";

// What an agency is told to do; the first one ends the agency's name.
constexpr const char* kVerb =
    R"((c\S{1,2} tr\S{1,2}ch nhi\S{1,2}m|c\S{1,2} k\S{1,2} ho\S{1,2}ch|ch\S{1,2} tr\S\b|ph\S{1,2}i h\S{1,2}p|x\S{1,2}y d\S{1,2}ng|t\S{1,2} ch\S{1,3}c|tri\S{1,2}n khai|th\S{1,2}c hi\S{1,2}n|ch\S{1,2} [dpb]\S{1,2}o|l\S{1,2}a ch\S{1,2}n|g\S{1,2}i\b|b\S{1,2}o c\S{1,2}o|tham m\S{1,2}u|c\S{1,2}n c\S\b|l\S c\S{1,2} quan|t\S{1,2}ng c\S{2}ng|[dpb]\S{1,2}y m\S{1,2}nh|ki\S{1,2}m tra|h\S{1,3}ng d\S{1,2}n|gi\S{1,2}i thi\S{1,2}u|v\S{1,2}n d\S{1,2}ng|t\S{1,2}p trung|ti\S{1,2}n h\S{1,2}nh|ch\S{1,2} [dpb]\S{1,2}ng|[dpb]e c\S\b|y\S{1,2}u c\S{1,2}u|ph\S{1,2}t hi\S{1,2}n|th\S{1,2}m [dpb]\S{1,2}nh|t\S{1,2}ng h\S{1,2}p|theo d\S{1,2}i))";

AssignmentRole RoleOf(bool given, std::string_view verb) {
  if (given) return AssignmentRole::kLead;
  if (verb.substr(0, 2) == "ph" && verb.find(" h") != std::string_view::npos)
    return AssignmentRole::kSupport;  // phối hợp
  if (verb.substr(0, 2) == "bo" || verb.substr(0, 2) == "ba" || verb == "gui")
    return AssignmentRole::kReport;
  return AssignmentRole::kLead;
}

}  // namespace

struct AssignmentFinder::Patterns {
  RE2 opening{std::string(
                  R"(^(?:(giao)(?: cho)?\s+|[dpb]\S{1,2} ngh\S{1,2}\s+|y\S{1,2}u c\S{1,2}u\s+|[dpb]\S{1,2}i v\S{1,2}i\s+|c\S{1,2}n c\S{1,2} (?:n\S{1,2}i dung )?k\S{0,2} ?ho\S{0,2}ch n\S{1,2}y,?\s+)?)") +
              "(" + kAgency + ")"};
  RE2 verb{kVerb};
  RE2 agency_only{std::string(R"(^(?:[dpb]\S{1,2}i v\S{1,2}i\s+)?()") + kAgency + R"(.*)$)"};
  RE2 given{std::string(R"((?:^|[.;:"]\s*|\s)(giao)(?: cho)?\s+()") + kAgency + ")"};
  RE2 not_agency{R"(^(?:phong trao|trong|so l\S{1,3}ng|ban h\S{1,2}nh)\b)"};
  RE2 next_agency{std::string("^") + kAgency};
  RE2 cooperates{R"(^ph\S{1,2}i h\S{1,2}p)"};
  // A verb after these words is a noun: "các tổ chức đoàn thể".
  RE2 noun_before{R"((?:^|\s)(?:c\S{1,2}c|nh\S{1,3}ng|c\S{1,2}a|va|voi|m\S{1,2}i)\s*$)"};
};

namespace {

// Where the agency that starts at `begin` ends: at the first verb that is
// not used as a noun. Returns false if no verb follows within 25 words.
bool AgencyEnd(const RE2& verb, const RE2& noun_before, std::string_view text,
               size_t begin, size_t* end, std::string_view* verb_found) {
  bool found = false;
  ForEachMatch(verb, text.substr(begin), [&](const Groups& g) {
    if (found) return;
    const size_t at = begin + OffsetIn(text.substr(begin), g[0]);
    if (at == begin || CountWords(text.substr(begin, at - begin)) > 25) return;
    if (RE2::PartialMatch(text.substr(begin, at - begin), noun_before)) return;
    *end = at;
    *verb_found = g[0];
    found = true;
  });
  return found;
}

}  // namespace

AssignmentFinder::AssignmentFinder() : re_(std::make_unique<Patterns>()) {}
AssignmentFinder::~AssignmentFinder() = default;

bool AssignmentFinder::FindSubject(std::string_view folded, size_t* begin,
                                   size_t* end, AssignmentRole* role) const {
  re2::StringPiece given, agency;
  if (!RE2::PartialMatch(folded, re_->opening, &given, &agency) ||
      RE2::PartialMatch(agency, re_->not_agency))
    return false;
  *begin = OffsetIn(folded, agency);
  std::string_view verb;
  if (!AgencyEnd(re_->verb, re_->noun_before, folded, *begin, end, &verb))
    return false;
  // "Sở ... yêu cầu Phòng GD&ĐT ... triển khai": the one asked is assigned.
  if (verb.substr(0, 2) == "ye") {
    const size_t after = OffsetIn(folded, verb) + verb.size() + 1;
    if (after >= folded.size()) return false;
    size_t b = 0, e = 0;
    if (!FindSubject(folded.substr(after), &b, &e, role)) return false;
    *begin = after + b;
    *end = after + e;
    return true;
  }
  if (role != nullptr) *role = RoleOf(!given.empty(), verb);
  return true;
}

std::string AssignmentFinder::SubjectOf(const FoldedText& folded,
                                        std::string_view original,
                                        AssignmentRole* role) const {
  size_t begin = 0, end = 0;
  if (!FindSubject(folded.text, &begin, &end, role)) return "";
  return TrimEntry(folded.SourceOf(original, begin, end));
}

std::vector<std::string> AssignmentFinder::ResponsibleIn(
    const FoldedText& folded, std::string_view original) const {
  size_t begin = 0, end = 0;
  if (!FindSubject(folded.text, &begin, &end, nullptr)) return {};
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

std::vector<Assignment> AssignmentFinder::Find(const Outline& outline) const {
  std::vector<Assignment> out;
  std::map<int, size_t> by_section;  // section -> its assignment in out
  for (const BodyUnit& unit : outline.units) {
    if (unit.section < 0) continue;
    const SectionInfo& info = outline.infos[static_cast<size_t>(unit.section)];
    const Block& b = *unit.block;
    const bool organisation = info.kind == SectionKind::kOrganisation;
    if (unit.heading) {
      if (!organisation) continue;
      AssignmentRole role = AssignmentRole::kLead;
      std::string assignee = SubjectOf(b.folded, b.text, &role);
      std::vector<std::string> tasks;
      if (!assignee.empty()) {
        tasks.push_back(b.text);
      } else {
        re2::StringPiece name;
        if (!RE2::FullMatch(b.folded.text, re_->agency_only, &name) ||
            RE2::PartialMatch(name, re_->not_agency))
          continue;
        const size_t at = OffsetIn(b.folded.text, name);
        assignee = TrimEntry(b.folded.SourceOf(b.text, at, b.folded.text.size()));
      }
      by_section[unit.section] = out.size();
      out.push_back({assignee, role, tasks, info.number, b.first_line()});
      continue;
    }
    auto owner = by_section.find(unit.section);
    if (owner != by_section.end()) {
      Assignment& a = out[owner->second];
      if (a.tasks.empty() && RE2::PartialMatch(b.folded.text, re_->cooperates))
        a.role = AssignmentRole::kSupport;
      a.tasks.push_back(b.text);
      continue;
    }
    AssignmentRole role = AssignmentRole::kLead;
    if (organisation) {
      std::string assignee = SubjectOf(b.folded, b.text, &role);
      if (!assignee.empty()) {
        out.push_back({assignee, role, {b.text}, info.number, b.first_line()});
        continue;
      }
    }
    // "Giao Phòng Giáo dục Trung học phối hợp ..." in any section.
    const std::string_view f = b.folded.text;
    ForEachMatch(re_->given, f, [&](const Groups& g) {
      const size_t at = OffsetIn(f, g[1]);
      if (!StartsUpper(b.folded.SourceOf(b.text, at, at + g[1].size()))) return;
      if (RE2::PartialMatch(g[2], re_->not_agency)) return;
      const size_t s = OffsetIn(f, g[2]);
      size_t e = 0;
      std::string_view verb;
      if (!AgencyEnd(re_->verb, re_->noun_before, f, s, &e, &verb)) return;
      const auto [sb, se] = SentenceAround(f, at, at);
      out.push_back({TrimEntry(b.folded.SourceOf(b.text, s, e)),
                     AssignmentRole::kLead,
                     {TrimEntry(b.folded.SourceOf(b.text, at, se))},
                     info.number,
                     b.LineAtFolded(at)});
    });
  }
  // A heading that only groups others ("Đối với các phòng ...") assigns
  // nothing by itself.
  std::erase_if(out, [](const Assignment& a) { return a.tasks.empty(); });
  for (Assignment& a : out) a.assignee = CapitalizeFirst(a.assignee);
  return out;
}

}  // namespace vnplan::internal
