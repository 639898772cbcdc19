// Image overlays of a scanned PDF: the seal and signature pictures an
// e-office lays over a page after scanning it, as annotations (a signature
// field's widget, a stamp). They are not the page's print, and their
// picture is opaque: on cv1849 p2 the seal's white inside hides "TL. BỘ
// TRƯỞNG / VỤ TRƯỞNG VỤ GIÁO DỤC" beneath it, which no colour filter can
// bring back. Read with qpdf, as the PDF's own structure says.
#ifndef VNPLAN_SRC_OCR_PDF_OVERLAYS_H_
#define VNPLAN_SRC_OCR_PDF_OVERLAYS_H_

#include <string>
#include <string_view>

namespace vnplan::ocr {

// A copy of the PDF `bytes` without the annotations whose appearance draws
// an image, for rendering its scanned pages; empty when it has none (or
// qpdf cannot read it: then the page is rendered as it is). Annotations
// that draw only text stay: an e-office stamps the document's number into
// the scan's "Số: ___" line as a text widget (cv1849 p1).
std::string WithoutImageOverlays(std::string_view bytes);

}  // namespace vnplan::ocr

#endif  // VNPLAN_SRC_OCR_PDF_OVERLAYS_H_
