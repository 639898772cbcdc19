#include "tools/vnplan/export_command.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <initializer_list>
#include <string_view>
#include <iostream>
#include <sstream>

#include "tools/vnplan/atomic_file.h"
#include "tools/vnplan/extract_command.h"
#include "src/text/calendar.h"
#include "vnplan/pipeline.h"
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

std::string Str(const Json& v) {
  if (v.is_null()) return "";
  if (v.is_string()) return v.get<std::string>();
  return v.dump();
}

std::string Joined(const Json& list, const char* sep) {
  std::string out;
  for (const Json& v : list) {
    if (!out.empty()) out.append(sep);
    out.append(Str(v));
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
  const Json& d = plan["document"];
  return {Str(plan["source"]["file"]), Str(d["number"]), Str(d["symbol"]),
          Str(d["issuer"]["name"]), Str(d["date"])};
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
    for (const Json& item : plan[table]) {
      std::vector<std::string> row = PlanColumns(plan);
      if (table == "deadlines") {
        for (const char* f : {"kind", "date", "start", "end", "recurrence", "action"})
          row.push_back(Str(item[f]));
        row.push_back(Joined(item["responsible"], "; "));
        for (const char* f : {"section", "line", "text"}) row.push_back(Str(item[f]));
      } else if (table == "assignments") {
        row.push_back(Str(item["assignee"]));
        row.push_back(Str(item["role"]));
        row.push_back(Joined(item["tasks"], " | "));
        row.push_back(Str(item["section"]));
        row.push_back(Str(item["line"]));
      } else {
        for (const char* f : {"indicator", "quantity", "quantity_max", "unit", "comparator",
                              "section", "line", "text"})
          row.push_back(Str(item[f]));
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

std::string Compact(const std::string& iso) {  // 2016-06-05 -> 20160605
  std::string out;
  for (char c : iso)
    if (c != '-') out += c;
  return out;
}

// The day after an ISO date (DTEND of all-day events is exclusive).
std::string DayAfter(const std::string& iso) {
  return internal::FormatBasicDate(internal::NextDay(*internal::ParseIsoDate(iso)));
}

std::vector<int> Numbers(const std::string& rule, const std::string& key) {
  std::vector<int> out;
  const size_t at = rule.find(Cat({key, "="}));
  if (at == std::string::npos) return out;
  std::stringstream list(rule.substr(at + key.size() + 1, rule.find(';', at) - at - key.size() - 1));
  for (std::string n; std::getline(list, n, ',');) out.push_back(std::stoi(n));
  return out;
}

// The first day on or after `from` that a yearly BYMONTH/BYMONTHDAY rule
// picks, so that DTSTART is an instance of its RRULE (RFC 5545 3.8.5.3).
internal::CivilDate FirstInstance(const std::string& rule, const std::string& from) {
  const internal::CivilDate start = *internal::ParseIsoDate(from);
  const std::vector<int> months = Numbers(rule, "BYMONTH"), days = Numbers(rule, "BYMONTHDAY");
  if (months.empty() || days.empty()) return start;
  for (int y = start.year; y < start.year + 2; ++y)
    for (int m : months)
      for (int d : days)
        if (internal::FormatBasicDate({y, m, d}) >= internal::FormatBasicDate(start))
          return {y, m, d};
  return start;
}

}  // namespace

std::string DeadlinesToIcs(const std::vector<std::string>& plan_json_texts, int* skipped) {
  std::string out;
  out += "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//vnplan//plan deadlines//VI\r\n"
         "CALSCALE:GREGORIAN\r\n";
  *skipped = 0;
  for (const std::string& text : plan_json_texts) {
    const Json parsed = Json::parse(text);
    for (const Json& plan : parsed.is_array() ? parsed : Json::array({parsed})) {
      const Json& doc = plan["document"];
      const std::string stamp =
          Cat({doc["date"].is_string() ? Compact(doc["date"].get<std::string>()) : "20000101",
               "T000000Z"});
      const std::string who = Str(doc["symbol"]).empty()
                                  ? Str(plan["source"]["file"])
                                  : Cat({Str(doc["number"]), "/", Str(doc["symbol"])});
      int index = 0;
      for (const Json& d : plan["deadlines"]) {
        ++index;
        const std::string kind_name = Str(d["kind"]);
        const std::optional<DeadlineKind> kind = ParseDeadlineKind(kind_name);
        std::string start, end, rule;
        if ((kind == DeadlineKind::kDue || kind == DeadlineKind::kEvent) && d["date"].is_string()) {
          start = Compact(Str(d["date"]));
          end = DayAfter(Str(d["date"]));
        } else if ((kind == DeadlineKind::kWindow || kind == DeadlineKind::kPeriod) &&
                   d["start"].is_string() &&
                   d["end"].is_string()) {
          start = Compact(Str(d["start"]));
          end = DayAfter(Str(d["end"]));
        } else if (kind == DeadlineKind::kRecurring && d["recurrence"].is_string()) {
          rule = Str(d["recurrence"]);
          const std::string from = d["start"].is_string() ? Str(d["start"])
                                   : doc["date"].is_string() ? Str(doc["date"])
                                                             : "";
          if (from.empty()) {
            ++*skipped;
            continue;
          }
          const internal::CivilDate first = FirstInstance(rule, from);
          start = internal::FormatBasicDate(first);
          end = internal::FormatBasicDate(internal::NextDay(first));
          if (d["end"].is_string()) rule += Cat({";UNTIL=", Compact(Str(d["end"]))});
        } else {
          ++*skipped;  // no date to put in a calendar ("trước ngày 05/6" with no year)
          continue;
        }
        // Stable: the same plan gives the same UIDs on every run.
        const std::string uid =
            Cat({InputDigest(Cat({Str(plan["source"]["sha256"]), "|", Str(d["section"]), "|",
                                Str(d["line"]), "|", kind_name, "|", std::to_string(index)}))
                     .substr(0, 32),
                 "@vnplan"});
        const std::string summary = Str(d["action"]).empty() ? Str(d["text"]) : Str(d["action"]);
        out += "BEGIN:VEVENT\r\n";
        out += Fold(Cat({"UID:", uid}));
        out += Cat({"DTSTAMP:", stamp, "\r\n"});
        out += Cat({"DTSTART;VALUE=DATE:", start, "\r\n"});
        out += Cat({"DTEND;VALUE=DATE:", end, "\r\n"});
        if (!rule.empty()) out += Fold(Cat({"RRULE:", rule}));
        out += Fold(Cat({"SUMMARY:", IcsText(internal::TruncateUtf8(summary, 300))}));
        std::string description = Str(d["text"]);
        description.append("\n").append(who).append(", mục ").append(Str(d["section"]));
        description.append(", dòng ").append(Str(d["line"]));
        if (!d["responsible"].empty()) description.append("\n").append(Joined(d["responsible"], "; "));
        out += Fold(Cat({"DESCRIPTION:", IcsText(description)}));
        out += "END:VEVENT\r\n";
      }
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
  std::vector<std::string> texts;
  std::vector<Json> plans;
  bool failed = false;
  for (const std::string& path : options.plans) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    try {
      if (!in) throw std::runtime_error("cannot open");
      const Json j = Json::parse(buffer.str());
      for (const Json& plan : j.is_array() ? j : Json::array({j})) {
        if (!plan.contains("document") || !plan.contains("deadlines"))
          throw std::runtime_error("not a vnplan plan JSON");
        plans.push_back(plan);
      }
      texts.push_back(buffer.str());
    } catch (const std::exception& e) {
      err << "vnplan: " << path << ": " << e.what() << "\n";
      failed = true;
    }
  }
  std::string result;
  if (options.ics) {
    int skipped = 0;
    result = DeadlinesToIcs(texts, &skipped);
    if (skipped > 0) err << "vnplan: " << skipped << " deadlines without a date were left out\n";
  } else {
    result = Csv(plans, options.csv);
  }
  if (options.output.empty() || options.output == "-") {
    out << result;
  } else if (std::string problem = WriteFileAtomically(options.output, result); !problem.empty()) {
    err << "vnplan: " << problem << "\n";
    return kExitOutputFailed;
  }
  return failed ? kExitInputFailed : kExitOk;
}

}  // namespace vnplan
