#!/usr/bin/env bash
# Archive scale, two figures the README's Slurm section uses:
#  1. pages per core-hour: the corpus scan (and the real scans beside the
#     checkout, when present) extracted one at a time, one OCR thread, CPU
#     time (user + system) counted, so a loaded machine does not skew it;
#  2. the catalogue: PLANS (default 10,000) corpus plans with changed numbers
#     added, then queries timed (build/bench/catalogue_bench).
#   bench/catalogue_bench.sh [VNPLAN] [MODEL_DIR] [PLANS]
set -euo pipefail
cd "$(dirname "$0")/.."
vnplan=$(realpath "${1:-build/vnplan}")
models=${2:-$(dirname "$vnplan")/models}
plans=${3:-10000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
scans=(corpus/scans/*)
[ -d ../shared/realscans ] && scans+=(../shared/realscans/*.pdf)
total_cpu=0 total_pages=0
for scan in "${scans[@]}"; do
  json=$tmp/$(basename "$scan").json
  /usr/bin/time -o "$tmp/time" -f '%U %S' "$vnplan" extract --jobs 1 --model "$models" "$scan" \
    -o "$json" 2>/dev/null
  cpu=$(awk '{print $1 + $2}' "$tmp/time")
  pages=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["source"]["pages"] or 0)' "$json")
  printf 'ocr %-45s %2d pages  %6.1f s CPU  %5.1f s/page\n' "$(basename "$scan")" "$pages" "$cpu" \
    "$(echo "$cpu / $pages" | bc -l)"
  total_cpu=$(echo "$total_cpu + $cpu" | bc -l)
  total_pages=$((total_pages + pages))
done
printf 'ocr: %d pages in %.1f s CPU: %.0f pages per core-hour (extract: OCR, restoration, parsing)\n' \
  "$total_pages" "$total_cpu" "$(echo "3600 * $total_pages / $total_cpu" | bc -l)"
"$(dirname "$vnplan")"/bench/catalogue_bench "$plans" "$tmp/catalogue.sqlite"
