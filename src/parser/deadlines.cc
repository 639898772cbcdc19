#include <re2/re2.h>

#include <algorithm>
#include <map>

#include "src/parser/extractors.h"
#include "src/parser/matching.h"
#include "src/text/calendar.h"
#include "src/text/textutil.h"

namespace vnplan::internal {
namespace {

// A day and month, with an optional year: "20/10/2017", "05/6",
// "25 tháng 5 năm 2024". Six groups: d, m, y of each form.
constexpr const char* kDate =
    R"((?:(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?|(\d{1,2})\s+th\S{1,4}\s+(\d{1,2})(?:\s+n\S{1,2}m\s+(\d{4}))?))";

// Space between the words of a deadline, with the converter's emphasis
// marks that cut a phrase ("chậm nhất *ngày" / "17 tháng 12.*").
constexpr const char* kGap = R"([\s*_]+)";
// A clock time before a date: "18h00 tối Thứ Bảy", "8 giờ 30 sáng".
constexpr const char* kClock = R"((?:\d{1,2}\s*(?:h|gi\S{1,2})\s*\d{0,2}[^;.\d]{0,25}?\s)?)";

struct DayMonth {
  int day = 0, month = 0, year = 0;
};

DayMonth ReadDate(const Groups& g, size_t first) {
  const bool numeric = g[first].data() != nullptr;
  const size_t k = numeric ? first : first + 3;
  return {ToInt(g[k]), ToInt(g[k + 1]), ToInt(g[k + 2])};
}

// What a deadline's handler reads besides its match: the block, the
// plan's period and year, and the patterns that look around a date.
struct Scope {
  std::string_view text;  // the block, folded
  const std::optional<Period>& period;
  int issue_year;
  std::string_view issue_date;  // ISO, empty when the header has none
  const RE2& any_year;
  const RE2& recurring_words;
  const RE2& day_before;
  const RE2& day_named;  // "ngày 15", "01 lần/": a sentence that dates itself
  const RE2& report;     // "báo cáo"
};

// One match of a trigger pattern: g[0] lies at [at, end) of scope.text.
struct Match {
  const Groups& g;
  size_t at, end;
  const Scope& scope;
};

// Turns a match into a deadline, or refuses it (false): the match then
// leaves its text to the patterns after it.
using Handler = bool (*)(const Match& m, Deadline& d);

// A recurring deadline lasts as long as the plan.
void PlanBounds(const Scope& s, Deadline& d) {
  if (!s.period) return;
  d.start = FormatIsoDate({s.period->from, 1, 1});
  d.end = FormatIsoDate({s.period->to, 12, 31});
}

// A year for a date that has none: from the sentence, else the plan.
// `*recurs` is set when the sentence says the date comes every year.
int YearFor(const Match& m, bool* recurs) {
  const Scope& s = m.scope;
  const auto [sb, se] = SentenceAround(s.text, m.at, m.end);
  const std::string_view before = s.text.substr(sb, m.at - sb);
  const std::string_view after = s.text.substr(m.end, se - m.end);
  std::string y;
  if (RE2::PartialMatch(before, s.any_year, &y) || RE2::PartialMatch(after, s.any_year, &y))
    return ToInt(y);
  *recurs = RE2::PartialMatch(before, s.recurring_words) ||
            RE2::PartialMatch(after, s.recurring_words);
  if (*recurs) return 0;
  if (s.period && s.period->from == s.period->to) return s.period->from;
  if (!s.period) return s.issue_year;
  return 0;
}

// A span from the first day to the last, both in years a plan may speak of.
bool SetPeriod(Deadline& d, const CivilDate& first, const CivilDate& last) {
  if (first.year < kFirstPlanYear || last.year < first.year || last.year > kLastPlanYear)
    return false;
  d.kind = DeadlineKind::kPeriod;
  d.start = FormatIsoDate(first);
  d.end = FormatIsoDate(last);
  return true;
}

// A school year runs from 1 September to 31 May.
bool SetSchoolYears(Deadline& d, int first_autumn, int last_spring) {
  return SetPeriod(d, {first_autumn, 9, 1}, {last_spring, 5, 31});
}

// Whole months, from the first day of one to the last day of another.
bool SetMonths(Deadline& d, int year, int first_month, int last_month) {
  return SetPeriod(d, {year, first_month, 1},
                   {year, last_month, DaysInMonth(year, last_month)});
}

// "từ ngày 15 đến ngày 20 của tháng cuối quý": those days of March, June,
// September and December.
bool SetQuarterly(const Match& m, Deadline& d, int from, int to) {
  if (from < 1 || to > 31 || from > to) return false;
  std::string days;
  for (int day = from; day <= to; ++day) {
    if (!days.empty()) days.push_back(',');
    days.append(std::to_string(day));
  }
  d.kind = DeadlineKind::kRecurring;
  d.recurrence = "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=" + days;
  PlanBounds(m.scope, d);
  return true;
}

bool Quarterly(const Match& m, Deadline& d) {
  return SetQuarterly(m, d, ToInt(m.g[1]), ToInt(m.g[2]));
}

// "trước ngày 20 tháng cuối quý": that day of each quarter's last month.
bool QuarterEnd(const Match& m, Deadline& d) {
  const int day = ToInt(m.g[1]);
  return SetQuarterly(m, d, day, day);
}

// "Định kỳ hằng quý báo cáo …", "Định kỳ 6 tháng, … báo cáo" (real
// qn-2352-ct) with no day: the rhythm of a report (not
// "Định kỳ hằng năm, lựa chọn … khen thưởng", corpus 000). A sentence
// that names a day ("định kỳ hằng năm (trước ngày 15 tháng 12)") is left to
// the patterns that read it.
bool Periodic(const Match& m, Deadline& d) {
  const auto [sb, se] = SentenceAround(m.scope.text, m.at, m.end);
  const std::string_view sentence = m.scope.text.substr(sb, se - sb);
  if (RE2::PartialMatch(sentence, m.scope.day_named) ||
      !RE2::PartialMatch(sentence, m.scope.report))
    return false;
  const std::string_view every = m.g[1];
  d.kind = DeadlineKind::kRecurring;
  if (every.empty()) {  // "Định kỳ 6 tháng": every so many months
    const int months = ToInt(m.g[2]);
    if (months < 1 || months > 12) return false;
    d.recurrence = months == 12  ? std::string("FREQ=YEARLY")
                   : months == 1 ? std::string("FREQ=MONTHLY")
                                 : "FREQ=MONTHLY;INTERVAL=" + std::to_string(months);
  } else {
    d.recurrence = every[0] == 'q'   ? "FREQ=MONTHLY;INTERVAL=3"
                   : every[0] == 'n' ? "FREQ=YEARLY"
                                     : "FREQ=MONTHLY";
  }
  PlanBounds(m.scope, d);
  return true;
}

// "trước ngày 16 hàng tháng": that day of every month.
bool Monthly(const Match& m, Deadline& d) {
  const int day = ToInt(m.g[1]);
  if (day < 1 || day > 31) return false;
  d.kind = DeadlineKind::kRecurring;
  d.recurrence = "FREQ=MONTHLY;BYMONTHDAY=" + std::to_string(day);
  PlanBounds(m.scope, d);
  return true;
}

// "Thời gian: ngày 18 tháng 4 năm 2026", "Ngày 18/4/2026: khai mạc": a
// timetable's day, stated with its year.
bool Scheduled(const Match& m, Deadline& d) {
  const DayMonth date = ReadDate(m.g, 1);
  if (date.year == 0) return false;
  d.kind = DeadlineKind::kEvent;
  d.date = IsoDate(date.year, date.month, date.day);
  return d.date.has_value();
}

// "từ ngày 05/6 đến ngày 20/6/2024".
bool Window(const Match& m, Deadline& d) {
  DayMonth a = ReadDate(m.g, 1), z = ReadDate(m.g, 7);
  bool recurs = false;
  if (z.year == 0) z.year = YearFor(m, &recurs);
  if (a.year == 0) a.year = z.year;
  d.kind = DeadlineKind::kWindow;
  d.start = IsoDate(a.year, a.month, a.day);
  d.end = IsoDate(z.year, z.month, z.day);
  return true;
}

// "trước ngày 20/10/2017", "chậm nhất ngày 05/6 hàng năm".
bool Due(const Match& m, Deadline& d) {
  DayMonth date = ReadDate(m.g, 1);
  if (date.month < 1 || date.month > 12 || date.day < 1 || date.day > 31) return false;
  bool recurs = false;
  if (date.year == 0) date.year = YearFor(m, &recurs);
  if (recurs) {
    d.kind = DeadlineKind::kRecurring;
    d.recurrence = "FREQ=YEARLY;BYMONTH=" + std::to_string(date.month) +
                   ";BYMONTHDAY=" + std::to_string(date.day);
    PlanBounds(m.scope, d);
  } else {
    d.kind = DeadlineKind::kDue;
    d.date = IsoDate(date.year, date.month, date.day);
  }
  return true;
}

// "vào ngày 25/5", "khai mạc ngày ...".
bool Event(const Match& m, Deadline& d) {
  DayMonth date = ReadDate(m.g, 1);
  bool recurs = false;
  if (date.year == 0) date.year = YearFor(m, &recurs);
  d.kind = DeadlineKind::kEvent;
  d.date = IsoDate(date.year, date.month, date.day);
  return d.date.has_value();
}

// "02 lần/năm", "01 buổi/tuần".
bool Frequency(const Match& m, Deadline& d) {
  const Groups& g = m.g;
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
    d.recurrence =
        "FREQ=MONTHLY" + (interval == 1 ? std::string() : ";INTERVAL=" + std::to_string(interval));
  } else {
    return false;
  }
  d.kind = DeadlineKind::kRecurring;
  PlanBounds(m.scope, d);
  return true;
}

// "từ năm học 2016-2017 đến năm học 2019-2020".
bool SchoolRange(const Match& m, Deadline& d) {
  return SetSchoolYears(d, ToInt(m.g[1]), ToInt(m.g[4]));
}

// "từ năm 2016 đến năm 2020".
bool YearRange(const Match& m, Deadline& d) {
  return SetPeriod(d, {ToInt(m.g[1]), 1, 1}, {ToInt(m.g[2]), 12, 31});
}

// "từ nay đến hết năm 2025": from the document's date (null when it has
// none) to the end of that year.
bool FromNow(const Match& m, Deadline& d) {
  const int last = ToInt(m.g[1]);
  if (last < kFirstPlanYear || last > kLastPlanYear) return false;
  d.kind = DeadlineKind::kPeriod;
  if (!m.scope.issue_date.empty()) d.start = std::string(m.scope.issue_date);
  d.end = FormatIsoDate({last, 12, 31});
  return true;
}

// "quý III/2024".
bool Quarter(const Match& m, Deadline& d) {
  const std::string_view q = m.g[1];
  const int n = q == "iv" ? 4 : q[0] == 'i' ? static_cast<int>(q.size()) : ToInt(q);
  if (n < 1 || n > 4) return false;
  return SetMonths(d, ToInt(m.g[2]), 3 * n - 2, 3 * n);
}

// "tháng 10/2024" is a month; "07 tháng 4 năm 2014" is a day.
bool Month(const Match& m, Deadline& d) {
  const std::string_view f = m.scope.text;
  const size_t at = m.at;
  if (RE2::PartialMatch(f.substr(at > 6 ? at - 6 : 0, at > 6 ? 6 : at), m.scope.day_before))
    return false;
  const int month = ToInt(m.g[1]), y = ToInt(m.g[2]);
  if (month < 1 || month > 12) return false;
  return SetMonths(d, y, month, month);
}

// "cuối năm 2024": its last quarter.
bool YearEnd(const Match& m, Deadline& d) {
  return SetMonths(d, ToInt(m.g[1]), 10, 12);
}

// "năm học 2023-2024".
bool SchoolYear(const Match& m, Deadline& d) {
  if (ToInt(m.g[2]) != ToInt(m.g[1]) + 1) return false;
  return SetSchoolYears(d, ToInt(m.g[1]), ToInt(m.g[2]));
}

// "trong năm 2024"; "năm 2016-2020" is a span, not a year.
bool WholeYear(const Match& m, Deadline& d) {
  if (!m.g[2].empty()) return false;
  return SetMonths(d, ToInt(m.g[1]), 1, 12);
}

}  // namespace

