// Exports, checked by what reads them: the calendar is parsed, validated
// and its recurrences expanded by libical; the CSV is read back field by
// field.
#include <gtest/gtest.h>
#include <libical/ical.h>
#include <nlohmann/json.hpp>

#include <set>
#include <sstream>

#include "tools/vnplan/exit_code.h"
#include "tools/vnplan/export_command.h"
#include "vnplan/pipeline.h"
#include "tests/support/test_support.h"
#include "vnplan/plan_json.h"

namespace vnplan {
namespace {

std::string PlanJson(const std::string& name) { return testing::CorpusPlanJson(name); }

// A corpus plan as DeadlinesToIcs takes it (plan_file_test checks that
// every corpus plan passes ReadPlans).
std::vector<nlohmann::json> Plans(const std::string& json_text) {
  return {nlohmann::json::parse(json_text)};
}

std::string Date(icaltimetype t) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", t.year, t.month, t.day);
  return buf;
}

TEST(IcsExport, LibicalParsesValidatesAndExpandsTheCalendar) {
  int skipped = 0;
  const std::string ics = DeadlinesToIcs(Plans(PlanJson("004-phu-tho-2016.txt")), &skipped);
  icalcomponent* calendar = icalparser_parse_string(ics.c_str());
  ASSERT_NE(calendar, nullptr);
  EXPECT_EQ(icalcomponent_isa(calendar), ICAL_VCALENDAR_COMPONENT);
  EXPECT_EQ(icalrestriction_check(calendar), 1) << "RFC 5545 restrictions";
  int events = 0;
  bool yearly_checked = false;
  for (icalcomponent* e = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT);
       e != nullptr; e = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT)) {
    ++events;
    EXPECT_EQ(icaltime_is_date(icalcomponent_get_dtstart(e)), 1);
    EXPECT_EQ(icalerrno, ICAL_NO_ERROR);
    icalproperty* rrule = icalcomponent_get_first_property(e, ICAL_RRULE_PROPERTY);
    if (rrule == nullptr) continue;
    const icalrecurrencetype recur = icalproperty_get_rrule(rrule);
    if (recur.freq != ICAL_YEARLY_RECURRENCE || recur.by_month[0] != 6) continue;
    // "trước ngày 05/6 hàng năm" in a 2016-2020 plan: 5 June, 2016 to 2020.
    icalrecur_iterator* it = icalrecur_iterator_new(recur, icalcomponent_get_dtstart(e));
    std::vector<std::string> dates;
    for (icaltimetype t = icalrecur_iterator_next(it); !icaltime_is_null_time(t);
         t = icalrecur_iterator_next(it))
      dates.push_back(Date(t));
    icalrecur_iterator_free(it);
    EXPECT_EQ(dates, (std::vector<std::string>{"2016-06-05", "2017-06-05", "2018-06-05",
                                               "2019-06-05", "2020-06-05"}));
    yearly_checked = true;
  }
  const auto plan = nlohmann::json::parse(PlanJson("004-phu-tho-2016.txt"));
  EXPECT_EQ(events + skipped, static_cast<int>(plan["deadlines"].size()));
  EXPECT_GT(events, 5);
  EXPECT_TRUE(yearly_checked);
  icalcomponent_free(calendar);
}

TEST(IcsExport, QuarterlyWindowAndPeriodsBecomeTheRightEvents) {
  int skipped = 0;
  const std::string ics = DeadlinesToIcs(Plans(PlanJson("000-ninh-binh-2023.restored.txt")), &skipped);
  icalcomponent* calendar = icalparser_parse_string(ics.c_str());
  ASSERT_NE(calendar, nullptr);
  bool quarterly = false, year = false;
  for (icalcomponent* e = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT);
       e != nullptr; e = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT)) {
    const std::string start = Date(icalcomponent_get_dtstart(e));
    const std::string end = Date(icalcomponent_get_dtend(e));
    if (icalproperty* rrule = icalcomponent_get_first_property(e, ICAL_RRULE_PROPERTY)) {
      icalrecur_iterator* it =
          icalrecur_iterator_new(icalproperty_get_rrule(rrule), icalcomponent_get_dtstart(e));
      std::vector<std::string> first;
      for (int i = 0; i < 7; ++i) first.push_back(Date(icalrecur_iterator_next(it)));
      icalrecur_iterator_free(it);
      // 15 to 20 March, then June.
      EXPECT_EQ(first.front(), "2023-03-15");
      EXPECT_EQ(first[5], "2023-03-20");
      EXPECT_EQ(first[6], "2023-06-15");
      quarterly = true;
    } else if (start == "2025-01-01") {
      EXPECT_EQ(end, "2026-01-01");  // "vào năm 2025": the whole year, end exclusive
      year = true;
    }
  }
  EXPECT_TRUE(quarterly);
  EXPECT_TRUE(year);
  icalcomponent_free(calendar);
}

