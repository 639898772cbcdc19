#include "src/restore/abbreviations.h"

#include <algorithm>
#include <climits>
#include <string_view>
#include <utility>
#include <vector>

#include "src/text/folding.h"
#include "src/text/words.h"

namespace vnplan::internal {
namespace {


// Symbol formation (Nghị định 30/2020/NĐ-CP, Phụ lục III): the codes of
// document types, and of the issuers and fields most symbols name. Mixed
// case codes (TTg, CTr, TTr, GDTrH) carry no Đ to restore and are read as
// written.
constexpr std::string_view kSymbolCodes[] = {
    // document types
    "NQ", "QĐ", "CT", "QC", "QYĐ", "TC", "TB", "HD", "HĐ", "KH", "PA", "ĐA", "DA", "BC", "BB", "CĐ", "BGN",
    "BTT", "GUQ", "GM", "GGT", "GNP", "PG", "PC", "PB", "NĐ", "TT", "TTLT", "NQLT", "CV",
    // issuers and fields
    "UBND", "HĐND", "VP", "CP", "BCĐ", "BCH", "BTV", "TU", "HU", "ĐU", "ĐTN", "MTTQ", "LĐLĐ", "CĐN", "HĐTĐKT",
    "TĐKT", "GDĐT", "KHĐT", "LĐTBXH", "NNPTNT", "TNMT", "GTVT", "VHTTDL", "KHCN", "TTTT", "XD", "TC", "YT",
    "NV", "TP", "CA", "QS", "ĐH", "TW",
    // schools of ethnic minorities, boarding and semi-boarding (PT DTNT,
    // PTDTBT): "DT" is "dân tộc" there, not ĐT "đào tạo"
    "DTNT", "DTBT"};

// An issuer's first letter before its field: Bộ, Sở, Phòng (BGDĐT, SGDĐT).
bool IsHead(char c) { return c == 'B' || c == 'S' || c == 'P'; }

// "QĐ" -> "qd": what a stripped text writes for it.
std::string SkeletonOf(std::string_view form, const SyllableTools& tools) {
  return tools.Skeleton(tools.Lower(form));
}

}  // namespace

bool AbbreviationTable::IsCandidate(std::string_view part) {
  return part.size() >= 2 && part.size() <= kLongest &&
         std::all_of(part.begin(), part.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

void AbbreviationTable::Build(const CandidateInventory& inventory, const SyllableTools& tools) {
  for (const Candidate& c : inventory.all()) {
    const std::string skeleton = tools.Skeleton(c.syllable);
    if (IsSyllableShape(skeleton) || skeleton.size() > kLongest) continue;
    const bool letters = std::all_of(skeleton.begin(), skeleton.end(), [](char k) { return k >= 'a' && k <= 'z'; });
    if (letters) pieces_.try_emplace(skeleton, ApplyCase(c.syllable, CasePattern::kUpper));
  }
  std::unordered_map<std::string, std::string> codes;
  for (std::string_view code : kSymbolCodes) {
    auto [it, fresh] = codes.try_emplace(SkeletonOf(code, tools), std::string(code));
    if (!fresh && it->second != code) it->second.clear();  // HD and HĐ
  }
  for (auto& [skeleton, form] : codes) pieces_[skeleton] = std::move(form);
}

std::string AbbreviationTable::Restore(std::string_view upper) const {
  if (!IsCandidate(upper) || upper.find('D') == std::string_view::npos) return "";
  std::string lower(upper);
  for (char& c : lower) c = static_cast<char>(c - 'A' + 'a');
  // The fewest known pieces that make the part from `from` on (the whole
  // known, or a head letter and then pieces); INT_MAX when none do.
  const size_t n = lower.size();
  std::vector<int> fewest(n + 1, INT_MAX);
  std::vector<size_t> next(n + 1, n);
  fewest[n] = 0;
  for (size_t from = n; from-- > 0;)
    for (size_t to = n; to >= from + 2; --to) {
      auto it = pieces_.find(lower.substr(from, to - from));
      if (it == pieces_.end() || fewest[to] == INT_MAX || fewest[to] + 1 >= fewest[from]) continue;
      fewest[from] = fewest[to] + 1;
      next[from] = to;
    }
  size_t at = 0;
  std::string out;
  if (fewest[0] == INT_MAX && n >= 3 && IsHead(upper[0]) && fewest[1] != INT_MAX) {
    out.push_back(upper[0]);
    at = 1;
  }
  if (fewest[at] == INT_MAX) return "";
  for (; at < n; at = next[at]) {
    const std::string& form = pieces_.at(lower.substr(at, next[at] - at));
    if (form.empty()) return "";  // a piece read both ways: leave the part as written
    out += form;
  }
  return out == upper ? "" : out;
}

}  // namespace vnplan::internal
