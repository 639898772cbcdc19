#include "src/catalogue/sqlite.h"

#include <sqlite3.h>

namespace vnplan::internal {

Database::~Database() { sqlite3_close_v2(db_); }

Status Database::Open(const std::string& path, bool read_only, int busy_ms) {
  const int flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  if (sqlite3_open_v2(path.c_str(), &db_, flags | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
    Status status = Status::IoError(path + ": cannot open the catalogue: " +
                                    (db_ ? sqlite3_errmsg(db_) : "out of memory"));
    sqlite3_close_v2(db_);
    db_ = nullptr;
    return status;
  }
  sqlite3_busy_timeout(db_, busy_ms);
  // SQLite opens a file it may not write read-only without a word; a writer
  // would then fail at its first plan, not here where the file is named.
  if (!read_only && sqlite3_db_readonly(db_, "main") == 1) {
    sqlite3_close_v2(db_);
    db_ = nullptr;
    return Status::IoError(path + ": cannot write the catalogue (the file is read-only)");
  }
  return Status::Ok();
}

Status Database::Exec(const std::string& sql) {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) == SQLITE_OK) return Status::Ok();
  std::string text = message ? message : sqlite3_errmsg(db_);
  sqlite3_free(message);
  return Status::IoError("SQLite: " + text);
}

int64_t Database::LastInsertId() const { return sqlite3_last_insert_rowid(db_); }

Status Database::Error(std::string_view doing) const {
  return Status::IoError("SQLite: " + std::string(doing) + ": " + sqlite3_errmsg(db_));
}

SqlStatement::~SqlStatement() { sqlite3_finalize(stmt_); }

Status SqlStatement::Prepare(const Database& db, std::string_view sql) {
  db_ = &db;
  sqlite3_finalize(stmt_);
  stmt_ = nullptr;
  if (sqlite3_prepare_v3(db.handle(), sql.data(), static_cast<int>(sql.size()),
                         SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr) != SQLITE_OK)
    return db.Error("preparing a statement");
  return Status::Ok();
}

void SqlStatement::Bind(int index, std::string_view text) {
  sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
}

void SqlStatement::Bind(int index, const std::optional<std::string>& text) {
  if (text)
    Bind(index, std::string_view(*text));
  else
    BindNull(index);
}

void SqlStatement::BindInt(int index, int64_t value) { sqlite3_bind_int64(stmt_, index, value); }

void SqlStatement::BindDouble(int index, std::optional<double> value) {
  if (value)
    sqlite3_bind_double(stmt_, index, *value);
  else
    BindNull(index);
}

void SqlStatement::BindNull(int index) { sqlite3_bind_null(stmt_, index); }

bool SqlStatement::Step(Status* status) {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) *status = db_->Error("running a statement");
  return false;
}

Status SqlStatement::Run() {
  Status status;
  while (Step(&status)) {
  }
  Reset();
  return status;
}

void SqlStatement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::string SqlStatement::Text(int column) const {
  const unsigned char* text = sqlite3_column_text(stmt_, column);
  if (text == nullptr) return "";
  return std::string(reinterpret_cast<const char*>(text),
                     static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
}

std::optional<std::string> SqlStatement::OptText(int column) const {
  if (sqlite3_column_type(stmt_, column) == SQLITE_NULL) return std::nullopt;
  return Text(column);
}

int64_t SqlStatement::Int(int column) const { return sqlite3_column_int64(stmt_, column); }

double SqlStatement::Double(int column) const { return sqlite3_column_double(stmt_, column); }

}  // namespace vnplan::internal
