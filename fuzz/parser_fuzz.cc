// Fuzz target: the parser on any bytes as text, then the JSON writer.
// A crash, a hang past -timeout or memory past -rss_limit_mb is a finding.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "vnplan/parser.h"
#include "vnplan/plan_json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const vnplan::PlanParser parser;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const vnplan::Plan plan = parser.Parse(text);
  (void)vnplan::PlanToJson(plan, {}, vnplan::JsonLayout::kOneLine);
  return 0;
}
