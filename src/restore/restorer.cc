#include "vnplan/restorer.h"

#include <unicode/uchar.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <deque>
#include <fstream>
#include <iterator>
#include <mutex>
#include <unordered_map>

#include "src/restore/ngram_model.h"
#include "src/restore/ocr_channel.h"
#include "src/restore/syllable.h"
#include "src/text/textutil.h"
#include "src/text/words.h"
#include "src/restore/trainer.h"

namespace vnplan {

using namespace internal;

namespace {

constexpr size_t kMaxCandidates = 24;  // per skeleton in the inventory
constexpr size_t kSearchCandidates = 8;  // per word in the search
// A word read by legacy OCR may be many things ("Pay": đẩy, đây, này, …).
constexpr size_t kDamagedCandidates = 16;
constexpr size_t kBeam = 6;
// Legacy OCR leaves each word many readings, and the right one is often
// only found a word or two later ("Pay manh" -> "Đẩy mạnh"): a wider beam
// (000: 95.6% with 6, 95.9% with 12, 96.1% with 16). Legacy texts are short
// and rare, so the cost is only paid there.
constexpr size_t kDamagedBeam = 16;
// log P of a letter edit the channel never learned: below its rarest rules
// (learned rules are kept down to -9 and are mostly -2 to -7).
constexpr float kUnseenEdit = -9.0f;

struct Candidate {
  std::string syllable;  // canonical, lower case
  uint64_t hash;
  float prior;  // best unigram log probability across models
  // log P(written with a capital | mid-sentence) and its complement: names
  // ("Việt", "Lâm") are capitalised where common words ("viết", "làm") are not.
  float titled_logp = 0, lower_logp = 0;
};

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
  // How the word is written where no sentence starts, which says whether it
  // is a name; kNoCaseEvidence at sentence starts and for capitals.
  enum WrittenCase : uint8_t { kNoCaseEvidence, kTitled, kLower } written = kNoCaseEvidence;
};

// log P(this occurrence as written | c meant): the form's channel score
// `channel` for c, moved by OCR's confidence and by the word's capital.
double OccurrenceScore(const Word& word, const Candidate& c, float channel) {
  const double case_term = word.written == Word::kTitled ? c.titled_logp
                           : word.written == Word::kLower ? c.lower_logp
                                                          : 0.0;
  return channel + (&c == word.form->same ? word.keep_shift : word.change_shift) + case_term;
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

// A piece of the token stream: a word, or a sentence end.
struct Piece {
  bool sentence_end = false;
  int word = -1;  // index into words, -1 for text the decoder does not read
  bool number = false;  // digits only: <num> to the models
};

enum class CasePattern { kLower, kCapitalised, kUpper };

CasePattern CaseOf(std::string_view word) {
  int upper = 0, letters = 0;
  bool first_upper = false;
  CodePointReader reader(word);
  for (CodePoint c; reader.Next(c);) {
    if (c.value < 0 || !u_isalpha(c.value)) continue;
    if (letters == 0) first_upper = u_isupper(c.value);
    ++letters;
    upper += u_isupper(c.value) ? 1 : 0;
  }
  if (letters >= 2 && upper == letters) return CasePattern::kUpper;
  return first_upper ? CasePattern::kCapitalised : CasePattern::kLower;
}

std::string ApplyCase(const std::string& lower, CasePattern pattern) {
  if (pattern == CasePattern::kLower) return lower;
  if (pattern == CasePattern::kCapitalised) return CapitalizeFirst(lower);
  std::string out;
  icu::UnicodeString::fromUTF8(lower).toUpper(icu::Locale("vi")).toUTF8String(out);
  return out;
}

}  // namespace

struct Restorer::Impl {
  SyllableTools tools;
  std::vector<std::unique_ptr<NgramModel>> models;
  std::vector<double> weights;
  std::vector<Candidate> candidates;                          // every known syllable
  std::unordered_map<std::string, std::vector<const Candidate*>> by_skeleton;
  std::unordered_map<std::string, const Candidate*> by_form;  // canonical -> candidate
  // Known syllable skeletons by each one-letter deletion of them ("cong" under
  // "ong", "cng", "cog", "con"): finds skeletons one edit from a damaged word.
  // Built on first use, as only legacy OCR needs it.
  mutable std::unordered_map<std::string, std::vector<const std::string*>> near_index;
  mutable std::once_flag near_index_built;
  void BuildNearIndex() const;
  // Known skeletons one insertion, deletion or substitution away from `f`.
  std::vector<const std::string*> NearSkeletons(const std::string& f) const;
  OcrChannel channel;  // learned OCR damage, reversed
  uint64_t unk = WordHash("<unk>"), bos = WordHash(kBos), eos = WordHash(kEos),
           num = WordHash(kNum);

