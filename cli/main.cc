// vnplan: Vietnamese administrative plans to structured JSON.
// The command line only parses options and hands over to the commands.
#include <CLI/CLI.hpp>

#include <iostream>

#include "extract_command.h"

int main(int argc, char** argv) {
  CLI::App app{
      "vnplan: turns Vietnamese administrative plans (Kế hoạch) into structured JSON.\n"
      "Exit codes: 0 ok, 1 an input was unreadable or not UTF-8 text (the others\n"
      "are still written), 2 bad command line, 3 the output could not be written."};
  app.set_version_flag("--version", std::string("vnplan 0.1.0"));
  app.require_subcommand(1);

  vnplan::ExtractOptions extract;
  CLI::App* cmd = app.add_subcommand(
      "extract", "Read plan text files and print the contract's JSON (one object per plan)");
  cmd->add_option("FILE", extract.inputs, "Plan text files (UTF-8); '-' reads standard input")
      ->required();
  cmd->add_option("--format", extract.format, "json (one object, or an array for several files) or jsonl")
      ->check(CLI::IsMember({"json", "jsonl"}));
  cmd->add_option("-o,--output", extract.output,
                  "Write to this file (atomically) instead of standard output");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : vnplan::kExitUsage;
  }
  if (cmd->parsed()) return vnplan::RunExtract(extract, std::cin, std::cout, std::cerr);
  return vnplan::kExitUsage;
}
