#include "src/restore/gazetteer.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

#include "src/text/textutil.h"
#include "src/restore/syllable.h"
#include "src/text/words.h"

namespace vnplan::internal {
namespace {

constexpr struct {
  Place::Level level;
  std::string_view name;
} kLevelNames[] = {{Place::Level::kProvince, "province"},
                   {Place::Level::kDistrict, "district"},
                   {Place::Level::kCommune, "commune"}};

// The tab-separated fields of one line.
std::vector<std::string_view> Fields(std::string_view line) {
  std::vector<std::string_view> fields;
  for (size_t at = 0;;) {
    const size_t tab = line.find('\t', at);
    fields.push_back(line.substr(at, tab == std::string_view::npos ? tab : tab - at));
    if (tab == std::string_view::npos) return fields;
    at = tab + 1;
  }
}

}  // namespace

Status Gazetteer::Load(const std::string& path, std::unique_ptr<Gazetteer>* gazetteer) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  if (!in) return Status::IoError("cannot read the gazetteer " + path);
  text << in.rdbuf();  // an empty file copies nothing and fails `text`, not `in`: no places
  if (in.bad()) return Status::IoError("cannot read the gazetteer " + path);
  Status status = Parse(text.str(), gazetteer);
  if (!status.ok()) return Status::InvalidInput(path + ": " + status.message());
  return status;
}

Status Gazetteer::Parse(std::string_view tsv, std::unique_ptr<Gazetteer>* gazetteer) {
  std::unique_ptr<Gazetteer> g(new Gazetteer());
  int number = 0;
  for (size_t at = 0; at < tsv.size();) {
    const size_t end = std::min(tsv.find('\n', at), tsv.size());
    const std::string_view line = tsv.substr(at, end - at);
    at = end + 1;
    ++number;
    if (line.empty()) continue;
    const std::vector<std::string_view> f = Fields(line);
    const std::string where = "gazetteer line " + std::to_string(number);
    if (f.size() != 5 || f[2].empty() || f[3].empty())
      return Status::InvalidInput(where + ": not level, type, name, code, parent");
    Place place;
    bool known = false;
    for (const auto& level : kLevelNames)
      if (f[0] == level.name) place.level = level.level, known = true;
    if (!known) return Status::InvalidInput(where + ": unknown level '" + std::string(f[0]) + "'");
    place.type = f[1];
    place.name = f[2];
    place.code = f[3];
    place.parent = f[4];
    g->by_key_[g->Key(place.name)].push_back(g->places_.size());
    g->by_code_.emplace(place.code, g->places_.size());
    g->AddType(place.type);
    g->places_.push_back(std::move(place));
  }
  *gazetteer = std::move(g);
  return Status::Ok();
}

std::string Gazetteer::Key(std::string_view name) const {
  std::string key;
  for (char c : folder_.Fold(name).text) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (keep) {
      key.push_back(c);
    } else if (!key.empty() && key.back() != ' ') {
      key.push_back(' ');
    }
  }
  if (!key.empty() && key.back() == ' ') key.pop_back();
  return key;
}

void Gazetteer::AddType(std::string_view type) {
  std::string key = Key(type), initials;
  if (key.empty() || !type_keys_.insert(key).second) return;
  type_spellings_.emplace(key, LowerUtf8(type));
  for (size_t at = 0; at < key.size(); at = key.find(' ', at) + 1) {
    initials.push_back(key[at]);
    if (key.find(' ', at) == std::string::npos) break;
  }
  if (initials.size() > 1) type_keys_.insert(initials);  // "tp", "tx", "tt"
}

Gazetteer::Unit Gazetteer::UnitAt(const std::vector<std::string_view>& words, size_t begin,
                                  std::string_view type) const {
  const auto name_word = [](std::string_view word) {
    return std::all_of(word.begin(), word.end(), [](char c) {
      return c == '-' || static_cast<unsigned char>(c) >= 0x80 || std::isalnum(static_cast<unsigned char>(c));
    });
  };
  size_t end = begin;
  while (end < words.size() && end - begin < kMaxPlaceWords && name_word(words[end])) ++end;
  for (; end > begin; --end) {
    const std::string_view name = Span(words, begin, end);
    if (std::optional<std::string> spelled = Spelling(name, type))
      return {end - begin, std::move(*spelled), Named(name, type).front()};
  }
  return {};
}

