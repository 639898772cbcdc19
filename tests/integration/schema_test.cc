// Every JSON the tests produce is validated against schema/plan.schema.json
// with a real Draft 2020-12 validator (Debian's python3-jsonschema).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <sys/wait.h>

#include "tests/support/test_support.h"
#include "vnplan/plan_json.h"

namespace vnplan {
namespace {

int Validate(const std::vector<std::string>& files) {
  std::string command = "/usr/bin/python3 '" + testing::SourcePath("scripts/validate_json.py") +
                        "' '" + testing::SourcePath("schema/plan.schema.json") + "'";
  for (const auto& f : files) command += " '" + f + "'";
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::vector<std::string> WritePlans() {
  std::vector<std::pair<std::string, std::string>> inputs;
  for (const auto& path : testing::CorpusTexts())
    inputs.emplace_back(std::filesystem::path(path).filename().string(), testing::ReadFile(path));
  inputs.emplace_back("empty.txt", "");
  inputs.emplace_back("no-headings.txt", "Chỉ là một đoạn văn.\n");
  inputs.emplace_back("header-only.txt", "Số: 12/KH-UBND Hà Nội, ngày 1 tháng 2 năm 2020\nKẾ HOẠCH\n");
  std::vector<std::string> files;
  for (const auto& [name, text] : inputs) {
    SourceInfo source;
    source.file = name;
    source.sha256 = std::string(64, '0');
    const std::string out = testing::OutputDir() + "/" + name + ".json";
    testing::WriteFile(out, PlanToJson(testing::ParseText(text), source));
    files.push_back(out);
  }
  return files;
}

TEST(Schema, EveryProducedPlanValidates) {
  ASSERT_EQ(Validate(WritePlans()), 0) << "see the validator's messages above";
}

TEST(Schema, TheValidatorRejectsAPlanThatBreaksTheContract) {
  SourceInfo source;
  source.file = "x";
  source.sha256 = std::string(64, '0');
  auto broken = nlohmann::json::parse(
      PlanToJson(testing::ParseText("KẾ HOẠCH\nX\nI. MỤC ĐÍCH\n- a.\n"), source));
  broken["sections"][0]["kind"] = "misc";
  broken["document"]["date"] = "08/03/2023";
  const std::string path = testing::OutputDir() + "/broken.json";
  testing::WriteFile(path, broken.dump());
  EXPECT_EQ(Validate({path}), 1);
}

}  // namespace
}  // namespace vnplan
