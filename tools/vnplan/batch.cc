#include "tools/vnplan/batch.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <mutex>
#include <set>
#include <optional>
#include <sstream>
#include <thread>

#include "tools/vnplan/atomic_file.h"
#include "tools/vnplan/exit_code.h"
#include "tools/vnplan/input_file.h"
#include "vnplan/pipeline.h"

namespace vnplan {
namespace {

namespace fs = std::filesystem;

enum class Outcome { kPending, kWritten, kSkipped, kFailed, kUnwritten };

struct Item {
  std::string input, output;
  Outcome outcome = Outcome::kPending;
  std::string message;
  double seconds = 0;
  int pages = 0;  // read from a scan or PDF
  bool model_missing = false;  // failed for want of a model (Tesseract's language data)
};

bool IsUnder(const fs::path& path, const fs::path& folder) {
  if (folder.empty()) return false;
  std::error_code ec;
  const fs::path canonical = fs::weakly_canonical(path, ec);
  const auto [end, _] = std::mismatch(folder.begin(), folder.end(), canonical.begin(), canonical.end());
  return !ec && end == folder.end();
}

// Every regular file under `folder`. What cannot be read (a folder without
// permission, a dangling link, a link loop) or is not a plain file (a FIFO,
// a device) is listed in `skipped` with the reason, never silently dropped;
// the output folder, when it lies inside, is not read back as input.
void WalkFolder(const std::string& folder, const fs::path& outputs, std::vector<std::string>* found,
                std::vector<std::string>* skipped) {
  std::error_code ec;
  fs::recursive_directory_iterator it(folder, fs::directory_options::none, ec), end;
  if (ec) {
    skipped->push_back(folder + ": cannot read (" + ec.message() + ")");
    return;
  }
  for (; it != end; it.increment(ec)) {
    if (ec) {
      skipped->push_back(it->path().string() + ": cannot read (" + ec.message() + ")");
      ec.clear();
      continue;
    }
    const fs::path& path = it->path();
    const bool ours = IsUnder(path, outputs);
    if (it->is_directory(ec)) {
      if (ours) it.disable_recursion_pending();
    } else if (ours) {
      continue;
    } else if (it->is_regular_file(ec)) {
      found->push_back(path.string());
    } else {
      skipped->push_back(path.string() + ": " +
                         (it->is_symlink(ec) ? "a link to nothing readable" : "not a regular file"));
    }
  }
}

// Temporary files a killed run left beside the outputs this run writes
// ("a.json.tmp.Xy12Ab", and "a.pdf.tmp.Q3rT9z" of a.json's searchable
// PDF): removed, so nothing half-written lingers.
void RemoveStaleTemporaries(const std::vector<std::string>& outputs) {
  std::map<fs::path, std::set<std::string>> by_folder;
  for (const std::string& output : outputs)
    by_folder[fs::path(output).parent_path()].insert(fs::path(output).filename().string());
  for (const auto& [folder, ours] : by_folder) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
      const std::string file = entry.path().filename().string();
      for (const char* ending : {".json.tmp.", ".pdf.tmp."}) {
        const size_t at = file.find(ending);
        if (at == std::string::npos) continue;
        const std::string output = file.substr(0, at) + ".json";  // a.pdf.tmp.X is a.json's PDF
        if (ours.count(output) > 0) fs::remove(entry.path(), ec);
      }
    }
  }
}

// "2023/a.txt" -> "2023/a.json": the outputs mirror the input tree. Two
// inputs of one folder with the same stem ("a.txt", "a.jpg") keep their
// extensions ("a.txt.json", "a.jpg.json"), whatever order they come in;
// names that still meet (the same file name in two folders named on the
// command line) take a counter, in input order, so no output is written
// twice.
std::vector<std::string> OutputNames(const std::vector<std::string>& relative) {
  std::map<std::string, std::set<std::string>> files_of_stem;
  auto stem_of = [](const fs::path& p) { return (p.parent_path() / p.stem()).string(); };
  for (const auto& rel : relative) files_of_stem[stem_of(rel)].insert(rel);
  std::vector<std::string> names;
  for (const auto& rel : relative) {
    const fs::path p(rel);
    names.push_back((files_of_stem[stem_of(p)].size() > 1 ? p.string() : stem_of(p)) + ".json");
  }
  std::map<std::string, int> taken;
  for (auto& name : names) {
    if (taken[name]++ == 0) continue;
    const std::string stem = name.substr(0, name.size() - 5);
    for (int n = taken[name];; ++n) {
      std::string candidate = stem + "-" + std::to_string(n) + ".json";
      if (taken.count(candidate) == 0) {
        taken[candidate] = 1;
        name = candidate;
        break;
      }
    }
  }
  return names;
}

// "2023/a.json" -> "2023/a.pdf": a scan's searchable PDF beside its JSON.
std::string PdfOutput(const std::string& json) {
  return fs::path(json).replace_extension(".pdf").string();
}

