// The physical reading of a document: lines cleaned of converter debris.
#include "src/parser/document.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace vnplan::internal {
namespace {

TEST(DocumentReader, CleanDropsBoldAndKeepsEscapedStars) {
  const TextFolder folder;
  const DocumentReader reader(folder);
  const std::vector<Line> lines = reader.ReadLines("**Điều 1.** a\\*b __c__ d\\\\e");
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].clean, "Điều 1. a*b c de");
}

// One pass per marker: a long line of debris (a flattened table a converter
// wrote as one line) cleans in time proportional to its length. Replacing in
// place took about 60 s on these 6 MB; one pass takes well under a second.
TEST(DocumentReader, LongLineOfMarkersCleansInLinearTime) {
  std::string raw;
  const size_t repeats = 2'000'000;
  raw.reserve(3 * repeats);
  for (size_t i = 0; i < repeats; ++i) raw += "x**";
  const TextFolder folder;
  const DocumentReader reader(folder);
  const auto start = std::chrono::steady_clock::now();
  const std::vector<Line> lines = reader.ReadLines(raw);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].clean, std::string(repeats, 'x'));
  EXPECT_LT(seconds, 10.0);
}

}  // namespace
}  // namespace vnplan::internal
