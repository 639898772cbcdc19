// The things people act on, read from the outline: legal bases, goals,
// requirements, criteria, targets, deadlines, assignments and contacts.
// Each finder compiles its patterns once and is then read-only.
#ifndef VNPLAN_PARSER_EXTRACTORS_H_
#define VNPLAN_PARSER_EXTRACTORS_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "src/parser/document.h"
#include "src/parser/outline.h"
#include "vnplan/plan.h"

namespace vnplan::internal {

// "Căn cứ Kế hoạch số 31/KH-UBND ngày 24/02/2023 của UBND tỉnh ...".
class LegalBasisReader {
 public:
  LegalBasisReader();
  ~LegalBasisReader();
  std::vector<LegalBasis> Read(const std::vector<Block>& preamble) const;

 private:
  struct Patterns;
  std::unique_ptr<Patterns> re_;
};

// Goals, requirements and criteria: the items of sections of those kinds;
// criteria carry the group they apply to.
class StatementCollector {
 public:
  StatementCollector();
  ~StatementCollector();
  void Collect(const Outline& outline, Plan& plan) const;

 private:
  struct Patterns;
  std::unique_ptr<Patterns> re_;
  OptString GroupOf(std::string_view folded) const;
};

// Quantified targets: "Cờ thi đua Bộ: 18 tập thể trở lên", "ít nhất 01 mô
// hình", "không quá 01 nhà giáo", "100% đơn vị".
class TargetFinder {
 public:
  TargetFinder();
  ~TargetFinder();
  std::vector<Target> Find(const Outline& outline) const;

 private:
  struct Patterns;
  std::unique_ptr<Patterns> re_;
  void FindInUnit(const BodyUnit& unit, const std::string& section,
                  std::vector<Target>& out) const;
  // ">=" for "ít nhất 50%", ">" for "trên 80%", ... from the words before.
  std::string PercentComparator(std::string_view before) const;
  // What a quantity at folded `number_at` measures, within the sentence
  // [sb, se); `unit_end` is where its unit ends.
  std::string IndicatorOf(const Block& b, size_t sb, size_t se, size_t number_at,
                          size_t unit_end, bool percent) const;
};

// Who must do what: headings naming an agency ("2. Sở Tài chính", "Đề
// nghị Ủy ban ..."), sentences whose subject is an agency in "Tổ chức thực
// hiện", "Cơ quan chủ trì: X" rows and "Giao X ..." anywhere.
class AssignmentFinder {
 public:
  AssignmentFinder();
  ~AssignmentFinder();
  std::vector<Assignment> Find(const Outline& outline) const;
  // The agency a sentence starts with ("Các đơn vị ... gửi" -> "Các đơn
  // vị"), cut from `original`; empty if it does not start with one.
  std::string SubjectOf(const FoldedText& folded, std::string_view original,
                        AssignmentRole* role) const;
  // The agencies a sentence makes responsible: its subject, split at "và"
  // where another agency follows ("Phòng GD&ĐT và các đơn vị ...").
  std::vector<std::string> ResponsibleIn(const FoldedText& folded,
                                         std::string_view original) const;

 private:
  struct Patterns;
  std::unique_ptr<Patterns> re_;
  // Folded offsets of the agency that starts at or after `from`, up to
  // its verb.
  bool FindSubject(const FoldedText& folded, std::string_view original, size_t from,
                   size_t* begin, size_t* end, AssignmentRole* role) const;
  // Where the agency starting at folded offset `begin` ends: its verb.
  bool AgencyEnd(const FoldedText& folded, std::string_view original, size_t begin,
                 size_t* end, std::string_view* verb_found) const;
  // False if the agency at `begin` only looks like one once folded ("bản
  // vẽ" is not "Ban"), or starts with a head that is also a common word
  // ("Báo", "Hội") and no capitalised name follows it.
  bool NameFollows(const FoldedText& folded, std::string_view original,
                   size_t begin) const;
  // The agency a heading names; `strict` where headings do not normally
  // assign: only an agency's proper name, alone, counts.
  bool FromHeading(const Block& b, const std::string& section, bool strict,
                   Assignment* a) const;
  bool FromLabel(const Block& b, const std::string& section, const std::string& topic,
                 std::vector<Assignment>& out) const;
  void FromGiven(const Block& b, const std::string& section,
                 std::vector<Assignment>& out) const;
};

// Due dates, events, windows, recurring deadlines and periods, normalised
// as the contract's table says.
class DeadlineFinder {
 public:
  explicit DeadlineFinder(const AssignmentFinder& assignments);
  ~DeadlineFinder();
  // `assignments` name who is responsible where a sentence names no one.
  std::vector<Deadline> Find(const Outline& outline, const Header& header,
                             const std::vector<Assignment>& assignments) const;

 private:
  struct Patterns;
  struct Context;
  const AssignmentFinder& assignments_;
  std::unique_ptr<Patterns> re_;
  void FindInUnit(const BodyUnit& unit, const std::string& section,
                  const Context& context, std::vector<Deadline>& out) const;
  // `section` is the index of the block's section in the outline.
  void Describe(const Block& block, size_t at, size_t end, int section,
                const Context& context, Deadline& d) const;
};

// E-mail addresses and phone numbers, with the person named on the line.
class ContactFinder {
 public:
  ContactFinder();
  ~ContactFinder();
  std::vector<Contact> Find(const std::vector<Line>& lines) const;

 private:
  struct Patterns;
  std::unique_ptr<Patterns> re_;
};

}  // namespace vnplan::internal

#endif  // VNPLAN_PARSER_EXTRACTORS_H_
