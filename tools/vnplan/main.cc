// vnplan: Vietnamese administrative plans to structured JSON.
// The command line only parses options and hands over to the commands.
#include <CLI/CLI.hpp>

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <vector>

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

constexpr const char* kModelHelp =
    "Restoration model directory (default: $VNPLAN_MODEL_DIR, else models beside vnplan, else\n"
    "../share/vnplan/models from it)";
constexpr const char* kGazetteerHelp =
    "Model directory whose gazetteer (places.tsv) names the province of a district's or commune's plan\n"
    "(default: as for extract; none found there: the issuer alone names it)";

// Levenshtein distance, for suggesting the command a slip meant.
size_t EditDistance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// --restore takes the names of the pipeline's one table of modes.
const auto kRestoreModeCheck = [](const std::string& name) -> std::string {
  vnplan::RestoreMode mode;
  return vnplan::ParseRestoreMode(name, &mode).message();
};

// What the chosen command returns, where the models are looked for, and
// how much the commands say (-q, -v: options of vnplan itself, accepted
// after the command too).
struct Context {
  std::string exe_dir;
  int exit_code = vnplan::kExitUsage;
  bool quiet = false, verbose = false;

  vnplan::Verbosity verbosity() const {
    return quiet ? vnplan::Verbosity::kQuiet
                 : verbose ? vnplan::Verbosity::kVerbose : vnplan::Verbosity::kNormal;
  }

  // The model folder for a command that restores as `mode` asks; false,
  // with exit code 4 and the reason said, when restoring was not turned off
  // and no folder is found.
  bool FindModels(const std::string& option, vnplan::RestoreMode mode, std::string* dir) {
    const vnplan::Status found = vnplan::FindModelDir(option, exe_dir, dir);
    if (found.ok() || mode == vnplan::RestoreMode::kNever) return true;
    std::cerr << "vnplan: " << found.message() << "\n";
    exit_code = vnplan::ExitCodeOf(found);
    return false;
  }
};

// How scans are read, with OCRmyPDF's names, on `extract` and `ocr`.
void AddOcrReading(CLI::App* cmd, vnplan::OcrOptions* ocr) {
  using vnplan::PdfReading;
  cmd->add_option("-l,--language", ocr->languages,
                  "Tesseract languages, joined by '+' (default: vie)");
  cmd->add_option_function<std::string>(
         "--pages", [ocr](const std::string& list) { vnplan::ParsePageRanges(list, &ocr->pages); },
         "Read only these pages of a scan: 1-3,5,8-")
      ->check(CLI::Validator(
          [](std::string& list) {
            std::vector<std::pair<int, int>> ranges;
            return vnplan::ParsePageRanges(list, &ranges).message();
          },
          "PAGES"));
  CLI::Option* force = cmd->add_flag_callback(
      "--force-ocr", [ocr] { ocr->pdf_reading = PdfReading::kOcr; },
      "OCR every PDF page, even one with a text layer (kept aside)");
  CLI::Option* skip = cmd->add_flag_callback(
      "--skip-text", [ocr] { ocr->pdf_reading = PdfReading::kTextLayer; },
      "Take the text layer of every PDF page that has one; OCR only pages without");
  CLI::Option* redo = cmd->add_flag_callback(
      "--redo-ocr", [ocr] { ocr->pdf_reading = PdfReading::kRedoOcr; },
      "Take a PDF's text layer for another tool's OCR: restore its marks as OCR output");
  force->excludes(skip)->excludes(redo);
  skip->excludes(redo);
  // The limits a hostile or mistaken input meets (README, "Inputs and outputs").
  cmd->add_option("--max-pages", ocr->max_pages, "Refuse a scan of more pages than this (default 1000)")
      ->check(CLI::Range(1, 1000000));
  cmd->add_option_function<long long>(
         "--max-megapixels", [ocr](long long mp) { ocr->max_pixels = mp * 1'000'000; },
         "Refuse a page of more million pixels than this, from its header (default 150)")
      ->check(CLI::Range(1, 10000));
  cmd->add_option_function<long long>(
         "--max-total-megapixels", [ocr](long long mp) { ocr->max_total_pixels = mp * 1'000'000; },
         "Refuse a scan whose pages hold more million pixels than this in all (default 10000)")
      ->check(CLI::Range(1, 10000000));
}

