// `vnplan search` and `vnplan deadlines`: the catalogue's read commands.
#ifndef VNPLAN_TOOLS_VNPLAN_SEARCH_COMMAND_H_
#define VNPLAN_TOOLS_VNPLAN_SEARCH_COMMAND_H_

#include <iosfwd>
#include <string>

#include "vnplan/catalogue.h"

namespace vnplan {

struct SearchOptions {
  SearchQuery query;
  std::string db;
  std::string format = "text";  // text (for people) or jsonl (one hit a line)
};

// Prints the plans found, best first. 0, 2 for a bad query, 3 when the
// catalogue cannot be read.
int RunSearch(const SearchOptions& options, std::ostream& out, std::ostream& err);

struct DeadlinesOptions {
  std::string from, to;  // "YYYY-MM-DD", inclusive
  std::string db;
};

// Prints every deadline from `from` to `to` as tab-separated rows (a header
// first), by date: a recurring one once per day it falls on in the span
// (per month, "2026-03", when its rule names no day), or once with its
// rule when it names no day of the year.
int RunDeadlines(const DeadlinesOptions& options, std::ostream& out, std::ostream& err);

}  // namespace vnplan

#endif  // VNPLAN_TOOLS_VNPLAN_SEARCH_COMMAND_H_
