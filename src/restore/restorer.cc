// The restorer put together: its models, inventory and channel, and the
// policy of a restoration (how wide a search, when to read a second time).
#include "vnplan/restorer.h"

#include <string>
#include <utility>
#include <vector>

#include "src/restore/abbreviations.h"
#include "src/restore/candidates.h"
#include "src/restore/decoder.h"
#include "src/restore/gazetteer.h"
#include "src/restore/model_mixture.h"
#include "src/restore/ocr_channel.h"
#include "src/restore/reading.h"
#include "src/restore/syllable.h"
#include "src/restore/trainer.h"
#include "src/text/words.h"

namespace vnplan {

using namespace internal;

namespace {

// Stripped and clean text: a beam of 16 states, each at most kPrune below
// the best. The old beam of 6 with no limit lost the right reading where it
// was found only words later; the limit keeps the wider beam cheaper than
// the old one. Devset every 5th from the 2nd (tuning, 62 documents) / from
// the 1st (measuring, 63); seeds 002/003/004 by restore_bench, leave one
// out; CPU of `vnplan restore` on the stripped seeds x8 (363 KB, best of 5):
//   beam prune  tuning  measuring | 002    003    004    | CPU
//   6    none   93.83   94.48     | 98.88  98.41  97.22  | 0.33 s
//   8    none           94.61     | 98.95  98.45  97.26  |
//   10   none           94.63     | 98.95  98.45  97.26  |
//   10   8              94.63     | 98.95  98.45  97.26  |
//   16   8      94.04   94.66     | 98.95  98.45  97.26  |
//   16   12     94.04             | 98.95  98.45  97.26  |
//   32   8      94.04 (-12)       | 98.95  98.45  97.26  |
//   16   6      94.04 (-11) 94.66 | 98.95  98.45  97.26  | 0.18 s
// (000, legacy OCR, has its own beam below: 97.15% throughout.)
constexpr size_t kBeam = 16;
constexpr double kPrune = 6.0;
// Legacy OCR leaves each word many readings, and the right one is often
// only found a word or two later ("Pay manh" -> "Đẩy mạnh"): a wider beam
// (000: 95.6% with 6, 95.9% with 12, 96.1% with 16).
constexpr size_t kDamagedBeam = 16;
// How far below the best a state of legacy OCR's search may fall and stay
// in the beam. 000 (`vnplan restore`, CPU time
// with the models' load of about 60 ms; accuracy by syllacc.py): no limit
// 418 ms 96.75%; 10: 347 ms 96.75%; 8: 283 ms 96.75%; 6: 250 ms 96.75%;
// 5: 206 ms 96.82%; 4: 193 ms 96.63%; 3: 164 ms 96.08%.
constexpr double kDamagedPrune = 5.0;

}  // namespace

struct Restorer::Impl {
  SyllableTools tools;
  ModelMixture models;
  CandidateInventory inventory;
  AbbreviationTable abbreviations;
  OcrChannel channel;  // learned OCR damage, reversed
  std::unique_ptr<Gazetteer> places;  // null when none was given
  TextReader reader{tools, inventory, abbreviations};
  Decoder decoder{models};

