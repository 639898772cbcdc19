// `vnplan export`: plan JSON to the formats other systems take: CSV for
// scripts and spreadsheets (csv_writer.h), an Excel workbook
// (xlsx_writer.h), iCalendar (RFC 5545) for calendars (ical_writer.h).
#ifndef VNPLAN_CLI_EXPORT_COMMAND_H_
#define VNPLAN_CLI_EXPORT_COMMAND_H_

#include <iosfwd>
#include <string>
#include <vector>

namespace vnplan {

struct ExportOptions {
  std::vector<std::string> plans;  // plan JSON files (a file may hold an array)
  std::string csv;                 // deadlines | assignments | targets
  std::string delimiter = ",";     // CSV: "," ";" or "tab"
  bool xlsx = false;               // a workbook, one sheet per table
  bool ics = false;
  std::string output;  // empty = standard output
  // A model directory whose gazetteer (places.tsv) names the province of a
  // plan whose issuer names a district or commune only; empty: none.
  std::string model_dir;
  bool model_named = false;  // given with --model: a folder without a gazetteer is an error
};

int RunExport(const ExportOptions& options, std::ostream& out, std::ostream& err);

}  // namespace vnplan

#endif  // VNPLAN_CLI_EXPORT_COMMAND_H_
