// The layout of a model directory, written once: which files, which weights.
#include <filesystem>

#include "vnplan/restorer.h"

namespace vnplan {
namespace {

struct ModelFile {
  const char* name;
  double weight;  // interpolation weight of a language model; 0 for the channel
};

// The domain model (verified plans) and the background model (general
// Vietnamese, with the dictionary and the gazetteer). The domain model is
// small (four plans, 12,000 syllables): where it has not seen a context its
// unigrams speak, and they are the genre's ("sở", "điển hình", "địa
// phương"), so a large share misreads plain words ("diện tích đất" read
// "điển tích đạt"). Shares measured (numbers scored; seeds 002/003/004
// stripped and 000 legacy OCR by bench/restore_bench, leave one out; the
// devset sample of 63 by bench/devset_restore.sh):
//   domain  002    003    004    000   | devset
//   0.75    98.76  98.49  97.41  96.88 | 92.69 (numbers not scored)
//   0.5     98.90  98.45  97.34  96.91 | 93.39
//   0.3     98.88  98.22  97.30  96.78 | 93.72
//   0.2     98.76  97.94  97.04  96.30 | 94.04
//   0.1                                | 93.99
// 0.3 is best on the seeds' mean and the devset together. Checked again
// after modified Kneser-Ney and the halved capital term (seeds only):
//   0.2     98.86  98.22  97.22  96.78
//   0.3     98.88  98.41  97.26  97.21 | 94.48
//   0.4     98.93  98.41  97.30  97.03
constexpr ModelFile kDomain{"domain.lm", 0.3};
constexpr ModelFile kBackground{"background.lm", 0.7};
constexpr ModelFile kChannel{"channel.tsv", 0};
constexpr ModelFile kGazetteer{"places.tsv", 0};  // the parser's, not the restorer's

std::string PathOf(const std::string& dir, const ModelFile& file) {
  return (std::filesystem::path(dir) / file.name).string();
}

bool Exists(const std::string& path) {
  std::error_code ec;
  return std::filesystem::exists(path, ec);
}

}  // namespace

double DomainModelShare() { return kDomain.weight; }

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

std::string Restorer::DirectoryGazetteer(const std::string& dir) {
  return !dir.empty() && Exists(PathOf(dir, kGazetteer)) ? PathOf(dir, kGazetteer) : "";
}

}  // namespace vnplan
