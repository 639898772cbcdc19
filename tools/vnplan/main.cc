// vnplan: Vietnamese administrative plans to structured JSON.
// The command line only parses options and hands over to the commands.
#include <CLI/CLI.hpp>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>

#include "tools/vnplan/extract_command.h"
#include "tools/vnplan/ocr_command.h"
#include "tools/vnplan/compare_command.h"
#include "tools/vnplan/export_command.h"
#include "tools/vnplan/restore_command.h"
#include "tools/vnplan/train_command.h"
#include "tools/vnplan/catalogue_command.h"
#include "tools/vnplan/search_command.h"

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

// --restore takes the names of the pipeline's one table of modes.
const auto kRestoreModeCheck = [](const std::string& name) -> std::string {
  vnplan::RestoreMode mode;
  return vnplan::ParseRestoreMode(name, &mode).message();
};

// What the chosen command returns, and where the models are looked for.
struct Context {
  std::string exe_dir;
  int exit_code = vnplan::kExitUsage;
};

void AddExtract(CLI::App& app, Context& context) {
  auto options = std::make_shared<vnplan::ExtractOptions>();
  auto model = std::make_shared<std::string>();
  auto restore = std::make_shared<std::string>("auto");
  CLI::App* cmd = app.add_subcommand(
      "extract",
      "Read plans and write the contract's JSON: to stdout (one object, or an array), or with\n"
      "-o OUTDIR/ (or a folder of plans) one JSON per plan, in parallel, resumable");
  cmd->add_option("FILE", options->inputs, "Plan text files (UTF-8); '-' reads standard input");
  cmd->add_option("--format", options->format, "json (one object, or an array for several files) or jsonl")
      ->check(CLI::IsMember({"json", "jsonl"}));
  cmd->add_option("-o,--output", options->output,
                  "Write to this file (atomically) instead of standard output");
  cmd->add_option("--restore", *restore,
                  "Give diacritics back first: auto (when the text has lost them, and after OCR), always, never")
      ->check(kRestoreModeCheck);
  cmd->add_option("--model", *model, "Restoration model directory (default: models beside vnplan)");
  cmd->add_option("--jobs", options->jobs, "Plans processed at once in a batch (default: one per core)")
      ->check(CLI::Range(1, 256));
  cmd->add_flag("--force", options->force, "Redo plans whose output is already current");
  cmd->add_option("--manifest", options->manifest, "More inputs, one path a line (a cluster's list)");
  cmd->add_option("--shard", options->shard, "K/N: only the K-th of N shards of the inputs (1 <= K <= N)");
  cmd->add_option("--db", options->db, "Also add each plan to this catalogue (vnplan catalogue)");
  cmd->callback([=, &context] {
    if (options->inputs.empty() && options->manifest.empty())
      throw CLI::ValidationError("FILE", "extract needs files or --manifest");
    options->model_dir = vnplan::ModelDir(*model, context.exe_dir);
    vnplan::ParseRestoreMode(*restore, &options->restore);
    options->progress_bar = isatty(2) != 0;
    context.exit_code = vnplan::RunExtract(*options, std::cin, std::cout, std::cerr);
  });
}

void AddRestore(CLI::App& app, Context& context) {
  auto options = std::make_shared<vnplan::RestoreCommandOptions>();
  CLI::App* cmd = app.add_subcommand(
      "restore", "Give Vietnamese text its diacritics back; line k out is line k in");
  cmd->add_option("FILE", options->input, "UTF-8 text; '-' (default) reads standard input");
  cmd->add_option("-o,--output", options->output, "Write to this file (atomically)");
  cmd->add_option("--model", options->model_dir, "Model directory (default: models beside vnplan)");
  cmd->add_flag("--explain", options->explain, "List every change with its score margin on stderr");
  cmd->callback([=, &context] {
    options->model_dir = vnplan::ModelDir(options->model_dir, context.exe_dir);
    context.exit_code = vnplan::RunRestore(*options, std::cin, std::cout, std::cerr);
  });
}

void AddTrain(CLI::App& app, Context& context) {
  auto options = std::make_shared<vnplan::TrainOptions>();
  CLI::App* cmd = app.add_subcommand(
      "train", "Train the restoration models from verified plans (texts with their diacritics)");
  cmd->add_option("INPUT", options->inputs, "Text files or folders of .txt files");
  cmd->add_option("-o,--output", options->output_dir, "Model directory to write")->required();
  cmd->add_option("--background", options->background,
                  "General Vietnamese text for the background model (scripts/prepare_background.sh)");
  cmd->add_option("--words", options->words, "Syllable list to add to the background model");
  cmd->add_option("--channel", options->channel_pairs,
                  "Word pairs CLEAN<TAB>OCR (scripts/learn_channel.py): write channel.tsv");
  cmd->callback([=, &context] { context.exit_code = vnplan::RunTrain(*options, std::cout, std::cerr); });
}

void AddExport(CLI::App& app, Context& context) {
  auto options = std::make_shared<vnplan::ExportOptions>();
  CLI::App* cmd = app.add_subcommand(
      "export", "Plan JSON to CSV (UTF-8 with BOM) or an iCalendar file of the deadlines");
  cmd->add_option("PLAN", options->plans, "Plan JSON files from vnplan extract")->required();
  cmd->add_option("--csv", options->csv, "One row per item: deadlines, assignments or targets")
      ->check(CLI::IsMember({"deadlines", "assignments", "targets"}));
  cmd->add_flag("--ics", options->ics, "RFC 5545 calendar of the deadlines");
  cmd->add_option("-o,--output", options->output, "Write to this file (atomically)");
  cmd->callback([=, &context] { context.exit_code = vnplan::RunExport(*options, std::cout, std::cerr); });
}

