// Every row of the contract's deadline table, on a one-section plan.
#include <gtest/gtest.h>

#include "tests/support/test_support.h"

namespace vnplan {
namespace {

// A plan with the given period in its title and `body` as its only item.
std::vector<Deadline> DeadlinesOf(const std::string& body,
                                  const std::string& period = "giai đoạn 2016 - 2020") {
  return testing::ParseText("Số: 1/KH-SGDĐT Hà Nội, ngày 01 tháng 3 năm 2016\nKẾ HOẠCH\n"
                            "Thi đua " + period + "\nI. TIẾN ĐỘ THỰC HIỆN\n- " + body + "\n")
      .deadlines;
}

TEST(Deadlines, DueDateWithYear) {
  const auto d = DeadlinesOf("Các phòng GD&ĐT và các đơn vị trực thuộc gửi danh sách đăng ký "
                             "về Văn phòng Sở trước ngày 20/10/2017.");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].kind, DeadlineKind::kDue);
  EXPECT_EQ(d[0].date, "2017-10-20");
  EXPECT_EQ(d[0].section, "I");
  EXPECT_EQ(d[0].line, 5);
  EXPECT_EQ(d[0].responsible,
            (std::vector<std::string>{"Các phòng GD&ĐT", "các đơn vị trực thuộc"}));
  EXPECT_EQ(d[0].action, "Các phòng GD&ĐT và các đơn vị trực thuộc gửi danh sách đăng ký về "
                         "Văn phòng Sở");
}

// A Công điện's hour before the day: "trước 17 giờ ngày …" is due that day.
TEST(Deadlines, DueWithAnHourBeforeTheDay) {
  const auto d = DeadlinesOf("Ủy ban nhân dân các tỉnh gửi báo cáo về Văn phòng Chính phủ "
                             "**trước 17 giờ ngày 27/11/2016** để tổng hợp.");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].kind, DeadlineKind::kDue);
  EXPECT_EQ(d[0].date, "2016-11-27");
}

TEST(Deadlines, EventOnAFullDate) {
  const auto d = DeadlinesOf("Hội nghị tổ chức lúc 8 giờ, vào ngày 25 tháng 5 năm 2024 tại Sở.");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].kind, DeadlineKind::kEvent);
  EXPECT_EQ(d[0].date, "2024-05-25");
}

TEST(Deadlines, YearlessDateWithRecurrenceWordsIsRecurringWithinThePeriod) {
  for (const char* body : {"Định kỳ hàng năm, các đơn vị báo cáo trước ngày 15/12.",
                           "Báo cáo về Sở trước ngày 15/12 hằng năm."}) {
    const auto d = DeadlinesOf(body);
    ASSERT_EQ(d.size(), 1u) << body;
    EXPECT_EQ(d[0].kind, DeadlineKind::kRecurring);
    EXPECT_EQ(d[0].recurrence, "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15");
    EXPECT_EQ(d[0].start, "2016-01-01");
    EXPECT_EQ(d[0].end, "2020-12-31");
    EXPECT_FALSE(d[0].date);
  }
}

TEST(Deadlines, YearlessDateTakesTheSentenceYearElseStaysNull) {
  auto d = DeadlinesOf("Trong năm 2018, nộp hồ sơ trước ngày 05/6.");
  ASSERT_FALSE(d.empty());
  EXPECT_EQ(d[0].date, "2018-06-05");
  d = DeadlinesOf("Nộp hồ sơ trước ngày 05/6.");  // multi-year period, no hint
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].kind, DeadlineKind::kDue);
  EXPECT_FALSE(d[0].date);
  d = DeadlinesOf("Nộp hồ sơ trước ngày 05/6.", "năm 2019");  // one-year plan
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].date, "2019-06-05");
}

TEST(Deadlines, QuarterlyWindowIsRecurring) {
  const auto d = DeadlinesOf("Định kỳ từ ngày 15 đến ngày 20 tháng cuối mỗi quý, các đơn vị gửi "
                             "danh sách về Sở.", "giai đoạn 2023-2025");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].kind, DeadlineKind::kRecurring);
  EXPECT_EQ(d[0].recurrence, "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=15,16,17,18,19,20");
  EXPECT_EQ(d[0].start, "2023-01-01");
}

TEST(Deadlines, DatedWindow) {
  const auto d = DeadlinesOf("Tổ chức kiểm tra từ ngày 10/3/2017 đến ngày 20/3/2017.");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].kind, DeadlineKind::kWindow);
  EXPECT_EQ(d[0].start, "2017-03-10");
  EXPECT_EQ(d[0].end, "2017-03-20");
}

