// OcrEngine: the first stage. Scans (PNG, JPEG, GIF, BMP, TIFF including
// multi-page) and PDFs go in; text comes out a page at a time. A PDF page
// whose text layer holds the page gives its text directly; other pages
// (scans, and scans carrying only a small e-signature box as text) are
// cleaned with Leptonica (see OcrOptions::steps) and read by Tesseract,
// pages in parallel with one Tesseract per worker, each page decoded only
// when it is read. The two-column masthead of an administrative page
// comes out column by column, and every word keeps its confidence.
//
// Tesseract's own OpenMP threads must be off: with them a page takes five
// times longer on two cores. The workers turn them off for themselves
// unless OMP_THREAD_LIMIT is set in the environment (then it rules).
#ifndef VNPLAN_OCR_H_
#define VNPLAN_OCR_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vnplan/status.h"

namespace vnplan {

// A Leptonica cleaning step (OcrOptions::steps). Whatever order they are
// named in, pages go through them in this order: despeckle (3x3 median on
// pages with salt-and-pepper specks, a 3x3 mean on others), deskew, scale
// (pages under about 130 dpi, to 225 dpi), background, binarize.
enum class OcrStep { kDespeckle, kDeskew, kScale, kBackground, kBinarize };

// A set of OcrSteps: bit (1 << step). 0 ("none") leaves pages to
// Tesseract's own thresholding.
using OcrSteps = unsigned;

// Parses a comma-separated list of step names ("despeckle,deskew,scale") or
// "none". A name that is not a step (e.g. "deskewx"), an empty list or an
// empty name gives InvalidArgument naming it and the known names, so a
// command line can refuse the option before reading anything.
Status ParseOcrSteps(std::string_view names, OcrSteps* steps);

// How a PDF page is read (OCRmyPDF's --skip-text / --force-ocr / --redo-ocr).
enum class PdfReading {
  kAuto,       // its text layer when that holds the page, else OCR (src/ocr/pdf_input.cc)
  kTextLayer,  // its text layer whenever it has one, however little it holds
  kOcr,        // always rendered and OCR'd; the text layer is kept as layer_text
  // As kAuto, but a text layer is taken for another tool's OCR: its text is
  // restored as OCR output is (misread marks), not only when it looks damaged.
  kRedoOcr,
};

// Parses "auto", "text", "ocr" or "redo"; anything else gives InvalidArgument.
Status ParsePdfReading(std::string_view name, PdfReading* reading);

struct OcrOptions {
  std::string languages = "vie";
  // Pages read at once by one engine, over every Read running at once (a
  // batch's workers share one engine, so one long PDF's pages spread over
  // all of them when the other files are done); 0 = one per core.
  int jobs = 0;
  long long max_pixels = 150'000'000;  // per page, from its header before decoding; larger pages are refused
  // All the pages to read together, from their headers before any is
  // decoded: a PDF of 1,000 pages of 150 million pixels each passes both
  // limits above yet would take days. 10 billion holds 1,000 A4 pages at
  // 300 dpi (8.7 million pixels each).
  long long max_total_pixels = 10'000'000'000;
  // Pages per input (image frames, TIFF pages, PDF pages); a longer input is
  // refused before any page is read. An administrative document has tens of
  // pages; at 1.5-3 s a scanned page, 1,000 pages is already half an hour
  // or more.
  int max_pages = 1000;
  // Leptonica steps, as ParseOcrSteps reads them; an unknown name makes
  // Read fail with its message. bench/ocr_bench.py measures them.
  std::string steps = "despeckle,deskew,scale";
  PdfReading pdf_reading = PdfReading::kAuto;
  // The pages to read, 1-based inclusive ranges (ParsePageRanges); empty:
  // all. Pages outside are not decoded and not in the result.
  std::vector<std::pair<int, int>> pages;
  // The digit model (build/models/digits.bin, scripts/mnist_digits.py) that
  // reads a scan's handwritten number and day (src/ocr/handwritten_digits.h);
  // empty: they are left as Tesseract read them. Pipeline sets it from its
  // model directory when that holds one.
  std::string digits_model;
};

// Writes the digit model OcrOptions::digits_model names (`model_path`,
// whole or not at all) from the digit file `mnist_path`
// (scripts/mnist_digits.py; src/ocr/handwritten_digits.h says its format):
// the training digits normalised, so
// a scan's first unread slot does not pay for normalising 8,000 digits
// (0.7 s a process on qn-2352-ct, a third of its 4 pages' OCR time); test
// digits as they were. `*stored` is how many training digits it holds.
Status WriteDigitModel(const std::string& mnist_path, const std::string& model_path, size_t* stored);

// Parses "1-3,5,8-" (OCRmyPDF's --pages) into ranges; "8-" runs to the end.
// InvalidArgument for anything else ("0", "3-1", "a").
Status ParsePageRanges(std::string_view text, std::vector<std::pair<int, int>>* ranges);

// A word as Tesseract read it: where it is on the page and how sure it was,
// so later stages can doubt what Tesseract doubted.
struct OcrWord {
  std::string text;
  float confidence = 0;  // 0-100
  int left = 0, top = 0, right = 0, bottom = 0;  // pixels of the cleaned page
  int line = 0;  // 0-based line of OcrPage::text it ends up on
  size_t offset = 0;  // byte offset of the word in OcrDocument::Text()
};

// An e-signature stated by a signed scan's text layer (the box an e-office
// stamps on page 1 after signing: "Ký bởi: …", "Cơ quan: …", "Thời gian
// ký: …"). What the box does not state is nullopt, never guessed.
struct OcrSignature {
  std::optional<std::string> signed_by;     // the certificate's holder, as written
  std::optional<std::string> organisation;  // "Cơ quan"
  std::optional<std::string> time;          // ISO 8601, "2025-01-21T09:08:01"; the offset when stated
};

struct OcrPage {
  std::string text;
  double mean_confidence = -1;  // Tesseract's, 0-100; -1 for a text layer
  bool text_layer = false;      // text is the PDF page's own text layer, not OCR
  std::vector<OcrWord> words;  // in text order; empty for a text layer
  // A PDF page that was OCR'd although it has a text layer: that layer's
  // text, e.g. the e-signature box an e-office stamps on a scan after
  // signing it ("Ký bởi: …", "Cơ quan: …", "Thời gian ký: …"), kept for a
  // later stage to report who signed and when. Not part of text or Text().
  std::string layer_text;
  std::vector<OcrSignature> signatures;  // what layer_text states as e-signatures
  int width = 0, height = 0;  // of the cleaned page the word boxes refer to; 0 for a text layer
};

struct OcrDocument {
  std::string kind;  // "image" or "pdf"
  std::vector<OcrPage> pages;
  std::string engine;     // "tesseract 5.3.0"
  std::string languages;  // "vie"
  double mean_confidence = -1;  // over OCR'd pages; -1 when none was OCR'd

