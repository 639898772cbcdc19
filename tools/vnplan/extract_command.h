// `vnplan extract`: inputs in, contract JSON out, through the Pipeline. Lives
// in a library so the tests run exactly what the command runs.
#ifndef VNPLAN_TOOLS_VNPLAN_EXTRACT_COMMAND_H_
#define VNPLAN_TOOLS_VNPLAN_EXTRACT_COMMAND_H_

#include <cstddef>
#include <iosfwd>
#include <string>
#include <vector>

#include "tools/vnplan/exit_code.h"
#include "tools/vnplan/reporter.h"
#include "vnplan/pipeline.h"

namespace vnplan {

struct ExtractOptions {
  std::vector<std::string> inputs;  // paths; "-" is standard input
  std::string format = "json";      // json | jsonl
  std::string output;               // file path; empty = standard output
  std::size_t max_input_bytes = std::size_t{256} << 20;
  RestoreMode restore = RestoreMode::kAuto;
  std::string model_dir;  // where domain.lm / background.lm are
  // Batch runs: `output` is a directory (exists, or ends in '/'), or an
  // input is a directory; one JSON per plan is written there.
  bool force = false;         // redo inputs whose output is current
  bool searchable_pdf = false;  // each scan's searchable PDF beside its JSON (BatchOptions)
  int jobs = 0;               // worker threads; 0 = one per core
  bool progress_bar = false;  // stderr is a terminal: draw a bar, not log lines
  Verbosity verbosity = Verbosity::kNormal;
  int ocr_jobs = 0;           // pages read at once (0 = one per core)
  OcrOptions ocr;             // languages, pages, PDF reading (jobs: ocr_jobs)
  // Cluster runs (scripts/slurm/): more inputs listed in a file, one path a
  // line (relative ones from the file's folder; blank lines and '#' lines
  // skipped), and "K/N" to do only the K-th of N shards of all inputs.
  // Either needs -o OUTDIR/.
  std::string manifest;
  std::string shard;
  // A catalogue file: each plan written or found current is added to it.
  std::string db;
};

// Runs the command. Results go to `out` (or options.output), messages to
// `err`, one line each, prefixed "vnplan: FILE: ". Every readable input is
// written even when others fail. In a batch, an input whose output already
// holds the same input hash and pipeline is skipped unless `force`, so an
// interrupted run resumes where it stopped.
int RunExtract(const ExtractOptions& options, std::istream& in, std::ostream& out,
               std::ostream& err);

// "vnplan: FILE: warning: …" / "vnplan: FILE: note: …": how every command
// reports a pipeline's notes about one input.
std::string NoteLine(const std::string& path, const Note& note);

}  // namespace vnplan

#endif  // VNPLAN_TOOLS_VNPLAN_EXTRACT_COMMAND_H_
