// The structured form of an administrative plan, as the parser produces it.
// Field meanings follow the JSON contract (shared/spec/plan-json.md); a field
// the document does not state is std::nullopt (or an empty vector), never a
// guess. Every extracted item records the section and 1-based line it came
// from so a reader can check it against Plan::text.
#ifndef VNPLAN_PLAN_H_
#define VNPLAN_PLAN_H_

#include <optional>
#include <string>
#include <vector>

namespace vnplan {

using OptString = std::optional<std::string>;

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
  std::string kind;  // purpose, requirements, ..., other
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
  std::string kind;  // due | event | window | recurring | period
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
  std::string role;  // lead | support | report | other
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