  // The pages' text, separated by form feeds.
  std::string Text() const;
  // Where each page's text begins in Text(): OcrWord::offset is page start
  // + offset in OcrPage::text.
  std::vector<size_t> PageStarts() const;
};

class OcrEngine {
 public:
  explicit OcrEngine(OcrOptions options = {});
  ~OcrEngine();
  OcrEngine(OcrEngine&&) noexcept;

  // True if the bytes are an image or a PDF rather than text: the header
  // is confirmed, not its first bytes (a plan whose text begins "BM01-KH",
  // "GIF8" or "%PDF" is a text).
  static bool IsScan(std::string_view bytes);

  // The pages Read would read (a PDF's pages, a TIFF's pages, 1 for
  // another image), from the headers only, without decoding any; 0 for a
  // text or what cannot be opened. A batch counts its work in pages.
  static int CountPages(std::string_view bytes);

  // Reads every page. Fails with a sentence naming the problem (a
  // truncated image, an encrypted PDF, a page over the pixel
  // limit, more pages than max_pages, the first page that cannot be
  // decoded, an unknown step in OcrOptions::steps) when the input cannot be
  // read; never throws. Every page's size is checked from its header before
  // any page is decoded, and pages are decoded one at a time as they are
  // read. Safe to call from several threads at once.
  // The failure's code says whose problem it is: kModelMissing when
  // Tesseract cannot load the languages' model (an installation problem:
  // exit 4), kInvalidArgument for an unknown step, kInvalidInput otherwise.
  Status Read(std::string_view bytes, OcrDocument* out) const;
  // The same, with the failure as a sentence only.
  bool Read(std::string_view bytes, OcrDocument* out, std::string* error) const;

 private:
  // Started Tesseract engines, kept between pages and between files:
  // starting one costs 0.1-0.2 s, a tenth of reading a page.
  class EnginePool;
  OcrOptions options_;
  std::unique_ptr<EnginePool> pool_;
};

}  // namespace vnplan

#endif  // VNPLAN_OCR_H_
