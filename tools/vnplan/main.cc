// vnplan: Vietnamese administrative plans to structured JSON.
// The command line only parses options and hands over to the commands.
#include <CLI/CLI.hpp>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "tools/vnplan/extract_command.h"
#include "tools/vnplan/compare_command.h"
#include "tools/vnplan/export_command.h"
#include "tools/vnplan/restore_command.h"
#include "tools/vnplan/train_command.h"

namespace {

std::string ExecutableDir(const char* argv0) {
  std::error_code ec;
  std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) self = std::filesystem::absolute(argv0, ec);
  return self.parent_path().string();
}

// Tesseract's OpenMP threads make a page several times slower on two cores
// (pages run in parallel instead), and libgomp reads OMP_THREAD_LIMIT only
// once, when it is loaded, before main. So set it and start again.
void LimitOpenMpThreads(char** argv) {
  if (std::getenv("OMP_THREAD_LIMIT") != nullptr) return;
  setenv("OMP_THREAD_LIMIT", "1", 1);
  execv("/proc/self/exe", argv);  // on failure, carry on: slower, still right
}

}  // namespace

int main(int argc, char** argv) {
  LimitOpenMpThreads(argv);
  CLI::App app{
      "vnplan: turns Vietnamese administrative plans (Kế hoạch) into structured JSON.\n"
      "Exit codes: 0 ok, 1 an input was unreadable or not UTF-8 text (the others are\n"
      "still written), 2 bad command line, 3 the output could not be written,\n"
      "4 restoration was required but no model could be loaded."};
  app.set_version_flag("--version", std::string("vnplan ") + vnplan::kVersion);
  app.require_subcommand(1);
  const std::string exe_dir = ExecutableDir(argv[0]);

  vnplan::ExtractOptions extract;
  std::string extract_model;
  CLI::App* cmd = app.add_subcommand(
      "extract",
      "Read plans and write the contract's JSON: to stdout (one object, or an array), or with\n"
      "-o OUTDIR/ (or a folder of plans) one JSON per plan, in parallel, resumable");
  cmd->add_option("FILE", extract.inputs, "Plan text files (UTF-8); '-' reads standard input")
      ->required();
  cmd->add_option("--format", extract.format, "json (one object, or an array for several files) or jsonl")
      ->check(CLI::IsMember({"json", "jsonl"}));
  cmd->add_option("-o,--output", extract.output,
                  "Write to this file (atomically) instead of standard output");
  cmd->add_option("--restore", extract.restore,
                  "Give diacritics back first: auto (when the text has lost them, and after OCR), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd->add_option("--model", extract_model, "Restoration model directory (default: models beside vnplan)");
  cmd->add_option("--jobs", extract.jobs, "Plans processed at once in a batch (default: one per core)");
  cmd->add_flag("--force", extract.force, "Redo plans whose output is already current");

  vnplan::RestoreCommandOptions restore;
  CLI::App* rst = app.add_subcommand(
      "restore", "Give Vietnamese text its diacritics back; line k out is line k in");
  rst->add_option("FILE", restore.input, "UTF-8 text; '-' (default) reads standard input");
  rst->add_option("-o,--output", restore.output, "Write to this file (atomically)");
  rst->add_option("--model", restore.model_dir, "Model directory (default: models beside vnplan)");
  rst->add_flag("--explain", restore.explain, "List every change with its score margin on stderr");

  vnplan::TrainOptions train;
  CLI::App* trn = app.add_subcommand(
      "train", "Train the restoration models from verified plans (texts with their diacritics)");
  trn->add_option("INPUT", train.inputs, "Text files or folders of .txt files")->required();
  trn->add_option("-o,--output", train.output_dir, "Model directory to write")->required();
  trn->add_option("--background", train.background,
                  "General Vietnamese text for the background model (scripts/prepare_background.sh)");
  trn->add_option("--words", train.words, "Syllable list to add to the background model");

  vnplan::ExportOptions exporting;
  CLI::App* exp = app.add_subcommand(
      "export", "Plan JSON to CSV (UTF-8 with BOM) or an iCalendar file of the deadlines");
  exp->add_option("PLAN", exporting.plans, "Plan JSON files from vnplan extract")->required();
  exp->add_option("--csv", exporting.csv, "One row per item: deadlines, assignments or targets")
      ->check(CLI::IsMember({"deadlines", "assignments", "targets"}));
  exp->add_flag("--ics", exporting.ics, "RFC 5545 calendar of the deadlines");
  exp->add_option("-o,--output", exporting.output, "Write to this file (atomically)");

  vnplan::OcrCommandOptions ocr;
  CLI::App* ocr_cmd = app.add_subcommand(
      "ocr", "The text of a scan (PNG, JPEG, TIFF) or PDF, pages separated by form feeds");
  ocr_cmd->add_option("FILE", ocr.input, "Image or PDF; '-' reads standard input")->required();
  ocr_cmd->add_option("-o,--output", ocr.output, "Write to this file (atomically)");
  ocr_cmd->add_option("--restore", ocr.restore,
                      "Correct diacritics, guided by OCR confidence: auto (if a model is found), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  ocr_cmd->add_option("--model", ocr.model_dir, "Restoration model directory");
  ocr_cmd->add_option("--jobs", ocr.jobs, "Pages read at once (default: one per core)");
  ocr_cmd->add_option("--preprocess", ocr.preprocess,
                      "Leptonica steps: despeckle,deskew,scale (default), background, binarize, or none");

  vnplan::CompareOptions comparing;
  CLI::App* cmp = app.add_subcommand(
      "compare", "Plans side by side: one self-contained HTML report and/or JSON");
  cmp->add_option("PLAN", comparing.plans, "Two or more plan JSON files")->required();
  cmp->add_option("--html", comparing.html, "Write the report here");
  cmp->add_option("--json", comparing.json, "Write the comparison as JSON here ('-': stdout)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : vnplan::kExitUsage;
  }
  if (cmd->parsed()) {
    extract.model_dir = vnplan::ModelDir(extract_model, exe_dir);
    extract.progress_bar = isatty(2) != 0;
    return vnplan::RunExtract(extract, std::cin, std::cout, std::cerr);
  }
  if (rst->parsed()) {
    restore.model_dir = vnplan::ModelDir(restore.model_dir, exe_dir);
    return vnplan::RunRestore(restore, std::cin, std::cout, std::cerr);
  }
  if (trn->parsed()) return vnplan::RunTrain(train, std::cout, std::cerr);
  if (exp->parsed()) return vnplan::RunExport(exporting, std::cout, std::cerr);
  if (cmp->parsed()) return vnplan::RunCompare(comparing, std::cout, std::cerr);
  if (ocr_cmd->parsed()) {
    ocr.model_dir = vnplan::ModelDir(ocr.model_dir, exe_dir);
    return vnplan::RunOcr(ocr, std::cin, std::cout, std::cerr);
  }
  return vnplan::kExitUsage;
}
