#include "src/restore/reading.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include <unicode/utf8.h>

#include "src/text/person_names.h"
#include "src/text/textutil.h"
#include "src/text/words.h"

namespace vnplan::internal {
namespace {

// Per word in the search. With the beam of 16 pruned at 6 (restorer.cc):
// devset every 5th from the 2nd (tuning) / from the 1st (measuring), seeds
// by restore_bench leave one out, CPU of `vnplan restore` on the stripped
// seeds x8 (best of 5):
//   cands  tuning  measuring | 002    003    004    | CPU
//   8      94.04   94.66     | 98.95  98.45  97.26  | 0.18 s
//   10     94.08   94.70     | 98.95  98.45  97.34  | 0.19 s
//   12     94.13   94.78     | 98.93  98.45  97.34  | 0.21 s
//   16     94.14             | 98.93  98.45  97.34  | 0.24 s
// (002 loses one word of 4,289 at 12; the devset gains 0.1 point.)
constexpr size_t kSearchCandidates = 12;
// A word read by legacy OCR may be many things ("Pay": đẩy, đây, này, …).
constexpr size_t kDamagedCandidates = 16;
// ... but not those far less likely than its likeliest reading (channel
// and prior, log probability). 000 with the search pruned at 5
// (`vnplan restore`, CPU time with about 60 ms of loading; syllacc.py): no
// margin 206 ms 96.82%; 8: 167 ms 96.82%; 6: 157 ms 96.75%.
constexpr float kDamagedMargin = 8.0f;

// Syllables of a person's name, surname first: "Phạm Trường Thọ" to
// "Tôn Nữ Thị Ninh"; two ("Lê Hoa") is too often a place or a street.
constexpr size_t kShortestName = 3, kLongestName = 5;

// Nothing but spaces and line ends between words a and b: one name may
// run on to the next line, not across a comma or a dash.
bool Adjacent(std::string_view text, const Word& a, const Word& b) {
  return b.begin > a.end && text.substr(a.end, b.begin - a.end).find_first_not_of(" \n") == std::string_view::npos;
}

// Where the maximal run of adjacent capitalised words starting at `first`
// ends (one past its last word), at most `longest` words long.
size_t TitledRunEnd(std::string_view text, const std::vector<Word>& words, size_t first, size_t longest) {
  auto titled = [&](const Word& w) { return IsTitled(text.substr(w.begin, w.end - w.begin)); };
  if (!titled(words[first])) return first;
  size_t end = first + 1;
  while (end < words.size() && end - first < longest && Adjacent(text, words[end - 1], words[end]) &&
         titled(words[end]))
    ++end;
  return end;
}

// The text of words [first, end), with what stands between them.
std::string_view SpanText(std::string_view text, const std::vector<Word>& words, size_t first, size_t end) {
  return text.substr(words[first].begin, words[end - 1].end - words[first].begin);
}

bool IsSentenceStop(char c) { return c == '.' || c == ';' || c == ':' || c == '!' || c == '?'; }

// A comma between words is scored by the models as a word (kComma).
uint64_t CommaWord() {
  static const uint64_t hash = WordHash(kComma);
  return hash;
}

bool IsComma(const Piece& piece) { return piece.word < 0 && piece.known == CommaWord(); }

// Every comma of text [from, to) as a piece.
void AddCommas(std::string_view text, size_t from, size_t to, std::vector<Piece>& pieces) {
  for (size_t k = from; k < to; ++k)
    if (text[k] == kComma[0]) pieces.push_back({false, -1, false, CommaWord()});
}

// Where a chunk's core breaks into parts: "GD&DT", "GDNN-GDTX", "tập
// thể/cá nhân" are each several words.
bool BreaksWord(std::string_view text, size_t k, size_t end) {
  const char c = text[k];
  const bool joins = c == '&' && k + 1 < end && static_cast<unsigned char>(text[k + 1]) >= 'A';
  return c == '-' || c == '.' || joins || c == '_' || c == ',' || c == ':' || c == '/' || c == '(' ||
         c == ')' || c == '"' || c == '\'';
}

// The core of [begin, end): from its first to its last word character.
std::pair<size_t, size_t> CoreOf(std::string_view text, size_t begin, size_t end) {
  CodePointReader forward(text.substr(0, end), begin);
  for (CodePoint c; forward.Next(c) && !IsWordChar(c.value);) begin = c.end;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  while (end > begin) {
    auto k = static_cast<int32_t>(end);
    UChar32 c;
    U8_PREV(s, static_cast<int32_t>(begin), k, c);
    if (IsWordChar(c)) break;
    end = static_cast<size_t>(k);
  }
  return {begin, end};
}

// The letter of a list item opening the line at `at` ("b) Nội dung",
// "**c)** …"), lower case, with its byte offset in *letter; 0 when the line
// opens no such item.
char ItemLetterAt(std::string_view text, size_t at, size_t* letter) {
  while (at < text.size() && (text[at] == ' ' || text[at] == '\t' || text[at] == '*' || text[at] == '_')) ++at;
  if (at + 1 >= text.size() || text[at + 1] != ')') return 0;
  const char c = text[at];
  if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return 0;
  *letter = at;
  return static_cast<char>(c | 0x20);
}

}  // namespace

// The state of one Read: what has been cut so far.
struct TextReader::Cutting {
  std::string_view text;
  const OcrChannel& damaged_by;
  TextReading& out;
  int line = 1;
  // Words repeat: read each distinct one once (the ICU work is the cost).
  std::unordered_map<std::string_view, const WordForm*> seen;  // null: not read
};

TextReading TextReader::Read(std::string_view text, const OcrChannel& damaged_by) const {
  TextReading reading;
  reading.damage = Measure(text);
  Cutting cut{text, damaged_by, reading, 1, {}};
  std::vector<Piece>& pieces = reading.pieces;
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    // A chunk: everything up to the next space or line end.
    const size_t start = i;
    while (i < n && text[i] != ' ' && text[i] != '\n' && text[i] != '\t') ++i;
    if (i > start) CutChunk(cut, start, i);
    if (i < n && text[i] == '\n') {
      ++cut.line;
      if (i + 1 < n && text[i + 1] == '\n') pieces.push_back({true, -1});
    }
    if (i < n) ++i;
  }
  pieces.push_back({true, -1});
  MarkPersonNames(text, reading);
  MarkPlaceNames(text, reading);
  ReadAbbreviationsInParts(text, reading);
  RestoreItemLetters(text, reading);
  return reading;
}

