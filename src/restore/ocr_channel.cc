#include "src/restore/ocr_channel.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>

#include "src/restore/syllable.h"
#include "src/text/textutil.h"
#include "vnplan/restorer.h"

namespace vnplan::internal {

namespace {

// The document's estimate and the learned one, mixed (000 gives the same
// result for 0.25, 0.5 and 1).
constexpr double kDocumentShare = 0.5;

// A UTF-8 string cut into code points.
std::vector<std::string> CodePoints(const std::string& s) {
  const std::vector<size_t> at = CodePointBoundaries(s);
  std::vector<std::string> out;
  for (size_t k = 0; k + 1 < at.size(); ++k) out.push_back(s.substr(at[k], at[k + 1] - at[k]));
  return out;
}

size_t Occurrences(const std::string& text, const std::string& run) {
  size_t n = 0;
  for (size_t at = text.find(run); at != std::string::npos; at = text.find(run, at + run.size())) ++n;
  return n;
}

}  // namespace

Status OcrChannel::Load(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::IoError(path + ": cannot open the channel rules");
  for (std::string line; std::getline(in, line);) {
    const size_t a = line.find('\t'), b = line.find('\t', a + 1);
    if (a == std::string::npos || b == std::string::npos) continue;
    Add(line.substr(0, a), line.substr(a + 1, b - a - 1), std::strtof(line.c_str() + b + 1, nullptr));
  }
  return Status::Ok();
}

void OcrChannel::Add(const std::string& source, const std::string& ocr, float logp) {
  if (source == ocr && source.size() == 1) {
    kept_[source[0]] = logp;
  } else if (!ocr.empty()) {
    undo_[ocr].push_back({source, logp});
    longest_run_ = std::max(longest_run_, ocr.size());
  }
}

std::vector<std::pair<std::string, float>> OcrChannel::Undamage(const std::string& f) const {
  struct Partial {
    size_t at;
    std::string built;
    float logp;
    int edits;
  };
  std::vector<std::pair<std::string, float>> out;
  if (f.size() > kLongestDamagedWord) return out;
  std::vector<Partial> stack = {{0, "", 0.0f, 0}};
  while (!stack.empty() && out.size() < 1024) {
    Partial p = std::move(stack.back());
    stack.pop_back();
    if (p.at == f.size()) {
      out.emplace_back(p.built, p.logp);
      continue;
    }
    const char c = f[p.at];
    if (c >= 'a' && c <= 'z') {
      auto k = kept_.find(c);
      stack.push_back({p.at + 1, p.built + c, p.logp + (k == kept_.end() ? 0.0f : k->second), p.edits});
    }
    if (p.edits >= 2) continue;
    for (size_t len = 1; len <= longest_run_ && p.at + len <= f.size(); ++len) {
      auto rules = undo_.find(f.substr(p.at, len));
      if (rules == undo_.end()) continue;
      for (const Rule& r : rules->second)
        if (r.logp > kUnseenEdit) stack.push_back({p.at + len, p.built + r.source, p.logp + r.logp, p.edits + 1});
    }
  }
  return out;
}

void RunCounts::Add(const std::string& meant, const std::string& read) {
  for (auto& run : LetterRuns(meant, read)) {
    ++sources_[run.first];
    ++counts_[std::move(run)];
  }
  all_sources_.append(meant).push_back(' ');
  ++words_;
}

std::vector<RunCounts::Rule> RunCounts::Rules() const {
  std::map<std::string, size_t> sources = sources_;
  for (auto& [source, n] : sources)
    if (CodePoints(source).size() > 1) n = std::max(n, Occurrences(all_sources_, source));
  std::vector<Rule> rules;
  for (const auto& [rule, n] : counts_) {
    const auto& [source, ocr] = rule;
    rules.push_back({source, ocr, n, static_cast<double>(n) / static_cast<double>(sources[source])});
  }
  return rules;
}

OcrChannel OcrChannel::AdaptedTo(const std::vector<std::pair<std::string, std::string>>& readings,
                                 int* added) const {
  RunCounts counts;
  for (const auto& [written, chosen] : readings) counts.Add(chosen, written);
  OcrChannel adapted = *this;
  int moved = 0;
  for (const RunCounts::Rule& rule : counts.Rules()) {
    if (rule.source == rule.ocr || rule.count < kMinDamageCount || rule.ocr.empty()) continue;
    const double document = rule.share;
    double learned = 0;
    std::vector<Rule>& list = adapted.undo_[rule.ocr];
    auto same = std::find_if(list.begin(), list.end(), [&](const Rule& r) { return r.source == rule.source; });
    if (same != list.end()) learned = std::exp(same->logp);
    if (learned >= document) continue;
    const auto logp = static_cast<float>(std::log(kDocumentShare * document + (1 - kDocumentShare) * learned));
    if (same != list.end()) {
      same->logp = logp;
    } else {
      list.push_back({rule.source, logp});
      adapted.longest_run_ = std::max(adapted.longest_run_, rule.ocr.size());
    }
    ++moved;
  }
  if (added != nullptr) *added = moved;
  return adapted;
}

std::vector<std::pair<std::string, std::string>> LetterRuns(const std::string& source,
                                                            const std::string& ocr) {
  const std::vector<std::string> a = CodePoints(source), b = CodePoints(ocr);
  const size_t n = a.size(), m = b.size();
  // Levenshtein table, then one alignment traced back (diagonal first).
  std::vector<std::vector<int>> d(n + 1, std::vector<int>(m + 1, 0));
  for (size_t i = 0; i <= n; ++i) d[i][0] = static_cast<int>(i);
  for (size_t j = 0; j <= m; ++j) d[0][j] = static_cast<int>(j);
  for (size_t i = 1; i <= n; ++i)
    for (size_t j = 1; j <= m; ++j)
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1])});
  std::vector<std::pair<std::string, std::string>> ops;  // back to front
  for (size_t i = n, j = m; i > 0 || j > 0;) {
    if (i > 0 && j > 0 && d[i][j] == d[i - 1][j - 1] + (a[i - 1] != b[j - 1])) {
      ops.emplace_back(a[i - 1], b[j - 1]);
      --i, --j;
    } else if (i > 0 && d[i][j] == d[i - 1][j] + 1) {
      ops.emplace_back(a[--i], "");
    } else {
      ops.emplace_back("", b[--j]);
    }
  }
  std::reverse(ops.begin(), ops.end());
  // Kept letters alone, edits merged into runs.
  std::vector<std::pair<std::string, std::string>> runs;
  std::pair<std::string, std::string> edit;
  for (const auto& op : ops) {
    if (op.first == op.second) {
      if (!edit.first.empty() || !edit.second.empty()) runs.push_back(std::move(edit)), edit = {};
      runs.push_back(op);
    } else {
      edit.first += op.first;
      edit.second += op.second;
    }
  }
  if (!edit.first.empty() || !edit.second.empty()) runs.push_back(std::move(edit));
  // An insertion joins the run before it, so that every run has a source.
  std::vector<std::pair<std::string, std::string>> merged;
  for (auto& run : runs) {
    if (run.first.empty() && !merged.empty()) {
      merged.back().second += run.second;
    } else {
      merged.push_back(std::move(run));
    }
  }
  merged.erase(std::remove_if(merged.begin(), merged.end(), [](const auto& r) { return r.first.empty(); }),
               merged.end());
  return merged;
}

}  // namespace vnplan::internal

