#include "src/text/person_names.h"

#include <set>

namespace vnplan::internal {

bool IsSurname(std::string_view folded) {
  static const std::set<std::string_view> kSurnames = {
      "nguyen", "tran", "le",    "pham",   "hoang", "huynh", "phan",  "vu",
      "vo",     "dang", "bui",   "do",     "ho",    "ngo",   "duong", "ly",
      "dinh",   "dao",  "luong", "trinh",  "mai",   "truong", "ha",   "lam",
      "ta",     "to",   "cao",   "chau",   "chu",   "dam",   "quach", "la",
      "thai",   "tang", "kieu",  "lai",    "van",   "trieu", "vuong", "doan",
      "nghiem", "khuc", "giang", "au",     "luc",   "mac",   "ton",   "kim",
      "luu",    "phung", "diep", "bach",   "hua",   "quang", "sam",   "nong",
      "lo",     "hau",  "tu",    "than",   "khong", "han",   "ninh",  "dong",
      "tong",   "vi",   "ong",   "cu",     "phi",   "ung",   "be",    "ma",
      "thach",  "danh", "lang",  "luyen",  "nham",  "quan",  "yen"};
  return kSurnames.count(folded) > 0;
}

}  // namespace vnplan::internal
