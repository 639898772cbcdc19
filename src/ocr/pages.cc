// Which pages of a scan are read: listed by the image or PDF reader, then
// narrowed to the ranges asked for.
#include <algorithm>
#include <charconv>

#include "src/ocr/page_input.h"
#include "src/ocr/pdf_input.h"

namespace vnplan {
namespace ocr {
namespace {

bool Wanted(const std::vector<std::pair<int, int>>& ranges, int page) {
  if (ranges.empty()) return true;
  return std::any_of(ranges.begin(), ranges.end(),
                     [page](const auto& r) { return page >= r.first && page <= r.second; });
}

// A page number of a range: 1 or more.
bool PageNumber(std::string_view text, int* number) {
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *number);
  return ec == std::errc() && end == text.data() + text.size() && *number >= 1;
}

}  // namespace

bool ListPages(std::string_view bytes, const OcrOptions& options, std::vector<PageInput>* pages,
               std::string* error) {
  std::vector<PageInput> all;
  if (!(bytes.substr(0, 4) == "%PDF" ? ListPdfPages(bytes, options, &all, error)
                                       : ListImagePages(bytes, options, &all, error)))
    return false;
  long long pixels = 0;
  for (PageInput& page : all) {
    if (!Wanted(options.pages, page.index + 1)) continue;
    pixels += page.pixels;
    pages->push_back(std::move(page));
  }
  if (pixels > options.max_total_pixels) {
    *error = "the pages to read hold " + std::to_string(pixels / 1'000'000) +
             " million pixels in all; the limit is " + std::to_string(options.max_total_pixels / 1'000'000) +
             " million (--max-total-megapixels)";
    pages->clear();
    return false;
  }
  if (pages->empty()) {
    *error = "none of the pages asked for is in the input (it has " + std::to_string(all.size()) +
             (all.size() == 1 ? " page)" : " pages)");
    return false;
  }
  return true;
}

}  // namespace ocr

Status ParsePageRanges(std::string_view text, std::vector<std::pair<int, int>>* ranges) {
  const auto bad = [&] {
    return Status::InvalidArgument("bad page list '" + std::string(text) +
                                   "' (write pages and ranges from 1: 1-3,5,8-)");
  };
  std::vector<std::pair<int, int>> out;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t comma = std::min(text.find(',', start), text.size());
    const std::string_view part = text.substr(start, comma - start);
    const size_t dash = part.find('-');
    int from = 0, to = 0;
    if (dash == std::string_view::npos) {
      if (!ocr::PageNumber(part, &from)) return bad();
      to = from;
    } else if (!ocr::PageNumber(part.substr(0, dash), &from) ||
               !(dash + 1 == part.size() ? (to = INT32_MAX, true)
                                         : ocr::PageNumber(part.substr(dash + 1), &to)) ||
               to < from) {
      return bad();
    }
    out.emplace_back(from, to);
    start = comma + 1;
  }
  *ranges = std::move(out);
  return Status::Ok();
}

}  // namespace vnplan
