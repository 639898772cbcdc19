#include "tools/vnplan/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <ostream>

#include "tools/vnplan/exit_code.h"

namespace vnplan {
namespace {

// Writes all of `data` to `fd`; "" or the reason it stopped.
std::string WriteAll(int fd, std::string_view data) {
  size_t written = 0;
  while (written < data.size()) {
    const ssize_t n = write(fd, data.data() + written, data.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      return std::strerror(errno);
    }
    written += static_cast<size_t>(n);
  }
  return "";
}

std::string WriteInPlace(const std::string& path, std::string_view data) {
  const int fd = open(path.c_str(), O_WRONLY);
  if (fd < 0) return "cannot write " + path + ": " + std::strerror(errno);
  std::string reason = WriteAll(fd, data);
  if (close(fd) != 0 && reason.empty()) reason = std::strerror(errno);
  return reason.empty() ? "" : "cannot write " + path + ": " + reason;
}

std::string ReplaceFile(const std::string& path, std::string_view data) {
  std::string temp = path + ".tmp.XXXXXX";
  const int fd = mkstemp(temp.data());
  if (fd < 0) return "cannot create a file next to " + path + ": " + std::strerror(errno);
  std::string reason = WriteAll(fd, data);
  fchmod(fd, 0644);
  if (reason.empty() && fsync(fd) != 0) reason = std::strerror(errno);
  if (close(fd) != 0 && reason.empty()) reason = std::strerror(errno);
  if (reason.empty() && std::rename(temp.c_str(), path.c_str()) != 0) reason = std::strerror(errno);
  if (reason.empty()) return "";
  unlink(temp.c_str());
  return "cannot write " + path + ": " + reason;
}

}  // namespace

std::string WriteFileAtomically(const std::string& path, std::string_view data) {
  std::error_code ec;
  std::string target = path;
  if (std::filesystem::is_symlink(path, ec)) {
    target = std::filesystem::weakly_canonical(path, ec).string();
    if (ec) return "cannot write " + path + ": the link's target cannot be resolved";
  }
  struct stat info;
  if (stat(target.c_str(), &info) == 0) {
    if (S_ISDIR(info.st_mode)) return "cannot write " + path + ": is a directory";
    if (!S_ISREG(info.st_mode)) return WriteInPlace(target, data);
  }
  return ReplaceFile(target, data);
}

int WriteResult(const std::string& output, std::string_view data, std::ostream& out,
                std::ostream& err) {
  if (output.empty() || output == "-") {
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
    out.flush();
    if (out) return kExitOk;
    err << "vnplan: cannot write to standard output\n";
    return kExitOutputFailed;
  }
  if (std::string problem = WriteFileAtomically(output, data); !problem.empty()) {
    err << "vnplan: " << problem << "\n";
    return kExitOutputFailed;
  }
  return kExitOk;
}

}  // namespace vnplan
