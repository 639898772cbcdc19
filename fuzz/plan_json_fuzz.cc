// Fuzz target: `export` and `compare` on any bytes as plan JSON: the safe
// reader, then the calendar, the CSV tables, the comparison and its HTML
// report.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "tools/vnplan/compare_command.h"
#include "tools/vnplan/csv_writer.h"
#include "tools/vnplan/export_table.h"
#include "tools/vnplan/ical_writer.h"
#include "tools/vnplan/plan_file.h"
#include "tools/vnplan/report_html.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<nlohmann::json> plans;
  if (!vnplan::ReadPlans(text, &plans).ok()) return 0;
  vnplan::IcsLeftOut left_out;
  (void)vnplan::DeadlinesToIcs(plans, &left_out);
  for (const char* table : {"deadlines", "assignments", "targets"})
    if (const auto kind = vnplan::ParseExportTable(table))
      (void)vnplan::CsvText(vnplan::MakeExportRows(plans, *kind), ',');
  (void)vnplan::CompareHtml(vnplan::ComparePlans(plans));
  return 0;
}
