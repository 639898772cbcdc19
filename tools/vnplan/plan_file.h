// Plan JSON as `export` and `compare` read it, from files that may not
// follow the contract (schema/plan.schema.json). Every field the commands
// read is checked once, when the file is read: a plan that fails is one
// error naming the file and the field, and the commands go on with the
// other files. Reads after the check go through Field(), which cannot fail
// whatever the JSON holds.
#ifndef VNPLAN_TOOLS_PLAN_FILE_H_
#define VNPLAN_TOOLS_PLAN_FILE_H_

#include <iosfwd>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "src/text/calendar.h"
#include "vnplan/status.h"

namespace vnplan {
namespace internal {
class Gazetteer;
}  // namespace internal

// The plans of one JSON text (one plan object, or an array of them), each
// checked, appended to *plans. On failure nothing is appended and the
// message names the first bad field ("deadlines[0].kind is missing").
Status ReadPlans(std::string_view json_text, std::vector<nlohmann::json>* plans);
// The same for a file; the message starts with the path.
Status ReadPlanFile(const std::string& path, std::vector<nlohmann::json>* plans);

// ReadPlanFile on each path: a file that fails is one line on `err`
// ("vnplan: PATH: not a vnplan plan JSON: deadlines[0].kind is missing") and
// the others are still read. Returns false if any failed.
bool ReadPlanFiles(const std::vector<std::string>& paths, std::vector<nlohmann::json>* plans,
                   std::ostream& err);

// The one accessor: the member `key` of `value`, or null when `value` is
// not an object or has no such member.
const nlohmann::json& Field(const nlohmann::json& value, std::string_view key);
// A value as text: a string as it is, null as "", anything else as JSON.
std::string Text(const nlohmann::json& value);

// The date a field holds: std::nullopt unless it is a "YYYY-MM-DD" string
// naming a real day.
std::optional<internal::CivilDate> DateField(const nlohmann::json& value);

// How reports name a plan: "number/symbol" ("941/KH-SGD&ĐT"), or its file
// when it has no symbol.
std::string PlanName(const nlohmann::json& plan);

// The province (or centrally-run city) a plan belongs to, as the issuer
// names it: "Phú Thọ" for "Sở Giáo dục và Đào tạo" under "UBND tỉnh Phú
// Thọ", "Cần Thơ" for "Ủy ban nhân dân thành phố Cần Thơ". Spelt as the
// plan's place when that folds to the same name ("ĐẮK LẮK" -> "Đắk Lắk").
// With a gazetteer, an issuer that names only a district or commune ("UBND
// huyện Lâm Thao"), or signs in one ("Bình Chánh"), belongs to that unit's
// province when the gazetteer puts every unit so named in one. Otherwise
// std::nullopt when the issuer names none (a ministry, a district office):
// a place of signing that is itself a province is not taken for it (a
// ministry signs in "Hà Nội").
std::optional<std::string> Province(const nlohmann::json& plan,
                                    const internal::Gazetteer* places = nullptr);

// The gazetteer (places.tsv) of the model directory `model_dir`, for
// Province(), as `export` and `compare` both take it. Null and OK when the
// directory was found by default and holds none (the issuer alone then
// names the province); kModelMissing when the user named it (`named`) and
// it holds none, since they asked for the gazetteer's provinces.
Status LoadPlaces(const std::string& model_dir, bool named,
                  std::unique_ptr<internal::Gazetteer>* places);

// The numbers a recurrence rule lists for `key` ("BYMONTH" in
// "FREQ=YEARLY;BYMONTH=3,6;BYMONTHDAY=15"): empty when the rule has no such
// part, std::nullopt when the part is not a list of numbers.
std::optional<std::vector<int>> RuleNumbers(std::string_view rule, std::string_view key);

// The days of the year a recurrence rule falls on, as the comparison's
// timeline and `vnplan deadlines` place it: its BYMONTH months (a quarterly
// "FREQ=MONTHLY;INTERVAL=3" on March, June, September and December; a
// monthly rule on every month) and the day of the month its first
// BYMONTHDAY names (std::nullopt when it names none). No months for a rule
// that names no day of the year ("01 lần/năm").
struct RuleDays {
  std::vector<int> months;
  std::optional<int> day_of_month;
};
RuleDays DaysOfYear(std::string_view rule);

}  // namespace vnplan

#endif  // VNPLAN_TOOLS_PLAN_FILE_H_
