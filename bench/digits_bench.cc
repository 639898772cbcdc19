// Held-out accuracy of the handwritten digit reader (src/ocr/handwritten_digits.h):
// trained on the digit model's train part, asked the test part (MNIST
// digits it never saw), each digit drawn as a picture and normalised as a
// page's ink is. Prints how many digits are read confidently, how many of
// those are wrong, and the nearest distances the bars are set from.
// Usage: digits_bench [build/models/digits.bin]   (skips when absent)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "src/ocr/handwritten_digits.h"

int main(int argc, char** argv) {
  using namespace vnplan::ocr;
  const std::string path = argc > 1 ? argv[1] : "build/models/digits.bin";
  vnplan::Status status;
  const auto start = std::chrono::steady_clock::now();
  std::unique_ptr<DigitModel> model = DigitModel::Open(path, &status);
  const std::chrono::duration<double, std::milli> opening = std::chrono::steady_clock::now() - start;
  std::vector<LabelledDigit> test;
  if (model) status = ReadDigitFile(path, DigitPart::kTest, &test);
  if (!model || !status.ok()) {
    std::printf("digits_bench: skipped (%s; scripts/build_models.sh makes it)\n", status.message().c_str());
    return 0;
  }
  // What a scan with an unread slot pays once per process (vnplan train
  // --digits stores the training digits normalised; before, 700 ms).
  std::printf("model opened in %.0f ms\n", opening.count());
  // Scale 3: a digit of 84 pixels, as a marker's digit at 300 dpi.
  for (int scale : {1, 3}) {
    int right = 0, kept = 0, kept_wrong = 0;
    int by_votes[10] = {}, by_votes_wrong[10] = {};  // digits with at least v votes
    std::vector<long long> nearest;
    for (const LabelledDigit& digit : test) {
      PixPtr picture = GlyphPicture(digit.glyph, scale);
      const DigitVote vote = model->Classify(NormaliseInk(picture.get()));
      right += vote.digit == digit.label;
      nearest.push_back(vote.nearest);
      for (int v = 0; v <= vote.votes && v < 10; ++v) ++by_votes[v], by_votes_wrong[v] += vote.digit != digit.label;
      if (!vote.confident) continue;
      ++kept;
      kept_wrong += vote.digit != digit.label;
    }
    std::sort(nearest.begin(), nearest.end());
    const double n = static_cast<double>(test.size());
    std::printf("scale %d: %zu held-out digits; nearest neighbours' choice right %.2f%%; "
                "confident %.2f%%, of which wrong %.3f%% (%d)\n",
                scale, test.size(), 100 * right / n, 100 * kept / n,
                kept ? 100.0 * kept_wrong / kept : 0.0, kept_wrong);
    std::printf("  nearest distance percentiles 50/90/99/100: %lld %lld %lld %lld\n",
                nearest[nearest.size() / 2], nearest[nearest.size() * 9 / 10],
                nearest[nearest.size() * 99 / 100], nearest.back());
    for (int v = 6; v <= 9; ++v)
      std::printf("  at least %d of 9 votes: %.2f%% of digits, of which wrong %.3f%% (%d)\n", v,
                  100 * by_votes[v] / n, by_votes[v] ? 100.0 * by_votes_wrong[v] / by_votes[v] : 0.0,
                  by_votes_wrong[v]);
  }
  return 0;
}
