#!/usr/bin/env bash
# Restoration of real administrative text the models never saw: a fixed
# sample of the devset (../shared/devset/texts, sorted by name, every STEP-th
# from the first, or from the OFFSET-th: every 5th is 63 documents), every
# mark stripped, restored one document at a time by
# `vnplan restore --model MODEL_DIR`, scored by ../shared/tools/syllacc.py
# against the original. Prints the syllable accuracy over the whole sample,
# the model's size, the speed (MB of stripped text per second, by the wall
# clock and by CPU time, which other work on the machine does not inflate)
# and the largest peak resident memory of one run. The devset only measures:
# it is never copied, and never trained on (its README).
# Usage: bench/devset_restore.sh VNPLAN MODEL_DIR WORK_DIR [STEP [OFFSET]]
#        (STEP: every STEP-th document, default 5; OFFSET: 1-based, default 1)
set -euo pipefail
vnplan=$(realpath "$1") models=$2 work=$3 step=${4:-5} offset=${5:-1}
cd "$(dirname "$0")/.."
devset=../shared/devset/texts syllacc=../shared/tools/syllacc.py
if [ ! -d "$devset" ] || [ ! -f "$syllacc" ]; then
  echo "devset_restore: skipped: no $devset or $syllacc beside the checkout"
  exit 0
fi
rm -rf "$work" && mkdir -p "$work/stripped" "$work/restored"
mapfile -t sample < <(find "$devset" -name '*.md' | LC_ALL=C sort | awk -v s="$step" -v o="$offset" 'NR % s == o % s')
# Every Vietnamese letter to its base letter (đ to d), case kept; other
# characters as they are: the text a keyboard without marks would give.
/usr/bin/python3 - "$work/stripped" "${sample[@]}" <<'EOF'
import pathlib, sys, unicodedata
def strip(ch):
    base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
    base = {"đ": "d", "Đ": "D"}.get(base, base)
    return base if len(base) == 1 and base.isascii() and base.isalpha() else ch
out = pathlib.Path(sys.argv[1])
for path in map(pathlib.Path, sys.argv[2:]):
    text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
    (out / path.name).write_text("".join(map(strip, text)), encoding="utf-8")
EOF
ok=0 total=0 bytes=0 wall=0 cpu=0 rss=0
for gold in "${sample[@]}"; do
  name=$(basename "$gold")
  /usr/bin/time -f "%e %U %M" -o "$work/time" \
    "$vnplan" restore --model "$models" "$work/stripped/$name" -o "$work/restored/$name"
  read -r e u m < "$work/time"
  score=$(/usr/bin/python3 "$syllacc" "$gold" "$work/restored/$name")
  echo "$name $score" >> "$work/scores.txt"
  read -r o t < <(echo "$score" | sed -E 's/.*\(([0-9]+)\/([0-9]+)\).*/\1 \2/')
  ok=$((ok + o)) total=$((total + t)) bytes=$((bytes + $(stat -c %s "$work/stripped/$name")))
  wall=$(echo "$wall + $e" | bc -l) cpu=$(echo "$cpu + $u" | bc -l)
  [ "$m" -gt "$rss" ] && rss=$m
done
size=$(du -cb "$models"/*.lm | tail -1 | cut -f1)
printf 'devset, marks stripped: %d documents (every %dth from the %dth), %d syllables\n' "${#sample[@]}" "$step" \
  "$offset" "$total"
# One document holds about half the sample's syllables: the mean over
# documents says how the others fare.
printf 'syllable accuracy %.2f%% (%d/%d); mean per document %.2f%%\n' \
  "$(echo "100 * $ok / $total" | bc -l)" "$ok" "$total" \
  "$(awk '{ sum += $4 } END { print 100 * sum / NR }' "$work/scores.txt")"
printf 'models %.1f MB; %.2f MB in %.1f s = %.2f MB/s wall, %.2f MB/s CPU (with loading); peak RSS %d MB\n' \
  "$(echo "$size / 1048576" | bc -l)" "$(echo "$bytes / 1048576" | bc -l)" "$wall" \
  "$(echo "$bytes / 1048576 / $wall" | bc -l)" "$(echo "$bytes / 1048576 / $cpu" | bc -l)" $((rss / 1024))
