#include "tools/vnplan/reporter.h"

#include <cstdio>
#include <ostream>

namespace vnplan {
namespace {

// The bar's width in characters: with the counts beside it, the line stays
// under 80 columns.
constexpr int kBarWidth = 30;

double Since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

std::string PageCount(long pages) {
  return std::to_string(pages) + (pages == 1 ? " page" : " pages");
}

Reporter::Reporter(std::ostream& err, Verbosity verbosity, bool progress_bar)
    : err_(err), verbosity_(verbosity), bar_(progress_bar && verbosity != Verbosity::kQuiet) {}

bool Reporter::Shows(MessageKind kind) const {
  switch (kind) {
    case MessageKind::kError:
    case MessageKind::kWarning: return true;
    case MessageKind::kNote: return verbosity_ != Verbosity::kQuiet;
    case MessageKind::kDetail: return verbosity_ == Verbosity::kVerbose;
  }
  return true;
}

void Reporter::Say(MessageKind kind, std::string_view line) {
  if (!Shows(kind)) return;
  std::lock_guard<std::mutex> lock(mutex_);
  WipeLocked();
  err_ << line << "\n";
  if (files_ > 0) DrawLocked();
  err_ << std::flush;
}

void Reporter::StartBatch(std::size_t files) {
  std::lock_guard<std::mutex> lock(mutex_);
  files_ = files;
  files_done_ = 0;
  pages_expected_ = pages_done_ = 0;
  start_ = std::chrono::steady_clock::now();
}

void Reporter::ExpectPages(long pages) {
  std::lock_guard<std::mutex> lock(mutex_);
  pages_expected_ += pages;
}

void Reporter::FileDone(long pages) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++files_done_;
  pages_done_ += pages;
  // A page count taken before reading can be short (an input the counter
  // could not open): what was read is the truth.
  if (pages_done_ > pages_expected_) pages_expected_ = pages_done_;
  DrawLocked();
}

void Reporter::Tick() {
  std::lock_guard<std::mutex> lock(mutex_);
  DrawLocked();
}

double Reporter::EndBatch() {
  std::lock_guard<std::mutex> lock(mutex_);
  WipeLocked();
  err_ << std::flush;
  files_ = 0;
  return Since(start_);
}

// "[#####.........] 12/40 files  57/210 pages  70 s left". Scans are slow
// and uneven (a 40-page PDF after thirty one-page texts), so when the
// batch holds pages the time left is counted in pages, not files.
std::string Reporter::Bar() const {
  const double seconds = Since(start_);
  const bool by_pages = pages_expected_ > 0;
  const double total = by_pages ? pages_expected_ : static_cast<double>(files_);
  const double done = by_pages ? pages_done_ : static_cast<double>(files_done_);
  const int filled = total > 0 ? static_cast<int>(kBarWidth * done / total) : kBarWidth;
  std::string line = "[";
  line.append(static_cast<size_t>(filled), '#');
  line.append(static_cast<size_t>(kBarWidth - filled), '.');
  line += "] " + std::to_string(files_done_) + "/" + std::to_string(files_) + " files";
  if (by_pages) line += "  " + std::to_string(pages_done_) + "/" + PageCount(pages_expected_);
  if (done > 0 && seconds > 0) {
    char left[40];
    std::snprintf(left, sizeof left, "  %.0f s left", (total - done) * seconds / done);
    line += left;
  }
  return line;
}

void Reporter::DrawLocked() {
  if (!bar_ || files_ == 0) return;
  err_ << "\r" << Bar() << "\x1b[K" << std::flush;  // \x1b[K: erase what a longer bar left
  drawn_ = true;
}

void Reporter::WipeLocked() {
  if (!drawn_) return;
  err_ << "\r\x1b[K";
  drawn_ = false;
}

}  // namespace vnplan
