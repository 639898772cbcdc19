// `vnplan compare`: plans side by side for analysts, as JSON and as one
// self-contained HTML report (report_html.h).
#ifndef VNPLAN_CLI_COMPARE_COMMAND_H_
#define VNPLAN_CLI_COMPARE_COMMAND_H_

#include <iosfwd>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace vnplan {
namespace internal {
class Gazetteer;
}  // namespace internal

struct CompareOptions {
  std::vector<std::string> plans;  // plan JSON files, two or more
  std::string html;                // report path
  std::string json;                // comparison JSON path ("-" = stdout)
  // A model directory whose gazetteer names the province of a district's or
  // commune's plan (as for export); model_named: given with --model.
  std::string model_dir;
  bool model_named = false;
};

// A recurring deadline is drawn at most this many times (five years of
// months), and one plan's timeline holds at most kMaxMarksPerPlan marks:
// a crafted plan from year 0 to 9999 once made a 159 MB report. What is
// left out is counted in the timeline's "left_out".
inline constexpr int kMaxInstancesPerDeadline = 60;
inline constexpr int kMaxMarksPerPlan = 2000;

// The comparison of plans checked by ReadPlans (plan_file.h): header
// fields with each plan's province, label and counts; sections aligned by
// kind; goals and criteria matched across plans; targets, and the
// indicators several plans set; assignments by agency; dated deadlines on
// a timeline and by month. Its size grows with the plans', not with the
// years they span. With `places`, a plan whose issuer names only a district
// or commune gets that unit's province (Province()).
nlohmann::json ComparePlans(const std::vector<nlohmann::json>& plans,
                            const internal::Gazetteer* places = nullptr);

int RunCompare(const CompareOptions& options, std::ostream& out, std::ostream& err);

}  // namespace vnplan

#endif  // VNPLAN_CLI_COMPARE_COMMAND_H_