  // Every model's view of one history, for scoring the words after it.
  using Histories = std::vector<internal::NgramModel::History>;
  void Contexts(uint64_t u, uint64_t v, Histories& out) const {
    out.clear();
    for (const auto& model : models) out.push_back(model->Context(u, v));
  }
  void Prefetch(const internal::NgramQuery& q) const {
    for (const auto& model : models) model->Prefetch(q);
  }
  double LogProb(const Histories& h, const internal::NgramQuery& q) const {
    if (models.size() == 1) return models[0]->LogProb(h[0], q);
    float p = 0;
    for (size_t i = 0; i < models.size(); ++i)
      p += static_cast<float>(weights[i]) * std::exp(models[i]->LogProb(h[i], q));
    return std::log(std::max(p, 1e-30f));
  }
  // ln P(w | u v) of the mixture, for the few scores outside the search.
  double LogProb(uint64_t u, uint64_t v, uint64_t w) const {
    Histories h;
    Contexts(u, v, h);
    return LogProb(h, internal::NgramQuery::Of(PairKey(u, v), v, w));
  }

  // The same trigram recurs across beam states and sentences: score it once.
  class ScoreCache {
   public:
    explicit ScoreCache(const Impl& impl) : impl_(impl), keys_(kSlots, 0), values_(kSlots) {}
    // Keys are TripleKey(u, v, w), as the models' NgramQuery::triple.
    bool Has(uint64_t key) const { return keys_[key & (kSlots - 1)] == key; }
    void Prefetch(uint64_t key) const {
      __builtin_prefetch(&keys_[key & (kSlots - 1)]);
      __builtin_prefetch(&values_[key & (kSlots - 1)]);
    }
    double LogProb(uint64_t u, uint64_t v, uint64_t w) {
      return LogProb(TripleKey(u, v, w), [&] { return impl_.LogProb(u, v, w); });
    }
    // `score` computes the value on a miss.
    template <typename Score>
    double LogProb(uint64_t key, Score&& score) {
      const size_t i = key & (kSlots - 1);
      if (keys_[i] == key) return values_[i];
      keys_[i] = key;
      return values_[i] = score();
    }

   private:
    static constexpr size_t kSlots = 1 << 18;
    const Impl& impl_;
    std::vector<uint64_t> keys_;
    std::vector<double> values_;
  };

