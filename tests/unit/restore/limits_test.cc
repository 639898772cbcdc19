// The restorer under hostile input: one long token with debris inside must
// cost time and memory in proportion to its length (issue 14, item 2).
#include <gtest/gtest.h>

#include <sys/resource.h>

#include <chrono>
#include <fstream>
#include <string>

#include "src/restore/ocr_channel.h"
#include "tests/support/test_support.h"
#include "vnplan/restorer.h"

namespace vnplan {
namespace {

// Peak resident memory of this process so far, in MB.
double PeakMegabytes() {
  struct rusage usage {};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

std::string LongToken() {
  std::string token;
  for (int k = 0; k < 300000; ++k) token += "**a";  // 900 KB: 15 GB before the limit
  return token;
}

std::string ChannelFile() {
  const std::string path = testing::OutputDir() + "/limits-channel.tsv";
  std::ofstream(path) << "a\ta\t-0.1\nu\tir\t-1.0\no\t0\t-2.0\na\t4\t-2.0\n";
  return path;
}

TEST(OcrChannel, UndamageOfAVeryLongTokenIsBounded) {
  internal::OcrChannel channel;
  ASSERT_TRUE(channel.Load(ChannelFile()).ok());
  const double before = PeakMegabytes();
  const auto start = std::chrono::steady_clock::now();
  const std::string token = LongToken();
  EXPECT_TRUE(channel.Undamage(token.substr(1)).empty());
  // Just past the limit: nothing; at the limit the search still runs.
  EXPECT_TRUE(channel.Undamage(std::string(internal::kLongestDamagedWord + 1, 'a')).empty());
  EXPECT_FALSE(channel.Undamage(std::string(internal::kLongestDamagedWord, 'a')).empty());
  EXPECT_FALSE(channel.Undamage("4ir").empty());
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 30.0);  // the old code: minutes and 15 GB
  EXPECT_LT(PeakMegabytes() - before, 64.0);
}

// The whole restoration of a text holding that token, clean and as legacy
// OCR (where every word is read for damage): the token stays as written.
TEST(Restorer, AVeryLongTokenIsLeftAsWrittenInBoundedMemory) {
  const std::string model = testing::OutputDir() + "/limits.lm";
  ASSERT_TRUE(TrainLanguageModel({"điển hình đạo đức.\nđạo đức điển hình.\n"}, {}, model).ok());
  Status status;
  const auto restorer = Restorer::Open({{model, 1.0}}, &status, ChannelFile());
  ASSERT_TRUE(restorer) << status.message();
  const double before = PeakMegabytes();
  const auto start = std::chrono::steady_clock::now();
  const std::string token = LongToken();
  for (const std::string& around : {std::string("điển hình "), std::string("đién hlnh ")}) {
    const std::string text = around + token + " dao duc.\n";
    const RestoreResult r = restorer->Restore(text);
    EXPECT_NE(r.text.find(token), std::string::npos);
    EXPECT_NE(r.text.find("đạo đức"), std::string::npos);
  }
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 20.0);
  EXPECT_LT(PeakMegabytes() - before, 256.0);
}

}  // namespace
}  // namespace vnplan
