// The catalogue on the corpus: words found with and without marks, on the
// right plans and lines; plans replaced, cited and dated; readers beside a
// writer, and a writer killed mid-add.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <signal.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <set>
#include <sstream>
#include <thread>

#include "src/catalogue/search_text.h"
#include "src/text/folding.h"
#include "tests/support/test_support.h"
#include "tools/vnplan/catalogue_command.h"
#include "tools/vnplan/exit_code.h"
#include "tools/vnplan/search_command.h"
#include "vnplan/catalogue.h"

namespace vnplan {
namespace {

namespace fs = std::filesystem;

std::string FreshDb(const std::string& name) {
  const std::string path = testing::OutputDir() + "/" + name + ".sqlite";
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path + suffix);
  return path;
}

std::unique_ptr<Catalogue> OpenWrite(const std::string& path) {
  std::unique_ptr<Catalogue> catalogue;
  const Status status = Catalogue::Open(path, Catalogue::Mode::kWrite, &catalogue);
  EXPECT_TRUE(status.ok()) << status.message();
  return catalogue;
}

void AddJson(Catalogue& catalogue, const nlohmann::json& json, const std::string& path) {
  Plan plan;
  SourceInfo source;
  PlanFromJson(json, &plan, &source);
  const Status status = catalogue.Add(plan, source, path);
  ASSERT_TRUE(status.ok()) << status.message();
}

// Every corpus plan, added as "NAME.json".
std::unique_ptr<Catalogue> CorpusCatalogue(const std::string& name) {
  auto catalogue = OpenWrite(FreshDb(name));
  for (const std::string& text : testing::CorpusTexts()) {
    const std::string base = fs::path(text).filename().string();
    AddJson(*catalogue, nlohmann::json::parse(testing::CorpusPlanJson(base)), base + ".json");
  }
  return catalogue;
}

// A query for `words`; tests set the filters they need.
SearchQuery Words(const std::string& words, int limit = 20) {
  SearchQuery query;
  query.words = words;
  query.limit = limit;
  return query;
}

std::vector<SearchHit> Find(const Catalogue& catalogue, const SearchQuery& query) {
  std::vector<SearchHit> hits;
  const Status status = catalogue.Search(query, &hits);
  EXPECT_TRUE(status.ok()) << status.message();
  return hits;
}

std::string Folded(const std::string& text) {
  static const internal::TextFolder folder;
  return folder.Fold(text).text;
}

// Line `number` (1-based) of the corpus plan behind `path`.
std::string PlanLine(const std::string& path, int number) {
  const std::string base = path.substr(0, path.size() - 5);  // "NAME.txt.json"
  const auto json = nlohmann::json::parse(testing::CorpusPlanJson(base));
  std::istringstream text(json.at("text").get<std::string>());
  std::string line;
  for (int i = 0; i < number && std::getline(text, line); ++i) {
  }
  return line;
}

TEST(Catalogue, FindsWordsWithAndWithoutMarksOnTheRightLines) {
  auto catalogue = CorpusCatalogue("marks");
  const auto marked = Find(*catalogue, Words("điển hình tiên tiến"));
  const auto plain = Find(*catalogue, Words("dien hinh tien tien"));
  ASSERT_GE(marked.size(), 2u);
  ASSERT_EQ(marked.size(), plain.size());
  for (size_t i = 0; i < marked.size(); ++i) {
    EXPECT_EQ(marked[i].path, plain[i].path);
    EXPECT_EQ(marked[i].line, plain[i].line);
    // The line the hit names holds the words, and its snippet brackets them.
    EXPECT_NE(Folded(PlanLine(marked[i].path, marked[i].line)).find("dien hinh tien tien"),
              std::string::npos)
        << marked[i].path << ":" << marked[i].line;
    const std::string snippet = marked[i].snippet;
    const size_t open = snippet.find('['), close = snippet.find(']');
    ASSERT_NE(open, std::string::npos) << snippet;
    EXPECT_EQ(Folded(snippet.substr(open + 1, close - open - 1)), "dien hinh tien tien") << snippet;
  }
  std::set<std::string> plans;
  for (const SearchHit& hit : marked) plans.insert(hit.path);
  EXPECT_EQ(plans.size(), marked.size()) << "one hit per plan";
  EXPECT_EQ(plans.count("003-dak-nong-2023.txt.json"), 1u);
}

// The line a hit names lies in the section the hit names: line 43 of the
// Đắk Nông plan is under "2. Yêu cầu" (I.2, from line 37 to 56).
TEST(Catalogue, AHitNamesItsSectionLineAndBracketsThePhrase) {
  auto catalogue = CorpusCatalogue("section");
  const auto hits = Find(*catalogue, Words("lua chon dien hinh tieu bieu"));
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].path, "003-dak-nong-2023.txt.json");
  EXPECT_EQ(hits[0].line, 43);
  EXPECT_EQ(hits[0].section, "I.2");
  EXPECT_NE(hits[0].snippet.find("[lựa chọn điển hình tiêu biểu]"), std::string::npos)
      << hits[0].snippet;
}

