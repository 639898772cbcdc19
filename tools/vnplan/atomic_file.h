// Writing output so that a reader never sees half a file: write a temporary
// file beside the target, flush it, then rename it over the target.
#ifndef VNPLAN_CLI_ATOMIC_FILE_H_
#define VNPLAN_CLI_ATOMIC_FILE_H_

#include <string>
#include <string_view>

namespace vnplan {

// Returns "" on success, else a message naming the path and the reason.
std::string WriteFileAtomically(const std::string& path, std::string_view data);

}  // namespace vnplan

#endif  // VNPLAN_CLI_ATOMIC_FILE_H_
