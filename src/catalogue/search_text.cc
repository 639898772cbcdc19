#include "src/catalogue/search_text.h"

#include <algorithm>
#include <utility>


namespace vnplan::internal {
namespace {

bool IsWordByte(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// [begin, end) byte ranges of the words of folded text.
std::vector<std::pair<size_t, size_t>> WordSpans(std::string_view folded) {
  std::vector<std::pair<size_t, size_t>> spans;
  for (size_t i = 0; i < folded.size();) {
    if (!IsWordByte(folded[i])) {
      ++i;
      continue;
    }
    const size_t start = i;
    while (i < folded.size() && IsWordByte(folded[i])) ++i;
    spans.emplace_back(start, i);
  }
  return spans;
}

// A snippet shows about this many bytes of a long line (two lines of a
// terminal); a plan's paragraph is one line and may run to a page.
constexpr size_t kSnippetBytes = 240;
constexpr size_t kContextBefore = 80;

// The start of the code point at or before `at`.
size_t CharStart(std::string_view text, size_t at) {
  while (at > 0 && at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
  return at;
}

}  // namespace

std::string SearchWords(const TextFolder& folder, std::string_view text) {
  const FoldedText folded = folder.Fold(text);
  std::string words;
  for (const auto& [begin, end] : WordSpans(folded.text)) {
    if (!words.empty()) words.push_back(' ');
    words.append(folded.text, begin, end - begin);
  }
  return words;
}

std::vector<std::string> QueryWords(const TextFolder& folder, std::string_view query) {
  const FoldedText folded = folder.Fold(query);
  std::vector<std::string> words;
  for (const auto& [begin, end] : WordSpans(folded.text))
    words.push_back(folded.text.substr(begin, end - begin));
  return words;
}

std::string WordPairs(std::string_view search_words) {
  std::string pairs;
  std::string_view previous;
  for (size_t at = 0; at < search_words.size();) {
    const size_t end = std::min(search_words.find(' ', at), search_words.size());
    const std::string_view word = search_words.substr(at, end - at);
    if (!previous.empty()) {
      if (!pairs.empty()) pairs.push_back(' ');
      pairs.append(previous).append(1, kPairJoiner).append(word);
    }
    previous = word;
    at = end + 1;
  }
  return pairs;
}

std::string PhraseExpression(const std::vector<std::string>& words) {
  if (words.empty()) return "";
  if (words.size() == 1) return "words : \"" + words[0] + "\"";
  std::string joined;
  for (size_t i = 0; i < words.size(); ++i) joined.append(i ? " " : "").append(words[i]);
  return "pairs : \"" + WordPairs(joined) + "\"";
}

std::string AllWordsExpression(const std::vector<std::string>& words) {
  std::vector<std::string> unique;
  std::string all;
  for (const std::string& word : words) {
    if (std::find(unique.begin(), unique.end(), word) != unique.end()) continue;
    unique.push_back(word);
    if (!all.empty()) all += " AND ";
    all.append("words : \"").append(word).append("\"");
  }
  return all;
}

LineMatch MatchLine(std::string_view line_words, const std::vector<std::string>& words) {
  std::vector<std::string_view> held;
  for (size_t at = 0; at < line_words.size();) {
    const size_t end = std::min(line_words.find(' ', at), line_words.size());
    held.push_back(line_words.substr(at, end - at));
    at = end + 1;
  }
  size_t found = 0;
  for (const std::string& word : words) found += std::find(held.begin(), held.end(), word) != held.end();
  if (found == 0 || words.empty()) return LineMatch::kNone;
  if (found < words.size()) return LineMatch::kSome;
  for (size_t start = 0; start + words.size() <= held.size(); ++start)
    if (std::equal(words.begin(), words.end(), held.begin() + static_cast<std::ptrdiff_t>(start)))
      return LineMatch::kPhrase;
  return LineMatch::kEvery;
}

std::string Highlight(const TextFolder& folder, std::string_view line,
                      const std::vector<std::string>& words) {
  const FoldedText folded = folder.Fold(line);
  std::vector<std::pair<size_t, size_t>> marks;  // source byte ranges
  for (const auto& [begin, end] : WordSpans(folded.text)) {
    const std::string_view word(folded.text.data() + begin, end - begin);
    if (std::find(words.begin(), words.end(), word) == words.end()) continue;
    const size_t from = folded.origin[begin], to = folded.origin[end];
    if (!marks.empty() && line.substr(marks.back().second, from - marks.back().second)
                                  .find_first_not_of(' ') == std::string_view::npos)
      marks.back().second = to;  // neighbours share one pair of brackets
    else
      marks.emplace_back(from, to);
  }
  size_t first = 0, last = line.size();
  if (line.size() > kSnippetBytes) {
    const size_t anchor = marks.empty() ? 0 : marks.front().first;
    first = CharStart(line, anchor > kContextBefore ? anchor - kContextBefore : 0);
    last = CharStart(line, std::min(line.size(), first + kSnippetBytes));
  }
  std::string out = first > 0 ? "…" : "";
  size_t at = first;
  for (const auto& [from, to] : marks) {
    if (from < first || to > last) continue;
    out.append(line.substr(at, from - at)).append("[");
    out.append(line.substr(from, to - from)).append("]");
    at = to;
  }
  out.append(line.substr(at, last - at));
  if (last < line.size()) out += "…";
  return out;
}

std::string FoldedPattern(const TextFolder& folder, std::string_view text) {
  std::string pattern = "%";
  return pattern.append(SearchWords(folder, text)).append("%");
}

}  // namespace vnplan::internal