// List items run through the Vietnamese alphabet, a b c d đ e g …: where
// marks were lost, the item after "d)" written "d)" again is "đ)". No
// syllable is a lone "d", so the search never gives it back (the devset's
// odd half: 110 of its "đ" errors were items). A text that carries its
// marks wrote its "đ" itself.
void TextReader::RestoreItemLetters(std::string_view text, TextReading& reading) {
  if (reading.damage.carries_marks()) return;
  char previous = 0;
  int line = 1;
  bool restored = false;
  for (size_t at = 0; at < text.size(); ++line) {
    size_t letter = 0;
    if (const char item = ItemLetterAt(text, at, &letter); item != 0) {
      const bool d_stroke = item == 'd' && previous == 'd';
      if (d_stroke) reading.abbreviations.push_back({letter, letter + 1, line, text[letter] == 'D' ? "Đ" : "đ"});
      restored |= d_stroke;
      previous = d_stroke ? 0 : item;
    }
    const size_t end = text.find('\n', at);
    at = end == std::string_view::npos ? text.size() : end + 1;
  }
  if (restored)
    std::stable_sort(reading.abbreviations.begin(), reading.abbreviations.end(),
                     [](const RestoredAbbreviation& a, const RestoredAbbreviation& b) { return a.begin < b.begin; });
}

