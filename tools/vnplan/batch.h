// Batch extraction: many plans in, one JSON each out, in parallel, with
// progress, resumable. Used by `vnplan extract` when the output is a folder.
#ifndef VNPLAN_TOOLS_VNPLAN_BATCH_H_
#define VNPLAN_TOOLS_VNPLAN_BATCH_H_

#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

#include "tools/vnplan/reporter.h"
#include "vnplan/status.h"

namespace vnplan {

// Turns one input's bytes into its JSON text and sets *pages to the pages
// it read from a scan or PDF (0 for text), and *pdf to its searchable PDF
// when BatchOptions::searchable_pdf asks for one (left empty for a text);
// a failed Status when the input is refused.
using PlanConverter =
    std::function<Status(const std::string& path, const std::string& bytes, const std::string& sha256,
                         std::string* json, int* pages, std::string* pdf)>;

struct BatchOptions {
  std::vector<std::string> inputs;  // files (directories already expanded)
  // Each input's path under the folder it was found in ("2023/a.txt"), or
  // its file name when it was named itself: its output's place under
  // output_dir, so the outputs mirror the input tree (InputList::relative).
  // Left empty, every output goes to the top of output_dir.
  std::vector<std::string> relative;
  std::string output_dir;
  std::string pipeline;  // written into every JSON; a different one means redo
  bool force = false;
  // Each scan's searchable PDF beside its JSON ("2023/a.json", "2023/a.pdf"),
  // written before the JSON, so a JSON found current has its PDF. Never
  // over the input itself (an output folder that is the input's).
  bool searchable_pdf = false;
  int jobs = 1;
  std::size_t max_input_bytes = 0;
  // Shard `shard_index` (1-based) of `shard_count`: inputs i with
  // i % shard_count == shard_index - 1. Output names are chosen over all
  // inputs first, so every shard names a file as a whole run would.
  // shard_count 0: every input.
  int shard_index = 0;
  int shard_count = 0;
  // Called once at a time (from the workers, in completion order) with each
  // output written or found current (`vnplan extract --db` adds it to a
  // catalogue).
  std::function<void(const std::string& output)> on_output;
};

// Returns the exit code: 0, or 1 if any input failed, 3 if an output (or
// its folder) cannot be written. Every file done, failure and the summary
// go through `reporter`, which also draws the progress.
int RunBatch(const BatchOptions& options, const PlanConverter& convert, Reporter& reporter);

struct InputList {
  std::vector<std::string> files;
  std::vector<std::string> relative;  // BatchOptions::relative, one per file
  bool had_directory = false;         // an input named a folder
  std::vector<std::string> skipped;   // "PATH: reason", for what a folder held but cannot be read
};

// Every regular file under each directory (sorted), files as given; files
// under `output_dir` (when not empty) are not inputs.
InputList ExpandInputs(const std::vector<std::string>& inputs, const std::string& output_dir);

}  // namespace vnplan

#endif  // VNPLAN_TOOLS_VNPLAN_BATCH_H_
