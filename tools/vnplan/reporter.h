// Reporter: the one way vnplan's commands talk to a person on stderr. Every
// message (an error, a warning, a note, a file done) and a batch's progress
// bar go through it, one whole line at a time under one lock, so lines from
// parallel workers never cut into each other or into the bar: the bar is
// wiped before a message and redrawn below it.
#ifndef VNPLAN_TOOLS_VNPLAN_REPORTER_H_
#define VNPLAN_TOOLS_VNPLAN_REPORTER_H_

#include <chrono>
#include <cstddef>
#include <iosfwd>
#include <mutex>
#include <string>
#include <string_view>

namespace vnplan {

// How much a command says (-q, default, -v).
enum class Verbosity { kQuiet, kNormal, kVerbose };

// What a message is; the verbosity decides which are shown.
enum class MessageKind {
  kError,    // an input failed or an output was not written: always shown
  kWarning,  // an input came out but something is wrong with it: always shown
  kNote,     // a remark, a file done, the batch's summary: not under -q
  kDetail,   // what only -v shows (a file's seconds, files skipped as current)
};

// "1 page", "2 pages": how every message counts pages.
std::string PageCount(long pages);

class Reporter {
 public:
  // `progress_bar`: draw a bar (stderr is a terminal and --no-progress was
  // not given); never under -q.
  Reporter(std::ostream& err, Verbosity verbosity, bool progress_bar);

  // Writes `line` (no newline) if the verbosity shows `kind`. Safe to call
  // from several threads.
  void Say(MessageKind kind, std::string_view line);

  // True when a message of `kind` would be written.
  bool Shows(MessageKind kind) const;
  // True when a batch's progress is drawn as a bar (a file done is then
  // a detail, not a line of its own).
  bool DrawsBar() const { return bar_; }

  // A batch of `files` inputs starts: the bar counts from now.
  void StartBatch(std::size_t files);
  // `pages` more pages are known to be waiting (a scan or PDF counted
  // before it is read); the ETA is taken from pages when there are any.
  void ExpectPages(long pages);
  // One input finished, having read `pages` pages (0 for a text).
  void FileDone(long pages);
  // Redraws the bar (the clock moves even when no file finishes).
  void Tick();
  // Ends the bar's line; seconds since StartBatch.
  double EndBatch();

 private:
  std::string Bar() const;  // the bar's text, without "\r"
  void DrawLocked();
  void WipeLocked();

  std::ostream& err_;
  const Verbosity verbosity_;
  const bool bar_;
  std::mutex mutex_;
  bool drawn_ = false;  // the bar is on the last line
  std::size_t files_ = 0, files_done_ = 0;
  long pages_expected_ = 0, pages_done_ = 0;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

}  // namespace vnplan

#endif  // VNPLAN_TOOLS_VNPLAN_REPORTER_H_