  void BuildInventory();
  // What a document's damage looks like, measured on the document itself.
  struct Damage {
    double marked_share = 0;  // words written with any mark
    double mark_errors = 0;   // marked words that are no known syllable
    // Legacy OCR: so many marks wrong that every word may be damaged.
    bool legacy() const { return mark_errors > 0.3; }
  };
  Damage Measure(std::string_view text) const;
  // Restorer::DamagedShare over an already tokenized text.
  double ShareOfDamage(const std::vector<Word>& words) const;
  // Legacy OCR the channel can undo.
  bool IsLegacy(const Damage& damage) const { return !channel.empty() && damage.legacy(); }
  bool ReadWord(std::string_view core, const Damage& damage, const OcrChannel& damaged_by,
                WordForm& word) const;
  std::vector<Piece> Tokenize(std::string_view text, const OcrChannel& damaged_by,
                              std::deque<WordForm>& forms, std::vector<Word>& words,
                              Damage* damage = nullptr) const;
  // One hypothesis of the beam search.
  struct SearchState {
    uint64_t u, v;  // the last two syllables
    double score;
    int parent;  // index of the previous word's state
    const Candidate* pick;
  };
  // Work arrays of one Restore call, reused across its sentences.
  struct SearchBuffers {
    std::vector<SearchState> all, next;
    std::vector<size_t> step_begin;
    std::vector<int> word_of_step;
    Histories histories;
    std::vector<internal::NgramQuery> queries;  // per state and candidate
  };
  // A text as read: its words, and the candidate chosen for each (null
  // where none was).
  struct Reading {
    std::deque<WordForm> forms;
    std::vector<Word> words;
    std::vector<Piece> pieces;
    std::vector<const Candidate*> chosen;
    std::vector<double> margins;
  };
  // Chooses every word of `reading`, sentence by sentence.
  void Decode(Reading& reading, const std::vector<WordConfidence>& confidences, size_t beam,
              ScoreCache& cache) const;
  // Each chosen word's skeleton as written and as chosen, for fitting the
  // channel to the document.
  std::vector<std::pair<std::string, std::string>> WrittenAndChosen(const Reading& reading) const;
  void Decode(const std::vector<Piece>& pieces, size_t from, size_t to,
              const std::vector<Word>& words, size_t beam, ScoreCache& cache, SearchBuffers& buffers,
              std::vector<const Candidate*>& chosen, std::vector<double>& margins) const;
};

void Restorer::Impl::BuildInventory() {
  struct Seen {
    float prior;
    double count = 0, titled = 0;
  };
  std::unordered_map<std::string, Seen> seen;
  double all = 0, all_titled = 0;
  for (const auto& model : models)
    for (const auto& known : model->Words()) {
      const float p = model->UnigramLogProb(WordHash(known.word));
      auto [it, fresh] = seen.try_emplace(std::string(known.word), Seen{p});
      if (!fresh) it->second.prior = std::max(it->second.prior, p);
      it->second.count += known.count;
      it->second.titled += known.titled;
      all += known.count;
      all_titled += known.titled;
    }
  // A syllable seen a few times borrows the overall rate of capitals.
  const double rate = all > 0 ? std::clamp(all_titled / all, 0.001, 0.5) : 0.05;
  candidates.reserve(seen.size());
  for (const auto& [word, s] : seen) {
    const double titled = std::clamp((s.titled + 2 * rate) / (s.count + 2), 0.001, 0.999);
    candidates.push_back({word, WordHash(word), s.prior, static_cast<float>(std::log(titled)),
                          static_cast<float>(std::log(1 - titled))});
  }
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    return a.prior != b.prior ? a.prior > b.prior : a.syllable < b.syllable;
  });
  for (const Candidate& c : candidates) {
    by_form.emplace(c.syllable, &c);
    auto& list = by_skeleton[tools.Skeleton(c.syllable)];
    if (list.size() < kMaxCandidates) list.push_back(&c);
  }
}

std::vector<std::string> Deletions(const std::string& s) {
  const std::vector<size_t> at = CodePointBoundaries(s);
  std::vector<std::string> out;
  for (size_t k = 0; k + 1 < at.size(); ++k) out.push_back(s.substr(0, at[k]) + s.substr(at[k + 1]));
  return out;
}

// Levenshtein distance at most one, on code points.
bool WithinOneEdit(const std::string& a, const std::string& b) {
  const std::vector<size_t> x = CodePointBoundaries(a), y = CodePointBoundaries(b);
  auto piece = [](const std::string& s, const std::vector<size_t>& at, size_t k) {
    return std::string_view(s).substr(at[k], at[k + 1] - at[k]);
  };
  const size_t n = x.size() - 1, m = y.size() - 1;
  if (n > m + 1 || m > n + 1) return false;
  size_t i = 0, j = 0;
  while (i < n && j < m && piece(a, x, i) == piece(b, y, j)) ++i, ++j;
  size_t p = n, q = m;
  while (p > i && q > j && piece(a, x, p - 1) == piece(b, y, q - 1)) --p, --q;
  return p - i <= 1 && q - j <= 1;
}

void Restorer::Impl::BuildNearIndex() const {
  for (const auto& [skeleton, list] : by_skeleton) {
    if (!IsSyllableShape(skeleton)) continue;
    for (std::string& d : Deletions(skeleton)) near_index[std::move(d)].push_back(&skeleton);
  }
}