// -j N, --jobs N: at least one worker; 256 already starts more Tesseracts
// (about 65 MB each) than a large server has cores.
void AddJobs(CLI::App* cmd, int& jobs, const std::string& what) {
  cmd->add_option("-j,--jobs", jobs, what + " (default: one per core)")->check(CLI::Range(1, 256));
}

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
  cmd->add_option("--model", *model, kModelHelp);
  AddJobs(cmd, options->jobs, "Plans processed at once in a batch");
  cmd->add_flag("--force", options->force, "Redo plans whose output is already current");
  cmd->add_flag("--searchable-pdf", options->searchable_pdf,
                "With -o OUTDIR/: each scan's searchable PDF beside its JSON (OUTDIR/a.json, OUTDIR/a.pdf)");
  AddOcrReading(cmd, &options->ocr);
  cmd->add_option_function<std::size_t>(
         "--max-input-mib", [options](std::size_t mib) { options->max_input_bytes = mib << 20; },
         "Refuse an input larger than this many MiB (default 256)")
      ->check(CLI::Range(1, 65536));
  auto no_progress = std::make_shared<bool>(false);
  cmd->add_flag("--no-progress", *no_progress, "No progress bar in a batch, even on a terminal");
  cmd->add_option("--manifest", options->manifest, "More inputs, one path a line (a cluster's list)");
  cmd->add_option("--shard", options->shard, "K/N: only the K-th of N shards of the inputs (1 <= K <= N)");
  cmd->add_option("--db", options->db, "Also add each plan to this catalogue (vnplan catalogue)");
  cmd->callback([=, &context] {
    if (options->inputs.empty() && options->manifest.empty())
      throw CLI::ValidationError("FILE", "extract needs files or --manifest");
    vnplan::ParseRestoreMode(*restore, &options->restore);
    if (!context.FindModels(*model, options->restore, &options->model_dir)) return;
    options->progress_bar = isatty(2) != 0 && !*no_progress;
    options->verbosity = context.verbosity();
    context.exit_code = vnplan::RunExtract(*options, std::cin, std::cout, std::cerr);
  });
}

void AddRestore(CLI::App& app, Context& context) {
  auto options = std::make_shared<vnplan::RestoreCommandOptions>();
  CLI::App* cmd = app.add_subcommand(
      "restore", "Give Vietnamese text its diacritics back; line k out is line k in");
  cmd->add_option("FILE", options->input, "UTF-8 text; '-' (default) reads standard input");
  cmd->add_option("-o,--output", options->output, "Write to this file (atomically)");
  cmd->add_option("--model", options->model_dir, kModelHelp);
  cmd->add_flag("--explain", options->explain, "List every change with its score margin on stderr");
  cmd->callback([=, &context] {
    if (!context.FindModels(options->model_dir, vnplan::RestoreMode::kAlways, &options->model_dir))
      return;
    context.exit_code = vnplan::RunRestore(*options, std::cin, std::cout, std::cerr);
  });
}

void AddTrain(CLI::App& app, Context& context) {
  auto options = std::make_shared<vnplan::TrainOptions>();
  CLI::App* cmd = app.add_subcommand(
      "train", "Train the restoration models from verified plans (texts with their diacritics)");
  cmd->add_option("INPUT", options->inputs,
                  "Plans (text, markdown, vnplan JSON with verified text) or folders of them");
  cmd->add_option("-o,--output", options->output_dir, "Model directory to write")->required();
  cmd->add_option("--background", options->background,
                  "General Vietnamese text for the background model (scripts/prepare_background.sh)");
  cmd->add_option("--words", options->words,
                  "Word list for the background model, one entry a line (\"tư tưởng\"): its syllables become known, an entry of several learnt together");
  cmd->add_option("--channel", options->channel_pairs,
                  "Word pairs CLEAN<TAB>OCR (scripts/learn_channel.py): write channel.tsv");
  cmd->add_option("--digits", options->digits,
                  "Digit file of scripts/mnist_digits.py: write digits.bin, the handwritten digits' model");
  cmd->callback([=, &context] { context.exit_code = vnplan::RunTrain(*options, std::cout, std::cerr); });
}

