#include "src/restore/ngram_model.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <fstream>

namespace vnplan::internal {
namespace {

constexpr char kMagic[8] = {'V', 'N', 'P', 'L', 'N', 'L', 'M', '4'};
// 4: the word records count the case of the word after (next_titled).
constexpr uint32_t kVersion = 4;
constexpr int kTables = kNgramTables;
// 8-bit codes: against the 32-bit floats before, and with 32-bit
// fingerprints for 64-bit keys, the background model went from 48.7 to
// 8.8 MB (tables two thirds full) for at most 0.02 points on the stripped
// seeds (restore_bench leave-one-out: 002 98.76 -> 98.74%, 003 and 004
// and the legacy OCR of 000 unchanged).
constexpr int kCodes = kNgramCodes;
using FileHeader = NgramFileHeader;
// Bytes of a slot: a 32-bit fingerprint, the log probability's code and
// (not for trigrams: the highest order backs off to nothing) the back-off's.
constexpr size_t kEntryBytes[kTables] = {6, 6, 5};
// The log probability code of a context that is never predicted (<s>).
constexpr uint8_t kContextOnly = kCodes - 1;
constexpr float kContextOnlyLogp = 1.0f;
// Word records: count, titled count, length, next titled and next lower
// counts (4 bytes each), the bytes, padded to 8: at least 24 bytes each.
constexpr uint64_t kWordHeaderBytes = 20, kMinWordRecord = 24;
// No log probability or back-off of a real model comes near; a codebook
// beyond it (or NaN) is damage, and would make scores meaningless.
constexpr float kMaxAbsCodebookValue = 1000.0f;

inline uint64_t Rotl(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

// A 64-bit checksum in four lanes of 8 bytes (xxHash64's round), several GB/s:
// the whole of a 20 MB model in a few milliseconds at load. It finds
// damage, not forgery: a crafted file with a valid checksum still passes
// every structural check below.
uint64_t Checksum(const uint8_t* p, size_t n, uint64_t seed) {
  constexpr uint64_t kP1 = 0x9E3779B185EBCA87ULL, kP2 = 0xC2B2AE3D27D4EB4FULL;
  uint64_t lane[4] = {seed + kP1 + kP2, seed + kP2, seed, seed - kP1};
  size_t i = 0;
  for (; i + 32 <= n; i += 32)
    for (int k = 0; k < 4; ++k) {
      uint64_t w;
      std::memcpy(&w, p + i + 8 * k, 8);
      lane[k] = Rotl(lane[k] + w * kP2, 31) * kP1;
    }
  uint64_t h = Rotl(lane[0], 1) + Rotl(lane[1], 7) + Rotl(lane[2], 12) + Rotl(lane[3], 18);
  for (; i < n; ++i) h = Rotl(h ^ (p[i] * kP1), 11) * kP2;
  return Mix(h ^ n);
}

static_assert(sizeof(FileHeader) % 8 == 0 && offsetof(FileHeader, checksum) + 8 == sizeof(FileHeader));

uint64_t FileChecksum(const uint8_t* data, size_t size) {
  return Checksum(data + sizeof(FileHeader), size - sizeof(FileHeader),
                  Checksum(data, offsetof(FileHeader, checksum), 0));
}

// A key's first slot: Mix's high bits scaled to the table (any size, not
// only powers of two).
inline uint64_t HomeSlot(uint64_t key, uint64_t slots) {
  return static_cast<uint64_t>((static_cast<unsigned __int128>(Mix(key)) * slots) >> 64);
}
// What a slot stores of its key: 0 marks an empty slot. Two keys of one
// probe run share a fingerprint about once in 2^32 look-ups.
inline uint32_t Fingerprint(uint64_t key) {
  const auto f = static_cast<uint32_t>(key);
  return f == 0 ? 1 : f;
}

// Up to kCodes values standing for `values`: equal-count bins over the
// sorted values (KenLM's quantiser), each bin's mean its code's value; the
// values themselves when there are no more of them than codes.
class Codebook {
 public:
  Codebook(std::vector<float> values, int codes) {
    std::sort(values.begin(), values.end());
    std::vector<float> distinct = values;
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    if (distinct.size() <= static_cast<size_t>(codes)) {
      centres_ = distinct;
    } else {
      const size_t n = values.size();
      for (size_t b = 0; b < static_cast<size_t>(codes); ++b) {
        const size_t from = b * n / codes, to = (b + 1) * n / codes;
        if (from == to) continue;
        double sum = 0;
        for (size_t i = from; i < to; ++i) sum += values[i];
        centres_.push_back(static_cast<float>(sum / static_cast<double>(to - from)));
      }
      centres_.erase(std::unique(centres_.begin(), centres_.end()), centres_.end());
    }
    if (centres_.empty()) centres_.push_back(0.0f);
  }
  // The code of the centre nearest to `value`.
  uint8_t Code(float value) const {
    const auto above = std::lower_bound(centres_.begin(), centres_.end(), value);
    size_t i = static_cast<size_t>(above - centres_.begin());
    if (i == centres_.size() || (i > 0 && value - centres_[i - 1] < *above - value)) --i;
    return static_cast<uint8_t>(i);
  }
  // Fills a file's table; codes no value uses repeat the last centre.
  void Store(float (&out)[kCodes]) const {
    for (size_t i = 0; i < kCodes; ++i) out[i] = centres_[std::min(i, centres_.size() - 1)];
  }

 private:
  std::vector<float> centres_;  // ascending
};

struct PackedTable {
  std::vector<uint8_t> bytes;
  uint64_t slots = 0, max_probe = 0;
};

// An open-addressing table half full, linear probing. Most look-ups are
// of n-grams the model lacks, which probe until an empty slot: about 2.5
// slots at half full, 5 at two thirds, where seed 000's legacy OCR took
// 16% more CPU (446 against 383 ms, median of 6) for a file of 8.8 instead
// of 12.3 MB; cache-line buckets filled to three quarters were slower
// still (463 ms). Keys are placed in ascending order, so the file does
// not depend on the order training produced them in.
PackedTable Pack(std::vector<NgramEntry> entries, int table, FileHeader& header) {
  const size_t entry_bytes = kEntryBytes[table];
  const bool has_backoff = table < kTables - 1;
  std::vector<float> logps, backoffs;
  for (const NgramEntry& e : entries) {
    if (e.logp <= 0) logps.push_back(e.logp);
    backoffs.push_back(e.backoff);
  }
  const Codebook logp(std::move(logps), has_backoff ? kCodes - 1 : kCodes), backoff(std::move(backoffs), kCodes);
  logp.Store(header.logp_codebook[table]);
  if (has_backoff) {
    backoff.Store(header.backoff_codebook[table]);
    header.logp_codebook[table][kContextOnly] = kContextOnlyLogp;
  }
  std::sort(entries.begin(), entries.end(), [](const NgramEntry& a, const NgramEntry& b) { return a.key < b.key; });
  PackedTable out;
  out.slots = 2 * entries.size() + 1;
  out.bytes.assign(out.slots * entry_bytes, 0);
  for (const NgramEntry& e : entries) {
    uint64_t i = HomeSlot(e.key, out.slots), probe = 0;
    for (uint32_t used; std::memcpy(&used, &out.bytes[i * entry_bytes], 4), used != 0; ++probe)
      i = i + 1 == out.slots ? 0 : i + 1;
    out.max_probe = std::max(out.max_probe, probe);
    uint8_t* slot = &out.bytes[i * entry_bytes];
    const uint32_t fingerprint = Fingerprint(e.key);
    std::memcpy(slot, &fingerprint, 4);
    slot[4] = has_backoff && e.logp > 0 ? kContextOnly : logp.Code(e.logp);
    if (has_backoff) slot[5] = backoff.Code(e.backoff);
  }
  header.slots[table] = out.slots;
  header.max_probe[table] = out.max_probe;
  return out;
}

std::string Damaged(const std::string& path, const std::string& why) {
  return path + ": not a vnplan language model, or damaged (" + why + ")";
}

// The word records of [words, words + bytes): exactly `count` of them,
// each inside.
bool WordsFit(const uint8_t* words, uint64_t bytes, uint64_t count) {
  uint64_t pos = 0;
  for (uint64_t i = 0; i < count; ++i) {
    if (bytes - pos < kWordHeaderBytes) return false;
    uint32_t len;
    std::memcpy(&len, words + pos + 8, 4);
    const uint64_t record = (kWordHeaderBytes + len + 7) / 8 * 8;
    if (bytes - pos < record) return false;
    pos += record;
  }
  return pos == bytes;
}

}  // namespace

uint64_t WordHash(std::string_view word) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : word) h = (h ^ c) * 1099511628211ULL;
  return NonZero(Mix(h));
}