std::vector<const std::string*> Restorer::Impl::NearSkeletons(const std::string& f) const {
  std::call_once(near_index_built, [this] { BuildNearIndex(); });
  std::vector<const std::string*> out;
  auto add = [&](const std::string* s) {
    if (std::find(out.begin(), out.end(), s) == out.end() && WithinOneEdit(*s, f)) out.push_back(s);
  };
  // f lacks a letter of s; f has a letter too many; a letter differs.
  if (auto it = near_index.find(f); it != near_index.end())
    for (const std::string* s : it->second) add(s);
  for (const std::string& d : Deletions(f)) {
    if (auto it = by_skeleton.find(d); it != by_skeleton.end() && IsSyllableShape(d)) add(&it->first);
    if (auto it = near_index.find(d); it != near_index.end())
      for (const std::string* s : it->second) add(s);
  }
  std::sort(out.begin(), out.end(), [](const std::string* a, const std::string* b) { return *a < *b; });
  return out;
}

Restorer::Restorer() : impl_(std::make_unique<Impl>()) {}
Restorer::~Restorer() = default;

std::unique_ptr<Restorer> Restorer::Open(
    const std::vector<std::pair<std::string, double>>& models, std::string* error,
    const std::string& channel) {
  std::unique_ptr<Restorer> r(new Restorer());
  if (!channel.empty() && !r->impl_->channel.Load(channel, error)) return nullptr;
  double total = 0;
  for (const auto& [path, weight] : models) {
    auto model = NgramModel::Open(path, error);
    if (!model) return nullptr;
    r->impl_->models.push_back(std::move(model));
    r->impl_->weights.push_back(weight);
    total += weight;
  }
  if (r->impl_->models.empty() || total <= 0) {
    *error = "no language model given";
    return nullptr;
  }
  for (double& w : r->impl_->weights) w /= total;
  r->impl_->BuildInventory();
  return r;
}

bool Restorer::Impl::ReadWord(std::string_view core, const Damage& damage,
                              const OcrChannel& damaged_by, WordForm& word) const {
  const double marked_share = damage.marked_share;
  const std::string lower = tools.Lower(core);
  const std::string skeleton = tools.Skeleton(lower);
  word.unmarked = lower == skeleton;
  word.skeleton = skeleton;
  bool letters = true;
  for (char c : skeleton) letters &= c >= 'a' && c <= 'z';
  // Legacy OCR (many marks wrong) or OCR debris in the word: undo the
  // learned damage ("chirc" -> "chuc" -> chức, "d6i" -> "doi" -> đổi).
  if (!damaged_by.empty() && (!letters || damage.legacy())) {
    bool digits_only = true;
    for (char c : skeleton) digits_only &= c >= '0' && c <= '9';
    if (digits_only) return false;
    std::unordered_map<const Candidate*, float> best;
    for (const auto& [source, logp] : damaged_by.Undamage(skeleton)) {
      auto list = by_skeleton.find(source);
      if (list == by_skeleton.end()) continue;
      for (const Candidate* c : list->second) {
        auto [it, fresh] = best.emplace(c, logp);
        if (!fresh) it->second = std::max(it->second, logp);
      }
    }
    // Damage the renders never showed ("Đẩy" read "Pay"): a word may be any
    // syllable one edit away, at the price of an edit rarer than every
    // learned one.
    for (const std::string* near : NearSkeletons(skeleton))
        for (const Candidate* c : by_skeleton.find(*near)->second) best.emplace(c, kUnseenEdit);
    if (best.empty()) return false;
    for (const auto& [c, logp] : best) word.options.emplace_back(c, logp);
    std::sort(word.options.begin(), word.options.end(), [](const auto& a, const auto& b) {
      return a.second + a.first->prior != b.second + b.first->prior
                 ? a.second + a.first->prior > b.second + b.first->prior
                 : a.first->syllable < b.first->syllable;
    });
    if (word.options.size() > kDamagedCandidates) word.options.resize(kDamagedCandidates);
    auto same = by_form.find(tools.Canonical(lower));
    word.same = same == by_form.end() ? nullptr : same->second;
    return true;
  }
  if (!letters) return false;  // digits, other scripts: not read
  auto list = by_skeleton.find(skeleton);
  if (list == by_skeleton.end()) return false;  // not a word the models know
  // "hoc" (stripped "học") has a syllable's shape but no valid tone: it is
  // read, with no candidate equal to it. Other shapes are abbreviations the
  // models learned (TĐKT, GDĐT) or words to leave alone.
  std::string canonical = tools.Canonical(lower);
  if (!IsSyllableShape(skeleton)) {
    if (CaseOf(core) != CasePattern::kUpper) return false;
    canonical = lower;
  }
  const bool marked = lower != skeleton;
  // How likely each kind of damage is in this text: marks lost entirely
  // (text typed or converted without them) or a mark misread.
  const double lost = std::clamp(1.0 - marked_share / 0.8, 0.02, 0.98);
  // P(written | meant): a word written as meant has probability 1 when
  // unmarked, 0.97 when marked (OCR misreads some marks); an unmarked word
  // came from a marked one with the text's rate of lost marks.
  // Marks are trusted as much as the document's marks prove right: legacy
  // OCR writes "vé" for "về" as often as not.
  const double keep = std::clamp(1.0 - damage.mark_errors, 0.3, 0.97);
  for (const Candidate* c : list->second) {
    double p;
    if (c->syllable == canonical) {
      p = marked ? keep : 1.0;
    } else {
      p = marked ? (1.0 - keep) / static_cast<double>(list->second.size()) : lost;
    }
    word.options.emplace_back(c, static_cast<float>(std::log(p)));
  }
  auto same = by_form.find(canonical);
  word.same = same == by_form.end() ? nullptr : same->second;
  // Only the likeliest candidates enter the search (the word as written is
  // always among them).
  if (word.options.size() > kSearchCandidates) {
    std::stable_sort(word.options.begin(), word.options.end(), [](const auto& a, const auto& b) {
      return a.second + a.first->prior > b.second + b.first->prior;
    });
    const bool same_kept = std::any_of(word.options.begin(),
                                       word.options.begin() + kSearchCandidates,
                                       [&](const auto& o) { return o.first == word.same; });
    auto same_option = std::find_if(word.options.begin(), word.options.end(),
                                    [&](const auto& o) { return o.first == word.same; });
    const auto kept_same = same_option != word.options.end() ? *same_option : word.options.front();
    word.options.resize(kSearchCandidates);
    if (!same_kept && word.same != nullptr) word.options.back() = kept_same;
  }
  return true;
}