// A phrase is looked up by its pairs of neighbouring words, which hold it
// exactly where it is.
TEST(SearchText, APhraseIsItsPairsOfNeighbouringWords) {
  EXPECT_EQ(internal::WordPairs("phong hoc bo mon"), "phong_hoc hoc_bo bo_mon");
  EXPECT_EQ(internal::WordPairs("tien"), "");
  EXPECT_EQ(internal::PhraseExpression({"tien", "tien"}), "pairs : \"tien_tien\"");
  EXPECT_EQ(internal::PhraseExpression({"tien"}), "words : \"tien\"");
}

// Phrase hits come in bm25's order (the catalogue's ranking drops only the
// phrase's IDF, one factor for every hit), ties by path.
TEST(Catalogue, PhraseHitsComeInBm25Order) {
  const std::string db = FreshDb("bm25");
  {
    auto writer = OpenWrite(db);
    for (const std::string& text : testing::CorpusTexts()) {
      const std::string base = fs::path(text).filename().string();
      AddJson(*writer, nlohmann::json::parse(testing::CorpusPlanJson(base)), base + ".json");
    }
  }
  std::unique_ptr<Catalogue> catalogue;
  ASSERT_TRUE(Catalogue::Open(db, Catalogue::Mode::kRead, &catalogue).ok());
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open_v2(db.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  const internal::TextFolder folder;
  for (const char* query : {"điển hình tiên tiến", "thi đua", "giáo dục", "tiến"}) {
    sqlite3_stmt* st = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(raw,
                                 "SELECT d.path FROM documents_fts JOIN documents d"
                                 " ON d.id = documents_fts.rowid WHERE documents_fts MATCH ?1"
                                 " ORDER BY bm25(documents_fts), d.path",
                                 -1, &st, nullptr),
              SQLITE_OK);
    const std::string expression =
        internal::PhraseExpression(internal::QueryWords(folder, query));
    sqlite3_bind_text(st, 1, expression.c_str(), -1, SQLITE_TRANSIENT);
    std::vector<std::string> by_bm25, found;
    while (sqlite3_step(st) == SQLITE_ROW)
      by_bm25.push_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
    sqlite3_finalize(st);
    std::set<double> scores;
    for (const SearchHit& hit : Find(*catalogue, Words(query, 100))) {
      if (hit.score == 0) break;  // the words apart, after the phrase hits
      found.push_back(hit.path);
      scores.insert(hit.score);
    }
    EXPECT_GE(by_bm25.size(), 3u) << query;
    EXPECT_GE(scores.size(), 3u) << query << ": hits ranked apart";
    EXPECT_EQ(found, by_bm25) << query;
  }
  sqlite3_close(raw);
}

