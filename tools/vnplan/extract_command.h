// `vnplan extract`: plan text in, contract JSON out. Lives in a library so
// the tests run exactly what the command runs.
#ifndef VNPLAN_CLI_EXTRACT_COMMAND_H_
#define VNPLAN_CLI_EXTRACT_COMMAND_H_

#include <cstddef>
#include <iosfwd>
#include <string>
#include <vector>

#include "vnplan/ocr.h"

namespace vnplan {

// The version written into every JSON's source.pipeline.
inline constexpr const char* kVersion = "0.3.0";

// Exit codes of every vnplan command (documented in the README).
enum ExitCode : int {
  kExitOk = 0,           // everything was read and written
  kExitInputFailed = 1,  // at least one input was unreadable or not text
  kExitUsage = 2,        // bad command line
  kExitOutputFailed = 3,  // the output could not be written
  kExitModelMissing = 4   // restoration was required but no model could be loaded
};

struct ExtractOptions {
  std::vector<std::string> inputs;  // paths; "-" is standard input
  std::string format = "json";      // json | jsonl
  std::string output;               // file path; empty = standard output
  std::size_t max_input_bytes = std::size_t{256} << 20;
  std::string restore = "auto";     // auto | always | never
  std::string model_dir;            // where domain.lm / background.lm are
  // Batch runs: `output` is a directory (exists, or ends in '/'), or an
  // input is a directory; one JSON per plan is written there.
  bool force = false;     // redo inputs whose output is current
  int jobs = 0;           // worker threads; 0 = one per core
  bool progress_bar = false;  // stderr is a terminal: draw a bar, not log lines
  int ocr_jobs = 0;           // pages read at once (0 = one per core)
};

// Runs the command. Results go to `out` (or options.output), messages to
// `err`, one line each, prefixed "vnplan: FILE: ". Every readable input is
// written even when others fail. In a batch, an input whose output already
// holds the same input hash and pipeline is skipped unless `force`, so an
// interrupted run resumes where it stopped.
int RunExtract(const ExtractOptions& options, std::istream& in, std::ostream& out,
               std::ostream& err);

struct OcrCommandOptions {
  std::string input = "-";
  std::string output;
  std::string restore = "auto";
  std::string model_dir;
  int jobs = 0;  // pages read at once
  std::string preprocess = OcrOptions().steps;  // see OcrOptions::steps
};

// `vnplan ocr`: the text of a scan or PDF, pages separated by form feeds,
// restored unless --restore never.
int RunOcr(const OcrCommandOptions& options, std::istream& in, std::ostream& out,
           std::ostream& err);

}  // namespace vnplan

#endif  // VNPLAN_CLI_EXTRACT_COMMAND_H_
