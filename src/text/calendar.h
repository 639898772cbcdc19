// The Gregorian calendar, written once: leap years, month lengths, ISO 8601
// dates ("2023-03-08") and the day arithmetic the exports and the
// comparison's timeline need.
#ifndef VNPLAN_TEXT_CALENDAR_H_
#define VNPLAN_TEXT_CALENDAR_H_

#include <optional>
#include <string>
#include <string_view>

namespace vnplan::internal {

// A day as written: the fields are not checked (see IsRealDay).
struct CivilDate {
  int year = 0;
  int month = 0;  // 1-12
  int day = 0;    // 1-31
};

bool IsLeapYear(int year);
// Days in `month` (1-12) of `year`; 0 for a month that does not exist.
int DaysInMonth(int year, int month);
// True if the month exists and the day is in it (29 February in leap years).
bool IsRealDay(const CivilDate& date);

// Years a plan may speak of: a year read outside them is a misreading
// (OCR "2O23", a number taken for a year), not a date.
inline constexpr int kFirstPlanYear = 1900;
inline constexpr int kLastPlanYear = 2199;

// "2023-03-08" for a real day of a year from kFirstPlanYear to
// kLastPlanYear; std::nullopt for anything else.
std::optional<std::string> IsoDate(int year, int month, int day);
// "YYYY-MM-DD", zero-padded, the fields as they are.
std::string FormatIsoDate(const CivilDate& date);
// "YYYYMMDD": RFC 5545's DATE value.
std::string FormatBasicDate(const CivilDate& date);
// The date of exactly "YYYY-MM-DD" (four, two and two digits) naming a real
// day; std::nullopt for anything else ("2016", "abcd-ef-gh", "2016-13-01").
std::optional<CivilDate> ParseIsoDate(std::string_view text);

// The day after `date`; a day past its month's end rolls into the next.
CivilDate NextDay(const CivilDate& date);
// Days from 1970-01-01 to `date` (negative before), for spacing dates on a
// line. Days past a month's end count on into the next month.
int DayNumber(const CivilDate& date);

}  // namespace vnplan::internal

#endif  // VNPLAN_TEXT_CALENDAR_H_
