#include "tools/vnplan/input_file.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <istream>

namespace vnplan {
namespace {

// Reads at most limit + 1 bytes, so an endless stream (/dev/zero, a pipe
// that never closes its end after sending too much) is refused once it
// passes the limit instead of filling memory.
bool ReadBounded(std::istream& in, std::size_t limit, std::string* bytes) {
  constexpr std::size_t kChunk = std::size_t{1} << 16;
  char buffer[kChunk];
  while (in) {
    in.read(buffer, kChunk);
    bytes->append(buffer, static_cast<std::size_t>(in.gcount()));
    if (bytes->size() > limit) return false;
  }
  return true;
}

std::string TooLarge(std::size_t limit) {
  return "too large (the limit is " + std::to_string(limit) + " bytes)";
}

}  // namespace

std::optional<std::string> ReadInput(const std::string& path, std::istream& in,
                                     std::size_t limit, std::string& error) {
  std::string bytes;
  if (path == "-") {
    if (!ReadBounded(in, limit, &bytes)) {
      error = TooLarge(limit);
      return std::nullopt;
    }
    return bytes;
  }
  struct stat info;
  if (stat(path.c_str(), &info) != 0) {
    error = "cannot open (" + std::string(std::strerror(errno)) + ")";
    return std::nullopt;
  }
  if (S_ISDIR(info.st_mode)) {
    error = "is a directory";
    return std::nullopt;
  }
  // A FIFO or a device named as an input could block a batch forever or
  // never end; standard input ('-') is the way to stream.
  if (!S_ISREG(info.st_mode)) {
    error = "not a regular file (use '-' to read a stream from standard input)";
    return std::nullopt;
  }
  if (static_cast<std::size_t>(info.st_size) > limit) {
    error = "too large (" + std::to_string(info.st_size) + " bytes; the limit is " +
            std::to_string(limit) + ")";
    return std::nullopt;
  }
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    error = "cannot open (" + std::string(std::strerror(errno)) + ")";
    return std::nullopt;
  }
  if (!ReadBounded(file, limit, &bytes)) {
    error = TooLarge(limit);
    return std::nullopt;
  }
  if (file.bad()) {
    error = "read error";
    return std::nullopt;
  }
  return bytes;
}

std::optional<std::string> ReadInputOrSay(const std::string& path, std::istream& in,
                                          std::size_t limit, std::ostream& err) {
  std::string error;
  std::optional<std::string> bytes = ReadInput(path, in, limit, error);
  if (!bytes) err << "vnplan: " << path << ": " << error << "\n";
  return bytes;
}

}  // namespace vnplan
