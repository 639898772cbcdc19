// The rows `vnplan export` writes to CSV and .xlsx: one row per item of a
// plan's list, the plan's own columns first on every row (so a row read
// alone still says which plan, issuer and province it is from).
#ifndef VNPLAN_TOOLS_VNPLAN_EXPORT_TABLE_H_
#define VNPLAN_TOOLS_VNPLAN_EXPORT_TABLE_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vnplan {
namespace internal {
class Gazetteer;
}  // namespace internal

// The lists a table can be made of.
enum class ExportTable { kDeadlines, kAssignments, kTargets };

// "deadlines", "assignments", "targets" (the plan JSON's key), and back;
// std::nullopt for any other name. The one name table is in export_table.cc.
std::string_view ExportTableName(ExportTable table);
std::optional<ExportTable> ParseExportTable(std::string_view name);

// One cell. Text stays text whatever it looks like ("941", "01"): only the
// contract's numbers (line numbers, quantities) are numbers.
struct ExportCell {
  enum class Type { kNull, kText, kNumber };
  Type type = Type::kNull;
  std::string text;  // the text, or the number as JSON writes it
  double number = 0;
};

struct ExportRows {
  std::vector<std::string> header;
  std::vector<std::vector<ExportCell>> rows;
};

// The rows of `table` for plans checked by ReadPlans (plan_file.h); the
// province column from the gazetteer too when `places` is given (Province()).
ExportRows MakeExportRows(const std::vector<nlohmann::json>& plans, ExportTable table,
                          const internal::Gazetteer* places = nullptr);

}  // namespace vnplan

#endif  // VNPLAN_TOOLS_VNPLAN_EXPORT_TABLE_H_
