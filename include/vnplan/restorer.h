// Restorer: gives Vietnamese text its diacritics back. A noisy-channel
// decoder: for each word, candidate syllables that could have produced it
// (marks stripped, marks misread, letters misread by OCR), scored by how
// likely that damage is and by syllable trigram language models; a beam
// search picks the best sequence. Line k of the output is line k of the
// input, and only words change, so line numbers keep pointing at the source.
//
//   auto restorer = vnplan::Restorer::Open({{"build/domain.lm", 0.5},
//                                           {"build/background.lm", 0.5}}, &status);
//   vnplan::RestoreResult r = restorer->Restore(text);
#ifndef VNPLAN_RESTORER_H_
#define VNPLAN_RESTORER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "vnplan/status.h"

namespace vnplan {

// One word the restorer changed, for --explain.
struct RestoreChange {
  int line = 0;        // 1-based
  std::string before;  // as written
  std::string after;   // as restored
  double margin = 0;   // log-score lead over the best path keeping `before`
};

struct RestoreResult {
  std::string text;
  int words = 0;    // Vietnamese-looking words considered
  int changed = 0;  // words rewritten
  std::vector<RestoreChange> changes;  // filled when asked for
  double damaged_share = 0;  // as DamagedShare() measures it
  // False when the text was less damaged than asked for: nothing was
  // decoded and `text` is empty (the input stands as it is).
  bool applied = true;
};

// How sure OCR was of the word that starts at byte `offset` of the text
// given to Restore, 0-100 (Tesseract's word confidence).
struct WordConfidence {
  size_t offset = 0;
  float confidence = 0;
};

struct RestoreOptions {
  bool explain = false;  // list every change in RestoreResult::changes
  // Sorted by offset: how far to trust each OCR word as read. A word
  // Tesseract was sure of needs strong evidence to change, a doubtful one
  // little.
  std::vector<WordConfidence> confidences;
  // Restore only a text at least this damaged (see DamagedShare), measured
  // on the same reading of the text as the restoration, so deciding costs
  // nothing extra.
  double min_damaged_share = 0;
};

class Restorer {
 public:
  // Opens language models written by TrainLanguageModel, memory-mapped,
  // each with its interpolation weight (weights are normalised). Returns
  // null and sets *status when a file is missing or damaged (kModelMissing)
  // or the channel cannot be read (kIoError).
  // `channel`, if not empty, is a rules file from `vnplan train --channel`:
  // how legacy OCR damages letters ("ứ" read "ir"), used to read such text.
  // `places`, if not empty, is a gazetteer (places.tsv, scripts/
  // gazetteer.py): in text that lost its marks, capitalised words that
  // spell a province, district or commune are read as the gazetteer spells
  // it (kIoError or kInvalidInput when it cannot be read).
  static std::unique_ptr<Restorer> Open(
      const std::vector<std::pair<std::string, double>>& models, Status* status,
      const std::string& channel = "", const std::string& places = "");
  // Opens the models of a directory laid out as `vnplan train` writes it:
  // domain.lm (required), background.lm, channel.tsv and places.tsv (used
  // when there).
  // Null, and a kModelMissing status naming the directory, when there is no
  // usable model.
  static std::unique_ptr<Restorer> OpenDirectory(const std::string& dir, Status* status);
  // The files of that layout present in `dir`, as paths, so a caller can
  // fingerprint exactly what OpenDirectory would read.
  static std::vector<std::string> DirectoryFiles(const std::string& dir);
  // The gazetteer of a model directory (places.tsv, scripts/gazetteer.py),
  // which the parser reads too (PlanParser::UseGazetteer), as a path; ""
  // when `dir` has none.
  static std::string DirectoryGazetteer(const std::string& dir);
  ~Restorer();

  // Restores UTF-8 text. Numbers, abbreviations (UBND, GD&ĐT), e-mail
  // addresses, URLs and document symbols pass through untouched; a word's
  // case pattern is kept (MUC DICH -> MỤC ĐÍCH). Safe to call from several
  // threads at once.
  RestoreResult Restore(std::string_view utf8, const RestoreOptions& options = {}) const;

  // Share of the text's words that are not valid Vietnamese syllables as
  // written (words with no marks at all count as damaged when most are
  // unmarked): the basis of `--restore auto`.
  double DamagedShare(std::string_view utf8) const;

 private:
  Restorer();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The domain model's share of the mixture OpenDirectory builds (the rest is
// the background's), so a bench mixes its own models as vnplan does: the
// share of a domain model of the shipped one's size (four plans).
double DomainModelShare();

// The share OpenDirectory gives a domain model trained on `syllables`
// syllables: a user's archive teaches more than four plans, and its
// model should speak more (see model_directory.cc).
double DomainModelShareFor(uint64_t syllables);

// Trains a syllable trigram model (interpolated Kneser-Ney) from UTF-8
// texts, counting too how often each syllable is written with a capital in
// mid-sentence (names: "Việt Trì"), adds `vocabulary` (a word list: an
// entry of one syllable becomes known, one of several is learnt inside
// itself, never as a sentence), and writes it to `path`. kInvalidInput when there is
// nothing to train on, kIoError when `path` cannot be written.
Status TrainLanguageModel(const std::vector<std::string>& texts,
                               const std::vector<std::string>& vocabulary,
                               const std::string& path);

// Learns how legacy OCR damages letters from aligned words, each pair the
// word as written in a clean text and as OCR read it (scripts/
// learn_channel.py renders and reads the pages), and writes the channel
// Open reads to `path`: "SOURCE<TAB>OCR<TAB>log P(OCR | SOURCE)" over
// skeletons, for every letter kept and every damage seen at least twice.
// `rules` (optional) receives how many lines were written. kInvalidInput
// when there is no pair, kIoError when `path` cannot be written.
Status TrainChannel(const std::vector<std::pair<std::string, std::string>>& words, const std::string& path,
                    int* rules = nullptr);

}  // namespace vnplan

#endif  // VNPLAN_RESTORER_H_
