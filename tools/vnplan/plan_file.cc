#include "tools/vnplan/plan_file.h"

#include <algorithm>
#include <fstream>
#include <ostream>
#include <sstream>

#include "src/restore/gazetteer.h"
#include "src/text/calendar.h"
#include "src/text/folding.h"
#include "src/text/textutil.h"
#include "vnplan/plan.h"
#include "vnplan/restorer.h"

namespace vnplan {
namespace {

using Json = nlohmann::json;

// What a field must hold.
enum class Want {
  kText,
  kTextOrNull,
  kTextList,
  kInteger,  // a line number, a year
  kNumberOrNull,
  kDateOrNull,  // "YYYY-MM-DD", a real day
  kSectionKind,
  kDeadlineKind,
  kRole,
  kRuleOrNull,  // a recurrence rule export and compare can expand
  kSections,    // a list of sections (children)
};

struct FieldRule {
  const char* key;
  Want want;
};

// The fields of each list's items that export and compare read.
constexpr FieldRule kSectionFields[] = {{"number", Want::kText},
                                        {"title", Want::kText},
                                        {"kind", Want::kSectionKind},
                                        {"children", Want::kSections}};
constexpr FieldRule kStatementFields[] = {
    {"text", Want::kText}, {"section", Want::kText}, {"line", Want::kInteger}};
constexpr FieldRule kTargetFields[] = {{"text", Want::kText},
                                       {"indicator", Want::kTextOrNull},
                                       {"quantity", Want::kNumberOrNull},
                                       {"quantity_max", Want::kNumberOrNull},
                                       {"unit", Want::kTextOrNull},
                                       {"comparator", Want::kTextOrNull},
                                       {"section", Want::kText},
                                       {"line", Want::kInteger}};
constexpr FieldRule kDeadlineFields[] = {
    {"text", Want::kText},         {"kind", Want::kDeadlineKind},
    {"date", Want::kDateOrNull},   {"start", Want::kDateOrNull},
    {"end", Want::kDateOrNull},    {"recurrence", Want::kRuleOrNull},
    {"action", Want::kTextOrNull}, {"responsible", Want::kTextList},
    {"section", Want::kText},      {"line", Want::kInteger}};
constexpr FieldRule kAssignmentFields[] = {{"assignee", Want::kText},
                                           {"role", Want::kRole},
                                           {"tasks", Want::kTextList},
                                           {"section", Want::kText},
                                           {"line", Want::kInteger}};

// Real plans nest sections five or six deep; far deeper is a crafted file.
constexpr int kMaxSectionDepth = 32;

// The first field found wrong: where, and what is wrong with it.
struct BadField {
  std::string message;
};

[[noreturn]] void Fail(const std::string& path, const std::string& problem) {
  throw BadField{path + " " + problem};
}

std::string Join(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : path + "." + std::string(key);
}

// "deadlines[3]" (appended piece by piece: GCC 12 misreports "[" + std::string).
std::string Indexed(const std::string& path, size_t i) {
  std::string out = path;
  out += '[';
  out += std::to_string(i);
  out += ']';
  return out;
}

// A value as the error shows it: its JSON (control characters escaped, so
// the error stays one line), cut after 40 bytes; a list or an object by its
// type only (writing a crafted one out could nest without end).
std::string Shown(const Json& value) {
  if (value.is_structured()) return value.type_name();
  const std::string text = value.dump(-1, ' ', false, Json::error_handler_t::replace);
  return text.size() > 40 ? internal::TruncateUtf8(text, 40) + "..." : text;
}

// A recurrence rule as the contract writes it (FREQ first, then KEY=VALUE
// parts) whose lists export and compare read are in range.
bool GoodRule(std::string_view rule) {
  std::string_view freq = rule.substr(0, rule.find(';'));
  if (freq != "FREQ=YEARLY" && freq != "FREQ=MONTHLY" && freq != "FREQ=WEEKLY" &&
      freq != "FREQ=DAILY")
    return false;
  for (size_t at = freq.size(); at < rule.size();) {
    const size_t end = std::min(rule.find(';', at + 1), rule.size());
    const std::string_view part = rule.substr(at + 1, end - at - 1);
    const size_t eq = part.find('=');
    if (eq == 0 || eq == std::string_view::npos || eq + 1 == part.size()) return false;
    for (size_t i = 0; i < part.size(); ++i) {
      const char c = part[i];
      const bool upper = c >= 'A' && c <= 'Z', digit = c >= '0' && c <= '9';
      if (i < eq ? !upper : i > eq && !upper && !digit && c != ',' && c != '+' && c != '-')
        return false;
    }
    at = end;
  }
  const auto months = RuleNumbers(rule, "BYMONTH"), days = RuleNumbers(rule, "BYMONTHDAY");
  if (!months || !days) return false;
  for (int m : *months)
    if (m < 1 || m > 12) return false;
  for (int d : *days)
    if (d < 1 || d > 31) return false;
  return true;
}

void CheckItems(const Json& list, const std::string& path, const FieldRule* rules, size_t count,
                int depth);

void CheckField(const Json& item, const std::string& path, const FieldRule& rule, int depth) {
  const auto it = item.find(rule.key);
  const std::string at = Join(path, rule.key);
  if (it == item.end()) Fail(at, "is missing");
  const Json& v = *it;
  const bool null_ok = rule.want == Want::kTextOrNull || rule.want == Want::kNumberOrNull ||
                       rule.want == Want::kDateOrNull || rule.want == Want::kRuleOrNull;
  if (null_ok && v.is_null()) return;
  switch (rule.want) {
    case Want::kInteger:
      if (!v.is_number_integer()) Fail(at, "is not an integer: " + Shown(v));
      return;
    case Want::kNumberOrNull:
      if (!v.is_number()) Fail(at, "is not a number or null: " + Shown(v));
      return;
    case Want::kTextList:
      if (!v.is_array()) Fail(at, "is not a list: " + Shown(v));
      for (size_t i = 0; i < v.size(); ++i)
        if (!v[i].is_string()) Fail(Indexed(at, i), "is not text: " + Shown(v[i]));
      return;
    case Want::kSections:
      if (depth >= kMaxSectionDepth) Fail(at, "nests sections too deep");
      CheckItems(v, at, kSectionFields, std::size(kSectionFields), depth + 1);
      return;
    default:
      break;
  }
  if (!v.is_string()) Fail(at, (null_ok ? "is not text or null: " : "is not text: ") + Shown(v));
  const std::string& s = v.get_ref<const std::string&>();
  if (rule.want == Want::kDateOrNull && !DateField(v))
    Fail(at, "is not a date (YYYY-MM-DD): " + Shown(v));
  if (rule.want == Want::kSectionKind && !ParseSectionKind(s))
    Fail(at, "is not a section kind: " + Shown(v));
  if (rule.want == Want::kDeadlineKind && !ParseDeadlineKind(s))
    Fail(at, "is not a deadline kind: " + Shown(v));
  if (rule.want == Want::kRole && !ParseAssignmentRole(s)) Fail(at, "is not a role: " + Shown(v));
  if (rule.want == Want::kRuleOrNull && !GoodRule(s))
    Fail(at, "is not a recurrence rule: " + Shown(v));
}

void CheckItems(const Json& list, const std::string& path, const FieldRule* rules, size_t count,
                int depth) {
  if (!list.is_array()) Fail(path, "is not a list: " + Shown(list));
  for (size_t i = 0; i < list.size(); ++i) {
    const std::string at = Indexed(path, i);
    if (!list[i].is_object()) Fail(at, "is not an object: " + Shown(list[i]));
    for (size_t r = 0; r < count; ++r) CheckField(list[i], at, rules[r], depth);
  }
}

// `object`'s member `key`, which must be an object (or null if allowed).
const Json& Object(const Json& object, const std::string& path, const char* key, bool null_ok) {
  const std::string at = Join(path, key);
  const auto it = object.find(key);
  if (it == object.end()) Fail(at, "is missing");
  if (!it->is_object() && !(null_ok && it->is_null())) Fail(at, "is not an object: " + Shown(*it));
  return *it;
}

void CheckHeader(const Json& plan, const std::string& path) {
  const std::string doc_path = Join(path, "document");
  const Json& doc = Object(plan, path, "document", false);
  const Json& issuer = Object(doc, doc_path, "issuer", false);
  for (const char* key : {"name", "parent"})
    CheckField(issuer, Join(doc_path, "issuer"), {key, Want::kTextOrNull}, 0);
  for (const char* key : {"number", "symbol", "place", "title"})
    CheckField(doc, doc_path, {key, Want::kTextOrNull}, 0);
  CheckField(doc, doc_path, {"date", Want::kDateOrNull}, 0);
  const Json& period = Object(doc, doc_path, "period", true);
  if (period.is_object())
    for (const char* key : {"from", "to"})
      CheckField(period, Join(doc_path, "period"), {key, Want::kInteger}, 0);
  const Json& signer = Object(doc, doc_path, "signer", true);
  if (signer.is_object())
    CheckField(signer, Join(doc_path, "signer"), {"name", Want::kTextOrNull}, 0);
  const Json& source = Object(plan, path, "source", false);
  for (const char* key : {"file", "sha256"})
    CheckField(source, Join(path, "source"), {key, Want::kText}, 0);
}

void CheckPlan(const Json& plan, const std::string& path) {
  if (!plan.is_object()) Fail(path.empty() ? "the plan" : path, "is not an object");
  CheckHeader(plan, path);
  auto list = [&](const char* key, const FieldRule* rules, size_t count) {
    const auto it = plan.find(key);
    if (it == plan.end()) Fail(Join(path, key), "is missing");
    CheckItems(*it, Join(path, key), rules, count, 0);
  };
  list("sections", kSectionFields, std::size(kSectionFields));
  list("goals", kStatementFields, std::size(kStatementFields));
  list("criteria", kStatementFields, std::size(kStatementFields));
  list("targets", kTargetFields, std::size(kTargetFields));
  list("deadlines", kDeadlineFields, std::size(kDeadlineFields));
  list("assignments", kAssignmentFields, std::size(kAssignmentFields));
}

}  // namespace

Status ReadPlans(std::string_view json_text, std::vector<Json>* plans) {
  Json parsed;
  try {
    parsed = Json::parse(json_text);
  } catch (const Json::exception& e) {
    return Status::InvalidInput(e.what());
  }
  std::vector<Json> found;
  try {
    if (parsed.is_array()) {
      for (size_t i = 0; i < parsed.size(); ++i) CheckPlan(parsed[i], Indexed("", i));
      for (Json& plan : parsed) found.push_back(std::move(plan));
    } else {
      CheckPlan(parsed, "");
      found.push_back(std::move(parsed));
    }
  } catch (const BadField& bad) {
    return Status::InvalidInput("not a vnplan plan JSON: " + bad.message);
  }
  for (Json& plan : found) plans->push_back(std::move(plan));
  return Status::Ok();
}

Status ReadPlanFile(const std::string& path, std::vector<Json>* plans) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  if (!in) return Status::IoError(path + ": cannot open");
  Status status = ReadPlans(buffer.str(), plans);
  if (!status.ok()) return Status::InvalidInput(path + ": " + status.message());
  return status;
}

