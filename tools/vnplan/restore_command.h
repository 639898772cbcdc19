// `vnplan restore`, and where every command looks for the models.
#ifndef VNPLAN_TOOLS_VNPLAN_RESTORE_COMMAND_H_
#define VNPLAN_TOOLS_VNPLAN_RESTORE_COMMAND_H_

#include <iosfwd>
#include <string>

#include "tools/vnplan/exit_code.h"

namespace vnplan {

// Where models live: the --model option, else $VNPLAN_MODEL_DIR, else
// "models" beside the vnplan executable.
std::string ModelDir(const std::string& option, const std::string& executable_dir);

struct RestoreCommandOptions {
  std::string input = "-";
  std::string output;  // empty = standard output
  std::string model_dir;
  bool explain = false;
};

// Prints the restored text, line for line; --explain lists each change
// with its score margin on stderr.
int RunRestore(const RestoreCommandOptions& options, std::istream& in, std::ostream& out,
               std::ostream& err);

}  // namespace vnplan

#endif  // VNPLAN_TOOLS_VNPLAN_RESTORE_COMMAND_H_