// A person's name is a surname and at least two more syllables, each
// capitalised, with nothing but a space between them ("Nguyễn Thị Thanh
// Huyền", "Phạm Trường Thọ"). The models know the genre's words, not
// given names: on real cv1849 they took OCR's right "Thanh Huyền" to
// "Thanh Huyện" (the district). Where the text carries its marks and is
// not legacy OCR, such a name is kept as written; stripped text still has
// its names restored (they have no marks to keep).
void TextReader::MarkPersonNames(std::string_view text, TextReading& reading) const {
  if (!reading.damage.carries_marks() || reading.damage.legacy()) return;
  std::vector<Word>& words = reading.words;
  for (size_t first = 0; first < words.size();) {
    size_t end = first + 1;
    if (IsSurname(words[first].form->skeleton)) end = std::max(end, TitledRunEnd(text, words, first, kLongestName));
    if (end - first >= kShortestName)
      for (size_t k = first; k < end; ++k)
        words[k].only = words[k].form->same;
    first = end;
  }
}

// Place names: where a text lost its marks, capitalised words that spell a
// province, district or commune ("Phuong Xa", "Huong Can", after a unit's
// type or alone) are favoured as the gazetteer spells such a unit. The
// models know the genre's words better than 10,000 communes' names:
// stripped 004 read "Phường Xã", "Hướng Cần", "Thành Ba". Two words at
// least: a single capitalised word is as often a body ("Sở") as a place.
// Favoured, not forced: "Ban Thi đua" spells the commune Bản Thi, "Giao
// Phòng GDTrH" Giao Phong. A name that several units spell differently is
// read as the units of the document's own province spell it (DocumentProvince).
// A unit's type before two capitalised words or more, in the run or just
// before it, is favoured as the type ("phuong Truong Vinh" is the ward
// "phường", which the dictionary's "phương trượng" outweighed), whether
// the gazetteer knows the name or not (the wards of 2025). Devset fifths
// (tuning / 1st / 3rd) 97.40 / 97.58 / 96.74 -> 97.47 / 97.64 / 96.76; the
// tuning fifth 160 words mended, 1 broken ("Hải quan Hàn Quốc" read
// "quận"), the 3rd 79 and 4 ("Đại sứ quán Nhật"); seeds unchanged.
void TextReader::MarkPlaceNames(std::string_view text, TextReading& reading) const {
  if (places_ == nullptr || reading.damage.carries_marks() || reading.damage.legacy()) return;
  std::vector<PlaceRun> runs, types;
  FindPlaceRuns(text, reading, runs, types);
  const Place* province = DocumentProvince(runs);
  for (const PlaceRun& type : types) FavourSpelling(type.first, type.end, {type.type}, reading);
  for (PlaceRun& run : runs) {
    std::vector<const Place*> own;
    for (const Place* place : run.named)
      if (province != nullptr && places_->ProvinceOf(*place) == province) own.push_back(place);
    std::vector<std::string> spellings;
    for (const Place* place : own.empty() ? run.named : own) spellings.push_back(place->name);
    FavourSpelling(run.first, run.end, spellings, reading);
  }
}

// Runs of capitalised words (broken at anything but a space or a line end)
// are read whole: a run that spells units goes to `runs`; one that opens
// with a unit's type ("Phuong Bac Giang", "Thi Tran ...") or follows one
// ("phuong Truong Vinh") puts the type's words in `types`, and the rest of
// the run, if it spells units, in `runs`. A run longer than a type and the
// longest name is a heading in Title Case, no place.
void TextReader::FindPlaceRuns(std::string_view text, const TextReading& reading, std::vector<PlaceRun>& runs,
                               std::vector<PlaceRun>& types) const {
  const std::vector<Word>& words = reading.words;
  constexpr size_t kLongestRun = kMaxPlaceWords + 2;  // "Thanh Pho Viet Tri": a type, then the name
  for (size_t first = 0; first < words.size();) {
    const size_t end = std::max(first + 1, TitledRunEnd(text, words, first, words.size()));
    if (end - first >= 2 && end - first <= kLongestRun) {
      // A run that is a name whole has no type in it (the communes Tịnh Ấn
      // Tây, Quan Hồ Thẩn).
      const bool whole = AddPlaceRun(text, words, first, end, runs);
      const size_t opening = whole ? 0 : TypeWordsAt(text, words, first, end, types);
      if (opening > 0) {
        AddPlaceRun(text, words, first + opening, end, runs);
      } else {
        TypeWordsBefore(text, words, first, types);
      }
    }
    first = end;
  }
}