Restorer::Impl::Damage Restorer::Impl::Measure(std::string_view text) const {
  Damage d;
  std::unordered_map<std::string_view, int> words;  // distinct word -> count
  WordReader reader(text, WordKind::kLetters);
  for (size_t b, e; reader.Next(b, e);) ++words[text.substr(b, e - b)];
  int total = 0, marked = 0, wrong = 0;
  for (const auto& [word, count] : words) {
    total += count;
    if (!IsMarked(word)) continue;
    marked += count;
    const std::string canonical = tools.Canonical(tools.Lower(word));
    if (canonical.empty() || by_form.find(canonical) == by_form.end()) wrong += count;
  }
  d.marked_share = total ? double(marked) / total : 0.0;
  d.mark_errors = marked ? double(wrong) / marked : 0.0;
  return d;
}

std::vector<Piece> Restorer::Impl::Tokenize(std::string_view text,
                                            const OcrChannel& damaged_by,
                                            std::deque<WordForm>& forms,
                                            std::vector<Word>& words, Damage* measured) const {
  const Damage damage = Measure(text);
  if (measured != nullptr) *measured = damage;

  std::vector<Piece> pieces;
  // Words repeat: read each distinct one once (the ICU work is the cost).
  std::unordered_map<std::string_view, const WordForm*> seen;  // null: not read
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  int line = 1;
  int32_t i = 0;
  while (i < n) {
    // A chunk: everything up to the next space or line end.
    int32_t start = i;
    while (i < n && text[static_cast<size_t>(i)] != ' ' && text[static_cast<size_t>(i)] != '\n' &&
           text[static_cast<size_t>(i)] != '\t')
      ++i;
    const std::string_view chunk = text.substr(static_cast<size_t>(start), static_cast<size_t>(i - start));
    if (!chunk.empty()) {
      // Addresses pass through whole; "tập thể/cá nhân" is two words, and a
      // symbol such as "31/KH-UBND" is parts that are numbers or known
      // abbreviations.
      const bool symbol = chunk.find('/') != std::string_view::npos &&
                          chunk.find_first_of("0123456789") != std::string_view::npos;
      const bool passthrough = symbol || chunk.find('@') != std::string_view::npos ||
                               chunk.find("://") != std::string_view::npos ||
                               chunk.substr(0, 4) == "www.";
      // The core: from the first to the last word character.
      int32_t b = start, e = i;
      while (b < e) {
        int32_t k = b;
        UChar32 c;
        U8_NEXT(s, k, e, c);
        if (c >= 0 && IsWordChar(c)) break;
        b = k;
      }
      while (e > b) {
        int32_t k = e;
        UChar32 c;
        U8_PREV(s, b, k, c);
        if (c >= 0 && IsWordChar(c)) break;
        e = k;
      }
      // "GD&DT", "GDNN-GDTX": each part is a word of its own.
      int32_t part = b;
      for (int32_t k = b; k <= e && b < e; ++k) {
        const char c = k < e ? text[static_cast<size_t>(k)] : '\0';
        const bool joins = c == '&' && k + 1 < e &&
                           static_cast<unsigned char>(text[static_cast<size_t>(k) + 1]) >= 'A';
        if (k < e && c != '-' && c != '.' && !joins && c != '_' && c != ',' && c != ':' && c != '/' &&
            c != '(' && c != ')' && c != '"' && c != '\'')
          continue;
        if (part < k) {
          const std::string_view core =
              text.substr(static_cast<size_t>(part), static_cast<size_t>(k - part));
          const WordForm* form = nullptr;
          if (!passthrough) {
            auto it = seen.find(core);
            if (it == seen.end()) {
              WordForm fresh;
              if (ReadWord(core, damage, damaged_by, fresh)) {
                forms.push_back(std::move(fresh));
                form = &forms.back();
              }
              seen.emplace(core, form);
            } else {
              form = it->second;
            }
          }
          if (form != nullptr) {
            pieces.push_back({false, static_cast<int>(words.size())});
            words.push_back({form, line, static_cast<size_t>(part), static_cast<size_t>(k)});
            if (!StartsSentence(text, static_cast<size_t>(part)))
              words.back().written = IsTitled(core)                       ? Word::kTitled
                                     : CaseOf(core) == CasePattern::kLower ? Word::kLower
                                                                           : Word::kNoCaseEvidence;
          } else {
            pieces.push_back({false, -1, IsNumber(core)});
          }
        }
        part = k + 1;
      }
      // Sentence ends after the core: ". ; : ! ?"
      for (int32_t k = e; k < i; ++k) {
        const char c = text[static_cast<size_t>(k)];
        if (c == '.' || c == ';' || c == ':' || c == '!' || c == '?') {
          pieces.push_back({true, -1});
          break;
        }
      }
    }
    if (i < n && text[static_cast<size_t>(i)] == '\n') {
      ++line;
      if (i + 1 < n && text[static_cast<size_t>(i) + 1] == '\n') pieces.push_back({true, -1});
    }
    if (i < n) ++i;
  }
  pieces.push_back({true, -1});
  return pieces;
}

