// The names the contract gives kinds and roles (schema/plan.schema.json):
// one table each, read both ways.
#include "vnplan/plan.h"

#include <iterator>

namespace vnplan {
namespace {

// Each table lists the names in the order of its enumerators; the
// static_asserts keep the lengths equal, the KindNames test the order.
constexpr std::string_view kSectionKindNames[] = {
    "purpose",  "requirements", "purpose_requirements", "content",      "tasks",
    "subjects", "criteria",     "targets",  "schedule", "organisation", "participants",
    "funding",  "other"};
static_assert(std::size(kSectionKindNames) == static_cast<size_t>(SectionKind::kOther) + 1);

constexpr std::string_view kDeadlineKindNames[] = {"due", "event", "window", "recurring",
                                                   "period"};
static_assert(std::size(kDeadlineKindNames) == static_cast<size_t>(DeadlineKind::kPeriod) + 1);

constexpr std::string_view kAssignmentRoleNames[] = {"lead", "support", "report", "other"};
static_assert(std::size(kAssignmentRoleNames) == static_cast<size_t>(AssignmentRole::kOther) + 1);

template <typename Enum, size_t N>
std::string_view NameOf(const std::string_view (&names)[N], Enum value) {
  const auto i = static_cast<size_t>(value);
  return i < N ? names[i] : std::string_view();
}

template <typename Enum, size_t N>
std::optional<Enum> ValueOf(const std::string_view (&names)[N], std::string_view name) {
  for (size_t i = 0; i < N; ++i)
    if (names[i] == name) return static_cast<Enum>(i);
  return std::nullopt;
}

}  // namespace

std::string_view SectionKindName(SectionKind kind) { return NameOf(kSectionKindNames, kind); }
std::optional<SectionKind> ParseSectionKind(std::string_view name) {
  return ValueOf<SectionKind>(kSectionKindNames, name);
}
std::string_view DeadlineKindName(DeadlineKind kind) { return NameOf(kDeadlineKindNames, kind); }
std::optional<DeadlineKind> ParseDeadlineKind(std::string_view name) {
  return ValueOf<DeadlineKind>(kDeadlineKindNames, name);
}
std::string_view AssignmentRoleName(AssignmentRole role) {
  return NameOf(kAssignmentRoleNames, role);
}
std::optional<AssignmentRole> ParseAssignmentRole(std::string_view name) {
  return ValueOf<AssignmentRole>(kAssignmentRoleNames, name);
}

}  // namespace vnplan
