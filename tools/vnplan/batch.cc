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

enum class Outcome { kPending, kWritten, kSkipped, kFailed };

struct Item {
  std::string input, output;
  Outcome outcome = Outcome::kPending;
  std::string message;
  double seconds = 0;
  int pages = 0;  // read from a scan or PDF
};

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
    item.outcome = Outcome::kFailed;
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

}  // namespace

std::vector<std::string> ExpandInputs(const std::vector<std::string>& inputs, bool* had_directory) {
  std::vector<std::string> files;
  *had_directory = false;
  for (const std::string& input : inputs) {
    std::error_code ec;
    if (input != "-" && fs::is_directory(input, ec)) {
      *had_directory = true;
      std::vector<std::string> found;
      for (const auto& e : fs::recursive_directory_iterator(input, ec))
        if (e.is_regular_file(ec)) found.push_back(e.path().string());
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.push_back(input);
    }
  }
  return files;
}

int RunBatch(const BatchOptions& options, const PlanConverter& convert, std::ostream& err) {
  std::error_code ec;
  fs::create_directories(options.output_dir, ec);
  if (ec) {
    err << "vnplan: cannot create " << options.output_dir << ": " << ec.message() << "\n";
    return kExitOutputFailed;
  }
  const std::vector<std::string> names = OutputNames(options.inputs);
  std::vector<Item> items(options.inputs.size());
  for (size_t i = 0; i < items.size(); ++i) {
    items[i].input = options.inputs[i];
    items[i].output = (fs::path(options.output_dir) / names[i]).string();
  }
  const auto start = std::chrono::steady_clock::now();
  std::atomic<size_t> next{0}, done{0};
  std::mutex mutex;
  std::vector<size_t> finished;  // in completion order
  auto worker = [&] {
    for (size_t i = next++; i < items.size(); i = next++) {
      Process(items[i], options, convert);
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
      if (options.progress_bar && item.outcome != Outcome::kFailed) continue;
      if (options.progress_bar) err << "\r" << std::string(90, ' ') << "\r";
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
  int written = 0, skipped = 0, failed = 0;
  for (const Item& item : items) {
    written += item.outcome == Outcome::kWritten;
    skipped += item.outcome == Outcome::kSkipped;
    failed += item.outcome == Outcome::kFailed;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  char summary[200];
  std::snprintf(summary, sizeof summary,
                "vnplan: %zu files: %d written, %d skipped (up to date), %d failed, in %.1f s\n",
                items.size(), written, skipped, failed, seconds);
  err << summary;
  return failed > 0 ? kExitInputFailed : kExitOk;
}

}  // namespace vnplan