void SealNgramModel(std::string& file) {
  if (file.size() < sizeof(FileHeader)) return;
  const uint64_t checksum = FileChecksum(reinterpret_cast<const uint8_t*>(file.data()), file.size());
  std::memcpy(&file[offsetof(FileHeader, checksum)], &checksum, 8);
}

Status WriteNgramModel(const NgramTables& tables, const std::string& path) {
  FileHeader h{};
  std::memcpy(h.magic, kMagic, 8);
  h.version = kVersion;
  h.order = 3;
  const PackedTable packed[kTables] = {Pack(tables.unigrams, 0, h), Pack(tables.bigrams, 1, h),
                                       Pack(tables.trigrams, 2, h)};
  std::string words;
  for (const WordCount& w : tables.words) {
    const uint32_t len = static_cast<uint32_t>(w.word.size());
    words.append(reinterpret_cast<const char*>(&w.count), 4);
    words.append(reinterpret_cast<const char*>(&w.titled), 4);
    words.append(reinterpret_cast<const char*>(&len), 4);
    words.append(reinterpret_cast<const char*>(&w.next_titled), 4);
    words.append(reinterpret_cast<const char*>(&w.next_lower), 4);
    words.append(w.word);
    while (words.size() % 8) words.push_back('\0');
  }
  h.word_count = tables.words.size();
  h.words_bytes = words.size();
  h.unknown_logp = tables.unknown_logp;
  std::string file(reinterpret_cast<const char*>(&h), sizeof h);
  for (const PackedTable& t : packed) file.append(t.bytes.begin(), t.bytes.end());
  file += words;
  SealNgramModel(file);
  const std::string temp = path + ".tmp";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) return Status::IoError("cannot create " + temp + ": " + std::strerror(errno));
    out.write(file.data(), static_cast<std::streamsize>(file.size()));
    if (!out.flush()) return Status::IoError("cannot write " + temp);
  }
  if (std::rename(temp.c_str(), path.c_str()) != 0)
    return Status::IoError("cannot write " + path + ": " + std::strerror(errno));
  return Status::Ok();
}