TEST(Catalogue, FiltersFoldTheirWordsAndDatesBound) {
  auto catalogue = CorpusCatalogue("filters");
  SearchQuery by_issuer = Words("dien hinh tien tien");
  by_issuer.issuer = "hoa binh";
  const auto hits = Find(*catalogue, by_issuer);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].path, "002-hoa-binh-2017.txt.json");
  EXPECT_EQ(hits[0].issuer.value_or(""), "Sở Giáo dục và Đào tạo tỉnh Hòa Bình");
  SearchQuery by_type = Words("dien hinh tien tien");
  by_type.type = "quyet dinh";
  EXPECT_TRUE(Find(*catalogue, by_type).empty());
  SearchQuery by_date = Words("dien hinh tien tien");
  by_date.from = "2017-01-01";
  by_date.to = "2017-12-31";
  const auto dated = Find(*catalogue, by_date);
  ASSERT_EQ(dated.size(), 1u);
  EXPECT_EQ(dated[0].date.value_or(""), "2017-09-19");
}

TEST(Catalogue, ReAddingReplacesAPlan) {
  auto catalogue = CorpusCatalogue("replace");
  int before = 0, after = 0;
  ASSERT_TRUE(catalogue->CountDocuments(&before).ok());
  const auto json = nlohmann::json::parse(testing::CorpusPlanJson("003-dak-nong-2023.txt"));
  AddJson(*catalogue, json, "003-dak-nong-2023.txt.json");  // same file
  AddJson(*catalogue, json, "moved/003.json");              // same input elsewhere
  ASSERT_TRUE(catalogue->CountDocuments(&after).ok());
  EXPECT_EQ(after, before);
  const auto hits = Find(*catalogue, Words("dien hinh tien tien", 100));
  int dak_nong = 0;
  for (const SearchHit& hit : hits) dak_nong += hit.name == "003-dak-nong-2023.txt";
  EXPECT_EQ(dak_nong, 1);
}

nlohmann::json SmallPlan(const std::string& sha256) {
  auto json = nlohmann::json::parse(testing::CorpusPlanJson("003-dak-nong-2023.txt"));
  json["source"]["sha256"] = sha256;
  return json;
}

TEST(Catalogue, LinksACitedPlanBothWays) {
  const std::string db = FreshDb("citations");
  auto catalogue = OpenWrite(db);
  auto cited = SmallPlan("a1");
  cited["document"]["number"] = "31";
  cited["document"]["symbol"] = "KH-UBND";
  cited["document"]["date"] = "2023-02-24";
  auto citing = SmallPlan("b2");
  citing["legal_bases"] = nlohmann::json::array(
      {{{"type", "Kế hoạch"}, {"number", "31/KH-UBND"}, {"date", "2023-02-24"},
        {"issuer", nullptr}, {"text", "x"}, {"line", 7}}});
  auto unrelated = SmallPlan("c3");  // the same number another day: not the plan
  unrelated["document"] = cited["document"];
  unrelated["document"]["date"] = "2022-02-24";
  AddJson(*catalogue, citing, "citing.json");  // before the plan it cites
  AddJson(*catalogue, cited, "cited.json");
  AddJson(*catalogue, unrelated, "unrelated.json");
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open_v2(db.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(raw,
                               "SELECT a.path, b.path, c.line FROM citations c JOIN documents a"
                               " ON a.id = c.citing_id JOIN documents b ON b.id = c.cited_id",
                               -1, &st, nullptr),
            SQLITE_OK);
  std::vector<std::string> links;
  while (sqlite3_step(st) == SQLITE_ROW)
    links.push_back(std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, 0))) + " -> " +
                    reinterpret_cast<const char*>(sqlite3_column_text(st, 1)) + " line " +
                    std::to_string(sqlite3_column_int(st, 2)));
  sqlite3_finalize(st);
  sqlite3_close(raw);
  EXPECT_EQ(links, std::vector<std::string>{"citing.json -> cited.json line 7"});
}

