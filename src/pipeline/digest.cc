// SHA-256 from OpenSSL (Debian's libssl), not written here a second time.
#include <openssl/evp.h>

#include <cstdio>

#include "vnplan/pipeline.h"

namespace vnplan {

std::string InputDigest(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest, &size, EVP_sha256(), nullptr) != 1) return {};
  std::string hex(2 * size, '0');
  for (unsigned int i = 0; i < size; ++i) std::snprintf(&hex[2 * i], 3, "%02x", digest[i]);
  return hex;
}

}  // namespace vnplan