Status NgramModel::Open(const std::string& path, std::unique_ptr<NgramModel>* model) {
  // Non-blocking: a FIFO in place of the file must not wait for a writer.
  const int fd = open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return Status::IoError(path + ": " + std::strerror(errno));
  struct stat st {};
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    close(fd);
    return Status::InvalidInput(Damaged(path, "not a regular file"));
  }
  const size_t size = static_cast<size_t>(st.st_size);
  if (size < sizeof(FileHeader)) {
    close(fd);
    return Status::InvalidInput(Damaged(path, "too short"));
  }
  void* map = mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  close(fd);
  if (map == MAP_FAILED) return Status::IoError(path + ": cannot map: " + std::strerror(errno));
  std::unique_ptr<NgramModel> m(new NgramModel());
  m->data_ = static_cast<const uint8_t*>(map);
  m->size_ = size;
  if (Status laid_out = m->Layout(path); !laid_out.ok()) return laid_out;
  *model = std::move(m);
  return Status::Ok();
}

Status NgramModel::Layout(const std::string& path) {
  FileHeader h;
  std::memcpy(&h, data_, sizeof h);
  if (std::memcmp(h.magic, kMagic, 7) == 0 && (h.magic[7] >= '1' && h.magic[7] <= '3'))
    return Status::InvalidInput(path + ": a model of an older vnplan; build it again (scripts/build_models.sh)");
  if (std::memcmp(h.magic, kMagic, 8) != 0 || h.version != kVersion || h.order != 3)
    return Status::InvalidInput(Damaged(path, "unknown header"));
  // Sizes from the file are checked with overflow-checked arithmetic
  // before anything is read or allocated by them.
  uint64_t expected = sizeof h, bytes = 0;
  for (int t = 0; t < kTables; ++t)
    if (__builtin_mul_overflow(h.slots[t], kEntryBytes[t], &bytes) ||
        __builtin_add_overflow(expected, bytes, &expected) ||
        (h.slots[t] == 0 ? h.max_probe[t] != 0 : h.max_probe[t] >= h.slots[t]))
      return Status::InvalidInput(Damaged(path, "table sizes"));
  if (__builtin_add_overflow(expected, h.words_bytes, &expected) || expected != size_ ||
      h.word_count > h.words_bytes / kMinWordRecord)
    return Status::InvalidInput(Damaged(path, "sizes do not match the file"));
  if (FileChecksum(data_, size_) != h.checksum) return Status::InvalidInput(Damaged(path, "checksum"));
  const auto* header = reinterpret_cast<const FileHeader*>(data_);
  const float* first = &header->logp_codebook[0][0];
  const float* last = &header->backoff_codebook[kTables - 2][kCodes - 1] + 1;
  if (!std::isfinite(h.unknown_logp) ||
      !std::all_of(first, last, [](float v) { return std::fabs(v) <= kMaxAbsCodebookValue; }))
    return Status::InvalidInput(Damaged(path, "values"));
  Table* tables[kTables] = {&uni_, &bi_, &tri_};
  const uint8_t* at = data_ + sizeof h;
  for (int t = 0; t < kTables; ++t) {
    *tables[t] = Table{at, h.slots[t], h.max_probe[t], kEntryBytes[t], header->logp_codebook[t],
                       t < kTables - 1 ? header->backoff_codebook[t] : nullptr};
    at += h.slots[t] * kEntryBytes[t];
  }
  words_ = at;
  word_count_ = h.word_count;
  words_bytes_ = h.words_bytes;
  if (!WordsFit(words_, words_bytes_, word_count_)) return Status::InvalidInput(Damaged(path, "word list"));
  unknown_logp_ = h.unknown_logp;
  return Status::Ok();
}

