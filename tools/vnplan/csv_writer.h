// CSV (RFC 4180) for spreadsheets and scripts, safe to open in Excel or
// LibreOffice:
// - UTF-8 with a byte-order mark, so spreadsheets take it for UTF-8;
// - every text cell quoted and every number bare, so that Python's
//   csv.reader(..., quoting=csv.QUOTE_NONNUMERIC) reads the types back
//   ("941" stays text); pandas ignores quotes and wants
//   read_csv(path, dtype=str, keep_default_na=False) for the same;
// - formula injection (OWASP "CSV Injection"): a text cell starting with
//   = + - @, a tab or a carriage return would be run as a formula by a
//   spreadsheet, so it is written with a leading apostrophe
//   ("=cmd|' /C calc'!A0" -> "'=cmd|' /C calc'!A0"), which spreadsheets
//   show as text; numbers are never prefixed. Readers that want the
//   original text drop one leading apostrophe before those characters.
#ifndef VNPLAN_TOOLS_VNPLAN_CSV_WRITER_H_
#define VNPLAN_TOOLS_VNPLAN_CSV_WRITER_H_

#include <string>

#include "tools/vnplan/export_table.h"

namespace vnplan {

// The table as CSV, fields separated by `delimiter` (',' or ';' for the
// spreadsheets of locales whose decimal mark is a comma, or '\t'), rows
// ended by CRLF.
std::string CsvText(const ExportRows& table, char delimiter);

// A text cell as it is written into a spreadsheet: with the apostrophe
// that keeps a formula from running, when it starts like one.
std::string DefusedText(const std::string& text);

}  // namespace vnplan

#endif  // VNPLAN_TOOLS_VNPLAN_CSV_WRITER_H_
