// The calendar: month lengths and leap years, ISO dates made and read, and
// the day arithmetic of the exports and the timeline.
#include <gtest/gtest.h>

#include "src/text/calendar.h"

namespace vnplan::internal {
namespace {

TEST(Calendar, LeapYearsAndMonthLengths) {
  EXPECT_TRUE(IsLeapYear(2024));
  EXPECT_TRUE(IsLeapYear(2000));
  EXPECT_FALSE(IsLeapYear(1900));
  EXPECT_FALSE(IsLeapYear(2023));
  EXPECT_EQ(DaysInMonth(2024, 2), 29);
  EXPECT_EQ(DaysInMonth(2023, 2), 28);
  EXPECT_EQ(DaysInMonth(2023, 4), 30);
  EXPECT_EQ(DaysInMonth(2023, 12), 31);
  EXPECT_EQ(DaysInMonth(2023, 0), 0);  // no kDays[-1]
  EXPECT_EQ(DaysInMonth(2023, 13), 0);
}

TEST(Calendar, IsoDateRejectsDaysThatDoNotExistAndYearsNoPlanSpeaksOf) {
  EXPECT_EQ(IsoDate(2023, 3, 8), "2023-03-08");
  EXPECT_EQ(IsoDate(2024, 2, 29), "2024-02-29");
  EXPECT_FALSE(IsoDate(2023, 2, 29));
  EXPECT_FALSE(IsoDate(2023, 13, 1));
  EXPECT_FALSE(IsoDate(2023, 0, 1));
  EXPECT_FALSE(IsoDate(2023, 4, 31));
  EXPECT_FALSE(IsoDate(2023, 4, 0));
  EXPECT_FALSE(IsoDate(1899, 1, 1));
  EXPECT_FALSE(IsoDate(2200, 1, 1));
}

TEST(Calendar, ParsesOnlyWholeIsoDatesOfRealDays) {
  const auto date = ParseIsoDate("2016-06-05");
  ASSERT_TRUE(date.has_value());
  EXPECT_EQ(date->year, 2016);
  EXPECT_EQ(date->month, 6);
  EXPECT_EQ(date->day, 5);
  for (const char* bad : {"2016", "abcd-ef-gh", "2016-13-01", "2016-00-10", "2016-02-30",
                          "2016-6-05", "2016-06-05T00", " 2016-06-05", "2016/06/05", "+016-06-05",
                          ""})
    EXPECT_FALSE(ParseIsoDate(bad).has_value()) << bad;
  EXPECT_TRUE(ParseIsoDate("2024-02-29").has_value());
}

TEST(Calendar, FormatsBothWays) {
  EXPECT_EQ(FormatIsoDate({2016, 6, 5}), "2016-06-05");
  EXPECT_EQ(FormatBasicDate({2016, 6, 5}), "20160605");
}

TEST(Calendar, NextDayRollsOverMonthsYearsAndLeapDays) {
  auto next = [](CivilDate d) { return FormatIsoDate(NextDay(d)); };
  EXPECT_EQ(next({2016, 6, 5}), "2016-06-06");
  EXPECT_EQ(next({2016, 6, 30}), "2016-07-01");
  EXPECT_EQ(next({2016, 12, 31}), "2017-01-01");
  EXPECT_EQ(next({2024, 2, 28}), "2024-02-29");
  EXPECT_EQ(next({2023, 2, 28}), "2023-03-01");
}

TEST(Calendar, DayNumbersCountFromTheEpoch) {
  EXPECT_EQ(DayNumber({1970, 1, 1}), 0);
  EXPECT_EQ(DayNumber({1970, 1, 2}), 1);
  EXPECT_EQ(DayNumber({1969, 12, 31}), -1);
  EXPECT_EQ(DayNumber({2000, 3, 1}) - DayNumber({2000, 2, 28}), 2);  // 2000 is leap
  EXPECT_EQ(DayNumber({2024, 1, 1}), 19723);
}

}  // namespace
}  // namespace vnplan::internal
