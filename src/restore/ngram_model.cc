#include "src/restore/ngram_model.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

namespace vnplan::internal {
namespace {

constexpr char kMagic[8] = {'V', 'N', 'P', 'L', 'N', 'L', 'M', '2'};

struct FileHeader {
  char magic[8];
  uint32_t version;
  uint32_t order;
  uint64_t uni_slots, bi_slots, tri_slots;
  uint64_t word_count, words_bytes;
  float unknown_logp;
  uint32_t reserved;
};

// An open-addressing table at most half full, linear probing.
std::vector<NgramEntry> Pack(const std::vector<NgramEntry>& entries) {
  uint64_t slots = 16;
  while (slots < entries.size() * 2) slots <<= 1;
  std::vector<NgramEntry> table(slots, NgramEntry{0, 0, 0});
  for (const NgramEntry& e : entries) {
    uint64_t i = Mix(e.key) & (slots - 1);
    while (table[i].key != 0 && table[i].key != e.key) i = (i + 1) & (slots - 1);
    table[i] = e;
  }
  return table;
}

}  // namespace

uint64_t WordHash(std::string_view word) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : word) h = (h ^ c) * 1099511628211ULL;
  return NonZero(Mix(h));
}


Status WriteNgramModel(const NgramTables& tables, const std::string& path) {
  const std::vector<NgramEntry> uni = Pack(tables.unigrams), bi = Pack(tables.bigrams),
                                tri = Pack(tables.trigrams);
  std::string words;
  for (const WordCount& w : tables.words) {
    const uint32_t len = static_cast<uint32_t>(w.word.size());
    words.append(reinterpret_cast<const char*>(&w.count), 4);
    words.append(reinterpret_cast<const char*>(&w.titled), 4);
    words.append(reinterpret_cast<const char*>(&len), 4);
    words.append(w.word);
    while (words.size() % 8) words.push_back('\0');
  }
  FileHeader h{};
  std::memcpy(h.magic, kMagic, 8);
  h.version = 2;
  h.order = 3;
  h.uni_slots = uni.size();
  h.bi_slots = bi.size();
  h.tri_slots = tri.size();
  h.word_count = tables.words.size();
  h.words_bytes = words.size();
  h.unknown_logp = tables.unknown_logp;
  const std::string temp = path + ".tmp";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) return Status::IoError("cannot create " + temp + ": " + std::strerror(errno));
    out.write(reinterpret_cast<const char*>(&h), sizeof h);
    for (const auto* t : {&uni, &bi, &tri})
      out.write(reinterpret_cast<const char*>(t->data()),
                static_cast<std::streamsize>(t->size() * sizeof(NgramEntry)));
    out.write(words.data(), static_cast<std::streamsize>(words.size()));
    if (!out.flush()) return Status::IoError("cannot write " + temp);
  }
  if (std::rename(temp.c_str(), path.c_str()) != 0)
    return Status::IoError("cannot write " + path + ": " + std::strerror(errno));
  return Status::Ok();
}

Status NgramModel::Open(const std::string& path, std::unique_ptr<NgramModel>* model) {
  const int fd = open(path.c_str(), O_RDONLY);
  if (fd < 0) return Status::IoError(path + ": " + std::strerror(errno));
  struct stat st {};
  fstat(fd, &st);
  const size_t size = static_cast<size_t>(st.st_size);
  if (size < sizeof(FileHeader)) {
    close(fd);
    return Status::InvalidInput(path + ": not a vnplan language model, or damaged (too short)");
  }
  void* map = mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  close(fd);
  if (map == MAP_FAILED) return Status::IoError(path + ": cannot map: " + std::strerror(errno));
  std::unique_ptr<NgramModel> m(new NgramModel());
  m->data_ = static_cast<const uint8_t*>(map);
  m->size_ = size;
  FileHeader h;
  std::memcpy(&h, m->data_, sizeof h);
  const uint64_t tables = (h.uni_slots + h.bi_slots + h.tri_slots) * sizeof(NgramEntry);
  if (std::memcmp(h.magic, kMagic, 7) == 0 && h.magic[7] == '1')
    return Status::InvalidInput(path + ": a model of an older vnplan; build it again (scripts/build_models.sh)");
  if (std::memcmp(h.magic, kMagic, 8) != 0 || h.version != 2 || h.order != 3 ||
      sizeof h + tables + h.words_bytes != size)
    return Status::InvalidInput(path + ": not a vnplan language model, or damaged");
  const auto* entries = reinterpret_cast<const NgramEntry*>(m->data_ + sizeof h);
  m->uni_ = entries;
  m->bi_ = entries + h.uni_slots;
  m->tri_ = m->bi_ + h.bi_slots;
  m->uni_slots_ = h.uni_slots;
  m->bi_slots_ = h.bi_slots;
  m->tri_slots_ = h.tri_slots;
  m->words_ = m->data_ + sizeof h + tables;
  m->word_count_ = h.word_count;
  m->words_bytes_ = h.words_bytes;
  m->unknown_logp_ = h.unknown_logp;
  *model = std::move(m);
  return Status::Ok();
}

