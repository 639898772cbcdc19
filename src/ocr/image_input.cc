#include <cstdio>
#include <utility>

#include "src/ocr/page_input.h"

namespace vnplan::ocr {
namespace {

bool IsTiff(l_int32 format) {
  return format == IFF_TIFF || format == IFF_TIFF_G4 || format == IFF_TIFF_LZW ||
         format == IFF_TIFF_ZIP || format == IFF_TIFF_PACKBITS || format == IFF_TIFF_RLE ||
         format == IFF_TIFF_G3 || format == IFF_TIFF_JPEG;
}

// A PNG says its size in its first chunk: refuse a giant before anything
// reads it (Leptonica wants the whole header chain first). And every chunk
// says its length before its data, which libpng allocates before reading:
// a text chunk after the image claiming 1.9 GB in a 271-byte file (found by
// image_fuzz) is refused here as damaged, not allocated.
bool PngFits(std::string_view bytes, long long limit, std::string* error) {
  if (bytes.size() < 24 || bytes.substr(12, 4) != "IHDR") return true;
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  auto be32 = [&](size_t at) {
    return static_cast<long long>(data[at]) << 24 | data[at + 1] << 16 | data[at + 2] << 8 | data[at + 3];
  };
  if (!Fits(be32(16), be32(20), limit, error)) return false;
  constexpr size_t kSignature = 8, kLengthAndType = 8, kCrc = 4;
  for (size_t at = kSignature; at + kLengthAndType <= bytes.size();) {
    const auto length = static_cast<size_t>(be32(at));
    if (length > bytes.size() - at - kLengthAndType) {
      *error = "not a readable image (truncated or damaged?): the PNG's chunk at byte " +
               std::to_string(at) + " claims " + std::to_string(length) + " bytes, more than the file holds";
      return false;
    }
    if (bytes.substr(at + 4, 4) == "IEND") break;
    at += kLengthAndType + length + kCrc;
  }
  return true;
}

// Skips GIF data sub-blocks (a length byte, then that many bytes, up to a
// zero length) from `at`; returns where they end.
size_t SkipSubBlocks(std::string_view gif, size_t at) {
  while (at < gif.size() && gif[at] != 0) at += 1 + static_cast<unsigned char>(gif[at]);
  return at + 1;
}

// giflib (under Leptonica) decodes every frame of a GIF into memory, a byte
// a pixel, before Leptonica keeps the first, and Leptonica's header reader
// does the same. So every frame's size is read from its image descriptor,
// and their sum checked, before the GIF is given to Leptonica.
bool GifFits(std::string_view gif, long long limit, std::string* error) {
  if (gif.substr(0, 4) != "GIF8" || gif.size() < 13) return true;  // Leptonica refuses it
  auto le16 = [&](size_t at) {
    return static_cast<long long>(static_cast<unsigned char>(gif[at]) |
                                  static_cast<unsigned char>(gif[at + 1]) << 8);
  };
  auto color_table = [&](size_t flags_at) {
    const auto flags = static_cast<unsigned char>(gif[flags_at]);
    return flags & 0x80 ? size_t{3} << ((flags & 7) + 1) : 0;
  };
  if (!Fits(le16(6), le16(8), limit, error)) return false;
  long long pixels = 0;
  size_t at = 13 + color_table(10);
  while (at < gif.size() && gif[at] != 0x3B) {
    if (gif[at] == 0x21) {  // an extension: its label, then sub-blocks
      at = SkipSubBlocks(gif, at + 2);
    } else if (gif[at] == 0x2C && at + 10 <= gif.size()) {  // an image descriptor
      const long long w = le16(at + 5), h = le16(at + 7);
      if (!Fits(w, h, limit, error)) return false;
      pixels += w * h;
      if (pixels > limit) {
        *error = "the GIF's frames hold " + std::to_string(pixels) + " pixels or more; the limit is " +
                 std::to_string(limit) + " pixels";
        return false;
      }
      at = SkipSubBlocks(gif, at + 10 + color_table(at + 9) + 1);  // + the LZW code size
    } else {
      break;  // damaged: Leptonica says so
    }
  }
  return true;
}

// The number of pages of a TIFF (libtiff stops at a directory it cannot read).
int TiffPageCount(std::string_view bytes) {
  FILE* file = fopenReadFromMemory(reinterpret_cast<const l_uint8*>(bytes.data()), bytes.size());
  if (!file) return 0;
  l_int32 count = 0;
  if (tiffGetCount(file, &count) != 0) count = 0;
  fclose(file);
  return count;
}

// Every page of a TIFF, each checked from its own header: Leptonica's
// multi-page reader decodes them all at once before any check, and loops
// forever when a later page is damaged.
bool ListTiffPages(std::string_view bytes, const OcrOptions& options, std::vector<PageInput>* pages,
                   std::string* error) {
  const int count = TiffPageCount(bytes);
  if (count > options.max_pages) {
    *error = "the TIFF has " + std::to_string(count) + " pages; the limit is " +
             std::to_string(options.max_pages);
    return false;
  }
  for (int n = 0; n < count; ++n) {
    l_int32 w = 0, h = 0, bps = 0, spp = 0, res = 0, cmap = 0, format = 0;
    if (readHeaderMemTiff(reinterpret_cast<const l_uint8*>(bytes.data()), bytes.size(), n, &w, &h,
                          &bps, &spp, &res, &cmap, &format) != 0) {
      *error = "page " + std::to_string(n + 1) + " of the TIFF is not readable (damaged?)";
      return false;
    }
    if (!Fits(w, h, options.max_pixels, error)) {
      *error = "page " + std::to_string(n + 1) + " of the TIFF: " + *error;
      return false;
    }
    PageInput page;
    page.source = PageInput::Source::kTiffPage;
    page.index = n;
    page.pixels = static_cast<long long>(w) * h;
    pages->push_back(std::move(page));
  }
  if (pages->empty()) *error = "not a readable TIFF";
  return !pages->empty();
}

}  // namespace

bool Fits(long long w, long long h, long long limit, std::string* error) {
  // A PNG header holds sizes up to 2^32 - 1, whose product overflows: so the
  // product is never formed for sizes that cannot fit.
  if (w >= 0 && h >= 0 && (h == 0 || w <= limit / h)) return true;
  *error = "page is " + std::to_string(w) + " x " + std::to_string(h) +
           " pixels; the limit is " + std::to_string(limit) + " pixels per page";
  return false;
}

bool ListImagePages(std::string_view bytes, const OcrOptions& options,
                    std::vector<PageInput>* pages, std::string* error) {
  if (!PngFits(bytes, options.max_pixels, error) || !GifFits(bytes, options.max_pixels, error))
    return false;
  l_int32 format = 0, w = 0, h = 0, bps = 0, spp = 0, cmap = 0;
  if (pixReadHeaderMem(reinterpret_cast<const l_uint8*>(bytes.data()), bytes.size(), &format, &w, &h,
                       &bps, &spp, &cmap) != 0) {
    *error = "not a readable image (truncated or damaged?)";
    return false;
  }
  if (!Fits(w, h, options.max_pixels, error)) return false;
  if (IsTiff(format)) return ListTiffPages(bytes, options, pages, error);
  PageInput page;
  page.pixels = static_cast<long long>(w) * h;
  pages->push_back(std::move(page));
  return true;
}

PixPtr DecodeImagePage(std::string_view bytes, const PageInput& page) {
  const auto* data = reinterpret_cast<const l_uint8*>(bytes.data());
  PixPtr pix(page.source == PageInput::Source::kTiffPage ? pixReadMemTiff(data, bytes.size(), page.index)
                                                         : pixReadMem(data, bytes.size()));
  // A page with an alpha channel goes onto white paper: dropping the alpha
  // would leave black ink on black where the page is transparent.
  if (pix && pixGetSpp(pix.get()) == 4)
    if (PixPtr opaque{pixRemoveAlpha(pix.get())}) pix = std::move(opaque);
  return pix;
}

}  // namespace vnplan::ocr
