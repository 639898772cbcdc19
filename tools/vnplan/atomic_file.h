// The one writer of every command's output. A reader never sees half a file:
// a regular file is written beside the target, flushed, then renamed over
// it. A symbolic link is followed (the file it names is replaced, the link
// stays); a FIFO or a device (/dev/stdout, /dev/null) is written in place,
// since renaming over it would replace it; a directory is refused.
#ifndef VNPLAN_TOOLS_VNPLAN_ATOMIC_FILE_H_
#define VNPLAN_TOOLS_VNPLAN_ATOMIC_FILE_H_

#include <iosfwd>
#include <string>
#include <string_view>

namespace vnplan {

// Returns "" on success, else a message naming the path and the reason.
std::string WriteFileAtomically(const std::string& path, std::string_view data);

// Writes a command's result to `output`, or to `out` when it is empty or
// "-" (checked and flushed: a full disk or /dev/full is an error). Returns
// the exit code (kExitOk or kExitOutputFailed) and says why on `err`.
int WriteResult(const std::string& output, std::string_view data, std::ostream& out,
                std::ostream& err);

}  // namespace vnplan

#endif  // VNPLAN_TOOLS_VNPLAN_ATOMIC_FILE_H_
