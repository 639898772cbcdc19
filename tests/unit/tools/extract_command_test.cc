// `vnplan extract` on bad and odd input, run in-process exactly as the CLI.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <sstream>

#include "tools/vnplan/batch.h"
#include "tools/vnplan/extract_command.h"
#include "tests/support/test_support.h"

namespace vnplan {
namespace {

using testing::OutputDir;
using testing::WriteFile;

struct CommandRun {
  int code;
  std::string out, err;
};

CommandRun Extract(std::vector<std::string> inputs, const std::string& format = "json",
            const std::string& output = "", const std::string& stdin_text = "") {
  ExtractOptions options;
  options.inputs = std::move(inputs);
  options.format = format;
  options.output = output;
  std::istringstream in(stdin_text);
  std::ostringstream out, err;
  const int code = RunExtract(options, in, out, err);
  return {code, out.str(), err.str()};
}

std::string Fixture(const std::string& name, const std::string& bytes) {
  const std::string path = OutputDir() + "/" + name;
  WriteFile(path, bytes);
  return path;
}

TEST(ExtractCommand, EmptyFileGivesValidJsonWithEmptyLists) {
  const CommandRun r = Extract({Fixture("empty.txt", "")});
  EXPECT_EQ(r.code, kExitOk);
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_TRUE(j["sections"].empty());
  EXPECT_TRUE(j["deadlines"].empty());
  EXPECT_TRUE(j["document"]["number"].is_null());
  EXPECT_NE(r.err.find("no numbered sections"), std::string::npos);
}

TEST(ExtractCommand, BinaryFileIsRejectedWithAClearMessage) {
  const std::string path = Fixture("scan.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  const CommandRun r = Extract({path});
  EXPECT_EQ(r.code, kExitInputFailed);
  EXPECT_TRUE(r.out.empty());
  // Since the OCR stage, PNG bytes are read as an image: this one is cut off.
  EXPECT_NE(r.err.find("scan.png: not a readable image"), std::string::npos) << r.err;
  const CommandRun zip = Extract({Fixture("archive.zip", std::string("PK\x03\x04\0\0", 6))});
  EXPECT_EQ(zip.code, kExitInputFailed);
  EXPECT_NE(zip.err.find("archive.zip: binary data"), std::string::npos) << zip.err;
}

TEST(ExtractCommand, InvalidUtf8IsRejectedWithTheOffset) {
  const CommandRun r = Extract({Fixture("tcvn3.txt", "K\xd5 ho\xb9" "ch\n")});
  EXPECT_EQ(r.code, kExitInputFailed);
  EXPECT_NE(r.err.find("not valid UTF-8 at byte 1"), std::string::npos) << r.err;
}

TEST(ExtractCommand, TwentyMegabyteSingleLineIsParsedWithoutCrashing) {
  std::string line;
  line.reserve(20u << 20);
  while (line.size() < (20u << 20)) line += "Tổ chức thi đua trước ngày 20/10/2017 tại đơn vị, ";
  const CommandRun r = Extract({Fixture("long-line.txt", line)}, "jsonl");
  EXPECT_EQ(r.code, kExitOk);
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["text"].get<std::string>().size(), line.size());
  EXPECT_TRUE(j["sections"].empty());
}

TEST(ExtractCommand, OneBadFileInABatchDoesNotStopTheOthers) {
  const std::string good = testing::SourcePath("corpus/003-dak-nong-2023.txt");
  const CommandRun r = Extract({good, OutputDir() + "/missing.txt",
                         Fixture("bad.bin", std::string("\0\1\2", 3)), good},
                        "jsonl");
  EXPECT_EQ(r.code, kExitInputFailed);
  std::istringstream lines(r.out);
  std::string line;
  int plans = 0;
  while (std::getline(lines, line)) {
    EXPECT_EQ(nlohmann::json::parse(line)["source"]["file"], "003-dak-nong-2023.txt");
    ++plans;
  }
  EXPECT_EQ(plans, 2);
  EXPECT_NE(r.err.find("missing.txt: cannot open"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("bad.bin: binary data"), std::string::npos) << r.err;
}

TEST(ExtractCommand, SeveralFilesAsJsonAreAnArray) {
  const std::string good = testing::SourcePath("corpus/004-phu-tho-2016.txt");
  const CommandRun r = Extract({good, good});
  ASSERT_EQ(r.code, kExitOk);
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_TRUE(j.is_array());
  EXPECT_EQ(j.size(), 2u);
  EXPECT_EQ(j[0]["document"]["number"], "941");
}

TEST(ExtractCommand, ReadsStandardInput) {
  const CommandRun r = Extract({"-"}, "json", "", "KẾ HOẠCH\nX\nI. MỤC ĐÍCH\n- Làm tốt.\n");
  ASSERT_EQ(r.code, kExitOk);
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["source"]["file"], "-");
  EXPECT_EQ(j["goals"].size(), 1u);
}

TEST(ExtractCommand, WritesOutputFileAtomically) {
  const std::string dir = OutputDir() + "/atomic";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string target = dir + "/plan.json";
  const CommandRun r = Extract({testing::SourcePath("corpus/004-phu-tho-2016.txt")}, "json", target);
  ASSERT_EQ(r.code, kExitOk) << r.err;
  EXPECT_TRUE(r.out.empty());
  EXPECT_EQ(nlohmann::json::parse(testing::ReadFile(target))["document"]["date"], "2016-06-13");
  int files = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) files += e.exists();
  EXPECT_EQ(files, 1);  // no temporary file left behind
}

TEST(ExtractCommand, UnwritableOutputIsExitCodeThree) {
  const CommandRun r = Extract({testing::SourcePath("corpus/004-phu-tho-2016.txt")}, "json",
                        OutputDir() + "/no/such/dir/plan.json");
  EXPECT_EQ(r.code, kExitOutputFailed);
  EXPECT_NE(r.err.find("cannot"), std::string::npos);
}

TEST(ExtractCommand, UnknownFormatIsAUsageError) {
  EXPECT_EQ(Extract({"-"}, "xml").code, kExitUsage);
}

TEST(ExtractCommand, SameInputGivesByteIdenticalJson) {
  const std::string path = testing::SourcePath("corpus/002-hoa-binh-2017.txt");
  const CommandRun a = Extract({path});
  const CommandRun b = Extract({path});
  ASSERT_EQ(a.code, kExitOk);
  EXPECT_EQ(a.out, b.out);
}

}  // namespace
}  // namespace vnplan

