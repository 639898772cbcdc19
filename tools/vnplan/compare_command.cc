#include "tools/vnplan/compare_command.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "tools/vnplan/atomic_file.h"
#include "tools/vnplan/extract_command.h"
#include "src/text/calendar.h"
#include "src/text/folding.h"
#include "src/text/textutil.h"
#include "vnplan/plan.h"

namespace vnplan {
namespace {

using Json = nlohmann::json;

std::string Str(const Json& v) { return v.is_string() ? v.get<std::string>() : v.is_null() ? "" : v.dump(); }

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
    for (const Json& item : plans[p][list]) {
      items[p].push_back(item);
      const std::set<std::string> w = Words(folder, Str(item["text"]));
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
      cells.push_back({{"text", item["text"]}, {"section", item["section"]}, {"line", item["line"]}});
      ++present;
    }
    rows.push_back({{"shared_by", present}, {"cells", cells}});
  }
  std::stable_sort(rows.begin(), rows.end(),
                   [](const Json& a, const Json& b) { return a["shared_by"] > b["shared_by"]; });
  return rows;
}

void CollectKinds(const Json& sections, std::map<std::string, std::vector<std::string>>& by_kind,
                  int depth) {
  for (const Json& s : sections) {
    by_kind[Str(s["kind"])].push_back(Str(s["number"]) + ". " + Str(s["title"]));
    if (depth < 1) CollectKinds(s["children"], by_kind, depth + 1);
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
int DayNumber(const std::string& iso) {
  return internal::DayNumber(internal::ParseIsoDate(iso).value_or(internal::CivilDate{1970, 1, 1}));
}

int YearOf(const std::string& iso) {
  return internal::ParseIsoDate(iso).value_or(internal::CivilDate{}).year;
}

// Dated deadlines for the timeline: points, spans, and the yearly or
// quarterly days of recurring ones within their bounds.
Json TimelineMarks(const Json& deadlines) {
  Json marks = Json::array();
  for (const Json& d : deadlines) {
    const std::string kind = Str(d["kind"]);
    const bool recurring = ParseDeadlineKind(kind) == DeadlineKind::kRecurring;
    const std::string label = internal::TruncateUtf8(Str(d["text"]), 160);
    if (d["date"].is_string()) {
      marks.push_back({{"from", d["date"]}, {"to", d["date"]}, {"kind", kind}, {"label", label},
                       {"line", d["line"]}});
    } else if (d["start"].is_string() && d["end"].is_string() && !recurring) {
      marks.push_back({{"from", d["start"]}, {"to", d["end"]}, {"kind", kind}, {"label", label},
                       {"line", d["line"]}});
    } else if (recurring && d["start"].is_string() && d["end"].is_string()) {
      const std::string rule = Str(d["recurrence"]);
      const auto first = internal::ParseIsoDate(Str(d["start"]));
      const auto last = internal::ParseIsoDate(Str(d["end"]));
      if (!first || !last) continue;
      const int y0 = first->year, y1 = last->year;
      // Months and day the rule names; a rule that names no day of the
      // year ("01 lần/năm") has no place on a timeline.
      std::vector<int> months;
      int day_of_month = 1;
      const size_t bm = rule.find("BYMONTH="), bd = rule.find("BYMONTHDAY=");
      if (bm != std::string::npos) {
        std::stringstream list(rule.substr(bm + 8, rule.find(';', bm) - bm - 8));
        for (std::string m; std::getline(list, m, ',');) months.push_back(std::stoi(m));
      } else if (rule.find("MONTHLY;INTERVAL=3") != std::string::npos) {
        months = {3, 6, 9, 12};
      } else if (rule.find("MONTHLY") != std::string::npos) {
        months = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
      }
      if (bd != std::string::npos) day_of_month = std::stoi(rule.substr(bd + 11));
      for (int y = y0; y <= y1; ++y)
        for (int m : months) {
          // A day the month does not have is not an instance (RFC 5545 3.3.10).
          if (!internal::IsRealDay({y, m, day_of_month})) continue;
          const std::string day = internal::FormatIsoDate({y, m, day_of_month});
          marks.push_back({{"from", day}, {"to", day}, {"kind", kind}, {"label", label},
                           {"line", d["line"]}});
        }
    }
  }
  return marks;
}

std::string TimelineSvg(const Json& comparison) {
  int lo = 1 << 30, hi = -(1 << 30);
  for (const Json& plan : comparison["timeline"])
    for (const Json& m : plan["marks"]) {
      lo = std::min(lo, DayNumber(Str(m["from"])));
      hi = std::max(hi, DayNumber(Str(m["to"])));
    }
  if (lo > hi) return "<p>No dated deadlines.</p>";
  const int width = 900, left = 150, lane = 34;
  const int plans = static_cast<int>(comparison["timeline"].size());
  const int height = 40 + lane * plans;
  auto x = [&](int day) { return left + (width - left - 20) * double(day - lo) / std::max(1, hi - lo); };
  std::ostringstream svg;
  svg << "<svg id=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" << width
      << "\" height=\"" << height << "\" viewBox=\"0 0 " << width << " " << height << "\">";
  const int first_year = YearOf(Str(comparison["timeline_from"]));
  const int last_year = YearOf(Str(comparison["timeline_to"]));
  for (int y = first_year; y <= last_year + 1; ++y) {
    const int day = internal::DayNumber({y, 1, 1});
    if (day < lo || day > hi) continue;
    svg << "<line class=\"year\" x1=\"" << x(day) << "\" y1=\"20\" x2=\"" << x(day) << "\" y2=\""
        << height - 5 << "\" stroke=\"#bbb\"/><text x=\"" << x(day) + 2
        << "\" y=\"14\" font-size=\"11\">" << y << "</text>";
  }
  int row = 0;
  for (const Json& plan : comparison["timeline"]) {
    const int y = 30 + lane * row++;
    svg << "<text x=\"4\" y=\"" << y + 14 << "\" font-size=\"12\">" << Escape(Str(plan["name"]))
        << "</text>";
    for (const Json& m : plan["marks"]) {
      const double a = x(DayNumber(Str(m["from"]))), b = x(DayNumber(Str(m["to"])));
      const std::string kind = Str(m["kind"]);
      const std::optional<DeadlineKind> known = ParseDeadlineKind(kind);
      const char* color = known == DeadlineKind::kDue         ? "#c0392b"
                          : known == DeadlineKind::kEvent     ? "#8e44ad"
                          : known == DeadlineKind::kRecurring ? "#2980b9"
                                                              : "#27ae60";
      svg << "<g class=\"mark " << kind << "\"><title>" << Escape(Str(m["label"])) << " (dòng "
          << Str(m["line"]) << ")</title>";
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
    const Json& d = p["document"];
    headers.push_back({{"file", p["source"]["file"]},
                       {"issuer", d["issuer"]["name"]},
                       {"parent", d["issuer"]["parent"]},
                       {"number", d["number"]},
                       {"symbol", d["symbol"]},
                       {"place", d["place"]},
                       {"date", d["date"]},
                       {"title", d["title"]},
                       {"period", d["period"]},
                       {"signer", d["signer"].is_object() ? d["signer"]["name"] : Json(nullptr)},
                       {"counts",
                        {{"sections", p["sections"].size()}, {"goals", p["goals"].size()},
                         {"criteria", p["criteria"].size()}, {"targets", p["targets"].size()},
                         {"deadlines", p["deadlines"].size()}, {"assignments", p["assignments"].size()}}}});
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
  for (size_t i = 0; i < plans.size(); ++i) CollectKinds(plans[i]["sections"], by_plan[i], 0);
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
    for (const Json& t : plans[i]["targets"])
      targets.push_back({{"plan", i}, {"indicator", t["indicator"]}, {"quantity", t["quantity"]},
                         {"unit", t["unit"]}, {"comparator", t["comparator"]},
                         {"section", t["section"]}, {"line", t["line"]}});
  c["targets"] = targets;
  Json timeline = Json::array();
  std::string from = "9999-12-31", to = "0000-01-01";
  for (const Json& p : plans) {
    const Json marks = TimelineMarks(p["deadlines"]);
    for (const Json& m : marks) {
      from = std::min(from, Str(m["from"]));
      to = std::max(to, Str(m["to"]));
    }
    timeline.push_back({{"name", Str(p["document"]["symbol"]).empty()
                                     ? Str(p["source"]["file"])
                                     : Str(p["document"]["number"]) + "/" + Str(p["document"]["symbol"])},
                        {"marks", marks}});
  }
  c["timeline"] = timeline;
  c["timeline_from"] = from;
  c["timeline_to"] = to;
  return c;
}

std::string CompareHtml(const Json& c) {
  std::ostringstream h;
  const size_t n = c["plans"].size();
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
  for (const Json& p : c["plans"]) h << "<th>" << Escape(Str(p["file"])) << "</th>";
  h << "</tr>";
  for (const char* f : {"issuer", "parent", "number", "symbol", "place", "date", "title", "signer"}) {
    h << "<tr><th>" << f << "</th>";
    for (const Json& p : c["plans"]) h << "<td>" << Escape(Str(p[f])) << "</td>";
    h << "</tr>";
  }
  h << "<tr><th>period</th>";
  for (const Json& p : c["plans"])
    h << "<td>" << (p["period"].is_object() ? Str(p["period"]["from"]) + "–" + Str(p["period"]["to"]) : "")
      << "</td>";
  h << "</tr></table>";
  // Sections by kind.
  h << "<h2>Cấu trúc theo loại mục</h2><table id=\"sections\"><tr><th>loại</th>";
  for (const Json& p : c["plans"]) h << "<th>" << Escape(Str(p["file"])) << "</th>";
  h << "</tr>";
  for (const Json& row : c["sections_by_kind"]) {
    h << "<tr><th>" << Escape(Str(row["kind"])) << "</th>";
    for (const Json& cell : row["cells"]) {
      h << (cell.empty() ? "<td class=\"missing\">—" : "<td>");
      for (const Json& t : cell) h << Escape(Str(t)) << "<br>";
      h << "</td>";
    }
    h << "</tr>";
  }
  h << "</table>";
  // Goals and criteria matched across plans.
  for (const auto& [list, title] : {std::pair{"goals", "Mục đích"}, std::pair{"criteria", "Tiêu chuẩn"}}) {
    h << "<h2>" << title << " <small>(cùng hàng: nội dung tương ứng; ô trống: kế hoạch không có)</small></h2>"
      << "<table id=\"" << list << "\"><tr>";
    for (const Json& p : c["plans"]) h << "<th>" << Escape(Str(p["file"])) << "</th>";
    h << "</tr>";
    for (const Json& row : c[list]) {
      h << "<tr>";
      for (const Json& cell : row["cells"]) {
        if (cell.is_null())
          h << "<td class=\"missing\">—</td>";
        else
          h << "<td>" << Escape(Str(cell["text"])) << " <small>(" << Escape(Str(cell["section"]))
            << ", dòng " << Str(cell["line"]) << ")</small></td>";
      }
      h << "</tr>";
    }
    h << "</table>";
  }
  // Targets.
  h << "<h2>Chỉ tiêu</h2><table id=\"targets\"><tr><th>kế hoạch</th><th>chỉ tiêu</th><th>số lượng</th>"
       "<th>đơn vị</th><th>mục, dòng</th></tr>";
  for (const Json& t : c["targets"]) {
    h << "<tr><td>" << Escape(Str(c["plans"][t["plan"].get<size_t>()]["file"])) << "</td><td>"
      << Escape(Str(t["indicator"])) << "</td><td>" << Escape(Str(t["comparator"])) << " "
      << Escape(Str(t["quantity"])) << "</td><td>" << Escape(Str(t["unit"])) << "</td><td>"
      << Escape(Str(t["section"])) << ", " << Str(t["line"]) << "</td></tr>";
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
  for (const std::string& path : options.plans) {
    std::ifstream in(path, std::ios::binary);
    try {
      if (!in) throw std::runtime_error("cannot open");
      Json j = Json::parse(in);
      if (!j.is_object() || !j.contains("document")) throw std::runtime_error("not a vnplan plan JSON");
      plans.push_back(std::move(j));
    } catch (const std::exception& e) {
      err << "vnplan: " << path << ": " << e.what() << "\n";
      return kExitInputFailed;
    }
  }
  const Json comparison = ComparePlans(plans);
  if (!options.json.empty()) {
    const std::string text =
        comparison.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
    if (options.json == "-") {
      out << text;
    } else if (std::string p = WriteFileAtomically(options.json, text); !p.empty()) {
      err << "vnplan: " << p << "\n";
      return kExitOutputFailed;
    }
  }
  if (!options.html.empty()) {
    if (std::string p = WriteFileAtomically(options.html, CompareHtml(comparison)); !p.empty()) {
      err << "vnplan: " << p << "\n";
      return kExitOutputFailed;
    }
  }
  return kExitOk;
}

}  // namespace vnplan