NgramModel::~NgramModel() {
  if (data_ != nullptr) munmap(const_cast<uint8_t*>(data_), size_);
}

const NgramEntry* NgramModel::Find(const NgramEntry* table, uint64_t slots,
                                   uint64_t key) const {
  if (slots == 0) return nullptr;
  uint64_t i = Mix(key) & (slots - 1);
  while (table[i].key != 0) {
    if (table[i].key == key) return &table[i];
    i = (i + 1) & (slots - 1);
  }
  return nullptr;
}

float NgramModel::UnigramLogProb(uint64_t w) const {
  const NgramEntry* e = Find(uni_, uni_slots_, w);
  return e != nullptr ? e->logp : unknown_logp_;
}

NgramModel::History NgramModel::Context(uint64_t u, uint64_t v) const {
  History h{u, v, 0, 0};
  if (const NgramEntry* c = Find(bi_, bi_slots_, PairKey(u, v))) h.uv_backoff = c->backoff;
  if (const NgramEntry* c = Find(uni_, uni_slots_, v)) h.v_backoff = c->backoff;
  return h;
}

void NgramModel::Prefetch(const NgramQuery& q) const {
  if (tri_slots_ > 0) __builtin_prefetch(&tri_[Mix(q.triple) & (tri_slots_ - 1)]);
  if (bi_slots_ > 0) __builtin_prefetch(&bi_[Mix(q.pair_vw) & (bi_slots_ - 1)]);
}

void NgramModel::PrefetchContext(uint64_t u, uint64_t v) const {
  if (bi_slots_ > 0) __builtin_prefetch(&bi_[Mix(PairKey(u, v)) & (bi_slots_ - 1)]);
  if (uni_slots_ > 0) __builtin_prefetch(&uni_[Mix(v) & (uni_slots_ - 1)]);
}

float NgramModel::LogProb(const History& h, const NgramQuery& q) const {
  if (const NgramEntry* t = Find(tri_, tri_slots_, q.triple)) return t->logp;
  // A bigram entry may hold only a context's back-off (logp > 0 marks it).
  if (const NgramEntry* b = Find(bi_, bi_slots_, q.pair_vw); b != nullptr && b->logp <= 0)
    return h.uv_backoff + b->logp;
  return h.uv_backoff + h.v_backoff + UnigramLogProb(q.w);
}

float NgramModel::LogProb(uint64_t u, uint64_t v, uint64_t w) const {
  return LogProb(Context(u, v), NgramQuery::Of(PairKey(u, v), v, w));
}

std::vector<NgramModel::KnownWord> NgramModel::Words() const {
  std::vector<KnownWord> out;
  out.reserve(word_count_);
  uint64_t pos = 0;
  for (uint64_t i = 0; i < word_count_ && pos + 12 <= words_bytes_; ++i) {
    uint32_t count, titled, len;
    std::memcpy(&count, words_ + pos, 4);
    std::memcpy(&titled, words_ + pos + 4, 4);
    std::memcpy(&len, words_ + pos + 8, 4);
    if (pos + 12 + len > words_bytes_) break;
    out.push_back({std::string_view(reinterpret_cast<const char*>(words_ + pos + 12), len), count, titled});
    pos += (12 + len + 7) / 8 * 8;
  }
  return out;
}

}  // namespace vnplan::internal
