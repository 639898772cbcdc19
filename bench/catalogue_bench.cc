// Catalogue scale: the corpus plans copied with changed numbers, dates and
// inputs until there are N (default 10,000), added one transaction each;
// then queries (with and without marks, with filters) timed.
// Prints plans/s and lines/s added, the file's size, and per query the
// median and worst of its runs in ms, wall and CPU.
// Usage: catalogue_bench [PLANS] [DB] [CORPUS_DIR]; PLANS 0 times the
// queries on the catalogue DB as it is.
#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "vnplan/catalogue.h"
#include "vnplan/parser.h"

namespace {

namespace fs = std::filesystem;

// CPU seconds of this process: the machine is shared (load far above its
// cores), so wall time overstates what a query costs.
double CpuSeconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

std::vector<vnplan::Plan> CorpusPlans(const std::string& dir) {
  std::vector<fs::path> paths;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".txt") paths.push_back(e.path());
  std::sort(paths.begin(), paths.end());
  const vnplan::PlanParser parser;
  std::vector<vnplan::Plan> plans;
  for (const auto& p : paths) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    plans.push_back(parser.Parse(s.str()));
  }
  return plans;
}

// Copy i of a corpus plan: its own number, a date in another year, its own
// input; the words stay (the worst case for search: every query matches
// thousands of plans).
vnplan::Plan Copy(const vnplan::Plan& plan, int i, vnplan::SourceInfo* source) {
  vnplan::Plan copy = plan;
  copy.header.number = std::to_string(1000 + i);
  copy.header.date = std::to_string(2000 + i % 27) + "-0" + std::to_string(1 + i % 9) + "-15";
  source->file = "plan-" + std::to_string(i) + ".txt";
  source->sha256 = "bench-" + std::to_string(i);
  source->pipeline = "bench";
  return copy;
}

struct Query {
  const char* label;
  vnplan::SearchQuery query;
};

std::vector<Query> Queries() {
  auto q = [](const char* words) {
    vnplan::SearchQuery query;
    query.words = words;
    return query;
  };
  std::vector<Query> queries = {
      {"marked phrase", q("điển hình tiên tiến")},
      {"mark-free phrase", q("dien hinh tien tien")},
      {"one common word", q("thực hiện")},
      {"one common syllable", q("tiến")},
      {"rare words", q("phong cntt soninhbinh")},
      {"no match", q("phong hoc bo mon")},
  };
  Query issuer{"words + issuer", q("thi dua")};
  issuer.query.issuer = "hoa binh";
  Query dated{"words + date span", q("bao cao")};
  dated.query.from = "2010-01-01";
  dated.query.to = "2010-12-31";
  queries.push_back(issuer);
  queries.push_back(dated);
  return queries;
}

// Adds `count` copies of the corpus plans to a new catalogue `db`.
int Index(int count, const std::string& db, const std::string& corpus) {
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db + suffix);
  const std::vector<vnplan::Plan> plans = CorpusPlans(corpus);
  if (plans.empty()) {
    std::fprintf(stderr, "catalogue_bench: no plans in %s\n", corpus.c_str());
    return 1;
  }
  std::unique_ptr<vnplan::Catalogue> catalogue;
  vnplan::Status status = vnplan::Catalogue::Open(db, vnplan::Catalogue::Mode::kWrite, &catalogue);
  size_t lines = 0;
  const auto start = std::chrono::steady_clock::now();
  const double cpu_start = CpuSeconds();
  for (int i = 0; i < count && status.ok(); ++i) {
    vnplan::SourceInfo source;
    const vnplan::Plan& plan = plans[static_cast<size_t>(i) % plans.size()];
    status = catalogue->Add(Copy(plan, i, &source), source, "bench/" + std::to_string(i) + ".json");
    lines += static_cast<size_t>(std::count(plan.text.begin(), plan.text.end(), '\n')) + 1;
  }
  if (!status.ok()) {
    std::fprintf(stderr, "catalogue_bench: %s\n", status.message().c_str());
    return 1;
  }
  const double seconds = Seconds(start), cpu = CpuSeconds() - cpu_start;
  std::printf("added %d plans (%zu lines) in %.1f s (%.1f s CPU): %.0f plans/s, %.0f lines/s "
              "(%.0f plans per CPU second), one transaction each\n",
              count, lines, seconds, cpu, count / seconds, lines / seconds, count / cpu);
  std::error_code ec;
  std::printf("catalogue file: %.0f MB (+ WAL %.0f MB)\n", fs::file_size(db, ec) / 1048576.0,
              fs::file_size(db + "-wal", ec) / 1048576.0);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const int count = argc > 1 ? std::atoi(argv[1]) : 10000;
  const std::string db = argc > 2 ? argv[2] : "catalogue_bench.sqlite";
  const std::string corpus = argc > 3 ? argv[3] : VNPLAN_CORPUS_DIR;
  if (count > 0 && Index(count, db, corpus) != 0) return 1;

  constexpr int kRuns = 7;
  std::unique_ptr<vnplan::Catalogue> reader;
  if (!vnplan::Catalogue::Open(db, vnplan::Catalogue::Mode::kRead, &reader).ok()) return 1;
  double worst_median = 0;
  for (const Query& q : Queries()) {
    std::vector<double> ms, cpu_ms;
    size_t found = 0;
    for (int run = 0; run < kRuns; ++run) {
      std::vector<vnplan::SearchHit> hits;
      const auto t = std::chrono::steady_clock::now();
      const double c = CpuSeconds();
      if (!reader->Search(q.query, &hits).ok()) return 1;
      cpu_ms.push_back((CpuSeconds() - c) * 1e3);
      ms.push_back(Seconds(t) * 1e3);
      found = hits.size();
    }
    std::sort(ms.begin(), ms.end());
    std::sort(cpu_ms.begin(), cpu_ms.end());
    worst_median = std::max(worst_median, cpu_ms[kRuns / 2]);
    std::printf("search %-19s %2zu hits  median %6.1f ms (CPU %5.1f ms)  worst %6.1f ms (CPU %5.1f ms)\n",
                q.label, found, ms[kRuns / 2], cpu_ms[kRuns / 2], ms.back(), cpu_ms.back());
  }
  std::printf("slowest query's median CPU time: %.1f ms (goal: under 50 ms)\n", worst_median);
  return 0;
}
