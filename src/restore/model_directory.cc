// The layout of a model directory, written once: which files, which weights.
#include <filesystem>

#include "vnplan/restorer.h"

namespace vnplan {
namespace {

struct ModelFile {
  const char* name;
  double weight;  // interpolation weight of a language model; 0 for the channel
};

// The domain model (verified plans) leads; the background model (general
// Vietnamese) fills in what plans never say. bench/restore_bench measures
// other shares (VNPLAN_DOMAIN_WEIGHT).
constexpr ModelFile kDomain{"domain.lm", 0.75};
constexpr ModelFile kBackground{"background.lm", 0.25};
constexpr ModelFile kChannel{"channel.tsv", 0};

std::string PathOf(const std::string& dir, const ModelFile& file) {
  return (std::filesystem::path(dir) / file.name).string();
}

bool Exists(const std::string& path) {
  std::error_code ec;
  return std::filesystem::exists(path, ec);
}

}  // namespace

std::unique_ptr<Restorer> Restorer::OpenDirectory(const std::string& dir, Status* status) {
  const std::string domain = PathOf(dir, kDomain);
  if (dir.empty() || !Exists(domain)) {
    *status = Status::ModelMissing("no restoration model in " + (dir.empty() ? "(none given)" : dir) +
                                   " (build one with scripts/setup.sh, or vnplan train -o " +
                                   (dir.empty() ? "DIR" : dir) + " ...)");
    return nullptr;
  }
  std::vector<std::pair<std::string, double>> models = {{domain, kDomain.weight}};
  if (Exists(PathOf(dir, kBackground))) models.emplace_back(PathOf(dir, kBackground), kBackground.weight);
  const std::string channel = PathOf(dir, kChannel);
  Status opened;
  auto restorer = Open(models, &opened, Exists(channel) ? channel : "");
  // Whatever kept the models from opening, the directory holds no usable model.
  if (!restorer) *status = Status::ModelMissing(opened.message());
  return restorer;
}

std::vector<std::string> Restorer::DirectoryFiles(const std::string& dir) {
  std::vector<std::string> files;
  for (const ModelFile& file : {kDomain, kBackground, kChannel})
    if (Exists(PathOf(dir, file))) files.push_back(PathOf(dir, file));
  return files;
}

}  // namespace vnplan
