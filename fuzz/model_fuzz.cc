// Fuzz target: the model loader on any bytes. The input is written as a
// model file and opened; a damaged file must give a Status, never a crash,
// a hang or an allocation past the limit. If it opens, one restoration
// queries it.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unistd.h>

#include "vnplan/restorer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string path = [] {
    char name[] = "/tmp/vnplan-fuzz-model-XXXXXX";
    const int fd = mkstemp(name);
    if (fd < 0) abort();
    close(fd);
    return std::string(name);
  }();
  FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) abort();
  if (size > 0 && std::fwrite(data, 1, size, file) != size) abort();
  std::fclose(file);
  vnplan::Status status;
  const auto restorer = vnplan::Restorer::Open({{path, 1.0}}, &status);
  if (restorer) (void)restorer->Restore("ke hoach to chuc hoat dong giao duc nam hoc");
  return 0;
}
