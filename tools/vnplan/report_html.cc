#include "tools/vnplan/report_html.h"

#include <algorithm>
#include <functional>
#include <map>
#include <sstream>

#include "src/text/calendar.h"
#include "src/text/textutil.h"
#include "tools/vnplan/plan_file.h"
#include "vnplan/plan.h"

namespace vnplan {
namespace {

using Json = nlohmann::json;

// The report's Vietnamese words for the contract's names: one table.
constexpr struct {
  std::string_view name, label;
} kLabels[] = {
    // Header fields.
    {"issuer", "Cơ quan ban hành"}, {"parent", "Cơ quan chủ quản"},
    {"province", "Tỉnh, thành phố"}, {"number", "Số"}, {"symbol", "Ký hiệu"},
    {"place", "Địa danh"}, {"date", "Ngày ban hành"}, {"title", "Trích yếu"},
    {"signer", "Người ký"}, {"period", "Giai đoạn"},
    // Counts.
    {"sections", "Số mục"}, {"goals", "Số mục đích"}, {"criteria", "Số tiêu chí"},
    {"targets", "Số chỉ tiêu"}, {"deadlines", "Số thời hạn"}, {"assignments", "Số phân công"},
    // Section kinds.
    {"purpose_requirements", "Mục đích, yêu cầu"}, {"purpose", "Mục đích"},
    {"requirements", "Yêu cầu"}, {"subjects", "Đối tượng"}, {"content", "Nội dung"},
    {"tasks", "Nhiệm vụ"}, {"schedule", "Tiến độ"}, {"organisation", "Tổ chức thực hiện"},
    {"participants", "Thành phần"}, {"funding", "Kinh phí"}, {"other", "Khác"},
    // Deadline kinds.
    {"due", "hạn chót"}, {"event", "sự kiện"}, {"window", "khoảng thời gian"},
    {"recurring", "định kỳ"},
    // Roles.
    {"lead", "chủ trì"}, {"support", "phối hợp"}, {"report", "báo cáo"}};

// Section kinds the header fields share a name with ("criteria",
// "targets") are labelled as kinds in the sections table.
constexpr struct {
  std::string_view name, label;
} kKindLabels[] = {{"criteria", "Tiêu chí"}, {"targets", "Chỉ tiêu"}, {"period", "giai đoạn"}};

std::string Label(std::string_view name, bool as_kind = false) {
  if (as_kind)
    for (const auto& e : kKindLabels)
      if (e.name == name) return std::string(e.label);
  for (const auto& e : kLabels)
    if (e.name == name) return std::string(e.label);
  return std::string(name);
}

// Every value of the comparison reaches the page through here.
std::string E(const Json& value) { return EscapeHtml(Text(value)); }

// The report reads any JSON without failing (Field for members): the
// index-th item of a list, or null.
const Json& At(const Json& list, size_t index) {
  static const Json kNull;
  return list.is_array() && index < list.size() ? list[index] : kNull;
}
double Number(const Json& value) { return value.is_number() ? value.get<double>() : 0; }
size_t Size(const Json& value) { return value.is_array() ? value.size() : 0; }

// One colour per plan (cycled), on the chart and its legend.
constexpr const char* kPlanColours[] = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd",
                                        "#ff7f0e", "#8c564b", "#e377c2", "#17becf"};
const char* PlanColour(size_t plan) { return kPlanColours[plan % std::size(kPlanColours)]; }

const char* KindColour(const std::optional<DeadlineKind>& kind) {
  return kind == DeadlineKind::kDue         ? "#c0392b"
         : kind == DeadlineKind::kEvent     ? "#8e44ad"
         : kind == DeadlineKind::kRecurring ? "#2980b9"
                                            : "#27ae60";
}

constexpr std::string_view kStyle =
    "body{font-family:'Liberation Serif',serif;margin:24px;color:#222}"
    "table{border-collapse:collapse;width:100%;margin:8px 0 24px}"
    "th,td{border:1px solid #999;padding:4px 6px;vertical-align:top;font-size:13px}"
    "th{background:#eee;text-align:left}td.missing{background:#fbeaea;color:#999}"
    "td.num{text-align:right}h2{border-bottom:2px solid #444;margin-top:28px}"
    "small{color:#666}.lead{font-weight:bold}svg{max-width:100%;height:auto}"
    ".swatch{display:inline-block;width:10px;height:10px;margin:0 4px 0 10px}"
    "@page{size:A4;margin:14mm}"
    "@media print{body{margin:0;font-size:11px}th,td{font-size:10px;padding:2px 4px}"
    "h2{page-break-after:avoid}tr,svg{page-break-inside:avoid}}";

// How a plan's column is headed: its issuer and province, then its number.
std::string ColumnHead(const Json& plan) {
  std::string issuer = Text(Field(plan, "issuer"));
  if (issuer.empty()) issuer = "(không rõ cơ quan)";
  const std::string province = Text(Field(plan, "province"));
  std::string head = EscapeHtml(issuer);
  if (!province.empty() && issuer.find(province) == std::string::npos)
    head += " – " + EscapeHtml(province);
  return head + "<br><small>" + E(Field(plan, "name")) + "</small>";
}

void PlanHeads(const Json& c, std::ostringstream& h, const char* first) {
  h << "<tr><th>" << first << "</th>";
  for (const Json& p : Field(c, "plans")) h << "<th>" << ColumnHead(p) << "</th>";
  h << "</tr>";
}

void GeneralTable(const Json& c, std::ostringstream& h) {
  h << "<h2>Thông tin chung</h2><table id=\"headers\">";
  PlanHeads(c, h, "");
  for (const char* f :
       {"issuer", "parent", "province", "number", "symbol", "place", "date", "title", "signer"}) {
    h << "<tr><th>" << Label(f) << "</th>";
    for (const Json& p : Field(c, "plans")) h << "<td>" << E(Field(p, f)) << "</td>";
    h << "</tr>";
  }
  h << "<tr><th>" << Label("period") << "</th>";
  for (const Json& p : Field(c, "plans")) {
    const Json& period = Field(p, "period");
    h << "<td>";
    if (period.is_object()) h << E(Field(period, "from")) << "–" << E(Field(period, "to"));
    h << "</td>";
  }
  h << "</tr>";
  for (const char* count : {"sections", "goals", "criteria", "targets", "deadlines", "assignments"}) {
    h << "<tr class=\"count\"><th>" << Label(count) << "</th>";
    for (const Json& p : Field(c, "plans"))
      h << "<td class=\"num\">" << E(Field(Field(p, "counts"), count)) << "</td>";
    h << "</tr>";
  }
  h << "</table>";
}

void SectionsTable(const Json& c, std::ostringstream& h) {
  h << "<h2>Cấu trúc theo loại mục</h2><table id=\"sections\">";
  PlanHeads(c, h, "Loại mục");
  for (const Json& row : Field(c, "sections_by_kind")) {
    h << "<tr><th>" << EscapeHtml(Label(Text(Field(row, "kind")), true)) << "</th>";
    for (const Json& cell : Field(row, "cells")) {
      h << (cell.empty() ? "<td class=\"missing\">—" : "<td>");
      for (const Json& t : cell) h << E(t) << "<br>";
      h << "</td>";
    }
    h << "</tr>";
  }
  h << "</table>";
}

void MatchedTables(const Json& c, std::ostringstream& h) {
  for (const auto& [list, title] :
       {std::pair{"goals", "Mục đích"}, std::pair{"criteria", "Tiêu chí"}}) {
    h << "<h2>" << title
      << " <small>(cùng hàng: nội dung tương ứng; ô trống: kế hoạch không có)</small></h2>"
      << "<table id=\"" << list << "\">";
    PlanHeads(c, h, "Số kế hoạch có");
    for (const Json& row : Field(c, list)) {
      h << "<tr><td class=\"num\">" << E(Field(row, "shared_by")) << "</td>";
      for (const Json& cell : Field(row, "cells")) {
        if (!cell.is_object())
          h << "<td class=\"missing\">—</td>";
        else
          h << "<td>" << E(Field(cell, "text")) << " <small>(" << E(Field(cell, "section"))
            << ", dòng " << E(Field(cell, "line")) << ")</small></td>";
      }
      h << "</tr>";
    }
    h << "</table>";
  }
}

// At most this many indicators are drawn (those most plans set first); the
// table below the chart lists every target.
constexpr size_t kChartIndicators = 20;

// A row's unit (every entry of a row has the same).
std::string UnitOf(const Json& row) {
  for (const Json& cell : Field(row, "cells"))
    if (!At(cell, 0).is_null()) return Text(Field(At(cell, 0), "unit"));
  return "";
}

// A first quantity of each plan for each indicator, as horizontal bars
// scaled to the largest quantity drawn in the same unit (3, 18 and 72
// "tập thể" side by side; percentages against percentages).
void IndicatorChart(const Json& c, std::ostringstream& h) {
  const Json& rows = Field(c, "indicators");
  const size_t plans = Size(Field(c, "plans"));
  const size_t shown = std::min(Size(rows), kChartIndicators);
  h << "<h2>Chỉ tiêu theo chỉ số</h2>";
  if (shown == 0) {
    h << "<p>Không có chỉ tiêu định lượng.</p>";
    return;
  }
  h << "<p>";
  for (size_t p = 0; p < plans; ++p)
    h << "<span class=\"swatch\" style=\"background:" << PlanColour(p) << "\"></span>"
      << E(Field(At(Field(c, "plans"), p), "name"));
  h << "</p>";
  const int bar = 14, width = 900, left = 330, room = 480;
  const int block = 22 + bar * static_cast<int>(plans);
  h << "<svg id=\"indicators\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" << width
    << "\" height=\"" << block * static_cast<int>(shown) + 8 << "\" viewBox=\"0 0 " << width
    << " " << block * static_cast<int>(shown) + 8 << "\">";
  std::map<std::string, double> largest_in_unit;
  for (size_t r = 0; r < shown; ++r)
    for (const Json& cell : Field(At(rows, r), "cells")) {
      double& largest = largest_in_unit[UnitOf(At(rows, r))];
      largest = std::max(largest, Number(Field(At(cell, 0), "quantity")));
    }
  for (size_t r = 0; r < shown; ++r) {
    const Json& cells = Field(At(rows, r), "cells");
    const double largest = largest_in_unit[UnitOf(At(rows, r))];
    const int top = block * static_cast<int>(r) + 4;
    h << "<g class=\"indicator\"><text x=\"4\" y=\"" << top + 14 << "\" font-size=\"12\">"
      << EscapeHtml(internal::TruncateUtf8(Text(Field(At(rows, r), "name")), 90)) << "</text>";
    for (size_t p = 0; p < Size(cells); ++p) {
      const Json& first = At(At(cells, p), 0);
      if (first.is_null()) continue;
      const Json& quantity = Field(first, "quantity");
      const double share = largest > 0 ? std::max(0.0, Number(quantity)) / largest : 0;
      const int y = top + 20 + bar * static_cast<int>(p);
      h << "<rect x=\"" << left << "\" y=\"" << y << "\" width=\"" << std::max(1.0, room * share)
        << "\" height=\"" << bar - 3 << "\" fill=\"" << PlanColour(p) << "\"/><text x=\""
        << left + room * share + 4 << "\" y=\"" << y + 10 << "\" font-size=\"11\">"
        << E(Field(first, "comparator")) << " " << E(quantity) << "</text>";
    }
    h << "</g>";
  }
  h << "</svg>";
  if (Size(rows) > shown)
    h << "<p><small>" << Size(rows) - shown << " chỉ số khác có trong bảng dưới.</small></p>";
}

// Every target, plan by plan.
void TargetsTable(const Json& c, std::ostringstream& h) {
  h << "<table id=\"targets\"><tr><th>Kế hoạch</th><th>Chỉ số</th><th>Số lượng</th>"
       "<th>Đơn vị</th><th>Mục, dòng</th></tr>";
  const Json& plans = Field(c, "plans");
  for (const Json& t : Field(c, "targets")) {
    const Json& index = Field(t, "plan");
    const bool known = index.is_number_unsigned() && index.get<size_t>() < plans.size();
    h << "<tr><td>" << (known ? E(Field(At(plans, index.get<size_t>()), "name")) : "") << "</td><td>"
      << E(Field(t, "indicator")) << "</td><td class=\"num\">" << E(Field(t, "comparator")) << " "
      << E(Field(t, "quantity")) << "</td><td>" << E(Field(t, "unit")) << "</td><td>"
      << E(Field(t, "section")) << ", " << E(Field(t, "line")) << "</td></tr>";
  }
  h << "</table>";
}

// A cell shows this many assignments and says how many more there are.
constexpr size_t kAssignmentsPerCell = 6;
constexpr size_t kTaskBytes = 240;

// Who is given what: one row per agency, its roles and tasks in each plan.
void AssignmentsTable(const Json& c, std::ostringstream& h) {
  h << "<h2>Phân công <small>(đậm: chủ trì)</small></h2><table id=\"assignments\">";
  PlanHeads(c, h, "Cơ quan, đơn vị");
  for (const Json& row : Field(c, "assignments")) {
    h << "<tr><th>" << E(Field(row, "name")) << "</th>";
    for (const Json& cell : Field(row, "cells")) {
      h << (cell.empty() ? "<td class=\"missing\">—" : "<td>");
      for (size_t i = 0; i < Size(cell) && i < kAssignmentsPerCell; ++i) {
        const std::string role = Text(Field(At(cell, i), "role"));
        std::string tasks;
        for (const Json& t : Field(At(cell, i), "tasks")) tasks += (tasks.empty() ? "" : "; ") + Text(t);
        h << "<div" << (role == "lead" ? " class=\"lead\"" : "") << ">" << EscapeHtml(Label(role))
          << ": " << EscapeHtml(internal::TruncateUtf8(tasks, kTaskBytes))
          << " <small>(dòng " << E(Field(At(cell, i), "line")) << ")</small></div>";
      }
      if (Size(cell) > kAssignmentsPerCell)
        h << "<small>và " << Size(cell) - kAssignmentsPerCell << " phân công khác</small>";
      h << "</td>";
    }
    h << "</tr>";
  }
  h << "</table>";
}

// Days since 1970-01-01 of a date of the comparison.
int DayNumber(const Json& iso) {
  return internal::DayNumber(DateField(iso).value_or(internal::CivilDate{1970, 1, 1}));
}

// Month ticks: every month over up to two years, else every 3, 6, 12, ...
// months, so that at most 30 ticks are drawn whatever the span.
void MonthTicks(int lo, int hi, int height, const std::function<double(int)>& x,
                std::ostringstream& svg) {
  internal::CivilDate day;
  // The month of `lo`: walk from its year's January (dates are whole days).
  int year = 1970 + (lo / 366) - 1;
  while (internal::DayNumber({year + 1, 1, 1}) <= lo) ++year;
  while (internal::DayNumber({year, 1, 1}) > lo) --year;
  const int months = (hi - lo) / 30 + 2;
  int step = 1;
  for (const int s : {1, 3, 6, 12, 24, 60, 120, 600, 1200, 6000, 12000})
    if ((step = s) * 30 >= months) break;
  bool first = true;  // the first tick drawn names its year
  for (int m = 0;; m += step) {
    day = {year + m / 12, m % 12 + 1, 1};
    const int d = internal::DayNumber(day);
    if (d > hi) break;
    if (d < lo) continue;
    svg << "<line class=\"month\" x1=\"" << x(d) << "\" y1=\"20\" x2=\"" << x(d) << "\" y2=\""
        << height - 5 << "\" stroke=\"" << (day.month == 1 ? "#999" : "#ddd") << "\"/><text x=\""
        << x(d) + 2 << "\" y=\"14\" font-size=\"10\">";
    if (step >= 12)
      svg << day.year;
    else if (day.month == 1 || first)
      svg << "T" << day.month << "/" << day.year;
    else
      svg << "T" << day.month;
    svg << "</text>";
    first = false;
  }
}

void TimelineSvg(const Json& c, std::ostringstream& svg) {
  int lo = 1 << 30, hi = -(1 << 30);
  long left_out = 0;
  for (const Json& plan : Field(c, "timeline")) {
    for (const Json& m : Field(plan, "marks")) {
      lo = std::min(lo, DayNumber(Field(m, "from")));
      hi = std::max(hi, DayNumber(Field(m, "to")));
    }
    left_out += static_cast<long>(Number(Field(plan, "left_out")));
  }
  if (lo > hi) {
    svg << "<p>Không có thời hạn nào có ngày cụ thể.</p>";
    return;
  }
  const int width = 900, left = 150, lane = 34;
  const int height = 40 + lane * static_cast<int>(Size(Field(c, "timeline")));
  const std::function<double(int)> x = [&](int day) {
    return left + (width - left - 20) * double(day - lo) / std::max(1, hi - lo);
  };
  svg << "<svg id=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" << width
      << "\" height=\"" << height << "\" viewBox=\"0 0 " << width << " " << height << "\">";
  MonthTicks(lo, hi, height, x, svg);
  int row = 0;
  for (const Json& plan : Field(c, "timeline")) {
    const int y = 30 + lane * row++;
    svg << "<text x=\"4\" y=\"" << y + 14 << "\" font-size=\"12\">" << E(Field(plan, "name"))
        << "</text>";
    for (const Json& m : Field(plan, "marks")) {
      const double a = x(DayNumber(Field(m, "from"))), b = x(DayNumber(Field(m, "to")));
      const std::optional<DeadlineKind> kind = ParseDeadlineKind(Text(Field(m, "kind")));
      const std::string_view kind_name = kind ? DeadlineKindName(*kind) : "other";
      svg << "<g class=\"mark " << kind_name << "\"><title>" << E(Field(m, "label")) << " (dòng "
          << E(Field(m, "line")) << ")</title>";
      if (b - a < 4)
        svg << "<circle cx=\"" << a << "\" cy=\"" << y + 10 << "\" r=\"4\" fill=\""
            << KindColour(kind) << "\"/>";
      else
        svg << "<rect x=\"" << a << "\" y=\"" << y + 4 << "\" width=\"" << b - a
            << "\" height=\"12\" fill=\"" << KindColour(kind) << "\" fill-opacity=\"0.35\"/>";
      svg << "</g>";
    }
  }
  svg << "</svg>";
  if (left_out > 0)
    svg << "<p><small>" << left_out
        << " lần lặp của thời hạn định kỳ không được vẽ (mỗi thời hạn vẽ tối đa một số lần).</small></p>";
}

// A calendar cell shows this many deadlines and says how many more.
constexpr size_t kDeadlinesPerMonthCell = 8;

// Deadlines month by month, one column per plan.
void MonthCalendar(const Json& c, std::ostringstream& h) {
  h << "<h2>Lịch thời hạn theo tháng</h2><table id=\"calendar\">";
  PlanHeads(c, h, "Tháng");
  for (const Json& month : Field(c, "by_month")) {
    const auto first = DateField(Json(Text(Field(month, "month")) + "-01"));
    h << "<tr><th>";
    if (first)
      h << "Tháng " << first->month << "/" << first->year;
    else
      h << E(Field(month, "month"));
    h << "</th>";
    for (const Json& cell : Field(month, "cells")) {
      h << (cell.empty() ? "<td class=\"missing\">" : "<td>");
      for (size_t i = 0; i < Size(cell) && i < kDeadlinesPerMonthCell; ++i) {
        const Json& m = At(cell, i);
        const auto from = DateField(Field(m, "from"));
        const std::optional<DeadlineKind> kind = ParseDeadlineKind(Text(Field(m, "kind")));
        h << "<div><span class=\"swatch\" style=\"background:" << KindColour(kind)
          << "\"></span><b>" << (from ? std::to_string(from->day) : "") << "</b> "
          << EscapeHtml(internal::TruncateUtf8(Text(Field(m, "label")), 120)) << "</div>";
      }
      if (Size(cell) > kDeadlinesPerMonthCell)
        h << "<small>và " << Size(cell) - kDeadlinesPerMonthCell << " thời hạn khác</small>";
      h << "</td>";
    }
    h << "</tr>";
  }
  h << "</table>";
}

}  // namespace

std::string EscapeHtml(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += ch;
    }
  }
  return out;
}

std::string CompareHtml(const Json& c) {
  std::ostringstream h;
  h << "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\">"
       // No script may run and nothing is fetched: the report is data only.
       "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
       "style-src 'unsafe-inline'; img-src data:; script-src 'none'\">"
       "<title>So sánh kế hoạch</title><style>"
    << kStyle << "</style></head><body><h1>So sánh " << Size(Field(c, "plans"))
    << " kế hoạch</h1>";
  GeneralTable(c, h);
  SectionsTable(c, h);
  MatchedTables(c, h);
  IndicatorChart(c, h);
  TargetsTable(c, h);
  AssignmentsTable(c, h);
  h << "<h2>Thời hạn</h2><p>";
  for (DeadlineKind kind : {DeadlineKind::kDue, DeadlineKind::kEvent, DeadlineKind::kWindow,
                            DeadlineKind::kRecurring})
    h << "<span class=\"swatch\" style=\"background:" << KindColour(kind) << "\"></span>"
      << Label(DeadlineKindName(kind), true);
  h << "</p>";
  TimelineSvg(c, h);
  MonthCalendar(c, h);
  h << "</body></html>\n";
  return h.str();
}

}  // namespace vnplan
