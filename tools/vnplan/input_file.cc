#include "tools/vnplan/input_file.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <istream>
#include <iterator>

namespace vnplan {

namespace fs = std::filesystem;

std::optional<std::string> ReadInput(const std::string& path, std::istream& in,
                                     std::size_t limit, std::string& error) {
  std::string bytes;
  if (path == "-") {
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  } else {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      error = "is a directory";
      return std::nullopt;
    }
    std::ifstream file(path, std::ios::binary);
    if (!file) {
      error = "cannot open (" + std::string(std::strerror(errno)) + ")";
      return std::nullopt;
    }
    const auto size = fs::file_size(path, ec);
    if (!ec && size > limit) {
      error = "too large (" + std::to_string(size) + " bytes; the limit is " +
              std::to_string(limit) + ")";
      return std::nullopt;
    }
    bytes.assign(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
    if (file.bad()) {
      error = "read error";
      return std::nullopt;
    }
  }
  if (bytes.size() > limit) {
    error = "too large (limit " + std::to_string(limit) + " bytes)";
    return std::nullopt;
  }
  return bytes;
}

}  // namespace vnplan
