// The one reporter: whole lines, the bar wiped before a message and redrawn
// below it, verbosity, page counts.
#include "tools/vnplan/reporter.h"

#include <gtest/gtest.h>

#include <sstream>
#include <thread>
#include <vector>

namespace vnplan {
namespace {

TEST(Reporter, PagesAreCountedInEnglish) {
  EXPECT_EQ(PageCount(0), "0 pages");
  EXPECT_EQ(PageCount(1), "1 page");
  EXPECT_EQ(PageCount(2), "2 pages");
}

TEST(Reporter, AMessageWipesTheBarAndTheBarIsRedrawnBelowIt) {
  std::ostringstream err;
  Reporter reporter(err, Verbosity::kNormal, true);
  reporter.StartBatch(3);
  reporter.FileDone(0);
  reporter.Say(MessageKind::kWarning, "vnplan: a.txt: warning: no numbered sections found");
  const std::string text = err.str();
  const size_t message = text.find("\r\x1b[Kvnplan: a.txt: warning");
  ASSERT_NE(message, std::string::npos) << text;
  // The message ends its own line, and the bar comes back after it.
  EXPECT_NE(text.find("found\n\r[", message), std::string::npos) << text;
  reporter.EndBatch();
  EXPECT_EQ(err.str().substr(err.str().size() - 4), "\r\x1b[K");  // no bar left behind
}

TEST(Reporter, TheBarCountsPagesWhenTheBatchHasThem) {
  std::ostringstream err;
  Reporter reporter(err, Verbosity::kNormal, true);
  reporter.StartBatch(4);
  reporter.ExpectPages(40);
  reporter.FileDone(0);  // a text
  reporter.FileDone(1);  // a one-page scan
  const std::string text = err.str();
  const std::string last = text.substr(text.rfind('\r'));
  EXPECT_NE(last.find("2/4 files  1/40 pages"), std::string::npos) << last;
  // One page of forty: the bar is nearly empty although half the files are done.
  EXPECT_NE(last.find("[.............................."), std::string::npos) << last;
}

TEST(Reporter, QuietSaysOnlyWarningsAndErrorsAndDrawsNoBar) {
  std::ostringstream err;
  Reporter reporter(err, Verbosity::kQuiet, true);
  reporter.StartBatch(2);
  reporter.Say(MessageKind::kNote, "a note");
  reporter.Say(MessageKind::kDetail, "a detail");
  reporter.FileDone(3);
  reporter.Say(MessageKind::kWarning, "a warning");
  reporter.Say(MessageKind::kError, "an error");
  reporter.EndBatch();
  EXPECT_EQ(err.str(), "a warning\nan error\n");
}

TEST(Reporter, DetailsOnlyUnderVerbose) {
  std::ostringstream normal, verbose;
  Reporter(normal, Verbosity::kNormal, false).Say(MessageKind::kDetail, "a detail");
  Reporter(verbose, Verbosity::kVerbose, false).Say(MessageKind::kDetail, "a detail");
  EXPECT_EQ(normal.str(), "");
  EXPECT_EQ(verbose.str(), "a detail\n");
}

TEST(Reporter, LinesFromManyThreadsStayWhole) {
  std::ostringstream err;
  Reporter reporter(err, Verbosity::kNormal, true);
  reporter.StartBatch(400);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&reporter, t] {
      for (int i = 0; i < 100; ++i) {
        reporter.Say(MessageKind::kNote, "worker " + std::to_string(t) + " line " + std::to_string(i));
        reporter.FileDone(1);
      }
    });
  for (auto& thread : threads) thread.join();
  reporter.EndBatch();
  // After the wipe that ends each line's bar, a line holds one whole message.
  std::istringstream lines(err.str());
  int messages = 0;
  for (std::string line; std::getline(lines, line);) {
    const size_t wipe = line.rfind("\r\x1b[K");
    const std::string said = wipe == std::string::npos ? line : line.substr(wipe + 4);
    if (said.empty() && lines.eof()) break;  // the bar's last line, wiped at the end
    // "worker T line I", nothing more (no std::regex: GCC 12 warns inside it under ASan).
    EXPECT_EQ(said.rfind("worker ", 0), 0u) << said;
    EXPECT_EQ(said.find("worker", 1), std::string::npos) << said;
    EXPECT_EQ(said.find("\x1b"), std::string::npos) << said;
    ++messages;
  }
  EXPECT_EQ(messages, 400);
}

}  // namespace
}  // namespace vnplan
