#!/usr/bin/env bash
# Builds the restorer's models into build/models (after the build):
#   background.lm  general Vietnamese from Debian's packages (prepare_background.sh)
#   domain.lm      the corpus plans that carry their diacritics
#   channel.tsv    legacy-OCR damage learned by rendering the clean seeds and
#                  reading them with Tesseract's English model
# Each step is skipped when its output is newer than its inputs.
set -euo pipefail
cd "$(dirname "$0")/.."
out=build/models
cache=.cache/debian-vi
mkdir -p "$out"
bash scripts/prepare_background.sh "$cache"
build/vnplan train -o "$out" --background "$cache/background.txt" --words "$cache/words.txt" corpus
clean=(corpus/002-hoa-binh-2017.txt corpus/003-dak-nong-2023.txt corpus/004-phu-tho-2016.txt)
if [ ! -s "$out/channel.tsv" ] || [ scripts/learn_channel.py -nt "$out/channel.tsv" ]; then
  /usr/bin/python3 scripts/learn_channel.py "$out/channel.tsv" "${clean[@]}"
fi
