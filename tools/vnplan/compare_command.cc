#include "tools/vnplan/compare_command.h"

#include <algorithm>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>

#include "src/restore/gazetteer.h"
#include "src/text/calendar.h"
#include "src/text/folding.h"
#include "src/text/textutil.h"
#include "tools/vnplan/atomic_file.h"
#include "tools/vnplan/exit_code.h"
#include "tools/vnplan/plan_file.h"
#include "tools/vnplan/report_html.h"
#include "vnplan/plan.h"

namespace vnplan {
namespace {

using Json = nlohmann::json;
using internal::TextFolder;

// A word found in more groups than this no longer finds candidates for
// matching (its groups are still found through the item's rarer words):
// with it, matching 3 x 5,000 goals sharing "công tác" was quadratic. Real
// plans have at most a few dozen goals, far below it.
constexpr size_t kMaxGroupsPerWord = 64;

// Words of a text, folded: "Hoàn thành xuất sắc" -> {hoan, thanh, xuat, sac}.
std::set<std::string> Words(const TextFolder& folder, const std::string& text) {
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

// Word sets as sorted word numbers, compared by one merge.
using WordIds = std::vector<int>;

double Jaccard(const WordIds& a, const WordIds& b) {
  if (a.empty() || b.empty()) return 0;
  size_t common = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] == b[j]) ++common, ++i, ++j;
    else if (a[i] < b[j]) ++i;
    else ++j;
  }
  return double(common) / double(a.size() + b.size() - common);
}

// Groups of items, at most one per plan, and which groups hold each word.
struct Matching {
  struct Group {
    std::vector<int> item_of_plan;
    std::vector<WordIds> words;
  };
  std::vector<Group> groups;
  std::unordered_map<std::string, int> word_ids;
  std::vector<std::vector<int>> groups_with_word;  // by word number

  WordIds Ids(const std::set<std::string>& words) {
    WordIds ids;
    for (const std::string& word : words) {
      const auto [it, added] = word_ids.emplace(word, static_cast<int>(word_ids.size()));
      if (added) groups_with_word.emplace_back();
      ids.push_back(it->second);
    }
    std::sort(ids.begin(), ids.end());
    return ids;
  }

