// Diacritic restoration, measured leave-one-out: a document is never in the
// model that restores it.
//   - each clean seed with every mark stripped, restored by a model trained
//     on the other clean texts (plus the background model);
//   - seed 000 (legacy OCR without the Vietnamese model) against its gold,
//     restored by a model trained on the clean seeds only;
// printed beside the baseline "most frequent marked form of each unmarked
// syllable" trained on the same data, then speed, model load time and
// resident memory.
// Usage: restore_bench CORPUS_DIR BACKGROUND_TEXT WORK_DIR [WORD_LIST]
// (scripts/prepare_background.sh makes BACKGROUND_TEXT and WORD_LIST from
// Debian's packages.)
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <cstdlib>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "vnplan/restorer.h"
#include "bench/restore_eval.h"

namespace {

using vnplan::eval::Accuracy;

std::string Read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

// Seconds of CPU this process has used: on a shared machine the wall clock
// counts other programs' time too.
double CpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

}  // namespace

std::vector<std::string> WordList(const std::string& path) {
  std::vector<std::string> words;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    const size_t slash = line.find('/');  // hunspell flags
    words.push_back(line.substr(0, slash));
  }
  return words;
}

// The domain model's weight, as `vnplan` uses it (VNPLAN_DOMAIN_WEIGHT
// overrides it for experiments).
double DomainWeight() {
  const char* set = std::getenv("VNPLAN_DOMAIN_WEIGHT");
  return set ? std::atof(set) : vnplan::DomainModelShare();
}

// The gazetteer the restorer reads place names with, as `vnplan` reads its
// model directory's places.tsv (VNPLAN_PLACES; none when unset).
std::string Places() {
  const char* set = std::getenv("VNPLAN_PLACES");
  return set ? set : "";
}