bool TextReader::AddPlaceRun(std::string_view text, const std::vector<Word>& words, size_t first, size_t end,
                             std::vector<PlaceRun>& runs) const {
  if (end < first + 2 || end - first > kMaxPlaceWords) return false;
  PlaceRun run{first, end, places_->Named(SpanText(text, words, first, end)), {}};
  if (run.named.empty()) return false;
  runs.push_back(std::move(run));
  return true;
}

// How many of the words of the run [first, end) name a unit's type at its
// start, with two words or more after them (added to `types`); 0 for none.
size_t TextReader::TypeWordsAt(std::string_view text, const std::vector<Word>& words, size_t first, size_t end,
                               std::vector<PlaceRun>& types) const {
  for (size_t type_words : {2, 1})
    if (end >= first + type_words + 2 && AddType(text, words, first, first + type_words, types)) return type_words;
  return 0;
}

// The same for the words just before the run at `first`, with nothing but
// spaces between (a run has two words or more).
size_t TextReader::TypeWordsBefore(std::string_view text, const std::vector<Word>& words, size_t first,
                                   std::vector<PlaceRun>& types) const {
  for (size_t type_words : {2, 1}) {
    if (first < type_words) continue;
    bool adjacent = true;
    for (size_t k = first - type_words; k < first; ++k) adjacent = adjacent && Adjacent(text, words[k], words[k + 1]);
    if (adjacent && AddType(text, words, first - type_words, first, types)) return type_words;
  }
  return 0;
}

bool TextReader::AddType(std::string_view text, const std::vector<Word>& words, size_t first, size_t end,
                         std::vector<PlaceRun>& types) const {
  std::string type = places_->TypeSpelling(SpanText(text, words, first, end));
  if (type.empty() || Words(type).size() != end - first) return false;
  types.push_back({first, end, {}, std::move(type)});
  return true;
}

// The province most of the document's place names lie in, each name that
// lies in one province alone a vote ("Thanh Ba", "Hạ Hòa" for Phú Thọ); null
// without at least two votes more than any other province has. A plan
// names its own communes: stripped 004's "Van Linh" and "Phu Ninh" were
// read as Lạng Sơn's Vạn Linh and Quảng Nam's Phú Ninh. Seeds 004 (leave
// one out) 98.46 -> 98.57%; devset fifths (tuning / 1st / 3rd, by
// bench/devset_restore.sh) 97.39 / 97.55 / 96.72 -> 97.40 / 97.58 / 96.74.
const Place* TextReader::DocumentProvince(const std::vector<PlaceRun>& runs) const {
  std::unordered_map<const Place*, int> votes;
  for (const PlaceRun& run : runs) {
    const Place* province = places_->ProvinceOf(*run.named.front());
    for (const Place* place : run.named)
      if (places_->ProvinceOf(*place) != province) province = nullptr;
    if (province != nullptr) ++votes[province];
  }
  const Place* best = nullptr;
  int most = 0, second = 0;
  // A tie leaves `second` equal to `most`, whatever the order: no province.
  for (const auto& [province, count] : votes) {
    if (count > most) {
      second = most;
      most = count, best = province;
    } else {
      second = std::max(second, count);
    }
  }
  return most >= second + 2 ? best : nullptr;
}

const Candidate* TextReader::KnownAs(std::string_view word) const {
  const std::string lower = tools_.Lower(word);
  const std::string canonical = tools_.Canonical(lower);
  return inventory_.WithForm(canonical.empty() ? lower : canonical);
}