  // The group an item of plan p with words w joins: the best one sharing
  // enough words with it that has no item of p yet, else a new one.
  int Place(size_t p, size_t plans, const std::set<std::string>& words) {
    const WordIds w = Ids(words);
    std::vector<int> candidates;
    for (int word : w) {
      const std::vector<int>& holders = groups_with_word[static_cast<size_t>(word)];
      candidates.insert(candidates.end(), holders.begin(), holders.end());
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    int best = -1;
    double best_score = 0.25;  // below this, the item is its plan's own
    for (int g : candidates) {
      const Group& group = groups[static_cast<size_t>(g)];
      if (group.item_of_plan[p] >= 0) continue;
      double score = 0;
      for (const WordIds& other : group.words) score = std::max(score, Jaccard(w, other));
      if (score > best_score) best_score = score, best = g;
    }
    if (best < 0) {
      groups.push_back({std::vector<int>(plans, -1), {}});
      best = static_cast<int>(groups.size()) - 1;
    }
    for (int word : w) {
      std::vector<int>& holders = groups_with_word[static_cast<size_t>(word)];
      if (holders.size() < kMaxGroupsPerWord &&
          std::find(holders.begin(), holders.end(), best) == holders.end())
        holders.push_back(best);
    }
    groups[static_cast<size_t>(best)].words.push_back(w);
    return best;
  }
};

// Items of one list ("goals", "criteria") from every plan, grouped so that
// each group holds at most one item per plan, matched by word overlap.
Json MatchItems(const std::vector<Json>& plans, const char* list, const TextFolder& folder) {
  Matching matching;
  std::vector<std::vector<const Json*>> items(plans.size());
  for (size_t p = 0; p < plans.size(); ++p) {
    for (const Json& item : Field(plans[p], list)) {
      items[p].push_back(&item);
      const int g = matching.Place(p, plans.size(), Words(folder, Text(Field(item, "text"))));
      matching.groups[static_cast<size_t>(g)].item_of_plan[p] =
          static_cast<int>(items[p].size()) - 1;
    }
  }
  Json rows = Json::array();
  for (const Matching::Group& g : matching.groups) {
    Json cells = Json::array();
    int present = 0;
    for (size_t p = 0; p < plans.size(); ++p) {
      if (g.item_of_plan[p] < 0) {
        cells.push_back(nullptr);
        continue;
      }
      const Json& item = *items[p][static_cast<size_t>(g.item_of_plan[p])];
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

// Rows keyed by a folded name, one cell (a list) per plan, ordered by how
// many plans share them, then by first appearance.
class Table {
 public:
  explicit Table(size_t plans) : plans_(plans) {}
  Json& Cell(const std::string& key, const std::string& name, size_t plan) {
    auto [it, added] = row_of_.emplace(key, rows_.size());
    if (added) rows_.push_back({{"name", name}, {"cells", Json::array()}});
    Json& cells = rows_[it->second]["cells"];
    while (cells.size() < plans_) cells.push_back(Json::array());
    return cells[plan];
  }
  Json Rows() {
    for (Json& row : rows_) {
      int present = 0;
      for (const Json& cell : row["cells"]) present += cell.empty() ? 0 : 1;
      row["shared_by"] = present;
    }
    std::stable_sort(rows_.begin(), rows_.end(), [](const Json& a, const Json& b) {
      return Field(a, "shared_by") > Field(b, "shared_by");
    });
    return Json(rows_);
  }

 private:
  size_t plans_;
  std::unordered_map<std::string, size_t> row_of_;
  std::vector<Json> rows_;
};

// Who is given what, agency by agency across the plans.
Json CompareAssignments(const std::vector<Json>& plans, const TextFolder& folder) {
  Table table(plans.size());
  for (size_t p = 0; p < plans.size(); ++p)
    for (const Json& a : Field(plans[p], "assignments")) {
      const std::string assignee = Text(Field(a, "assignee"));
      table.Cell(folder.Fold(assignee).text, assignee, p)
          .push_back({{"role", Field(a, "role")},
                      {"tasks", Field(a, "tasks")},
                      {"line", Field(a, "line")}});
    }
  return table.Rows();
}

// The quantities each plan sets for an indicator (and unit), for the chart.
Json CompareIndicators(const std::vector<Json>& plans, const TextFolder& folder) {
  Table table(plans.size());
  for (size_t p = 0; p < plans.size(); ++p)
    for (const Json& t : Field(plans[p], "targets")) {
      if (!Field(t, "indicator").is_string() || !Field(t, "quantity").is_number()) continue;
      const std::string indicator = Text(Field(t, "indicator"));
      const std::string unit = Text(Field(t, "unit"));
      const std::string name = unit.empty() ? indicator : indicator + " (" + unit + ")";
      table.Cell(folder.Fold(name).text, name, p)
          .push_back({{"quantity", Field(t, "quantity")},
                      {"unit", Field(t, "unit")},
                      {"comparator", Field(t, "comparator")},
                      {"line", Field(t, "line")}});
    }
  return table.Rows();
}

Json Mark(const Json& from, const Json& to, const std::string& kind, const std::string& label,
          const Json& line) {
  return {{"from", from}, {"to", to}, {"kind", kind}, {"label", label}, {"line", line}};
}

// The days a recurring deadline falls on from `start` to `end`, at most
// kMaxInstancesPerDeadline of them; *left_out counts the rest (counting
// costs a step per month: from year 0 to 9999, under a millisecond).
std::vector<std::string> Instances(const std::string& rule, const internal::CivilDate& start,
                                   const internal::CivilDate& end, int* left_out) {
  const RuleDays rule_days = DaysOfYear(rule);
  const std::vector<int>& months = rule_days.months;
  const int day_of_month = rule_days.day_of_month.value_or(1);
  std::vector<std::string> days;
  if (months.empty()) return days;
  for (int y = start.year; y <= end.year; ++y) {
    for (int m : months) {
      // A day the month does not have is not an instance (RFC 5545 3.3.10).
      if (!internal::IsRealDay({y, m, day_of_month})) continue;
      if (days.size() >= size_t{kMaxInstancesPerDeadline}) {
        ++*left_out;
        continue;
      }
      days.push_back(internal::FormatIsoDate({y, m, day_of_month}));
    }
  }
  return days;
}

// Dated deadlines for the timeline: points, spans, and the yearly or
// quarterly days of recurring ones within their bounds, capped
// (kMaxInstancesPerDeadline, kMaxMarksPerPlan); *left_out counts the cut.
Json TimelineMarks(const Json& deadlines, int* left_out) {
  Json marks = Json::array();
  auto add = [&](Json mark) {
    if (marks.size() < size_t{kMaxMarksPerPlan})
      marks.push_back(std::move(mark));
    else
      ++*left_out;
  };
  for (const Json& d : deadlines) {
    const std::string kind = Text(Field(d, "kind"));
    const bool recurring = ParseDeadlineKind(kind) == DeadlineKind::kRecurring;
    const std::string label = internal::TruncateUtf8(Text(Field(d, "text")), 160);
    const Json& line = Field(d, "line");
    const auto start = DateField(Field(d, "start")), end = DateField(Field(d, "end"));
    if (DateField(Field(d, "date"))) {
      add(Mark(Field(d, "date"), Field(d, "date"), kind, label, line));
    } else if (start && end && !recurring) {
      // A span whose end precedes its start is drawn from its start only.
      const bool backwards = internal::DayNumber(*end) < internal::DayNumber(*start);
      add(Mark(Field(d, "start"), backwards ? Field(d, "start") : Field(d, "end"), kind, label,
               line));
    } else if (recurring && start && end) {
      for (const std::string& day : Instances(Text(Field(d, "recurrence")), *start, *end, left_out))
        add(Mark(day, day, kind, label, line));
    }
  }
  return marks;
}

// Deadlines by month ("2023-03"), one cell per plan, from the timeline.
Json ByMonth(const Json& timeline, size_t plans) {
  std::map<std::string, Json> months;
  for (size_t p = 0; p < plans; ++p)
    for (const Json& m : Field(timeline[p], "marks")) {
      Json& cells = months[Text(Field(m, "from")).substr(0, 7)];
      while (cells.size() < plans) cells.push_back(Json::array());
      cells[p].push_back(m);
    }
  Json out = Json::array();
  for (auto& [month, cells] : months) out.push_back({{"month", month}, {"cells", cells}});
  return out;
}

// The header row of one plan.
Json PlanHeader(const Json& p, const internal::Gazetteer* places) {
  const Json& d = Field(p, "document");
  const std::optional<std::string> province = Province(p, places);
  const Json& signer = Field(d, "signer");
  return {{"file", Field(Field(p, "source"), "file")},
          {"name", PlanName(p)},
          {"issuer", Field(Field(d, "issuer"), "name")},
          {"parent", Field(Field(d, "issuer"), "parent")},
          {"province", province ? Json(*province) : Json(nullptr)},
          {"number", Field(d, "number")},
          {"symbol", Field(d, "symbol")},
          {"place", Field(d, "place")},
          {"date", Field(d, "date")},
          {"title", Field(d, "title")},
          {"period", Field(d, "period")},
          {"signer", signer.is_object() ? Field(signer, "name") : Json(nullptr)},
          {"counts",
           {{"sections", Field(p, "sections").size()},
            {"goals", Field(p, "goals").size()},
            {"criteria", Field(p, "criteria").size()},
            {"targets", Field(p, "targets").size()},
            {"deadlines", Field(p, "deadlines").size()},
            {"assignments", Field(p, "assignments").size()}}}};
}

void CollectKinds(const Json& sections, std::map<std::string, std::vector<std::string>>& by_kind,
                  int depth) {
  for (const Json& s : sections) {
    by_kind[Text(Field(s, "kind"))].push_back(Text(Field(s, "number")) + ". " +
                                              Text(Field(s, "title")));
    if (depth < 1) CollectKinds(Field(s, "children"), by_kind, depth + 1);
  }
}

// Sections aligned by kind, in the order plans usually follow.
Json SectionsByKind(const std::vector<Json>& plans) {
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
  return kinds;
}

}  // namespace

Json ComparePlans(const std::vector<Json>& plans, const internal::Gazetteer* places) {
  const TextFolder folder;
  Json c;
  c["plans"] = Json::array();
  for (const Json& p : plans) c["plans"].push_back(PlanHeader(p, places));
  c["sections_by_kind"] = SectionsByKind(plans);
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
  c["indicators"] = CompareIndicators(plans, folder);
  c["assignments"] = CompareAssignments(plans, folder);
  Json timeline = Json::array();
  std::string from = "9999-12-31", to = "0000-01-01";
  for (const Json& p : plans) {
    int left_out = 0;
    const Json marks = TimelineMarks(Field(p, "deadlines"), &left_out);
    for (const Json& m : marks) {
      from = std::min(from, Text(Field(m, "from")));
      to = std::max(to, Text(Field(m, "to")));
    }
    timeline.push_back({{"name", PlanName(p)}, {"marks", marks}, {"left_out", left_out}});
  }
  c["by_month"] = ByMonth(timeline, plans.size());
  c["timeline"] = timeline;
  c["timeline_from"] = from;
  c["timeline_to"] = to;
  return c;
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
  std::unique_ptr<internal::Gazetteer> places;
  if (const Status status = LoadPlaces(options.model_dir, options.model_named, &places); !status.ok()) {
    err << "vnplan: " << status.message() << "\n";
    return ExitCodeOf(status);
  }
  std::vector<Json> plans;
  const bool failed = !ReadPlanFiles(options.plans, &plans, err);
  if (plans.size() < 2) {
    err << "vnplan: compare needs two or more plans; " << plans.size() << " could be read\n";
    return kExitInputFailed;
  }
  const Json comparison = ComparePlans(plans, places.get());
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
