#!/usr/bin/env bash
# A USER'S WORKFLOW, NOT THE SHIPPED MODELS: training on one's own archive.
# The devset (../shared/devset/texts, sorted by name) is cut in two halves:
# the even-numbered documents are the "archive", the odd-numbered ones the
# text to restore (marks stripped, scored by bench/devset_restore.sh). The
# domain model is trained by `vnplan train` on the corpus plans and the
# first N archive documents, N = 0 (the shipped domain model), 25, 50, 100,
# 150, beside the shipped background model and channel: the learning curve.
# The models are written under WORK_DIR (keep it under build/): a model
# trained on the devset is never shipped (the devset's README).
# Usage: bench/archive_bench.sh VNPLAN MODEL_DIR WORK_DIR
set -euo pipefail
vnplan=$(realpath "$1") shipped=$(realpath "$2") work=$3
cd "$(dirname "$0")/.."
devset=../shared/devset/texts
if [ ! -d "$devset" ] || [ ! -f ../shared/tools/syllacc.py ]; then
  echo "archive_bench: skipped: no $devset or ../shared/tools/syllacc.py beside the checkout"
  exit 0
fi
mkdir -p "$work"
mapfile -t archive < <(find "$devset" -name '*.md' | LC_ALL=C sort | awk 'NR % 2 == 0')
echo "archive workflow (a user's own plans, not the shipped models):" \
  "trained on up to ${#archive[@]} devset documents, restored on the other half"
for n in 0 25 50 100 150; do
  models=$work/models-$n
  rm -rf "$models" && mkdir -p "$models"
  ln -s "$shipped/background.lm" "$models/background.lm"
  ln -s "$shipped/channel.tsv" "$models/channel.tsv"
  ln -s "$shipped/places.tsv" "$models/places.tsv"
  "$vnplan" train -o "$models" corpus/*.txt "${archive[@]:0:$n}" 2>/dev/null | grep 'learned from' |
    sed "s/^train: /  N=$n: /"
  bench/devset_restore.sh "$vnplan" "$models" "$work/restored-$n" 2 1 | grep 'syllable accuracy' |
    sed "s/^/  N=$n: /"
done
