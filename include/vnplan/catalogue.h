// Catalogue: many plans in one SQLite file (FTS5), so an archive can find a
// plan again by its words, with or without marks, and query its parts with
// SQL (the tables are documented in the README).
//
//   std::unique_ptr<vnplan::Catalogue> catalogue;
//   vnplan::Status s = vnplan::Catalogue::Open("archive.sqlite",
//                                              vnplan::Catalogue::Mode::kWrite, &catalogue);
//   if (s.ok()) s = catalogue->Add(plan, source, "out/plan.json");
//
// Each Add is one transaction in WAL mode: readers go on while one writer
// adds, and a crash mid-add loses nothing added before.
#ifndef VNPLAN_CATALOGUE_H_
#define VNPLAN_CATALOGUE_H_

#include <memory>
#include <string>
#include <vector>

#include "vnplan/plan.h"
#include "vnplan/plan_json.h"
#include "vnplan/status.h"

namespace vnplan {

// What a search asks for. Every filter is folded as the parser folds
// ("dong thap" matches "Đồng Tháp"); an empty filter lets everything by.
struct SearchQuery {
  std::string words;   // every word must be in the plan, marks or not
  std::string type;    // part of the document's type ("ke hoach")
  std::string issuer;  // part of the issuer's name or its parent's
  std::string place;   // part of the place name
  // Dates, "YYYY-MM-DD", inclusive: the document's date, or (undated) its
  // period's years, must meet the span. Empty: open.
  std::string from, to;
  int limit = 20;
};

// One plan found, and its line: the first holding the phrase, else the
// first holding every word, else the first holding any.
struct SearchHit {
  std::string path;  // the plan's JSON file, as added
  std::string name;  // "941/KH-SGD&ĐT", or its source file without a symbol
  OptString type, issuer, date, title;
  std::string section;  // "" before the first section
  int line = 0;         // 1-based, in the plan's text
  std::string snippet;  // the line, matched words in [brackets]
  int matching_lines = 0;  // lines holding every word
  // A phrase hit's relevance, lower is better: FTS5's bm25 less the phrase's
  // IDF (the same for every hit of one query); 0 for words apart.
  double score = 0;
};

// A dated deadline of a catalogued plan, as stored (a recurring one is
// returned once, with its rule; callers expand it).
struct CatalogueDeadline {
  std::string path, name;
  OptString plan_date;
  std::string kind;  // the contract's name: "due", "recurring", ...
  OptString date, start, end, recurrence, action;
  std::string text;
  std::vector<std::string> responsible;
  std::string section;
  int line = 0;
};

class Catalogue {
 public:
  enum class Mode {
    kRead,   // searches only; the file must exist
    kWrite,  // created (with its tables) when missing
  };

  // kIoError naming the file when it cannot be opened or was made by a
  // different catalogue version.
  static Status Open(const std::string& path, Mode mode, std::unique_ptr<Catalogue>* catalogue);
  ~Catalogue();
  Catalogue(const Catalogue&) = delete;
  Catalogue& operator=(const Catalogue&) = delete;

  // Adds the plan read from `json_path`, in one transaction. A plan already
  // there from the same file or the same input (source.sha256) is replaced.
  Status Add(const Plan& plan, const SourceInfo& source, const std::string& json_path);
  // True when the plan of `json_path` is there from the same input and
  // pipeline: adding it again would change nothing.
  bool Holds(const std::string& json_path, const std::string& sha256,
             const std::string& pipeline) const;
  // Plans in the catalogue.
  Status CountDocuments(int* count) const;

  // The plans that hold every word of the query, one hit each: those that
  // hold the words as a phrase first, best first (bm25's order over the
  // whole plan),
  // then those that hold them apart, the last added first. kInvalidArgument
  // for a query with no word.
  Status Search(const SearchQuery& query, std::vector<SearchHit>* hits) const;

  // Deadlines that may fall in [from, to] ("YYYY-MM-DD"): a date inside, a
  // span meeting it, or a recurring rule whose span (open when unknown)
  // meets it. Ordered by plan, then line.
  Status Deadlines(const std::string& from, const std::string& to,
                   std::vector<CatalogueDeadline>* deadlines) const;

 private:
  Catalogue();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vnplan

#endif  // VNPLAN_CATALOGUE_H_
