// Helpers shared by the tests: corpus paths, file reading, one parse call.
#ifndef VNPLAN_TESTS_TEST_SUPPORT_H_
#define VNPLAN_TESTS_TEST_SUPPORT_H_

#include <memory>
#include <string>
#include <vector>

#include "vnplan/plan.h"
#include "vnplan/restorer.h"

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
// A restorer with one model trained on `texts` only (saved as NAME.lm in
// this process's folder), reading place names with the gazetteer `places`
// if one is given; null, with the failure reported, if that fails.
std::unique_ptr<Restorer> RestorerTrainedOn(const std::vector<std::string>& texts, const std::string& name,
                                            const std::string& places = "");

}  // namespace vnplan::testing

#endif  // VNPLAN_TESTS_TEST_SUPPORT_H_
