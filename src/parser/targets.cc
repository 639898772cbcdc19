#include <re2/re2.h>

#include <algorithm>
#include <cstdlib>

#include "src/parser/extractors.h"
#include "src/parser/matching.h"
#include "src/text/textutil.h"

namespace vnplan::internal {
namespace {

// What is counted: a count noun, optionally with the school level.
constexpr const char* kUnit =
    R"(((?:t\S{1,2}p th\S{1,2}\s*/\s*c\S{1,2} nh\S{1,2}n|t\S{1,2}p th\S{1,2}|c\S{1,2} nh\S{1,2}n|m\S{1,2} h\S{1,2}nh|g\S{1,3}ng [dpb]i\S{1,2}n h\S{1,2}nh|g\S{1,3}ng|[dpb]i\S{1,2}n h\S{1,2}nh|tr\S{1,3}ng|gi\S{1,2}o vi\S{1,2}n|h\S{1,2}c sinh|nh\S{1,2} gi\S{1,2}o|[dpb]\S{1,2}n v\S|l\S{1,2}n(?:\s*/\s*(?:th\S{1,3}ng|qu\S|n\S{1,2}m|tu\S{1,2}n))?|c\S|ng\S{1,3}i|c\S{1,2}n b\S|l\S{1,2}p|cu\S{1,2}c|bu\S{1,2}i|s\S{1,2}ng ki\S{1,2}n|[dpb]\S{1,2} t\S{1,2}i|t\S{1,2}c ph\S{1,2}m)(?: (?:m\S{1,2}m non|ti\S{1,2}u h\S{1,2}c|thcs|thpt|trung h\S{1,2}c c\S{1,2} s\S{1,2}|trung h\S{1,2}c ph\S{1,2} th\S{1,2}ng))?)\b)";

struct QuantityPattern {
  const char* comparator;
  std::unique_ptr<RE2> re;  // groups: 1 quantity, 2 upper bound, 3 unit
};

std::string Number(const char* head) {
  return std::string(head) + R"((\d+)(?:\s*-\s*(\d+))?\s*)" + kUnit;
}

}  // namespace

struct TargetFinder::Patterns {
  RE2 colon_form{std::string(R"(^([^:]{2,120}?):\s*(\d+)\s*)") + kUnit};
  RE2 at_least{R"(tr\S{1,2} l\S{1,2}n)"};
  // Trigger words left at the end of an indicator ("... lựa chọn ít nhất là").
  RE2 trigger_tail{
      R"(((?:\s+(?:\S{1,2}t nh\S{1,2}t|t\S{1,2}i thi\S{1,2}u|kh\S{1,2}ng qu\S|t\S{1,2}i [dpb]a|kh\S{1,2}ng d\S{1,3}i|t\S{1,2}|l\S))+)\s*$)"};
  // "03 trường mầm non, 03 trường tiểu học và 03 trường THCS".
  RE2 list_more{std::string(R"([^,;.:()]{0,40}?(?:,|\s+v\S)\s*(\d+)\s*)") + kUnit};
  std::vector<QuantityPattern> patterns;
  std::unique_ptr<PatternSet> present;  // which of `patterns` a block holds
  Patterns() {
    const std::pair<const char*, std::string> table[] = {
        {">=", Number(R"((?:\S{1,2}t nh\S{1,2}t|t\S{1,2}i thi\S{1,2}u|kh\S{1,2}ng d\S{1,3}i)\s+(?:l\S\s+)?(?:t\S{1,2}\s+)?)")},
        {"<=", Number(R"((?:kh\S{1,2}ng qu\S|t\S{1,2}i [dpb]a|kh\S{1,2}ng v\S{1,3}t qu\S)\s+)")},
        {"=", Number(R"((?:\bch\S{1,2}n|gi\S{1,2}i thi\S{1,2}u|[dpb]\S{1,2} c\S{1,2}|[dpb]\S{1,2}ng k\S)\s+(?:t\S{1,2}\s+)?)")},
        {">=", Number(R"((?:\bt\S{1,2}\s+))") + R"([^.;:()]{0,80}?tr\S{1,2} l\S{1,2}n)"},
        {"=", std::string(R"((\d{1,3})()\s*(%))")},
    };
    for (const auto& [comparator, pattern] : table)
      patterns.push_back({comparator, std::make_unique<RE2>(pattern)});
    std::vector<const RE2*> all;
    for (const QuantityPattern& p : patterns) all.push_back(p.re.get());
    present = std::make_unique<PatternSet>(all);
  }
};

TargetFinder::TargetFinder() : re_(std::make_unique<Patterns>()) {}
TargetFinder::~TargetFinder() = default;

std::vector<Target> TargetFinder::Find(const Outline& outline) const {
  std::vector<Target> out;
  for (const BodyUnit& unit : outline.units) {
    if (unit.heading || unit.section < 0) continue;
    const SectionInfo& info = outline.infos[static_cast<size_t>(unit.section)];
    const Block& b = *unit.block;
    if (info.kind == SectionKind::kTargets && (b.text.empty() || b.text.back() != ':')) {
      // Every line of a "Chỉ tiêu" section is a target, counted or not.
      Target t;
      t.text = TrimEntry(b.text);
      t.section = info.number;
      t.line = b.first_line();
      Groups g(5);
      if (re_->colon_form.Match(b.folded.text, 0, b.folded.text.size(),
                                RE2::ANCHOR_START, g.data(), 5)) {
        t.indicator = TrimEntry(b.folded.SourceOf(b.text, 0, g[1].size()));
        t.quantity = std::atof(g[2].as_string().c_str());
        const size_t u = OffsetIn(b.folded.text, g[3]);
        t.unit = std::string(b.folded.SourceOf(b.text, u, u + g[3].size()));
        const auto [s, e] = SentenceAround(b.folded.text, u, u);
        t.comparator = RE2::PartialMatch(b.folded.text.substr(u, e - u), re_->at_least)
                           ? ">=" : "=";
      } else {
        t.indicator = t.text;
      }
      out.push_back(std::move(t));
      continue;
    }
    FindInUnit(unit, info.number, out);
  }
  return out;
}

void TargetFinder::FindInUnit(const BodyUnit& unit, const std::string& section,
                              std::vector<Target>& out) const {
  const size_t first = out.size();
  const Block& b = *unit.block;
  const std::string_view f = b.folded.text;
  if (f.find_first_of("0123456789") == std::string_view::npos) return;  // no quantity
  std::vector<std::pair<size_t, size_t>> taken;
  const std::vector<bool> hit = re_->present->Hits(f);
  for (size_t k = 0; k < re_->patterns.size(); ++k) {
    if (!hit[k]) continue;
    const QuantityPattern& p = re_->patterns[k];
    ForEachMatch(*p.re, f, [&](const Groups& g) {
      const size_t at = OffsetIn(f, g[0]), end = at + g[0].size();
      for (auto [tb, te] : taken)
        if (at < te && tb < end) return;
      taken.emplace_back(at, end);
      const auto [sb, se] = SentenceAround(f, at, end);
      Target t;
      t.text = TrimEntry(b.folded.SourceOf(b.text, sb, se));
      t.quantity = std::atof(g[1].as_string().c_str());
      if (!g[2].empty()) t.quantity_max = std::atof(g[2].as_string().c_str());
      const size_t u = OffsetIn(f, g[3]);
      t.unit = std::string(b.folded.SourceOf(b.text, u, u + g[3].size()));
      std::string comparator = p.comparator;
      if (comparator == "=" &&
          RE2::PartialMatch(f.substr(end, se - end), re_->at_least))
        comparator = ">=";
      t.comparator = comparator;
      // The indicator: the clause before the number ("Cờ thi đua Bộ"), or
      // after a leading percentage ("100% đơn vị xây dựng ...").
      const size_t number_at = OffsetIn(f, g[1]);
      size_t cb = number_at;
      while (cb > sb && f[cb - 1] != ':' && f[cb - 1] != '(') --cb;
      // "..., trong đó không quá 01 nhà giáo": the indicator starts after
      // "trong đó" ("of which").
      const size_t of_which = f.substr(cb, number_at - cb).rfind("trong do");
      if (of_which != std::string_view::npos) cb += of_which + 8;
      size_t ce = number_at;
      re2::StringPiece tail;
      const std::string_view before = f.substr(cb, number_at - cb);
      if (RE2::PartialMatch(before, re_->trigger_tail, &tail))
        ce = OffsetIn(f, tail);
      std::string indicator = TrimEntry(b.folded.SourceOf(b.text, cb, ce));
      if (indicator.empty() && g[3] == "%")
        indicator = TrimEntry(b.folded.SourceOf(b.text, u + 1, se));
      if (!indicator.empty()) t.indicator = indicator;
      t.section = section;
      t.line = b.LineAtFolded(at);
      out.push_back(t);
      // Quantities listed after the first share its indicator and comparator.
      size_t pos = end;
      Groups more(3);
      while (re_->list_more.Match(f, pos, se, RE2::ANCHOR_START, more.data(), 3)) {
        Target next = t;
        next.quantity = std::atof(more[1].as_string().c_str());
        next.quantity_max.reset();
        const size_t mu = OffsetIn(f, more[2]);
        next.unit = std::string(b.folded.SourceOf(b.text, mu, mu + more[2].size()));
        next.line = b.LineAtFolded(OffsetIn(f, more[1]));
        pos = mu + more[2].size();
        taken.emplace_back(end, pos);
        out.push_back(std::move(next));
      }
    });
  }
  std::stable_sort(out.begin() + static_cast<long>(first), out.end(),
                   [](const Target& a, const Target& z) { return a.line < z.line; });
}

}  // namespace vnplan::internal