namespace vnplan {

Status TrainChannel(const std::vector<std::pair<std::string, std::string>>& words, const std::string& path,
                    int* written) {
  if (words.empty()) return Status::InvalidInput("no word pairs to learn the channel from");
  const internal::SyllableTools tools;
  internal::RunCounts counts;
  for (const auto& [clean, ocr] : words) counts.Add(tools.Skeleton(clean), tools.Skeleton(ocr));
  const std::string temporary = path + ".tmp";
  std::FILE* out = std::fopen(temporary.c_str(), "w");
  if (out == nullptr) return Status::IoError(path + ": cannot write the channel rules");
  int rules = 0;
  for (const internal::RunCounts::Rule& rule : counts.Rules()) {
    // Kept letters always (their log P is the cost of reading a letter as
    // itself); damage only when seen often enough not to be chance.
    if (rule.source != rule.ocr && rule.count < internal::kMinDamageCount) continue;
    std::fprintf(out, "%s\t%s\t%.4f\n", rule.source.c_str(), rule.ocr.c_str(), std::log(rule.share));
    ++rules;
  }
  const bool closed = std::fclose(out) == 0;
  std::error_code ec;
  if (closed) std::filesystem::rename(temporary, path, ec);
  if (!closed || ec) return Status::IoError(path + ": cannot write the channel rules");
  if (written != nullptr) *written = rules;
  return Status::Ok();
}

}  // namespace vnplan
