// The catalogue's read side: search and deadlines.
#include <nlohmann/json.hpp>

#include "src/catalogue/catalogue_impl.h"
#include "src/catalogue/phrase_rank.h"
#include "src/catalogue/search_text.h"
#include "src/text/calendar.h"
#include "vnplan/catalogue.h"

namespace vnplan {
namespace {

using internal::SqlStatement;

// Plans an expression finds, with the query's filters. Filters compare
// folded words; an undated plan meets a date span by its period's years.
constexpr const char* kPlansSql = R"sql(
SELECT d.path, d.name, d.type, d.issuer, d.date, d.title, d.first_line_id, d.last_line_id,
       %s AS score
FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid
WHERE documents_fts MATCH ?1
  AND (?2 IS NULL OR d.type_key LIKE ?2)
  AND (?3 IS NULL OR d.issuer_key LIKE ?3)
  AND (?4 IS NULL OR d.place_key LIKE ?4)
  AND (?5 IS NULL OR COALESCE(d.date >= ?5, d.period_to >= CAST(substr(?5, 1, 4) AS INTEGER)))
  AND (?6 IS NULL OR COALESCE(d.date <= ?6, d.period_from <= CAST(substr(?6, 1, 4) AS INTEGER)))
ORDER BY %s
LIMIT ?7)sql";

// How plans are ordered: by relevance (phrase_rank.h: bm25's order), ties
// by path so the order is stable; or the last added first, which FTS5 reads
// in index order and stops at the limit. Words apart are not ranked: bm25
// weighs each word by the rows that hold it, a scan of all of them: 385 ms
// for four common syllables on 10,000 plans.
std::string PlansSql(bool by_relevance) {
  std::string sql = kPlansSql;
  const std::string score =
      by_relevance ? std::string(internal::kPhraseRankFunction) + "(documents_fts)" : "0.0";
  const std::string order = by_relevance ? "score, d.path" : "documents_fts.rowid DESC";
  sql.replace(sql.find("%s"), 2, score);
  sql.replace(sql.find("%s"), 2, order);
  return sql;
}

// A plan's lines: one range of ids.
constexpr const char* kPlanLinesSql = R"sql(
SELECT line, section, text FROM lines WHERE id BETWEEN ?1 AND ?2 ORDER BY id)sql";

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

// Fills the hit's line, section, snippet and matching_lines: the first
// line holding the phrase, else every word, else any word. The plan's lines
// are folded again here: asking the line index, whose word lists span the
// whole catalogue, costs milliseconds a plan on 10,000 plans.
Status FindBestLine(const internal::Database& db, const internal::TextFolder& folder,
                    const std::vector<std::string>& words, int64_t first, int64_t last,
                    SearchHit* hit) {
  SqlStatement lines;
  if (Status s = lines.Prepare(db, kPlanLinesSql); !s.ok()) return s;
  lines.BindInt(1, first);
  lines.BindInt(2, last);
  Status status;
  internal::LineMatch best = internal::LineMatch::kNone;
  std::string best_text;
  while (lines.Step(&status)) {
    const std::string text = lines.Text(2);
    const internal::LineMatch match =
        internal::MatchLine(internal::SearchWords(folder, text), words);
    hit->matching_lines += match >= internal::LineMatch::kEvery;
    if (match <= best) continue;
    best = match;
    hit->line = static_cast<int>(lines.Int(0));
    hit->section = lines.Text(1);
    best_text = text;
  }
  if (best != internal::LineMatch::kNone) hit->snippet = internal::Highlight(folder, best_text, words);
  return status;
}

}  // namespace

namespace {

// The plans `expression` finds that pass the query's filters, in order,
// appended to *hits with their lines' id ranges, up to query.limit in all.
Status RankPlans(const internal::Database& db, const internal::TextFolder& folder,
                 const SearchQuery& query, const std::string& expression, bool by_relevance,
                 std::vector<SearchHit>* hits, std::vector<std::pair<int64_t, int64_t>>* ranges) {
  SqlStatement st;
  if (Status s = st.Prepare(db, PlansSql(by_relevance)); !s.ok()) return s;
  st.Bind(1, expression);
  int index = 2;
  for (const std::string* filter : {&query.type, &query.issuer, &query.place}) {
    if (!filter->empty()) st.Bind(index, internal::FoldedPattern(folder, *filter));
    ++index;
  }
  if (!query.from.empty()) st.Bind(5, query.from);
  if (!query.to.empty()) st.Bind(6, query.to);
  st.BindInt(7, query.limit - static_cast<int>(hits->size()));
  Status status;
  while (st.Step(&status)) {
    SearchHit hit;
    hit.path = st.Text(0);
    hit.name = st.Text(1);
    hit.type = st.OptText(2);
    hit.issuer = st.OptText(3);
    hit.date = st.OptText(4);
    hit.title = st.OptText(5);
    ranges->emplace_back(st.Int(6), st.Int(7));
    hit.score = st.Double(8);
    hits->push_back(std::move(hit));
  }
  return status;
}

}  // namespace

// Plans holding the phrase come first, by relevance; then, if there is
// room, plans holding every word apart, the last added first (syllables
// apart are common: ranking them all would cost a scan of each).
Status Catalogue::Search(const SearchQuery& query, std::vector<SearchHit>* hits) const {
  const internal::TextFolder& folder = impl_->folder;
  const std::vector<std::string> words = internal::QueryWords(folder, query.words);
  if (words.empty()) return Status::InvalidArgument("the search has no word to look for");
  if (Status s = CheckDate(query.from, "--from"); !s.ok()) return s;
  if (Status s = CheckDate(query.to, "--to"); !s.ok()) return s;
  std::vector<SearchHit> found;
  std::vector<std::pair<int64_t, int64_t>> ranges;
  const std::string phrase = internal::PhraseExpression(words);
  Status status = RankPlans(impl_->db, folder, query, phrase, true, &found, &ranges);
  if (status.ok() && words.size() > 1 && static_cast<int>(found.size()) < query.limit) {
    std::string apart = "(";
    apart.append(internal::AllWordsExpression(words)).append(") NOT ").append(phrase);
    status = RankPlans(impl_->db, folder, query, apart, false, &found, &ranges);
  }
  for (size_t i = 0; status.ok() && i < found.size(); ++i)
    status = FindBestLine(impl_->db, folder, words, ranges[i].first, ranges[i].second, &found[i]);
  if (!status.ok()) return status;
  for (SearchHit& hit : found) hits->push_back(std::move(hit));
  return Status::Ok();
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