TEST(IcsExport, UidsAreStableAndUnique) {
  int skipped = 0;
  const std::string plan = PlanJson("002-hoa-binh-2017.txt");
  const std::string a = DeadlinesToIcs(Plans(plan), &skipped), b = DeadlinesToIcs(Plans(plan), &skipped);
  EXPECT_EQ(a, b);
  std::set<std::string> uids;
  int count = 0;
  std::istringstream lines(a);
  for (std::string line; std::getline(lines, line);)
    if (line.rfind("UID:", 0) == 0) uids.insert(line), ++count;
  EXPECT_EQ(static_cast<int>(uids.size()), count);
  EXPECT_GT(count, 5);
}

TEST(CsvExport, OneRowPerItemWithThePlanOnEveryRow) {
  const std::string path = testing::OutputDir() + "/004.json";
  testing::WriteFile(path, PlanJson("004-phu-tho-2016.txt"));
  ExportOptions options;
  options.plans = {path};
  options.csv = "targets";
  std::ostringstream out, err;
  ASSERT_EQ(RunExport(options, out, err), 0) << err.str();
  const std::string csv = out.str();
  ASSERT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  std::istringstream rows(csv.substr(3));
  std::string header, row;
  std::getline(rows, header);
  EXPECT_EQ(header, "plan_file,number,symbol,issuer,plan_date,indicator,quantity,quantity_max,"
                    "unit,comparator,section,line,text\r");
  int n = 0;
  while (std::getline(rows, row)) {
    ++n;
    EXPECT_EQ(row.rfind("004-phu-tho-2016.txt,941,KH-SGD&ĐT,Sở Giáo dục và Đào tạo,2016-06-13,", 0), 0u)
        << row;
  }
  EXPECT_EQ(n, static_cast<int>(nlohmann::json::parse(PlanJson("004-phu-tho-2016.txt"))["targets"].size()));
  EXPECT_NE(csv.find("\"Cờ thi đua UBND tỉnh: 72 tập thể trở lên (trong đó: Khối thuộc UBND huyện, "),
            std::string::npos)
      << "a field with commas is quoted";
}

TEST(CsvExport, AStandardOutputThatFailsExitsThree) {
  const std::string path = testing::OutputDir() + "/004-full.json";
  testing::WriteFile(path, PlanJson("004-phu-tho-2016.txt"));
  ExportOptions options;
  options.plans = {path};
  options.csv = "targets";
  std::ostringstream out, err;
  out.setstate(std::ios::badbit);  // as writing to /dev/full leaves it
  EXPECT_EQ(RunExport(options, out, err), kExitOutputFailed);
  EXPECT_NE(err.str().find("cannot write to standard output"), std::string::npos);
}

TEST(CsvExport, RefusesWhatIsNotAPlan) {
  const std::string path = testing::OutputDir() + "/not-a-plan.json";
  testing::WriteFile(path, "{\"hello\": 1}");
  ExportOptions options;
  options.plans = {path};
  options.csv = "deadlines";
  std::ostringstream out, err;
  EXPECT_EQ(RunExport(options, out, err), 1);
  EXPECT_NE(err.str().find("not a vnplan plan JSON"), std::string::npos);
  options.csv.clear();
  EXPECT_EQ(RunExport(options, out, err), 2);  // neither --csv nor --ics
}

}  // namespace
}  // namespace vnplan
