// Batch extraction: a folder in, one JSON per plan out, bad files
// reported and skipped, and a second run that skips what is current.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "tools/vnplan/batch.h"
#include "tools/vnplan/reporter.h"
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
  for (const auto& e : fs::recursive_directory_iterator(out)) {
    if (e.is_directory()) continue;
    ++outputs;
    EXPECT_EQ(e.path().extension(), ".json") << e.path();  // no temporary file left
    const auto plan = nlohmann::json::parse(testing::ReadFile(e.path().string()));
    EXPECT_FALSE(plan["sections"].empty());
    EXPECT_EQ(plan["source"]["pipeline"], std::string("vnplan ") + Version() + "; no restoration");
  }
  EXPECT_EQ(outputs, 4);
  EXPECT_TRUE(fs::exists(out + "/004-phu-tho-2016.json"));
  EXPECT_TRUE(fs::exists(out + "/more/000-ninh-binh-2023.restored.json"));  // the tree is kept

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

// A folder made fresh for one test, with the plan 003 in it as `name`.
std::string FolderWithPlan(const std::string& folder, const std::string& name) {
  const std::string dir = testing::OutputDir() + "/" + folder;
  fs::remove_all(dir);
  fs::create_directories(dir);
  fs::copy_file(testing::SourcePath("corpus/003-dak-nong-2023.txt"), dir + "/" + name);
  return dir;
}

TEST(Batch, WhatAFolderHoldsButCannotBeReadIsNamedAndTheRestStillComesOut) {
  const std::string in = FolderWithPlan("odd-in", "plan.txt"), out = testing::OutputDir() + "/odd-out";
  fs::remove_all(out);
  ASSERT_EQ(mkfifo((in + "/pipe.txt").c_str(), 0644), 0);  // would block a batch forever
  fs::create_symlink(in + "/gone.txt", in + "/dangling.txt");
  const BatchRun run = RunBatchOf(in, out);
  EXPECT_EQ(run.code, kExitInputFailed) << run.log;
  EXPECT_NE(run.log.find("pipe.txt: not a regular file"), std::string::npos) << run.log;
  EXPECT_NE(run.log.find("dangling.txt: a link to nothing readable"), std::string::npos) << run.log;
  EXPECT_TRUE(fs::exists(out + "/plan.json"));
}

TEST(Batch, InputsWithTheSameStemGetOutputsOfTheirOwn) {
  const std::string in = FolderWithPlan("stems-in", "a.txt"), out = testing::OutputDir() + "/stems-out";
  fs::remove_all(out);
  fs::copy_file(testing::SourcePath("corpus/004-phu-tho-2016.txt"), in + "/a.md");
  fs::create_directories(in + "/x");
  fs::copy_file(testing::SourcePath("corpus/002-hoa-binh-2017.txt"), in + "/x/b.txt");
  fs::copy_file(testing::SourcePath("corpus/002-hoa-binh-2017.txt"), in + "/x_b.txt");
  fs::copy_file(testing::SourcePath("corpus/002-hoa-binh-2017.txt"), in + "/b.txt");
  const BatchRun run = RunBatchOf(in, out);
  ASSERT_EQ(run.code, kExitOk) << run.log;
  std::vector<std::string> outputs;
  for (const auto& e : fs::recursive_directory_iterator(out))
    if (e.is_regular_file()) outputs.push_back(e.path().lexically_relative(out).string());
  std::sort(outputs.begin(), outputs.end());
  // Stems that meet in one folder keep their extensions; x/b.txt has a
  // folder of its own.
  EXPECT_EQ(outputs, (std::vector<std::string>{"a.md.json", "a.txt.json", "b.json", "x/b.json",
                                               "x_b.json"}))
      << run.log;
}