const Candidate* TextReader::OptionSpelled(const WordForm& form, std::string_view syllable) const {
  const Candidate* c = KnownAs(syllable);
  const bool option = std::any_of(form.options.begin(), form.options.end(), [&](const auto& o) { return o.first == c; });
  return c != nullptr && option ? c : nullptr;
}

void TextReader::FavourSpelling(size_t first, size_t end, const std::vector<std::string>& names,
                                TextReading& reading) const {
  std::vector<Word>& words = reading.words;
  const size_t n = end - first;
  // Each word's reading, where every name that its options spell agrees.
  std::vector<const Candidate*> agreed(n, nullptr);
  bool spelled = false;
  for (const std::string& name : names) {
    const std::vector<std::string_view> syllables = Words(name);
    if (syllables.size() != n) continue;  // "Bà Rịa - Vũng Tàu"
    std::vector<const Candidate*> spelling(n);
    for (size_t k = 0; k < n; ++k) spelling[k] = OptionSpelled(*words[first + k].form, syllables[k]);
    if (std::find(spelling.begin(), spelling.end(), nullptr) != spelling.end()) continue;
    for (size_t k = 0; k < n; ++k) agreed[k] = !spelled || agreed[k] == spelling[k] ? spelling[k] : nullptr;
    spelled = true;
  }
  for (size_t k = 0; k < n; ++k)
    if (agreed[k] != nullptr) words[first + k].place = agreed[k];
}

// An abbreviation written in parts ("HD TDKT" for HĐTĐKT, Hội đồng Thi đua
// - Khen thưởng): a part the table reads both ways (HD "hướng dẫn", HĐ "hội
// đồng"), and so leaves to the search, is read as the whole the parts make
// when the table knows that whole. The search had only the models, whose
// genre text writes "HD" more often (stripped 004: "Thường trực HD TĐKT").
void TextReader::ReadAbbreviationsInParts(std::string_view text, TextReading& reading) const {
  for (Word& word : reading.words) {
    const std::string_view core = text.substr(word.begin, word.end - word.begin);
    if (!AbbreviationTable::IsCandidate(core) || IsSyllableShape(word.form->skeleton) ||
        word.end + 1 >= text.size() || text[word.end] != ' ')
      continue;
    const std::string joined = std::string(core) + NextPartAt(text, word.end + 1);
    const std::string whole = joined.size() > core.size() ? abbreviations_.Restore(joined) : "";
    if (whole.empty()) continue;
    // The whole's first core.size() letters.
    int32_t bytes = 0;
    for (size_t letters = 0; letters < core.size() && bytes < static_cast<int32_t>(whole.size()); ++letters)
      U8_FWD_1(whole.data(), bytes, static_cast<int32_t>(whole.size()));
    if (const Candidate* c = OptionSpelled(*word.form, whole.substr(0, static_cast<size_t>(bytes))))
      word.only = c;
  }
}

// The upper-case part of an abbreviation at `at`, its Đ written D as the
// table reads it; "" unless it ends where its word does ("TDKT", not
// "TDKTxyz") within the longest abbreviation.
std::string TextReader::NextPartAt(std::string_view text, size_t at) {
  std::string part;
  size_t k = at;
  while (k < text.size() && part.size() <= AbbreviationTable::kLongest) {
    if (text[k] >= 'A' && text[k] <= 'Z') {
      part.push_back(text[k++]);
    } else if (text.substr(k, 2) == "\xC4\x90") {  // Đ
      part.push_back('D');
      k += 2;
    } else {
      break;
    }
  }
  CodePointReader after(text, k);
  CodePoint c;
  const bool word_ends = !after.Next(c) || !IsWordChar(c.value);
  return word_ends && part.size() <= AbbreviationTable::kLongest ? part : "";
}

