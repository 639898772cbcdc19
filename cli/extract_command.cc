#include "extract_command.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>
#include <cerrno>
#include <cstring>

#include "atomic_file.h"
#include "restore_command.h"
#include "sha256.h"
#include "vnplan/plan_json.h"
#include "vnplan/plan_parser.h"
#include "vnplan/text_input.h"

namespace vnplan {
namespace {

// Reads a whole input; returns nullopt and sets `error` on failure.
std::optional<std::string> ReadInput(const std::string& path, std::istream& in,
                                     std::size_t limit, std::string& error) {
  std::string bytes;
  if (path == "-") {
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  } else {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
      error = "is a directory";
      return std::nullopt;
    }
    std::ifstream file(path, std::ios::binary);
    if (!file) {
      error = "cannot open (" + std::string(std::strerror(errno)) + ")";
      return std::nullopt;
    }
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > limit) {
      error = "too large (" + std::to_string(size) + " bytes; the limit is " +
              std::to_string(limit) + ")";
      return std::nullopt;
    }
    bytes.assign(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
    if (file.bad()) {
      error = "read error";
      return std::nullopt;
    }
  }
  if (bytes.size() > limit) {
    error = "too large (limit " + std::to_string(limit) + " bytes)";
    return std::nullopt;
  }
  return bytes;
}

std::string BaseName(const std::string& path) {
  if (path == "-") return "-";
  return std::filesystem::path(path).filename().string();
}

}  // namespace

int RunExtract(const ExtractOptions& options, std::istream& in, std::ostream& out,
               std::ostream& err) {
  if (options.format != "json" && options.format != "jsonl") {
    err << "vnplan: unknown format '" << options.format << "' (json or jsonl)\n";
    return kExitUsage;
  }
  if (options.restore != "auto" && options.restore != "always" && options.restore != "never") {
    err << "vnplan: unknown --restore '" << options.restore << "' (auto, always or never)\n";
    return kExitUsage;
  }
  const PlanParser parser;
  // The restorer is opened once, and only if it may be needed.
  std::unique_ptr<Restorer> restorer;
  std::string model_error;
  if (options.restore != "never") {
    if (options.model_dir.empty())
      model_error = "no model directory given";
    else
      restorer = OpenRestorer(options.model_dir, &model_error);
    if (!restorer && options.restore == "always") {
      err << "vnplan: " << model_error << "\n";
      return kExitModelMissing;
    }
  }
  bool warned_no_model = false;
  std::vector<nlohmann::ordered_json> results;
  bool failed = false;
  for (const std::string& path : options.inputs) {
    std::string error;
    std::optional<std::string> bytes = ReadInput(path, in, options.max_input_bytes, error);
    if (!bytes) {
      err << "vnplan: " << path << ": " << error << "\n";
      failed = true;
      continue;
    }
    const TextCheck check = CheckPlanText(*bytes);
    if (!check.ok()) {
      err << "vnplan: " << path << ": " << check.message << "\n";
      failed = true;
      continue;
    }
    // Restoration first, when asked or when the text has lost its marks.
    std::string text = NormalizePlanText(*bytes);
    SourceInfo source;
    if (restorer && (options.restore == "always" || restorer->DamagedShare(text) > 0.15)) {
      RestoreResult restored = restorer->Restore(text);
      source.restoration_applied = true;
      source.tokens_changed = restored.changed;
      text = std::move(restored.text);
    } else if (!restorer && options.restore == "auto" && !warned_no_model &&
               MarkedShare(text) < 0.5) {
      warned_no_model = true;
      err << "vnplan: note: " << path << " has few diacritics but is not restored: "
          << model_error << "\n";
    }
    const Plan plan = parser.Parse(text);
    if (plan.sections.empty())
      err << "vnplan: " << path << ": warning: no numbered sections found\n";
    source.file = BaseName(path);
    source.sha256 = Sha256Hex(*bytes);
    results.push_back(PlanToJson(plan, source));
  }
  if (results.empty()) return failed ? kExitInputFailed : kExitOk;

  std::string text;
  const auto replace = nlohmann::ordered_json::error_handler_t::replace;
  if (options.format == "jsonl") {
    for (const auto& j : results) text += j.dump(-1, ' ', false, replace) + "\n";
  } else if (results.size() == 1) {
    text = results[0].dump(2, ' ', false, replace) + "\n";
  } else {
    text = nlohmann::ordered_json(results).dump(2, ' ', false, replace) + "\n";
  }
  if (options.output.empty() || options.output == "-") {
    out << text;
    out.flush();
    if (!out) {
      err << "vnplan: cannot write to standard output\n";
      return kExitOutputFailed;
    }
  } else if (std::string problem = WriteFileAtomically(options.output, text);
             !problem.empty()) {
    err << "vnplan: " << problem << "\n";
    return kExitOutputFailed;
  }
  return failed ? kExitInputFailed : kExitOk;
}

}  // namespace vnplan
