#include <re2/re2.h>

#include "src/parser/extractors.h"
#include "src/text/textutil.h"

namespace vnplan::internal {
namespace {

struct GroupPattern {
  const char* group;
  std::unique_ptr<RE2> re;
};

}  // namespace

struct StatementCollector::Patterns {
  std::vector<GroupPattern> groups;
  Patterns() {
    // Most specific first: "cán bộ quản lý" before "cá nhân".
    const std::pair<const char*, const char*> table[] = {
        {"cán bộ quản lý", R"(c\S{1,2}n b\S{1,2} qu\S{1,2}n l\S)"},
        {"cán bộ, công chức, viên chức",
         R"(c\S{1,2}n b\S{1,2}, c\S{1,2}ng ch\S{1,3}c, vi\S{1,2}n ch\S{1,3}c)"},
        {"nhà giáo", R"(nh\S{1,2} gi\S{1,2}o|gi\S{1,2}o vi\S{1,2}n)"},
        {"người lao động", R"(ng\S{1,3}i lao [dpb]\S{1,2}ng|nh\S{1,2}n vi\S{1,2}n)"},
        {"học sinh", R"(h\S{1,2}c sinh|h\S{1,2}c vi\S{1,2}n|sinh vi\S{1,2}n)"},
        {"tập thể", R"(t\S{1,2}p th\S{1,2})"},
        {"cá nhân", R"(c\S{1,2} nh\S{1,2}n)"},
        {"chung", R"(\bchung\b)"},
    };
    for (auto [group, pattern] : table)
      groups.push_back({group, std::make_unique<RE2>(pattern)});
  }
};

StatementCollector::StatementCollector() : re_(std::make_unique<Patterns>()) {}
StatementCollector::~StatementCollector() = default;

OptString StatementCollector::GroupOf(std::string_view folded) const {
  for (const GroupPattern& g : re_->groups)
    if (RE2::PartialMatch(folded, *g.re)) return std::string(g.group);
  return std::nullopt;
}

void StatementCollector::Collect(const Outline& outline, Plan& plan) const {
  for (const BodyUnit& unit : outline.units) {
    if (unit.heading || unit.section < 0) continue;
    const SectionInfo& info = outline.infos[static_cast<size_t>(unit.section)];
    Statement s{unit.block->text, std::nullopt, info.number,
                unit.block->first_line()};
    if (info.kind == SectionKind::kPurpose || info.kind == SectionKind::kPurposeRequirements) {
      plan.goals.push_back(std::move(s));
    } else if (info.kind == SectionKind::kRequirements) {
      plan.requirements.push_back(std::move(s));
    } else if (info.kind == SectionKind::kCriteria) {
      // "Nhà giáo: Có nhiều giải pháp ..." names its group up front;
      // otherwise the nearest section title that names one.
      const std::string_view f = unit.block->folded.text;
      const size_t colon = f.find(':');
      if (colon != std::string_view::npos && CountWords(f.substr(0, colon)) <= 8)
        s.applies_to = GroupOf(f.substr(0, colon));
      for (int k = unit.section; !s.applies_to && k >= 0;
           k = outline.infos[static_cast<size_t>(k)].parent)
        s.applies_to = GroupOf(outline.infos[static_cast<size_t>(k)].folded_title);
      plan.criteria.push_back(std::move(s));
    }
  }
}

}  // namespace vnplan::internal