NgramModel::~NgramModel() {
  if (data_ != nullptr) munmap(const_cast<uint8_t*>(data_), size_);
}

const uint8_t* NgramModel::Find(const Table& table, uint64_t key) {
  if (table.slot_count == 0) return nullptr;
  const uint32_t fingerprint = Fingerprint(key);
  uint64_t i = HomeSlot(key, table.slot_count);
  for (uint64_t probe = 0; probe <= table.max_probe; ++probe) {
    const uint8_t* slot = table.slots + i * table.entry_bytes;
    uint32_t stored;
    std::memcpy(&stored, slot, 4);
    if (stored == fingerprint) return slot;
    if (stored == 0) return nullptr;
    i = i + 1 == table.slot_count ? 0 : i + 1;
  }
  return nullptr;
}

float NgramModel::UnigramLogProb(uint64_t w) const {
  const uint8_t* e = Find(uni_, w);
  return e != nullptr ? LogpOf(uni_, e) : unknown_logp_;
}

NgramModel::History NgramModel::Context(uint64_t u, uint64_t v) const {
  History h{u, v, 0, 0, false};
  if (const uint8_t* c = Find(bi_, PairKey(u, v))) h.uv_backoff = BackoffOf(bi_, c), h.uv_seen = true;
  if (const uint8_t* c = Find(uni_, v)) h.v_backoff = BackoffOf(uni_, c);
  return h;
}

void NgramModel::Prefetch(const NgramQuery& q) const {
  if (tri_.slot_count > 0) __builtin_prefetch(tri_.slots + HomeSlot(q.triple, tri_.slot_count) * tri_.entry_bytes);
  if (bi_.slot_count > 0) __builtin_prefetch(bi_.slots + HomeSlot(q.pair_vw, bi_.slot_count) * bi_.entry_bytes);
}

void NgramModel::PrefetchContext(uint64_t u, uint64_t v) const {
  if (bi_.slot_count > 0) __builtin_prefetch(bi_.slots + HomeSlot(PairKey(u, v), bi_.slot_count) * bi_.entry_bytes);
  if (uni_.slot_count > 0) __builtin_prefetch(uni_.slots + HomeSlot(v, uni_.slot_count) * uni_.entry_bytes);
}

float NgramModel::LogProb(const History& h, const NgramQuery& q) const {
  if (const uint8_t* t = Find(tri_, q.triple)) return LogpOf(tri_, t);
  // A bigram entry may hold only a context's back-off (logp > 0 marks it).
  if (const uint8_t* b = Find(bi_, q.pair_vw); b != nullptr && LogpOf(bi_, b) <= 0)
    return h.uv_backoff + LogpOf(bi_, b);
  return h.uv_backoff + h.v_backoff + UnigramLogProb(q.w);
}

float NgramModel::LogProb(uint64_t u, uint64_t v, uint64_t w) const {
  return LogProb(Context(u, v), NgramQuery::Of(PairKey(u, v), v, w));
}

// The records were checked at load (WordsFit).
std::vector<NgramModel::KnownWord> NgramModel::Words() const {
  std::vector<KnownWord> out;
  out.reserve(word_count_);
  uint64_t pos = 0;
  for (uint64_t i = 0; i < word_count_; ++i) {
    uint32_t count, titled, len, next_titled, next_lower;
    std::memcpy(&count, words_ + pos, 4);
    std::memcpy(&titled, words_ + pos + 4, 4);
    std::memcpy(&len, words_ + pos + 8, 4);
    std::memcpy(&next_titled, words_ + pos + 12, 4);
    std::memcpy(&next_lower, words_ + pos + 16, 4);
    out.push_back({std::string_view(reinterpret_cast<const char*>(words_ + pos + kWordHeaderBytes), len), count,
                   titled, next_titled, next_lower});
    pos += (kWordHeaderBytes + len + 7) / 8 * 8;
  }
  return out;
}

}  // namespace vnplan::internal
