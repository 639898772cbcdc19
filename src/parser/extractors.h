// The things people act on, read from the outline: legal bases, goals,
// requirements, criteria, targets, deadlines, assignments and contacts.
// Each finder compiles its patterns once and is then read-only.
#ifndef VNPLAN_PARSER_EXTRACTORS_H_
#define VNPLAN_PARSER_EXTRACTORS_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
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
  // "Căn cứ Luật … ngày …": laws cited by name, with no number.
  void ReadLaws(const Block& block, std::vector<LegalBasis>& out) const;
  // "Theo đề nghị của …" citing no document: a basis with no number.
  void ReadProposal(const Block& block, std::vector<LegalBasis>& out) const;
  // Keeps the first citation of each numbered document.
  static void DropRepeats(std::vector<LegalBasis>& bases);
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
  // The agencies of a list ("Sở Tài chính, Sở Nội vụ; UBND các xã"): split
  // at ',', ';' and "và" where another agency's head follows.
  std::vector<std::string> AgenciesIn(const FoldedText& folded, std::string_view original) const;
  // True if the text starts with an agency's head ("Sở Y tế", "Các bộ").
  bool StartsWithAgency(const FoldedText& folded, std::string_view original) const;
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
  // Where the agency starting at folded offset `begin` ends: its verb,
  // within `max_words` (one agency's name is at most 25).
  bool AgencyEnd(const FoldedText& folded, std::string_view original, size_t begin,
                 size_t* end, std::string_view* verb_found, int max_words = 25) const;
  // False if the agency at `begin` only looks like one once folded ("bản
  // vẽ" is not "Ban"), or starts with a head that is also a common word
  // ("Báo", "Hội") and no capitalised name follows it.
  bool NameFollows(const FoldedText& folded, std::string_view original,
                   size_t begin) const;
  // The agency a heading names; `strict` where headings do not normally
  // assign: only an agency's proper name, alone, counts.
  bool FromHeading(const Block& b, const std::string& section, bool strict,
                   Assignment* a) const;
  // What the units read so far left for those after them.
  struct SectionState {
    std::map<int, size_t> owners;       // section -> its heading's assignment in out
    std::map<int, std::string> topics;  // section -> its heading's text
  };
  bool FromUnit(const Outline& outline, const BodyUnit& unit, SectionState& state,
                std::vector<Assignment>& out) const;
  // Folded spans of the entries of a list of agencies (see AgenciesIn).
  std::vector<std::pair<size_t, size_t>> ListSpans(const FoldedText& folded,
                                                   std::string_view original) const;
  // "… chủ trì, phối hợp với Sở Y tế, Công an tỉnh …": each named body supports.
  void FromCooperation(const Block& b, const std::string& section,
                       std::vector<Assignment>& out) const;
  bool FromLabel(const Block& b, const std::string& section, const std::string& topic,
                 std::vector<Assignment>& out) const;
  void FromGiven(const Block& b, const std::string& section,
                 std::vector<Assignment>& out) const;
  // "Sở Y tế chủ trì …", "Bộ GDĐT sẽ tổ chức …" starting a sentence of a
  // content section: a body named by its head and proper name, then what
  // it will do (not what it did).
  void FromContentSubject(const Block& b, const std::string& section,
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
  // The deadlines in a table's time cell ("Quý III/2026"), for the row's
  // `task` and `leads`; with `due`, a bare date is when the task is due.
  void FindInCell(const Block& cell, const Header& header, const std::string& section,
                  const std::string& task, const std::vector<std::string>& leads, bool due,
                  std::vector<Deadline>& out) const;

 private:
  struct Patterns;
  struct Context;
  const AssignmentFinder& assignments_;
  static Context ContextOf(const Header& header);
  std::unique_ptr<Patterns> re_;
  void FindInUnit(const BodyUnit& unit, const std::string& section,
                  const Context& context, std::vector<Deadline>& out) const;
  // `section` is the index of the block's section in the outline.
  void Describe(const Block& block, size_t at, size_t end, int section,
                const Context& context, Deadline& d) const;
};

// Tables of tasks with a "Cơ quan chủ trì" column, one cell per line as the
// converter flattens them (in appendices, after the signature too): one
// assignment per agency of a row, lead or support by its column, and the
// row's deadline from its time column.
class TaskTableReader {
 public:
  TaskTableReader(const TextFolder& folder, const AssignmentFinder& assignments,
                  const DeadlineFinder& deadlines);
  ~TaskTableReader();
  // Adds what the tables among `lines` assign to plan.assignments and deadlines.
  void Read(const std::vector<Line>& lines, const Header& header, Plan& plan) const;

  // The lines [begin, end) between two lone "|" lines.
  struct Cell {
    size_t begin = 0, end = 0;
  };

 private:
  struct Patterns;
  struct Columns;
  struct Row;
  const TextFolder& folder_;
  const AssignmentFinder& assignments_;
  const DeadlineFinder& deadlines_;
  std::unique_ptr<Patterns> re_;
  // The header row around the "Cơ quan chủ trì" label at cells[lead].
  Columns HeaderAt(const std::vector<Line>& lines, const std::vector<Cell>& cells,
                   size_t lead) const;
  // Reads the rows under the header; returns the first cell after them.
  // `rows` counts the rows read, `named` those whose lead cell starts with
  // an agency.
  size_t ReadRows(const std::vector<Line>& lines, const std::vector<Cell>& cells,
                  const Columns& columns, const Header& header, Plan& plan, int* rows,
                  int* named) const;
  void ReadRow(const std::vector<Line>& lines, const std::vector<Cell>& cells,
               const Columns& columns, size_t row, const std::string& section,
               const Header& header, Plan& plan) const;
  void AddAssignments(const std::string& cell, AssignmentRole role, const Row& row,
                      std::vector<Assignment>& out, std::vector<std::string>* names) const;
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
