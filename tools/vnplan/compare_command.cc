#include "tools/vnplan/compare_command.h"

#include <algorithm>
#include <cmath>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "tools/vnplan/atomic_file.h"
#include "tools/vnplan/extract_command.h"
#include "tools/vnplan/plan_file.h"
#include "src/text/calendar.h"
#include "src/text/folding.h"
#include "src/text/textutil.h"
#include "vnplan/plan.h"

namespace vnplan {
namespace {

using Json = nlohmann::json;

// The header row of the plan a target row of the comparison came from.
const Json& PlanOf(const Json& comparison, const Json& target) {
  static const Json kNone;
  const Json& plans = Field(comparison, "plans");
  const Json& index = Field(target, "plan");
  if (!plans.is_array() || !index.is_number_unsigned() || index.get<size_t>() >= plans.size())
    return kNone;
  return plans[index.get<size_t>()];
}

// Words of a text, folded: "Hoàn thành xuất sắc" -> {hoan, thanh, xuat, sac}.
std::set<std::string> Words(const internal::TextFolder& folder, const std::string& text) {
  std::set<std::string> out;
  std::string word;
  for (char c : folder.Fold(text).text + " ") {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      word += c;
    } else if (!word.empty()) {
      if (word.size() > 1) out.insert(word);
      word.clear();
    }
  }
  return out;
}

double Jaccard(const std::set<std::string>& a, const std::set<std::string>& b) {
  if (a.empty() || b.empty()) return 0;
  size_t common = 0;
  for (const auto& w : a) common += b.count(w);
  return double(common) / double(a.size() + b.size() - common);
}

// Items of one list ("goals", "criteria") from every plan, grouped so that
// each group holds at most one item per plan, matched by word overlap.
Json MatchItems(const std::vector<Json>& plans, const char* list, const internal::TextFolder& folder) {
  struct Group {
    std::vector<int> item_of_plan;
    std::vector<std::set<std::string>> words;
  };
  std::vector<Group> groups;
  std::vector<std::vector<Json>> items(plans.size());
  for (size_t p = 0; p < plans.size(); ++p) {
    for (const Json& item : Field(plans[p], list)) {
      items[p].push_back(item);
      const std::set<std::string> w = Words(folder, Text(Field(item, "text")));
      int best = -1;
      double best_score = 0.25;  // below this, the item is its plan's own
      for (size_t g = 0; g < groups.size(); ++g) {
        if (groups[g].item_of_plan[p] >= 0) continue;
        double score = 0;
        for (const auto& other : groups[g].words) score = std::max(score, Jaccard(w, other));
        if (score > best_score) best_score = score, best = static_cast<int>(g);
      }
      if (best < 0) {
        groups.push_back({std::vector<int>(plans.size(), -1), {}});
        best = static_cast<int>(groups.size()) - 1;
      }
      groups[static_cast<size_t>(best)].item_of_plan[p] = static_cast<int>(items[p].size()) - 1;
      groups[static_cast<size_t>(best)].words.push_back(w);
    }
  }
  Json rows = Json::array();
  for (const Group& g : groups) {
    Json cells = Json::array();
    int present = 0;
    for (size_t p = 0; p < plans.size(); ++p) {
      if (g.item_of_plan[p] < 0) {
        cells.push_back(nullptr);
        continue;
      }
      const Json& item = items[p][static_cast<size_t>(g.item_of_plan[p])];
      cells.push_back({{"text", Field(item, "text")},
                       {"section", Field(item, "section")},
                       {"line", Field(item, "line")}});
      ++present;
    }
    rows.push_back({{"shared_by", present}, {"cells", cells}});
  }
  std::stable_sort(rows.begin(), rows.end(), [](const Json& a, const Json& b) {
    return Field(a, "shared_by") > Field(b, "shared_by");
  });
  return rows;
}

void CollectKinds(const Json& sections, std::map<std::string, std::vector<std::string>>& by_kind,
                  int depth) {
  for (const Json& s : sections) {
    by_kind[Text(Field(s, "kind"))].push_back(Text(Field(s, "number")) + ". " +
                                              Text(Field(s, "title")));
    if (depth < 1) CollectKinds(Field(s, "children"), by_kind, depth + 1);
  }
}

std::string Escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

// Days since 1970-01-01 of a date of the comparison (every one is real:
// the plans' were checked when read, the timeline's are made real).
int DayNumber(const Json& iso) {
  return internal::DayNumber(DateField(iso).value_or(internal::CivilDate{1970, 1, 1}));
}

Json Mark(const Json& from, const Json& to, const std::string& kind, const std::string& label,
          const Json& line) {
  return {{"from", from}, {"to", to}, {"kind", kind}, {"label", label}, {"line", line}};
}

// Dated deadlines for the timeline: points, spans, and the yearly or
// quarterly days of recurring ones within their bounds.
Json TimelineMarks(const Json& deadlines) {
  Json marks = Json::array();
  for (const Json& d : deadlines) {
    const std::string kind = Text(Field(d, "kind"));
    const bool recurring = ParseDeadlineKind(kind) == DeadlineKind::kRecurring;
    const std::string label = internal::TruncateUtf8(Text(Field(d, "text")), 160);
    const Json& line = Field(d, "line");
    const auto start = DateField(Field(d, "start")), end = DateField(Field(d, "end"));
    if (DateField(Field(d, "date"))) {
      marks.push_back(Mark(Field(d, "date"), Field(d, "date"), kind, label, line));
    } else if (start && end && !recurring) {
      marks.push_back(Mark(Field(d, "start"), Field(d, "end"), kind, label, line));
    } else if (recurring && start && end) {
      const RuleDays days = DaysOfYear(Text(Field(d, "recurrence")));
      const int day_of_month = days.day_of_month.value_or(1);
      for (int y = start->year; y <= end->year; ++y)
        for (int m : days.months) {
          // A day the month does not have is not an instance (RFC 5545 3.3.10).
          if (!internal::IsRealDay({y, m, day_of_month})) continue;
          const std::string day = internal::FormatIsoDate({y, m, day_of_month});
          marks.push_back(Mark(day, day, kind, label, line));
        }
    }
  }
  return marks;
}

std::string TimelineSvg(const Json& comparison) {
  int lo = 1 << 30, hi = -(1 << 30);
  for (const Json& plan : Field(comparison, "timeline"))
    for (const Json& m : Field(plan, "marks")) {
      lo = std::min(lo, DayNumber(Field(m, "from")));
      hi = std::max(hi, DayNumber(Field(m, "to")));
    }
  if (lo > hi) return "<p>No dated deadlines.</p>";
  const int width = 900, left = 150, lane = 34;
  const int plans = static_cast<int>(Field(comparison, "timeline").size());
  const int height = 40 + lane * plans;
  auto x = [&](int day) { return left + (width - left - 20) * double(day - lo) / std::max(1, hi - lo); };
  std::ostringstream svg;
  svg << "<svg id=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" << width
      << "\" height=\"" << height << "\" viewBox=\"0 0 " << width << " " << height << "\">";
  const int first_year =
      DateField(Field(comparison, "timeline_from")).value_or(internal::CivilDate{}).year;
  const int last_year =
      DateField(Field(comparison, "timeline_to")).value_or(internal::CivilDate{}).year;
  for (int y = first_year; y <= last_year + 1; ++y) {
    const int day = internal::DayNumber({y, 1, 1});
    if (day < lo || day > hi) continue;
    svg << "<line class=\"year\" x1=\"" << x(day) << "\" y1=\"20\" x2=\"" << x(day) << "\" y2=\""
        << height - 5 << "\" stroke=\"#bbb\"/><text x=\"" << x(day) + 2
        << "\" y=\"14\" font-size=\"11\">" << y << "</text>";
  }
  int row = 0;
  for (const Json& plan : Field(comparison, "timeline")) {
    const int y = 30 + lane * row++;
    svg << "<text x=\"4\" y=\"" << y + 14 << "\" font-size=\"12\">"
        << Escape(Text(Field(plan, "name"))) << "</text>";
    for (const Json& m : Field(plan, "marks")) {
      const double a = x(DayNumber(Field(m, "from"))), b = x(DayNumber(Field(m, "to")));
      const std::string kind = Text(Field(m, "kind"));
      const std::optional<DeadlineKind> known = ParseDeadlineKind(kind);
      const char* color = known == DeadlineKind::kDue         ? "#c0392b"
                          : known == DeadlineKind::kEvent     ? "#8e44ad"
                          : known == DeadlineKind::kRecurring ? "#2980b9"
                                                              : "#27ae60";
      svg << "<g class=\"mark " << kind << "\"><title>" << Escape(Text(Field(m, "label")))
          << " (dòng " << Text(Field(m, "line")) << ")</title>";
      if (b - a < 4)
        svg << "<circle cx=\"" << a << "\" cy=\"" << y + 10 << "\" r=\"4\" fill=\"" << color << "\"/>";
      else
        svg << "<rect x=\"" << a << "\" y=\"" << y + 4 << "\" width=\"" << b - a
            << "\" height=\"12\" fill=\"" << color << "\" fill-opacity=\"0.35\"/>";
      svg << "</g>";
    }
  }
  svg << "</svg>";
  return svg.str();
}

}  // namespace

