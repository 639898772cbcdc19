// The structured form of an administrative plan, as the parser produces it.
// Field meanings follow the JSON contract (shared/spec/plan-json.md); a field
// the document does not state is std::nullopt (or an empty vector), never a
// guess. Every extracted item records the section and 1-based line it came
// from so a reader can check it against Plan::text.
#ifndef VNPLAN_PLAN_H_
#define VNPLAN_PLAN_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vnplan {

using OptString = std::optional<std::string>;

// What a section is for, read from its heading ("Mục đích, yêu cầu" is
// kPurposeRequirements); a heading that names no kind takes its parent's.
enum class SectionKind {
  kPurpose,
  kRequirements,
  kPurposeRequirements,
  kContent,
  kTasks,
  kSubjects,
  kCriteria,
  kTargets,
  kSchedule,
  kOrganisation,
  kParticipants,
  kFunding,
  kOther,
};

// How a deadline is dated (the contract's table says which fields each
// kind fills): one day to meet, one day something happens, a span to act
// in, a rule that repeats, a span the text names.
enum class DeadlineKind { kDue, kEvent, kWindow, kRecurring, kPeriod };

// What an agency is asked to do: lead ("chủ trì"), support ("phối hợp"),
// report ("báo cáo", "gửi") or something else.
enum class AssignmentRole { kLead, kSupport, kReport, kOther };

// The contract's name of each kind and role ("purpose_requirements", "due",
// "lead"), and the kind or role a name stands for: std::nullopt for a name
// the contract does not have. Each enum has one name table, in plan.cc.
std::string_view SectionKindName(SectionKind kind);
std::optional<SectionKind> ParseSectionKind(std::string_view name);
std::string_view DeadlineKindName(DeadlineKind kind);
std::optional<DeadlineKind> ParseDeadlineKind(std::string_view name);
std::string_view AssignmentRoleName(AssignmentRole role);
std::optional<AssignmentRole> ParseAssignmentRole(std::string_view name);

struct Issuer {
  OptString name;
  OptString parent;
};

struct Period {
  int from = 0;
  int to = 0;
};

struct Signer {
  OptString name;
  OptString position;
  OptString on_behalf;  // "KT. Giám đốc", "TM. Ủy ban nhân dân", ...
};

struct Header {
  Issuer issuer;
  OptString type;
  OptString number;
  OptString symbol;
  OptString place;
  OptString date;  // ISO 8601
  OptString title;
  std::optional<Period> period;
  std::optional<Signer> signer;
  std::vector<std::string> recipients;
};

struct LegalBasis {
  OptString type;
  OptString number;
  OptString date;
  OptString issuer;
  std::string text;
  int line = 0;
};

struct SectionItem {
  std::string text;
  int line = 0;
};

struct Section {
  std::string number;  // dotted path: "IV.2.1", "III.2.a"
  std::string title;
  SectionKind kind = SectionKind::kOther;
  int line = 0;
  std::vector<Section> children;
  std::vector<SectionItem> items;
};

// A goal, requirement or criterion: one item of the matching section kind.
struct Statement {
  std::string text;
  OptString applies_to;  // criteria only
  std::string section;
  int line = 0;
};

struct Target {
  std::string text;
  OptString indicator;
  std::optional<double> quantity;
  std::optional<double> quantity_max;  // upper bound of "từ 5-10 mô hình"
  OptString unit;
  OptString comparator;  // ">=", "<=", "="
  std::string section;
  int line = 0;
};

struct Deadline {
  std::string text;
  DeadlineKind kind = DeadlineKind::kDue;
  OptString date;
  OptString start;
  OptString end;
  OptString recurrence;  // RFC 5545 RRULE value
  OptString action;
  std::vector<std::string> responsible;
  std::string section;
  int line = 0;
};

struct Assignment {
  std::string assignee;
  AssignmentRole role = AssignmentRole::kLead;
  std::vector<std::string> tasks;
  std::string section;
  int line = 0;
};

struct Contact {
  OptString name;
  OptString email;
  OptString phone;
  int line = 0;
};

struct Plan {
  Header header;
  std::vector<LegalBasis> legal_bases;
  std::vector<Section> sections;
  std::vector<Statement> goals;
  std::vector<Statement> requirements;
  std::vector<Statement> criteria;
  std::vector<Target> targets;
  std::vector<Deadline> deadlines;
  std::vector<Assignment> assignments;
  std::vector<Contact> contacts;
  std::string text;  // the NFC text every `line` points into
};

}  // namespace vnplan

#endif  // VNPLAN_PLAN_H_
