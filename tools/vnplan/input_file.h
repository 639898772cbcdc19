// Reading one input (a file, or standard input for "-") whole, with a size
// limit and a one-line reason when it cannot be read. Shared by the commands.
#ifndef VNPLAN_CLI_INPUT_FILE_H_
#define VNPLAN_CLI_INPUT_FILE_H_

#include <cstddef>
#include <iosfwd>
#include <ostream>
#include <optional>
#include <string>

namespace vnplan {

// The bytes of `path` ("-": all of `in`); nullopt with `error` set when it
// is missing, a directory, unreadable or over `limit` bytes.
std::optional<std::string> ReadInput(const std::string& path, std::istream& in,
                                     std::size_t limit, std::string& error);

// ReadInput for a command with one input: on failure, says why on `err`
// ("vnplan: PATH: reason").
std::optional<std::string> ReadInputOrSay(const std::string& path, std::istream& in,
                                          std::size_t limit, std::ostream& err);

}  // namespace vnplan

#endif  // VNPLAN_CLI_INPUT_FILE_H_
