#include "tools/vnplan/search_command.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <ostream>
#include <tuple>

#include "src/text/calendar.h"
#include "tools/vnplan/exit_code.h"
#include "tools/vnplan/plan_file.h"

namespace vnplan {
namespace {

using Json = nlohmann::json;

Status OpenForReading(const std::string& db, std::unique_ptr<Catalogue>* catalogue) {
  return Catalogue::Open(db, Catalogue::Mode::kRead, catalogue);
}

Json Opt(const OptString& text) { return text ? Json(*text) : Json(); }

void PrintHit(const SearchHit& hit, int rank, std::ostream& out) {
  out << rank << ". " << hit.name;
  for (const OptString* field : {&hit.date, &hit.type, &hit.issuer})
    if (*field) out << " · " << **field;
  out << "\n   " << hit.path << "\n   ";
  if (!hit.section.empty()) out << "section " << hit.section << ", ";
  out << "line " << hit.line;
  if (hit.matching_lines > 1) out << " (" << hit.matching_lines << " lines match)";
  out << ": " << hit.snippet << "\n";
}

Json HitJson(const SearchHit& hit) {
  return {{"path", hit.path},       {"name", hit.name},       {"type", Opt(hit.type)},
          {"issuer", Opt(hit.issuer)}, {"date", Opt(hit.date)},  {"title", Opt(hit.title)},
          {"section", hit.section}, {"line", hit.line},       {"snippet", hit.snippet},
          {"matching_lines", hit.matching_lines}, {"score", hit.score}};
}

// One row of the deadline list.
struct Row {
  std::string date;  // "2026-03-15", "2026-03", or "2026-01-01..2026-06-30"
  const CatalogueDeadline* deadline;
};

std::string Iso(const internal::CivilDate& date) { return internal::FormatIsoDate(date); }

// The rows of a recurring deadline within [from, to] and its own span.
void RecurringRows(const CatalogueDeadline& d, const internal::CivilDate& from,
                   const internal::CivilDate& to, std::vector<Row>* rows) {
  const RuleDays days = DaysOfYear(d.recurrence.value_or(""));
  const auto start = internal::ParseIsoDate(d.start.value_or(""));
  const auto end = internal::ParseIsoDate(d.end.value_or(""));
  const std::string lo = start ? std::max(Iso(from), Iso(*start)) : Iso(from);
  const std::string hi = end ? std::min(Iso(to), Iso(*end)) : Iso(to);
  if (days.months.empty()) {
    rows->push_back({d.start.value_or("") + ".." + d.end.value_or("") + " " +
                         d.recurrence.value_or(""), &d});
    return;
  }
  const int first_year = std::max(from.year, start ? start->year : from.year);
  const int last_year = std::min(to.year, end ? end->year : to.year);
  for (int year = first_year; year <= last_year; ++year)
    for (int month : days.months) {
      if (!days.day_of_month) {
        const std::string first = Iso({year, month, 1});
        const std::string last = Iso({year, month, internal::DaysInMonth(year, month)});
        if (last >= lo && first <= hi) rows->push_back({first.substr(0, 7), &d});
        continue;
      }
      // A day the month does not have is not an instance (RFC 5545 3.3.10).
      if (!internal::IsRealDay({year, month, *days.day_of_month})) continue;
      const std::string day = Iso({year, month, *days.day_of_month});
      if (day >= lo && day <= hi) rows->push_back({day, &d});
    }
}

std::string Cell(std::string text) {
  std::replace(text.begin(), text.end(), '\t', ' ');
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text;
}

}  // namespace

int RunSearch(const SearchOptions& options, std::ostream& out, std::ostream& err) {
  if (options.format != "text" && options.format != "jsonl") {
    err << "vnplan: unknown format '" << options.format << "' (text or jsonl)\n";
    return kExitUsage;
  }
  std::unique_ptr<Catalogue> catalogue;
  std::vector<SearchHit> hits;
  Status status = OpenForReading(options.db, &catalogue);
  if (status.ok()) status = catalogue->Search(options.query, &hits);
  if (!status.ok()) {
    err << "vnplan: " << status.message() << "\n";
    return ExitCodeOf(status);
  }
  int rank = 0;
  for (const SearchHit& hit : hits) {
    if (options.format == "jsonl")
      out << HitJson(hit).dump(-1, ' ', false, Json::error_handler_t::replace) << "\n";
    else
      PrintHit(hit, ++rank, out);
  }
  if (hits.empty() && options.format == "text") err << "vnplan: no plan found\n";
  out.flush();
  return out ? kExitOk : kExitOutputFailed;
}

int RunDeadlines(const DeadlinesOptions& options, std::ostream& out, std::ostream& err) {
  std::unique_ptr<Catalogue> catalogue;
  std::vector<CatalogueDeadline> deadlines;
  Status status = OpenForReading(options.db, &catalogue);
  if (status.ok()) status = catalogue->Deadlines(options.from, options.to, &deadlines);
  if (!status.ok()) {
    err << "vnplan: " << status.message() << "\n";
    return ExitCodeOf(status);
  }
  const internal::CivilDate from = *internal::ParseIsoDate(options.from);
  const internal::CivilDate to = *internal::ParseIsoDate(options.to);
  std::vector<Row> rows;
  for (const CatalogueDeadline& d : deadlines) {
    if (d.date)
      rows.push_back({*d.date, &d});
    else if (d.kind != "recurring")
      rows.push_back({d.start.value_or("") + ".." + d.end.value_or(""), &d});
    else
      RecurringRows(d, from, to, &rows);
  }
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    return std::tie(a.date, a.deadline->path, a.deadline->line) <
           std::tie(b.date, b.deadline->path, b.deadline->line);
  });
  out << "date\tkind\tplan\tsection\tline\tresponsible\ttext\tpath\n";
  for (const Row& row : rows) {
    const CatalogueDeadline& d = *row.deadline;
    std::string responsible;
    for (const std::string& agency : d.responsible)
      responsible += (responsible.empty() ? "" : "; ") + agency;
    out << row.date << "\t" << d.kind << "\t" << Cell(d.name) << "\t" << d.section << "\t" << d.line
        << "\t" << Cell(responsible) << "\t" << Cell(d.text) << "\t" << Cell(d.path) << "\n";
  }
  out.flush();
  return out ? kExitOk : kExitOutputFailed;
}

}  // namespace vnplan