TEST(Deadlines, RecurringRulesExpandWithinTheSpanAndTheirOwn) {
  const std::string db = FreshDb("deadlines");
  auto catalogue = OpenWrite(db);
  auto json = SmallPlan("d4");
  json["deadlines"] = nlohmann::json::array(
      {{{"text", "due"}, {"kind", "due"}, {"date", "2024-05-02"}, {"start", nullptr},
        {"end", nullptr}, {"recurrence", nullptr}, {"action", nullptr}, {"responsible", {"Sở A"}},
        {"section", "I"}, {"line", 3}},
       {{"text", "yearly"}, {"kind", "recurring"}, {"date", nullptr}, {"start", "2023-01-01"},
        {"end", "2024-12-31"}, {"recurrence", "FREQ=YEARLY;BYMONTH=3,9;BYMONTHDAY=15"},
        {"action", nullptr}, {"responsible", nlohmann::json::array()}, {"section", "II"},
        {"line", 4}},
       {{"text", "late"}, {"kind", "due"}, {"date", "2026-01-01"}, {"start", nullptr},
        {"end", nullptr}, {"recurrence", nullptr}, {"action", nullptr},
        {"responsible", nlohmann::json::array()}, {"section", "II"}, {"line", 5}}});
  AddJson(*catalogue, json, "d.json");
  std::ostringstream out, err;
  ASSERT_EQ(RunDeadlines({"2024-01-01", "2025-06-30", db}, out, err), kExitOk) << err.str();
  std::vector<std::string> dates;
  std::istringstream rows(out.str());
  std::string row;
  std::getline(rows, row);  // header
  while (std::getline(rows, row)) dates.push_back(row.substr(0, row.find('\t')));
  EXPECT_EQ(dates, (std::vector<std::string>{"2024-03-15", "2024-05-02", "2024-09-15"}));
  std::ostringstream none;
  EXPECT_EQ(RunDeadlines({"2024-13-01", "2025-06-30", db}, none, err), kExitUsage);
}

TEST(Catalogue, BadInputIsAClearError) {
  const std::string junk = FreshDb("junk");
  testing::WriteFile(junk, "not a database, only text\n");
  std::unique_ptr<Catalogue> catalogue;
  Status status = Catalogue::Open(junk, Catalogue::Mode::kWrite, &catalogue);
  EXPECT_FALSE(status.ok());
  EXPECT_NE(status.message().find(junk), std::string::npos) << status.message();
  EXPECT_FALSE(Catalogue::Open(FreshDb("missing"), Catalogue::Mode::kRead, &catalogue).ok());
  const std::string old_version = FreshDb("old-version");  // a catalogue before word pairs
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(old_version.c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw, "CREATE TABLE documents(id); PRAGMA user_version = 1", nullptr, nullptr,
                         nullptr),
            SQLITE_OK);
  sqlite3_close(raw);
  status = Catalogue::Open(old_version, Catalogue::Mode::kWrite, &catalogue);
  EXPECT_NE(status.message().find("version 1; this vnplan reads version 2"), std::string::npos)
      << status.message();
  auto good = OpenWrite(FreshDb("queries"));
  std::vector<SearchHit> hits;
  EXPECT_EQ(good->Search(Words(" ,;- "), &hits).code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(good->Search(Words("a\"b OR NEAR("), &hits).code(), Status::Code::kOk);
  SearchQuery bad_date = Words("a");
  bad_date.from = "2024-02-30";
  EXPECT_EQ(good->Search(bad_date, &hits).code(),
            Status::Code::kInvalidArgument);
}

