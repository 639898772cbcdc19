// A searchable PDF of a scan, as archivists keep one: every page's image as
// it was scanned and, over it, an invisible text layer (PDF text render
// mode 3) that holds each word at the box Tesseract found for it, spelt as
// the finished text has it. A search for "phòng học" then finds a page that
// Tesseract read as "phong hoc" and the restorer gave back its marks.
//
//   vnplan::Reading reading;  // from Pipeline::Read(scan, &reading)
//   std::string pdf;
//   Status s = vnplan::WriteSearchablePdf(scan, reading.ocr, reading.text, {}, InputDigest(scan), &pdf);
#ifndef VNPLAN_SEARCHABLE_PDF_H_
#define VNPLAN_SEARCHABLE_PDF_H_

#include <string>
#include <string_view>

#include "vnplan/ocr.h"
#include "vnplan/status.h"

namespace vnplan {

// Writes the searchable PDF of `scan` (the image or PDF bytes `ocr` was
// read from, with the same `options`) into *pdf.
// `text` is the text the words are taken from: Pipeline::Read's restored
// text, whose lines and words stand where the OCR's did (restoration
// changes words, never how many a line has). On a line where the counts
// differ, or with an empty `text`, the OCR's own words are written.
// A PDF page read from its text layer (a born-digital page) gets its own
// layer's words at poppler's boxes over its rendered image.
// `document_id` (32 hex digits or more, e.g. InputDigest of the scan)
// becomes the file's /ID, so the same scan gives the same bytes.
// The file follows PDF/A-2b's rules: fonts embedded (Tesseract's glyphless
// pdf.ttf, when installed), XMP metadata, an sRGB output intent, no
// transparency. No validator in Debian checked it.
// kInvalidInput when the scan cannot be read again page for page.
Status WriteSearchablePdf(std::string_view scan, const OcrDocument& ocr, std::string_view text,
                          const OcrOptions& options, std::string_view document_id, std::string* pdf);

}  // namespace vnplan

#endif  // VNPLAN_SEARCHABLE_PDF_H_