void TextReader::CutChunk(Cutting& cut, size_t start, size_t end) const {
  const std::string_view chunk = cut.text.substr(start, end - start);
  // Addresses pass through whole; a symbol such as "31/KH-UBND" is parts
  // that are numbers or known abbreviations.
  const bool symbol = chunk.find('/') != std::string_view::npos &&
                      chunk.find_first_of("0123456789") != std::string_view::npos;
  const bool address = chunk.find('@') != std::string_view::npos || chunk.find("://") != std::string_view::npos ||
                       chunk.substr(0, 4) == "www.";
  const PartKind kind = address ? PartKind::kAddress : symbol ? PartKind::kSymbol : PartKind::kWord;
  const auto [b, e] = CoreOf(cut.text, start, end);
  AddCommas(cut.text, start, b, cut.out.pieces);
  size_t part = b;
  for (size_t k = b; k <= e && b < e; ++k) {
    if (k < e && !BreaksWord(cut.text, k, e)) continue;
    if (part < k) AddPart(cut, part, k, kind);
    if (k < e) AddCommas(cut.text, k, k + 1, cut.out.pieces);
    part = k + 1;
  }
  // After the core, commas and then a sentence's end: ". ; : ! ?"
  for (size_t k = e; k < end; ++k) {
    AddCommas(cut.text, k, k + 1, cut.out.pieces);
    if (IsSentenceStop(cut.text[k])) {
      cut.out.pieces.push_back({true, -1});
      break;
    }
  }
}

void TextReader::AddPart(Cutting& cut, size_t begin, size_t end, PartKind kind) const {
  const std::string_view core = cut.text.substr(begin, end - begin);
  const WordForm* form = nullptr;
  if (kind == PartKind::kWord) {
    auto it = cut.seen.find(core);
    if (it == cut.seen.end()) {
      WordForm fresh;
      if (ReadWord(core, cut.out.damage, cut.damaged_by, fresh)) {
        cut.out.forms.push_back(std::move(fresh));
        form = &cut.out.forms.back();
      }
      cut.seen.emplace(core, form);
    } else {
      form = it->second;
    }
  }
  std::vector<Word>& words = cut.out.words;
  if (form == nullptr) {
    AddUnreadPart(cut, begin, end, kind);
    return;
  }
  SetFollower(cut, begin, end);
  cut.out.pieces.push_back({false, static_cast<int>(words.size())});
  Word& word = words.emplace_back();
  word.form = form, word.line = cut.line, word.begin = begin, word.end = end;
  word.written = WrittenCaseAt(cut.text, begin, end);
}

// The word just before the part at [begin, end), if nothing came between,
// learns how its follower is written.
void TextReader::SetFollower(Cutting& cut, size_t begin, size_t end) {
  const std::vector<Piece>& pieces = cut.out.pieces;
  size_t last = pieces.size();
  while (last > 0 && IsComma(pieces[last - 1])) --last;  // "Sở, Phòng": the comma is no word between
  if (last > 0 && pieces[last - 1].word >= 0)
    cut.out.words[static_cast<size_t>(pieces[last - 1].word)].next_written = FollowerCaseAt(cut.text, begin, end);
}

// A part the search does not read: a number, a symbol's code, an
// abbreviation the models do not know as a whole ("BGDDT"), or anything
// else, given its Đ back when its pieces say so.
void TextReader::AddUnreadPart(Cutting& cut, size_t begin, size_t end, PartKind kind) const {
  const std::string_view core = cut.text.substr(begin, end - begin);
  Piece piece{false, -1, IsNumber(core)};
  // Outside symbols a word of a syllable's shape is no abbreviation ("DUNG").
  const bool abbreviation = kind == PartKind::kSymbol ||
                            (kind == PartKind::kWord && !IsSyllableShape(tools_.Skeleton(core)));
  std::string restored;
  if (abbreviation && AbbreviationTable::IsCandidate(core)) restored = abbreviations_.Restore(core);
  if (!restored.empty()) cut.out.abbreviations.push_back({begin, end, cut.line, restored});
  if (kind == PartKind::kSymbol && AbbreviationTable::IsCandidate(core)) {
    if (const Candidate* c = KnownAs(restored.empty() ? core : std::string_view(restored))) piece.known = c->hash;
  }
  SetFollower(cut, begin, end);
  cut.out.pieces.push_back(piece);
}

