// Fuzz target: `export` and `compare` on any bytes as plan JSON: the safe
// reader, then the calendar, the comparison and its HTML report.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "tools/vnplan/compare_command.h"
#include "tools/vnplan/export_command.h"
#include "tools/vnplan/plan_file.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<nlohmann::json> plans;
  if (!vnplan::ReadPlans(text, &plans).ok()) return 0;
  int skipped = 0;
  (void)vnplan::DeadlinesToIcs(plans, &skipped);
  (void)vnplan::CompareHtml(vnplan::ComparePlans(plans));
  return 0;
}
