#include "vnplan/catalogue.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <functional>
#include <utility>

#include "src/catalogue/catalogue_impl.h"
#include "src/catalogue/phrase_rank.h"
#include "src/catalogue/schema.h"
#include "src/catalogue/search_text.h"

namespace vnplan {
namespace {

using internal::SqlStatement;

// A writer waits this long for another writer's transaction (one plan's,
// milliseconds) before giving up; a reader never waits in WAL mode.
constexpr int kBusyMilliseconds = 30000;

Status SchemaVersion(const internal::Database& db, int* version) {
  SqlStatement statement;
  if (Status s = statement.Prepare(db, "PRAGMA user_version"); !s.ok()) return s;
  Status status;
  *version = statement.Step(&status) ? static_cast<int>(statement.Int(0)) : 0;
  return status;
}

// Makes the tables of a new file, or checks an existing file's version.
Status PrepareSchema(internal::Database& db, const std::string& path, bool writable) {
  int version = 0;
  if (Status s = SchemaVersion(db, &version); !s.ok()) return Status::IoError(path + ": " + s.message());
  if (version == internal::kCatalogueSchemaVersion) return Status::Ok();
  const std::string current = std::to_string(internal::kCatalogueSchemaVersion);
  if (version != 0)  // another version's tables would be misread
    return Status::IoError(path + ": a vnplan catalogue of version " + std::to_string(version) +
                           "; this vnplan reads version " + current +
                           ": add the plans again into a new file");
  if (!writable) return Status::IoError(path + ": not a vnplan catalogue of version " + current);
  Status s = db.Exec("BEGIN IMMEDIATE");
  if (s.ok() && SchemaVersion(db, &version).ok() && version == 0)  // another writer may have won
    s = db.Exec(std::string(internal::kCreateSchema) + "PRAGMA user_version = " +
                std::to_string(internal::kCatalogueSchemaVersion) + ";");
  if (s.ok()) s = db.Exec("COMMIT");
  if (!s.ok()) {
    db.Exec("ROLLBACK");
    return Status::IoError(path + ": " + s.message());
  }
  return Status::Ok();
}

std::string JsonList(const std::vector<std::string>& items) {
  return nlohmann::json(items).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// "941/KH-SGD&ĐT": how citations name a document; none without a number
// and a symbol.
OptString Reference(const Header& header) {
  if (!header.number || !header.symbol) return std::nullopt;
  return *header.number + "/" + *header.symbol;
}

// A plan's words: its lines' words, in order (what documents_fts indexes).
void AppendWords(const std::string& line_words, std::string* all) {
  if (!all->empty()) all->push_back(' ');
  all->append(line_words);
}

// Binds a plan's row of documents_fts: its id, words and their pairs
// (parameters 1-3), the same on insert and on delete.
void BindIndexed(SqlStatement& st, int64_t id, const std::string& all_words) {
  st.BindInt(1, id);
  st.Bind(2, std::string_view(all_words));
  st.Bind(3, std::string_view(internal::WordPairs(all_words)));
}

// Writes one plan's rows; the caller holds the transaction.
class PlanWriter {
 public:
  PlanWriter(const internal::Database& db, const internal::TextFolder& folder)
      : db_(db), folder_(folder) {}

  Status Remove(const std::string& path, const std::string& sha256);
  Status Insert(const Plan& plan, const SourceInfo& source, const std::string& path);

 private:
  OptString Key(const OptString& text) const {
    if (!text) return std::nullopt;
    return internal::SearchWords(folder_, *text);
  }
  Status InsertDocument(const Plan& plan, const SourceInfo& source, const std::string& path);
  Status InsertSections(const std::vector<Section>& sections, const OptString& parent);
  Status InsertStatements(const char* table, const std::vector<Statement>& statements);
  Status InsertParts(const Plan& plan);
  Status InsertLines(const Plan& plan);
  Status Run(std::string_view sql, const std::function<void(SqlStatement&)>& bind);

  const internal::Database& db_;
  const internal::TextFolder& folder_;
  int64_t id_ = 0;
};

Status PlanWriter::Run(std::string_view sql, const std::function<void(SqlStatement&)>& bind) {
  SqlStatement statement;
  if (Status s = statement.Prepare(db_, sql); !s.ok()) return s;
  bind(statement);
  return statement.Run();
}

Status PlanWriter::Remove(const std::string& path, const std::string& sha256) {
  SqlStatement old;
  if (Status s = old.Prepare(db_, "SELECT id FROM documents WHERE path = ?1 OR sha256 = ?2"); !s.ok())
    return s;
  old.Bind(1, std::string_view(path));
  old.Bind(2, std::string_view(sha256));
  std::vector<int64_t> ids;
  Status status;
  while (old.Step(&status)) ids.push_back(old.Int(0));
  if (!status.ok()) return status;
  for (int64_t id : ids) {
    // A contentless index forgets a row only when told its words again:
    // its lines' words in order, as InsertLines gave them.
    std::string all_words;
    SqlStatement lines;
    if (Status s = lines.Prepare(db_, "SELECT text FROM lines WHERE document_id = ?1 ORDER BY id");
        !s.ok())
      return s;
    lines.BindInt(1, id);
    while (lines.Step(&status)) AppendWords(internal::SearchWords(folder_, lines.Text(0)), &all_words);
    if (!status.ok()) return status;
    if (Status s = Run("INSERT INTO documents_fts(documents_fts, rowid, words, pairs)"
                       " VALUES('delete', ?1, ?2, ?3)",
                       [&](SqlStatement& st) { BindIndexed(st, id, all_words); });
        !s.ok())
      return s;
    for (const char* table : internal::kPlanPartTables)
      if (Status s = Run(std::string("DELETE FROM ") + table + " WHERE document_id = ?1",
                         [&](SqlStatement& st) { st.BindInt(1, id); });
          !s.ok())
        return s;
    if (Status s = Run("DELETE FROM documents WHERE id = ?1", [&](SqlStatement& st) { st.BindInt(1, id); });
        !s.ok())
      return s;
  }
  return Status::Ok();
}

Status PlanWriter::InsertDocument(const Plan& plan, const SourceInfo& source,
                                  const std::string& path) {
  const Header& h = plan.header;
  const OptString reference = Reference(h);
  SqlStatement st;
  if (Status s = st.Prepare(db_,
          "INSERT INTO documents(path, sha256, pipeline, source_file, source_kind, pages, name, type,"
          " number, symbol, issuer, issuer_parent, place, date, title, period_from, period_to,"
          " reference_key, type_key, issuer_key, place_key) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
          " ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)");
      !s.ok())
    return s;
  st.Bind(1, std::string_view(path));
  st.Bind(2, std::string_view(source.sha256));
  st.Bind(3, std::string_view(source.pipeline));
  st.Bind(4, std::string_view(source.file));
  st.Bind(5, std::string_view(source.kind));
  if (source.pages) st.BindInt(6, *source.pages);
  st.Bind(7, reference.value_or(source.file));
  st.Bind(8, h.type);
  st.Bind(9, h.number);
  st.Bind(10, h.symbol);
  st.Bind(11, h.issuer.name);
  st.Bind(12, h.issuer.parent);
  st.Bind(13, h.place);
  st.Bind(14, h.date);
  st.Bind(15, h.title);
  if (h.period) st.BindInt(16, h.period->from);
  if (h.period) st.BindInt(17, h.period->to);
  st.Bind(18, Key(reference));
  st.Bind(19, Key(h.type));
  // Issuer and parent are searched as one: "Sở GD&ĐT" or "UBND tỉnh".
  st.Bind(20, Key(h.issuer.name || h.issuer.parent
                      ? OptString(h.issuer.name.value_or("") + " " + h.issuer.parent.value_or(""))
                      : std::nullopt));
  st.Bind(21, Key(h.place));
  if (Status s = st.Run(); !s.ok()) return s;
  id_ = db_.LastInsertId();
  return Status::Ok();
}

Status PlanWriter::InsertSections(const std::vector<Section>& sections, const OptString& parent) {
  for (const Section& section : sections) {
    if (Status s = Run("INSERT INTO sections VALUES(?1, ?2, ?3, ?4, ?5, ?6)",
                       [&](SqlStatement& st) {
                         st.BindInt(1, id_);
                         st.Bind(2, std::string_view(section.number));
                         st.Bind(3, parent);
                         st.Bind(4, std::string_view(section.title));
                         st.Bind(5, SectionKindName(section.kind));
                         st.BindInt(6, section.line);
                       });
        !s.ok())
      return s;
    if (Status s = InsertSections(section.children, section.number); !s.ok()) return s;
  }
  return Status::Ok();
}

Status PlanWriter::InsertStatements(const char* table, const std::vector<Statement>& statements) {
  const bool criteria = std::string_view(table) == "criteria";
  const std::string sql = std::string("INSERT INTO ") + table +
                          (criteria ? " VALUES(?1, ?2, ?3, ?4, ?5)" : " VALUES(?1, ?2, ?4, ?5)");
  for (const Statement& item : statements)
    if (Status s = Run(sql,
                       [&](SqlStatement& st) {
                         st.BindInt(1, id_);
                         st.Bind(2, std::string_view(item.text));
                         if (criteria) st.Bind(3, item.applies_to);
                         st.Bind(4, std::string_view(item.section));
                         st.BindInt(5, item.line);
                       });
        !s.ok())
      return s;
  return Status::Ok();
}

Status PlanWriter::InsertParts(const Plan& plan) {
  Status status;
  auto run = [&](std::string_view sql, const std::function<void(SqlStatement&)>& bind) {
    if (status.ok()) status = Run(sql, bind);
  };
  for (const Target& t : plan.targets)
    run("INSERT INTO targets VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", [&](SqlStatement& st) {
      st.BindInt(1, id_);
      st.Bind(2, std::string_view(t.text));
      st.Bind(3, t.indicator);
      st.BindDouble(4, t.quantity);
      st.BindDouble(5, t.quantity_max);
      st.Bind(6, t.unit);
      st.Bind(7, t.comparator);
      st.Bind(8, std::string_view(t.section));
      st.BindInt(9, t.line);
    });
  for (const Deadline& d : plan.deadlines)
    run("INSERT INTO deadlines VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        [&](SqlStatement& st) {
          st.BindInt(1, id_);
          st.Bind(2, std::string_view(d.text));
          st.Bind(3, DeadlineKindName(d.kind));
          st.Bind(4, d.date);
          st.Bind(5, d.start);
          st.Bind(6, d.end);
          st.Bind(7, d.recurrence);
          st.Bind(8, d.action);
          st.Bind(9, std::string_view(JsonList(d.responsible)));
          st.Bind(10, std::string_view(d.section));
          st.BindInt(11, d.line);
        });
  for (const Assignment& a : plan.assignments)
    run("INSERT INTO assignments VALUES(?1, ?2, ?3, ?4, ?5, ?6)", [&](SqlStatement& st) {
      st.BindInt(1, id_);
      st.Bind(2, std::string_view(a.assignee));
      st.Bind(3, AssignmentRoleName(a.role));
      st.Bind(4, std::string_view(JsonList(a.tasks)));
      st.Bind(5, std::string_view(a.section));
      st.BindInt(6, a.line);
    });
  for (const LegalBasis& b : plan.legal_bases)
    run("INSERT INTO legal_bases VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", [&](SqlStatement& st) {
      st.BindInt(1, id_);
      st.Bind(2, b.type);
      st.Bind(3, b.number);
      st.Bind(4, b.date);
      st.Bind(5, b.issuer);
      st.Bind(6, std::string_view(b.text));
      st.BindInt(7, b.line);
      st.Bind(8, Key(b.number));
    });
  if (const std::optional<Signer>& signer = plan.header.signer)
    run("INSERT INTO signatures VALUES(?1, ?2, ?3, ?4)", [&](SqlStatement& st) {
      st.BindInt(1, id_);
      st.Bind(2, signer->name);
      st.Bind(3, signer->position);
      st.Bind(4, signer->on_behalf);
    });
  for (const std::string& recipient : plan.header.recipients)
    run("INSERT INTO recipients VALUES(?1, ?2)", [&](SqlStatement& st) {
      st.BindInt(1, id_);
      st.Bind(2, std::string_view(recipient));
    });
  return status;
}

// Each section's heading line and number, in order of lines: a line
// belongs to the last section that starts at or above it.
void SectionStarts(const std::vector<Section>& sections,
                   std::vector<std::pair<int, std::string>>* starts) {
  for (const Section& s : sections) {
    starts->emplace_back(s.line, s.number);
    SectionStarts(s.children, starts);
  }
}

Status PlanWriter::InsertLines(const Plan& plan) {
  std::vector<std::pair<int, std::string>> starts;
  SectionStarts(plan.sections, &starts);
  std::stable_sort(starts.begin(), starts.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  SqlStatement line_row;
  if (Status s = line_row.Prepare(db_, "INSERT INTO lines(document_id, line, section, text)"
                                       " VALUES(?1, ?2, ?3, ?4)");
      !s.ok())
    return s;
  std::string_view text = plan.text;
  size_t next_section = 0;
  std::string section, all_words;
  int64_t first_id = 0, last_id = 0;
  for (int number = 1; !text.empty(); ++number) {
    const size_t end = std::min(text.find('\n'), text.size());
    const std::string_view line = text.substr(0, end);
    text.remove_prefix(std::min(end + 1, text.size()));
    while (next_section < starts.size() && starts[next_section].first <= number)
      section = starts[next_section++].second;
    const std::string words = internal::SearchWords(folder_, line);
    if (words.empty()) continue;
    line_row.BindInt(1, id_);
    line_row.BindInt(2, number);
    line_row.Bind(3, std::string_view(section));
    line_row.Bind(4, line);
    if (Status s = line_row.Run(); !s.ok()) return s;
    last_id = db_.LastInsertId();
    if (first_id == 0) first_id = last_id;
    AppendWords(words, &all_words);
  }
  if (Status s = Run("INSERT INTO documents_fts(rowid, words, pairs) VALUES(?1, ?2, ?3)",
                     [&](SqlStatement& st) { BindIndexed(st, id_, all_words); });
      !s.ok())
    return s;
  return Run("UPDATE documents SET first_line_id = ?2, last_line_id = ?3 WHERE id = ?1",
             [&](SqlStatement& st) {
               st.BindInt(1, id_);
               st.BindInt(2, first_id);
               st.BindInt(3, last_id);
             });
}

Status PlanWriter::Insert(const Plan& plan, const SourceInfo& source, const std::string& path) {
  Status s = InsertDocument(plan, source, path);
  if (s.ok()) s = InsertSections(plan.sections, std::nullopt);
  if (s.ok()) s = InsertStatements("goals", plan.goals);
  if (s.ok()) s = InsertStatements("requirements", plan.requirements);
  if (s.ok()) s = InsertStatements("criteria", plan.criteria);
  if (s.ok()) s = InsertParts(plan);
  if (s.ok()) s = InsertLines(plan);
  return s;
}

}  // namespace

Catalogue::Catalogue() : impl_(std::make_unique<Impl>()) {}
Catalogue::~Catalogue() = default;

Status Catalogue::Open(const std::string& path, Mode mode, std::unique_ptr<Catalogue>* catalogue) {
  const bool writable = mode == Mode::kWrite;
  std::unique_ptr<Catalogue> opened(new Catalogue());
  internal::Database& db = opened->impl_->db;
  if (Status s = db.Open(path, !writable, kBusyMilliseconds); !s.ok()) return s;
  // WAL: readers see the last commit while one writer adds; NORMAL sync
  // keeps every commit a crashed process made (a power cut may lose the
  // last ones, never the file).
  if (writable)
    if (Status s = db.Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL"); !s.ok())
      return Status::IoError(path + ": " + s.message());
  if (Status s = PrepareSchema(db, path, writable); !s.ok()) return s;
  if (Status s = internal::RegisterPhraseRank(db); !s.ok()) return Status::IoError(path + ": " + s.message());
  *catalogue = std::move(opened);
  return Status::Ok();
}

Status Catalogue::Add(const Plan& plan, const SourceInfo& source, const std::string& json_path) {
  internal::Database& db = impl_->db;
  if (Status s = db.Exec("BEGIN IMMEDIATE"); !s.ok()) return s;
  PlanWriter writer(db, impl_->folder);
  Status s = writer.Remove(json_path, source.sha256);
  if (s.ok()) s = writer.Insert(plan, source, json_path);
  if (s.ok()) s = db.Exec("COMMIT");
  if (!s.ok()) db.Exec("ROLLBACK");
  return s;
}

bool Catalogue::Holds(const std::string& json_path, const std::string& sha256,
                      const std::string& pipeline) const {
  SqlStatement st;
  if (!st.Prepare(impl_->db, "SELECT 1 FROM documents WHERE path = ?1 AND sha256 = ?2 AND"
                             " pipeline = ?3").ok())
    return false;
  st.Bind(1, std::string_view(json_path));
  st.Bind(2, std::string_view(sha256));
  st.Bind(3, std::string_view(pipeline));
  Status status;
  return st.Step(&status);
}

Status Catalogue::CountDocuments(int* count) const {
  SqlStatement st;
  if (Status s = st.Prepare(impl_->db, "SELECT count(*) FROM documents"); !s.ok()) return s;
  Status status;
  *count = st.Step(&status) ? static_cast<int>(st.Int(0)) : 0;
  return status;
}

}  // namespace vnplan
