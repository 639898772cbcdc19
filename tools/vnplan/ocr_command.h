// `vnplan ocr`: the text of a scan or PDF, through the Pipeline.
#ifndef VNPLAN_TOOLS_VNPLAN_OCR_COMMAND_H_
#define VNPLAN_TOOLS_VNPLAN_OCR_COMMAND_H_

#include <iosfwd>
#include <string>

#include "tools/vnplan/exit_code.h"
#include "tools/vnplan/reporter.h"
#include "vnplan/pipeline.h"

namespace vnplan {

struct OcrCommandOptions {
  std::string input = "-";
  std::string output;  // empty = standard output
  RestoreMode restore = RestoreMode::kAuto;
  std::string model_dir;
  int jobs = 0;  // pages read at once
  std::string preprocess = OcrOptions().steps;  // see OcrOptions::steps
  OcrOptions ocr;   // languages, pages, PDF reading (jobs and steps: the fields above)
  std::string pdf;  // also write a searchable PDF here (WriteSearchablePdf)
  Verbosity verbosity = Verbosity::kNormal;
};

// Prints the pages' text, separated by form feeds, restored unless
// --restore never; a line on stderr says what was read. With `pdf`, the
// searchable PDF is written first (atomically); the text still follows.
int RunOcr(const OcrCommandOptions& options, std::istream& in, std::ostream& out,
           std::ostream& err);

}  // namespace vnplan

#endif  // VNPLAN_TOOLS_VNPLAN_OCR_COMMAND_H_
