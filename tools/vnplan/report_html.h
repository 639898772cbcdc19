// The comparison report an analyst hands round: one self-contained HTML
// file in Vietnamese (no script, no outside resource: a Content-Security-
// Policy forbids both), readable on screen and printed on A4.
#ifndef VNPLAN_TOOLS_VNPLAN_REPORT_HTML_H_
#define VNPLAN_TOOLS_VNPLAN_REPORT_HTML_H_

#include <nlohmann/json.hpp>
#include <string>

namespace vnplan {

// The report of a comparison made by ComparePlans (compare_command.h):
// general information and counts, one column per plan named by its issuer
// and province; sections by kind; goals and criteria matched; a chart of
// the targets by indicator; assignments by agency; a timeline with month
// ticks and a month calendar of the deadlines. Every value of the
// comparison is HTML-escaped whatever its type, so a crafted plan cannot
// add markup.
std::string CompareHtml(const nlohmann::json& comparison);

// Text made safe inside HTML elements and quoted attributes: & < > " '.
std::string EscapeHtml(const std::string& text);

}  // namespace vnplan

#endif  // VNPLAN_TOOLS_VNPLAN_REPORT_HTML_H_