TEST(Catalogue, ReadersSearchWhileOneWriterAdds) {
  const std::string db = FreshDb("readers");
  auto writer = OpenWrite(db);
  AddJson(*writer, SmallPlan("first"), "first.json");
  std::unique_ptr<Catalogue> reader;
  ASSERT_TRUE(Catalogue::Open(db, Catalogue::Mode::kRead, &reader).ok());
  std::atomic<bool> done{false};
  std::thread adding([&] {
    for (int i = 0; i < 20; ++i) {
      const std::string n = std::to_string(i);
      AddJson(*writer, SmallPlan(std::string("s").append(n)), std::string(n).append(".json"));
    }
    done = true;
  });
  int searches = 0;
  while (!done || searches == 0) {
    std::vector<SearchHit> hits;
    const Status status = reader->Search(Words("dien hinh", 100), &hits);
    ASSERT_TRUE(status.ok()) << status.message();
    ASSERT_GE(hits.size(), 1u);
    ++searches;
  }
  adding.join();
  int count = 0;
  ASSERT_TRUE(reader->CountDocuments(&count).ok());
  EXPECT_EQ(count, 21);
}

// A writer killed at any moment leaves whole plans only: every document
// has its lines and every line its document.
TEST(Catalogue, AWriterKilledMidAddLosesNothingAdded) {
  const std::string db = FreshDb("killed");
  { auto first = OpenWrite(db); AddJson(*first, SmallPlan("kept"), "kept.json"); }
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    std::unique_ptr<Catalogue> catalogue;
    if (!Catalogue::Open(db, Catalogue::Mode::kWrite, &catalogue).ok()) _exit(1);
    Plan plan;
    SourceInfo source;
    PlanFromJson(SmallPlan("x"), &plan, &source);
    for (int i = 0;; ++i) {
      source.sha256 = std::string("k").append(std::to_string(i));
      catalogue->Add(plan, source, std::string(source.sha256).append(".json"));
    }
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(700));
  kill(child, SIGKILL);
  waitpid(child, nullptr, 0);
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &raw), SQLITE_OK);
  auto number = [&](const char* sql) {
    sqlite3_stmt* st = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(raw, sql, -1, &st, nullptr), SQLITE_OK) << sql;
    const int value = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
    sqlite3_finalize(st);
    return value;
  };
  EXPECT_GE(number("SELECT count(*) FROM documents"), 2) << "the killed writer added some";
  EXPECT_EQ(number("SELECT count(*) FROM documents WHERE path = 'kept.json'"), 1);
  EXPECT_EQ(number("SELECT count(*) FROM documents d WHERE NOT EXISTS"
                   " (SELECT 1 FROM lines l WHERE l.document_id = d.id)"), 0);
  EXPECT_EQ(number("SELECT count(*) FROM lines l WHERE NOT EXISTS"
                   " (SELECT 1 FROM documents d WHERE d.id = l.document_id)"), 0);
  // Every indexed plan is a stored plan, and every stored plan is indexed.
  const int indexed = number("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'tien'");
  EXPECT_EQ(indexed, number("SELECT count(*) FROM documents"));
  EXPECT_EQ(indexed, number("SELECT count(*) FROM documents_fts JOIN documents d"
                            " ON d.id = documents_fts.rowid WHERE documents_fts MATCH 'tien'"));
  EXPECT_EQ(number("SELECT count(*) FROM pragma_integrity_check WHERE integrity_check = 'ok'"), 1);
  sqlite3_close(raw);
  std::unique_ptr<Catalogue> again;
  ASSERT_TRUE(Catalogue::Open(db, Catalogue::Mode::kWrite, &again).ok());
  AddJson(*again, SmallPlan("after"), "after.json");
}

// `catalogue add` run as a user who may not write what the test made
// read-only: root writes anything, so as root it runs in a child that
// becomes nobody. Returns the exit code and what it said.
struct AddRun {
  int code = -1;
  std::string err;
};

