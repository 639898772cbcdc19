#include "tools/vnplan/catalogue_command.h"

#include <algorithm>
#include <filesystem>
#include <ostream>

#include "tools/vnplan/exit_code.h"
#include "tools/vnplan/plan_file.h"

namespace vnplan {
namespace {

using Json = nlohmann::json;
namespace fs = std::filesystem;

OptString OptText(const Json& value) {
  if (!value.is_string()) return std::nullopt;
  return value.get<std::string>();
}

std::optional<double> OptNumber(const Json& value) {
  if (!value.is_number()) return std::nullopt;
  return value.get<double>();
}

int Line(const Json& item) {
  const Json& line = Field(item, "line");
  return line.is_number_integer() ? line.get<int>() : 0;
}

std::vector<std::string> Texts(const Json& list) {
  std::vector<std::string> texts;
  if (!list.is_array()) return texts;
  for (const Json& item : list)
    if (item.is_string()) texts.push_back(item.get<std::string>());
  return texts;
}

// Plans nest sections five or six deep; ReadPlans refuses far deeper.
std::vector<Section> Sections(const Json& list) {
  std::vector<Section> sections;
  if (!list.is_array()) return sections;
  for (const Json& s : list) {
    Section section;
    section.number = Text(Field(s, "number"));
    section.title = Text(Field(s, "title"));
    section.kind = ParseSectionKind(Text(Field(s, "kind"))).value_or(SectionKind::kOther);
    section.line = Line(s);
    section.children = Sections(Field(s, "children"));
    sections.push_back(std::move(section));
  }
  return sections;
}

std::vector<Statement> Statements(const Json& list) {
  std::vector<Statement> statements;
  if (!list.is_array()) return statements;
  for (const Json& s : list)
    statements.push_back({Text(Field(s, "text")), OptText(Field(s, "applies_to")),
                          Text(Field(s, "section")), Line(s)});
  return statements;
}

Header HeaderOf(const Json& doc) {
  Header h;
  h.issuer.name = OptText(Field(Field(doc, "issuer"), "name"));
  h.issuer.parent = OptText(Field(Field(doc, "issuer"), "parent"));
  h.type = OptText(Field(doc, "type"));
  h.number = OptText(Field(doc, "number"));
  h.symbol = OptText(Field(doc, "symbol"));
  h.place = OptText(Field(doc, "place"));
  h.date = DateField(Field(doc, "date")) ? OptText(Field(doc, "date")) : std::nullopt;
  h.title = OptText(Field(doc, "title"));
  const Json& period = Field(doc, "period");
  if (Field(period, "from").is_number_integer() && Field(period, "to").is_number_integer())
    h.period = Period{Field(period, "from").get<int>(), Field(period, "to").get<int>()};
  const Json& signer = Field(doc, "signer");
  if (signer.is_object())
    h.signer = Signer{OptText(Field(signer, "name")), OptText(Field(signer, "position")),
                      OptText(Field(signer, "on_behalf"))};
  h.recipients = Texts(Field(doc, "recipients"));
  return h;
}

void ReadParts(const Json& json, Plan* plan) {
  for (const Json& b : Field(json, "legal_bases"))
    plan->legal_bases.push_back({OptText(Field(b, "type")), OptText(Field(b, "number")),
                                 OptText(Field(b, "date")), OptText(Field(b, "issuer")),
                                 Text(Field(b, "text")), Line(b)});
  for (const Json& t : Field(json, "targets"))
    plan->targets.push_back({Text(Field(t, "text")), OptText(Field(t, "indicator")),
                             OptNumber(Field(t, "quantity")), OptNumber(Field(t, "quantity_max")),
                             OptText(Field(t, "unit")), OptText(Field(t, "comparator")),
                             Text(Field(t, "section")), Line(t)});
  for (const Json& d : Field(json, "deadlines")) {
    Deadline deadline;
    deadline.text = Text(Field(d, "text"));
    deadline.kind = ParseDeadlineKind(Text(Field(d, "kind"))).value_or(DeadlineKind::kDue);
    deadline.date = OptText(Field(d, "date"));
    deadline.start = OptText(Field(d, "start"));
    deadline.end = OptText(Field(d, "end"));
    deadline.recurrence = OptText(Field(d, "recurrence"));
    deadline.action = OptText(Field(d, "action"));
    deadline.responsible = Texts(Field(d, "responsible"));
    deadline.section = Text(Field(d, "section"));
    deadline.line = Line(d);
    plan->deadlines.push_back(std::move(deadline));
  }
  for (const Json& a : Field(json, "assignments"))
    plan->assignments.push_back(
        {Text(Field(a, "assignee")),
         ParseAssignmentRole(Text(Field(a, "role"))).value_or(AssignmentRole::kOther),
         Texts(Field(a, "tasks")), Text(Field(a, "section")), Line(a)});
}

// "out/a.json", or "out/a.json#2" for the second plan of an array.
std::string PlanKey(const std::string& path, size_t index, size_t count) {
  return count == 1 ? path : path + "#" + std::to_string(index + 1);
}

// The JSON files named: files as given, folders' *.json sorted. A folder
// that cannot be read is said on `err` and counted in *unreadable.
std::vector<std::string> PlanFiles(const std::vector<std::string>& inputs, int* unreadable,
                                   std::ostream& err) {
  std::vector<std::string> files;
  for (const std::string& input : inputs) {
    std::error_code ec;
    if (!fs::is_directory(input, ec)) {
      files.push_back(input);
      continue;
    }
    std::vector<std::string> found;
    for (const auto& entry : fs::directory_iterator(input, ec))
      if (entry.path().extension() == ".json") found.push_back(entry.path().string());
    if (ec) {
      err << "vnplan: " << input << ": cannot read (" << ec.message() << ")\n";
      ++*unreadable;
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

}  // namespace

void PlanFromJson(const Json& json, Plan* plan, SourceInfo* source) {
  const Json& src = Field(json, "source");
  source->file = Text(Field(src, "file"));
  source->sha256 = Text(Field(src, "sha256"));
  source->kind = Field(src, "kind").is_string() ? Text(Field(src, "kind")) : "text";
  if (Field(src, "pages").is_number_integer()) source->pages = Field(src, "pages").get<int>();
  source->pipeline = Text(Field(src, "pipeline"));
  plan->header = HeaderOf(Field(json, "document"));
  plan->sections = Sections(Field(json, "sections"));
  plan->goals = Statements(Field(json, "goals"));
  plan->requirements = Statements(Field(json, "requirements"));
  plan->criteria = Statements(Field(json, "criteria"));
  ReadParts(json, plan);
  plan->text = Text(Field(json, "text"));
}

int AddPlanFile(Catalogue& catalogue, const std::string& path, bool force, int* added,
                int* skipped, std::ostream& err) {
  std::vector<Json> plans;
  if (Status status = ReadPlanFile(path, &plans); !status.ok()) {
    err << "vnplan: " << status.message() << "\n";
    return kExitInputFailed;
  }
  for (size_t i = 0; i < plans.size(); ++i) {
    Plan plan;
    SourceInfo source;
    PlanFromJson(plans[i], &plan, &source);
    const std::string key = PlanKey(path, i, plans.size());
    if (!force && catalogue.Holds(key, source.sha256, source.pipeline)) {
      ++*skipped;
      continue;
    }
    if (Status status = catalogue.Add(plan, source, key); !status.ok()) {
      err << "vnplan: " << key << ": not added: " << status.message() << "\n";
      return kExitOutputFailed;
    }
    ++*added;
  }
  return kExitOk;
}

int RunCatalogueAdd(const CatalogueAddOptions& options, std::ostream& err) {
  std::unique_ptr<Catalogue> catalogue;
  if (Status s = Catalogue::Open(options.db, Catalogue::Mode::kWrite, &catalogue); !s.ok()) {
    err << "vnplan: " << s.message() << "\n";
    return kExitOutputFailed;
  }
  int added = 0, skipped = 0, unread = 0;
  const std::vector<std::string> files = PlanFiles(options.plans, &unread, err);
  int code = unread > 0 ? kExitInputFailed : kExitOk;
  size_t done = 0;
  for (; done < files.size() && code != kExitOutputFailed; ++done) {
    const int file_code = AddPlanFile(*catalogue, files[done], options.force, &added, &skipped, err);
    unread += file_code == kExitInputFailed;
    code = std::max(code, file_code);  // kExitOutputFailed > kExitInputFailed > kExitOk
  }
  err << "vnplan: catalogue " << options.db << ": " << added << " added, " << skipped
      << " skipped (up to date), " << unread << " unreadable";
  if (code == kExitOutputFailed)
    err << "; the catalogue cannot be written: " << files.size() - done << " file(s) not tried";
  err << "\n";
  return code;
}

}  // namespace vnplan