TEST(Deadlines, Periods) {
  struct Case {
    const char* body;
    const char* start;
    const char* end;
  } cases[] = {
      {"Năm 2018: Tiếp tục triển khai thực hiện kế hoạch.", "2018-01-01", "2018-12-31"},
      {"Tổ chức hội nghị điển hình tiên tiến vào năm 2025.", "2025-01-01", "2025-12-31"},
      {"Dự kiến quý I năm 2020 tổ chức hội nghị.", "2020-01-01", "2020-03-31"},
      {"Tiến hành sơ kết vào cuối năm 2023.", "2023-10-01", "2023-12-31"},
      {"Giai đoạn 1: Năm học 2016-2017 xây dựng mô hình.", "2016-09-01", "2017-05-31"},
      {"Từ năm học 2017-2018 đến năm học 2018-2019 bồi dưỡng.", "2017-09-01", "2019-05-31"},
      {"Thực hiện tại đơn vị từ năm 2023 đến năm 2025.", "2023-01-01", "2025-12-31"},
      {"Thời gian thực hiện: năm 2018 và các năm tiếp theo.", "2018-01-01", "2018-12-31"},
  };
  for (const Case& c : cases) {
    const auto d = DeadlinesOf(c.body);
    ASSERT_EQ(d.size(), 1u) << c.body;
    EXPECT_EQ(d[0].kind, DeadlineKind::kPeriod) << c.body;
    EXPECT_EQ(d[0].start, c.start) << c.body;
    EXPECT_EQ(d[0].end, c.end) << c.body;
    EXPECT_FALSE(d[0].date);
  }
}

TEST(Deadlines, Frequencies) {
  const auto d = DeadlinesOf("Định kỳ gửi thông tin: 01 lần/tháng/phòng GD&ĐT; 01 lần/quý/đơn vị; "
                             "tổ chức ít nhất 01 lần/năm.");
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d[0].recurrence, "FREQ=MONTHLY");
  EXPECT_EQ(d[1].recurrence, "FREQ=MONTHLY;INTERVAL=3");
  EXPECT_EQ(d[2].recurrence, "FREQ=YEARLY");
}

TEST(Deadlines, PlanPeriodsAndReferenceDatesAreNotDeadlines) {
  EXPECT_TRUE(DeadlinesOf("Tuyên truyền giai đoạn 2023 - 2025 theo Chỉ thị số 34-CT/TW ngày "
                          "07/4/2014 của Bộ Chính trị.")
                  .empty());
}

TEST(Deadlines, EmphasisInsideTheDeadlineIsSpace) {
  const auto d = DeadlinesOf("Định kỳ hàng năm báo cáo về Sở chậm nhất *ngày 17 tháng 12.*");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].recurrence, "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=17");
}

TEST(Deadlines, MonthlyHalfYearlyAndYearlyReports) {
  const auto d = DeadlinesOf("Định kỳ hằng tháng (trước ngày 10 hằng tháng), 6 tháng (trước ngày "
                             "10/7), tổng kết năm (trước ngày 25/11 hằng năm) gửi báo cáo về Sở.");
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d[0].recurrence, "FREQ=MONTHLY;BYMONTHDAY=10");
  EXPECT_EQ(d[1].recurrence, "FREQ=YEARLY;BYMONTH=7;BYMONTHDAY=10");
  EXPECT_EQ(d[2].recurrence, "FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=25");
  EXPECT_EQ(d[0].start, "2016-01-01");
}

TEST(Deadlines, TimetableDaysWithTheirYear) {
  for (const char* body : {"Thời gian tổ chức: ngày 09 tháng 5 năm 2017.",
                           "Ngày 09/5/2017: Khai mạc hội thi cấp tỉnh."}) {
    const auto d = DeadlinesOf(body);
    ASSERT_EQ(d.size(), 1u) << body;
    EXPECT_EQ(d[0].kind, DeadlineKind::kEvent) << body;
    EXPECT_EQ(d[0].date, "2017-05-09") << body;
  }
  // A date opening a sentence about the past is a reference, not a day to keep.
  EXPECT_TRUE(DeadlinesOf("Ngày 09/5/2015, Sở đã tổ chức hội thi cấp tỉnh.").empty());
}

TEST(Deadlines, WindowBetweenClockTimes) {
  const auto d = DeadlinesOf("Tạm dừng hoạt động từ 20h00 tối Thứ Sáu ngày 12/5/2017 đến 05h00 "
                             "sáng Chủ Nhật ngày 14/5/2017.");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].kind, DeadlineKind::kWindow);
  EXPECT_EQ(d[0].start, "2017-05-12");
  EXPECT_EQ(d[0].end, "2017-05-14");
}

TEST(Deadlines, FromNowRunsFromTheDocumentsDate) {
  const auto d = DeadlinesOf("Từ nay đến hết năm 2018, các trường rà soát thiết bị.");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].kind, DeadlineKind::kPeriod);
  EXPECT_EQ(d[0].start, "2016-03-01");
  EXPECT_EQ(d[0].end, "2018-12-31");
}

TEST(Deadlines, InvalidDatesAreDropped) {
  EXPECT_TRUE(DeadlinesOf("Nộp trước ngày 45/13/2017.").empty());
  const auto d = DeadlinesOf("Nộp trước ngày 31/02/2017.");  // no such day
  ASSERT_EQ(d.size(), 1u);
  EXPECT_FALSE(d[0].date);
}

// "Định kỳ 6 tháng, hàng năm hoặc đột xuất, báo cáo …": a report every six
// months (a directive's usual words; real qn-2352-ct).
TEST(Deadlines, ReportEverySoManyMonths) {
  const auto d = DeadlinesOf("Định kỳ 6 tháng, hàng năm hoặc đột xuất, báo cáo Ủy ban nhân dân tỉnh.");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].kind, DeadlineKind::kRecurring);
  EXPECT_EQ(d[0].recurrence, "FREQ=MONTHLY;INTERVAL=6");
  EXPECT_TRUE(DeadlinesOf("Định kỳ 6 tháng, các đơn vị họp rút kinh nghiệm.").empty());
}

}  // namespace
}  // namespace vnplan
