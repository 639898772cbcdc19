// An Excel workbook (.xlsx, through libxlsxwriter) of a plan's lists: one
// sheet per table, text cells as text ("941", "01" and "=1+1" stay what
// they are: a text cell is never read as a number or run as a formula),
// numbers as numbers, null as an empty cell.
#ifndef VNPLAN_TOOLS_VNPLAN_XLSX_WRITER_H_
#define VNPLAN_TOOLS_VNPLAN_XLSX_WRITER_H_

#include <string>
#include <utility>
#include <vector>

#include "tools/vnplan/export_table.h"
#include "vnplan/status.h"

namespace vnplan {

// The workbook's bytes, one sheet per (name, rows) in order, into *bytes.
// The same tables give the same bytes (the creation time is fixed). Fails
// only when the temporary file libxlsxwriter needs cannot be written.
Status XlsxBytes(const std::vector<std::pair<std::string, ExportRows>>& sheets,
                 std::string* bytes);

}  // namespace vnplan

#endif  // VNPLAN_TOOLS_VNPLAN_XLSX_WRITER_H_