bool ReadPlanFiles(const std::vector<std::string>& paths, std::vector<Json>* plans,
                   std::ostream& err) {
  bool all = true;
  for (const std::string& path : paths) {
    if (Status status = ReadPlanFile(path, plans); !status.ok()) {
      err << "vnplan: " << status.message() << "\n";
      all = false;
    }
  }
  return all;
}

const Json& Field(const Json& value, std::string_view key) {
  static const Json kNull;
  if (!value.is_object()) return kNull;
  const auto it = value.find(key);
  return it == value.end() ? kNull : *it;
}

std::string Text(const Json& value) {
  if (value.is_null()) return "";
  if (value.is_string()) return value.get<std::string>();
  return value.dump();
}

std::optional<internal::CivilDate> DateField(const Json& value) {
  if (!value.is_string()) return std::nullopt;
  return internal::ParseIsoDate(value.get_ref<const std::string&>());
}

std::string PlanName(const Json& plan) {
  const Json& doc = Field(plan, "document");
  const std::string symbol = Text(Field(doc, "symbol"));
  if (symbol.empty()) return Text(Field(Field(plan, "source"), "file"));
  return Text(Field(doc, "number")) + "/" + symbol;
}

namespace {

// The cities governed as provinces (folded). Any other "thành phố" is a
// city of a province ("thành phố Việt Trì"), not one.
constexpr std::string_view kProvincialCities[] = {"ha noi", "ho chi minh", "hai phong",
                                                  "da nang", "can tho",  "hue"};

// The province an agency's name ends on ("UBND tỉnh Phú Thọ"), as written.
std::optional<std::string> ProvinceIn(const internal::TextFolder& folder, const std::string& name) {
  const internal::FoldedText folded = folder.Fold(name);
  const std::string& f = folded.text;
  struct Head {
    std::string_view word;
    bool provincial_cities_only;
  };
  for (const auto& [word, cities_only] : {Head{"tinh ", false}, Head{"thanh pho ", true}}) {
    for (size_t at = f.find(word); at != std::string::npos; at = f.find(word, at + 1)) {
      if (at > 0 && f[at - 1] != ' ') continue;
      const size_t begin = at + word.size();
      const std::string_view rest = internal::TrimSpaces(std::string_view(f).substr(begin));
      if (rest.empty()) continue;
      if (cities_only &&
          std::find(std::begin(kProvincialCities), std::end(kProvincialCities), rest) ==
              std::end(kProvincialCities))
        continue;
      return std::string(internal::TrimSpaces(folded.SourceOf(name, begin, f.size())));
    }
  }
  return std::nullopt;
}

// The province of the district or commune that the issuer names, or that
// the plan's place is (not a province itself: see Province()).
std::optional<std::string> GazetteerProvince(const Json& doc, const internal::Gazetteer& places) {
  const Json& issuer = Field(doc, "issuer");
  for (const char* key : {"parent", "name"})
    if (const internal::Place* province = places.ProvinceNamedIn(Text(Field(issuer, key))))
      return province->name;
  const std::string place = Text(Field(doc, "place"));
  for (const internal::Place* unit : places.Named(place))
    if (unit->level == internal::Place::Level::kProvince) return std::nullopt;
  if (const internal::Place* province = places.ProvinceOf(place)) return province->name;
  return std::nullopt;
}

}  // namespace

