#include "bench/restore_eval.h"

#include <unicode/uchar.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <map>
#include <sstream>

#include "src/restore/syllable.h"
#include "src/text/textutil.h"
#include "src/text/words.h"

namespace vnplan::eval {
namespace {

const internal::SyllableTools& Tools() {
  static const internal::SyllableTools tools;
  return tools;
}

// Calls fn(begin, end) for each word of text: letters and digits, as OCR
// misreads a letter for a digit ("d6i") and numbers count too.
template <typename Fn>
void ForEachWord(const std::string& text, Fn fn) {
  internal::WordReader words(text, internal::WordKind::kLettersAndDigits);
  for (size_t b, e; words.Next(b, e);) fn(b, e);
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

std::vector<std::string> Keys(const std::string& line) {
  std::vector<std::string> keys;
  ForEachWord(line, [&](size_t b, size_t e) {
    const internal::ToneSplit split = Tools().Split(Tools().Lower(line.substr(b, e - b)));
    keys.push_back(split.base + "#" + std::to_string(split.tone));
  });
  return keys;
}

}  // namespace

std::string StripMarks(const std::string& text) {
  std::string out;
  internal::CodePointReader reader(text);
  for (internal::CodePoint c; reader.Next(c);) {
    if (c.value < 0x80) {
      out.push_back(static_cast<char>(c.value));
      continue;
    }
    const std::string one = text.substr(c.begin, c.end - c.begin);
    const std::string folded = Tools().Skeleton(one);
    if (folded.size() == 1 && folded[0] >= 'a' && folded[0] <= 'z')
      out.push_back(u_isupper(c.value) ? static_cast<char>(folded[0] - 'a' + 'A') : folded[0]);
    else
      out += one;
  }
  return out;
}

Accuracy Compare(const std::string& truth, const std::string& output) {
  Accuracy a;
  const std::vector<std::string> t = Lines(truth), o = Lines(output);
  for (size_t k = 0; k < t.size(); ++k) {
    const std::vector<std::string> want = Keys(t[k]);
    const std::vector<std::string> got = k < o.size() ? Keys(o[k]) : std::vector<std::string>{};
    // Longest common subsequence = words right after alignment.
    std::vector<std::vector<int>> lcs(want.size() + 1, std::vector<int>(got.size() + 1, 0));
    for (size_t i = 1; i <= want.size(); ++i)
      for (size_t j = 1; j <= got.size(); ++j)
        lcs[i][j] = want[i - 1] == got[j - 1] ? lcs[i - 1][j - 1] + 1
                                              : std::max(lcs[i - 1][j], lcs[i][j - 1]);
    a.correct += lcs[want.size()][got.size()];
    a.total += static_cast<int>(want.size());
  }
  return a;
}

MostFrequentForm::MostFrequentForm(const std::vector<std::string>& texts,
                                   const std::string& extra_text) {
  std::map<std::string, std::map<std::string, int>> counts;
  auto add = [&](const std::string& text) {
    ForEachWord(text, [&](size_t b, size_t e) {
      const std::string lower = Tools().Lower(text.substr(b, e - b));
      ++counts[Tools().Skeleton(lower)][lower];
    });
  };
  for (const std::string& t : texts) add(t);
  add(extra_text);
  for (const auto& [skeleton, forms] : counts) {
    const auto best = std::max_element(forms.begin(), forms.end(),
                                       [](const auto& a, const auto& b) { return a.second < b.second; });
    best_[skeleton] = best->first;
  }
}

std::string MostFrequentForm::Restore(const std::string& stripped) const {
  std::string out;
  size_t copied = 0;
  ForEachWord(stripped, [&](size_t b, size_t e) {
    const std::string word = stripped.substr(b, e - b);
    auto it = best_.find(Tools().Lower(word));
    if (it == best_.end()) return;
    out += stripped.substr(copied, b - copied);
    const bool upper = word.size() > 1 && std::all_of(word.begin(), word.end(), [](char c) {
                         return !(c >= 'a' && c <= 'z');
                       });
    std::string form = it->second;
    if (upper) {
      form.clear();
      icu::UnicodeString::fromUTF8(it->second).toUpper(icu::Locale("vi")).toUTF8String(form);
    } else if (word[0] >= 'A' && word[0] <= 'Z') {
      form = internal::CapitalizeFirst(form);
    }
    out += form;
    copied = e;
  });
  return out + stripped.substr(copied);
}

}  // namespace vnplan::eval