void Restorer::Impl::Decode(const std::vector<Piece>& pieces, size_t from, size_t to,
                            const std::vector<Word>& words, size_t beam, ScoreCache& cache,
                            SearchBuffers& buffers, std::vector<const Candidate*>& chosen,
                            std::vector<double>& margins) const {
  // Every step's beam lives in one flat array; a state's parent is an index
  // into the previous step's slice. Buffers are reused across sentences.
  std::vector<SearchState>& all = buffers.all;
  std::vector<SearchState>& next = buffers.next;
  std::vector<size_t>& step_begin = buffers.step_begin;
  std::vector<int>& word_of_step = buffers.word_of_step;
  using State = SearchState;
  all.clear();
  step_begin.clear();
  word_of_step.clear();
  all.push_back({bos, bos, 0.0, -1, nullptr});
  size_t beam_begin = 0, beam_end = 1;
  for (size_t p = from; p < to; ++p) {
    const Piece& piece = pieces[p];
    if (piece.word < 0) {
      // Text the decoder does not read still separates what it reads.
      if (!piece.sentence_end)
        for (size_t k = beam_begin; k < beam_end; ++k)
          all[k].u = all[k].v, all[k].v = piece.number ? num : unk;
      continue;
    }
    const Word& word = words[static_cast<size_t>(piece.word)];
    const WordForm& w = *word.form;
    next.clear();
    // Every state's keys, computed once; its cache slots and history
    // look-ups started together (the tables are far larger than the CPU's
    // caches).
    std::vector<internal::NgramQuery>& queries = buffers.queries;
    queries.clear();
    for (size_t k = beam_begin; k < beam_end; ++k) {
      const uint64_t pair = PairKey(all[k].u, all[k].v);
      for (const auto& option : w.options) {
        queries.push_back(internal::NgramQuery::Of(pair, all[k].v, option.first->hash));
        cache.Prefetch(queries.back().triple);
      }
      for (const auto& model : models) model->PrefetchContext(all[k].u, all[k].v);
    }
    const internal::NgramQuery* q = queries.data();
    for (size_t k = beam_begin; k < beam_end; ++k, q += w.options.size()) {
      const uint64_t u = all[k].u, v = all[k].v;
      // The models' look-ups this history will need, started together.
      bool looked_up = false;
      for (size_t o = 0; o < w.options.size(); ++o) {
        if (cache.Has(q[o].triple)) continue;
        if (!looked_up) Contexts(u, v, buffers.histories), looked_up = true;
        Prefetch(q[o]);
      }
      for (size_t o = 0; o < w.options.size(); ++o) {
        const auto& [c, channel] = w.options[o];
        const double lm = cache.LogProb(q[o].triple, [&] {
          if (!looked_up) Contexts(u, v, buffers.histories), looked_up = true;
          return LogProb(buffers.histories, q[o]);
        });
        next.push_back({v, c->hash, all[k].score + OccurrenceScore(word, *c, channel) + lm,
                        static_cast<int>(k), c});
      }
    }
    const auto better = [](const State& a, const State& b) { return a.score > b.score; };
    const size_t keep = std::min(next.size(), beam * 3);
    std::partial_sort(next.begin(), next.begin() + static_cast<long>(keep), next.end(), better);
    // The best state per trigram history, at most `beam` of them.
    step_begin.push_back(beam_begin);
    word_of_step.push_back(piece.word);
    const size_t kept_begin = all.size();
    for (size_t i = 0; i < keep && all.size() - kept_begin < beam; ++i) {
      bool dup = false;
      for (size_t k = kept_begin; k < all.size(); ++k)
        dup |= all[k].u == next[i].u && all[k].v == next[i].v;
      if (!dup) all.push_back(next[i]);
    }
    beam_begin = kept_begin;
    beam_end = all.size();
  }
  if (word_of_step.empty()) return;
  // Close the sentence and trace back.
  size_t best = beam_begin;
  double best_score = -1e300;
  for (size_t k = beam_begin; k < beam_end; ++k) {
    const double sc = all[k].score + cache.LogProb(all[k].u, all[k].v, eos);
    if (sc > best_score) best_score = sc, best = k;
  }
  for (size_t step = word_of_step.size(); step-- > 0;) {
    const State& s = all[best];
    const size_t w = static_cast<size_t>(word_of_step[step]);
    chosen[w] = s.pick;
    // The local lead of the pick over keeping the word as written.
    const WordForm& word = *words[w].form;
    const State& prev = all[static_cast<size_t>(s.parent)];
    if (word.same != nullptr && word.same != s.pick) {
      double keep = 0, pick = 0;
      for (const auto& [c, channel] : word.options) {
        const double score = OccurrenceScore(words[w], *c, channel) + cache.LogProb(prev.u, prev.v, c->hash);
        if (c == word.same) keep = score;
        if (c == s.pick) pick = score;
      }
      margins[w] = pick - keep;
    }
    best = static_cast<size_t>(s.parent);
  }
}

