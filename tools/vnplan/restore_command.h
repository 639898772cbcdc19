// `vnplan restore`, and where every command looks for the models.
#ifndef VNPLAN_TOOLS_VNPLAN_RESTORE_COMMAND_H_
#define VNPLAN_TOOLS_VNPLAN_RESTORE_COMMAND_H_

#include <iosfwd>
#include <string>

#include "tools/vnplan/exit_code.h"
#include "vnplan/status.h"

namespace vnplan {

// Where models live: the --model option, else $VNPLAN_MODEL_DIR, else
// "models" beside the vnplan executable (a build tree), else
// ../share/vnplan/models from it (an installed vnplan: bin/vnplan and the
// models under one prefix, wherever it was copied). kModelMissing naming
// the places looked at when none of them is a folder: a copied binary
// without its models must not quietly stop restoring.
Status FindModelDir(const std::string& option, const std::string& executable_dir, std::string* dir);

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
