// The deadlines of plans as an iCalendar (RFC 5545) calendar, built with
// libical: it escapes text (commas, semicolons, backslashes, line breaks)
// and folds lines at 75 octets; vnplan validates every value it hands over
// (dates are real days, a recurrence rule is one libical parses), so no
// field of a plan can add a line, a property or an event of its own.
#ifndef VNPLAN_TOOLS_VNPLAN_ICAL_WRITER_H_
#define VNPLAN_TOOLS_VNPLAN_ICAL_WRITER_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace vnplan {

// What the calendar could not hold.
struct IcsLeftOut {
  int undated = 0;         // no day to put it on ("trước ngày 05/6" with no year)
  int contradictory = 0;   // an end before its start, a rule no day matches
};

// The calendar of the deadlines of plans checked by ReadPlans
// (plan_file.h): one all-day event per deadline; a window or a period is
// one event over its days (DTEND the day after the last, never before
// DTSTART); a recurring deadline carries its RRULE, and a run of days in
// it ("BYMONTHDAY=15,16,17,18,19,20") is one event over those days, not
// one per day. Each event's UID is made of the plan's number, symbol and
// date and the deadline's own kind and text, so it stays the same when
// other deadlines are added or removed.
std::string DeadlinesToIcs(const std::vector<nlohmann::json>& plans, IcsLeftOut* left_out);

// A title cut to at most `bytes` bytes at a word boundary, "…" marking the
// cut; a single word longer than that is cut between letters.
std::string CutAtWord(const std::string& text, size_t bytes);

}  // namespace vnplan

#endif  // VNPLAN_TOOLS_VNPLAN_ICAL_WRITER_H_
