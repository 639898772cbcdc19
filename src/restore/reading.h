// How the restorer reads a text before decoding it: the text cut into words
// and sentence ends, each distinct word read once into the candidates it
// may have meant, and the document's damage measured on the text itself.
#ifndef VNPLAN_RESTORE_READING_H_
#define VNPLAN_RESTORE_READING_H_

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "src/restore/abbreviations.h"
#include "src/restore/candidates.h"
#include "src/restore/gazetteer.h"
#include "src/restore/ocr_channel.h"
#include "src/restore/syllable.h"

namespace vnplan::internal {

// How a distinct written word may be read: candidates with channel log
// probability, and the candidate equal to the word as written, if any.
struct WordForm {
  std::vector<std::pair<const Candidate*, float>> options;
  const Candidate* same = nullptr;
  bool unmarked = false;  // written without any diacritic
  std::string skeleton;   // as written, lower case, marks removed
};

// One occurrence of a word the decoder reads.
struct Word {
  const WordForm* form = nullptr;
  int line = 0;
  size_t begin = 0, end = 0;  // bytes of the core in the input
  // OCR's confidence moves the odds of the word as written: log-factors
  // added to its own candidate and to the others (0 when there is none).
  float keep_shift = 0, change_shift = 0;
  // How the word is written, which says whether it is a name (WrittenCaseAt).
  WrittenCase written = WrittenCase::kNoCaseEvidence;
  // How the next word or abbreviation of its sentence is written, when
  // nothing else comes between them (FollowerCaseAt): "Phường" before a
  // name, "tại" before "UBND", "phương" before "hướng".
  WrittenCase next_written = WrittenCase::kNoCaseEvidence;
  // When set, the only candidate this occurrence may be read as: a
  // person's name in a text that carries its marks is read as written
  // (MarkPersonNames), a part of an abbreviation as the whole it makes
  // (ReadAbbreviationsInParts). One of the form's options.
  const Candidate* only = nullptr;
  // The option that spells a place the gazetteer names with this word and
  // its neighbours (MarkPlaceNames), which the search favours; null if none.
  const Candidate* place = nullptr;
};

// A piece of the token stream: a word, or a sentence end.
struct Piece {
  bool sentence_end = false;
  int word = -1;  // index into words, -1 for text the decoder does not read
  bool number = false;  // digits only: <num> to the models
  // For a part of a document symbol ("KH" in "31/KH-UBND"): the word the
  // models know it as, which the trigrams around it count; 0 for none.
  uint64_t known = 0;
};

// An abbreviation given its Đ back by the table, not by the search
// ("BGDDT" -> "BGDĐT"): bytes [begin, end) of the input become `restored`.
struct RestoredAbbreviation {
  size_t begin = 0, end = 0;
  int line = 0;
  std::string restored;
};

// What a document's damage looks like, measured on the document itself.
struct Damage {
  double marked_share = 0;  // words written with any mark
  double mark_errors = 0;   // marked words that are no known syllable
  // Legacy OCR: so many marks wrong that every word may be damaged. Only
  // where the text writes marks at all: English Tesseract marks a fifth of
  // the words of seeds 000 and 001 (20.7%, 26.6%), clean text four fifths;
  // a stripped text keeps at most a stray foreign word ("µg", "СР", 0.04%
  // to 0.75% of the devset's words), all of them "wrong", which read the
  // whole document as damaged (devset 0bbc… 92.6%, c498… 91.8%).
  bool legacy() const { return marked_share >= kLeastLegacyMarks && mark_errors > 0.3; }
  static constexpr double kLeastLegacyMarks = 0.05;
  // A text that carries its marks: clean Vietnamese marks about 80% of its
  // words, a stripped text none.
  bool carries_marks() const { return marked_share >= 0.5; }
};

// A text as read: its words and pieces. `forms` is a deque so that words
// keep pointing at their forms as more are read.
struct TextReading {
  std::deque<WordForm> forms;
  std::vector<Word> words;
  std::vector<Piece> pieces;
  std::vector<RestoredAbbreviation> abbreviations;  // in text order
  Damage damage;
};

class TextReader {
 public:
  TextReader(const SyllableTools& tools, const CandidateInventory& inventory,
             const AbbreviationTable& abbreviations)
      : tools_(tools), inventory_(inventory), abbreviations_(abbreviations) {}