TEST(Batch, TheOutputTreeMirrorsTheInputTree) {
  const std::string in = FolderWithPlan("tree-in", "top.txt"), out = testing::OutputDir() + "/tree-out";
  fs::remove_all(out);
  fs::create_directories(in + "/2023/quy-1");
  fs::create_directories(in + "/2024");
  fs::copy_file(testing::SourcePath("corpus/002-hoa-binh-2017.txt"), in + "/2023/quy-1/ke-hoach.txt");
  fs::copy_file(testing::SourcePath("corpus/004-phu-tho-2016.txt"), in + "/2024/ke-hoach.txt");
  const BatchRun run = RunBatchOf(in, out);
  ASSERT_EQ(run.code, kExitOk) << run.log;
  EXPECT_TRUE(fs::is_regular_file(out + "/top.json")) << run.log;
  EXPECT_TRUE(fs::is_regular_file(out + "/2023/quy-1/ke-hoach.json")) << run.log;
  EXPECT_TRUE(fs::is_regular_file(out + "/2024/ke-hoach.json")) << run.log;
  EXPECT_FALSE(fs::exists(out + "/2023_quy-1_ke-hoach.json"));  // no longer flattened
  // A killed run's temporary in a subfolder is removed; a rerun finds the
  // nested outputs current.
  testing::WriteFile(out + "/2024/ke-hoach.json.tmp.Ab12Cd", "left by a killed run");
  const BatchRun again = RunBatchOf(in, out);
  EXPECT_NE(again.log.find("3 files: 0 written, 3 skipped"), std::string::npos) << again.log;
  EXPECT_FALSE(fs::exists(out + "/2024/ke-hoach.json.tmp.Ab12Cd"));
}

TEST(Batch, OneFileNameInTwoFoldersNamedOnTheCommandLineTakesACounter) {
  const std::string first = FolderWithPlan("two-a", "plan.txt"), second = FolderWithPlan("two-b", "plan.txt");
  const std::string out = testing::OutputDir() + "/two-out";
  fs::remove_all(out);
  ExtractOptions options;
  options.inputs = {first, second};
  options.output = out;
  options.restore = RestoreMode::kNever;
  std::istringstream in;
  std::ostringstream stdout_text, err;
  ASSERT_EQ(RunExtract(options, in, stdout_text, err), kExitOk) << err.str();
  EXPECT_TRUE(fs::exists(out + "/plan.json"));
  EXPECT_TRUE(fs::exists(out + "/plan-2.json")) << err.str();
}

TEST(Batch, AnOutputFolderInsideTheInputFolderIsNotReadBack) {
  const std::string in = FolderWithPlan("nested-in", "plan.txt");
  const BatchRun first = RunBatchOf(in, in + "/out");
  ASSERT_EQ(first.code, kExitOk) << first.log;
  const BatchRun second = RunBatchOf(in, in + "/out");
  EXPECT_NE(second.log.find("1 files: 0 written, 1 skipped"), std::string::npos) << second.log;
}

TEST(Batch, AnOutputThatCannotBeWrittenExitsThreeAndLeavesNoTemporaryFile) {
  const std::string in = FolderWithPlan("unwritable-in", "plan.txt"),
                    out = testing::OutputDir() + "/unwritable-out";
  fs::remove_all(out);
  fs::create_directories(out + "/plan.json");  // a folder where the output should go
  testing::WriteFile(out + "/plan.json.tmp.abc123", "left by a killed run");
  const BatchRun run = RunBatchOf(in, out);
  EXPECT_EQ(run.code, kExitOutputFailed) << run.log;
  EXPECT_NE(run.log.find("is a directory"), std::string::npos) << run.log;
  EXPECT_FALSE(fs::exists(out + "/plan.json.tmp.abc123"));
}

TEST(Batch, OutputOverALinkReplacesTheFileItNamesAndKeepsTheLink) {
  const std::string in = FolderWithPlan("link-in", "plan.txt");
  const std::string target = in + "/target.json", link = in + "/link.json";
  testing::WriteFile(target, "old");
  fs::create_symlink(target, link);
  ExtractOptions options;
  options.inputs = {in + "/plan.txt"};
  options.output = link;
  options.restore = RestoreMode::kNever;
  std::istringstream none;
  std::ostringstream out, err;
  ASSERT_EQ(RunExtract(options, none, out, err), kExitOk) << err.str();
  EXPECT_TRUE(fs::is_symlink(link));
  EXPECT_NE(testing::ReadFile(target).find("\"schema_version\""), std::string::npos);
}

TEST(Batch, AFifoNamedAsAnInputIsRefusedNotWaitedOn) {
  const std::string in = FolderWithPlan("fifo-in", "plan.txt");
  ASSERT_EQ(mkfifo((in + "/pipe").c_str(), 0644), 0);
  ExtractOptions options;
  options.inputs = {in + "/pipe", in + "/plan.txt"};
  options.restore = RestoreMode::kNever;
  std::istringstream none;
  std::ostringstream out, err;
  EXPECT_EQ(RunExtract(options, none, out, err), kExitInputFailed);
  EXPECT_NE(err.str().find("pipe: not a regular file"), std::string::npos) << err.str();
  EXPECT_NE(out.str().find("\"schema_version\""), std::string::npos);  // the plan still comes out
}

