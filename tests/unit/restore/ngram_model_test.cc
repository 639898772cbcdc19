// The model file: what training writes reads back, pruning keeps the
// distribution whole, and crafted or damaged files give an error, never a
// hang, a crash or an allocation the file asks for.
#include <gtest/gtest.h>

#include <cmath>
#include <cstddef>
#include <cstring>
#include <limits>
#include <random>

#include "src/restore/model_mixture.h"
#include "src/restore/ngram_model.h"
#include "src/restore/syllable.h"
#include "src/restore/trainer.h"
#include "tests/support/test_support.h"

namespace vnplan {
namespace {

using internal::NgramFileHeader;
using internal::NgramModel;
using internal::WordHash;

constexpr const char* kText =
    "tổ chức thi đua. tổ chức khen thưởng. thi đua yêu nước.\n\ntổ chức hội nghị. "
    "tổ chức thi đua yêu nước. hội nghị thi đua. khen thưởng thi đua. tổ chức hội nghị.";

// The bytes of a model trained on kText.
std::string ModelBytes(uint32_t min_trigram_count = 1) {
  internal::SyllableTools tools;
  internal::NgramTrainer trainer(tools);
  trainer.AddText(kText);
  trainer.set_min_trigram_count(min_trigram_count);
  const std::string path = testing::OutputDir() + "/model.lm";
  EXPECT_TRUE(internal::WriteNgramModel(trainer.Build(), path).ok());
  return testing::ReadFile(path);
}

NgramFileHeader HeaderOf(const std::string& file) {
  NgramFileHeader h;
  std::memcpy(&h, file.data(), sizeof h);
  return h;
}

// `file` with header `h`, its checksum made valid again: only the
// structural checks stand between it and the look-ups.
std::string Resealed(std::string file, const NgramFileHeader& h) {
  std::memcpy(file.data(), &h, sizeof h);
  internal::SealNgramModel(file);
  return file;
}

// Each model open at once needs its own `name`: a mapped file is not rewritten.
Status OpenBytes(const std::string& bytes, std::unique_ptr<NgramModel>* model,
                 const std::string& name = "crafted") {
  const std::string path = testing::OutputDir() + "/" + name + ".lm";
  testing::WriteFile(path, bytes);
  return NgramModel::Open(path, model);
}

void ExpectDamaged(const std::string& bytes, const std::string& why) {
  std::unique_ptr<NgramModel> model;
  const Status status = OpenBytes(bytes, &model);
  EXPECT_EQ(status.code(), Status::Code::kInvalidInput) << why;
  EXPECT_NE(status.message().find(why), std::string::npos) << status.message();
  EXPECT_FALSE(model);
}

double SumOverVocabulary(const NgramModel& model, uint64_t u, uint64_t v) {
  double sum = std::exp(model.LogProb(u, v, WordHash(internal::kEos)));
  for (const auto& known : model.Words()) sum += std::exp(model.LogProb(u, v, WordHash(known.word)));
  return sum;
}

TEST(NgramModelFile, PrunedTrigramsLeaveTheirMassToTheBackoff) {
  std::unique_ptr<NgramModel> full, pruned;
  const std::string full_bytes = ModelBytes(1), pruned_bytes = ModelBytes(2);
  ASSERT_TRUE(OpenBytes(full_bytes, &full, "full").ok());
  ASSERT_TRUE(OpenBytes(pruned_bytes, &pruned, "pruned").ok());
  EXPECT_LT(HeaderOf(pruned_bytes).slots[2], HeaderOf(full_bytes).slots[2]);
  const uint64_t to = WordHash("tổ"), chuc = WordHash("chức"), thi = WordHash("thi"), dua = WordHash("đua"),
                 hoi = WordHash("hội"), bos = WordHash(internal::kBos);
  for (auto [u, v] : {std::pair{to, chuc}, std::pair{thi, dua}, std::pair{bos, bos}, std::pair{hoi, to}}) {
    EXPECT_NEAR(SumOverVocabulary(*full, u, v), 1.0, 0.02);
    EXPECT_NEAR(SumOverVocabulary(*pruned, u, v), 1.0, 0.02);
  }
  // "tổ chức thi" (3 times) is kept as it was; "tổ chức khen" (once) now
  // backs off, and is less likely than the kept continuation.
  EXPECT_NEAR(pruned->LogProb(to, chuc, thi), full->LogProb(to, chuc, thi), 1e-6);
  EXPECT_NE(pruned->LogProb(to, chuc, WordHash("khen")), full->LogProb(to, chuc, WordHash("khen")));
  EXPECT_GT(pruned->LogProb(to, chuc, thi), pruned->LogProb(to, chuc, WordHash("khen")));
}

// Trigrams seen once, twice, three, four and five times: modified
// Kneser-Ney's three discounts per order are all in use, and what they free
// for the lower orders must still make every context's distribution whole.
TEST(NgramModelFile, ThreeDiscountsKeepTheDistributionWhole) {
  std::string text;
  const std::pair<const char*, int> kSentences[] = {{"tổ chức thi đua. ", 5}, {"tổ chức khen thưởng. ", 1},
                                                    {"tổ chức hội nghị. ", 2}, {"thi đua yêu nước. ", 3},
                                                    {"hội nghị thi đua yêu nước. ", 4}};
  for (const auto& [sentence, times] : kSentences)
    for (int i = 0; i < times; ++i) text += sentence;
  internal::SyllableTools tools;
  internal::NgramTrainer trainer(tools);
  trainer.AddText(text);
  std::unique_ptr<NgramModel> model;
  const std::string path = testing::OutputDir() + "/three-discounts.lm";
  ASSERT_TRUE(internal::WriteNgramModel(trainer.Build(), path).ok());
  ASSERT_TRUE(NgramModel::Open(path, &model).ok());
  const uint64_t to = WordHash("tổ"), chuc = WordHash("chức"), thi = WordHash("thi"), dua = WordHash("đua"),
                 hoi = WordHash("hội"), nghi = WordHash("nghị"), bos = WordHash(internal::kBos);
  for (auto [u, v] : {std::pair{to, chuc}, std::pair{thi, dua}, std::pair{bos, bos}, std::pair{hoi, nghi},
                      std::pair{chuc, thi}})
    EXPECT_NEAR(SumOverVocabulary(*model, u, v), 1.0, 0.02);
  // Seen five times against once after "tổ chức".
  EXPECT_GT(model->LogProb(to, chuc, thi), model->LogProb(to, chuc, WordHash("khen")));
}

TEST(NgramModelFile, TheSameTrainingWritesTheSameBytes) { EXPECT_EQ(ModelBytes(), ModelBytes()); }

TEST(NgramModelFile, ATableWithoutAnEmptySlotStillEndsItsLookUps) {
  std::string file = ModelBytes();
  NgramFileHeader h = HeaderOf(file);
  // Every unigram slot taken by a key no word has, probed to the end.
  const uint32_t stranger = 0xFFFFFFFFu;
  for (uint64_t i = 0; i < h.slots[0]; ++i) std::memcpy(&file[sizeof h + i * 6], &stranger, 4);
  h.max_probe[0] = h.slots[0] - 1;
  std::unique_ptr<NgramModel> model;
  ASSERT_TRUE(OpenBytes(Resealed(file, h), &model).ok());
  EXPECT_EQ(model->UnigramLogProb(WordHash("tổ")), h.unknown_logp);
  EXPECT_TRUE(std::isfinite(model->LogProb(WordHash("tổ"), WordHash("chức"), WordHash("thi"))));
  // A probe bound the table cannot hold is refused.
  h.max_probe[0] = h.slots[0];
  ExpectDamaged(Resealed(file, h), "table sizes");
}

TEST(NgramModelFile, SizesThatOverflowAreRefused) {
  const std::string file = ModelBytes();
  NgramFileHeader h = HeaderOf(file);
  // 6 * 2^63 wraps to 0: unchecked, the sizes would add up to the file's.
  h.slots[0] += uint64_t{1} << 63;
  ExpectDamaged(Resealed(file, h), "table sizes");
  h = HeaderOf(file);
  h.words_bytes = std::numeric_limits<uint64_t>::max() - 100;
  ExpectDamaged(Resealed(file, h), "sizes do not match");
}

TEST(NgramModelFile, AHugeWordCountIsRefusedBeforeAnythingIsAllocated) {
  const std::string file = ModelBytes();
  NgramFileHeader h = HeaderOf(file);
  h.word_count = uint64_t{1} << 62;
  ExpectDamaged(Resealed(file, h), "sizes do not match");
  // A count the section could hold, but not what it holds.
  h.word_count = HeaderOf(file).word_count + 1;
  ExpectDamaged(Resealed(file, h), "word list");
  // A word whose length runs past the section.
  h = HeaderOf(file);
  std::string bad = file;
  const uint32_t long_word = 0xFFFFFFF0u;
  std::memcpy(&bad[bad.size() - h.words_bytes + 8], &long_word, 4);
  ExpectDamaged(Resealed(bad, h), "word list");
}

TEST(NgramModelFile, CodebooksWithoutNumbersAreRefused) {
  const std::string file = ModelBytes();
  NgramFileHeader h = HeaderOf(file);
  h.logp_codebook[2][7] = std::numeric_limits<float>::quiet_NaN();
  ExpectDamaged(Resealed(file, h), "values");
  h = HeaderOf(file);
  h.unknown_logp = -std::numeric_limits<float>::infinity();
  ExpectDamaged(Resealed(file, h), "values");
}

TEST(NgramModelFile, AnyChangedByteIsFoundByTheChecksum) {
  const std::string file = ModelBytes();
  std::mt19937 random(13);
  for (int trial = 0; trial < 300; ++trial) {
    std::string damaged = file;
    const size_t at = std::uniform_int_distribution<size_t>(0, file.size() - 1)(random);
    damaged[at] = static_cast<char>(damaged[at] ^ (1 + random() % 255));
    std::unique_ptr<NgramModel> model;
    const Status status = OpenBytes(damaged, &model);
    ASSERT_EQ(status.code(), Status::Code::kInvalidInput) << "byte " << at;
    EXPECT_FALSE(model);
  }
  // Within the tables, past every structural check, only the checksum tells.
  std::string fingerprint_changed = file;
  fingerprint_changed[sizeof(NgramFileHeader) + 3] ^= 0x01;
  ExpectDamaged(fingerprint_changed, "checksum");
  ExpectDamaged(file.substr(0, file.size() - 8), "sizes do not match");
}

TEST(NgramModelFile, OlderModelsAndOtherFilesAreNamed) {
  std::string file = ModelBytes();
  file[7] = '2';
  std::unique_ptr<NgramModel> model;
  const Status older = OpenBytes(file, &model);
  EXPECT_EQ(older.code(), Status::Code::kInvalidInput);
  EXPECT_NE(older.message().find("older vnplan"), std::string::npos);
  ExpectDamaged(std::string(sizeof(NgramFileHeader) + 64, 'x'), "unknown header");
  ExpectDamaged("short", "too short");
  const Status folder = NgramModel::Open(testing::OutputDir(), &model);
  EXPECT_EQ(folder.code(), Status::Code::kInvalidInput);
}

// Where the smaller model (a domain's) never saw the two syllables before
// a word, its back-off guesses: the largest model speaks for more of the
// mixture. Where it saw them, the weights hold as given.
TEST(ModelMixture, ASmallerModelThatNeverSawTheHistoryGivesWayToTheLargest) {
  internal::SyllableTools tools;
  internal::NgramTrainer trainer(tools);
  trainer.AddText("tổ chức thi đua. tổ chức khen thưởng.");
  const std::string small = testing::OutputDir() + "/mixture-small.lm";
  const std::string large = testing::OutputDir() + "/mixture-large.lm";
  ASSERT_TRUE(internal::WriteNgramModel(trainer.Build(), small).ok());
  testing::WriteFile(large, ModelBytes());
  internal::ModelMixture mixture;
  ASSERT_TRUE(mixture.Open({{small, 0.5}, {large, 0.5}}).ok());
  const auto& models = mixture.models();
  const auto plain = [&](const char* u, const char* v, const char* w) {
    const uint64_t a = WordHash(u), b = WordHash(v), c = WordHash(w);
    return 0.5 * std::exp(models[0]->LogProb(a, b, c)) + 0.5 * std::exp(models[1]->LogProb(a, b, c));
  };
  const auto mixed = [&](const char* u, const char* v, const char* w) {
    return std::exp(mixture.LogProb(WordHash(u), WordHash(v), WordHash(w)));
  };
  EXPECT_NEAR(mixed("tổ", "chức", "thi"), plain("tổ", "chức", "thi"), 1e-6);
  const double from_large = std::exp(models[1]->LogProb(WordHash("hội"), WordHash("nghị"), WordHash("thi")));
  ASSERT_GT(from_large, plain("hội", "nghị", "thi"));
  EXPECT_GT(mixed("hội", "nghị", "thi"), plain("hội", "nghị", "thi") * 1.05);
  EXPECT_LT(mixed("hội", "nghị", "thi"), from_large);
}

}  // namespace
}  // namespace vnplan
