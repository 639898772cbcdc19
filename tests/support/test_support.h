// Helpers shared by the tests: corpus paths, file reading, one parse call.
#ifndef VNPLAN_TESTS_TEST_SUPPORT_H_
#define VNPLAN_TESTS_TEST_SUPPORT_H_

#include <string>
#include <vector>

#include "vnplan/plan.h"

namespace vnplan::testing {

std::string SourcePath(const std::string& relative);
std::string OutputDir();  // this process's own folder, created on first use
std::string ReadFile(const std::string& path);
void WriteFile(const std::string& path, const std::string& data);
// Corpus documents that have an expected JSON: "corpus/NAME.txt".
std::vector<std::string> CorpusTexts();
// Parses text with a parser shared by all tests.
Plan ParseText(const std::string& text);
// The contract JSON text of corpus/NAME, as `vnplan extract` would write it
// (no restoration).
std::string CorpusPlanJson(const std::string& name);

}  // namespace vnplan::testing

#endif  // VNPLAN_TESTS_TEST_SUPPORT_H_
