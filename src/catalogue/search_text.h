// How the catalogue turns text into search words, in one place: what is
// indexed and what is asked go through the same folding (the parser's
// TextFolder) and the same split, so "phong hoc" finds "phòng học".
#ifndef VNPLAN_CATALOGUE_SEARCH_TEXT_H_
#define VNPLAN_CATALOGUE_SEARCH_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

#include "src/text/folding.h"

namespace vnplan::internal {

// The folded words of `text` (runs of a-z and 0-9 after folding), joined by
// single spaces: the value FTS5 indexes for a line. Every other character
// separates words.
std::string SearchWords(const TextFolder& folder, std::string_view text);

// The folded words of a query, in order, duplicates kept.
std::vector<std::string> QueryWords(const TextFolder& folder, std::string_view query);

// Joins the two words of a pair into one FTS5 token; the index's tokenizer
// counts it a word character (tokenchars in schema.h), and SearchWords
// never yields it.
inline constexpr char kPairJoiner = '_';

// The pairs of neighbouring words of search words ("phong hoc bo" ->
// "phong_hoc hoc_bo"): what the index's `pairs` column holds, so that a
// phrase is looked up by its pairs. The phrase w1..wn starts at word i
// exactly when pairs i..i+n-2 are w1_w2..w(n-1)_wn, and a pair is far
// rarer than a syllable: on 10,000 plans "dien hinh tien tien" as
// syllables reads every position of "tien" (27 ms), as pairs a few (see
// bench/catalogue_bench.sh).
std::string WordPairs(std::string_view search_words);

// FTS5 MATCH expressions over the words of a query, every word quoted so
// nothing the user types is FTS syntax. Empty for no words.
// The words in order, next to each other: words : "phong", or for more
// than one word their pairs, pairs : "phong_hoc hoc_bo".
std::string PhraseExpression(const std::vector<std::string>& words);
// Every word, anywhere: words : "phong" AND words : "hoc" (each once).
std::string AllWordsExpression(const std::vector<std::string>& words);
// How a line's search words (SearchWords) hold a query's words, as the
// expressions above would find them: the phrase, every word, some, none.
enum class LineMatch { kNone, kSome, kEvery, kPhrase };
LineMatch MatchLine(std::string_view line_words, const std::vector<std::string>& words);

// `line` with each whole word that folds to one of `words` in [brackets];
// a long line is cut to a window around the first match, with "…".
std::string Highlight(const TextFolder& folder, std::string_view line,
                      const std::vector<std::string>& words);

// A LIKE pattern for a filter: its search words, "%dong thap%" (words hold
// no wildcard).
std::string FoldedPattern(const TextFolder& folder, std::string_view text);

}  // namespace vnplan::internal

#endif  // VNPLAN_CATALOGUE_SEARCH_TEXT_H_
