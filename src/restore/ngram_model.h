// A syllable trigram language model in one file that is memory-mapped, not
// parsed: open-addressing tables of 32-bit n-gram fingerprints with 8-bit
// codes of log probabilities and back-off weights (a codebook per table and
// value), plus the word list with counts (the restorer's inventory of
// syllables). A checksum of the whole file and bounded probing make a
// damaged or crafted file an error, never a hang or a crash.
#ifndef VNPLAN_RESTORE_NGRAM_MODEL_H_
#define VNPLAN_RESTORE_NGRAM_MODEL_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "vnplan/status.h"

namespace vnplan::internal {

// splitmix64's finaliser: spreads keys over table slots.
inline uint64_t Mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}
inline uint64_t NonZero(uint64_t x) { return x == 0 ? 1 : x; }

// Hash of one syllable; n-gram keys combine these. Inline: the decoder
// computes them for every candidate of every state.
uint64_t WordHash(std::string_view word);
inline uint64_t PairKey(uint64_t a, uint64_t b) { return NonZero(Mix(a * 31 + Mix(b))); }
// The key of (a, b, c) from PairKey(a, b).
inline uint64_t TripleKeyAfter(uint64_t pair, uint64_t c) {
  return NonZero(Mix(pair * 31 + Mix(c ^ 0x5bd1e995)));
}
inline uint64_t TripleKey(uint64_t a, uint64_t b, uint64_t c) {
  return TripleKeyAfter(PairKey(a, b), c);
}

// The table keys P(w | u v) is looked up by, the same in every model, so a
// decoder computes them once for all its models and its own cache.
struct NgramQuery {
  uint64_t w, triple, pair_vw;
  static NgramQuery Of(uint64_t pair_uv, uint64_t v, uint64_t w) {
    return {w, TripleKeyAfter(pair_uv, w), PairKey(v, w)};
  }
};

// Sentence boundary and unknown-word tokens.
inline constexpr std::string_view kBos = "<s>";
inline constexpr std::string_view kEos = "</s>";
// Where a word list's entry of several syllables starts (no text has it):
// the trainer counts the entry's trigrams after it, and no sentence's.
inline constexpr std::string_view kPhraseStart = "<phrase>";
// A run of digits: "ngày <num> tháng <num>" is context the models learn.
inline constexpr std::string_view kNum = "<num>";
// A comma is a word to the models: what follows "phấn đấu," is not what
// follows "đầu" ("đầu tiên"), and "tỉnh" ends a phrase far more often than
// "tình" does. The trainer counts every comma between words, the decoder
// scores every comma between the words it reads.
inline constexpr std::string_view kComma = ",";

// One n-gram as training gives it.
struct NgramEntry {
  uint64_t key;  // PairKey, TripleKey or WordHash
  float logp;    // natural log; > 0 for a context that is never predicted (<s>)
  float backoff;
};

// A syllable the model knows: how often it was seen, and how often of
// those written with a capital in mid-sentence (a name: "Việt Trì"); and
// how often the word after it, in mid-sentence, was written with a capital
// or in lower case ("phường Phúc Xá" against "phương hướng").
struct WordCount {
  std::string word;
  uint32_t count = 0, titled = 0;
  uint32_t next_titled = 0, next_lower = 0;
  bool operator<(const WordCount& o) const { return word < o.word; }
};

// What training produces and the file stores.
struct NgramTables {
  std::vector<NgramEntry> unigrams, bigrams, trigrams;  // any order
  std::vector<WordCount> words;
  float unknown_logp = -20.0f;
};

// The model file: this header, the unigram, bigram and trigram tables
// (slots of a 32-bit fingerprint, a log probability code and, below the
// highest order, a back-off code), then the word records (count, titled
// count, length, next titled and next lower counts, bytes, padded to 8). Exposed for tests that craft
// damaged files.
inline constexpr int kNgramTables = 3, kNgramCodes = 256;
struct NgramFileHeader {
  char magic[8];  // "VNPLNLM4"
  uint32_t version, order;
  uint64_t slots[kNgramTables];
  // The longest run from a key's home slot to its slot: a look-up probes
  // no further, so even a table with no empty slot ends.
  uint64_t max_probe[kNgramTables];
  uint64_t word_count, words_bytes;
  float unknown_logp;
  uint32_t reserved;
  float logp_codebook[kNgramTables][kNgramCodes];
  float backoff_codebook[kNgramTables - 1][kNgramCodes];
  // Of the header before this field and of everything after the header.
  uint64_t checksum;
};

// Writes into `file`, a whole model file's bytes, the checksum of the rest.
void SealNgramModel(std::string& file);

// Writes tables as a model file (kIoError when it cannot).
Status WriteNgramModel(const NgramTables& tables, const std::string& path);

class NgramModel {
 public:
  // Maps the model file at `path` into *model: kIoError when it cannot be
  // read, kInvalidInput when it is no model of this vnplan or damaged.
  static Status Open(const std::string& path, std::unique_ptr<NgramModel>* model);
  ~NgramModel();
  // The model owns its mapping, unmapped once in the destructor.
  NgramModel(const NgramModel&) = delete;
  NgramModel& operator=(const NgramModel&) = delete;

  // ln P(w | u v) with back-off; words are hashes from WordHash.
  float LogProb(uint64_t u, uint64_t v, uint64_t w) const;

  // A history's back-off weights, looked up once for the many words a
  // decoder scores after the same two syllables.
  struct History {
    uint64_t u = 0, v = 0;
    float uv_backoff = 0, v_backoff = 0;
    bool uv_seen = false;  // the model saw u v together
  };
  History Context(uint64_t u, uint64_t v) const;
  // The same as LogProb(h.u, h.v, q.w), with the history's look-ups done
  // and q = NgramQuery::Of(PairKey(h.u, h.v), h.v, w).
  float LogProb(const History& h, const NgramQuery& q) const;
  // Starts loading the table slots LogProb(h, q) will read. The tables are
  // far larger than the CPU's caches: asking for several words' slots at
  // once lets their memory reads overlap instead of queueing.
  void Prefetch(const NgramQuery& q) const;
  // The same for the look-ups of Context(u, v).
  void PrefetchContext(uint64_t u, uint64_t v) const;
  // The syllables the model knows, with their training counts.
  struct KnownWord {
    std::string_view word;
    uint32_t count, titled, next_titled, next_lower;
  };
  std::vector<KnownWord> Words() const;
  float UnigramLogProb(uint64_t w) const;
  // The file's size: how much a model was trained on, to compare models.
  size_t size_bytes() const { return size_; }

 private:
  // One open-addressing table of the file.
  struct Table {
    const uint8_t* slots = nullptr;
    uint64_t slot_count = 0, max_probe = 0;
    size_t entry_bytes = 0;
    const float *logp = nullptr, *backoff = nullptr;  // codebooks
  };
  NgramModel() = default;
  // Reads the header, checks the file against it and sets the tables.
  Status Layout(const std::string& path);
  static const uint8_t* Find(const Table& table, uint64_t key);
  static float LogpOf(const Table& table, const uint8_t* entry) { return table.logp[entry[4]]; }
  static float BackoffOf(const Table& table, const uint8_t* entry) { return table.backoff[entry[5]]; }

  const uint8_t* data_ = nullptr;
  size_t size_ = 0;
  Table uni_, bi_, tri_;
  const uint8_t* words_ = nullptr;
  uint64_t word_count_ = 0, words_bytes_ = 0;
  float unknown_logp_ = -20.0f;
};

}  // namespace vnplan::internal

#endif  // VNPLAN_RESTORE_NGRAM_MODEL_H_
