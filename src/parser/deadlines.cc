#include <re2/re2.h>

#include <algorithm>
#include <map>

#include "src/parser/extractors.h"
#include "src/parser/matching.h"
#include "src/text/textutil.h"

namespace vnplan::internal {
namespace {

// A day and month, with an optional year: "20/10/2017", "05/6",
// "25 tháng 5 năm 2024". Six groups: d, m, y of each form.
constexpr const char* kDate =
    R"((?:(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?|(\d{1,2})\s+th\S{1,4}\s+(\d{1,2})(?:\s+n\S{1,2}m\s+(\d{4}))?))";

struct DayMonth {
  int day = 0, month = 0, year = 0;
};

DayMonth ReadDate(const Groups& g, size_t first) {
  const bool numeric = g[first].data() != nullptr;
  const size_t k = numeric ? first : first + 3;
  return {ToInt(g[k]), ToInt(g[k + 1]), ToInt(g[k + 2])};
}

std::string Year(int y, const char* month_day) {
  return std::to_string(y) + month_day;
}

}  // namespace

struct DeadlineFinder::Context {
  std::optional<Period> period;
  int issue_year = 0;
  std::map<std::string, std::vector<std::string>> responsible;  // by section
};

struct DeadlineFinder::Patterns {
  RE2 quarterly{
      R"(t\S{0,2} ng\S{1,2}y (\d{1,2}) [dpb]\S{1,2}n (?:h\S{1,2}t )?ng\S{1,2}y (\d{1,2}) (?:c\S{1,2}a )?th\S{1,4} cu\S{1,3} (?:m\S{1,3}|h\S{1,3}ng|c\S{1,2}a m\S{1,3}) qu\S)"};
  RE2 window{std::string(R"(t\S{0,2} ng\S{1,2}y )") + kDate +
             R"( [dpb]\S{1,2}n (?:h\S{1,2}t )?ng\S{1,2}y )" + kDate};
  RE2 due{std::string(
              R"((?:tr\S{1,2}c|ch\S{1,2}m nh\S{1,2}t(?: l\S)?(?: v\S{1,2}o)?|h\S{1,2}n ch\S{1,2}t|h\S{1,2}n cu\S{1,2}i|kh\S{1,2}ng mu\S{1,2}n h\S{1,2}n)\s*:?\s*ng\S{1,2}y\s+)") +
          kDate};
  RE2 event{std::string(
                R"((?:v\S{1,2}o|l\S{1,2}c [^,;]{0,25}?|di\S{1,2}n ra|khai m\S{1,2}c)\s+ng\S{1,2}y\s+)") +
            kDate};
  RE2 frequency{R"((\d{1,2})\s*(?:l\S{1,2}n|bu\S{1,2}i)\s*/\s*(th\S{1,3}ng|qu\S|n\S{1,2}m|tu\S{1,2}n))"};
  RE2 month{R"(\bth\S{1,4}\s+(\d{1,2})(?:\s*/\s*|\s+n\S{1,2}m\s+)(\d{4}))"};
  RE2 day_before{R"(\d\s*$)"};
  RE2 school_range{
      R"(t\S{1,2} n\S{1,2}m h\S{1,2}c (\d{4})\s*-?\s*(\d{4}) [dpb]\S{1,2}n(?: h\S{1,2}t)? n\S{1,2}m h\S{1,2}c (\d{4})\s*-?\s*(\d{4}))"};
  RE2 year_range{R"(t\S{1,2} n\S{1,2}m (\d{4}) [dpb]\S{1,2}n(?: h\S{1,2}t)? n\S{1,2}m (\d{4}))"};
  RE2 quarter{R"(qu\S (iv|i{1,3}|[1-4])(?:\s*/\s*|\s+n\S{1,2}m\s+)(\d{4}))"};
  RE2 year_end{R"(cu\S{1,2}i n\S{1,2}m (\d{4}))"};
  RE2 school_year{R"(n\S{1,2}m h\S{1,2}c (\d{4})\s*[- ]\s*(\d{4}))"};
  RE2 year{R"((?:^|v\S{1,2}o |trong )n\S{1,2}m (\d{4})\b(\s*-\s*\d{4})?)"};
  RE2 recurring_words{R"(h\S{1,2}ng n\S{1,2}m|\S{1,2}nh k\S\b)"};
  RE2 any_year{R"(\b((?:19|20)\d{2})\b)"};
  // In the order FindInUnit runs them: a pattern absent from a block is
  // never run on it.
  PatternSet triggers{{&quarterly, &window, &due, &event, &frequency, &school_range,
                       &year_range, &quarter, &month, &year_end, &school_year, &year}};
};

DeadlineFinder::DeadlineFinder(const AssignmentFinder& assignments)
    : assignments_(assignments), re_(std::make_unique<Patterns>()) {}
DeadlineFinder::~DeadlineFinder() = default;

std::vector<Deadline> DeadlineFinder::Find(
    const Outline& outline, const Header& header,
    const std::vector<Assignment>& assignments) const {
  Context context;
  context.period = header.period;
  if (header.date) context.issue_year = ToInt(header.date->substr(0, 4));
  // A section headed by an agency ("1.1. Văn phòng Sở") makes it
  // responsible for the deadlines inside.
  std::map<std::string, int> heading_lines;
  for (const SectionInfo& info : outline.infos) heading_lines[info.number] = info.line;
  for (const Assignment& a : assignments)
    if (heading_lines[a.section] == a.line)
      context.responsible.emplace(a.section, std::vector<std::string>{a.assignee});
  std::vector<Deadline> out;
  for (const BodyUnit& unit : outline.units)
    if (unit.section >= 0)
      FindInUnit(unit, outline.infos[static_cast<size_t>(unit.section)].number,
                 context, out);
  return out;
}

void DeadlineFinder::Describe(const Block& b, size_t at, size_t end,
                              const Context& context, Deadline& d) const {
  const std::string_view f = b.folded.text;
  const auto [sb, se] = SentenceAround(f, at, end);
  d.text = TrimEntry(b.folded.SourceOf(b.text, sb, se));
  std::string action(b.folded.SourceOf(b.text, sb, at));
  action += ' ';
  action += b.folded.SourceOf(b.text, end, se);
  std::string collapsed;
  for (char c : action)
    if (c != ' ' || (!collapsed.empty() && collapsed.back() != ' '))
      collapsed.push_back(c);
  std::string_view lead = collapsed;
  while (!lead.empty() && (lead.front() == ':' || lead.front() == ',' || lead.front() == ' '))
    lead.remove_prefix(1);
  std::string trimmed = TrimEntry(lead);
  while (!trimmed.empty() && (trimmed.back() == '(' || trimmed.back() == ','))
    trimmed = TrimEntry(trimmed.substr(0, trimmed.size() - 1));
  if (!trimmed.empty()) d.action = trimmed;
  const FoldedText sentence = Slice(b.folded, sb, se);
  const std::string_view original = b.folded.SourceOf(b.text, sb, se);
  d.responsible = assignments_.ResponsibleIn(sentence, original);
  if (d.responsible.empty()) {
    auto it = context.responsible.find(d.section);
    if (it != context.responsible.end()) d.responsible = it->second;
  }
  d.line = b.LineAtFolded(at);
}

void DeadlineFinder::FindInUnit(const BodyUnit& unit, const std::string& section,
                                const Context& context,
                                std::vector<Deadline>& out) const {
  const Block& b = *unit.block;
  const std::string_view f = b.folded.text;
  if (f.find_first_of("0123456789") == std::string_view::npos) return;  // no date
  std::vector<std::pair<size_t, size_t>> taken;
  auto bounds = [&](Deadline& d) {
    if (!context.period) return;
    d.start = Year(context.period->from, "-01-01");
    d.end = Year(context.period->to, "-12-31");
  };
  auto sentence = [&](size_t at, size_t end) {
    const auto [sb, se] = SentenceAround(f, at, end);
    return std::pair<std::string_view, std::string_view>(f.substr(sb, at - sb),
                                                         f.substr(end, se - end));
  };
  // A year for a date that has none: from the sentence, else the plan.
  auto year_for = [&](size_t at, size_t end, bool* recurs) {
    const auto [before, after] = sentence(at, end);
    std::string y;
    if (RE2::PartialMatch(before, re_->any_year, &y) ||
        RE2::PartialMatch(after, re_->any_year, &y))
      return ToInt(y);
    *recurs = RE2::PartialMatch(before, re_->recurring_words) ||
              RE2::PartialMatch(after, re_->recurring_words);
    if (*recurs) return 0;
    if (context.period && context.period->from == context.period->to)
      return context.period->from;
    if (!context.period) return context.issue_year;
    return 0;
  };
  const std::vector<bool> hit = re_->triggers.Hits(f);
  size_t next_pattern = 0;
  auto scan = [&](const RE2& re, auto handle) {
    if (!hit[next_pattern++]) return;
    ForEachMatch(re, f, [&](const Groups& g) {
      const size_t at = OffsetIn(f, g[0]), end = at + g[0].size();
      for (auto [tb, te] : taken)
        if (at < te && tb < end) return;
      Deadline d;
      d.section = section;
      if (!handle(g, at, end, d)) return;
      taken.emplace_back(at, end);
      Describe(b, at, end, context, d);
      out.push_back(std::move(d));
    });
  };
  scan(re_->quarterly, [&](const Groups& g, size_t, size_t, Deadline& d) {
    const int from = ToInt(g[1]), to = ToInt(g[2]);
    if (from < 1 || to > 31 || from > to) return false;
    std::string days;
    for (int day = from; day <= to; ++day)
    {
      if (!days.empty()) days.push_back(',');
      days.append(std::to_string(day));
    }
    d.kind = "recurring";
    d.recurrence = "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=" + days;
    bounds(d);
    return true;
  });
  scan(re_->window, [&](const Groups& g, size_t at, size_t end, Deadline& d) {
    DayMonth a = ReadDate(g, 1), z = ReadDate(g, 7);
    bool recurs = false;
    if (z.year == 0) z.year = year_for(at, end, &recurs);
    if (a.year == 0) a.year = z.year;
    d.kind = "window";
    d.start = IsoDate(a.year, a.month, a.day);
    d.end = IsoDate(z.year, z.month, z.day);
    return true;
  });
  scan(re_->due, [&](const Groups& g, size_t at, size_t end, Deadline& d) {
    DayMonth date = ReadDate(g, 1);
    if (date.month < 1 || date.month > 12 || date.day < 1 || date.day > 31)
      return false;
    bool recurs = false;
    if (date.year == 0) date.year = year_for(at, end, &recurs);
    if (recurs) {
      d.kind = "recurring";
      d.recurrence = "FREQ=YEARLY;BYMONTH=" + std::to_string(date.month) +
                     ";BYMONTHDAY=" + std::to_string(date.day);
      bounds(d);
    } else {
      d.kind = "due";
      d.date = IsoDate(date.year, date.month, date.day);
    }
    return true;
  });
  scan(re_->event, [&](const Groups& g, size_t at, size_t end, Deadline& d) {
    DayMonth date = ReadDate(g, 1);
    bool recurs = false;
    if (date.year == 0) date.year = year_for(at, end, &recurs);
    d.kind = "event";
    d.date = IsoDate(date.year, date.month, date.day);
    return d.date.has_value();
  });
  scan(re_->frequency, [&](const Groups& g, size_t, size_t, Deadline& d) {
    const int times = ToInt(g[1]);
    const int months = g[2][0] == 'q' ? 3 : g[2][0] == 'n' ? 12 : g[2][1] == 'h' ? 1 : 0;
    if (times < 1) return false;
    if (months == 0) {
      if (times != 1) return false;
      d.recurrence = "FREQ=WEEKLY";
    } else if (months == 12 && times == 1) {
      d.recurrence = "FREQ=YEARLY";
    } else if (months % times == 0) {
      const int interval = months / times;
      d.recurrence = "FREQ=MONTHLY" +
                     (interval == 1 ? std::string() : ";INTERVAL=" + std::to_string(interval));
    } else {
      return false;
    }
    d.kind = "recurring";
    bounds(d);
    return true;
  });
  auto period = [&](Deadline& d, int y1, const char* md1, int y2, const char* md2) {
    if (y1 < 1900 || y2 < y1 || y2 > 2199) return false;
    d.kind = "period";
    d.start = Year(y1, md1);
    d.end = Year(y2, md2);
    return true;
  };
  scan(re_->school_range, [&](const Groups& g, size_t, size_t, Deadline& d) {
    return period(d, ToInt(g[1]), "-09-01", ToInt(g[4]), "-05-31");
  });
  scan(re_->year_range, [&](const Groups& g, size_t, size_t, Deadline& d) {
    return period(d, ToInt(g[1]), "-01-01", ToInt(g[2]), "-12-31");
  });
  scan(re_->quarter, [&](const Groups& g, size_t, size_t, Deadline& d) {
    static constexpr const char* kStart[] = {"-01-01", "-04-01", "-07-01", "-10-01"};
    static constexpr const char* kEnd[] = {"-03-31", "-06-30", "-09-30", "-12-31"};
    const std::string_view q = g[1];
    const int n = q == "iv" ? 4 : q[0] == 'i' ? static_cast<int>(q.size()) : ToInt(q);
    if (n < 1 || n > 4) return false;
    const int y = ToInt(g[2]);
    return period(d, y, kStart[n - 1], y, kEnd[n - 1]);
  });
  scan(re_->month, [&](const Groups& g, size_t at, size_t, Deadline& d) {
    // "tháng 10/2024" is a month; "07 tháng 4 năm 2014" is a day.
    if (RE2::PartialMatch(f.substr(at > 6 ? at - 6 : 0, at > 6 ? 6 : at), re_->day_before))
      return false;
    static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const int m = ToInt(g[1]), y = ToInt(g[2]);
    if (m < 1 || m > 12) return false;
    const int last = m == 2 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) ? 28 : kDays[m - 1];
    d.kind = "period";
    d.start = IsoDate(y, m, 1);
    d.end = IsoDate(y, m, last);
    return d.start && d.end;
  });
  scan(re_->year_end, [&](const Groups& g, size_t, size_t, Deadline& d) {
    return period(d, ToInt(g[1]), "-10-01", ToInt(g[1]), "-12-31");
  });
  scan(re_->school_year, [&](const Groups& g, size_t, size_t, Deadline& d) {
    if (ToInt(g[2]) != ToInt(g[1]) + 1) return false;
    return period(d, ToInt(g[1]), "-09-01", ToInt(g[2]), "-05-31");
  });
  scan(re_->year, [&](const Groups& g, size_t, size_t, Deadline& d) {
    if (!g[2].empty()) return false;  // "năm 2016-2020" is a span, not a year
    return period(d, ToInt(g[1]), "-01-01", ToInt(g[1]), "-12-31");
  });
  std::stable_sort(out.end() - static_cast<long>(taken.size()), out.end(),
                   [](const Deadline& a, const Deadline& z) { return a.line < z.line; });
}

}  // namespace vnplan::internal
