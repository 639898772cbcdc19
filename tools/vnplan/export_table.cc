#include "tools/vnplan/export_table.h"

#include "tools/vnplan/plan_file.h"

namespace vnplan {
namespace {

using Json = nlohmann::json;
using Type = ExportCell::Type;

constexpr struct {
  ExportTable table;
  std::string_view name;
} kTableNames[] = {{ExportTable::kDeadlines, "deadlines"},
                   {ExportTable::kAssignments, "assignments"},
                   {ExportTable::kTargets, "targets"}};

// A column: its header, the item's field it shows and how lists are joined
// ("; " between the agencies responsible, " | " between tasks, which may
// hold semicolons themselves).
struct Column {
  const char* header;
  const char* field;
  const char* list_separator = nullptr;
};

constexpr Column kDeadlineColumns[] = {
    {"kind", "kind"},     {"date", "date"},     {"start", "start"},
    {"end", "end"},       {"recurrence", "recurrence"}, {"action", "action"},
    {"responsible", "responsible", "; "},       {"section", "section"},
    {"line", "line"},     {"text", "text"}};
constexpr Column kAssignmentColumns[] = {{"assignee", "assignee"},
                                         {"role", "role"},
                                         {"tasks", "tasks", " | "},
                                         {"section", "section"},
                                         {"line", "line"}};
constexpr Column kTargetColumns[] = {
    {"indicator", "indicator"}, {"quantity", "quantity"}, {"quantity_max", "quantity_max"},
    {"unit", "unit"},           {"comparator", "comparator"}, {"section", "section"},
    {"line", "line"},           {"text", "text"}};

// The plan's columns, on every row.
constexpr const char* kPlanHeader[] = {"plan_file", "number",   "symbol",   "issuer",
                                       "parent",    "province", "plan_date"};

ExportCell TextCell(const std::string& text) { return {Type::kText, text, 0}; }

ExportCell CellOf(const Json& value, const char* list_separator) {
  if (value.is_null()) return {};
  if (value.is_number()) return {Type::kNumber, value.dump(), value.get<double>()};
  if (!value.is_array()) return TextCell(Text(value));
  std::string joined;
  for (const Json& v : value) {
    if (!joined.empty()) joined += list_separator;
    joined += Text(v);
  }
  return TextCell(joined);
}

std::vector<ExportCell> PlanCells(const Json& plan, const internal::Gazetteer* places) {
  const Json& doc = Field(plan, "document");
  const Json& issuer = Field(doc, "issuer");
  const std::optional<std::string> province = Province(plan, places);
  return {CellOf(Field(Field(plan, "source"), "file"), nullptr),
          CellOf(Field(doc, "number"), nullptr),
          CellOf(Field(doc, "symbol"), nullptr),
          CellOf(Field(issuer, "name"), nullptr),
          CellOf(Field(issuer, "parent"), nullptr),
          province ? TextCell(*province) : ExportCell{},
          CellOf(Field(doc, "date"), nullptr)};
}

template <size_t N>
ExportRows Rows(const std::vector<Json>& plans, std::string_view key, const Column (&columns)[N],
                const internal::Gazetteer* places) {
  ExportRows out;
  out.header.assign(std::begin(kPlanHeader), std::end(kPlanHeader));
  for (const Column& c : columns) out.header.push_back(c.header);
  for (const Json& plan : plans) {
    const std::vector<ExportCell> plan_cells = PlanCells(plan, places);
    for (const Json& item : Field(plan, key)) {
      std::vector<ExportCell> row = plan_cells;
      for (const Column& c : columns) row.push_back(CellOf(Field(item, c.field), c.list_separator));
      out.rows.push_back(std::move(row));
    }
  }
  return out;
}

}  // namespace

std::string_view ExportTableName(ExportTable table) {
  for (const auto& entry : kTableNames)
    if (entry.table == table) return entry.name;
  return "";
}

std::optional<ExportTable> ParseExportTable(std::string_view name) {
  for (const auto& entry : kTableNames)
    if (entry.name == name) return entry.table;
  return std::nullopt;
}

ExportRows MakeExportRows(const std::vector<Json>& plans, ExportTable table,
                          const internal::Gazetteer* places) {
  const std::string_view key = ExportTableName(table);
  switch (table) {
    case ExportTable::kDeadlines: return Rows(plans, key, kDeadlineColumns, places);
    case ExportTable::kAssignments: return Rows(plans, key, kAssignmentColumns, places);
    case ExportTable::kTargets: return Rows(plans, key, kTargetColumns, places);
  }
  return {};
}

}  // namespace vnplan
