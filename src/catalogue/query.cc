// The catalogue's read side: search and deadlines.
#include <nlohmann/json.hpp>

#include "src/catalogue/catalogue_impl.h"
#include "src/catalogue/search_text.h"
#include "src/text/calendar.h"
#include "vnplan/catalogue.h"

namespace vnplan {
namespace {

using internal::SqlStatement;

// One hit per plan: its best line (SQLite gives the bare columns of the row
// that holds the MIN), ranked by bm25, ties by path so the order is stable.
// Filters compare folded words; an undated plan meets a date span by its
// period's years.
constexpr const char* kSearchSql = R"sql(
WITH hits AS MATERIALIZED (
  SELECT l.document_id AS doc, l.line AS line, l.section AS section, l.text AS text,
         bm25(lines_fts) AS score
  FROM lines_fts JOIN lines l ON l.id = lines_fts.rowid
  WHERE lines_fts MATCH ?1)
SELECT d.path, d.name, d.type, d.issuer, d.date, d.title, h.section, h.line, h.text,
       MIN(h.score), COUNT(*)
FROM hits h JOIN documents d ON d.id = h.doc
WHERE (?2 IS NULL OR d.type_key LIKE ?2)
  AND (?3 IS NULL OR d.issuer_key LIKE ?3)
  AND (?4 IS NULL OR d.place_key LIKE ?4)
  AND (?5 IS NULL OR COALESCE(d.date >= ?5, d.period_to >= CAST(substr(?5, 1, 4) AS INTEGER)))
  AND (?6 IS NULL OR COALESCE(d.date <= ?6, d.period_from <= CAST(substr(?6, 1, 4) AS INTEGER)))
GROUP BY d.id
ORDER BY MIN(h.score), d.path
LIMIT ?7)sql";

constexpr const char* kDeadlinesSql = R"sql(
SELECT d.path, d.name, d.date, x.kind, x.date, x.start, x."end", x.recurrence, x.action,
       x.text, x.responsible, x.section, x.line
FROM deadlines x JOIN documents d ON d.id = x.document_id
WHERE (x.date BETWEEN ?1 AND ?2)
   OR (x.date IS NULL AND x.start <= ?2 AND x."end" >= ?1)
   OR (x.kind = 'recurring' AND x.recurrence IS NOT NULL
       AND COALESCE(x.start <= ?2, 1) AND COALESCE(x."end" >= ?1, 1))
ORDER BY d.path, x.line, x.rowid)sql";

// A date bound of a query: "" is open; anything else must be a real day.
Status CheckDate(const std::string& date, const char* what) {
  if (date.empty() || internal::ParseIsoDate(date)) return Status::Ok();
  return Status::InvalidArgument(std::string(what) + " must be a date YYYY-MM-DD, not '" + date + "'");
}

std::vector<std::string> JsonTexts(const std::string& json) {
  std::vector<std::string> texts;
  const nlohmann::json list = nlohmann::json::parse(json, nullptr, false);
  if (!list.is_array()) return texts;
  for (const auto& item : list)
    if (item.is_string()) texts.push_back(item.get<std::string>());
  return texts;
}

}  // namespace

Status Catalogue::Search(const SearchQuery& query, std::vector<SearchHit>* hits) const {
  const internal::TextFolder& folder = impl_->folder;
  const std::vector<std::string> words = internal::QueryWords(folder, query.words);
  if (words.empty()) return Status::InvalidArgument("the search has no word to look for");
  if (Status s = CheckDate(query.from, "--from"); !s.ok()) return s;
  if (Status s = CheckDate(query.to, "--to"); !s.ok()) return s;
  SqlStatement st;
  if (Status s = st.Prepare(impl_->db, kSearchSql); !s.ok()) return s;
  st.Bind(1, std::string_view(internal::MatchExpression(words)));
  int index = 2;
  for (const std::string* filter : {&query.type, &query.issuer, &query.place}) {
    if (!filter->empty()) st.Bind(index, std::string_view(internal::FoldedPattern(folder, *filter)));
    ++index;
  }
  if (!query.from.empty()) st.Bind(5, std::string_view(query.from));
  if (!query.to.empty()) st.Bind(6, std::string_view(query.to));
  st.BindInt(7, query.limit);
  Status status;
  while (st.Step(&status)) {
    SearchHit hit;
    hit.path = st.Text(0);
    hit.name = st.Text(1);
    hit.type = st.OptText(2);
    hit.issuer = st.OptText(3);
    hit.date = st.OptText(4);
    hit.title = st.OptText(5);
    hit.section = st.Text(6);
    hit.line = static_cast<int>(st.Int(7));
    hit.snippet = internal::Highlight(folder, st.Text(8), words);
    hit.score = st.Double(9);
    hit.matching_lines = static_cast<int>(st.Int(10));
    hits->push_back(std::move(hit));
  }
  return status;
}

Status Catalogue::Deadlines(const std::string& from, const std::string& to,
                            std::vector<CatalogueDeadline>* deadlines) const {
  if (from.empty() || to.empty()) return Status::InvalidArgument("deadlines need --from and --to");
  if (Status s = CheckDate(from, "--from"); !s.ok()) return s;
  if (Status s = CheckDate(to, "--to"); !s.ok()) return s;
  SqlStatement st;
  if (Status s = st.Prepare(impl_->db, kDeadlinesSql); !s.ok()) return s;
  st.Bind(1, std::string_view(from));
  st.Bind(2, std::string_view(to));
  Status status;
  while (st.Step(&status)) {
    CatalogueDeadline d;
    d.path = st.Text(0);
    d.name = st.Text(1);
    d.plan_date = st.OptText(2);
    d.kind = st.Text(3);
    d.date = st.OptText(4);
    d.start = st.OptText(5);
    d.end = st.OptText(6);
    d.recurrence = st.OptText(7);
    d.action = st.OptText(8);
    d.text = st.Text(9);
    d.responsible = JsonTexts(st.Text(10));
    d.section = st.Text(11);
    d.line = static_cast<int>(st.Int(12));
    deadlines->push_back(std::move(d));
  }
  return status;
}

}  // namespace vnplan
