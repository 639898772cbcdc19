#include "src/catalogue/phrase_rank.h"

#include <sqlite3.h>

#include <string>

namespace vnplan::internal {
namespace {

// bm25's constants, as FTS5 sets them (k1 = 1.2, b = 0.75).
constexpr double kK1 = 1.2;
constexpr double kB = 0.75;

// -(f (k1 + 1)) / (f + k1 (1 - b + b D / avgdl)): f the row's instances of
// the phrase, D the row's tokens, avgdl the average over all rows; bm25's
// term weight, as fts5_aux.c computes it for one phrase, less the IDF.
void PhraseRank(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* context,
                int /*argc*/, sqlite3_value** /*argv*/) {
  int instances = 0;
  sqlite3_int64 rows = 0, total = 0;
  int tokens = 0;
  int rc = api->xInstCount(fts, &instances);
  if (rc == SQLITE_OK) rc = api->xRowCount(fts, &rows);
  if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &total);
  if (rc == SQLITE_OK) rc = api->xColumnSize(fts, -1, &tokens);
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(context, rc);
    return;
  }
  const double average = rows > 0 ? static_cast<double>(total) / static_cast<double>(rows) : 1.0;
  const double f = instances;
  const double norm = kK1 * (1 - kB + kB * tokens / (average > 0 ? average : 1.0));
  sqlite3_result_double(context, -(f * (kK1 + 1)) / (f + norm));
}

// FTS5's API for extensions, as SQLite hands it out: SELECT fts5(?1).
fts5_api* Fts5Api(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, nullptr) == SQLITE_OK) {
    sqlite3_bind_pointer(st, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(st);
  }
  sqlite3_finalize(st);
  return api;
}

}  // namespace

Status RegisterPhraseRank(const Database& db) {
  fts5_api* api = Fts5Api(db.handle());
  if (api == nullptr) return Status::IoError("SQLite: this SQLite has no FTS5");
  if (api->xCreateFunction(api, kPhraseRankFunction, nullptr, &PhraseRank, nullptr) != SQLITE_OK)
    return db.Error(std::string("registering ") + kPhraseRankFunction);
  return Status::Ok();
}

}  // namespace vnplan::internal
