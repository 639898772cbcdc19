// An agency's name from its masthead capitals: "Sở Giáo dục và Đào tạo",
// "Ủy ban nhân dân huyện Lâm Thao", "Ủy ban Thường vụ Quốc hội".
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "src/parser/header.h"
#include "src/parser/header_patterns.h"
#include "src/restore/gazetteer.h"
#include "src/text/textutil.h"

namespace vnplan::internal {
namespace {

// Proper nouns inside agency names, folded, that keep their capital
// wherever they stand ("Ủy ban Thường vụ Quốc hội", "Ngân hàng Nhà nước
// Việt Nam", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"): a body's name
// capitalises its first syllable, a country's or person's name every one.
// A party committee ("Tỉnh ủy") is a body, not a place marker.
// "nhà nước" alone stays lower ("Ban Chỉ đạo nhà nước về du lịch"). Seen
// on the devset issuers (issue 12), whose mastheads print them in capitals.
struct ProperNoun {
  std::string_view folded;
  bool every_word;
};
constexpr ProperNoun kProperNouns[] = {
    {"quoc hoi", false},   {"chinh phu", false}, {"nha nuoc viet nam", false},
    {"thuong vu", false},  {"trung uong", false}, {"mat tran", false},
    {"to quoc", false},    {"cong san", false},  {"viet nam", true},
    {"ho chi minh", true}, {"tinh uy", false},   {"thanh uy", false},
    {"huyen uy", false},   {"dang uy", false}};

// Which words of `words` a proper noun capitalises.
std::vector<bool> ProperNounWords(const TextFolder& folder,
                                  const std::vector<std::string_view>& words) {
  std::vector<std::string> letters;
  for (std::string_view word : words) {
    letters.emplace_back();
    for (char c : folder.Fold(word).text)
      if (c >= 'a' && c <= 'z') letters.back().push_back(c);
  }
  std::vector<bool> named(words.size(), false);
  for (const ProperNoun& noun : kProperNouns) {
    const std::vector<std::string_view> parts = Words(noun.folded);
    for (size_t k = 0; k + parts.size() <= letters.size(); ++k) {
      size_t n = 0;
      while (n < parts.size() && letters[k + n] == parts[n]) ++n;
      if (n < parts.size()) continue;
      for (n = 0; n < (noun.every_word ? parts.size() : 1); ++n) named[k + n] = true;
    }
  }
  return named;
}

}  // namespace

size_t HeaderReader::KnownUnit(const std::vector<std::string_view>& words, size_t at,
                               size_t type_words, std::vector<std::string>& out) const {
  if (!gazetteer_) return 0;
  const Gazetteer::Unit unit = gazetteer_->UnitAt(words, at + type_words, Span(words, at, at + type_words));
  if (!unit.words) return 0;
  out.push_back(LowerUtf8(unit.place->type));
  out.push_back(unit.name);
  return type_words + unit.words;
}

std::string HeaderReader::AgencyName(std::string_view caps) const {
  static const std::set<std::string_view> kHeads = {
      "so", "phong", "bo", "ban", "truong", "cuc", "vu", "vien", "trung"};
  static const std::set<std::string_view> kPlaceMarkers = {
      "tinh", "huyen", "quan", "xa", "phuong", "thanh", "thi"};
  std::vector<std::string> out;
  // After a place word ("tỉnh", "thành phố") or an abbreviation ("THCS"),
  // what follows is a proper name: every word capitalised.
  bool proper = false, capitalize_next = false;
  const std::vector<std::string_view> words = Words(caps);
  const std::vector<bool> named = ProperNounWords(folder_, words);
  for (size_t k = 0; k < words.size(); ++k) {
    const std::string folded = folder_.Fold(words[k]).text;
    std::string letters;
    for (char c : folded)
      if (c >= 'a' && c <= 'z') letters.push_back(c);
    // A comma after a word ("CHÍNH SÁCH,") makes no abbreviation of it.
    size_t core = folded.size();
    while (core > 0 && (folded[core - 1] == ',' || folded[core - 1] == ';')) --core;
    const bool abbreviation = !IsSyllableShape(letters) || core != letters.size();
    std::string word = abbreviation ? std::string(words[k]) : LowerUtf8(words[k]);
    // "thành phố", "thị xã", "thị trấn" are markers of two words; "THANH"
    // alone starts a name ("TỈNH THANH HÓA").
    const std::string next = k + 1 < words.size() ? folder_.Fold(words[k + 1]).text : "";
    const bool two_words = (letters == "thanh" && next == "pho") ||
                           (letters == "thi" && (next == "xa" || next == "tran"));
    const bool marker = !named[k] && (two_words || (kPlaceMarkers.count(letters) &&
                                                   letters != "thanh" && letters != "thi"));
    if (!abbreviation && marker && k > 0) {
      proper = true;  // the place marker itself stays lower case
      if (const size_t used = KnownUnit(words, k, two_words ? 2 : 1, out)) {
        k += used - 1;
        continue;
      }
      if (two_words) {
        out.push_back(word);
        out.push_back(LowerUtf8(words[++k]));
        continue;
      }
    } else if (!abbreviation && (k == 0 || proper || capitalize_next || named[k])) {
      word = CapitalizeFirst(word);
    }
    // After the head ("Sở", "Văn phòng") comes the proper name.
    const bool head = (k == 0 && kHeads.count(letters)) ||
                      (k == 1 && letters == "phong" && folder_.Fold(words[0]).text == "van");
    capitalize_next = head || letters == "va" ||
                      word.back() == ',' || word == "-";
    proper = proper || (abbreviation && k > 0);
    out.push_back(word);
  }
  return Join(out, " ");
}

}  // namespace vnplan::internal