void Restorer::Impl::Decode(Reading& reading, const std::vector<WordConfidence>& confidences,
                            size_t beam, ScoreCache& cache) const {
  // An OCR word ("(Chỉ") may hold a restorer word ("Chỉ") a few bytes on:
  // each confidence covers the words that begin before the next OCR word.
  size_t c = 0;
  for (Word& word : reading.words) {
    while (c + 1 < confidences.size() && confidences[c + 1].offset <= word.begin) ++c;
    if (c < confidences.size() && confidences[c].offset <= word.begin)
      ShiftByConfidence(confidences[c].confidence, word);
  }
  reading.chosen.assign(reading.words.size(), nullptr);
  reading.margins.assign(reading.words.size(), 0.0);
  SearchBuffers buffers;
  size_t from = 0;
  for (size_t p = 0; p < reading.pieces.size(); ++p)
    if (reading.pieces[p].sentence_end) {
      Decode(reading.pieces, from, p, reading.words, beam, cache, buffers, reading.chosen,
             reading.margins);
      from = p + 1;
    }
}

std::vector<std::pair<std::string, std::string>> Restorer::Impl::WrittenAndChosen(
    const Reading& reading) const {
  std::vector<std::pair<std::string, std::string>> pairs;
  for (size_t w = 0; w < reading.words.size(); ++w) {
    if (reading.chosen[w] == nullptr) continue;
    pairs.emplace_back(reading.words[w].form->skeleton, tools.Skeleton(reading.chosen[w]->syllable));
  }
  return pairs;
}

