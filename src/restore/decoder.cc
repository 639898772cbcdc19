#include "src/restore/decoder.h"

#include <algorithm>
#include <cmath>
#include <iterator>

namespace vnplan::internal {
namespace {

// How much a word's capital says of which syllable it is. Its rates are
// counted mostly in general text, where a capital mid-sentence marks a
// name ("Phúc", "Cộng"); administrative text capitalises its bodies and
// services as well ("Trung tâm Phục vụ Hành chính công", "Cổng dịch vụ
// công", "Sở", "Phòng"), so the full term outweighed the trigrams. Measured
// (devset every 5th from the 2nd for tuning, 62 documents; every 5th from
// the 1st for measuring, 63; seeds by restore_bench, leave one out):
//   scale  tuning  measuring | 002    003    004    000
//   1      93.23   93.70     | 98.88  98.26  97.34  96.81
//   0.75   93.38
//   0.5    93.40   93.86     | 98.88  98.37  97.22  96.81
//   0.25   93.35
constexpr double kCaseScale = 0.5;

// How much a capital on the next word says of this one: "phuong Truong
// Vinh" is the ward "phường", "phuong huong" the noun "phương"; "Nguyễn",
// "Phó", "Trưởng", "Ban" come before names and bodies. Only a capital
// speaks: a lower-case next word is what almost every word has, and the
// gazetteer's lists ("Tỉnh X", "Xã Y") make "tỉnh", "xã" look as if they
// never had one ("cấp tỉnh có" read "cấp tính có" when it counted).
// Measured (devset fifths by bench/devset_restore.sh, every 5th from the
// 2nd for tuning, from the 1st and the 3rd for checking; seeds by
// restore_bench, leave one out):
//   next-word term            tuning  1st    3rd   | 002    003    004    000
//   none                      95.82   95.73  94.61 | 98.93  98.41  97.34  97.27
//   both cases, 0.5           95.81
//   both, floored 0.2, 0.5    95.84   95.77  94.65 | 98.90  98.30  97.37  97.00
//   capital only, 0.35        95.90
//   capital only, 0.5         95.90   95.80  94.70 | 98.88  98.45  97.45  97.27
//   capital only, 0.75        95.80
//   capital only, 1           95.65
//   capital or capitals, 0.5  95.95   95.84  94.78 | 98.90  98.49  97.45  97.30
// ("tại UBND", "của Sở GDĐT": an abbreviation after is a capital too,
// FollowerCaseAt.)
constexpr double kNextCaseScale = 0.5;

// How much likelier (log) a capitalised word is the gazetteer's spelling
// of the place its run of capitals names (Word::place) than the models
// alone say. Devset marks stripped, every 5th from the 2nd (tuning), from
// the 1st and the 3rd (checking), by bench/devset_restore.sh; seeds by
// restore_bench, leave one out:
//   bonus          tuning  1st    3rd   | 002    003    004
//   no gazetteer   97.36   97.50  96.70 | 99.23  99.05  98.12
//   1              97.39                |
//   1.5            97.40                | 99.23  99.01  98.24
//   3              97.41   97.54  96.74 | 99.23  98.97  98.16
//   5              97.41   97.54  96.74 | 99.23  98.97  98.20
//   forced (100)   97.41                |
// (5 gains 3 to 7 words on each fifth over 3.) With 3, the tuning fifth had
// 107 words mended, 7 broken ("Tại Văn phòng" read as the commune Tài Văn,
// "Ấn Độ" as "An Đổ"); under 5, "Việt Trì, Hương Cần" read "Hướng Cần".
constexpr double kPlaceBonus = 5.0;

// The log probability of a written case under a candidate's rates.
double CaseTerm(WrittenCase written, float titled_logp, float lower_logp) {
  return written == WrittenCase::kTitled ? titled_logp : written == WrittenCase::kLower ? lower_logp : 0.0;
}

// log P(this occurrence as written | c meant): the form's channel score
// `channel` for c, moved by OCR's confidence, by the word's capital and by
// the next word's.
double OccurrenceScore(const Word& word, const Candidate& c, float channel) {
  return channel + (&c == word.form->same ? word.keep_shift : word.change_shift) +
         kCaseScale * CaseTerm(word.written, c.titled_logp, c.lower_logp) +
         (word.next_written == WrittenCase::kTitled ? kNextCaseScale * c.next_titled_logp : 0.0) +
         (&c == word.place ? kPlaceBonus : 0.0);
}

// What ReadWord assumes of a marked word: misread about one time in thirty.
constexpr double kTypicalMisread = 0.03;

// OCR's confidence (0-100) as a chance that the word was misread, against
// the typical rate. The table was counted on Tesseract `vie` output of the
// generated scans (light, medium, heavy; words aligned with the truth):
// 96 and over, 3% wrong; 93-96, 16%; 90-93, 29%; 80-90, 45%; 70-80, 66%.
double MisreadChance(float confidence) {
  static constexpr double kTable[][2] = {{0, 0.9},   {50, 0.75}, {75, 0.66}, {85, 0.45},
                                         {91.5, 0.29}, {94.5, 0.16}, {97, 0.03}, {100, 0.01}};
  const double c = std::clamp(static_cast<double>(confidence), 0.0, 100.0);
  size_t i = 1;
  while (i + 1 < std::size(kTable) && kTable[i][0] < c) ++i;
  const double t = (c - kTable[i - 1][0]) / (kTable[i][0] - kTable[i - 1][0]);
  return kTable[i - 1][1] + std::clamp(t, 0.0, 1.0) * (kTable[i][1] - kTable[i - 1][1]);
}

void ShiftByConfidence(float confidence, Word& word) {
  const double misread = MisreadChance(confidence);
  word.keep_shift = static_cast<float>(std::log((1.0 - misread) / (1.0 - kTypicalMisread)));
  word.change_shift = static_cast<float>(std::log(misread / kTypicalMisread));
}

}  // namespace

// One hypothesis of the beam search.
struct Decoder::SearchState {
  uint64_t u, v;  // the last two syllables
  double score;
  int parent;  // index of the previous word's state
  const Candidate* pick;
};

// Work arrays of one Decode call, reused across its sentences. Every step's
// beam lives in one flat array; a state's parent is an index into the
// previous step's slice.
struct Decoder::SearchBuffers {
  std::vector<SearchState> all, next;
  std::vector<int> word_of_step;
  ModelMixture::Histories histories;
  std::vector<NgramQuery> queries;  // per state and candidate
};

Choices Decoder::Decode(TextReading& reading, const std::vector<WordConfidence>& confidences, size_t beam,
                        double prune, ScoreCache& cache) const {
  // An OCR word ("(Chỉ") may hold a restorer word ("Chỉ") a few bytes on:
  // each confidence covers the words that begin before the next OCR word.
  size_t c = 0;
  for (Word& word : reading.words) {
    while (c + 1 < confidences.size() && confidences[c + 1].offset <= word.begin) ++c;
    if (c < confidences.size() && confidences[c].offset <= word.begin)
      ShiftByConfidence(confidences[c].confidence, word);
  }
  Choices choices;
  choices.chosen.assign(reading.words.size(), nullptr);
  choices.margins.assign(reading.words.size(), 0.0);
  SearchBuffers buffers;
  size_t from = 0;
  for (size_t p = 0; p < reading.pieces.size(); ++p)
    if (reading.pieces[p].sentence_end) {
      DecodeSentence(reading, from, p, beam, prune, cache, buffers, choices);
      from = p + 1;
    }
  return choices;
}

void Decoder::DecodeSentence(const TextReading& reading, size_t from, size_t to, size_t beam, double prune,
                             ScoreCache& cache, SearchBuffers& buffers, Choices& choices) const {
  static const uint64_t kBosHash = WordHash(kBos), kUnkHash = WordHash("<unk>"), kNumHash = WordHash(kNum);
  std::vector<SearchState>& all = buffers.all;
  std::vector<SearchState>& next = buffers.next;
  all.clear();
  buffers.word_of_step.clear();
  all.push_back({kBosHash, kBosHash, 0.0, -1, nullptr});
  size_t beam_begin = 0, beam_end = 1;
  for (size_t p = from; p < to; ++p) {
    const Piece& piece = reading.pieces[p];
    if (piece.word < 0) {
      // Text the decoder does not read still separates what it reads. A
      // number or a symbol's known code is scored as well, as the models
      // counted it: "số 63/2025/QH15", not "sở" (devset sample, domain
      // weight 0.3: "số" read "sở" 735 -> 440 times, 93.64% -> 93.72%).
      // Other text (<unk>) says nothing of the words around it.
      if (!piece.sentence_end) {
        const uint64_t w = piece.known != 0 ? piece.known : piece.number ? kNumHash : kUnkHash;
        for (size_t k = beam_begin; k < beam_end; ++k) {
          if (w != kUnkHash) all[k].score += cache.LogProb(all[k].u, all[k].v, w);
          all[k].u = all[k].v, all[k].v = w;
        }
      }
      continue;
    }
    Extend(reading.words[static_cast<size_t>(piece.word)], beam_begin, beam_end, cache, buffers);
    const auto better = [](const SearchState& a, const SearchState& b) { return a.score > b.score; };
    const size_t keep = std::min(next.size(), beam * 3);
    std::partial_sort(next.begin(), next.begin() + static_cast<long>(keep), next.end(), better);
    // The best state per trigram history, at most `beam` of them, none
    // `prune` below the best.
    buffers.word_of_step.push_back(piece.word);
    const size_t kept_begin = all.size();
    for (size_t i = 0; i < keep && all.size() - kept_begin < beam && next[i].score >= next[0].score - prune;
         ++i) {
      bool dup = false;
      for (size_t k = kept_begin; k < all.size(); ++k) dup |= all[k].u == next[i].u && all[k].v == next[i].v;
      if (!dup) all.push_back(next[i]);
    }
    beam_begin = kept_begin;
    beam_end = all.size();
  }
  if (!buffers.word_of_step.empty()) TraceBack(reading.words, beam_begin, beam_end, cache, buffers, choices);
}

// Every state of the beam [begin, end) followed by every reading of `word`,
// into buffers.next.
void Decoder::Extend(const Word& word, size_t begin, size_t end, ScoreCache& cache,
                     SearchBuffers& buffers) const {
  const std::vector<SearchState>& all = buffers.all;
  const WordForm& w = *word.form;
  buffers.next.clear();
  // Every state's keys, computed once; its cache slots and history
  // look-ups started together (the tables are far larger than the CPU's
  // caches).
  std::vector<NgramQuery>& queries = buffers.queries;
  queries.clear();
  for (size_t k = begin; k < end; ++k) {
    const uint64_t pair = PairKey(all[k].u, all[k].v);
    for (const auto& option : w.options) {
      queries.push_back(NgramQuery::Of(pair, all[k].v, option.first->hash));
      cache.Prefetch(queries.back().triple);
    }
    models_.PrefetchContext(all[k].u, all[k].v);
  }
  const NgramQuery* q = queries.data();
  for (size_t k = begin; k < end; ++k, q += w.options.size()) {
    const uint64_t u = all[k].u, v = all[k].v;
    // The models' look-ups this history will need, started together.
    bool looked_up = false;
    for (size_t o = 0; o < w.options.size(); ++o) {
      if (cache.Has(q[o].triple)) continue;
      if (!looked_up) models_.Contexts(u, v, buffers.histories), looked_up = true;
      models_.Prefetch(q[o]);
    }
    for (size_t o = 0; o < w.options.size(); ++o) {
      const auto& [c, channel] = w.options[o];
      if (word.only != nullptr && c != word.only) continue;
      const double lm = cache.LogProb(q[o].triple, [&] {
        if (!looked_up) models_.Contexts(u, v, buffers.histories), looked_up = true;
        return models_.LogProb(buffers.histories, q[o]);
      });
      buffers.next.push_back(
          {v, c->hash, all[k].score + OccurrenceScore(word, *c, channel) + lm, static_cast<int>(k), c});
    }
  }
}

// Closes the sentence after the last beam [begin, end) and follows the best
// state back to its first word.
void Decoder::TraceBack(const std::vector<Word>& words, size_t begin, size_t end, ScoreCache& cache,
                        const SearchBuffers& buffers, Choices& choices) const {
  static const uint64_t kEosHash = WordHash(kEos);
  const std::vector<SearchState>& all = buffers.all;
  size_t best = begin;
  double best_score = -1e300;
  for (size_t k = begin; k < end; ++k) {
    const double sc = all[k].score + cache.LogProb(all[k].u, all[k].v, kEosHash);
    if (sc > best_score) best_score = sc, best = k;
  }
  for (size_t step = buffers.word_of_step.size(); step-- > 0;) {
    const SearchState& s = all[best];
    const size_t w = static_cast<size_t>(buffers.word_of_step[step]);
    choices.chosen[w] = s.pick;
    // The local lead of the pick over keeping the word as written.
    const WordForm& word = *words[w].form;
    const SearchState& prev = all[static_cast<size_t>(s.parent)];
    if (word.same != nullptr && word.same != s.pick) {
      double keep = 0, pick = 0;
      for (const auto& [c, channel] : word.options) {
        const double score = OccurrenceScore(words[w], *c, channel) + cache.LogProb(prev.u, prev.v, c->hash);
        if (c == word.same) keep = score;
        if (c == s.pick) pick = score;
      }
      choices.margins[w] = pick - keep;
    }
    best = static_cast<size_t>(s.parent);
  }
}

}  // namespace vnplan::internal
