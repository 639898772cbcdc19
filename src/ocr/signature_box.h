// The e-signature box a Vietnamese e-office stamps on a scan after signing
// it, read from the page's text layer (OcrPage::layer_text).
#ifndef VNPLAN_SRC_OCR_SIGNATURE_BOX_H_
#define VNPLAN_SRC_OCR_SIGNATURE_BOX_H_

#include <string_view>
#include <vector>

#include "vnplan/ocr.h"

namespace vnplan::ocr {

// The signatures a page's text layer states. Two layouts are read:
// - labelled ("Ký bởi: …", "Cơ quan: …", "Thời gian ký: …"; a repeated
//   label starts the next signature), each field what follows its label;
// - the VGCA box (the certificate holder, its e-mail, then the time
//   "21.03.2018 16:41:00 +07:00", no labels): the holder is signed_by.
// A layer with neither (a stamped number, "1849") states no signature.
// A time that is not a valid date and time is null, not guessed.
std::vector<OcrSignature> ParseSignatureBox(std::string_view layer_text);

}  // namespace vnplan::ocr

#endif  // VNPLAN_SRC_OCR_SIGNATURE_BOX_H_