Json ComparePlans(const std::vector<Json>& plans) {
  const internal::TextFolder folder;
  Json c;
  Json headers = Json::array();
  for (const Json& p : plans) {
    const Json& d = Field(p, "document");
    headers.push_back({{"file", Field(Field(p, "source"), "file")},
                       {"issuer", Field(Field(d, "issuer"), "name")},
                       {"parent", Field(Field(d, "issuer"), "parent")},
                       {"number", Field(d, "number")},
                       {"symbol", Field(d, "symbol")},
                       {"place", Field(d, "place")},
                       {"date", Field(d, "date")},
                       {"title", Field(d, "title")},
                       {"period", Field(d, "period")},
                       {"signer", Field(d, "signer").is_object() ? Field(Field(d, "signer"), "name")
                                                                 : Json(nullptr)},
                       {"counts",
                        {{"sections", Field(p, "sections").size()},
                         {"goals", Field(p, "goals").size()},
                         {"criteria", Field(p, "criteria").size()},
                         {"targets", Field(p, "targets").size()},
                         {"deadlines", Field(p, "deadlines").size()},
                         {"assignments", Field(p, "assignments").size()}}}});
  }
  c["plans"] = headers;
  // Sections aligned by kind, in the order plans usually follow.
  static constexpr SectionKind kOrder[] = {
      SectionKind::kPurposeRequirements, SectionKind::kPurpose,      SectionKind::kRequirements,
      SectionKind::kSubjects,            SectionKind::kCriteria,     SectionKind::kTargets,
      SectionKind::kContent,             SectionKind::kTasks,        SectionKind::kSchedule,
      SectionKind::kOrganisation,        SectionKind::kParticipants, SectionKind::kFunding,
      SectionKind::kOther};
  Json kinds = Json::array();
  std::vector<std::map<std::string, std::vector<std::string>>> by_plan(plans.size());
  for (size_t i = 0; i < plans.size(); ++i)
    CollectKinds(Field(plans[i], "sections"), by_plan[i], 0);
  for (const SectionKind known : kOrder) {
    const std::string kind(SectionKindName(known));
    Json cells = Json::array();
    bool any = false;
    for (auto& m : by_plan) {
      cells.push_back(m[kind]);
      any |= !m[kind].empty();
    }
    if (any) kinds.push_back({{"kind", kind}, {"cells", cells}});
  }
  c["sections_by_kind"] = kinds;
  c["goals"] = MatchItems(plans, "goals", folder);
  c["criteria"] = MatchItems(plans, "criteria", folder);
  Json targets = Json::array();
  for (size_t i = 0; i < plans.size(); ++i)
    for (const Json& t : Field(plans[i], "targets"))
      targets.push_back({{"plan", i},
                         {"indicator", Field(t, "indicator")},
                         {"quantity", Field(t, "quantity")},
                         {"unit", Field(t, "unit")},
                         {"comparator", Field(t, "comparator")},
                         {"section", Field(t, "section")},
                         {"line", Field(t, "line")}});
  c["targets"] = targets;
  Json timeline = Json::array();
  std::string from = "9999-12-31", to = "0000-01-01";
  for (const Json& p : plans) {
    const Json marks = TimelineMarks(Field(p, "deadlines"));
    for (const Json& m : marks) {
      from = std::min(from, Text(Field(m, "from")));
      to = std::max(to, Text(Field(m, "to")));
    }
    timeline.push_back({{"name", PlanName(p)}, {"marks", marks}});
  }
  c["timeline"] = timeline;
  c["timeline_from"] = from;
  c["timeline_to"] = to;
  return c;
}

