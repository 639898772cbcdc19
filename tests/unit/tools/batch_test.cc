// Batch extraction: a folder in, one JSON per plan out, bad files
// reported and skipped, and a second run that skips what is current.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <sstream>

#include "tools/vnplan/extract_command.h"
#include "tests/support/test_support.h"

namespace vnplan {
namespace {

namespace fs = std::filesystem;

struct BatchRun {
  int code;
  std::string log;
};

BatchRun RunBatchOf(const std::string& in_dir, const std::string& out_dir, bool force = false) {
  ExtractOptions options;
  options.inputs = {in_dir};
  options.output = out_dir;
  options.restore = RestoreMode::kNever;
  options.force = force;
  options.jobs = 2;
  std::istringstream in;
  std::ostringstream out, err;
  const int code = RunExtract(options, in, out, err);
  EXPECT_TRUE(out.str().empty());
  return {code, err.str()};
}

TEST(Batch, GoodPlansComeOutAroundACorruptOneAndARerunSkipsThem) {
  const std::string in = testing::OutputDir() + "/batch-in", out = testing::OutputDir() + "/batch-out";
  fs::remove_all(in);
  fs::remove_all(out);
  fs::create_directories(in + "/more");
  for (const char* name : {"002-hoa-binh-2017.txt", "003-dak-nong-2023.txt", "004-phu-tho-2016.txt"})
    fs::copy_file(testing::SourcePath(std::string("corpus/") + name), in + "/" + name);
  fs::copy_file(testing::SourcePath("corpus/000-ninh-binh-2023.restored.txt"),
                in + "/more/000-ninh-binh-2023.restored.txt");
  testing::WriteFile(in + "/broken-scan.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0", 11));

  BatchRun first = RunBatchOf(in, out);
  EXPECT_EQ(first.code, kExitInputFailed);
  EXPECT_NE(first.log.find("broken-scan.txt: failed not a readable image"), std::string::npos)
      << first.log;
  EXPECT_NE(first.log.find("5 files: 4 written, 0 skipped (up to date), 1 failed"), std::string::npos)
      << first.log;
  int outputs = 0;
  for (const auto& e : fs::directory_iterator(out)) {
    ++outputs;
    EXPECT_EQ(e.path().extension(), ".json") << e.path();  // no temporary file left
    const auto plan = nlohmann::json::parse(testing::ReadFile(e.path().string()));
    EXPECT_FALSE(plan["sections"].empty());
    EXPECT_EQ(plan["source"]["pipeline"], std::string("vnplan ") + Version() + "; no restoration");
  }
  EXPECT_EQ(outputs, 4);
  EXPECT_TRUE(fs::exists(out + "/004-phu-tho-2016.json"));

  BatchRun second = RunBatchOf(in, out);
  EXPECT_NE(second.log.find("5 files: 0 written, 4 skipped (up to date), 1 failed"), std::string::npos)
      << second.log;
  // A changed input is redone; --force redoes everything.
  testing::WriteFile(in + "/003-dak-nong-2023.txt",
                     testing::ReadFile(in + "/003-dak-nong-2023.txt") + "\n");
  BatchRun third = RunBatchOf(in, out);
  EXPECT_NE(third.log.find("1 written, 3 skipped"), std::string::npos) << third.log;
  BatchRun forced = RunBatchOf(in, out, true);
  EXPECT_NE(forced.log.find("4 written, 0 skipped"), std::string::npos) << forced.log;
}

TEST(Batch, AFolderWithoutAnOutputFolderIsAUsageError) {
  ExtractOptions options;
  options.inputs = {testing::SourcePath("tests/data")};
  options.restore = RestoreMode::kNever;
  std::istringstream in;
  std::ostringstream out, err;
  EXPECT_EQ(RunExtract(options, in, out, err), kExitUsage);
  EXPECT_NE(err.str().find("-o OUTDIR"), std::string::npos);
  options.format = "jsonl";  // one stream for the whole batch
  std::ostringstream out2, err2;
  EXPECT_EQ(RunExtract(options, in, out2, err2), kExitOk);
  const std::string lines = out2.str();
  EXPECT_EQ(std::count(lines.begin(), lines.end(), '\n'), 2);
}

TEST(Batch, ScansAreReadAmongTextsAndTheirPagesCounted) {
  const std::string in = testing::OutputDir() + "/scan-batch-in",
                    out = testing::OutputDir() + "/scan-batch-out";
  fs::remove_all(in);
  fs::remove_all(out);
  fs::create_directories(in);
  fs::copy_file(testing::SourcePath("corpus/scans/004-phu-tho-2016.p1.medium.jpg"), in + "/page.jpg");
  fs::copy_file(testing::SourcePath("corpus/003-dak-nong-2023.txt"), in + "/plan.txt");
  const BatchRun run = RunBatchOf(in, out);
  EXPECT_EQ(run.code, kExitOk) << run.log;
  EXPECT_NE(run.log.find("page.jpg: ok -> "), std::string::npos) << run.log;
  EXPECT_NE(run.log.find("page.json (1 page)"), std::string::npos) << run.log;
  const auto scan = nlohmann::json::parse(testing::ReadFile(out + "/page.json"));
  EXPECT_EQ(scan["source"]["kind"], "image");
  EXPECT_EQ(scan["document"]["number"], "941");
  EXPECT_EQ(scan["document"]["date"], "2016-06-13");
}

}  // namespace
}  // namespace vnplan
