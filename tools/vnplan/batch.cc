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
#include <set>
#include <mutex>
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
// ("a.json.tmp.Xy12Ab"): removed, so nothing half-written lingers.
void RemoveStaleTemporaries(const std::string& output_dir, const std::vector<std::string>& names) {
  std::error_code ec;
  const std::set<std::string> ours(names.begin(), names.end());
  for (const auto& entry : fs::directory_iterator(output_dir, ec)) {
    const std::string file = entry.path().filename().string();
    const size_t at = file.find(".json.tmp.");
    if (at != std::string::npos && ours.count(file.substr(0, at + 5)) > 0) fs::remove(entry.path(), ec);
  }
}

// "plans/a.txt" -> "a.json"; inputs with the same name from different
// folders keep apart by their folder names.
std::vector<std::string> OutputNames(const std::vector<std::string>& inputs) {
  std::map<std::string, int> uses;
  for (const auto& in : inputs) ++uses[fs::path(in).stem().string()];
  std::vector<std::string> names;
  for (const auto& in : inputs) {
    const fs::path p(in);
    std::string name = p.stem().string();
    if (uses[name] > 1) {
      name = (p.parent_path() / p.stem()).lexically_normal().string();
      std::replace(name.begin(), name.end(), '/', '_');
    }
    names.push_back(name + ".json");
  }
  // Names that still meet ("x/b.txt" and "x_b.txt") take a counter, in input
  // order, so no output is written twice.
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

bool Current(const std::string& output, const std::string& sha256, const std::string& pipeline) {
  std::ifstream in(output, std::ios::binary);
  if (!in) return false;
  try {
    const auto j = nlohmann::json::parse(in);
    const auto& source = j.at("source");
    return source.at("sha256") == sha256 && source.at("pipeline") == pipeline;
  } catch (const std::exception&) {
    return false;  // damaged or foreign: redo it
  }
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
  if (!options.force && Current(item.output, sha256, options.pipeline)) {
    item.outcome = Outcome::kSkipped;
    item.message = "up to date";
    return;
  }
  std::string json;
  if (const Status status = convert(item.input, *bytes, sha256, &json, &item.pages); !status.ok()) {
    item.outcome = Outcome::kFailed;
    item.message = status.message();
  } else if (std::string problem = WriteFileAtomically(item.output, json); !problem.empty()) {
    item.outcome = Outcome::kUnwritten;
    item.message = problem;
  } else {
    item.outcome = Outcome::kWritten;
    item.message = "-> " + item.output;
    if (item.pages > 0)
      item.message += " (" + std::to_string(item.pages) + (item.pages == 1 ? " page)" : " pages)");
  }
  item.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// "[#####.....] 12/40 files  57 pages  0.4 files/s  70 s left": scans are
// slow and uneven, so the pages read so far show that work goes on.
std::string Bar(size_t done, size_t total, long pages, double seconds) {
  const int width = 30;
  const int filled = total ? static_cast<int>(width * done / total) : width;
  const double rate = seconds > 0 ? done / seconds : 0;
  const double left = rate > 0 ? (total - done) / rate : 0;
  char line[200];
  std::snprintf(line, sizeof line, "\r[%s%s] %zu/%zu files  %ld pages  %.1f files/s  %.0f s left ",
                std::string(static_cast<size_t>(filled), '#').c_str(),
                std::string(static_cast<size_t>(width - filled), '.').c_str(), done, total, pages,
                rate, left);
  return line;
}

// The run's last lines, and its exit code: 3 when an output could not be
// written, 1 when an input failed, else 0.
int Summarize(const std::vector<Item>& items, double seconds, std::ostream& err) {
  int written = 0, skipped = 0, failed = 0, unwritten = 0, not_started = 0;
  for (const Item& item : items) {
    written += item.outcome == Outcome::kWritten;
    skipped += item.outcome == Outcome::kSkipped;
    failed += item.outcome == Outcome::kFailed;
    unwritten += item.outcome == Outcome::kUnwritten;
    not_started += item.outcome == Outcome::kPending;
  }
  char summary[200];
  std::snprintf(summary, sizeof summary,
                "vnplan: %zu files: %d written, %d skipped (up to date), %d failed, in %.1f s\n",
                items.size(), written, skipped, failed + unwritten, seconds);
  err << summary;
  if (unwritten > 0) {
    err << "vnplan: " << unwritten << " output(s) could not be written; " << not_started
        << " input(s) not started\n";
    return kExitOutputFailed;
  }
  return failed > 0 ? kExitInputFailed : kExitOk;
}

}  // namespace

InputList ExpandInputs(const std::vector<std::string>& inputs, const std::string& output_dir) {
  InputList list;
  std::error_code ec;
  const fs::path outputs = output_dir.empty() ? fs::path() : fs::weakly_canonical(output_dir, ec);
  for (const std::string& input : inputs) {
    if (input == "-" || !fs::is_directory(input, ec)) {
      list.files.push_back(input);
      continue;
    }
    list.had_directory = true;
    std::vector<std::string> found;
    WalkFolder(input, outputs, &found, &list.skipped);
    std::sort(found.begin(), found.end());
    list.files.insert(list.files.end(), found.begin(), found.end());
  }
  return list;
}

int RunBatch(const BatchOptions& options, const PlanConverter& convert, std::ostream& err) {
  std::error_code ec;
  fs::create_directories(options.output_dir, ec);
  if (ec) {
    err << "vnplan: cannot create " << options.output_dir << ": " << ec.message() << "\n";
    return kExitOutputFailed;
  }
  const std::vector<std::string> names = OutputNames(options.inputs);
  std::vector<std::string> shard_names;
  std::vector<Item> items;
  for (size_t i = 0; i < names.size(); ++i) {
    if (options.shard_count > 0 && static_cast<int>(i % options.shard_count) != options.shard_index - 1)
      continue;
    shard_names.push_back(names[i]);
    Item item;
    item.input = options.inputs[i];
    item.output = (fs::path(options.output_dir) / names[i]).string();
    items.push_back(std::move(item));
  }
  // Other shards write beside these: only this shard's leftovers go.
  RemoveStaleTemporaries(options.output_dir, shard_names);
  const auto start = std::chrono::steady_clock::now();
  std::atomic<size_t> next{0}, done{0};
  // An output that cannot be written (full disk, read-only folder) means
  // the next ones cannot either: no new input is started.
  std::atomic<bool> stop{false};
  std::mutex mutex;
  std::vector<size_t> finished;  // in completion order
  auto worker = [&] {
    for (size_t i = next++; i < items.size(); i = next++) {
      if (!stop) Process(items[i], options, convert);
      if (items[i].outcome == Outcome::kUnwritten) stop = true;
      std::lock_guard<std::mutex> lock(mutex);
      finished.push_back(i);
      ++done;
    }
  };
  std::vector<std::thread> threads;
  const int jobs = std::max(1, std::min<int>(options.jobs, static_cast<int>(items.size())));
  for (int t = 0; t < jobs; ++t) threads.emplace_back(worker);
  size_t reported = 0;
  long pages = 0;
  auto report = [&] {
    std::lock_guard<std::mutex> lock(mutex);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    for (; reported < finished.size(); ++reported) {
      const Item& item = items[finished[reported]];
      pages += item.pages;
      if (options.on_output && (item.outcome == Outcome::kWritten || item.outcome == Outcome::kSkipped))
        options.on_output(item.output);
      if (options.progress_bar && item.outcome != Outcome::kFailed) continue;
      if (options.progress_bar) err << "\r" << std::string(90, ' ') << "\r";
      if (item.outcome == Outcome::kPending) continue;  // not started after a write failure
      const char* what = item.outcome == Outcome::kWritten   ? "ok"
                         : item.outcome == Outcome::kSkipped ? "skipped"
                                                             : "failed";
      err << "vnplan: [" << reported + 1 << "/" << items.size() << "] " << item.input << ": "
          << what << " " << item.message << "\n";
    }
    if (options.progress_bar) err << Bar(finished.size(), items.size(), pages, seconds) << std::flush;
  };
  while (done < items.size()) {
    report();
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  for (auto& t : threads) t.join();
  report();
  if (options.progress_bar) err << "\n";
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return Summarize(items, seconds, err);
}

}  // namespace vnplan
