#!/usr/bin/env bash
# Proves a change kept behaviour: writes what a vnplan binary makes of every
# input it can find (the corpus texts and scan, the real scans and the devset
# beside the checkout when present) into OUTDIR, one file per input. Run it
# with the binary before and after a change, then `diff -r BEFORE AFTER`:
# no output means byte-identical JSON and text.
#   bench/snapshot.sh build/vnplan OUTDIR [MODEL_DIR]
set -euo pipefail
vnplan=$(realpath "$1"); out=$2; models=${3:-$(dirname "$vnplan")/models}
cd "$(dirname "$0")/.."
shared=../shared
mkdir -p "$out"
inputs=(corpus/*.txt corpus/scans/*)
[ -d "$shared/realscans" ] && inputs+=("$shared"/realscans/*.pdf)
[ -d "$shared/devset/texts" ] && inputs+=("$shared"/devset/texts/*.md)
for f in "${inputs[@]}"; do
  name=$(basename "$f")
  # The JSON, with the pipeline id taken out: it names the version, which a
  # refactoring may change while the output stays the same.
  "$vnplan" extract --model "$models" "$f" 2>"$out/$name.err" |
    sed -E 's/"pipeline": "[^"]*"/"pipeline": "-"/' >"$out/$name.json" || true
done
for f in corpus/scans/* "$shared"/realscans/*.pdf; do
  [ -e "$f" ] || continue
  "$vnplan" ocr --model "$models" "$f" >"$out/$(basename "$f").ocr.txt" 2>/dev/null || true
done
for f in corpus/*.ocr.txt; do
  "$vnplan" restore --model "$models" "$f" >"$out/$(basename "$f").restored.txt" 2>/dev/null || true
done
echo "snapshot: $(ls "$out" | wc -l) files in $out"
