// The exit codes of every vnplan command (documented in the README and in
// `vnplan --help`), and the one mapping from a pipeline Status to them.
#ifndef VNPLAN_TOOLS_VNPLAN_EXIT_CODE_H_
#define VNPLAN_TOOLS_VNPLAN_EXIT_CODE_H_

#include "vnplan/status.h"

namespace vnplan {

enum ExitCode : int {
  kExitOk = 0,            // everything was read and written
  kExitInputFailed = 1,   // at least one input was unreadable or not text
  kExitUsage = 2,         // bad command line
  kExitOutputFailed = 3,  // the output could not be written
  kExitModelMissing = 4   // restoration was required but no model could be loaded
};

inline int ExitCodeOf(const Status& status) {
  switch (status.code()) {
    case Status::Code::kOk: return kExitOk;
    case Status::Code::kInvalidInput: return kExitInputFailed;
    case Status::Code::kInvalidArgument: return kExitUsage;
    case Status::Code::kModelMissing: return kExitModelMissing;
    case Status::Code::kIoError: return kExitOutputFailed;
  }
  return kExitInputFailed;
}

}  // namespace vnplan

#endif  // VNPLAN_TOOLS_VNPLAN_EXIT_CODE_H_