Damage TextReader::Measure(std::string_view text) const {
  std::unordered_map<std::string_view, int> words;  // distinct word -> count
  WordReader reader(text, WordKind::kLetters);
  for (size_t b, e; reader.Next(b, e);) ++words[text.substr(b, e - b)];
  int total = 0, marked = 0, wrong = 0;
  for (const auto& [word, count] : words) {
    total += count;
    if (!IsMarked(word)) continue;
    marked += count;
    const std::string canonical = tools_.Canonical(tools_.Lower(word));
    if (canonical.empty() || inventory_.WithForm(canonical) == nullptr) wrong += count;
  }
  Damage d;
  d.marked_share = total ? double(marked) / total : 0.0;
  d.mark_errors = marked ? double(wrong) / marked : 0.0;
  return d;
}

bool TextReader::ReadWord(std::string_view core, const Damage& damage, const OcrChannel& damaged_by,
                          WordForm& word) const {
  const std::string lower = tools_.Lower(core);
  const std::string skeleton = tools_.Skeleton(lower);
  word.unmarked = lower == skeleton;
  word.skeleton = skeleton;
  const bool letters = std::all_of(skeleton.begin(), skeleton.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  // Legacy OCR (many marks wrong) or OCR debris in the word: undo the
  // learned damage ("chirc" -> "chuc" -> chức, "d6i" -> "doi" -> đổi).
  if (!damaged_by.empty() && (!letters || damage.legacy())) return ReadDamagedWord(lower, damaged_by, word);
  if (!letters) return false;  // digits, other scripts: not read
  const std::vector<const Candidate*>* list = inventory_.WithSkeleton(skeleton);
  if (list == nullptr) return false;  // not a word the models know
  // "hoc" (stripped "học") has a syllable's shape but no valid tone: it is
  // read, with no candidate equal to it. Other shapes are abbreviations the
  // models learned (TĐKT, GDĐT) or words to leave alone.
  std::string canonical = tools_.Canonical(lower);
  if (!IsSyllableShape(skeleton)) {
    if (CaseOf(core) != CasePattern::kUpper) return false;
    // An abbreviation's only mark is Đ. One written with it ("BGDĐT") is
    // kept: the models also know the form without it, from text that lost
    // it, and took real scans' "BGDĐT" to "BGDDT". One whose pieces write a
    // Đ it lacks ("BGDDT": Tesseract drops the bar of a capital Đ, typists
    // skip it) is given back its Đ as in a symbol (AddUnreadPart), not
    // weighed against the text's rate of lost marks, near 0 in a marked text.
    if (!word.unmarked) return false;
    if (AbbreviationTable::IsCandidate(core) && !abbreviations_.Restore(core).empty()) return false;
    canonical = lower;
  }
  const bool marked = !word.unmarked;
  // How likely each kind of damage is in this text: marks lost entirely
  // (text typed or converted without them) or a mark misread.
  const double lost = std::clamp(1.0 - damage.marked_share / 0.8, 0.02, 0.98);
  // P(written | meant): a word written as meant has probability 1 when
  // unmarked, 0.97 when marked (OCR misreads some marks); an unmarked word
  // came from a marked one with the text's rate of lost marks.
  // Marks are trusted as much as the document's marks prove right: legacy
  // OCR writes "vé" for "về" as often as not.
  const double keep = std::clamp(1.0 - damage.mark_errors, 0.3, 0.97);
  for (const Candidate* c : *list) {
    double p;
    if (c->syllable == canonical) {
      p = marked ? keep : 1.0;
    } else {
      p = marked ? (1.0 - keep) / static_cast<double>(list->size()) : lost;
    }
    word.options.emplace_back(c, static_cast<float>(std::log(p)));
  }
  word.same = inventory_.WithForm(canonical);
  KeepLikeliest(word);
  return true;
}

// Only the likeliest candidates enter the search (the word as written is
// always among them).
void TextReader::KeepLikeliest(WordForm& word) const {
  if (word.options.size() <= kSearchCandidates) return;
  std::stable_sort(word.options.begin(), word.options.end(), [](const auto& a, const auto& b) {
    return a.second + a.first->prior > b.second + b.first->prior;
  });
  const bool same_kept = std::any_of(word.options.begin(), word.options.begin() + kSearchCandidates,
                                     [&](const auto& o) { return o.first == word.same; });
  auto same_option = std::find_if(word.options.begin(), word.options.end(),
                                  [&](const auto& o) { return o.first == word.same; });
  const auto kept_same = same_option != word.options.end() ? *same_option : word.options.front();
  word.options.resize(kSearchCandidates);
  if (!same_kept && word.same != nullptr) word.options.back() = kept_same;
}

bool TextReader::ReadDamagedWord(const std::string& lower, const OcrChannel& damaged_by,
                                 WordForm& word) const {
  const std::string& skeleton = word.skeleton;
  // Digits alone (and marks alone) are no word to undo, nor debris too
  // long to be a word.
  if (skeleton.size() > kLongestDamagedWord) return false;
  if (std::all_of(skeleton.begin(), skeleton.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
  // The skeletons the word may have been, each with its channel score.
  std::vector<std::pair<const std::vector<const Candidate*>*, float>> sources;
  for (const auto& [source, logp] : damaged_by.Undamage(skeleton))
    if (const std::vector<const Candidate*>* list = inventory_.WithSkeleton(source)) sources.emplace_back(list, logp);
  // Damage the renders never showed ("Đẩy" read "Pay"): a word may be any
  // syllable one edit away, at the price of an edit rarer than every
  // learned one.
  for (const std::string* near : inventory_.NearSkeletons(skeleton))
    sources.emplace_back(inventory_.WithSkeleton(*near), kUnseenEdit);
  // Each list is likeliest first: its candidates are read only down to the
  // margin below the likeliest reading of all.
  float top = -1e30f;
  for (const auto& [list, logp] : sources) top = std::max(top, logp + list->front()->prior);
  std::unordered_map<const Candidate*, float> best;
  for (const auto& [list, logp] : sources)
    for (const Candidate* c : *list) {
      if (logp + c->prior < top - kDamagedMargin) break;
      auto [it, fresh] = best.emplace(c, logp);
      if (!fresh) it->second = std::max(it->second, logp);
    }
  if (best.empty()) return false;
  for (const auto& [c, logp] : best) word.options.emplace_back(c, logp);
  const auto score = [](const std::pair<const Candidate*, float>& o) { return o.second + o.first->prior; };
  const size_t kept = std::min(word.options.size(), kDamagedCandidates);
  std::partial_sort(word.options.begin(), word.options.begin() + static_cast<long>(kept), word.options.end(),
                    [&](const auto& a, const auto& b) {
                      return score(a) != score(b) ? score(a) > score(b) : a.first->syllable < b.first->syllable;
                    });
  size_t likely = 1;
  while (likely < kept && score(word.options[likely]) >= score(word.options.front()) - kDamagedMargin) ++likely;
  word.options.resize(likely);
  word.same = inventory_.WithForm(tools_.Canonical(lower));
  return true;
}

double TextReader::ShareOfDamage(const std::vector<Word>& words) {
  if (words.empty()) return 0.0;
  int damaged = 0, unmarked = 0;
  for (const Word& w : words) {
    damaged += w.form->same == nullptr;
    unmarked += w.form->unmarked;
  }
  const double n = static_cast<double>(words.size());
  // Clean Vietnamese has about a fifth of its syllables unmarked; far more
  // means the marks were stripped.
  const double stripped = unmarked / n > 0.5 ? unmarked / n : 0.0;
  return std::min(1.0, damaged / n + stripped);
}

}  // namespace vnplan::internal
