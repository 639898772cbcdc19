// The little of SQLite's C API the catalogue uses, behind RAII types: a
// connection and prepared statements whose failures come back as Status.
#ifndef VNPLAN_CATALOGUE_SQLITE_H_
#define VNPLAN_CATALOGUE_SQLITE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "vnplan/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace vnplan::internal {

// One open database file. Not copyable; closed on destruction.
class Database {
 public:
  Database() = default;
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Opens `path` read-only when `read_only`; otherwise for writing, created
  // when missing, and kIoError when the file may not be written. Waits up
  // to `busy_ms` for a writer's lock before failing.
  Status Open(const std::string& path, bool read_only, int busy_ms);
  // Runs one or more statements that return no rows.
  Status Exec(const std::string& sql);
  sqlite3* handle() const { return db_; }
  // The rowid the last INSERT on this connection gave.
  int64_t LastInsertId() const;
  // "SQLite: <what went wrong>", for a failed call on this connection.
  Status Error(std::string_view doing) const;

 private:
  sqlite3* db_ = nullptr;
};

// A prepared statement. Bind parameters are 1-based as in SQLite; Step()
// says whether a row is ready; columns are 0-based.
class SqlStatement {
 public:
  SqlStatement() = default;
  ~SqlStatement();
  SqlStatement(const SqlStatement&) = delete;
  SqlStatement& operator=(const SqlStatement&) = delete;

  Status Prepare(const Database& db, std::string_view sql);
  void Bind(int index, std::string_view text);
  void Bind(int index, const std::string& text) { Bind(index, std::string_view(text)); }
  void Bind(int index, const std::optional<std::string>& text);  // null when unset
  void BindInt(int index, int64_t value);
  void BindDouble(int index, std::optional<double> value);  // null when unset
  void BindNull(int index);
  // True when a row is ready; false when done (*status tells a failure).
  bool Step(Status* status);
  // Runs a statement that returns no rows.
  Status Run();
  // Ready to run again with new bindings.
  void Reset();

  std::string Text(int column) const;  // "" for null
  std::optional<std::string> OptText(int column) const;
  int64_t Int(int column) const;
  double Double(int column) const;

 private:
  const Database* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace vnplan::internal

#endif  // VNPLAN_CATALOGUE_SQLITE_H_
