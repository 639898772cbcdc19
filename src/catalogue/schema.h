// The catalogue's tables, in one place (the README documents them for
// analysts). Bump kSchemaVersion when a table changes: a file of another
// version is refused rather than misread.
#ifndef VNPLAN_CATALOGUE_SCHEMA_H_
#define VNPLAN_CATALOGUE_SCHEMA_H_

namespace vnplan::internal {

inline constexpr int kCatalogueSchemaVersion = 2;  // 2: documents_fts.pairs

// The tables that hold one plan's parts, each with a document_id column:
// what replacing a plan deletes.
inline constexpr const char* kPlanPartTables[] = {
    "sections",    "goals",       "requirements", "criteria",   "targets", "deadlines",
    "assignments", "legal_bases", "signatures",   "recipients", "lines"};

// Creates every table, index and view of an empty catalogue.
inline constexpr const char* kCreateSchema = R"sql(
CREATE TABLE documents(
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE,   -- the plan JSON file, as added
  sha256 TEXT NOT NULL,        -- source.sha256: the input the plan was read from
  pipeline TEXT,               -- source.pipeline: what made the JSON
  source_file TEXT, source_kind TEXT, pages INTEGER,
  name TEXT NOT NULL,          -- "941/KH-SGD&ĐT", or the source file without a symbol
  type TEXT, number TEXT, symbol TEXT, issuer TEXT, issuer_parent TEXT, place TEXT,
  date TEXT, title TEXT, period_from INTEGER, period_to INTEGER,
  -- folded copies (the parser's folding) that filters and citations compare
  reference_key TEXT, type_key TEXT, issuer_key TEXT, place_key TEXT,
  first_line_id INTEGER, last_line_id INTEGER);  -- its rows of lines: ids in this range
CREATE INDEX documents_sha256 ON documents(sha256);
CREATE INDEX documents_reference ON documents(reference_key, date);
CREATE INDEX documents_date ON documents(date);
CREATE TABLE sections(document_id INTEGER NOT NULL, number TEXT, parent TEXT, title TEXT,
  kind TEXT, line INTEGER);
CREATE TABLE goals(document_id INTEGER NOT NULL, text TEXT, section TEXT, line INTEGER);
CREATE TABLE requirements(document_id INTEGER NOT NULL, text TEXT, section TEXT, line INTEGER);
CREATE TABLE criteria(document_id INTEGER NOT NULL, text TEXT, applies_to TEXT, section TEXT,
  line INTEGER);
CREATE TABLE targets(document_id INTEGER NOT NULL, text TEXT, indicator TEXT, quantity REAL,
  quantity_max REAL, unit TEXT, comparator TEXT, section TEXT, line INTEGER);
CREATE TABLE deadlines(document_id INTEGER NOT NULL, text TEXT, kind TEXT, date TEXT,
  start TEXT, "end" TEXT, recurrence TEXT, action TEXT,
  responsible TEXT,            -- JSON array of agencies
  section TEXT, line INTEGER);
CREATE TABLE assignments(document_id INTEGER NOT NULL, assignee TEXT, role TEXT,
  tasks TEXT,                  -- JSON array of tasks
  section TEXT, line INTEGER);
CREATE TABLE legal_bases(document_id INTEGER NOT NULL, type TEXT, number TEXT, date TEXT,
  issuer TEXT, text TEXT, line INTEGER, reference_key TEXT);
CREATE TABLE signatures(document_id INTEGER NOT NULL, name TEXT, position TEXT, on_behalf TEXT);
CREATE TABLE recipients(document_id INTEGER NOT NULL, recipient TEXT);
CREATE TABLE lines(id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL, line INTEGER,
  section TEXT, text TEXT);
CREATE INDEX sections_document ON sections(document_id);
CREATE INDEX goals_document ON goals(document_id);
CREATE INDEX requirements_document ON requirements(document_id);
CREATE INDEX criteria_document ON criteria(document_id);
CREATE INDEX targets_document ON targets(document_id);
CREATE INDEX deadlines_document ON deadlines(document_id);
CREATE INDEX deadlines_date ON deadlines(date);
CREATE INDEX assignments_document ON assignments(document_id);
CREATE INDEX legal_bases_document ON legal_bases(document_id);
CREATE INDEX legal_bases_reference ON legal_bases(reference_key, date);
CREATE INDEX signatures_document ON signatures(document_id);
CREATE INDEX recipients_document ON recipients(document_id);
CREATE INDEX lines_document ON lines(document_id, line);
-- The folded words of each plan (rowid = documents.id), what search ranks,
-- and their neighbouring pairs ("phong_hoc", search_text.h WordPairs), what
-- a phrase is looked up by; contentless: the words are indexed, not stored.
-- A plan's best line is found by folding its lines again.
CREATE VIRTUAL TABLE documents_fts USING fts5(words, pairs, content='',
  tokenize="unicode61 remove_diacritics 0 tokenchars '_'");
-- The citation graph: a legal basis cites a catalogued document when its
-- number ("31/KH-UBND", folded) and its date are the document's.
CREATE VIEW citations AS
  SELECT lb.document_id AS citing_id, d.id AS cited_id, lb.number AS number, lb.date AS date,
         lb.line AS line
  FROM legal_bases lb JOIN documents d
    ON d.reference_key = lb.reference_key AND d.date = lb.date;
)sql";

}  // namespace vnplan::internal

#endif  // VNPLAN_CATALOGUE_SCHEMA_H_