void AddExport(CLI::App& app, Context& context) {
  auto options = std::make_shared<vnplan::ExportOptions>();
  CLI::App* cmd = app.add_subcommand(
      "export", "Plan JSON to CSV (UTF-8 with BOM), an Excel workbook or an iCalendar file");
  cmd->add_option("PLAN", options->plans, "Plan JSON files from vnplan extract")->required();
  cmd->add_option("--csv", options->csv, "One row per item: deadlines, assignments or targets")
      ->check(CLI::IsMember({"deadlines", "assignments", "targets"}));
  cmd->add_option("--delimiter", options->delimiter, "CSV field separator: ',' (default), ';' or tab");
  cmd->add_flag("--xlsx", options->xlsx, "Excel workbook: a sheet each for deadlines, assignments, targets");
  cmd->add_flag("--ics", options->ics, "RFC 5545 calendar of the deadlines");
  cmd->add_option("-o,--output", options->output, "Write to this file (atomically)");
  cmd->add_option("--model", options->model_dir, kGazetteerHelp);
  cmd->callback([=, &context] {
    options->model_named = !options->model_dir.empty();
    if (!context.FindModels(options->model_dir, vnplan::RestoreMode::kNever, &options->model_dir)) return;
    context.exit_code = vnplan::RunExport(*options, std::cout, std::cerr);
  });
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
  cmd->add_option("--model", options->model_dir, kModelHelp);
  AddJobs(cmd, options->jobs, "Pages read at once");
  AddOcrReading(cmd, &options->ocr);
  cmd->add_option("--pdf", options->pdf,
                  "Also write a searchable PDF: the page images with the restored words as an invisible text layer");
  cmd->add_option("--preprocess", options->preprocess,
                  "Leptonica steps: despeckle,deskew,scale (default), background, binarize, or none")
      ->check([](const std::string& names) {  // refused before any page is read
        vnplan::OcrSteps steps;
        return vnplan::ParseOcrSteps(names, &steps).message();
      });
  cmd->callback([=, &context] {
    vnplan::ParseRestoreMode(*restore, &options->restore);
    if (!context.FindModels(options->model_dir, options->restore, &options->model_dir)) return;
    options->verbosity = context.verbosity();
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
  cmd->add_option("--model", options->model_dir, kGazetteerHelp);
  cmd->callback([=, &context] {
    options->model_named = !options->model_dir.empty();
    if (!context.FindModels(options->model_dir, vnplan::RestoreMode::kNever, &options->model_dir)) return;
    context.exit_code = vnplan::RunCompare(*options, std::cout, std::cerr);
  });
}

// "unknown command 'extarct'; did you mean 'extract'?": the first word
// that is not an option must name a command. Returns false after saying so.
bool KnownCommand(CLI::App& app, int argc, char** argv) {
  int first = 1;
  while (first < argc && argv[first][0] == '-') ++first;  // vnplan's own options take no values
  if (first >= argc) return true;
  const std::string word = argv[first];
  std::string closest;
  size_t best = 3;  // two edits at most: a slip, not another word
  for (const CLI::App* sub : app.get_subcommands({})) {
    if (sub->get_name() == word) return true;
    if (const size_t d = EditDistance(word, sub->get_name()); d < best) best = d, closest = sub->get_name();
  }
  std::cerr << "vnplan: unknown command '" << word << "'";
  if (!closest.empty()) std::cerr << "; did you mean '" << closest << "'?";
  std::cerr << "\nRun 'vnplan --help' for the commands.\n";
  return false;
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
  CLI::App app{
      "vnplan: turns Vietnamese administrative plans (Kế hoạch) into structured JSON.\n"
      "Exit codes: 0 ok, 1 an input was unreadable or not UTF-8 text (the others are\n"
      "still written), 2 bad command line, 3 the output could not be written,\n"
      "4 a model is missing: no restoration models (and --restore never not given),\n"
      "or Tesseract's language data."};
  app.set_version_flag("--version", std::string("vnplan ") + vnplan::Version());
  app.require_subcommand(1);
  app.fallthrough();  // -q and -v after the command as well
  Context context;
  context.exe_dir = ExecutableDir(argv[0]);
  auto* quiet = app.add_flag("-q,--quiet", context.quiet, "Say only warnings and errors");
  app.add_flag("-v,--verbose", context.verbose, "Say more: every file done, with its time")
      ->excludes(quiet);
  AddExtract(app, context);
  AddRestore(app, context);
  AddTrain(app, context);
  AddExport(app, context);
  AddOcr(app, context);
  AddCompare(app, context);
  AddCatalogueCommands(app, context);
  if (!KnownCommand(app, argc, argv)) return vnplan::kExitUsage;
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : vnplan::kExitUsage;
  }
  return context.exit_code;
}
