// The page's text in reading order from Tesseract's lines: the two-column
// masthead of an administrative page comes out column by column.
#ifndef VNPLAN_SRC_OCR_LAYOUT_H_
#define VNPLAN_SRC_OCR_LAYOUT_H_

#include <string>
#include <vector>

#include "src/ocr/tables.h"
#include "vnplan/ocr.h"

namespace tesseract {
class TessBaseAPI;
}

namespace vnplan::ocr {

// A line as Tesseract found it: its words with their boxes and confidences.
struct LayoutLine {
  std::vector<OcrWord> words;
  int left = 0, right = 0, top = 0, bottom = 0;  // pixel extent of the words
  bool paragraph_end = false;
  // A table's row (tables.h): its words cell by cell; cell_starts[i] says
  // that words[i] begins a cell after the row's first, written " | " before it.
  bool table_row = false;
  std::vector<bool> cell_starts;
};

// The narrowest space between words that parts two columns of a line.
int ColumnGap(int page_width);

// Whether `line` opens the footer's list of recipients ("Nơi nhận:").
bool OpensRecipients(const LayoutLine& line);

// The lines of the page `api` has just recognised, in Tesseract's order.
std::vector<LayoutLine> ReadLines(tesseract::TessBaseAPI* api);

// The page's text, the header's left column before its right, as a person
// reads them, each table of `tables` row by row, a row's cells joined by
// " | " (as realscans' gold pages write them); each word's line and
// page-relative offset are recorded in *words as it is written.
std::string PageText(const std::vector<LayoutLine>& lines, int page_width,
                     const std::vector<TableGrid>& tables, std::vector<OcrWord>* words);

}  // namespace vnplan::ocr

#endif  // VNPLAN_SRC_OCR_LAYOUT_H_