// Whether `output` already holds this input's plan from this pipeline
// (and, when searchable PDFs are asked for, a scan's PDF is there too).
bool Current(const std::string& output, const std::string& sha256, const BatchOptions& options) {
  std::ifstream in(output, std::ios::binary);
  if (!in) return false;
  try {
    const auto j = nlohmann::json::parse(in);
    const auto& source = j.at("source");
    const bool scan = source.at("kind") != "text";
    return source.at("sha256") == sha256 && source.at("pipeline") == options.pipeline &&
           !(options.searchable_pdf && scan && !fs::exists(PdfOutput(output)));
  } catch (const std::exception&) {
    return false;  // damaged or foreign: redo it
  }
}

// Writes a scan's searchable PDF beside its JSON; "" or why it cannot.
std::string WritePdf(const Item& item, const std::string& pdf) {
  const std::string path = PdfOutput(item.output);
  std::error_code ec;
  if (fs::equivalent(path, item.input, ec))
    return "the searchable PDF " + path + " would replace the input itself";
  return WriteFileAtomically(path, pdf);
}

void Process(Item& item, const BatchOptions& options, const PlanConverter& convert) {
  const auto start = std::chrono::steady_clock::now();
  std::string error;
  std::istringstream no_stdin;
  const std::optional<std::string> bytes = ReadInput(item.input, no_stdin, options.max_input_bytes, error);
  if (!bytes) {
    item.outcome = Outcome::kFailed;
    item.message = error;
    return;
  }
  const std::string sha256 = InputDigest(*bytes);
  if (!options.force && Current(item.output, sha256, options)) {
    item.outcome = Outcome::kSkipped;
    item.message = "up to date";
    return;
  }
  std::string json, pdf;
  std::error_code ec;
  if (const Status status = convert(item.input, *bytes, sha256, &json, &item.pages, &pdf); !status.ok()) {
    item.outcome = Outcome::kFailed;
    item.message = status.message();
    item.model_missing = status.code() == Status::Code::kModelMissing;
  } else if (fs::create_directories(fs::path(item.output).parent_path(), ec); ec) {
    item.outcome = Outcome::kUnwritten;
    item.message = "cannot create " + fs::path(item.output).parent_path().string() + ": " + ec.message();
  } else if (std::string problem = pdf.empty() ? "" : WritePdf(item, pdf); !problem.empty()) {
    item.outcome = Outcome::kUnwritten;
    item.message = problem;
  } else if (std::string problem = WriteFileAtomically(item.output, json); !problem.empty()) {
    item.outcome = Outcome::kUnwritten;
    item.message = problem;
  } else {
    item.outcome = Outcome::kWritten;
    item.message = "-> " + item.output;
    if (item.pages > 0) item.message += " (" + PageCount(item.pages) + ")";
  }
  item.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// The run's last lines, and its exit code: 3 when an output could not be
// written, 4 when an input failed for want of a model, 1 when an input
// failed, else 0.
int Summarize(const std::vector<Item>& items, double seconds, Reporter& reporter) {
  int written = 0, skipped = 0, failed = 0, unwritten = 0, not_started = 0;
  bool model_missing = false;
  for (const Item& item : items) {
    model_missing = model_missing || item.model_missing;
    written += item.outcome == Outcome::kWritten;
    skipped += item.outcome == Outcome::kSkipped;
    failed += item.outcome == Outcome::kFailed;
    unwritten += item.outcome == Outcome::kUnwritten;
    not_started += item.outcome == Outcome::kPending;
  }
  char summary[200];
  std::snprintf(summary, sizeof summary,
                "vnplan: %zu files: %d written, %d skipped (up to date), %d failed, in %.1f s",
                items.size(), written, skipped, failed + unwritten, seconds);
  reporter.Say(MessageKind::kNote, summary);
  if (unwritten > 0) {
    reporter.Say(MessageKind::kError, "vnplan: " + std::to_string(unwritten) +
                                          " output(s) could not be written; " +
                                          std::to_string(not_started) + " input(s) not started");
    return kExitOutputFailed;
  }
  if (model_missing) return kExitModelMissing;
  return failed > 0 ? kExitInputFailed : kExitOk;
}

// One finished input's line: failures always, a file written as a note
// when no bar shows the progress (a log), and under -v always.
void ReportItem(const Item& item, size_t number, size_t total, Reporter& reporter) {
  if (item.outcome == Outcome::kPending) return;  // not started after a write failure
  const bool failed = item.outcome == Outcome::kFailed || item.outcome == Outcome::kUnwritten;
  const MessageKind kind = failed                ? MessageKind::kError
                           : reporter.DrawsBar() ? MessageKind::kDetail
                                                 : MessageKind::kNote;
  const char* what = item.outcome == Outcome::kWritten   ? "ok"
                     : item.outcome == Outcome::kSkipped ? "skipped"
                                                         : "failed";
  std::string line = "vnplan: [" + std::to_string(number) + "/" + std::to_string(total) + "] " +
                     item.input + ": " + what + " " + item.message;
  if (reporter.Shows(MessageKind::kDetail) && item.outcome == Outcome::kWritten) {
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, " in %.1f s", item.seconds);
    line += seconds;
  }
  reporter.Say(kind, line);
}