struct DeadlineFinder::Context {
  std::optional<Period> period;
  int issue_year = 0;
  std::string issue_date;
  // By section index, not number: a decision's articles and its attached
  // plan's parts, or a document's own repeated "IV.", share numbers.
  std::map<int, std::vector<std::string>> responsible;
};

struct DeadlineFinder::Patterns {
  RE2 day_before{R"(\d\s*$)"};
  RE2 day_named{R"(ng\S{1,2}y\s*\d|\d\s*l\S{1,2}n\s*/)"};
  RE2 report{R"(b\S{1,2}o c\S{1,2}o)"};
  RE2 recurring_words{R"(h\S{1,2}ng n\S{1,2}m|\S{1,2}nh k\S\b)"};
  RE2 any_year{R"(\b((?:19|20)\d{2})\b)"};
  RE2 bare_years{R"(\s*(\d{4})(?:\s*[-–]\s*(\d{4}))?\s*)"};
  // The deadline patterns in the order they are tried: text one of them
  // takes is not read again by those after it.
  std::vector<std::pair<std::unique_ptr<RE2>, Handler>> triggers;
  std::unique_ptr<PatternSet> present;  // which of `triggers` a block holds
  Patterns() {
    const std::string date = kDate, gap = kGap, clock = kClock;
    const std::pair<std::string, Handler> table[] = {
        {R"(t\S{0,2} ng\S{1,2}y (\d{1,2}) [dpb]\S{1,2}n (?:h\S{1,2}t )?ng\S{1,2}y (\d{1,2}) (?:c\S{1,2}a )?th\S{1,4} cu\S{1,3} (?:m\S{1,3}|h\S{1,3}ng|c\S{1,2}a m\S{1,3}) qu\S)",
         Quarterly},
        {R"((?:tr\S{1,2}c|ch\S{1,2}m nh\S{1,2}t|h\S{1,2}n ch\S{1,2}t)[\s*_]*ng\S{1,2}y (\d{1,2}) (?:c\S{1,2}a )?th\S{1,4} cu\S{1,3} (?:m\S{1,3} |h\S{1,3}ng |c\S{1,2}a m\S{1,3} )?qu\S)",
         QuarterEnd},
        {R"(t\S{0,2} )" + clock + R"(ng\S{1,2}y )" + date +
             R"( [dpb]\S{1,2}n (?:h\S{1,2}t )?)" + clock + R"(ng\S{1,2}y )" + date,
         Window},
        {R"((?:tr\S{1,2}c|ch\S{1,2}m nh\S{1,2}t|h\S{1,2}n ch\S{1,2}t)[\s*_]*:?[\s*_]*ng\S{1,2}y)" + gap +
             R"((\d{1,2}))" + gap + R"((?:h\S{1,2}ng|m\S{1,2}i) th\S{1,2}ng)",
         Monthly},
        // "trước 17 giờ ngày 27/11/2025": a Công điện's hour, as a window's.
        {R"((?:tr\S{1,2}c|ch\S{1,2}m nh\S{1,2}t(?: l\S)?(?: v\S{1,2}o)?|h\S{1,2}n ch\S{1,2}t|h\S{1,2}n cu\S{1,2}i|kh\S{1,2}ng mu\S{1,2}n h\S{1,2}n)[\s*_]*:?[\s*_]*)" +
             clock + R"(ng\S{1,2}y)" + gap + date,
         Due},
        {R"((?:v\S{1,2}o|l\S{1,2}c [^,;]{0,25}?|di\S{1,2}n ra|khai m\S{1,2}c)[\s*_]+ng\S{1,2}y)" + gap + date,
         Event},
        {R"((?:^|th\S{1,2}i gian[^:;.]{0,30}:)[\s*_]*(?:ng\S{1,2}y)?[\s*_]*)" + date +
             R"((?:[\s*_]*[:-]|[\s*_.]*$))",
         Scheduled},
        {R"((\d{1,2})\s*(?:l\S{1,2}n|bu\S{1,2}i)\s*/\s*(th\S{1,3}ng|qu\S|n\S{1,2}m|tu\S{1,2}n))",
         Frequency},
        {R"(t\S{1,2} n\S{1,2}m h\S{1,2}c (\d{4})\s*-?\s*(\d{4}) [dpb]\S{1,2}n(?: h\S{1,2}t)? n\S{1,2}m h\S{1,2}c (\d{4})\s*-?\s*(\d{4}))",
         SchoolRange},
        {R"(t\S{1,2} n\S{1,2}m (\d{4}) [dpb]\S{1,2}n(?: h\S{1,2}t)? n\S{1,2}m (\d{4}))", YearRange},
        // "Thời gian thực hiện: giai đoạn 2026-2030"; not a plan's period
        // named in passing ("Tuyên truyền giai đoạn …", "Trong giai đoạn
        // 2016 - 2020, toàn ngành phấn đấu …": corpus 002, 004).
        {R"((?:th\S{1,2}i gian[^:;.]{0,30}:\s*)giai [dpb]o\S{1,2}n (\d{4})\s*-\s*(\d{4}))",
         YearRange},
        {R"(t\S{1,2} nay [dpb]\S{1,2}n(?: h\S{1,2}t)?(?: n\S{1,2}m)? (\d{4}))", FromNow},
        {R"(qu\S (iv|i{1,3}|[1-4])(?:\s*/\s*|\s+n\S{1,2}m\s+)(\d{4}))", Quarter},
        {R"(\bth\S{1,4}\s+(\d{1,2})(?:\s*/\s*|\s+n\S{1,2}m\s+)(\d{4}))", Month},
        {R"(cu\S{1,2}i n\S{1,2}m (\d{4}))", YearEnd},
        {R"(n\S{1,2}m h\S{1,2}c (\d{4})\s*[- ]\s*(\d{4}))", SchoolYear},
        {R"((?:^|v\S{1,2}o |trong |:\s*)n\S{1,2}m (\d{4})\b(\s*-\s*\d{4})?)", WholeYear},
        {R"([dpb]\S{1,2}nh k\S (?:(?:h\S{1,2}ng|m\S{1,2}i) (th\S{1,3}ng|qu\S|n\S{1,2}m)|(\d{1,2}) th\S{1,3}ng)\b)",
         Periodic},
    };
    std::vector<const RE2*> all;
    for (const auto& [pattern, handler] : table) {
      triggers.emplace_back(std::make_unique<RE2>(pattern), handler);
      all.push_back(triggers.back().first.get());
    }
    present = std::make_unique<PatternSet>(all);
  }
};