  // Measures the text's damage, then cuts it into pieces, reading each
  // word's candidates; words OCR may have damaged are undone with
  // `damaged_by` (an empty channel reads no word as damaged).
  TextReading Read(std::string_view text, const OcrChannel& damaged_by) const;

  // The gazetteer whose names MarkPlaceNames reads (null: none). It must
  // outlive the reader.
  void UsePlaces(const Gazetteer* places) { places_ = places; }

  // Share of `words` not written as a known syllable (see
  // Restorer::DamagedShare).
  static double ShareOfDamage(const std::vector<Word>& words);

 private:
  struct Cutting;
  // What a part of a chunk is: a word to read, a part of a document symbol
  // (numbers and codes), or a part of an address (e-mail, URL) left alone.
  enum class PartKind { kWord, kSymbol, kAddress };
  Damage Measure(std::string_view text) const;
  void CutChunk(Cutting& cut, size_t start, size_t end) const;
  void AddPart(Cutting& cut, size_t begin, size_t end, PartKind kind) const;
  void AddUnreadPart(Cutting& cut, size_t begin, size_t end, PartKind kind) const;
  static void SetFollower(Cutting& cut, size_t begin, size_t end);
  bool ReadWord(std::string_view core, const Damage& damage, const OcrChannel& damaged_by,
                WordForm& word) const;
  bool ReadDamagedWord(const std::string& lower, const OcrChannel& damaged_by, WordForm& word) const;
  void KeepLikeliest(WordForm& word) const;
  void MarkPersonNames(std::string_view text, TextReading& reading) const;
  void MarkPlaceNames(std::string_view text, TextReading& reading) const;
  // Words [first, end) of a reading: capitalised words and the units they
  // name, or the words of a unit's type that open or precede such words.
  struct PlaceRun {
    size_t first = 0, end = 0;
    std::vector<const Place*> named;
    std::string type;  // "phường", "thị trấn"
  };
  void FindPlaceRuns(std::string_view text, const TextReading& reading, std::vector<PlaceRun>& runs,
                     std::vector<PlaceRun>& types) const;
  // Adds words [first, end) to `runs` if they spell units; false if not.
  bool AddPlaceRun(std::string_view text, const std::vector<Word>& words, size_t first, size_t end,
                   std::vector<PlaceRun>& runs) const;
  size_t TypeWordsAt(std::string_view text, const std::vector<Word>& words, size_t first, size_t end,
                     std::vector<PlaceRun>& types) const;
  size_t TypeWordsBefore(std::string_view text, const std::vector<Word>& words, size_t first,
                         std::vector<PlaceRun>& types) const;
  // Adds words [first, end) to `types` if they name a unit's type; false if not.
  bool AddType(std::string_view text, const std::vector<Word>& words, size_t first, size_t end,
               std::vector<PlaceRun>& types) const;
  const Place* DocumentProvince(const std::vector<PlaceRun>& runs) const;
  // The candidate `word` (any case) is as the models know it: its
  // canonical syllable, or itself when it is none (an abbreviation); null
  // when the models do not know it.
  const Candidate* KnownAs(std::string_view word) const;
  // The option of `form` that `syllable` (any case) spells; null if none.
  const Candidate* OptionSpelled(const WordForm& form, std::string_view syllable) const;
  void ReadAbbreviationsInParts(std::string_view text, TextReading& reading) const;
  // Marks, in words [first, end) of `reading`, the option that spells
  // `names`, on each word where all the names its options spell whole agree
  // (a name of another number of words is passed over): "Van Linh", Vân
  // Lĩnh or Vạn Linh, is favoured as neither, "Vân Linh" least of all.
  void FavourSpelling(size_t first, size_t end, const std::vector<std::string>& names,
                      TextReading& reading) const;
  static std::string NextPartAt(std::string_view text, size_t at);
  // Gives the "đ)" of a list its Đ back where the text lost its marks
  // (as an abbreviation: a span the search does not read).
  static void RestoreItemLetters(std::string_view text, TextReading& reading);

  const SyllableTools& tools_;
  const CandidateInventory& inventory_;
  const AbbreviationTable& abbreviations_;
  const Gazetteer* places_ = nullptr;
};

}  // namespace vnplan::internal

#endif  // VNPLAN_RESTORE_READING_H_
