// Tables of tasks as the converter flattens them: every cell on lines of its
// own between lone "|" lines, a row ended by "|" and the next row begun by
// another, so that two pipes in a row (an empty cell) separate rows. Seen in
// the appendices of 6 of the 311 devset documents (22 tables), with columns
// "TT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành".
#include <re2/re2.h>

#include <algorithm>

#include "src/parser/extractors.h"
#include "src/text/textutil.h"

namespace vnplan::internal {
namespace {

bool IsPipe(const Line& line) { return line.clean == "|"; }

using Cell = TaskTableReader::Cell;

std::vector<Cell> CellsOf(const std::vector<Line>& lines) {
  std::vector<Cell> cells;
  size_t open = lines.size();  // the line after the last pipe
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!IsPipe(lines[i])) continue;
    if (open < lines.size()) cells.push_back({open, i});
    open = i + 1;
  }
  return cells;
}

// The cell's lines joined into one block (markdown already cleaned), read
// whole: a line alone ("2026", "30/11/2025") is not noise in a cell. Not
// folded yet.
Block CellBlock(const std::vector<Line>& lines, const Cell& c) {
  Block b;
  for (size_t i = c.begin; i < c.end; ++i) {
    if (lines[i].clean.empty()) continue;
    if (!b.text.empty()) b.text.push_back(' ');
    b.line_starts.emplace_back(static_cast<uint32_t>(b.text.size()), lines[i].number);
    b.text += lines[i].clean;
  }
  return b;
}

std::string TextOf(const std::vector<Line>& lines, const Cell& c) {
  return CellBlock(lines, c).text;
}

int FirstLineOf(const std::vector<Line>& lines, const Cell& c) {
  for (size_t i = c.begin; i < c.end; ++i)
    if (!lines[i].clean.empty()) return lines[i].number;
  return lines[c.begin].number;
}

// What a column holds, from its header's label.
enum class Column { kNumber, kTask, kLead, kSupport, kTime, kOther };

// A header label is short: "Cơ quan chủ trì theo dõi, đánh giá" is 7 words.
constexpr int kMaxLabelWords = 10;

// Erases the first `body` items of `items` whose line is in a table.
template <typename Item, typename InTable>
void EraseFromBody(std::vector<Item>& items, size_t body, InTable in_table) {
  size_t kept = 0;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i < body && in_table(items[i].line)) continue;
    if (kept != i) items[kept] = std::move(items[i]);
    ++kept;
  }
  items.resize(kept);
}

// A table of tasks names at least the task, its lead and one more column.
constexpr size_t kMinColumns = 3;

}  // namespace

// The header row: where it starts among the cells, and what each column holds.
struct TaskTableReader::Columns {
  size_t first_cell = 0;
  std::vector<Column> kinds;
  // Index of each column of interest in a row, -1 when there is none.
  int number = -1, task = -1, lead = -1, support = -1, time = -1;
  bool due = false;  // the time column says when a task is due
};

// One task row as its assignments and deadlines share it.
struct TaskTableReader::Row {
  std::string section, task;
  int line = 0;
  std::vector<std::string> leads;
};

struct TaskTableReader::Patterns {
  RE2 lead{R"(^(?:(?:c\S{1,2} quan|[dpb]\S{1,2}n v\S) )?ch\S{1,2} tr\S\b)"};
  RE2 support{R"(^(?:(?:c\S{1,2} quan|[dpb]\S{1,2}n v\S) )?ph\S{1,2}i h\S{1,2}p\b)"};
  RE2 time{R"(^(?:th\S{1,2}i gian|th\S{1,2}i h\S{1,2}n|h\S{1,2}n ho\S{1,2}n th\S{1,2}nh)\b)"};
  // A deadline column, where a bare date is when the task is due.
  RE2 due{R"(th\S{1,2}i h\S{1,2}n|ho\S{1,2}n th\S{1,2}nh)"};
  RE2 number{R"(^(?:s\S{1,2} )?(?:s?tt|th\S{1,2} t\S{1,2})$)"};
  RE2 task{
      R"(^(?:n\S{1,2}i dung|nhi\S{1,2}m v\S|t\S{1,2}n|c\S{1,2}ng vi\S{1,2}c|ho\S{1,2}t [dpb]\S{1,2}ng|ch\S{1,2} ti\S{1,2}u|gi\S{1,2}i ph\S{1,2}p|[dpb]\S{1,2} \S{1,2}n|d\S{1,2} \S{1,2}n))"};
  // What no header label contains: the title and "(Kèm theo …)" of an appendix.
  RE2 not_label{R"(k\S{1,2}m theo|ph\S{1,2} l\S{1,2}c)"};
  // A row number a section may be named by: "1", "I", "I.1", "2.3".
  RE2 row_number{R"(^(?:[IVXL]+|[0-9]{1,3})(?:\.[0-9]{1,3})*$)"};
};