// The pages a scan or PDF holds, counted from its headers before it is
// read (0 for a text, or what cannot be opened): the bar's time left.
long PagesAhead(const std::string& path, std::size_t max_bytes) {
  std::string error;
  std::istringstream no_stdin;
  const std::optional<std::string> bytes = ReadInput(path, no_stdin, max_bytes, error);
  return bytes ? OcrEngine::CountPages(*bytes) : 0;
}

}  // namespace

InputList ExpandInputs(const std::vector<std::string>& inputs, const std::string& output_dir) {
  InputList list;
  std::error_code ec;
  const fs::path outputs = output_dir.empty() ? fs::path() : fs::weakly_canonical(output_dir, ec);
  for (const std::string& input : inputs) {
    if (input == "-" || !fs::is_directory(input, ec)) {
      list.files.push_back(input);
      list.relative.push_back(fs::path(input).filename().string());
      continue;
    }
    list.had_directory = true;
    std::vector<std::string> found;
    WalkFolder(input, outputs, &found, &list.skipped);
    std::sort(found.begin(), found.end());
    for (const std::string& file : found) {
      list.files.push_back(file);
      list.relative.push_back(fs::path(file).lexically_relative(input).string());
    }
  }
  return list;
}

int RunBatch(const BatchOptions& options, const PlanConverter& convert, Reporter& reporter) {
  std::vector<Item> items(options.inputs.size());
  std::vector<std::string> outputs;
  std::vector<std::string> relative = options.relative;
  if (relative.size() != items.size()) {  // not given: every input at the top
    relative.clear();
    for (const std::string& input : options.inputs)
      relative.push_back(fs::path(input).filename().string());
  }
  // Names are chosen over all inputs, then a shard keeps its own: every
  // shard names a file as a whole run would.
  const std::vector<std::string> names = OutputNames(relative);
  items.clear();
  for (size_t i = 0; i < names.size(); ++i) {
    if (options.shard_count > 0 && static_cast<int>(i % options.shard_count) != options.shard_index - 1)
      continue;
    Item item;
    item.input = options.inputs[i];
    item.output = (fs::path(options.output_dir) / names[i]).string();
    outputs.push_back(item.output);
    items.push_back(std::move(item));
  }
  std::error_code ec;
  fs::create_directories(options.output_dir, ec);
  if (ec) {
    reporter.Say(MessageKind::kError,
                 "vnplan: cannot create " + options.output_dir + ": " + ec.message());
    return kExitOutputFailed;
  }
  RemoveStaleTemporaries(outputs);
  reporter.StartBatch(items.size());
  std::atomic<size_t> next{0}, done{0};
  // An output that cannot be written (full disk, read-only folder) means
  // the next ones cannot either: no new input is started.
  std::atomic<bool> stop{false};
  std::mutex output_mutex;  // on_output is called once at a time
  auto worker = [&] {
    for (size_t i = next++; i < items.size(); i = next++) {
      // An exception (memory exhausted on a hostile input) fails this input
      // only: escaping the thread would end the whole run, summary unwritten.
      try {
        if (!stop) Process(items[i], options, convert);
      } catch (const std::exception& e) {
        items[i].outcome = Outcome::kFailed;
        items[i].message = std::string("internal error: ") + e.what();
      }
      if (items[i].outcome == Outcome::kUnwritten) stop = true;
      if (options.on_output &&
          (items[i].outcome == Outcome::kWritten || items[i].outcome == Outcome::kSkipped)) {
        std::lock_guard<std::mutex> lock(output_mutex);
        options.on_output(items[i].output);
      }
      const size_t number = ++done;
      ReportItem(items[i], number, items.size(), reporter);
      reporter.FileDone(items[i].pages);
    }
  };
  std::vector<std::thread> threads;
  const int jobs = std::max(1, std::min<int>(options.jobs, static_cast<int>(items.size())));
  for (int t = 0; t < jobs; ++t) threads.emplace_back(worker);
  // Meanwhile the pages ahead are counted, and the clock on the bar moves.
  for (size_t counted = 0; done < items.size();) {
    if (reporter.DrawsBar() && counted < items.size() && !stop) {
      reporter.ExpectPages(PagesAhead(items[counted++].input, options.max_input_bytes));
      continue;
    }
    reporter.Tick();
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  for (auto& t : threads) t.join();
  return Summarize(items, reporter.EndBatch(), reporter);
}

}  // namespace vnplan