  // Legacy OCR the channel can undo.
  bool IsLegacy(const Damage& damage) const { return !channel.empty() && damage.legacy(); }
  // Each chosen word's skeleton as written and as chosen, for fitting the
  // channel to the document.
  std::vector<std::pair<std::string, std::string>> WrittenAndChosen(const TextReading& reading,
                                                                    const Choices& choices) const;
  // The text with every changed word rewritten in its case, and every
  // abbreviation the table restored.
  void Rewrite(std::string_view utf8, const TextReading& reading, const Choices& choices, bool explain,
               RestoreResult& result) const;
};

Restorer::Restorer() : impl_(std::make_unique<Impl>()) {}
Restorer::~Restorer() = default;

std::unique_ptr<Restorer> Restorer::Open(const std::vector<std::pair<std::string, double>>& models,
                                         Status* status, const std::string& channel,
                                         const std::string& places) {
  std::unique_ptr<Restorer> r(new Restorer());
  if (Status loaded = channel.empty() ? Status::Ok() : r->impl_->channel.Load(channel); !loaded.ok()) {
    *status = std::move(loaded);
    return nullptr;
  }
  if (Status loaded = places.empty() ? Status::Ok() : Gazetteer::Load(places, &r->impl_->places); !loaded.ok()) {
    *status = std::move(loaded);
    return nullptr;
  }
  r->impl_->reader.UsePlaces(r->impl_->places.get());
  if (Status opened = r->impl_->models.Open(models); !opened.ok()) {
    *status = std::move(opened);
    return nullptr;
  }
  r->impl_->inventory.Build(r->impl_->models, r->impl_->tools);
  r->impl_->abbreviations.Build(r->impl_->inventory, r->impl_->tools);
  return r;
}

std::vector<std::pair<std::string, std::string>> Restorer::Impl::WrittenAndChosen(
    const TextReading& reading, const Choices& choices) const {
  std::vector<std::pair<std::string, std::string>> pairs;
  for (size_t w = 0; w < reading.words.size(); ++w) {
    if (choices.chosen[w] == nullptr) continue;
    pairs.emplace_back(reading.words[w].form->skeleton, tools.Skeleton(choices.chosen[w]->syllable));
  }
  return pairs;
}

void Restorer::Impl::Rewrite(std::string_view utf8, const TextReading& reading, const Choices& choices,
                             bool explain, RestoreResult& result) const {
  size_t copied = 0;
  auto replace = [&](size_t begin, size_t end, int line, const std::string& after, double margin) {
    const std::string_view before = utf8.substr(begin, end - begin);
    if (after == before) return;
    result.text.append(utf8.substr(copied, begin - copied));
    result.text.append(after);
    copied = end;
    ++result.changed;
    if (explain) result.changes.push_back({line, std::string(before), after, margin});
  };
  // Words and abbreviations never overlap: both are taken in text order.
  auto abbreviation = reading.abbreviations.begin();
  for (size_t w = 0; w <= reading.words.size(); ++w) {
    const size_t until = w < reading.words.size() ? reading.words[w].begin : utf8.size();
    for (; abbreviation != reading.abbreviations.end() && abbreviation->begin < until; ++abbreviation)
      replace(abbreviation->begin, abbreviation->end, abbreviation->line, abbreviation->restored, 0);
    if (w == reading.words.size()) break;
    const Word& word = reading.words[w];
    const Candidate* chosen = choices.chosen[w];
    if (chosen == nullptr || chosen == word.form->same) continue;
    const std::string_view before = utf8.substr(word.begin, word.end - word.begin);
    replace(word.begin, word.end, word.line, ApplyCase(chosen->syllable, CaseOf(before)), choices.margins[w]);
  }
  result.text.append(utf8.substr(copied));
}

RestoreResult Restorer::Restore(std::string_view utf8, const RestoreOptions& options) const {
  const Impl& m = *impl_;
  TextReading reading = m.reader.Read(utf8, m.channel);
  RestoreResult result;
  result.words = static_cast<int>(reading.words.size());
  result.damaged_share = TextReader::ShareOfDamage(reading.words);
  if (result.damaged_share < options.min_damaged_share) {
    result.applied = false;
    return result;
  }
  ScoreCache cache(m.models);
  const bool legacy = m.IsLegacy(reading.damage);
  Choices choices = legacy ? m.decoder.Decode(reading, options.confidences, kDamagedBeam, kDamagedPrune, cache)
                            : m.decoder.Decode(reading, options.confidences, kBeam, kPrune, cache);
  if (legacy) {
    // Read again with the channel fitted to what this document's OCR did.
    int added = 0;
    const OcrChannel adapted = m.channel.AdaptedTo(m.WrittenAndChosen(reading, choices), &added);
    if (added > 0) {
      reading = m.reader.Read(utf8, adapted);
      choices = m.decoder.Decode(reading, options.confidences, kDamagedBeam, kDamagedPrune, cache);
    }
  }
  m.Rewrite(utf8, reading, choices, options.explain, result);
  return result;
}

double Restorer::DamagedShare(std::string_view utf8) const {
  return TextReader::ShareOfDamage(impl_->reader.Read(utf8, impl_->channel).words);
}

Status TrainLanguageModel(const std::vector<std::string>& texts, const std::vector<std::string>& vocabulary,
                          const std::string& path) {
  SyllableTools tools;
  NgramTrainer trainer(tools);
  for (const std::string& text : texts) trainer.AddText(text);
  for (const std::string& word : vocabulary) trainer.AddVocabulary(word);
  if (trainer.tokens() == 0 && vocabulary.empty()) return Status::InvalidInput("no Vietnamese text to train on");
  return WriteNgramModel(trainer.Build(), path);
}

}  // namespace vnplan
