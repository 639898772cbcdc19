// SHA-256 of a byte string, for "source.sha256": lets a reader (and the batch
// runner) tell whether a JSON belongs to exactly these input bytes.
#ifndef VNPLAN_CLI_SHA256_H_
#define VNPLAN_CLI_SHA256_H_

#include <string>
#include <string_view>

namespace vnplan {

// Lower-case hex digest (64 characters).
std::string Sha256Hex(std::string_view bytes);

}  // namespace vnplan

#endif  // VNPLAN_CLI_SHA256_H_