void AddOcr(CLI::App& app, Context& context) {
  auto options = std::make_shared<vnplan::OcrCommandOptions>();
  auto restore = std::make_shared<std::string>("auto");
  CLI::App* cmd = app.add_subcommand(
      "ocr", "The text of a scan (PNG, JPEG, TIFF) or PDF, pages separated by form feeds");
  cmd->add_option("FILE", options->input, "Image or PDF; '-' reads standard input")->required();
  cmd->add_option("-o,--output", options->output, "Write to this file (atomically)");
  cmd->add_option("--restore", *restore,
                  "Correct diacritics, guided by OCR confidence: auto (if a model is found), always, never")
      ->check(kRestoreModeCheck);
  cmd->add_option("--model", options->model_dir, "Restoration model directory");
  cmd->add_option("--jobs", options->jobs, "Pages read at once (default: one per core)")
      ->check(CLI::Range(1, 256));
  cmd->add_option("--preprocess", options->preprocess,
                  "Leptonica steps: despeckle,deskew,scale (default), background, binarize, or none");
  cmd->callback([=, &context] {
    options->model_dir = vnplan::ModelDir(options->model_dir, context.exe_dir);
    vnplan::ParseRestoreMode(*restore, &options->restore);
    context.exit_code = vnplan::RunOcr(*options, std::cin, std::cout, std::cerr);
  });
}

void AddCompare(CLI::App& app, Context& context) {
  auto options = std::make_shared<vnplan::CompareOptions>();
  CLI::App* cmd = app.add_subcommand(
      "compare", "Plans side by side: one self-contained HTML report and/or JSON");
  cmd->add_option("PLAN", options->plans, "Two or more plan JSON files")->required();
  cmd->add_option("--html", options->html, "Write the report here");
  cmd->add_option("--json", options->json, "Write the comparison as JSON here ('-': stdout)");
  cmd->callback([=, &context] { context.exit_code = vnplan::RunCompare(*options, std::cout, std::cerr); });
}

// `catalogue add`, `search` and `deadlines`: the archive's commands.
void AddCatalogueCommands(CLI::App& app, Context& context) {
  auto add = std::make_shared<vnplan::CatalogueAddOptions>();
  CLI::App* catalogue = app.add_subcommand("catalogue", "A searchable SQLite catalogue of plans");
  catalogue->require_subcommand(1);
  CLI::App* cmd = catalogue->add_subcommand(
      "add", "Add plan JSON files (or folders of them); each plan is one transaction, and a plan\n"
             "already there from the same file or input is replaced");
  cmd->add_option("PLAN", add->plans, "Plan JSON files from vnplan extract, or folders")->required();
  cmd->add_option("--db", add->db, "The catalogue (SQLite) file; made when missing")->required();
  cmd->add_flag("--force", add->force, "Re-add plans the catalogue already holds unchanged");
  cmd->callback([=, &context] { context.exit_code = vnplan::RunCatalogueAdd(*add, std::cerr); });

  auto search = std::make_shared<vnplan::SearchOptions>();
  cmd = app.add_subcommand("search", "Find plans in a catalogue by their words, with or without marks");
  cmd->add_option("QUERY", search->query.words, "Words that must all be on one line")->required();
  cmd->add_option("--type", search->query.type, "Part of the document type (\"ke hoach\")");
  cmd->add_option("--issuer", search->query.issuer, "Part of the issuer's name");
  cmd->add_option("--place", search->query.place, "Part of the place name");
  cmd->add_option("--from", search->query.from, "Plans dated (or with a period) from YYYY-MM-DD");
  cmd->add_option("--to", search->query.to, "Plans dated (or with a period) up to YYYY-MM-DD");
  cmd->add_option("--limit", search->query.limit, "Plans shown (default 20)")->check(CLI::Range(1, 10000));
  cmd->add_option("--format", search->format, "text or jsonl")->check(CLI::IsMember({"text", "jsonl"}));
  cmd->add_option("--db", search->db, "The catalogue file")->required();
  cmd->callback([=, &context] { context.exit_code = vnplan::RunSearch(*search, std::cout, std::cerr); });

  auto deadlines = std::make_shared<vnplan::DeadlinesOptions>();
  cmd = app.add_subcommand("deadlines", "Every deadline of a catalogue's plans in a span, recurring ones expanded");
  cmd->add_option("--from", deadlines->from, "First day, YYYY-MM-DD")->required();
  cmd->add_option("--to", deadlines->to, "Last day, YYYY-MM-DD")->required();
  cmd->add_option("--db", deadlines->db, "The catalogue file")->required();
  cmd->callback([=, &context] { context.exit_code = vnplan::RunDeadlines(*deadlines, std::cout, std::cerr); });
}

}  // namespace

int main(int argc, char** argv) {
  LimitOpenMpThreads(argv);
  CLI::App app{
      "vnplan: turns Vietnamese administrative plans (Kế hoạch) into structured JSON.\n"
      "Exit codes: 0 ok, 1 an input was unreadable or not UTF-8 text (the others are\n"
      "still written), 2 bad command line, 3 the output could not be written,\n"
      "4 restoration was required but no model could be loaded."};
  app.set_version_flag("--version", std::string("vnplan ") + vnplan::Version());
  app.require_subcommand(1);
  Context context;
  context.exe_dir = ExecutableDir(argv[0]);
  AddExtract(app, context);
  AddRestore(app, context);
  AddTrain(app, context);
  AddExport(app, context);
  AddOcr(app, context);
  AddCompare(app, context);
  AddCatalogueCommands(app, context);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : vnplan::kExitUsage;
  }
  return context.exit_code;
}
