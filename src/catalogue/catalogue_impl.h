// What Catalogue holds, shared by its writer (catalogue.cc) and its
// queries (query.cc).
#ifndef VNPLAN_CATALOGUE_CATALOGUE_IMPL_H_
#define VNPLAN_CATALOGUE_CATALOGUE_IMPL_H_

#include "src/catalogue/sqlite.h"
#include "src/text/folding.h"
#include "vnplan/catalogue.h"

namespace vnplan {

struct Catalogue::Impl {
  internal::Database db;
  internal::TextFolder folder;
};

}  // namespace vnplan

#endif  // VNPLAN_CATALOGUE_CATALOGUE_IMPL_H_
