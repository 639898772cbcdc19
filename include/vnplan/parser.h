// PlanParser: the front door of the parser stage. Text of a Vietnamese
// administrative plan goes in (clean, converter output with markdown debris,
// or legacy OCR without diacritics); a Plan comes out.
//
//   vnplan::PlanParser parser;              // compiles every pattern once
//   vnplan::Plan plan = parser.Parse(text); // thread-safe, reusable
//
// The parser never throws on odd input: text with no headings yields a Plan
// with empty lists. Validate bytes with CheckPlanText() first (text_input.h).
#ifndef VNPLAN_PLAN_PARSER_H_
#define VNPLAN_PLAN_PARSER_H_

#include <memory>
#include <string>
#include <string_view>

#include "vnplan/plan.h"
#include "vnplan/status.h"

namespace vnplan {

class PlanParser {
 public:
  PlanParser();
  ~PlanParser();
  PlanParser(const PlanParser&) = delete;
  PlanParser& operator=(const PlanParser&) = delete;

  // Parses UTF-8 text. The text is normalised to NFC with "\n" line ends and
  // kept in Plan::text; every `line` in the result is 1-based into it.
  Plan Parse(std::string_view utf8_text) const;

  // Parses text that NormalizePlanText already gave (the Pipeline's, which
  // normalises once before restoring), without normalising it again.
  Plan ParseNormalized(std::string text) const;

  // Checks the masthead's places against a gazetteer (places.tsv, which
  // scripts/gazetteer.py writes into the model directory): the date line's
  // place and the place in an agency's name take the gazetteer's marks and
  // capitals ("LAM THAO" -> "Lâm Thao"). Without one the parser takes them
  // as written. Call before parsing, not while another thread parses.
  // kIoError when the file cannot be read, kInvalidInput naming a malformed
  // line; the parser then keeps working without a gazetteer.
  Status UseGazetteer(const std::string& path);

 private:
  struct Engine;
  std::unique_ptr<Engine> engine_;
};

}  // namespace vnplan

#endif  // VNPLAN_PLAN_PARSER_H_
