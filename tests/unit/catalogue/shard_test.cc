// `vnplan extract --manifest --shard --db`: shards of one manifest write
// disjoint outputs that together are the whole run's, named as the whole
// run names them; a shard run again skips what is current; the catalogue
// receives every plan once.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "tests/support/test_support.h"
#include "tools/vnplan/extract_command.h"
#include "vnplan/catalogue.h"

namespace vnplan {
namespace {

namespace fs = std::filesystem;

struct ExtractRun {
  int code;
  std::string log;
};

ExtractRun Extract(const std::string& manifest, const std::string& shard, const std::string& out,
            const std::string& db = "") {
  ExtractOptions options;
  options.manifest = manifest;
  options.shard = shard;
  options.output = out + "/";
  options.db = db;
  options.restore = RestoreMode::kNever;
  options.jobs = 2;
  std::istringstream in;
  std::ostringstream stdout_text, err;
  const int code = RunExtract(options, in, stdout_text, err);
  return {code, err.str()};
}

// The outputs a run's log says it wrote ("… ok -> OUT/NAME.json").
std::set<std::string> Written(const std::string& log) {
  std::set<std::string> names;
  std::istringstream lines(log);
  for (std::string line; std::getline(lines, line);)
    if (const size_t at = line.find(": ok -> "); at != std::string::npos)
      names.insert(fs::path(line.substr(at + 8)).filename().string());
  return names;
}

// A manifest of the corpus texts, two of them under one name in different
// folders (named apart only when the whole list is seen), relative paths.
std::string Manifest(const std::string& dir) {
  fs::remove_all(dir);
  fs::create_directories(dir + "/a");
  fs::create_directories(dir + "/b");
  std::string list = "# corpus\n\n";
  for (const std::string& text : testing::CorpusTexts()) {
    const std::string name = fs::path(text).filename().string();
    fs::copy_file(text, dir + "/a/" + name);
    list += "a/" + name + "\n";
  }
  fs::copy_file(testing::SourcePath("corpus/004-phu-tho-2016.txt"), dir + "/b/004-phu-tho-2016.txt");
  list += "b/004-phu-tho-2016.txt\n";
  testing::WriteFile(dir + "/files.txt", list);
  return dir + "/files.txt";
}

TEST(Shards, SplitAManifestIntoDisjointOutputsThatMakeTheWhole) {
  const std::string dir = testing::OutputDir() + "/shards";
  const std::string manifest = Manifest(dir);
  const ExtractRun whole = Extract(manifest, "", dir + "/whole");
  ASSERT_EQ(whole.code, kExitOk) << whole.log;
  std::set<std::string> together;
  size_t count = 0;
  for (const char* shard : {"1/3", "2/3", "3/3"}) {
    const ExtractRun run = Extract(manifest, shard, dir + "/sharded", dir + "/archive.sqlite");
    ASSERT_EQ(run.code, kExitOk) << run.log;
    const std::set<std::string> written = Written(run.log);
    EXPECT_FALSE(written.empty()) << shard;
    count += written.size();
    together.insert(written.begin(), written.end());
  }
  EXPECT_EQ(count, together.size()) << "a file written by two shards";
  EXPECT_EQ(together, Written(whole.log));
  int copies = 0;  // the two 004s: one name, then the same name with a counter
  for (const std::string& name : together) copies += name.find("004-phu-tho-2016") != std::string::npos;
  EXPECT_EQ(copies, 2);
  for (const std::string& name : together)
    EXPECT_EQ(testing::ReadFile(dir + "/sharded/" + name), testing::ReadFile(dir + "/whole/" + name));

  const ExtractRun again = Extract(manifest, "2/3", dir + "/sharded", dir + "/archive.sqlite");
  EXPECT_EQ(again.code, kExitOk);
  EXPECT_TRUE(Written(again.log).empty()) << again.log;
  EXPECT_NE(again.log.find("0 written"), std::string::npos) << again.log;

  std::unique_ptr<Catalogue> catalogue;
  ASSERT_TRUE(Catalogue::Open(dir + "/archive.sqlite", Catalogue::Mode::kRead, &catalogue).ok());
  int documents = 0;
  ASSERT_TRUE(catalogue->CountDocuments(&documents).ok());
  // The two copies of one text are one input (one sha256): one plan.
  EXPECT_EQ(documents, static_cast<int>(together.size()) - 1);
}

TEST(Shards, ABadShardOrManifestIsAUsageError) {
  const std::string dir = testing::OutputDir() + "/bad-shards";
  const std::string manifest = Manifest(dir);
  for (const char* shard : {"0/3", "4/3", "1/0", "a/b", "1/3x", "13"})
    EXPECT_EQ(Extract(manifest, shard, dir + "/out").code, kExitUsage) << shard;
  EXPECT_EQ(Extract(dir + "/no-such-list.txt", "1/2", dir + "/out").code, kExitUsage);
  ExtractOptions to_stdout;
  to_stdout.manifest = manifest;
  std::istringstream in;
  std::ostringstream out, err;
  EXPECT_EQ(RunExtract(to_stdout, in, out, err), kExitUsage);
  EXPECT_NE(err.str().find("need -o OUTDIR/"), std::string::npos) << err.str();
}

}  // namespace
}  // namespace vnplan