TaskTableReader::TaskTableReader(const TextFolder& folder, const AssignmentFinder& assignments,
                                 const DeadlineFinder& deadlines)
    : folder_(folder),
      assignments_(assignments),
      deadlines_(deadlines),
      re_(std::make_unique<Patterns>()) {}
TaskTableReader::~TaskTableReader() = default;

TaskTableReader::Columns TaskTableReader::HeaderAt(const std::vector<Line>& lines,
                                                   const std::vector<Cell>& cells,
                                                   size_t lead) const {
  auto label = [&](size_t k) {
    const std::string text = TextOf(lines, cells[k]);
    if (text.empty() || CountWords(text) > kMaxLabelWords) return std::string();
    const std::string folded = folder_.Fold(text).text;
    return RE2::PartialMatch(folded, re_->not_label) ? std::string() : folded;
  };
  Columns columns;
  size_t first = lead, last = lead;
  while (first > 0 && !label(first - 1).empty()) --first;
  while (last + 1 < cells.size() && !label(last + 1).empty()) ++last;
  columns.first_cell = first;
  for (size_t k = first; k <= last; ++k) {
    const std::string folded = label(k);
    Column c = Column::kOther;
    if (RE2::PartialMatch(folded, re_->lead)) c = Column::kLead;
    else if (RE2::PartialMatch(folded, re_->support)) c = Column::kSupport;
    else if (RE2::PartialMatch(folded, re_->time)) c = Column::kTime;
    else if (RE2::FullMatch(folded, re_->number)) c = Column::kNumber;
    else if (RE2::PartialMatch(folded, re_->task)) c = Column::kTask;
    const int index = static_cast<int>(columns.kinds.size());
    columns.kinds.push_back(c);
    int* slot = c == Column::kNumber ? &columns.number : c == Column::kTask ? &columns.task
                : c == Column::kLead ? &columns.lead : c == Column::kSupport ? &columns.support
                : c == Column::kTime ? &columns.time : nullptr;
    if (slot != nullptr && *slot < 0) *slot = index;
    if (c == Column::kTime) columns.due = RE2::PartialMatch(folded, re_->due);
  }
  // Without a labelled task column, the one after the row number.
  if (columns.task < 0 && columns.number >= 0 &&
      columns.number + 1 < static_cast<int>(columns.kinds.size()))
    columns.task = columns.number + 1;
  return columns;
}

void TaskTableReader::Read(const std::vector<Line>& lines, const Header& header,
                           Plan& plan) const {
  const std::vector<Cell> cells = CellsOf(lines);
  // What the body's reading took from a table's cells, run together as
  // prose, gives way to the table's own reading.
  const size_t body_assignments = plan.assignments.size();
  const size_t body_deadlines = plan.deadlines.size();
  std::vector<std::pair<int, int>> spans;  // lines of each table read
  for (size_t k = 0; k < cells.size(); ++k) {
    const std::string text = TextOf(lines, cells[k]);
    if (text.empty() || CountWords(text) > kMaxLabelWords) continue;
    if (!RE2::PartialMatch(folder_.Fold(text).text, re_->lead)) continue;
    const Columns columns = HeaderAt(lines, cells, k);
    if (columns.kinds.size() < kMinColumns) continue;
    // A budget or figures table whose cells the header's columns do not
    // fit names no agencies in its "chủ trì" column: what it gave goes.
    const size_t assignments = plan.assignments.size(), deadlines = plan.deadlines.size();
    int rows = 0, named = 0;
    const size_t end = ReadRows(lines, cells, columns, header, plan, &rows, &named);
    if (named * 2 < rows) {
      plan.assignments.resize(assignments);
      plan.deadlines.resize(deadlines);
      continue;
    }
    spans.emplace_back(lines[cells[columns.first_cell].begin].number,
                       lines[cells[std::min(end, cells.size()) - 1].end - 1].number);
    k = std::max(k, end - 1);
  }
  auto in_table = [&](int line) {
    return std::any_of(spans.begin(), spans.end(),
                       [&](const auto& s) { return line >= s.first && line <= s.second; });
  };
  EraseFromBody(plan.assignments, body_assignments, in_table);
  EraseFromBody(plan.deadlines, body_deadlines, in_table);
}

