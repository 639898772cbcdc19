#include "tools/vnplan/export_command.h"

#include <nlohmann/json.hpp>

#include <initializer_list>
#include <string_view>
#include <iostream>

#include "tools/vnplan/atomic_file.h"
#include "tools/vnplan/extract_command.h"
#include "tools/vnplan/plan_file.h"
#include "vnplan/pipeline.h"
#include "src/text/calendar.h"
#include "src/text/textutil.h"
#include "vnplan/plan.h"

namespace vnplan {
namespace {

using Json = nlohmann::json;

// Joins pieces (GCC 12 misreports "literal" + std::string as overlapping).
std::string Cat(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (std::string_view p : parts) out.append(p);
  return out;
}

std::string Joined(const Json& list, const char* sep) {
  std::string out;
  for (const Json& v : list) {
    if (!out.empty()) out.append(sep);
    out.append(Text(v));
  }
  return out;
}

// RFC 4180: quote fields with a comma, quote or line break; double quotes.
std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  return out + "\"";
}

std::string CsvRow(const std::vector<std::string>& fields) {
  std::string row;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) row.push_back(',');
    row.append(CsvField(fields[i]));
  }
  return row + "\r\n";
}

std::vector<std::string> PlanColumns(const Json& plan) {
  const Json& d = Field(plan, "document");
  return {Text(Field(Field(plan, "source"), "file")), Text(Field(d, "number")),
          Text(Field(d, "symbol")), Text(Field(Field(d, "issuer"), "name")),
          Text(Field(d, "date"))};
}

std::string Csv(const std::vector<Json>& plans, const std::string& table) {
  std::string out = "\xEF\xBB\xBF";  // BOM: spreadsheets then read UTF-8
  std::vector<std::string> header = {"plan_file", "number", "symbol", "issuer", "plan_date"};
  if (table == "deadlines")
    for (const char* c : {"kind", "date", "start", "end", "recurrence", "action", "responsible",
                          "section", "line", "text"})
      header.push_back(c);
  else if (table == "assignments")
    for (const char* c : {"assignee", "role", "tasks", "section", "line"}) header.push_back(c);
  else
    for (const char* c : {"indicator", "quantity", "quantity_max", "unit", "comparator", "section",
                          "line", "text"})
      header.push_back(c);
  out += CsvRow(header);
  for (const Json& plan : plans)
    for (const Json& item : Field(plan, table)) {
      std::vector<std::string> row = PlanColumns(plan);
      if (table == "deadlines") {
        for (const char* f : {"kind", "date", "start", "end", "recurrence", "action"})
          row.push_back(Text(Field(item, f)));
        row.push_back(Joined(Field(item, "responsible"), "; "));
        for (const char* f : {"section", "line", "text"}) row.push_back(Text(Field(item, f)));
      } else if (table == "assignments") {
        row.push_back(Text(Field(item, "assignee")));
        row.push_back(Text(Field(item, "role")));
        row.push_back(Joined(Field(item, "tasks"), " | "));
        row.push_back(Text(Field(item, "section")));
        row.push_back(Text(Field(item, "line")));
      } else {
        for (const char* f : {"indicator", "quantity", "quantity_max", "unit", "comparator",
                              "section", "line", "text"})
          row.push_back(Text(Field(item, f)));
      }
      out += CsvRow(row);
    }
  return out;
}

// RFC 5545 text escaping and 75-octet line folding (never inside a UTF-8
// sequence).
std::string IcsText(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\\' || c == ';' || c == ',') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

std::string Fold(const std::string& line) {
  std::string out;
  size_t width = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(line[i]);
    const bool starts_char = (c & 0xC0) != 0x80;
    if (starts_char && width >= 74) {
      out += "\r\n ";
      width = 1;
    }
    out += line[i];
    ++width;
  }
  return out + "\r\n";
}

std::string Basic(const internal::CivilDate& date) { return internal::FormatBasicDate(date); }

// The first day on or after `from` that a yearly BYMONTH/BYMONTHDAY rule
// picks, so that DTSTART is an instance of its RRULE (RFC 5545 3.8.5.3).
internal::CivilDate FirstInstance(const std::string& rule, const internal::CivilDate& from) {
  const std::vector<int> months = RuleNumbers(rule, "BYMONTH").value_or(std::vector<int>());
  const std::vector<int> days = RuleNumbers(rule, "BYMONTHDAY").value_or(std::vector<int>());
  for (int y = from.year; y < from.year + 2; ++y)
    for (int m : months)
      for (int d : days)
        // A day the month does not have is not an instance (RFC 5545 3.3.10).
        if (internal::IsRealDay({y, m, d}) && Basic({y, m, d}) >= Basic(from)) return {y, m, d};
  return from;
}

// An event's DTSTART, DTEND (the day after the last: all-day ends are
// exclusive) and RRULE.
struct EventDates {
  std::string start, end, rule;
};

