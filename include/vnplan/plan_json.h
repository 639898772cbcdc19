// Serialises a Plan to the contract's JSON (shared/spec/plan-json.md,
// schema/plan.schema.json). Key order is fixed so the same plan always gives
// byte-identical output.
#ifndef VNPLAN_PLAN_JSON_H_
#define VNPLAN_PLAN_JSON_H_

#include <optional>
#include <string>
#include <vector>

#include "vnplan/plan.h"

namespace vnplan {

// The contract version written to "schema_version".
inline constexpr const char* kSchemaVersion = "1.2";

// Where the text came from, for the "source" object.
struct SourceInfo {
  std::string file;    // base name as given on the command line, "-" for stdin
  std::string sha256;  // hex digest of the input bytes
  std::string kind = "text";
  std::optional<int> pages;
  bool restoration_applied = false;
  int tokens_changed = 0;
  std::string pipeline = "vnplan";  // version and model fingerprint
  // Set when the text came from OCR: "source.ocr" in the contract.
  struct Ocr {
    std::string engine;     // "tesseract 5.3.0"
    std::string languages;  // "vie"
    std::optional<double> mean_confidence;
  };
  std::optional<Ocr> ocr;
  // "source.signatures": the e-signatures a signed scan's text layer states
  // (OcrPage::signatures), in page order; what a box does not state is null.
  struct Signature {
    std::optional<std::string> signed_by;
    std::optional<std::string> organisation;
    std::optional<std::string> time;  // ISO 8601 date and time
    int page = 1;                     // 1-based
  };
  std::vector<Signature> signatures;
};

enum class JsonLayout {
  kIndented,  // two spaces a level: one plan per file
  kOneLine,   // no line breaks: one plan per line of a JSON Lines stream
};

// The plan and its source as the contract's JSON text (no final newline).
std::string PlanToJson(const Plan& plan, const SourceInfo& source,
                       JsonLayout layout = JsonLayout::kIndented);

}  // namespace vnplan

#endif  // VNPLAN_PLAN_JSON_H_