size_t TaskTableReader::ReadRows(const std::vector<Line>& lines, const std::vector<Cell>& cells,
                                 const Columns& columns, const Header& header, Plan& plan,
                                 int* rows, int* named) const {
  const size_t width = columns.kinds.size();
  // A row is `width` cells and the empty one between it and the next; a
  // group row ("I" | "KIỆN TOÀN …") may merge its cells and end sooner.
  std::string group;  // the number of the last row naming no agency: "I", "I.1"
  int ordinal = 0;     // of the rows naming one
  auto text = [&](size_t k) { return TextOf(lines, cells[k]); };
  size_t row = columns.first_cell + width + 1;
  while (row < cells.size()) {
    size_t end = row + width;
    if (end > cells.size() || (end < cells.size() && !text(end).empty())) {
      end = row + 1;
      while (end < row + width && end < cells.size() && !text(end).empty()) ++end;
      if (end == row + width || end == cells.size()) break;  // not a row: the table is over
    }
    const size_t number = static_cast<size_t>(columns.number);
    const std::string tt = columns.number >= 0 && row + number < end ? text(row + number) : "";
    const bool numbered = RE2::FullMatch(tt, re_->row_number);
    if (!tt.empty() && !numbered) break;  // a row starts with its number, if any
    if (end < row + width || text(row + static_cast<size_t>(columns.lead)).empty()) {
      if (numbered) group = tt;
      row = end + 1;
      continue;
    }
    // Named as a reader cites it: "II.3" for row 3 under group II, else
    // the row's place in the table.
    ++ordinal;
    std::string section = !numbered ? std::to_string(ordinal)
                          : group.empty() || tt.find('.') != std::string::npos
                              ? tt
                              : group + "." + tt;
    if (!RE2::FullMatch(section, re_->row_number)) section = std::to_string(ordinal);
    ++*rows;
    const std::string lead = text(row + static_cast<size_t>(columns.lead));
    if (assignments_.StartsWithAgency(folder_.Fold(lead), lead)) ++*named;
    ReadRow(lines, cells, columns, row, section, header, plan);
    row = end + 1;
  }
  return row;
}

void TaskTableReader::ReadRow(const std::vector<Line>& lines, const std::vector<Cell>& cells,
                              const Columns& columns, size_t row, const std::string& section,
                              const Header& header, Plan& plan) const {
  auto at = [&](int i) -> const Cell& { return cells[row + static_cast<size_t>(i)]; };
  auto text = [&](int i) { return i < 0 ? std::string() : TextOf(lines, at(i)); };
  Row r;
  r.section = section;
  r.task = text(columns.task);
  r.line = FirstLineOf(lines, at(columns.lead));
  AddAssignments(text(columns.lead), AssignmentRole::kLead, r, plan.assignments, &r.leads);
  AddAssignments(text(columns.support), AssignmentRole::kSupport, r, plan.assignments, nullptr);
  if (columns.time < 0) return;
  Block b = CellBlock(lines, at(columns.time));
  if (b.text.empty()) return;
  b.folded = folder_.Fold(b.text);
  deadlines_.FindInCell(b, header, r.section, r.task, r.leads, columns.due, plan.deadlines);
}

void TaskTableReader::AddAssignments(const std::string& cell, AssignmentRole role,
                                     const Row& row, std::vector<Assignment>& out,
                                     std::vector<std::string>* names) const {
  if (cell.empty()) return;
  const FoldedText folded = folder_.Fold(cell);
  for (std::string& name : assignments_.AgenciesIn(folded, cell)) {
    if (names != nullptr) names->push_back(name);
    std::vector<std::string> tasks;
    if (!row.task.empty()) tasks.push_back(row.task);
    out.push_back({CapitalizeFirst(name), role, std::move(tasks), row.section, row.line});
  }
}

}  // namespace vnplan::internal