DeadlineFinder::DeadlineFinder(const AssignmentFinder& assignments)
    : assignments_(assignments), re_(std::make_unique<Patterns>()) {}
DeadlineFinder::~DeadlineFinder() = default;

DeadlineFinder::Context DeadlineFinder::ContextOf(const Header& header) {
  Context context;
  context.period = header.period;
  if (header.date) {
    context.issue_year = ParseIsoDate(*header.date).value_or(CivilDate{}).year;
    context.issue_date = *header.date;
  }
  return context;
}

void DeadlineFinder::FindInCell(const Block& cell, const Header& header,
                                const std::string& section, const std::string& task,
                                const std::vector<std::string>& leads, bool due,
                                std::vector<Deadline>& out) const {
  const size_t first = out.size();
  FindInUnit({&cell, -1, false}, section, ContextOf(header), out);
  // A time column's bare "2026" or "2026-2027" is that whole span.
  std::string from, to;
  if (out.size() == first && RE2::FullMatch(cell.folded.text, re_->bare_years, &from, &to)) {
    Deadline d;
    if (SetPeriod(d, {ToInt(from), 1, 1}, {ToInt(to.empty() ? from : to), 12, 31})) {
      d.text = TrimEntry(cell.text);
      d.section = section;
      d.line = cell.first_line();
      out.push_back(std::move(d));
    }
  }
  for (size_t i = first; i < out.size(); ++i) {
    Deadline& d = out[i];
    // The cell holds only the time: the task and its lead are the row's.
    if (!task.empty()) d.action = task;
    if (d.responsible.empty()) d.responsible = leads;
    if (due && d.kind == DeadlineKind::kEvent) d.kind = DeadlineKind::kDue;
  }
}

