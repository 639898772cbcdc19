// `vnplan train` on a user's own archive: plain text, markdown and vnplan
// JSON outputs, from folders; only text with its diacritics, written by a
// person (not OCR, not the restorer) is learned, and the run says how much.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <sstream>
#include <string>

#include "tests/support/test_support.h"
#include "tools/vnplan/extract_command.h"
#include "tools/vnplan/train_command.h"
#include "vnplan/restorer.h"

namespace vnplan {
namespace {

namespace fs = std::filesystem;

// The JSON vnplan writes for a corpus text with its marks (nothing restored).
nlohmann::json JsonOf(const std::string& corpus_name) {
  ExtractOptions options;
  options.inputs = {testing::SourcePath("corpus/" + corpus_name)};
  options.restore = RestoreMode::kNever;
  std::istringstream none;
  std::ostringstream out, err;
  EXPECT_EQ(RunExtract(options, none, out, err), kExitOk) << err.str();
  return nlohmann::json::parse(out.str());
}

TEST(TrainCommand, LearnsAnArchiveOfTextMarkdownAndVerifiedJson) {
  const std::string archive = testing::OutputDir() + "/archive", models = testing::OutputDir() + "/archive-models";
  fs::remove_all(archive);
  fs::remove_all(models);
  fs::create_directories(archive + "/2016");
  fs::copy_file(testing::SourcePath("corpus/002-hoa-binh-2017.txt"), archive + "/002.txt");
  fs::copy_file(testing::SourcePath("corpus/004-phu-tho-2016.txt"), archive + "/2016/004.md");
  nlohmann::json verified = JsonOf("003-dak-nong-2023.txt");
  testing::WriteFile(archive + "/003.json", verified.dump());
  // The same output had the restorer written its text: not learned.
  nlohmann::json restored = verified;
  restored["source"]["restoration"]["applied"] = true;
  testing::WriteFile(archive + "/003-restored.json", restored.dump());
  fs::copy_file(testing::SourcePath("corpus/001-binh-chanh-2023.ocr.txt"), archive + "/legacy.txt");
  testing::WriteFile(archive + "/settings.json", "{\"theme\": \"dark\"}");
  testing::WriteFile(archive + "/scan-notes.docx", "not read");

  TrainOptions options;
  options.inputs = {archive};
  options.output_dir = models;
  std::ostringstream out, err;
  EXPECT_EQ(RunTrain(options, out, err), kExitOk) << err.str();
  EXPECT_NE(out.str().find("learned from 3 documents"), std::string::npos) << out.str();
  EXPECT_NE(out.str().find("skipped 1 without diacritics, 1 not verified, 1 unreadable"), std::string::npos)
      << out.str();
  EXPECT_NE(err.str().find("003-restored.json: skipped: its text was written by OCR or by the restorer"),
            std::string::npos);
  EXPECT_EQ(out.str().find("scan-notes.docx"), std::string::npos);
  EXPECT_EQ(err.str().find("scan-notes.docx"), std::string::npos);
  EXPECT_TRUE(fs::exists(models + "/domain.lm"));

  // The syllables counted are those of the three texts learned.
  const size_t at = out.str().find("documents, ");
  const long syllables = std::stol(out.str().substr(at + 11));
  EXPECT_GT(syllables, 5000);
  EXPECT_LT(syllables, 20000);
}

// A word list asked for and not there is an error, not a background model
// trained without it.
TEST(TrainCommand, AMissingWordListIsAnError) {
  const std::string dir = testing::OutputDir() + "/words-missing";
  fs::remove_all(dir);
  testing::WriteFile(testing::OutputDir() + "/background.txt", "Kế hoạch năm học mới của trường.\n");
  TrainOptions options;
  options.inputs = {testing::SourcePath("corpus/002-hoa-binh-2017.txt")};
  options.output_dir = dir;
  options.background = testing::OutputDir() + "/background.txt";
  options.words = testing::OutputDir() + "/no-such-words.txt";
  std::ostringstream out, err;
  EXPECT_EQ(RunTrain(options, out, err), kExitInputFailed);
  EXPECT_NE(err.str().find("cannot read the word list"), std::string::npos) << err.str();
  EXPECT_FALSE(fs::exists(dir + "/background.lm"));
}

// A domain model trained on an archive speaks more in the mixture than the
// shipped one of four plans, the more the larger, never silencing the
// background.
TEST(DomainModelShare, GrowsWithTheArchiveUpToALimit) {
  EXPECT_DOUBLE_EQ(DomainModelShareFor(0), DomainModelShare());
  EXPECT_DOUBLE_EQ(DomainModelShareFor(12000), DomainModelShare());
  const double archive_25 = DomainModelShareFor(94000), archive_150 = DomainModelShareFor(581000);
  EXPECT_GT(archive_25, DomainModelShare());
  EXPECT_GT(archive_150, archive_25);
  EXPECT_NEAR(archive_25, 0.6, 0.05);  // the best share measured at that size
  EXPECT_NEAR(archive_150, 0.85, 0.05);
  EXPECT_LT(DomainModelShareFor(uint64_t{1} << 40), 1.0);
  EXPECT_DOUBLE_EQ(DomainModelShareFor(uint64_t{1} << 40), DomainModelShareFor(uint64_t{1} << 30));
}

}  // namespace
}  // namespace vnplan