// The dates of a deadline's event; std::nullopt when it has none to put in
// a calendar ("trước ngày 05/6" with no year).
std::optional<EventDates> DatesOf(const Json& d, const Json& doc) {
  const std::optional<DeadlineKind> kind = ParseDeadlineKind(Text(Field(d, "kind")));
  const auto date = DateField(Field(d, "date")), start = DateField(Field(d, "start")),
             end = DateField(Field(d, "end"));
  if ((kind == DeadlineKind::kDue || kind == DeadlineKind::kEvent) && date)
    return EventDates{Basic(*date), Basic(internal::NextDay(*date)), ""};
  if ((kind == DeadlineKind::kWindow || kind == DeadlineKind::kPeriod) && start && end)
    return EventDates{Basic(*start), Basic(internal::NextDay(*end)), ""};
  if (kind != DeadlineKind::kRecurring || !Field(d, "recurrence").is_string()) return std::nullopt;
  const auto from = start ? start : DateField(Field(doc, "date"));
  if (!from) return std::nullopt;
  EventDates dates;
  dates.rule = Text(Field(d, "recurrence"));
  const internal::CivilDate first = FirstInstance(dates.rule, *from);
  dates.start = Basic(first);
  dates.end = Basic(internal::NextDay(first));
  if (end) dates.rule += Cat({";UNTIL=", Basic(*end)});
  return dates;
}

// The VEVENT of the index-th deadline `d` of `plan`.
std::string IcsEvent(const Json& plan, const Json& d, int index, const EventDates& dates) {
  const auto doc_date = DateField(Field(Field(plan, "document"), "date"));
  const std::string stamp = Cat({doc_date ? Basic(*doc_date) : "20000101", "T000000Z"});
  // Stable: the same plan gives the same UIDs on every run.
  const std::string uid =
      Cat({InputDigest(Cat({Text(Field(Field(plan, "source"), "sha256")), "|",
                          Text(Field(d, "section")), "|", Text(Field(d, "line")), "|",
                          Text(Field(d, "kind")), "|", std::to_string(index)}))
               .substr(0, 32),
           "@vnplan"});
  const std::string action = Text(Field(d, "action"));
  const std::string summary = action.empty() ? Text(Field(d, "text")) : action;
  std::string out = "BEGIN:VEVENT\r\n";
  out += Fold(Cat({"UID:", uid}));
  out += Cat({"DTSTAMP:", stamp, "\r\n"});
  out += Cat({"DTSTART;VALUE=DATE:", dates.start, "\r\n"});
  out += Cat({"DTEND;VALUE=DATE:", dates.end, "\r\n"});
  if (!dates.rule.empty()) out += Fold(Cat({"RRULE:", dates.rule}));
  out += Fold(Cat({"SUMMARY:", IcsText(internal::TruncateUtf8(summary, 300))}));
  std::string description = Text(Field(d, "text"));
  description.append("\n")
      .append(PlanName(plan))
      .append(", mục ")
      .append(Text(Field(d, "section")));
  description.append(", dòng ").append(Text(Field(d, "line")));
  const Json& responsible = Field(d, "responsible");
  if (!responsible.empty()) description.append("\n").append(Joined(responsible, "; "));
  out += Fold(Cat({"DESCRIPTION:", IcsText(description)}));
  return out + "END:VEVENT\r\n";
}

}  // namespace

std::string DeadlinesToIcs(const std::vector<Json>& plans, int* skipped) {
  std::string out;
  out += "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//vnplan//plan deadlines//VI\r\n"
         "CALSCALE:GREGORIAN\r\n";
  *skipped = 0;
  for (const Json& plan : plans) {
    int index = 0;
    for (const Json& d : Field(plan, "deadlines")) {
      ++index;
      const std::optional<EventDates> dates = DatesOf(d, Field(plan, "document"));
      if (dates)
        out += IcsEvent(plan, d, index, *dates);
      else
        ++*skipped;
    }
  }
  return out + "END:VCALENDAR\r\n";
}

int RunExport(const ExportOptions& options, std::ostream& out, std::ostream& err) {
  if (options.ics == !options.csv.empty()) {
    err << "vnplan: export needs exactly one of --csv TABLE or --ics\n";
    return kExitUsage;
  }
  if (!options.csv.empty() && options.csv != "deadlines" && options.csv != "assignments" &&
      options.csv != "targets") {
    err << "vnplan: --csv takes deadlines, assignments or targets\n";
    return kExitUsage;
  }
  std::vector<Json> plans;
  const bool failed = !ReadPlanFiles(options.plans, &plans, err);
  std::string result;
  if (options.ics) {
    int skipped = 0;
    result = DeadlinesToIcs(plans, &skipped);
    if (skipped > 0) err << "vnplan: " << skipped << " deadlines without a date were left out\n";
  } else {
    result = Csv(plans, options.csv);
  }
  if (const int written = WriteResult(options.output, result, out, err); written != kExitOk)
    return written;
  return failed ? kExitInputFailed : kExitOk;
}

}  // namespace vnplan
