// `vnplan catalogue add`: plan JSON files into a catalogue (include/vnplan/
// catalogue.h), and the plan JSON -> Plan reading the catalogue needs.
#ifndef VNPLAN_TOOLS_VNPLAN_CATALOGUE_COMMAND_H_
#define VNPLAN_TOOLS_VNPLAN_CATALOGUE_COMMAND_H_

#include <iosfwd>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "vnplan/catalogue.h"
#include "vnplan/plan.h"
#include "vnplan/plan_json.h"

namespace vnplan {

struct CatalogueAddOptions {
  std::vector<std::string> plans;  // plan JSON files, or folders of them (*.json)
  std::string db;                  // the catalogue file
  bool force = false;              // re-add plans the catalogue holds as they are
};

// A plan JSON (checked by ReadPlans) as the library's Plan and SourceInfo.
// Fields the JSON lacks or holds in another type stay unset.
void PlanFromJson(const nlohmann::json& json, Plan* plan, SourceInfo* source);

// Adds the plans of one JSON file, each in its own transaction; a plan the
// catalogue holds from the same input and pipeline is skipped unless
// `force`. Returns kExitOk; kExitInputFailed when the file could not be
// read; kExitOutputFailed, at the first plan the catalogue could not take
// (read-only, locked past the wait, disk full: the next would fail too).
// Says why on `err`; *added and *skipped count plans.
int AddPlanFile(Catalogue& catalogue, const std::string& path, bool force, int* added,
                int* skipped, std::ostream& err);

// Runs the command: 0; 1 when a plan file could not be read (the others
// are added); 3 when the catalogue cannot be opened or written, which
// stops the run.
int RunCatalogueAdd(const CatalogueAddOptions& options, std::ostream& err);

}  // namespace vnplan

#endif  // VNPLAN_TOOLS_VNPLAN_CATALOGUE_COMMAND_H_
