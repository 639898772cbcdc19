// `cmake --install` into an empty folder gives a vnplan that works from any
// directory: it finds its models, its man page renders, bash completes its
// commands and options, and other projects find its libraries through CMake
// and pkg-config. Also the command line's own behaviour (exit codes, the
// suggestion for a mistyped command), run as a user would.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <filesystem>
#include <algorithm>
#include <cctype>
#include <set>
#include <sstream>

#include "tests/support/test_support.h"
#include "vnplan/pipeline.h"

namespace vnplan {
namespace {

namespace fs = std::filesystem;

struct ProgramRun {
  int code;
  std::string out;  // standard output and error together
};

ProgramRun Shell(const std::string& command) {
  ProgramRun run{-1, ""};
  FILE* pipe = popen(("(" + command + ") 2>&1").c_str(), "r");
  if (pipe == nullptr) return run;
  char buf[4096];
  for (size_t n; (n = fread(buf, 1, sizeof buf, pipe)) > 0;) run.out.append(buf, n);
  const int status = pclose(pipe);
  run.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

std::string Quote(const std::string& s) { return "'" + s + "'"; }

// The install prefix, made once per test process; empty (with the reason in
// *why) when the build has no models to install.
std::string Installed(std::string* why) {
  static std::string prefix, problem;
  static bool done = false;
  if (!done) {
    done = true;
    if (!fs::exists(std::string(VNPLAN_BUILD_DIR) + "/models/domain.lm")) {
      problem = "no models in the build tree (scripts/build_models.sh)";
    } else {
      const std::string dir = testing::OutputDir() + "/prefix";
      const ProgramRun run = Shell("cmake --install " + Quote(VNPLAN_BUILD_DIR) + " --prefix " + Quote(dir));
      if (run.code == 0) prefix = dir;
      else problem = "cmake --install failed: " + run.out;
    }
  }
  *why = problem;
  return prefix;
}

// Runs the installed vnplan from a folder that is neither the build nor
// the prefix, with no model location in the environment.
ProgramRun Vnplan(const std::string& binary, const std::string& args) {
  const std::string elsewhere = testing::OutputDir() + "/elsewhere";
  fs::create_directories(elsewhere);
  return Shell("cd " + Quote(elsewhere) + " && env -u VNPLAN_MODEL_DIR " + Quote(binary) + " " + args);
}

#define INSTALL_OR_SKIP(prefix)                                   \
  std::string why;                                                \
  const std::string prefix = Installed(&why);                     \
  if (prefix.empty() && why.rfind("no models", 0) == 0) GTEST_SKIP() << why; \
  ASSERT_FALSE(prefix.empty()) << why

TEST(Install, TheInstalledBinaryRestoresFromAnyDirectory) {
  INSTALL_OR_SKIP(prefix);
  const std::string plan = testing::SourcePath("corpus/001-binh-chanh-2023.ocr.txt");
  const ProgramRun run = Vnplan(prefix + "/bin/vnplan", "extract --restore always " + Quote(plan));
  ASSERT_EQ(run.code, 0) << run.out;
  EXPECT_NE(run.out.find("\"applied\": true"), std::string::npos) << run.out.substr(0, 2000);
  EXPECT_NE(run.out.find("; models "), std::string::npos);  // the pipeline names its models
  // The models are copies, not links back into the build tree.
  for (const char* model : {"domain.lm", "background.lm"}) {
    const fs::path path = prefix + "/share/vnplan/models/" + model;
    EXPECT_TRUE(fs::is_regular_file(fs::symlink_status(path))) << path;
    EXPECT_FALSE(fs::is_symlink(path.parent_path())) << path;
  }
  const ProgramRun version = Vnplan(prefix + "/bin/vnplan", "--version");
  EXPECT_EQ(version.out, std::string("vnplan ") + Version() + "\n");
}

TEST(Install, ABinaryCopiedWithoutItsModelsSaysSoAndExitsFour) {
  INSTALL_OR_SKIP(prefix);
  const std::string lonely = testing::OutputDir() + "/lonely";
  fs::create_directories(lonely);
  fs::copy_file(prefix + "/bin/vnplan", lonely + "/vnplan", fs::copy_options::overwrite_existing);
  const std::string plan = Quote(testing::SourcePath("corpus/003-dak-nong-2023.txt"));
  const ProgramRun run = Vnplan(lonely + "/vnplan", "extract " + plan);
  EXPECT_EQ(run.code, 4) << run.out;
  EXPECT_NE(run.out.find("no restoration models in " + lonely + "/models"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("--restore never"), std::string::npos) << run.out;
  EXPECT_EQ(Vnplan(lonely + "/vnplan", "extract --restore never " + plan + " >/dev/null").code, 0);
  const ProgramRun pointed = Vnplan(lonely + "/vnplan", "extract --model " + Quote(prefix + "/share/vnplan/models") +
                                                     " " + plan + " >/dev/null");
  EXPECT_EQ(pointed.code, 0) << pointed.out;
}

TEST(Install, TheManPageRenders) {
  INSTALL_OR_SKIP(prefix);
  const ProgramRun man = Shell("MANPAGER=cat MANWIDTH=80 man -l " + Quote(prefix + "/share/man/man1/vnplan.1") +
                        " 2>&1");
  ASSERT_EQ(man.code, 0) << man.out;
  for (const char* part : {"NAME", "SYNOPSIS", "EXIT STATUS", "VNPLAN_MODEL_DIR", "share/vnplan/models"})
    EXPECT_NE(man.out.find(part), std::string::npos) << part;
  EXPECT_NE(man.out.find(std::string("vnplan ") + Version()), std::string::npos) << man.out.substr(0, 400);
  EXPECT_EQ(man.out.find("troff:"), std::string::npos) << man.out;  // no groff complaint
}

// What bash offers after `vnplan WORDS` (the last word being completed),
// through the installed completion script.
std::set<std::string> Completions(const std::string& prefix, const std::string& words) {
  const std::string harness = testing::OutputDir() + "/complete.sh";
  testing::WriteFile(harness, "source '" + prefix + "/share/bash-completion/completions/vnplan'\n"
                              "COMP_WORDS=(vnplan " + words + ")\n"
                              "COMP_CWORD=$((${#COMP_WORDS[@]} - 1))\n"
                              "_vnplan\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n");
  const ProgramRun run = Shell("bash " + Quote(harness));
  std::set<std::string> offered;
  std::istringstream lines(run.out);
  for (std::string line; std::getline(lines, line);)
    if (!line.empty()) offered.insert(line);
  return offered;
}

// The commands `vnplan --help` lists under "Subcommands:" (no std::regex:
// GCC 12 warns inside it under ASan).
std::set<std::string> HelpCommands(const std::string& help) {
  std::set<std::string> commands;
  std::istringstream lines(help.substr(help.find("Subcommands:")));
  std::string line;
  std::getline(lines, line);
  while (std::getline(lines, line) && line.rfind("  ", 0) == 0) {
    std::istringstream words(line);
    std::string command;
    words >> command;
    // A description's second line is indented too: a command is a lower-case word.
    if (!command.empty() && std::all_of(command.begin(), command.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
      commands.insert(command);
  }
  return commands;
}

// Every option ("-o", "--output") a command's --help names.
std::set<std::string> HelpOptions(const std::string& help) {
  std::set<std::string> options;
  for (size_t at = 0; (at = help.find('-', at)) != std::string::npos;) {
    const bool starts = at == 0 || help[at - 1] == ' ' || help[at - 1] == ',';
    size_t end = at;
    while (end < help.size() && (help[end] == '-' || std::islower(static_cast<unsigned char>(help[end])))) ++end;
    const std::string word = help.substr(at, end - at);
    if (starts && word.size() > 1 && word.back() != '-' && std::islower(static_cast<unsigned char>(word.back())))
      options.insert(word);
    at = end + 1;
  }
  return options;
}

TEST(Install, BashCompletesEveryCommandAndOption) {
  INSTALL_OR_SKIP(prefix);
  const std::string vnplan = prefix + "/bin/vnplan";
  const std::string help = Vnplan(vnplan, "--help").out;
  const std::set<std::string> commands = HelpCommands(help);
  ASSERT_GE(commands.size(), 6u) << help;
  const std::set<std::string> first = Completions(prefix, "''");
  for (const std::string& command : commands) {
    EXPECT_EQ(first.count(command), 1u) << command;
    EXPECT_EQ(Completions(prefix, command.substr(0, 3)).count(command), 1u) << command;
    const std::set<std::string> offered = Completions(prefix, command + " -");
    const std::string command_help = Vnplan(vnplan, command + " --help").out;
    for (const std::string& option : HelpOptions(command_help))
      EXPECT_EQ(offered.count(option), 1u) << command << " " << option;
  }
  EXPECT_EQ(Completions(prefix, "extract --restore ''"), (std::set<std::string>{"auto", "always", "never"}));
}

TEST(Install, OtherProjectsFindTheLibrariesThroughCMakeAndPkgConfig) {
  INSTALL_OR_SKIP(prefix);
  const std::string project = testing::OutputDir() + "/consumer";
  fs::create_directories(project);
  testing::WriteFile(project + "/CMakeLists.txt",
                     "cmake_minimum_required(VERSION 3.22)\nproject(consumer CXX)\n"
                     "set(CMAKE_CXX_STANDARD 20)\nfind_package(vnplan " + std::string(Version()) +
                         " REQUIRED)\nadd_executable(consumer main.cc)\n"
                         "target_link_libraries(consumer PRIVATE vnplan::vnplan_pipeline)\n"
                         "target_compile_definitions(consumer PRIVATE MODELS=\"${VNPLAN_MODEL_DIR}\")\n");
  testing::WriteFile(project + "/main.cc",
                     "#include <iostream>\n#include \"vnplan/pipeline.h\"\n"
                     "int main() {\n  vnplan::PipelineOptions options;\n  options.model_dir = MODELS;\n"
                     "  std::unique_ptr<vnplan::Pipeline> p;\n"
                     "  if (!vnplan::Pipeline::Open(options, &p).ok()) return 1;\n"
                     "  vnplan::Extraction e;\n"
                     "  if (!p->Extract(\"KẾ HOẠCH\\nI. MỤC ĐÍCH\\n1. Nâng cao chất lượng.\\n\", &e).ok()) return 2;\n"
                     "  std::cout << e.plan.sections.size() << \" \" << p->id() << \"\\n\";\n}\n");
  const ProgramRun build = Shell("cmake -S " + Quote(project) + " -B " + Quote(project + "/build") +
                          " -DCMAKE_PREFIX_PATH=" + Quote(prefix) + " >/dev/null && cmake --build " +
                          Quote(project + "/build") + " >/dev/null");
  ASSERT_EQ(build.code, 0) << build.out;
  const ProgramRun run = Shell(Quote(project + "/build/consumer"));
  EXPECT_EQ(run.code, 0) << run.out;
  EXPECT_EQ(run.out.rfind("1 vnplan ", 0), 0u) << run.out;
  EXPECT_NE(run.out.find("; models "), std::string::npos) << run.out;  // found the installed models
  const ProgramRun pc = Shell("PKG_CONFIG_PATH=" + Quote(prefix + "/lib/pkgconfig") +
                       " pkg-config --modversion vnplan");
  EXPECT_EQ(pc.out, std::string(Version()) + "\n");
}

TEST(CommandLine, AMistypedCommandGetsASuggestionAndExitsTwo) {
  const std::string vnplan = std::string(VNPLAN_BUILD_DIR) + "/vnplan";
  const ProgramRun typo = Shell(Quote(vnplan) + " extarct x.txt");
  EXPECT_EQ(typo.code, 2);
  EXPECT_NE(typo.out.find("unknown command 'extarct'; did you mean 'extract'?"), std::string::npos)
      << typo.out;
  const ProgramRun jobs = Shell(Quote(vnplan) + " extract -j 0 x.txt");
  EXPECT_EQ(jobs.code, 2) << jobs.out;
  EXPECT_NE(jobs.out.find("--jobs"), std::string::npos) << jobs.out;
  const ProgramRun steps = Shell(Quote(vnplan) + " ocr --preprocess deskewx missing.png");
  EXPECT_EQ(steps.code, 2) << steps.out;
  EXPECT_NE(steps.out.find("'deskewx'"), std::string::npos) << steps.out;
  // -q after the command too: a warning still shows, a note does not.
  const std::string empty = testing::OutputDir() + "/empty.txt";
  testing::WriteFile(empty, "");
  const ProgramRun quiet = Shell(Quote(vnplan) + " extract --restore never -q " + Quote(empty) + " >/dev/null");
  EXPECT_EQ(quiet.code, 0) << quiet.out;
  EXPECT_NE(quiet.out.find("warning: no numbered sections"), std::string::npos) << quiet.out;
}

}  // namespace
}  // namespace vnplan