RestoreResult Restorer::Restore(std::string_view utf8, const RestoreOptions& options) const {
  const Impl& m = *impl_;
  Impl::Reading reading;
  Impl::Damage damage;
  reading.pieces = m.Tokenize(utf8, m.channel, reading.forms, reading.words, &damage);
  RestoreResult result;
  result.words = static_cast<int>(reading.words.size());
  result.damaged_share = m.ShareOfDamage(reading.words);
  if (result.damaged_share < options.min_damaged_share) {
    result.applied = false;
    return result;
  }
  Impl::ScoreCache cache(m);
  const bool legacy = m.IsLegacy(damage);
  m.Decode(reading, options.confidences, legacy ? kDamagedBeam : kBeam, cache);
  if (legacy) {
    // Read again with the channel fitted to what this document's OCR did.
    int added = 0;
    const OcrChannel adapted = m.channel.AdaptedTo(m.WrittenAndChosen(reading), &added);
    if (added > 0) {
      reading = Impl::Reading();
      reading.pieces = m.Tokenize(utf8, adapted, reading.forms, reading.words);
      m.Decode(reading, options.confidences, kDamagedBeam, cache);
    }
  }
  size_t copied = 0;
  for (size_t w = 0; w < reading.words.size(); ++w) {
    const Word& word = reading.words[w];
    const Candidate* chosen = reading.chosen[w];
    if (chosen == nullptr || chosen == word.form->same) continue;
    const std::string_view before = utf8.substr(word.begin, word.end - word.begin);
    const std::string after = ApplyCase(chosen->syllable, CaseOf(before));
    if (after == before) continue;
    result.text.append(utf8.substr(copied, word.begin - copied));
    result.text.append(after);
    copied = word.end;
    ++result.changed;
    if (options.explain)
      result.changes.push_back({word.line, std::string(before), after, reading.margins[w]});
  }
  result.text.append(utf8.substr(copied));
  return result;
}

double Restorer::DamagedShare(std::string_view utf8) const {
  std::deque<WordForm> forms;
  std::vector<Word> words;
  impl_->Tokenize(utf8, impl_->channel, forms, words);
  return impl_->ShareOfDamage(words);
}

double Restorer::Impl::ShareOfDamage(const std::vector<Word>& words) const {
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

std::string TrainLanguageModel(const std::vector<std::string>& texts,
                               const std::vector<std::string>& vocabulary,
                               const std::string& path) {
  SyllableTools tools;
  NgramTrainer trainer(tools);
  for (const std::string& text : texts) trainer.AddText(text);
  for (const std::string& word : vocabulary) trainer.AddVocabulary(word);
  if (trainer.tokens() == 0 && vocabulary.empty()) return "no Vietnamese text to train on";
  return WriteNgramModel(trainer.Build(), path);
}

}  // namespace vnplan