std::vector<Deadline> DeadlineFinder::Find(
    const Outline& outline, const Header& header,
    const std::vector<Assignment>& assignments) const {
  Context context = ContextOf(header);
  // A section headed by an agency ("1.1. Văn phòng Sở") makes it
  // responsible for the deadlines inside.
  // The heading it names is the one at the assignment's line with its number.
  std::map<std::pair<std::string, int>, int> headings;  // (number, line) -> index
  for (size_t i = 0; i < outline.infos.size(); ++i)
    headings.emplace(std::pair(outline.infos[i].number, outline.infos[i].line),
                     static_cast<int>(i));
  for (const Assignment& a : assignments) {
    const auto heading = headings.find({a.section, a.line});
    if (heading != headings.end())
      context.responsible.emplace(heading->second, std::vector<std::string>{a.assignee});
  }
  std::vector<Deadline> out;
  for (const BodyUnit& unit : outline.units)
    if (unit.section >= 0)
      FindInUnit(unit, outline.infos[static_cast<size_t>(unit.section)].number, context, out);
  return out;
}

void DeadlineFinder::Describe(const Block& b, size_t at, size_t end, int section,
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
    auto it = context.responsible.find(section);
    if (it != context.responsible.end()) d.responsible = it->second;
  }
  d.line = b.LineAtFolded(at);
}