std::optional<std::string> Province(const Json& plan, const internal::Gazetteer* places) {
  static const internal::TextFolder folder;
  const Json& doc = Field(plan, "document");
  const Json& issuer = Field(doc, "issuer");
  for (const char* key : {"parent", "name"}) {
    const std::optional<std::string> found = ProvinceIn(folder, Text(Field(issuer, key)));
    if (!found) continue;
    const std::string place = Text(Field(doc, "place"));
    return folder.Fold(place).text == folder.Fold(*found).text ? place : *found;
  }
  if (places) return GazetteerProvince(doc, *places);
  return std::nullopt;
}

Status LoadPlaces(const std::string& model_dir, bool named,
                  std::unique_ptr<internal::Gazetteer>* places) {
  places->reset();
  const std::string path = Restorer::DirectoryGazetteer(model_dir);
  if (!path.empty()) return internal::Gazetteer::Load(path, places);
  if (!named) return Status::Ok();
  return Status::ModelMissing("no gazetteer (places.tsv) in " + model_dir +
                              " (build the models with scripts/setup.sh)");
}

std::optional<std::vector<int>> RuleNumbers(std::string_view rule, std::string_view key) {
  std::vector<int> out;
  for (size_t at = 0; at <= rule.size();) {
    const size_t end = std::min(rule.find(';', at), rule.size());
    const std::string_view part = rule.substr(at, end - at);
    at = end + 1;
    if (part.size() <= key.size() || part.substr(0, key.size()) != key || part[key.size()] != '=')
      continue;
    std::string_view list = part.substr(key.size() + 1);
    while (true) {
      const std::string_view number = list.substr(0, list.find(','));
      if (number.empty() || number.size() > 4) return std::nullopt;
      int value = 0;
      for (char c : number) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
      }
      out.push_back(value);
      if (number.size() == list.size()) break;
      list.remove_prefix(number.size() + 1);
    }
    return out;
  }
  return out;
}

RuleDays DaysOfYear(std::string_view rule) {
  RuleDays days;
  days.months = RuleNumbers(rule, "BYMONTH").value_or(std::vector<int>());
  if (days.months.empty() && rule.find("MONTHLY;INTERVAL=3") != std::string_view::npos)
    days.months = {3, 6, 9, 12};
  else if (days.months.empty() && rule.find("MONTHLY") != std::string_view::npos)
    days.months = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
  const std::vector<int> month_days = RuleNumbers(rule, "BYMONTHDAY").value_or(std::vector<int>());
  if (!month_days.empty()) days.day_of_month = month_days.front();
  return days;
}

}  // namespace vnplan
