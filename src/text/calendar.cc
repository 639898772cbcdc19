#include "src/text/calendar.h"

#include <cstdio>

namespace vnplan::internal {
namespace {

// "%04d-%02d-%02d"-like, for any int fields.
std::string Format(const char* pattern, const CivilDate& date) {
  char buf[48];
  std::snprintf(buf, sizeof buf, pattern, date.year, date.month, date.day);
  return buf;
}

// The value of `digits` if it is all ASCII digits, else -1.
int Digits(std::string_view digits) {
  int value = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

}  // namespace

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

bool IsRealDay(const CivilDate& date) {
  return date.day >= 1 && date.day <= DaysInMonth(date.year, date.month);
}

std::optional<std::string> IsoDate(int year, int month, int day) {
  const CivilDate date{year, month, day};
  if (year < kFirstPlanYear || year > kLastPlanYear || !IsRealDay(date)) return std::nullopt;
  return FormatIsoDate(date);
}

std::string FormatIsoDate(const CivilDate& date) { return Format("%04d-%02d-%02d", date); }

std::string FormatBasicDate(const CivilDate& date) { return Format("%04d%02d%02d", date); }

std::optional<CivilDate> ParseIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const CivilDate date{Digits(text.substr(0, 4)), Digits(text.substr(5, 2)),
                       Digits(text.substr(8, 2))};
  if (date.year < 0 || !IsRealDay(date)) return std::nullopt;
  return date;
}

CivilDate NextDay(const CivilDate& date) {
  CivilDate next = date;
  if (++next.day > DaysInMonth(next.year, next.month)) next.day = 1, ++next.month;
  if (next.month > 12) next.month = 1, ++next.year;
  return next;
}

int DayNumber(const CivilDate& date) {
  // Howard Hinnant's days_from_civil: years start in March, so that the
  // leap day is the last of its year.
  const int y = date.year - (date.month <= 2);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (date.month + (date.month > 2 ? -3 : 9)) + 2) / 5 + date.day - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

}  // namespace vnplan::internal
