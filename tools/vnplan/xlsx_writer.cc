#include "tools/vnplan/xlsx_writer.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace vnplan {
namespace {

// Excel holds at most 32,767 characters in a cell and 1,048,576 rows in a
// sheet. Longer text is cut (never within a letter: no plan has a line
// near that long); more rows is an error, not a cut sheet.
constexpr size_t kMaxCellBytes = 32767;
constexpr size_t kMaxRows = 1048575;  // the header takes the first

// A fixed creation time (2000-01-01T00:00:00Z): libxlsxwriter otherwise
// writes the clock's into docProps/core.xml.
constexpr time_t kCreated = 946684800;

std::string CellText(const std::string& text) {
  if (text.size() <= kMaxCellBytes) return text;
  size_t cut = kMaxCellBytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut);
}

void WriteSheet(lxw_workbook* book, const std::string& name, const ExportRows& table,
                lxw_format* bold) {
  lxw_worksheet* sheet = workbook_add_worksheet(book, name.c_str());
  for (size_t c = 0; c < table.header.size(); ++c)
    worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), table.header[c].c_str(), bold);
  worksheet_freeze_panes(sheet, 1, 0);
  for (size_t r = 0; r < table.rows.size(); ++r) {
    const auto row = static_cast<lxw_row_t>(r + 1);
    for (size_t c = 0; c < table.rows[r].size(); ++c) {
      const ExportCell& cell = table.rows[r][c];
      const auto col = static_cast<lxw_col_t>(c);
      if (cell.type == ExportCell::Type::kNumber)
        worksheet_write_number(sheet, row, col, cell.number, nullptr);
      else if (cell.type == ExportCell::Type::kText && !cell.text.empty())
        worksheet_write_string(sheet, row, col, CellText(cell.text).c_str(), nullptr);
    }
  }
}

}  // namespace

Status XlsxBytes(const std::vector<std::pair<std::string, ExportRows>>& sheets,
                 std::string* bytes) {
  for (const auto& [name, table] : sheets)
    if (table.rows.size() > kMaxRows)
      return Status::InvalidInput(name + ": " + std::to_string(table.rows.size()) +
                                     " rows, more than a sheet holds (1,048,575)");
  const char* tmp = std::getenv("TMPDIR");
  std::string path = std::string(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") +
                     "/vnplan-xlsx-XXXXXX";
  const int fd = mkstemp(path.data());
  if (fd < 0) return Status::IoError(path + ": cannot create a temporary file");
  close(fd);
  lxw_workbook* book = workbook_new(path.c_str());
  if (book == nullptr) {
    unlink(path.c_str());
    return Status::IoError(path + ": libxlsxwriter cannot write there");
  }
  lxw_doc_properties properties{};
  properties.created = kCreated;
  workbook_set_properties(book, &properties);
  lxw_format* bold = workbook_add_format(book);
  format_set_bold(bold);
  for (const auto& [name, table] : sheets) WriteSheet(book, name, table, bold);
  const lxw_error closed = workbook_close(book);
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  unlink(path.c_str());
  if (closed != LXW_NO_ERROR)
    return Status::IoError(std::string("cannot write the workbook: ") + lxw_strerror(closed));
  *bytes = buffer.str();
  return Status::Ok();
}

}  // namespace vnplan
