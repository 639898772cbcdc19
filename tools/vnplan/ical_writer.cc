#include "tools/vnplan/ical_writer.h"

#include <libical/ical.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>

#include "src/text/calendar.h"
#include "src/text/textutil.h"
#include "tools/vnplan/plan_file.h"
#include "vnplan/pipeline.h"
#include "vnplan/plan.h"

namespace vnplan {
namespace {

using Json = nlohmann::json;
using internal::CivilDate;

// Calendar apps show a title on one or two lines; 160 bytes is about 60
// Vietnamese letters (two bytes each with their marks) plus spaces. The
// whole text is in the description.
constexpr size_t kSummaryBytes = 160;
// A rule's first day is looked for this far after its start: a yearly
// rule that matches no day in two years matches none ("BYMONTH=2;
// BYMONTHDAY=30").
constexpr int kFirstInstanceSearchDays = 2 * 366;

// An event's days: DTSTART, the number of days it lasts, the rule it repeats by.
struct EventDays {
  CivilDate start;
  int days = 1;
  std::string rule;
  std::optional<CivilDate> until;
};

bool Before(const CivilDate& a, const CivilDate& b) {
  return internal::DayNumber(a) < internal::DayNumber(b);
}

icaltimetype DateValue(const CivilDate& d) {
  icaltimetype t = icaltime_null_time();  // every field 0, the time of day too
  t.is_date = 1;
  t.year = d.year;
  t.month = d.month;
  t.day = d.day;
  return t;
}

bool Contains(const std::vector<int>& list, int value) {
  return list.empty() || std::find(list.begin(), list.end(), value) != list.end();
}

// A rule whose BYMONTHDAY is a run of two or more days (15,16,...,20)
// becomes one rule on the run's first day and the run's length.
int FoldDayRun(std::string* rule) {
  std::vector<int> days = RuleNumbers(*rule, "BYMONTHDAY").value_or(std::vector<int>());
  if (days.size() < 2) return 1;
  std::sort(days.begin(), days.end());
  for (size_t i = 1; i < days.size(); ++i)
    if (days[i] != days[i - 1] + 1) return 1;
  std::string folded;
  for (size_t at = 0; at <= rule->size();) {
    const size_t end = std::min(rule->find(';', at), rule->size());
    std::string part = rule->substr(at, end - at);
    if (part.rfind("BYMONTHDAY=", 0) == 0) part = "BYMONTHDAY=" + std::to_string(days.front());
    folded.append(folded.empty() ? "" : ";").append(part);
    at = end + 1;
  }
  *rule = folded;
  return static_cast<int>(days.size());
}

// The first day on or after `from` that the rule's BYMONTH and BYMONTHDAY
// pick, so that DTSTART is an instance of its RRULE (RFC 5545 3.8.5.3).
std::optional<CivilDate> FirstInstance(const std::string& rule, const CivilDate& from) {
  const std::vector<int> months = RuleNumbers(rule, "BYMONTH").value_or(std::vector<int>());
  const std::vector<int> days = RuleNumbers(rule, "BYMONTHDAY").value_or(std::vector<int>());
  CivilDate day = from;
  for (int i = 0; i < kFirstInstanceSearchDays; ++i, day = internal::NextDay(day))
    if (Contains(months, day.month) && Contains(days, day.day)) return day;
  return std::nullopt;
}

enum class Outcome { kEvent, kUndated, kContradictory };

// The days of a deadline's event, or why it has none.
Outcome DaysOf(const Json& d, const Json& doc, EventDays* out) {
  const std::optional<DeadlineKind> kind = ParseDeadlineKind(Text(Field(d, "kind")));
  const auto date = DateField(Field(d, "date")), start = DateField(Field(d, "start")),
             end = DateField(Field(d, "end"));
  if ((kind == DeadlineKind::kDue || kind == DeadlineKind::kEvent) && date) {
    out->start = *date;
    return Outcome::kEvent;
  }
  if ((kind == DeadlineKind::kWindow || kind == DeadlineKind::kPeriod) && start && end) {
    if (Before(*end, *start)) return Outcome::kContradictory;
    out->start = *start;
    out->days = internal::DayNumber(*end) - internal::DayNumber(*start) + 1;
    return Outcome::kEvent;
  }
  if (kind != DeadlineKind::kRecurring || !Field(d, "recurrence").is_string())
    return Outcome::kUndated;
  const auto from = start ? start : DateField(Field(doc, "date"));
  if (!from) return Outcome::kUndated;
  out->rule = Text(Field(d, "recurrence"));
  out->days = FoldDayRun(&out->rule);
  const std::optional<CivilDate> first = FirstInstance(out->rule, *from);
  if (!first || (end && Before(*end, *first))) return Outcome::kContradictory;
  out->start = *first;
  out->until = end;
  return Outcome::kEvent;
}

// Stable: the plan's identity and the deadline's own words, and which of
// the plan's deadlines with those same words it is.
std::string Uid(const Json& plan, const Json& d, int repeat) {
  const Json& doc = Field(plan, "document");
  std::string key;
  for (const Json* v : {&Field(doc, "number"), &Field(doc, "symbol"), &Field(doc, "date")})
    key.append(Text(*v)).push_back('|');
  if (key == "|||") key = Text(Field(Field(plan, "source"), "sha256")) + "|";
  key.append(Text(Field(d, "kind"))).push_back('|');
  key.append(Text(Field(d, "text"))).push_back('|');
  key.append(std::to_string(repeat));
  return InputDigest(key).substr(0, 32) + "@vnplan";
}

std::string Description(const Json& plan, const Json& d) {
  std::string text = Text(Field(d, "text"));
  text.append("\n").append(PlanName(plan)).append(", mục ").append(Text(Field(d, "section")));
  text.append(", dòng ").append(Text(Field(d, "line")));
  std::string responsible;
  for (const Json& r : Field(d, "responsible"))
    responsible.append(responsible.empty() ? "" : "; ").append(Text(r));
  if (!responsible.empty()) text.append("\n").append(responsible);
  return text;
}

// The VEVENT of deadline `d`; nullptr if libical refuses its rule.
icalcomponent* Event(const Json& plan, const Json& d, int repeat, const EventDays& days) {
  icalrecurrencetype recur{};
  if (!days.rule.empty()) {
    recur = icalrecurrencetype_from_string(days.rule.c_str());
    icalerror_clear_errno();
    if (recur.freq == ICAL_NO_RECURRENCE) return nullptr;
    if (days.until) recur.until = DateValue(*days.until);
  }
  icalcomponent* event = icalcomponent_new(ICAL_VEVENT_COMPONENT);
  icalcomponent_add_property(event, icalproperty_new_uid(Uid(plan, d, repeat).c_str()));
  // DTSTAMP is the plan's date, not the clock's: the same plans give the
  // same bytes.
  const auto plan_date = DateField(Field(Field(plan, "document"), "date"));
  icaltimetype stamp = DateValue(plan_date.value_or(CivilDate{2000, 1, 1}));
  stamp.is_date = 0;
  stamp.zone = icaltimezone_get_utc_timezone();
  icalcomponent_add_property(event, icalproperty_new_dtstamp(stamp));
  icalcomponent_add_property(event, icalproperty_new_dtstart(DateValue(days.start)));
  CivilDate end = days.start;  // all-day ends are exclusive: the day after the last
  for (int i = 0; i < days.days; ++i) end = internal::NextDay(end);
  icalcomponent_add_property(event, icalproperty_new_dtend(DateValue(end)));
  if (!days.rule.empty()) icalcomponent_add_property(event, icalproperty_new_rrule(recur));
  const std::string action = Text(Field(d, "action"));
  const std::string summary = CutAtWord(action.empty() ? Text(Field(d, "text")) : action,
                                        kSummaryBytes);
  icalcomponent_add_property(event, icalproperty_new_summary(summary.c_str()));
  icalcomponent_add_property(event,
                             icalproperty_new_description(Description(plan, d).c_str()));
  return event;
}

}  // namespace

std::string CutAtWord(const std::string& text, size_t bytes) {
  if (text.size() <= bytes) return text;
  static constexpr std::string_view kEllipsis = "…";
  const std::string cut = internal::TruncateUtf8(text, bytes - kEllipsis.size());
  const size_t space = cut.find_last_of(' ');
  const bool at_word = text[cut.size()] == ' ';
  std::string kept = at_word || space == std::string::npos || space == 0 ? cut : cut.substr(0, space);
  while (!kept.empty() && (kept.back() == ' ' || kept.back() == ',' || kept.back() == ';'))
    kept.pop_back();
  return kept + std::string(kEllipsis);
}

std::string DeadlinesToIcs(const std::vector<Json>& plans, IcsLeftOut* left_out) {
  *left_out = {};
  using Calendar = std::unique_ptr<icalcomponent, decltype(&icalcomponent_free)>;
  Calendar calendar(icalcomponent_new(ICAL_VCALENDAR_COMPONENT), &icalcomponent_free);
  icalcomponent_add_property(calendar.get(), icalproperty_new_version("2.0"));
  icalcomponent_add_property(calendar.get(),
                             icalproperty_new_prodid("-//vnplan//plan deadlines//VI"));
  icalcomponent_add_property(calendar.get(), icalproperty_new_calscale("GREGORIAN"));
  for (const Json& plan : plans) {
    std::map<std::string, int> seen;  // kind|text -> how many so far
    for (const Json& d : Field(plan, "deadlines")) {
      const int repeat = seen[Text(Field(d, "kind")) + "|" + Text(Field(d, "text"))]++;
      EventDays days;
      const Outcome outcome = DaysOf(d, Field(plan, "document"), &days);
      icalcomponent* event = outcome == Outcome::kEvent ? Event(plan, d, repeat, days) : nullptr;
      if (event != nullptr)
        icalcomponent_add_component(calendar.get(), event);
      else if (outcome == Outcome::kUndated)
        ++left_out->undated;
      else
        ++left_out->contradictory;
    }
  }
  char* text = icalcomponent_as_ical_string_r(calendar.get());
  std::string out = text == nullptr ? "" : text;
  std::free(text);
  return out;
}

}  // namespace vnplan