void DeadlineFinder::FindInUnit(const BodyUnit& unit, const std::string& section,
                                const Context& context,
                                std::vector<Deadline>& out) const {
  const Block& b = *unit.block;
  const std::string_view f = b.folded.text;
  // Only "định kỳ hằng quý" is dated without a digit.
  if (f.find_first_of("0123456789") == std::string_view::npos && f.find(" k") == std::string_view::npos)
    return;
  const Scope scope{f,           context.period,         context.issue_year,
                    context.issue_date, re_->any_year,  re_->recurring_words,
                    re_->day_before,    re_->day_named,     re_->report};
  std::vector<std::pair<size_t, size_t>> taken;
  const std::vector<bool> hit = re_->present->Hits(f);
  for (size_t k = 0; k < re_->triggers.size(); ++k) {
    if (!hit[k]) continue;
    // Named, not a structured binding: clang 14 cannot capture a binding.
    const auto& re = std::get<0>(re_->triggers[k]);
    const auto& handler = std::get<1>(re_->triggers[k]);
    ForEachMatch(*re, f, [&](const Groups& g) {
      const size_t at = OffsetIn(f, g[0]), end = at + g[0].size();
      for (auto [tb, te] : taken)
        if (at < te && tb < end) return;
      Deadline d;
      d.section = section;
      if (!handler(Match{g, at, end, scope}, d)) return;
      taken.emplace_back(at, end);
      Describe(b, at, end, unit.section, context, d);
      out.push_back(std::move(d));
    });
  }
  std::stable_sort(out.end() - static_cast<long>(taken.size()), out.end(),
                   [](const Deadline& a, const Deadline& z) { return a.line < z.line; });
}

}  // namespace vnplan::internal
