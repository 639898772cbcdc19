// The ranking search orders phrase hits by: FTS5's bm25 without its IDF
// factor. A phrase query is one phrase, whose IDF is the same for every
// row, so the order is bm25's; but bm25 finds that IDF by running the
// phrase over the whole index a second time (on 10,000 plans holding it,
// 12 ms of a 46 ms query: bench/catalogue_bench.sh).
#ifndef VNPLAN_CATALOGUE_PHRASE_RANK_H_
#define VNPLAN_CATALOGUE_PHRASE_RANK_H_

#include "src/catalogue/sqlite.h"
#include "vnplan/status.h"

namespace vnplan::internal {

// The SQL name of the function: vnplan_phrase_rank(documents_fts), lower is
// better, negative for a row holding the phrase.
inline constexpr const char* kPhraseRankFunction = "vnplan_phrase_rank";

// Makes the function known to the connection `db` (once per connection).
Status RegisterPhraseRank(const Database& db);

}  // namespace vnplan::internal

#endif  // VNPLAN_CATALOGUE_PHRASE_RANK_H_
