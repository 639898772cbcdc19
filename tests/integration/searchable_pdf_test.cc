// The searchable PDF end to end: a page rendered here without its marks,
// read by Tesseract, restored by a model trained here, written as a PDF;
// then pdftotext finds the restored words in reading order and qpdf finds
// the file sound (poppler-utils and qpdf from Debian).
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "tests/support/test_support.h"
#include "vnplan/pipeline.h"
#include "vnplan/restorer.h"
#include "vnplan/searchable_pdf.h"

namespace vnplan {
namespace {

TEST(SearchablePdf, PdftotextFindsTheRestoredWordsAndQpdfFindsTheFileSound) {
  const std::string dir = testing::OutputDir();
  const std::string text =
      "Phòng Giáo dục và Đào tạo tổ chức hoạt động trải nghiệm cho học sinh.\n"
      "Các trường học báo cáo kết quả thực hiện kế hoạch.\n";
  ASSERT_TRUE(TrainLanguageModel({text, text}, {}, dir + "/domain.lm").ok());
  testing::WriteFile(dir + "/stripped.txt",
                     "Phong Giao duc va Dao tao to chuc hoat dong trai nghiem cho hoc sinh.\n"
                     "Cac truong hoc bao cao ket qua thuc hien ke hoach.\n");
  const std::string png = dir + "/stripped.png";
  const std::string render = "pango-view --font='Liberation Serif 13' --dpi=300 --margin=120 "
                             "--width=470 --wrap=word -q -o '" + png + "' '" + dir + "/stripped.txt'";
  ASSERT_EQ(std::system(render.c_str()), 0) << "pango-view is needed (pango1.0-tools)";

  PipelineOptions options;
  options.restore = RestoreMode::kAlways;
  options.model_dir = dir;
  options.ocr.jobs = 1;
  std::unique_ptr<Pipeline> pipeline;
  ASSERT_TRUE(Pipeline::Open(options, &pipeline).ok());
  const std::string scan = testing::ReadFile(png);
  Reading reading;
  ASSERT_TRUE(pipeline->Read(scan, &reading).ok());
  ASSERT_NE(reading.text.find("Phòng Giáo dục"), std::string::npos) << reading.text;

  std::string pdf;
  ASSERT_TRUE(WriteSearchablePdf(scan, reading.ocr, reading.text, options.ocr, InputDigest(scan), &pdf).ok());
  testing::WriteFile(dir + "/searchable.pdf", pdf);
  const std::string extract = "pdftotext -layout '" + dir + "/searchable.pdf' '" + dir + "/found.txt'";
  ASSERT_EQ(std::system(extract.c_str()), 0) << "pdftotext is needed (poppler-utils)";
  const std::string found = testing::ReadFile(dir + "/found.txt");
  const size_t first = found.find("Phòng Giáo dục và Đào tạo");
  const size_t later = found.find("báo cáo kết quả");
  EXPECT_NE(first, std::string::npos) << found;
  EXPECT_NE(later, std::string::npos) << found;
  EXPECT_LT(first, later) << found;
  const std::string check = "qpdf --check '" + dir + "/searchable.pdf' >/dev/null";
  EXPECT_EQ(std::system(check.c_str()), 0);
}

}  // namespace
}  // namespace vnplan