// Trains a domain model of `texts` at `path` and opens it with the
// background model (the background alone when there are no texts); null,
// with the error printed, when either fails.
std::unique_ptr<vnplan::Restorer> RestorerOf(const std::vector<std::string>& texts,
                                             const std::string& path, const std::string& background,
                                             const std::string& channel = "") {
  std::vector<std::pair<std::string, double>> models = {{background, 1.0}};
  if (!texts.empty()) {
    if (const vnplan::Status trained = vnplan::TrainLanguageModel(texts, {}, path); !trained.ok()) {
      std::fprintf(stderr, "%s\n", trained.message().c_str());
      return nullptr;
    }
    models = {{path, DomainWeight()}, {background, 1 - DomainWeight()}};
  }
  vnplan::Status status;
  auto restorer = vnplan::Restorer::Open(models, &status, channel, Places());
  if (!restorer) std::fprintf(stderr, "%s\n", status.message().c_str());
  return restorer;
}

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: restore_bench CORPUS_DIR BACKGROUND_TEXT WORK_DIR [WORD_LIST]\n");
    return 2;
  }
  const std::string corpus = argv[1], background_text = argv[2], work = argv[3];
  std::filesystem::create_directories(work);
  const std::string background_corpus = Read(background_text);
  const std::string background = work + "/background.lm";
  auto start = std::chrono::steady_clock::now();
  if (const vnplan::Status trained =
          vnplan::TrainLanguageModel({background_corpus},
                                     argc > 4 ? WordList(argv[4]) : std::vector<std::string>{}, background);
      !trained.ok()) {
    std::fprintf(stderr, "%s\n", trained.message().c_str());
    return 1;
  }
  std::printf("background model: %.1f MB of text trained in %.1f s, %.1f MB file\n",
              background_corpus.size() / 1048576.0, Seconds(start),
              std::filesystem::file_size(background) / 1048576.0);
  const std::vector<std::string> clean = {"002-hoa-binh-2017.txt", "003-dak-nong-2023.txt",
                                          "004-phu-tho-2016.txt"};
  std::printf("%-28s %9s %9s %8s\n", "held out (marks stripped)", "decoder", "baseline", "words");
  for (const std::string& held : clean) {
    std::vector<std::string> train;
    for (const std::string& other : clean)
      if (other != held) train.push_back(Read(corpus + "/" + other));
    train.push_back(Read(corpus + "/000-ninh-binh-2023.restored.txt"));
    const auto restorer = RestorerOf(train, work + "/domain-without-" + held + ".lm", background);
    if (!restorer) return 1;
    const std::string truth = Read(corpus + "/" + held);
    const std::string stripped = vnplan::eval::StripMarks(truth);
    const std::string restored = restorer->Restore(stripped).text;
    std::ofstream(work + "/" + held + ".restored") << restored;
    const Accuracy ours = vnplan::eval::Compare(truth, restored);
    const vnplan::eval::MostFrequentForm baseline(train, background_corpus);
    const Accuracy base = vnplan::eval::Compare(truth, baseline.Restore(stripped));
    std::printf("%-28s %8.2f%% %8.2f%% %8d\n", held.c_str(), 100 * ours.rate(), 100 * base.rate(),
                ours.total);
  }
  // How accuracy grows with the plans the domain model has seen: 004 held
  // out, the others added one at a time (0 = the background model alone).
  {
    const std::string truth = Read(corpus + "/004-phu-tho-2016.txt");
    const std::string stripped = vnplan::eval::StripMarks(truth);
    const std::vector<std::string> others = {"002-hoa-binh-2017.txt", "003-dak-nong-2023.txt",
                                             "000-ninh-binh-2023.restored.txt"};
    std::printf("004 held out, by plans in the domain model:");
    for (size_t k = 0; k <= others.size(); ++k) {
      std::vector<std::string> train;
      for (size_t i = 0; i < k; ++i) train.push_back(Read(corpus + "/" + others[i]));
      const auto restorer =
          RestorerOf(train, work + "/domain-" + std::to_string(k) + "-plans.lm", background);
      if (!restorer) return 1;
      std::printf("  %zu: %.2f%%", k, 100 * vnplan::eval::Compare(truth, restorer->Restore(stripped).text).rate());
    }
    std::printf("\n");
  }
  // Seed 000: OCR'd without the Vietnamese model; restored by a model that
  // has seen neither 000 text.
  {
    std::vector<std::string> train;
    for (const std::string& other : clean) train.push_back(Read(corpus + "/" + other));
    const std::string domain = work + "/domain-clean-seeds.lm";
    const char* channel = std::getenv("VNPLAN_CHANNEL");
    const auto restorer = RestorerOf(train, domain, background, channel ? channel : "");
    if (!restorer) return 1;
    // Load time: the models opened again, as `vnplan` opens them.
    vnplan::Status status;
    start = std::chrono::steady_clock::now();
    double cpu = CpuSeconds();
    const bool reopened = vnplan::Restorer::Open({{domain, DomainWeight()}, {background, 1 - DomainWeight()}},
                                                 &status, channel ? channel : "", Places()) != nullptr;
    const double load = Seconds(start), load_cpu = CpuSeconds() - cpu;
    if (!reopened) return 1;
    const std::string ocr = Read(corpus + "/000-ninh-binh-2023.ocr.txt");
    const std::string gold = Read(corpus + "/000-ninh-binh-2023.restored.txt");
    start = std::chrono::steady_clock::now();
    cpu = CpuSeconds();
    const std::string restored = restorer->Restore(ocr).text;
    // One reading of 16 KB takes under 0.1 s, too short a time to measure
    // on a busy machine (CI printed 0.17 MB/s where the idle machine gives
    // 0.23): read again until a second has passed.
    size_t legacy_bytes = ocr.size();
    while (CpuSeconds() - cpu < 1.0) {
      restorer->Restore(ocr);
      legacy_bytes += ocr.size();
    }
    const double legacy_seconds = Seconds(start), legacy_cpu = CpuSeconds() - cpu;
    std::ofstream(work + "/000.restored") << restored;
    const vnplan::eval::MostFrequentForm baseline(train, background_corpus);
    const Accuracy ours = vnplan::eval::Compare(gold, restored);
    const Accuracy base = vnplan::eval::Compare(gold, baseline.Restore(ocr));
    const Accuracy raw = vnplan::eval::Compare(gold, ocr);
    std::printf("%-28s %8.2f%% %8.2f%% %8d  (OCR as is: %.2f%%)\n", "000 OCR vs gold",
                100 * ours.rate(), 100 * base.rate(), ours.total, 100 * raw.rate());

    // Speed on the clean seeds with marks stripped, repeated to 2 MB.
    std::string text;
    while (text.size() < (2u << 20))
      for (const std::string& name : clean) text += vnplan::eval::StripMarks(Read(corpus + "/" + name));
    start = std::chrono::steady_clock::now();
    cpu = CpuSeconds();
    const int changed = restorer->Restore(text).changed;
    const double seconds = Seconds(start), seconds_cpu = CpuSeconds() - cpu;
    struct rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("speed: %.2f MB in %.2f s = %.2f MB/s on one thread, %.2f MB/s by CPU time (%d words changed)\n",
                text.size() / 1048576.0, seconds, text.size() / 1048576.0 / seconds,
                text.size() / 1048576.0 / seconds_cpu, changed);
    std::printf("legacy OCR (000, wider beam, one-edit neighbours, channel fitted in a second"
                " reading): %.0f KB in %.2f s = %.3f MB/s, %.3f MB/s by CPU time\n",
                legacy_bytes / 1024.0, legacy_seconds, legacy_bytes / 1048576.0 / legacy_seconds,
                legacy_bytes / 1048576.0 / legacy_cpu);
    std::printf("model load: %.1f ms (%.1f ms CPU); peak resident memory: %.0f MB (with training)\n",
                load * 1e3, load_cpu * 1e3, usage.ru_maxrss / 1024.0);
  }
  return 0;
}
