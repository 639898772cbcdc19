// Ruled tables on a page (schedules, lists of units), found from their
// rules with Leptonica, so that their text is read row by row: Tesseract
// reads a table's columns as blocks of their own, interleaving its cells.
#ifndef VNPLAN_SRC_OCR_TABLES_H_
#define VNPLAN_SRC_OCR_TABLES_H_

#include <vector>

#include "src/ocr/pix.h"

namespace vnplan::ocr {

// A table's grid, in the page's pixels: the y of its row rules, top to
// bottom, and for each row (between two row rules) the x of the column
// rules that cross it, left to right (a cell spanning columns has fewer).
struct TableGrid {
  std::vector<int> rows;
  std::vector<std::vector<int>> columns;
  // A ruled frame reaching into the page's outer margin, where print never
  // is: a stamp (an incoming-mail stamp "CÔNG VĂN ĐẾN Số… Ngày… Chuyển…"
  // over qn-2352-ct p1), whose words, inside `frame`, are no page text.
  bool stamp = false;
  int left = 0, top = 0, right = 0, bottom = 0;  // the frame
};

// The ruled tables of `page` (grey or 1-bit, as Tesseract reads it): grids
// of at least two rows and two columns, rules on every side. A boxed note
// or an underline is no table. Also the stamps (TableGrid::stamp).
std::vector<TableGrid> FindTables(Pix* page);

}  // namespace vnplan::ocr

#endif  // VNPLAN_SRC_OCR_TABLES_H_
