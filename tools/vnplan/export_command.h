// `vnplan export`: plan JSON to the formats other systems take: CSV for
// spreadsheets, iCalendar (RFC 5545) for calendars.
#ifndef VNPLAN_CLI_EXPORT_COMMAND_H_
#define VNPLAN_CLI_EXPORT_COMMAND_H_

#include <iosfwd>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace vnplan {

struct ExportOptions {
  std::vector<std::string> plans;  // plan JSON files (a file may hold an array)
  std::string csv;                 // deadlines | assignments | targets
  bool ics = false;
  std::string output;  // empty = standard output
};

int RunExport(const ExportOptions& options, std::ostream& out, std::ostream& err);

// The iCalendar text for the deadlines of plans checked by ReadPlans
// (plan_file.h); *skipped counts the deadlines with no date to put in it.
std::string DeadlinesToIcs(const std::vector<nlohmann::json>& plans, int* skipped);

}  // namespace vnplan

#endif  // VNPLAN_CLI_EXPORT_COMMAND_H_
