// The signer's block beside "Nơi nhận", read a second time on its own.
#ifndef VNPLAN_SRC_OCR_SIGNATURE_AREA_H_
#define VNPLAN_SRC_OCR_SIGNATURE_AREA_H_

#include <vector>

#include "src/ocr/layout.h"
#include "src/ocr/pix.h"

namespace tesseract {
class TessBaseAPI;
}

namespace vnplan::ocr {

// A rectangle of the page, in pixels.
struct Area {
  int left = 0, top = 0, right = 0, bottom = 0;
};

// Where the signer's block of the page read into `lines` lies: right of the
// "Nơi nhận" list, from the list's first line down; false when the page has
// no "Nơi nhận" line.
bool FindSignatureArea(const std::vector<LayoutLine>& lines, int page_width, int page_height,
                       Area* area);

// Puts `reread` (the area's own reading) in place of the words of `lines`
// inside `area`, after every other line, so the recipients' list stays
// whole and the signer's block follows it. Lines of `reread` read with a
// confidence under the bars (a seal's marks), or with a word of letters
// under them (a title or name short of a word), are left out, and so are
// words of neither letters nor digits (marks); when none is left, `lines`
// stay as they are.
void ReplaceArea(const Area& area, std::vector<LayoutLine> reread, std::vector<LayoutLine>* lines);

// Reads the signature area of the page `api` has just recognised (`page`,
// the image it was given) as one block of text and puts that reading in
// place of the page's own there (FindSignatureArea, ReplaceArea). A seal
// over the block makes Tesseract's page analysis drop its lines or merge
// them with the seal's marks; cut from the page, the same pixels read.
// Where a round seal's rings cross the block (seal.h), the area is read
// again with them whitened, and the reading keeping more text is taken.
void RereadSignatureArea(tesseract::TessBaseAPI* api, Pix* page, std::vector<LayoutLine>* lines);

}  // namespace vnplan::ocr

#endif  // VNPLAN_SRC_OCR_SIGNATURE_AREA_H_
