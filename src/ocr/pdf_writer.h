// A minimal PDF 1.7 file writer: numbered objects, streams, the cross-
// reference table and trailer. It knows nothing of pages or fonts; the
// searchable PDF builds those from it.
#ifndef VNPLAN_SRC_OCR_PDF_WRITER_H_
#define VNPLAN_SRC_OCR_PDF_WRITER_H_

#include <string>
#include <string_view>
#include <vector>

namespace vnplan::ocr {

class PdfWriter {
 public:
  // Reserves an object number, so objects can refer to each other before
  // they are written (a page names its parent, the parent its pages).
  int Reserve();
  // Sets object `id`'s body (a dictionary, an array, a number...).
  void Set(int id, std::string body);
  // Sets object `id` to a stream: `dict` holds the entries other than
  // /Length ("/Type /XObject /Subtype /Image ..."), `data` its bytes.
  void SetStream(int id, std::string_view dict, std::string_view data);
  // Reserve + Set / SetStream.
  int Add(std::string body);
  int AddStream(std::string_view dict, std::string_view data);

  // The file: header, objects in number order, xref, trailer naming
  // `root` as the catalogue and `id` (hex digits; the first 32 are used)
  // as both parts of its /ID. Every reserved object must have been set.
  std::string Finish(int root, std::string_view id) const;

 private:
  std::vector<std::string> objects_;  // object i + 1's body
};

// "12.34": fixed two decimals, '.' whatever the locale, so output is
// byte-identical everywhere.
std::string PdfNumber(double value);

}  // namespace vnplan::ocr

#endif  // VNPLAN_SRC_OCR_PDF_WRITER_H_
