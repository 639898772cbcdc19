// Exports read back by the programs people open them with: Python's csv
// module and pandas for the CSV, openpyxl for the workbook (Debian's
// python3-pandas and python3-openpyxl; a test skips when one is missing).
// The plans are two "Sở Giáo dục và Đào tạo" of two provinces, so grouping
// by issuer alone would merge them (issue 15).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <sstream>

#include "tests/support/test_support.h"
#include "tools/vnplan/export_command.h"

namespace vnplan {
namespace {

const char* kPython = "/usr/bin/python3";

bool HasModule(const std::string& module) {
  return std::system((std::string(kPython) + " -c 'import " + module + "' 2>/dev/null").c_str()) == 0;
}

// Runs a Python script with `file` as its argument; its standard output.
std::string RunPython(const std::string& script, const std::string& file) {
  const std::string path = testing::OutputDir() + "/readback.py";
  testing::WriteFile(path, script);
  std::string out;
  FILE* pipe = popen((std::string(kPython) + " '" + path + "' '" + file + "' 2>&1").c_str(), "r");
  if (pipe == nullptr) return out;
  char buf[4096];
  for (size_t n; (n = fread(buf, 1, sizeof buf, pipe)) > 0;) out.append(buf, n);
  pclose(pipe);
  return out;
}

// Two corpus plans, with formula-like text put in one deadline, exported.
std::string Export(ExportOptions options, const std::string& name) {
  std::vector<std::string> paths;
  for (const char* plan : {"004-phu-tho-2016.txt", "000-ninh-binh-2023.restored.txt"}) {
    nlohmann::json json = nlohmann::json::parse(testing::CorpusPlanJson(plan));
    json["deadlines"][0]["text"] = "=cmd|' /C calc'!A0 " + json["deadlines"][0]["text"].get<std::string>();
    paths.push_back(testing::OutputDir() + "/" + plan + ".json");
    testing::WriteFile(paths.back(), json.dump());
  }
  options.plans = paths;
  options.output = testing::OutputDir() + "/" + name;
  std::ostringstream out, err;
  EXPECT_EQ(RunExport(options, out, err), 0) << err.str();
  return options.output;
}

TEST(ExportReadBack, PythonCsvReadsTextAsTextAndNumbersAsNumbers) {
  ExportOptions options;
  options.csv = "deadlines";
  options.delimiter = ";";
  const std::string csv = Export(options, "deadlines.csv");
  const std::string out = RunPython(R"(
import csv, sys
with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:
    rows = list(csv.reader(f, delimiter=';', quoting=csv.QUOTE_NONNUMERIC))
head = rows[0]
for r in rows[1:]:
    print(repr(r[head.index('number')]), type(r[head.index('line')]).__name__,
          r[head.index('province')], r[head.index('text')][:4])
)", csv);
  EXPECT_NE(out.find("'941' float Phú Thọ"), std::string::npos) << out;
  EXPECT_NE(out.find("'21' float Ninh Bình"), std::string::npos) << out;
  EXPECT_NE(out.find("Phú Thọ '=cm"), std::string::npos) << "a formula stays text: " << out;
  EXPECT_EQ(out.find("Traceback"), std::string::npos) << out;
}

TEST(ExportReadBack, PandasGroupsByIssuerAndProvince) {
  if (!HasModule("pandas")) GTEST_SKIP() << "python3-pandas is not installed";
  ExportOptions options;
  options.csv = "targets";
  const std::string csv = Export(options, "targets.csv");
  const std::string out = RunPython(R"(
import pandas as pd, sys
t = pd.read_csv(sys.argv[1], dtype=str, keep_default_na=False)
print('number', sorted(set(t['number'])))
print('issuers', t.groupby('issuer').ngroups)
for (issuer, province), g in t.groupby(['issuer', 'province']):
    print('group', issuer, '|', province, len(g))
q = pd.read_csv(sys.argv[1], dtype={'number': str, 'symbol': str})
print('quantity', q['quantity'].dtype, 'line', q['line'].dtype)
)", csv);
  EXPECT_NE(out.find("number ['21', '941']"), std::string::npos) << out;
  EXPECT_NE(out.find("issuers 1"), std::string::npos) << out;  // the same name
  EXPECT_NE(out.find("group Sở Giáo dục và Đào tạo | Ninh Bình"), std::string::npos) << out;
  EXPECT_NE(out.find("group Sở Giáo dục và Đào tạo | Phú Thọ"), std::string::npos) << out;
  EXPECT_NE(out.find("quantity float64 line int64"), std::string::npos) << out;
}

TEST(ExportReadBack, OpenpyxlReadsTheWorkbookWithTypedCells) {
  if (!HasModule("openpyxl")) GTEST_SKIP() << "python3-openpyxl is not installed";
  ExportOptions options;
  options.xlsx = true;
  const std::string xlsx = Export(options, "plans.xlsx");
  const std::string out = RunPython(R"(
import openpyxl, sys
book = openpyxl.load_workbook(sys.argv[1])
print('sheets', book.sheetnames)
d = book['deadlines']
head = [c.value for c in d[1]]
print('head', head[:7])
for row in d.iter_rows(min_row=2):
    cells = {h: c for h, c in zip(head, row)}
    print('row', repr(cells['number'].value), cells['number'].data_type,
          type(cells['line'].value).__name__, cells['province'].value,
          cells['text'].data_type, repr(cells['text'].value[:5]))
print('targets', book['targets'].max_row - 1)
)", xlsx);
  EXPECT_NE(out.find("sheets ['deadlines', 'assignments', 'targets']"), std::string::npos) << out;
  EXPECT_NE(out.find("head ['plan_file', 'number', 'symbol', 'issuer', 'parent', 'province', "
                     "'plan_date']"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("row '941' s int Phú Thọ s"), std::string::npos) << out;
  // A formula in a plan's text is a text cell (data_type 's'), never 'f'.
  EXPECT_NE(out.find("s '=cmd|'"), std::string::npos) << out;
  EXPECT_EQ(out.find(" f "), std::string::npos) << out;
  EXPECT_NE(out.find("targets 12"), std::string::npos) << out;  // 10 + 2
  EXPECT_EQ(out.find("Traceback"), std::string::npos) << out;
}

}  // namespace
}  // namespace vnplan