std::string CompareHtml(const Json& c) {
  std::ostringstream h;
  const size_t n = Field(c, "plans").size();
  h << "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>So sánh kế hoạch"
       "</title><style>"
       "body{font-family:'Liberation Serif',serif;margin:24px;color:#222}"
       "table{border-collapse:collapse;width:100%;margin:8px 0 24px}"
       "th,td{border:1px solid #999;padding:4px 6px;vertical-align:top;font-size:13px}"
       "th{background:#eee}td.missing{background:#fbeaea;color:#999}"
       "h2{border-bottom:2px solid #444;margin-top:28px}small{color:#666}"
       "@media print{body{margin:0}h2{page-break-after:avoid}tr{page-break-inside:avoid}}"
       "</style></head><body><h1>So sánh " << n << " kế hoạch</h1>";
  // Header fields.
  h << "<h2>Thông tin chung</h2><table id=\"headers\"><tr><th></th>";
  for (const Json& p : Field(c, "plans")) h << "<th>" << Escape(Text(Field(p, "file"))) << "</th>";
  h << "</tr>";
  for (const char* f : {"issuer", "parent", "number", "symbol", "place", "date", "title", "signer"}) {
    h << "<tr><th>" << f << "</th>";
    for (const Json& p : Field(c, "plans")) h << "<td>" << Escape(Text(Field(p, f))) << "</td>";
    h << "</tr>";
  }
  h << "<tr><th>period</th>";
  for (const Json& p : Field(c, "plans"))
    h << "<td>"
      << (Field(p, "period").is_object() ? Text(Field(Field(p, "period"), "from")) + "–" +
                                               Text(Field(Field(p, "period"), "to"))
                                         : "")
      << "</td>";
  h << "</tr></table>";
  // Sections by kind.
  h << "<h2>Cấu trúc theo loại mục</h2><table id=\"sections\"><tr><th>loại</th>";
  for (const Json& p : Field(c, "plans")) h << "<th>" << Escape(Text(Field(p, "file"))) << "</th>";
  h << "</tr>";
  for (const Json& row : Field(c, "sections_by_kind")) {
    h << "<tr><th>" << Escape(Text(Field(row, "kind"))) << "</th>";
    for (const Json& cell : Field(row, "cells")) {
      h << (cell.empty() ? "<td class=\"missing\">—" : "<td>");
      for (const Json& t : cell) h << Escape(Text(t)) << "<br>";
      h << "</td>";
    }
    h << "</tr>";
  }
  h << "</table>";
  // Goals and criteria matched across plans.
  for (const auto& [list, title] : {std::pair{"goals", "Mục đích"}, std::pair{"criteria", "Tiêu chuẩn"}}) {
    h << "<h2>" << title << " <small>(cùng hàng: nội dung tương ứng; ô trống: kế hoạch không có)</small></h2>"
      << "<table id=\"" << list << "\"><tr>";
    for (const Json& p : Field(c, "plans"))
      h << "<th>" << Escape(Text(Field(p, "file"))) << "</th>";
    h << "</tr>";
    for (const Json& row : Field(c, list)) {
      h << "<tr>";
      for (const Json& cell : Field(row, "cells")) {
        if (cell.is_null())
          h << "<td class=\"missing\">—</td>";
        else
          h << "<td>" << Escape(Text(Field(cell, "text"))) << " <small>("
            << Escape(Text(Field(cell, "section"))) << ", dòng " << Text(Field(cell, "line"))
            << ")</small></td>";
      }
      h << "</tr>";
    }
    h << "</table>";
  }
  // Targets.
  h << "<h2>Chỉ tiêu</h2><table id=\"targets\"><tr><th>kế hoạch</th><th>chỉ tiêu</th><th>số lượng</th>"
       "<th>đơn vị</th><th>mục, dòng</th></tr>";
  for (const Json& t : Field(c, "targets")) {
    h << "<tr><td>" << Escape(Text(Field(PlanOf(c, t), "file"))) << "</td><td>"
      << Escape(Text(Field(t, "indicator"))) << "</td><td>" << Escape(Text(Field(t, "comparator")))
      << " " << Escape(Text(Field(t, "quantity"))) << "</td><td>" << Escape(Text(Field(t, "unit")))
      << "</td><td>" << Escape(Text(Field(t, "section"))) << ", " << Text(Field(t, "line"))
      << "</td></tr>";
  }
  h << "</table>";
  h << "<h2>Thời hạn</h2><p><small>đỏ: hạn chót · tím: sự kiện · xanh lá: khoảng thời gian · "
       "xanh dương: định kỳ</small></p>"
    << TimelineSvg(c) << "</body></html>\n";
  return h.str();
}

int RunCompare(const CompareOptions& options, std::ostream& out, std::ostream& err) {
  if (options.plans.size() < 2) {
    err << "vnplan: compare needs two or more plan JSON files\n";
    return kExitUsage;
  }
  if (options.html.empty() && options.json.empty()) {
    err << "vnplan: compare needs --html PATH and/or --json PATH\n";
    return kExitUsage;
  }
  std::vector<Json> plans;
  const bool failed = !ReadPlanFiles(options.plans, &plans, err);
  if (plans.size() < 2) {
    err << "vnplan: compare needs two or more plans; " << plans.size() << " could be read\n";
    return kExitInputFailed;
  }
  const Json comparison = ComparePlans(plans);
  if (!options.json.empty()) {
    const std::string text =
        comparison.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
    if (const int written = WriteResult(options.json, text, out, err); written != kExitOk)
      return written;
  }
  if (!options.html.empty()) {
    if (std::string p = WriteFileAtomically(options.html, CompareHtml(comparison)); !p.empty()) {
      err << "vnplan: " << p << "\n";
      return kExitOutputFailed;
    }
  }
  return failed ? kExitInputFailed : kExitOk;
}

}  // namespace vnplan