namespace vnplan {
namespace {

// Issue 14 item 15: a plan whose text begins like an image's or a PDF's
// magic bytes is a text; the header is confirmed, not two bytes.
TEST(ExtractCommand, TextThatBeginsLikeAnImageOrPdfIsReadAsText) {
  const std::string body = "\nỦY BAN NHÂN DÂN\nKẾ HOẠCH\nI. MỤC ĐÍCH\n1. Nâng cao chất lượng.\n";
  for (const char* start : {"BM01-KH/UBND", "GIF8 tài liệu", "%PDF bản gốc", "%PDF-1.4 bản in"}) {
    const CommandRun r = Extract({Fixture("starts.txt", start + body)});
    EXPECT_EQ(r.code, kExitOk) << start << ": " << r.err;
    EXPECT_NE(r.out.find("\"kind\": \"text\""), std::string::npos) << start << ": " << r.out;
  }
}

TEST(ExtractCommand, RealImageAndPdfHeadersAreStillReadAsScans) {
  // A BMP file header and a 40-byte info header, then nothing: a cut-off image.
  std::string bmp = "BM";
  for (int value : {1000, 0, 54, 40, 2, 2}) {
    for (int i = 0; i < 4; ++i) bmp += static_cast<char>((value >> (8 * i)) & 0xFF);
  }
  const CommandRun image = Extract({Fixture("cut.bmp", bmp)});
  EXPECT_EQ(image.code, kExitInputFailed);
  EXPECT_NE(image.err.find("cut.bmp: not a readable image"), std::string::npos) << image.err;
  const CommandRun pdf = Extract({Fixture("cut.pdf", "%PDF-1.7\n1 0 obj\n<<")});
  EXPECT_EQ(pdf.code, kExitInputFailed);
  EXPECT_NE(pdf.err.find("cut.pdf: not a readable PDF"), std::string::npos) << pdf.err;
  const CommandRun gif = Extract({Fixture("cut.gif", "GIF89a\x02")});
  EXPECT_EQ(gif.code, kExitInputFailed);
  EXPECT_EQ(gif.err.find("UTF-8"), std::string::npos) << gif.err;  // not taken for text
}

}  // namespace
}  // namespace vnplan

namespace vnplan {
namespace {

// Issue 15: a missing Tesseract language is the installation's problem
// (exit 4), not the input's (exit 1).
TEST(ExtractCommand, AMissingTesseractLanguageIsAMissingModelNotABadInput) {
  PipelineOptions options;
  options.restore = RestoreMode::kNever;
  options.ocr.languages = "xyz";  // no such traineddata
  options.ocr.jobs = 1;
  std::unique_ptr<Pipeline> pipeline;
  ASSERT_TRUE(Pipeline::Open(options, &pipeline).ok());
  Reading reading;
  const Status status =
      pipeline->Read(testing::ReadFile(testing::SourcePath("corpus/scans/004-phu-tho-2016.p1.medium.jpg")),
                     &reading);
  EXPECT_EQ(status.code(), Status::Code::kModelMissing) << status.message();
  EXPECT_NE(status.message().find("tesseract-ocr-xyz"), std::string::npos) << status.message();
  EXPECT_EQ(ExitCodeOf(status), kExitModelMissing);
}

TEST(ExtractCommand, ABatchWhoseInputsLackAModelExitsFour) {
  const std::string dir = OutputDir() + "/model-batch";
  std::filesystem::create_directories(dir);
  WriteFile(dir + "/a.txt", "a");
  WriteFile(dir + "/b.txt", "b");
  BatchOptions batch;
  batch.inputs = {dir + "/a.txt", dir + "/b.txt"};
  batch.output_dir = dir + "/out";
  batch.max_input_bytes = 100;
  std::ostringstream err;
  Reporter reporter(err, Verbosity::kNormal, false);
  const int code = RunBatch(
      batch,
      [](const std::string& path, const std::string&, const std::string&, std::string* json, int*,
         std::string*) {
        if (path.back() == 't' && path[path.size() - 5] == 'b')
          return Status::ModelMissing("Tesseract could not load the 'vie' model");
        *json = "{}\n";
        return Status::Ok();
      },
      reporter);
  EXPECT_EQ(code, kExitModelMissing) << err.str();
  EXPECT_TRUE(std::filesystem::exists(dir + "/out/a.json"));  // the other input still comes out
}

}  // namespace
}  // namespace vnplan