AddRun AddUnprivileged(const CatalogueAddOptions& options) {
  if (geteuid() != 0) {
    std::ostringstream err;
    const int code = RunCatalogueAdd(options, err);
    return {code, err.str()};
  }
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) return {};
  const pid_t child = fork();
  if (child == 0) {
    close(pipe_fds[0]);
    if (setgid(65534) != 0 || setuid(65534) != 0) _exit(100);
    std::ostringstream err;
    const int code = RunCatalogueAdd(options, err);
    const std::string said = err.str();
    if (write(pipe_fds[1], said.data(), said.size()) < 0) _exit(101);
    _exit(code);
  }
  close(pipe_fds[1]);
  AddRun run;
  char buffer[4096];
  for (ssize_t n; (n = read(pipe_fds[0], buffer, sizeof buffer)) > 0;)
    run.err.append(buffer, static_cast<size_t>(n));
  close(pipe_fds[0]);
  int status = 0;
  waitpid(child, &status, 0);
  run.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

int Documents(const std::string& db) {
  std::unique_ptr<Catalogue> catalogue;
  int count = -1;
  if (Catalogue::Open(db, Catalogue::Mode::kRead, &catalogue).ok()) catalogue->CountDocuments(&count);
  return count;
}

// Exit code 3, as for every output that cannot be written (README), not 1
// (an input): a catalogue in a read-only folder, a read-only catalogue, a
// catalogue whose write-ahead log cannot be made; what it held is kept.
TEST(CatalogueAdd, ACatalogueThatCannotBeWrittenExitsThree) {
  const std::string dir = testing::OutputDir() + "/unwritable-catalogue";
  fs::remove_all(dir);
  fs::create_directories(dir + "/read-only");
  fs::create_directories(dir + "/open");
  const std::string plan = dir + "/plan.json";
  testing::WriteFile(plan, SmallPlan("w1").dump());
  CatalogueAddOptions options;
  options.plans = {plan};

  options.db = dir + "/read-only/archive.sqlite";
  ASSERT_EQ(chmod((dir + "/read-only").c_str(), 0555), 0);
  AddRun run = AddUnprivileged(options);
  EXPECT_EQ(run.code, kExitOutputFailed) << run.err;
  EXPECT_NE(run.err.find(options.db), std::string::npos) << run.err;

  options.db = dir + "/open/archive.sqlite";
  ASSERT_EQ(chmod((dir + "/open").c_str(), 0777), 0);
  { auto catalogue = OpenWrite(options.db); AddJson(*catalogue, SmallPlan("kept"), "kept.json"); }
  ASSERT_EQ(chmod(options.db.c_str(), 0444), 0);
  run = AddUnprivileged(options);
  EXPECT_EQ(run.code, kExitOutputFailed) << run.err;
  EXPECT_NE(run.err.find("read-only"), std::string::npos) << run.err;
  EXPECT_EQ(Documents(options.db), 1);

  ASSERT_EQ(chmod(options.db.c_str(), 0644), 0);
  fs::remove(options.db + "-wal");  // the log a reader left
  fs::create_directories(options.db + "-wal");  // where the log must go: even root cannot
  std::ostringstream err;
  EXPECT_EQ(RunCatalogueAdd(options, err), kExitOutputFailed) << err.str();
  fs::remove(options.db + "-wal");
  EXPECT_EQ(Documents(options.db), 1);
}

// A plan file that cannot be read is an input that failed (1); the others
// are still added.
TEST(CatalogueAdd, AnUnreadablePlanExitsOneAndTheOthersAreAdded) {
  const std::string dir = testing::OutputDir() + "/unreadable-plan";
  fs::remove_all(dir);
  fs::create_directories(dir);
  testing::WriteFile(dir + "/a.json", "{ not json");
  testing::WriteFile(dir + "/b.json", SmallPlan("r1").dump());
  CatalogueAddOptions options;
  options.plans = {dir};
  options.db = FreshDb("unreadable-plan");
  std::ostringstream err;
  EXPECT_EQ(RunCatalogueAdd(options, err), kExitInputFailed) << err.str();
  EXPECT_EQ(Documents(options.db), 1);
}

}  // namespace
}  // namespace vnplan
