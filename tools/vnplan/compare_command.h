// `vnplan compare`: plans side by side for analysts, as one self-contained
// HTML page (tables and an SVG timeline, readable printed) and as JSON.
#ifndef VNPLAN_CLI_COMPARE_COMMAND_H_
#define VNPLAN_CLI_COMPARE_COMMAND_H_

#include <iosfwd>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace vnplan {

struct CompareOptions {
  std::vector<std::string> plans;  // plan JSON files, two or more
  std::string html;                // report path
  std::string json;                // comparison JSON path ("-" = stdout)
};

// The comparison of parsed plans: header fields, sections aligned by kind,
// goals and criteria matched across plans, targets, dated deadlines.
nlohmann::json ComparePlans(const std::vector<nlohmann::json>& plans);
// The HTML report of a comparison.
std::string CompareHtml(const nlohmann::json& comparison);

int RunCompare(const CompareOptions& options, std::ostream& out, std::ostream& err);

}  // namespace vnplan

#endif  // VNPLAN_CLI_COMPARE_COMMAND_H_
