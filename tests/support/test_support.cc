#include "tests/support/test_support.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "vnplan/pipeline.h"
#include "vnplan/plan_json.h"
#include "vnplan/parser.h"

namespace vnplan::testing {

std::string SourcePath(const std::string& relative) {
  return std::string(VNPLAN_SOURCE_DIR) + "/" + relative;
}

std::string OutputDir() {
  // ctest runs each test in its own process, several at once: each process
  // writes its fixtures to its own folder.
  static const std::string dir = [] {
    const std::string d = std::string(VNPLAN_TEST_OUTPUT_DIR) + "/" + std::to_string(getpid());
    std::filesystem::remove_all(d);
    std::filesystem::create_directories(d);
    return d;
  }();
  return dir;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void WriteFile(const std::string& path, const std::string& data) {
  std::ofstream(path, std::ios::binary) << data;
}

std::vector<std::string> CorpusTexts() {
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::directory_iterator(SourcePath("corpus"))) {
    const std::string path = entry.path().string();
    if (entry.path().extension() != ".txt") continue;
    const std::string expected = path.substr(0, path.size() - 4) + ".expected.json";
    if (std::filesystem::exists(expected)) out.push_back(path);
  }
  std::sort(out.begin(), out.end());
  return out;
}

Plan ParseText(const std::string& text) {
  static const PlanParser parser;
  return parser.Parse(text);
}

std::string CorpusPlanJson(const std::string& name) {
  const std::string text = ReadFile(SourcePath("corpus/" + name));
  SourceInfo source;
  source.file = name;
  source.sha256 = InputDigest(text);
  return PlanToJson(ParseText(text), source, JsonLayout::kOneLine);
}

std::unique_ptr<Restorer> RestorerTrainedOn(const std::vector<std::string>& texts, const std::string& name,
                                            const std::string& places) {
  const std::string path = OutputDir() + "/" + name + ".lm";
  const Status trained = TrainLanguageModel(texts, {}, path);
  EXPECT_TRUE(trained.ok()) << trained.message();
  Status status;
  auto restorer = Restorer::Open({{path, 1.0}}, &status, "", places);
  EXPECT_TRUE(restorer) << status.message();
  return restorer;
}

}  // namespace vnplan::testing
