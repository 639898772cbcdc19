// WriteSearchablePdf: page images from the scan read again, word boxes from
// the OCR, words from the finished text, one glyphless font for all of it.
#include "vnplan/searchable_pdf.h"

#include <lcms2.h>
#include <leptonica/allheaders.h>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-page.h>
#include <zlib.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <memory>
#include <unordered_map>
#include <vector>

#include "src/ocr/page_input.h"
#include "src/ocr/pdf_input.h"
#include "src/ocr/pdf_writer.h"
#include "src/ocr/text_layer.h"

namespace vnplan {
namespace ocr {
namespace {

// JPEG quality of the page images: at 85 a 300 dpi grey A4 page is about
// 0.5 MB and the print keeps its edges; the OCR never reads these copies.
constexpr int kJpegQuality = 85;
// Every glyph of the glyphless font is this wide (thousandths of the font
// size); word widths are fitted with horizontal scaling (Tz) instead.
constexpr int kGlyphWidth = 500;

// A word of the text layer, its box in points from the page's top left.
struct PlacedWord {
  std::string text;
  double left = 0, top = 0, right = 0, bottom = 0;
};

// A page as the PDF shows it: its image (JPEG) and its size in points.
struct PageImage {
  std::string jpeg;
  int width = 0, height = 0;  // pixels
  bool colour = false;
  double width_pt = 0, height_pt = 0;
};

// The page flattened to 8-bit grey or 32-bit colour on white, as JPEG.
bool EncodePage(Pix* pix, double dpi, PageImage* out) {
  PixPtr flat(pixRemoveColormap(pix, REMOVE_CMAP_BASED_ON_SRC));
  if (!flat) return false;
  if (pixGetDepth(flat.get()) == 32 && pixGetSpp(flat.get()) == 4)
    flat.reset(pixAlphaBlendUniform(flat.get(), 0xFFFFFF00));
  else if (pixGetDepth(flat.get()) != 32 && pixGetDepth(flat.get()) != 8)
    flat.reset(pixConvertTo8(flat.get(), 0));
  if (!flat) return false;
  l_uint8* data = nullptr;
  size_t size = 0;
  if (pixWriteMemJpeg(&data, &size, flat.get(), kJpegQuality, 0) != 0) return false;
  out->jpeg.assign(reinterpret_cast<const char*>(data), size);
  lept_free(data);
  out->width = pixGetWidth(flat.get());
  out->height = pixGetHeight(flat.get());
  out->colour = pixGetDepth(flat.get()) == 32;
  out->width_pt = out->width * 72.0 / dpi;
  out->height_pt = out->height * 72.0 / dpi;
  return true;
}

// A page rendered from a PDF is shown in colour when this share of it (one
// pixel in four looked at) is coloured ink, more than 40 levels between its
// channels (a red seal, a blue signature); else in grey, a third of the
// bytes. Measured on the real scans (rendered at 100 dpi): the page with a
// red seal and signature 0.9% (cv1849 p2), the 1-bit page under a coloured
// e-signature image 0.19% (qn-2352-ct p1), every other page 0, the colour
// JPEG scans of black print (cv1849's other pages) as well.
constexpr float kColouredShare = 0.001f;

bool ShowsColour(Pix* rgb) {
  l_float32 mid = 0, coloured = 0;  // of the pixels looked at: neither dark nor light; of those: coloured
  if (pixColorFraction(rgb, 20, 244, 40, 2, &mid, &coloured) != 0) return false;
  return mid * coloured > kColouredShare;
}

// The resolution a page image states, or, when it states none believable
// (0, or the 72 dpi that JPEG writes when it knows none; a scan is 100 dpi
// or more), the one that makes its long side an A4 page's 11.69 inches:
// administrative documents are A4 (Nghị định 30/2020/NĐ-CP). It only sets
// the page's size in the PDF.
double PageDpi(Pix* pix) {
  const int res = pixGetXRes(pix);
  if (res >= 100 && res <= 1200) return res;
  return std::max(pixGetWidth(pix), pixGetHeight(pix)) / 11.69;
}

// Whitespace-separated tokens of one page's text, by line.
std::vector<std::vector<std::pair<size_t, std::string_view>>> LineTokens(std::string_view page) {
  std::vector<std::vector<std::pair<size_t, std::string_view>>> lines(1);
  size_t i = 0;
  while (i < page.size()) {
    const char c = page[i];
    if (c == '\n') lines.emplace_back();
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      ++i;
      continue;
    }
    const size_t start = i;
    while (i < page.size() && page[i] != ' ' && page[i] != '\t' && page[i] != '\r' && page[i] != '\n') ++i;
    lines.back().emplace_back(start, page.substr(start, i - start));
  }
  return lines;
}

// Page-relative offset of an OCR word -> its word in the finished text, for
// every line whose word count both texts agree on.
std::unordered_map<size_t, std::string_view> FinishedWords(std::string_view ocr_page,
                                                           std::string_view finished_page) {
  std::unordered_map<size_t, std::string_view> map;
  const auto read = LineTokens(ocr_page), finished = LineTokens(finished_page);
  for (size_t l = 0; l < read.size() && l < finished.size(); ++l) {
    if (read[l].size() != finished[l].size()) continue;
    for (size_t k = 0; k < read[l].size(); ++k) map[read[l][k].first] = finished[l][k].second;
  }
  return map;
}

// The finished text split into pages at form feeds; empty when it does not
// have the OCR's number of pages.
std::vector<std::string_view> FinishedPages(std::string_view text, size_t pages) {
  std::vector<std::string_view> out;
  if (text.empty()) return out;
  size_t start = 0;
  for (size_t at; (at = text.find('\f', start)) != std::string_view::npos; start = at + 1)
    out.push_back(text.substr(start, at - start));
  out.push_back(text.substr(start));
  if (out.size() != pages) out.clear();
  return out;
}

// The words of an OCR'd page, boxes scaled from the cleaned page's pixels to points.
std::vector<PlacedWord> OcrWords(const OcrPage& page, size_t page_start, std::string_view finished,
                                 const PageImage& image) {
  const auto words = FinishedWords(page.text, finished);
  const double sx = page.width > 0 ? image.width_pt / page.width : 0;
  const double sy = page.height > 0 ? image.height_pt / page.height : 0;
  std::vector<PlacedWord> placed;
  for (const OcrWord& w : page.words) {
    const auto found = words.find(w.offset - page_start);
    const std::string text = found != words.end() ? std::string(found->second) : w.text;
    placed.push_back({text, w.left * sx, w.top * sy, w.right * sx, w.bottom * sy});
  }
  return placed;
}

// Hex of the text as UTF-16BE code units: the glyphless font's codes.
std::string Utf16Hex(std::string_view utf8) {
  std::u16string units;
  for (size_t i = 0; i < utf8.size();) {
    const unsigned char c = utf8[i];
    const int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? c : c & (0x7F >> n);
    for (int k = 1; k < n && i + k < utf8.size(); ++k) cp = cp << 6 | (utf8[i + k] & 0x3F);
    i += n;
    if (cp >= 0x10000) {
      cp -= 0x10000;
      units += static_cast<char16_t>(0xD800 + (cp >> 10));
      units += static_cast<char16_t>(0xDC00 + (cp & 0x3FF));
    } else {
      units += static_cast<char16_t>(cp);
    }
  }
  static const char kHex[] = "0123456789ABCDEF";
  std::string hex;
  for (char16_t u : units)
    for (int shift = 12; shift >= 0; shift -= 4) hex += kHex[(u >> shift) & 0xF];
  return hex;
}

// The page's drawing: the image over the whole page, then every word in
// render mode 3 (neither filled nor stroked: invisible, yet searchable and
// selectable), its baseline at the box's bottom, stretched to the box.
std::string PageContent(const PageImage& image, const std::vector<PlacedWord>& words) {
  std::string s = "q " + PdfNumber(image.width_pt) + " 0 0 " + PdfNumber(image.height_pt) +
                  " 0 0 cm /Im0 Do Q\nBT 3 Tr\n";
  for (const PlacedWord& w : words) {
    const std::string hex = Utf16Hex(w.text);
    const double size = std::max(1.0, w.bottom - w.top);
    const double natural = hex.size() / 4.0 * kGlyphWidth / 1000.0 * size;
    const double stretch = natural > 0 ? 100.0 * (w.right - w.left) / natural : 100;
    if (hex.empty()) continue;
    s += "/F0 " + PdfNumber(size) + " Tf " + PdfNumber(stretch) + " Tz 1 0 0 1 " + PdfNumber(w.left) +
         " " + PdfNumber(image.height_pt - w.bottom) + " Tm <" + hex + "> Tj\n";
  }
  s += "ET\n";
  return s;
}

std::string Deflate(std::string_view data) {
  uLongf size = compressBound(data.size());
  std::string out(size, '\0');
  compress2(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(data.data()),
            data.size(), Z_BEST_COMPRESSION);
  out.resize(size);
  return out;
}

// Tesseract's glyphless font (pdf.ttf, installed with its language data):
// one empty glyph. Empty when it is not found; the font is then not embedded.
std::string GlyphlessFontFile() {
  std::vector<std::string> dirs;
  if (const char* prefix = std::getenv("TESSDATA_PREFIX")) dirs.push_back(prefix);
  dirs.push_back("/usr/share/tesseract-ocr/5/tessdata");
  for (const std::string& dir : dirs) {
    std::ifstream in(dir + "/pdf.ttf", std::ios::binary);
    if (in) return std::string(std::istreambuf_iterator<char>(in), {});
  }
  return "";
}

// A Type 0 font whose codes are UTF-16 code units, every one drawn with the
// glyphless font's glyph 1 and mapped back to itself for text extraction.
int AddGlyphlessFont(PdfWriter* pdf) {
  std::string gid_map;
  for (int cid = 0; cid < 65536; ++cid) gid_map += std::string{'\0', '\1'};
  const int map = pdf->AddStream("/Filter /FlateDecode", Deflate(gid_map));
  const int to_unicode = pdf->AddStream(
      "", "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
          "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
          "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
          "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
          "1 beginbfrange\n<0000> <FFFF> <0000>\nendbfrange\n"
          "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
  std::string descriptor =
      "<< /Type /FontDescriptor /FontName /GlyphLessFont /Flags 5 /FontBBox [0 0 " +
      std::to_string(kGlyphWidth) + " 1000] /ItalicAngle 0 /Ascent 1000 /Descent 0 "
      "/CapHeight 1000 /StemV 80";
  if (const std::string file = GlyphlessFontFile(); !file.empty())
    descriptor += " /FontFile2 " + std::to_string(pdf->AddStream("", file)) + " 0 R";
  const int fd = pdf->Add(descriptor + " >>");
  const int cid_font = pdf->Add(
      "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /GlyphLessFont /CIDSystemInfo << "
      "/Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor " +
      std::to_string(fd) + " 0 R /DW " + std::to_string(kGlyphWidth) + " /CIDToGIDMap " +
      std::to_string(map) + " 0 R >>");
  return pdf->Add("<< /Type /Font /Subtype /Type0 /BaseFont /GlyphLessFont /Encoding /Identity-H "
                  "/DescendantFonts [" + std::to_string(cid_font) + " 0 R] /ToUnicode " +
                  std::to_string(to_unicode) + " 0 R >>");
}

// An sRGB ICC profile, as PDF/A's output intent needs one, made by Little
// CMS rather than read from a file. Its header's creation time (bytes
// 24-35) is set to a fixed date so the same scan gives the same PDF.
std::string SrgbProfile() {
  cmsHPROFILE profile = cmsCreate_sRGBProfile();
  cmsUInt32Number size = 0;
  std::string bytes;
  if (profile && cmsSaveProfileToMem(profile, nullptr, &size) && size > 36) {
    bytes.resize(size);
    cmsSaveProfileToMem(profile, bytes.data(), &size);
    static constexpr unsigned char kDate[12] = {0x07, 0xE4, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0};  // 2020-01-01
    std::copy(std::begin(kDate), std::end(kDate), bytes.begin() + 24);
  }
  if (profile) cmsCloseProfile(profile);
  return bytes;
}

// What PDF/A-2b asks of the document beyond its pages: XMP metadata naming
// the conformance and an output intent with the colour profile the page
// images are shown in. Returns the catalogue's extra entries.
std::string PdfaEntries(PdfWriter* pdf) {
  const std::string xmp =
      "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
      "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
      " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
      "  <rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
      "   <pdfaid:part>2</pdfaid:part>\n   <pdfaid:conformance>B</pdfaid:conformance>\n"
      "  </rdf:Description>\n"
      "  <rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n"
      "   <pdf:Producer>vnplan</pdf:Producer>\n  </rdf:Description>\n"
      " </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>";
  const int metadata = pdf->AddStream("/Type /Metadata /Subtype /XML", xmp);
  std::string entries = " /Metadata " + std::to_string(metadata) + " 0 R";
  if (const std::string icc = SrgbProfile(); !icc.empty()) {
    const int profile = pdf->AddStream("/N 3", icc);
    entries += " /OutputIntents [<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier "
               "(sRGB IEC61966-2.1) /Info (sRGB IEC61966-2.1) /DestOutputProfile " +
               std::to_string(profile) + " 0 R >>]";
  }
  return entries;
}

// A page's image and words, from the scan read again.
struct PageSource {
  std::string_view scan;
  std::vector<PageInput> inputs;
  std::unique_ptr<poppler::document> pdf;
};

bool PreparePage(const PageSource& source, size_t i, const OcrPage& page, size_t page_start,
                 std::string_view finished, PageImage* image, std::vector<PlacedWord>* words) {
  const PageInput& input = source.inputs[i];
  if (!source.pdf) {
    const PixPtr pix = DecodeImagePage(source.scan, input);
    if (!pix) return false;
    if (!EncodePage(pix.get(), PageDpi(pix.get()), image)) return false;
    *words = OcrWords(page, page_start, finished, *image);
    return true;
  }
  // A page OCR'd is shown at the resolution it was read at (its image's
  // own, ListPdfPages); a page read from its text layer at kRenderDpi.
  const int dpi = input.source == PageInput::Source::kPdfPage ? input.dpi : kRenderDpi;
  PixPtr colour;
  const PixPtr pix = RenderPdfPage(*source.pdf, input.index, dpi, &colour);
  if (!pix || !EncodePage(colour && ShowsColour(colour.get()) ? colour.get() : pix.get(), dpi, image))
    return false;
  if (input.source != PageInput::Source::kTextLayer) {
    *words = OcrWords(page, page_start, finished, *image);
    return true;
  }
  std::unique_ptr<poppler::page> pdf_page(source.pdf->create_page(input.index));
  if (pdf_page)
    for (const LayerWord& w : LayerWords(*pdf_page)) words->push_back({w.text, w.left, w.top, w.right, w.bottom});
  return true;
}

}  // namespace
}  // namespace ocr

Status WriteSearchablePdf(std::string_view scan, const OcrDocument& ocr, std::string_view text,
                          const OcrOptions& options, std::string_view document_id, std::string* out) {
  using namespace ocr;
  PageSource source{scan, {}, nullptr};
  std::string error;
  if (!ListPages(scan, options, &source.inputs, &error)) return Status::InvalidInput(error);
  if (source.inputs.size() != ocr.pages.size())
    return Status::InvalidInput("the scan's pages do not match what was read");
  if (scan.substr(0, 4) == "%PDF" && !(source.pdf = LoadPdf(scan)))
    return Status::InvalidInput("not a readable PDF");
  const std::vector<std::string_view> finished = FinishedPages(text, ocr.pages.size());
  PdfWriter pdf;
  const int catalogue = pdf.Reserve(), tree = pdf.Reserve();
  const int font = AddGlyphlessFont(&pdf);
  std::string kids;
  const std::vector<size_t> starts = ocr.PageStarts();
  for (size_t i = 0; i < ocr.pages.size(); ++i) {
    PageImage image;
    std::vector<PlacedWord> words;
    const std::string_view page_text = finished.empty() ? ocr.pages[i].text : finished[i];
    if (!PreparePage(source, i, ocr.pages[i], starts[i], page_text, &image, &words))
      return Status::InvalidInput("page " + std::to_string(i + 1) + " cannot be decoded again");
    const int xobject = pdf.AddStream(
        "/Type /XObject /Subtype /Image /Width " + std::to_string(image.width) + " /Height " +
            std::to_string(image.height) + " /ColorSpace /" + (image.colour ? "DeviceRGB" : "DeviceGray") +
            " /BitsPerComponent 8 /Filter /DCTDecode",
        image.jpeg);
    const int content = pdf.AddStream("/Filter /FlateDecode", Deflate(PageContent(image, words)));
    const int page = pdf.Add("<< /Type /Page /Parent " + std::to_string(tree) + " 0 R /MediaBox [0 0 " +
                             PdfNumber(image.width_pt) + " " + PdfNumber(image.height_pt) +
                             "] /Resources << /XObject << /Im0 " + std::to_string(xobject) +
                             " 0 R >> /Font << /F0 " + std::to_string(font) + " 0 R >> >> /Contents " +
                             std::to_string(content) + " 0 R >>");
    kids += std::to_string(page) + " 0 R ";
  }
  pdf.Set(tree, "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(ocr.pages.size()) + " >>");
  pdf.Set(catalogue, "<< /Type /Catalog /Pages " + std::to_string(tree) + " 0 R" + PdfaEntries(&pdf) + " >>");
  *out = pdf.Finish(catalogue, document_id);
  return Status::Ok();
}

}  // namespace vnplan