const Place* Gazetteer::ProvinceNamedIn(std::string_view text) const {
  const std::vector<std::string_view> words = Words(text);
  if (words.empty()) return nullptr;
  // The text is a place's name alone ("Lâm Thao").
  if (const Place* province = ProvinceOf(Span(words, 0, words.size()))) return province;
  for (size_t at = 0; at < words.size(); ++at) {
    for (size_t type_words : {2, 1}) {
      if (at + type_words >= words.size()) continue;
      const std::string_view type = Span(words, at, at + type_words);
      if (!IsType(type)) continue;
      const Unit unit = UnitAt(words, at + type_words, type);
      if (!unit.words) continue;
      const size_t name = at + type_words;
      if (const Place* province = ProvinceOf(Span(words, name, name + unit.words), type))
        return province;
    }
  }
  return nullptr;
}

bool Gazetteer::IsType(std::string_view words) const { return type_keys_.count(Key(words)) > 0; }

std::string Gazetteer::TypeSpelling(std::string_view words) const {
  const auto it = type_spellings_.find(Key(words));
  return it == type_spellings_.end() ? "" : it->second;
}

std::vector<const Place*> Gazetteer::Named(std::string_view name, std::string_view type) const {
  std::vector<const Place*> out;
  const auto found = by_key_.find(Key(name));
  if (found == by_key_.end()) return out;
  const std::string type_key = type.empty() ? "" : Key(type);
  for (size_t i : found->second)
    if (type_key.empty() || Key(places_[i].type) == type_key) out.push_back(&places_[i]);
  return out;
}

bool Gazetteer::SameMarks(std::string_view a, std::string_view b) const {
  const std::vector<std::string_view> x = Words(a), y = Words(b);
  if (x.size() != y.size()) return false;
  for (size_t i = 0; i < x.size(); ++i) {
    const ToneSplit p = syllables_.Split(x[i]), q = syllables_.Split(y[i]);
    if (p.base != q.base || p.tone != q.tone) return false;
  }
  return true;
}

std::optional<std::string> Gazetteer::Spelling(std::string_view name, std::string_view type) const {
  const std::vector<const Place*> named = Named(name, type);
  if (named.empty()) return std::nullopt;
  const std::string written = LowerUtf8(name);
  bool one_spelling = true;
  for (const Place* place : named) {
    const std::string lower = LowerUtf8(place->name);
    if (lower == written) return place->name;
    // The text's own orthography ("Hòa Bình" where the package writes "Hoà
    // Bình"), with the gazetteer's capitals.
    if (SameMarks(lower, written)) {
      std::string out;
      for (std::string_view word : Words(written)) {
        if (!out.empty()) out += ' ';
        out += CapitalizeFirst(word);
      }
      return out;
    }
    one_spelling = one_spelling && place->name == named.front()->name;
  }
  // Marks missing or other than the unit's (restored "Cần Thọ" for "Cần
  // Thơ") take the one spelling the gazetteer has.
  if (!one_spelling) return std::nullopt;
  return named.front()->name;
}

const Place* Gazetteer::ProvinceOf(std::string_view name, std::string_view type) const {
  std::vector<const Place*> named = Named(name, type);
  // A name written as one unit spells it ("Tân Hòa", not "Tân Hoà") is that unit's.
  const std::string written = LowerUtf8(name);
  std::vector<const Place*> spelled;
  for (const Place* place : named)
    if (LowerUtf8(place->name) == written) spelled.push_back(place);
  if (!spelled.empty()) named = std::move(spelled);
  const Place* province = nullptr;
  for (const Place* place : named) {
    const Place* up = ProvinceOf(*place);
    if (!up) return nullptr;
    if (province && province != up) return nullptr;
    province = up;
  }
  return province;
}

const Place* Gazetteer::ProvinceOf(const Place& place) const {
  const Place* up = &place;
  // A commune's parent is its district, whose parent is the province.
  for (int hops = 0; up && up->level != Place::Level::kProvince && hops < 2; ++hops) {
    const auto parent = by_code_.find(up->parent);
    up = parent == by_code_.end() ? nullptr : &places_[parent->second];
  }
  return up && up->level == Place::Level::kProvince ? up : nullptr;
}

}  // namespace vnplan::internal
