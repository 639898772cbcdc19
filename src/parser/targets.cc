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

// A clause of at most this many words before a percentage is a verb
// ("Có", "Dành", "Phấn đấu") rather than what is measured.
constexpr int kVerbOnlyWords = 2;

// The words before a percentage that give its comparator, folded: "ít
// nhất, tối thiểu, không dưới 50%", "trên 80%", "không quá 5%", "dưới 3%".
constexpr std::pair<const char*, const char*> kPercentComparators[] = {
    {">=", R"(\S{1,2}t nh\S{1,2}t|t\S{1,2}i thi\S{1,2}u|kh\S{1,2}ng d\S{1,3}i|≥|>=)"},
    {"<=", R"(kh\S{1,2}ng qu\S|t\S{1,2}i [dpb]a|kh\S{1,2}ng v\S{1,3}t qu\S|≤|<=)"},
    {">", R"(tren|hon|>)"},
    {"<", R"(duoi|<)"},
};

// "12,5" and "12.5" are both twelve and a half in a percentage.
double ToQuantity(std::string_view digits) {
  std::string number(digits);
  std::replace(number.begin(), number.end(), ',', '.');
  return std::atof(number.c_str());
}

std::string Number(const char* head) {
  return std::string(head) + R"((\d+)(?:\s*-\s*(\d+))?\s*)" + kUnit;
}

}  // namespace

struct TargetFinder::Patterns {
  RE2 colon_form{std::string(R"(^([^:]{2,120}?):\s*(\d+)\s*)") + kUnit};
  RE2 at_least{R"(tr\S{1,2} l\S{1,2}n)"};
  // Trigger words left at the end of an indicator ("... lựa chọn ít nhất là").
  // Words that only lead up to a percentage: "Phấn đấu đến năm 2030 đạt tỷ
  // lệ", "Có", "Đạt": the indicator is what follows it.
  RE2 lead_in{
      R"((?:ph\S{1,2}n [dpb]\S{1,2}u|[dpb]\S{1,2}n n\S{1,2}m \d{4}|[dpb]\S{1,2}t|t\S{1,2} l\S|c\S|,|\s)*)"};
  RE2 trigger_tail{
      R"(((?:\s+(?:\S{1,2}t nh\S{1,2}t|t\S{1,2}i thi\S{1,2}u|kh\S{1,2}ng qu\S|t\S{1,2}i [dpb]a|kh\S{1,2}ng d\S{1,3}i|t\S{1,2}|l\S|tren|duoi|hon|≥|≤|[<>]=?))+)\s*$)"};
  // What a percentage's comparator is, from the words just before it.
  std::vector<std::pair<std::string, std::unique_ptr<RE2>>> percent_comparators;
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
        // "50%", "10 - 13%", "85%-90%", "từ 5 đến 10%"; the comparator is
        // read from the words before it (kPercentComparators).
        {"=", std::string(R"((\d{1,3}(?:[.,]\d+)?)(?:\s*%?\s*(?:-|[dpb]\S{1,2}n)\s*(\d{1,3}(?:[.,]\d+)?))?\s*(%))")},
    };
    for (const auto& [comparator, pattern] : table)
      patterns.push_back({comparator, std::make_unique<RE2>(pattern)});
    for (const auto& [comparator, words] : kPercentComparators)
      percent_comparators.emplace_back(
          comparator, std::make_unique<RE2>(std::string("(?:^|\\s)(?:") + words +
                                            R"()(?:\s+l\S)?(?:\s+t\S{1,2})?\s*$)"));
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

std::string TargetFinder::PercentComparator(std::string_view before) const {
  for (const auto& [comparator, re] : re_->percent_comparators)
    if (RE2::PartialMatch(before, *re)) return comparator;
  return "=";
}

std::string TargetFinder::IndicatorOf(const Block& b, size_t sb, size_t se, size_t number_at,
                                      size_t unit_end, bool percent) const {
  // The indicator: the clause before the number ("Cờ thi đua Bộ"), or
  // after a percentage that a verb or nothing precedes ("100% đơn vị xây
  // dựng ...", "Có ít nhất 50% số xã ...").
  const std::string_view f = b.folded.text;
  size_t cb = number_at;
  while (cb > sb && f[cb - 1] != ':' && f[cb - 1] != '(') --cb;
  // "..., trong đó không quá 01 nhà giáo": the indicator starts after
  // "trong đó" ("of which").
  const size_t of_which = f.substr(cb, number_at - cb).rfind("trong do");
  if (of_which != std::string_view::npos) cb += of_which + 8;
  size_t ce = number_at;
  re2::StringPiece tail;
  const std::string_view before = f.substr(cb, number_at - cb);
  if (RE2::PartialMatch(before, re_->trigger_tail, &tail)) ce = OffsetIn(f, tail);
  std::string indicator = TrimEntry(b.folded.SourceOf(b.text, cb, ce));
  const bool lead_in_only = RE2::FullMatch(f.substr(cb, ce - cb), re_->lead_in);
  if (percent && (CountWords(indicator) <= kVerbOnlyWords || lead_in_only) && unit_end < se) {
    size_t from = unit_end;
    while (from < se && f[from] == ' ') ++from;
    if (f.substr(from, 8) == "tro len ") from += 8;  // "từ 15% trở lên người ..."
    const std::string after = TrimEntry(b.folded.SourceOf(b.text, from, se));
    if (!after.empty() && (lead_in_only || CountWords(after) > CountWords(indicator)))
      indicator = after;
  }
  return indicator;
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
      t.quantity = ToQuantity(g[1]);
      if (!g[2].empty()) t.quantity_max = ToQuantity(g[2]);
      const size_t u = OffsetIn(f, g[3]);
      t.unit = std::string(b.folded.SourceOf(b.text, u, u + g[3].size()));
      std::string comparator = p.comparator;
      if (g[3] == "%") comparator = PercentComparator(f.substr(sb, OffsetIn(f, g[1]) - sb));
      if (comparator == "=" &&
          RE2::PartialMatch(f.substr(end, se - end), re_->at_least))
        comparator = ">=";
      t.comparator = comparator;
      const std::string indicator =
          IndicatorOf(b, sb, se, OffsetIn(f, g[1]), u + g[3].size(), g[3] == "%");
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
