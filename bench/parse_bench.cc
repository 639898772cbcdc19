// Parse throughput on the corpus, printed in MB/s on one thread:
//   documents: every corpus plan parsed in turn until at least 10 MB of text
//              has gone through (the way a batch runs);
//   one line:  20 MB of text with no line break, the worst case the bad-input
//              tests use.
// Usage: parse_bench [CORPUS_DIR] [MEGABYTES]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "vnplan/plan_json.h"
#include "vnplan/parser.h"

namespace {

std::vector<std::string> ReadCorpus(const std::string& dir) {
  std::vector<std::filesystem::path> paths;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".txt") paths.push_back(e.path());
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> texts;
  for (const auto& p : paths) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    texts.push_back(s.str());
  }
  return texts;
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

}  // namespace

int main(int argc, char** argv) {
  const std::string dir = argc > 1 ? argv[1] : VNPLAN_CORPUS_DIR;
  const size_t target = (argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 10) << 20;
  const std::vector<std::string> texts = ReadCorpus(dir);
  if (texts.empty()) {
    std::fprintf(stderr, "parse_bench: no .txt files in %s\n", dir.c_str());
    return 1;
  }
  const auto load = std::chrono::steady_clock::now();
  const vnplan::PlanParser parser;
  std::printf("parser construction (all patterns compiled): %.1f ms\n", Seconds(load) * 1e3);

  // Best of three rounds: the machine is shared, the minimum is the figure
  // least disturbed by other work.
  size_t bytes = 0, plans = 0, items = 0;
  double seconds = 1e9;
  for (int round = 0; round < 3; ++round) {
    bytes = plans = 0;
    const auto start = std::chrono::steady_clock::now();
    while (bytes < target) {
      for (const std::string& text : texts) {
        const vnplan::Plan plan = parser.Parse(text);
        items += plan.goals.size() + plan.deadlines.size() + plan.targets.size();
        bytes += text.size();
        ++plans;
      }
    }
    seconds = std::min(seconds, Seconds(start));
  }
  std::printf("documents: %zu plans, %.1f MB in %.3f s = %.1f MB/s (%.0f plans/s), best of 3\n",
              plans, bytes / 1048576.0, seconds, bytes / 1048576.0 / seconds, plans / seconds);

  // The worst case the tests feed it: one 20 MB line with no structure.
  std::string line;
  while (line.size() < (20u << 20)) line += "Tổ chức thi đua trước ngày 20/10/2017 tại đơn vị, ";
  auto start = std::chrono::steady_clock::now();
  const vnplan::Plan flat = parser.Parse(line);
  seconds = Seconds(start);
  std::printf("one line:  %.1f MB without a line break in %.3f s = %.1f MB/s (%zu sections)\n",
              line.size() / 1048576.0, seconds, line.size() / 1048576.0 / seconds,
              flat.sections.size());

  start = std::chrono::steady_clock::now();
  vnplan::SourceInfo source;
  size_t json_bytes = 0;
  for (const std::string& text : texts)
    json_bytes += vnplan::PlanToJson(parser.Parse(text), source).size();
  std::printf("with JSON: %zu plans to %.1f KB of JSON in %.1f ms\n", texts.size(),
              json_bytes / 1024.0, Seconds(start) * 1e3);
  return items > 0 ? 0 : 1;
}
