#include "tools/vnplan/csv_writer.h"

namespace vnplan {
namespace {

std::string Quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  return out + "\"";
}

void AppendRow(const std::vector<std::string>& fields, char delimiter, std::string* out) {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out->push_back(delimiter);
    out->append(fields[i]);
  }
  out->append("\r\n");
}

}  // namespace

std::string DefusedText(const std::string& text) {
  if (text.empty()) return text;
  switch (text.front()) {
    case '=': case '+': case '-': case '@': case '\t': case '\r':
      return "'" + text;
    default:
      return text;
  }
}

std::string CsvText(const ExportRows& table, char delimiter) {
  std::string out = "\xEF\xBB\xBF";
  std::vector<std::string> fields;
  for (const std::string& name : table.header) fields.push_back(Quoted(name));
  AppendRow(fields, delimiter, &out);
  for (const std::vector<ExportCell>& row : table.rows) {
    fields.clear();
    for (const ExportCell& cell : row) {
      switch (cell.type) {
        case ExportCell::Type::kNull: fields.emplace_back(); break;
        case ExportCell::Type::kNumber: fields.push_back(cell.text); break;
        case ExportCell::Type::kText: fields.push_back(Quoted(DefusedText(cell.text))); break;
      }
    }
    AppendRow(fields, delimiter, &out);
  }
  return out;
}

}  // namespace vnplan
