#include "tools/vnplan/restore_command.h"

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>
#include <vector>

#include "tools/vnplan/atomic_file.h"
#include "tools/vnplan/input_file.h"
#include "vnplan/pipeline.h"

namespace vnplan {
namespace {

// Texts restored whole (a whole archive's text may come in one file).
constexpr std::size_t kMaxRestoreBytes = std::size_t{1} << 30;

}  // namespace

Status FindModelDir(const std::string& option, const std::string& executable_dir, std::string* dir) {
  std::vector<std::string> places;
  if (!option.empty()) {
    places.push_back(option);
  } else if (const char* env = std::getenv("VNPLAN_MODEL_DIR"); env != nullptr && *env != '\0') {
    places.push_back(env);
  } else {
    const std::filesystem::path exe(executable_dir);
    places.push_back((exe / "models").string());
    places.push_back((exe / VNPLAN_INSTALLED_MODELS).lexically_normal().string());
  }
  std::error_code ec;
  for (const std::string& place : places) {
    if (std::filesystem::is_directory(place, ec)) {
      *dir = place;
      return Status::Ok();
    }
  }
  std::string looked;
  for (const std::string& place : places) looked += (looked.empty() ? "" : " or ") + place;
  return Status::ModelMissing("no restoration models in " + looked +
                              " (give --model DIR or VNPLAN_MODEL_DIR, or --restore never)");
}

int RunRestore(const RestoreCommandOptions& options, std::istream& in, std::ostream& out,
               std::ostream& err) {
  const std::optional<std::string> input = ReadInputOrSay(options.input, in, kMaxRestoreBytes, err);
  if (!input) return kExitInputFailed;
  PipelineOptions pipeline_options;
  pipeline_options.restore = RestoreMode::kAlways;
  pipeline_options.model_dir = options.model_dir;
  std::unique_ptr<Pipeline> pipeline;
  RestoreResult result;
  Status status = Pipeline::Open(pipeline_options, &pipeline);
  if (status.ok()) status = pipeline->Restore(*input, options.explain, &result);
  if (!status.ok()) {
    err << "vnplan: " << (status.code() == Status::Code::kInvalidInput ? options.input + ": " : "")
        << status.message() << "\n";
    return ExitCodeOf(status);
  }
  for (const RestoreChange& c : result.changes)
    err << c.line << ": " << c.before << " -> " << c.after << " (+" << c.margin << ")\n";
  if (options.explain)
    err << "restore: " << result.changed << " of " << result.words << " words changed\n";
  return WriteResult(options.output, result.text, out, err);
}

}  // namespace vnplan
