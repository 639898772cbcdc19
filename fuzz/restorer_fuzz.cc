// Fuzz target: the restorer on any bytes as text, with a small model trained
// once from a few sentences written here, and the legacy-OCR channel on.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <unistd.h>

#include "vnplan/restorer.h"

namespace {

const vnplan::Restorer* SmallRestorer() {
  static const std::unique_ptr<vnplan::Restorer> restorer = [] {
    char dir[] = "/tmp/vnplan-fuzz-XXXXXX";
    if (mkdtemp(dir) == nullptr) abort();
    const std::string model = std::string(dir) + "/domain.lm";
    const std::string channel = std::string(dir) + "/channel.tsv";
    const std::vector<std::string> texts = {
        "Kế hoạch tổ chức hoạt động giáo dục năm học mới của trường.",
        "Phòng Giáo dục và Đào tạo huyện chủ trì, phối hợp với các trường học.",
        "Ủy ban nhân dân tỉnh giao Sở Tài chính bảo đảm kinh phí thực hiện.",
        "Báo cáo kết quả trước ngày 20 tháng 12 năm 2025."};
    if (!vnplan::TrainLanguageModel(texts, {"học sinh", "giáo viên"}, model).ok()) abort();
    if (!vnplan::TrainChannel({{"phòng", "phòng"}, {"phòng", "phong"}, {"học", "hoc"},
                               {"học", "hoc"}, {"ứng", "irng"}, {"ứng", "irng"}},
                              channel)
             .ok()) {
      abort();
    }
    vnplan::Status status;
    auto opened = vnplan::Restorer::Open({{model, 1.0}}, &status, channel);
    if (!opened) abort();
    unlink(model.c_str());
    unlink(channel.c_str());
    rmdir(dir);
    return opened;
  }();
  return restorer.get();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  vnplan::RestoreOptions options;
  options.explain = true;
  (void)SmallRestorer()->Restore(text, options);
  (void)SmallRestorer()->DamagedShare(text);
  return 0;
}