TEST(Batch, AStandardOutputThatFailsExitsThree) {
  ExtractOptions options;
  options.inputs = {testing::SourcePath("corpus/003-dak-nong-2023.txt")};
  options.restore = RestoreMode::kNever;
  std::istringstream none;
  std::ostringstream out, err;
  out.setstate(std::ios::badbit);  // as writing to /dev/full leaves it
  EXPECT_EQ(RunExtract(options, none, out, err), kExitOutputFailed);
  EXPECT_NE(err.str().find("cannot write to standard output"), std::string::npos);
}

// An exception in one input (memory exhausted on a hostile one) fails that
// input; the others still come out and the summary is written.
TEST(Batch, AnExceptionInOneInputFailsItAlone) {
  const std::string out = testing::OutputDir() + "/batch-throw-out";
  fs::remove_all(out);
  BatchOptions options;
  for (const char* name : {"a.txt", "bomb.txt", "c.txt"}) {
    options.inputs.push_back(testing::OutputDir() + "/" + name);
    testing::WriteFile(options.inputs.back(), name);
  }
  options.output_dir = out;
  options.jobs = 2;
  options.max_input_bytes = 1024;
  const PlanConverter convert = [](const std::string& path, const std::string&, const std::string&,
                                   std::string* json, int*, std::string*) {
    if (path.find("bomb") != std::string::npos) throw std::bad_alloc();
    *json = "{}";
    return Status::Ok();
  };
  std::ostringstream err;
  Reporter reporter(err, Verbosity::kNormal, false);
  EXPECT_EQ(RunBatch(options, convert, reporter), kExitInputFailed);
  EXPECT_NE(err.str().find("bomb.txt: failed internal error"), std::string::npos) << err.str();
  EXPECT_NE(err.str().find("3 files: 2 written"), std::string::npos) << err.str();
  EXPECT_TRUE(fs::exists(out + "/a.json") && fs::exists(out + "/c.json"));
}

// --searchable-pdf: a scan's PDF beside its JSON in the mirrored tree,
// written before the JSON; a rerun with the JSON current but the PDF gone
// writes it again; never over the input itself.
TEST(Batch, ASearchablePdfGoesBesideItsJsonAndNeverOverItsInput) {
  const std::string dir = testing::OutputDir() + "/batch-pdf";
  fs::remove_all(dir);
  fs::create_directories(dir + "/in/2023");
  testing::WriteFile(dir + "/in/2023/scan.pdf", "%PDF-scan");
  BatchOptions options;
  options.inputs = {dir + "/in/2023/scan.pdf"};
  options.relative = {"2023/scan.pdf"};
  options.output_dir = dir + "/out";
  options.searchable_pdf = true;
  options.max_input_bytes = 1024;
  int converted = 0;
  const PlanConverter convert = [&converted](const std::string&, const std::string&, const std::string& sha256,
                                             std::string* json, int* pages, std::string* pdf) {
    ++converted;
    *json = R"({"source": {"sha256": ")" + sha256 + R"(", "pipeline": "", "kind": "pdf"}})";
    *pages = 1;
    *pdf = "%PDF-searchable";
    return Status::Ok();
  };
  std::ostringstream err;
  Reporter reporter(err, Verbosity::kNormal, false);
  ASSERT_EQ(RunBatch(options, convert, reporter), kExitOk) << err.str();
  EXPECT_EQ(testing::ReadFile(dir + "/out/2023/scan.pdf"), "%PDF-searchable");
  EXPECT_TRUE(fs::exists(dir + "/out/2023/scan.json"));
  ASSERT_EQ(RunBatch(options, convert, reporter), kExitOk);  // current: skipped
  EXPECT_EQ(converted, 1);
  fs::remove(dir + "/out/2023/scan.pdf");
  ASSERT_EQ(RunBatch(options, convert, reporter), kExitOk);  // the PDF is missing: redone
  EXPECT_EQ(converted, 2);
  EXPECT_TRUE(fs::exists(dir + "/out/2023/scan.pdf"));
  // The output folder is the input's: scan.pdf would be replaced.
  options.output_dir = dir + "/in";
  std::ostringstream said;
  Reporter other(said, Verbosity::kNormal, false);
  EXPECT_EQ(RunBatch(options, convert, other), kExitOutputFailed);
  EXPECT_EQ(testing::ReadFile(dir + "/in/2023/scan.pdf"), "%PDF-scan");
  EXPECT_NE(said.str().find("would replace the input itself"), std::string::npos) << said.str();
}

}  // namespace
}  // namespace vnplan
