// The names the contract gives kinds and roles (schema/plan.schema.json):
// one table each, read both ways.
#include "vnplan/plan.h"

#include <utility>

namespace vnplan {
namespace {

template <typename Enum>
using NameTable = std::pair<Enum, std::string_view>;

constexpr NameTable<SectionKind> kSectionKinds[] = {
    {SectionKind::kPurpose, "purpose"},
    {SectionKind::kRequirements, "requirements"},
    {SectionKind::kPurposeRequirements, "purpose_requirements"},
    {SectionKind::kContent, "content"},
    {SectionKind::kTasks, "tasks"},
    {SectionKind::kSubjects, "subjects"},
    {SectionKind::kCriteria, "criteria"},
    {SectionKind::kTargets, "targets"},
    {SectionKind::kSchedule, "schedule"},
    {SectionKind::kOrganisation, "organisation"},
    {SectionKind::kParticipants, "participants"},
    {SectionKind::kFunding, "funding"},
    {SectionKind::kOther, "other"},
};

constexpr NameTable<DeadlineKind> kDeadlineKinds[] = {
    {DeadlineKind::kDue, "due"},
    {DeadlineKind::kEvent, "event"},
    {DeadlineKind::kWindow, "window"},
    {DeadlineKind::kRecurring, "recurring"},
    {DeadlineKind::kPeriod, "period"},
};

constexpr NameTable<AssignmentRole> kAssignmentRoles[] = {
    {AssignmentRole::kLead, "lead"},
    {AssignmentRole::kSupport, "support"},
    {AssignmentRole::kReport, "report"},
    {AssignmentRole::kOther, "other"},
};

template <typename Enum, size_t N>
std::string_view NameOf(const NameTable<Enum> (&table)[N], Enum value) {
  for (const auto& [v, name] : table)
    if (v == value) return name;
  return {};  // unreachable: every enumerator is in its table
}

template <typename Enum, size_t N>
std::optional<Enum> ValueOf(const NameTable<Enum> (&table)[N], std::string_view name) {
  for (const auto& [v, n] : table)
    if (n == name) return v;
  return std::nullopt;
}

}  // namespace

std::string_view SectionKindName(SectionKind kind) { return NameOf(kSectionKinds, kind); }
std::optional<SectionKind> ParseSectionKind(std::string_view name) {
  return ValueOf(kSectionKinds, name);
}
std::string_view DeadlineKindName(DeadlineKind kind) { return NameOf(kDeadlineKinds, kind); }
std::optional<DeadlineKind> ParseDeadlineKind(std::string_view name) {
  return ValueOf(kDeadlineKinds, name);
}
std::string_view AssignmentRoleName(AssignmentRole role) {
  return NameOf(kAssignmentRoles, role);
}
std::optional<AssignmentRole> ParseAssignmentRole(std::string_view name) {
  return ValueOf(kAssignmentRoles, name);
}

}  // namespace vnplan
