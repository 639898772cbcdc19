#include "tools/vnplan/export_command.h"

#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>
#include <optional>

#include "src/restore/gazetteer.h"
#include "tools/vnplan/atomic_file.h"
#include "tools/vnplan/csv_writer.h"
#include "tools/vnplan/exit_code.h"
#include "tools/vnplan/ical_writer.h"
#include "tools/vnplan/plan_file.h"
#include "tools/vnplan/xlsx_writer.h"
#include "vnplan/restorer.h"

namespace vnplan {
namespace {

using Json = nlohmann::json;

// The delimiter a --delimiter value names; std::nullopt for any other.
std::optional<char> Delimiter(const std::string& name) {
  if (name == ",") return ',';
  if (name == ";") return ';';
  if (name == "tab" || name == "\t") return '\t';
  return std::nullopt;
}

// Checks the options; "" if they are good, else what is wrong.
std::string Misuse(const ExportOptions& options) {
  if (int(!options.csv.empty()) + int(options.ics) + int(options.xlsx) != 1)
    return "export needs exactly one of --csv TABLE, --xlsx or --ics";
  if (!options.csv.empty() && !ParseExportTable(options.csv))
    return "--csv takes deadlines, assignments or targets";
  if (!Delimiter(options.delimiter)) return "--delimiter takes ',', ';' or tab";
  return "";
}

std::string Calendar(const std::vector<Json>& plans, std::ostream& err) {
  IcsLeftOut left_out;
  std::string ics = DeadlinesToIcs(plans, &left_out);
  if (left_out.undated > 0)
    err << "vnplan: " << left_out.undated << " deadlines without a date were left out\n";
  if (left_out.contradictory > 0)
    err << "vnplan: " << left_out.contradictory
        << " deadlines whose end precedes their start (or whose rule names no day) were left out\n";
  return ics;
}

}  // namespace

int RunExport(const ExportOptions& options, std::ostream& out, std::ostream& err) {
  if (const std::string misuse = Misuse(options); !misuse.empty()) {
    err << "vnplan: " << misuse << "\n";
    return kExitUsage;
  }
  std::unique_ptr<internal::Gazetteer> places;
  if (const Status status = LoadPlaces(options.model_dir, options.model_named, &places); !status.ok()) {
    err << "vnplan: " << status.message() << "\n";
    return ExitCodeOf(status);
  }
  std::vector<Json> plans;
  const bool failed = !ReadPlanFiles(options.plans, &plans, err);
  std::string result;
  if (options.ics) {
    result = Calendar(plans, err);
  } else if (options.xlsx) {
    std::vector<std::pair<std::string, ExportRows>> sheets;
    for (ExportTable table :
         {ExportTable::kDeadlines, ExportTable::kAssignments, ExportTable::kTargets})
      sheets.emplace_back(ExportTableName(table), MakeExportRows(plans, table, places.get()));
    if (const Status status = XlsxBytes(sheets, &result); !status.ok()) {
      err << "vnplan: " << status.message() << "\n";
      return ExitCodeOf(status);
    }
  } else {
    result = CsvText(MakeExportRows(plans, *ParseExportTable(options.csv), places.get()),
                     *Delimiter(options.delimiter));
  }
  if (const int written = WriteResult(options.output, result, out, err); written != kExitOk)
    return written;
  return failed ? kExitInputFailed : kExitOk;
}

}  // namespace vnplan
