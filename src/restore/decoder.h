// The restorer's search: for each sentence of a text as read, the sequence
// of candidates that best explains what is written, by beam search over the
// channel's and the language models' scores.
#ifndef VNPLAN_RESTORE_DECODER_H_
#define VNPLAN_RESTORE_DECODER_H_

#include <cstddef>
#include <vector>

#include "src/restore/candidates.h"
#include "src/restore/model_mixture.h"
#include "src/restore/reading.h"
#include "vnplan/restorer.h"

namespace vnplan::internal {

// What the decoder chose for each word of a reading: a candidate (null
// where none was), and the local lead of that choice over keeping the word
// as written (0 where it was kept).
struct Choices {
  std::vector<const Candidate*> chosen;
  std::vector<double> margins;
};

class Decoder {
 public:
  explicit Decoder(const ModelMixture& models) : models_(models) {}

  // Chooses every word of `reading`, sentence by sentence, keeping `beam`
  // states per word, none more than `prune` (log probability) below the
  // best. `confidences` (sorted by offset) first set how far each word as
  // written is trusted. `cache` may be shared by the calls of one
  // restoration.
  Choices Decode(TextReading& reading, const std::vector<WordConfidence>& confidences, size_t beam,
                 double prune, ScoreCache& cache) const;

 private:
  struct SearchState;
  struct SearchBuffers;
  void DecodeSentence(const TextReading& reading, size_t from, size_t to, size_t beam, double prune,
                      ScoreCache& cache, SearchBuffers& buffers, Choices& choices) const;
  void Extend(const Word& word, size_t begin, size_t end, ScoreCache& cache, SearchBuffers& buffers) const;
  void TraceBack(const std::vector<Word>& words, size_t begin, size_t end, ScoreCache& cache,
                 const SearchBuffers& buffers, Choices& choices) const;

  const ModelMixture& models_;
};

}  // namespace vnplan::internal

#endif  // VNPLAN_RESTORE_DECODER_H_
