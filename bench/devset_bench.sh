#!/usr/bin/env bash
# Hand-checked facts on real documents nobody here wrote (issue 12): runs
# `vnplan extract` on every devset document that has an expected facts file in
# bench/devset/expected/ (named by the document's hash), scores each output
# with ../shared/tools/facts.py and prints the score per document, per field
# kind and in total, with the failing checks under each document.
#   bench/devset_bench.sh BINARY [MODEL_DIR]      (-q: only the figures)
# The documents stay in ../shared (VNPLAN_SHARED overrides); without them the
# bench says so and exits 0, as on a user's machine.
set -uo pipefail
quiet=0
if [ "${1:-}" = -q ]; then quiet=1; shift; fi
if [ $# -lt 1 ]; then echo "usage: $0 [-q] BINARY [MODEL_DIR]" >&2; exit 2; fi
vnplan=$(realpath "$1")
models=$(realpath -m "${2:-$(dirname "$vnplan")/models}")
cd "$(dirname "$0")/.."
shared=${VNPLAN_SHARED:-../shared}
texts=$shared/devset/texts
facts_py=$shared/tools/facts.py
if [ ! -d "$texts" ] || [ ! -f "$facts_py" ]; then
  echo "devset_bench: skipped, $texts or $facts_py is absent"
  exit 0
fi
for tool in jq python3; do
  command -v $tool >/dev/null || { echo "devset_bench: needs $tool" >&2; exit 2; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The kind of a check is what it is about: a header field (document.signer.name
# -> signer.name) or an extracted list (sections, assignments, deadlines ...).
kind_of='(.path | sub("^document\\."; "") | sub("\\[\\*\\].*$"; ""))'

total_ok=0 total_all=0 docs=0 crashes=0 slowest=0 slowest_doc=-
: >"$work/kinds"; : >"$work/types"
for facts in bench/devset/expected/*.facts.json; do
  name=$(basename "$facts" .facts.json)
  doc=$texts/$name.md
  if [ ! -f "$doc" ]; then echo "$name: document missing in $texts"; continue; fi
  docs=$((docs + 1))
  start=$(date +%s%N)
  # A hang counts as a failure (exit 124), not as a stuck bench.
  timeout 120 "$vnplan" extract --model "$models" "$doc" >"$work/out.json" 2>"$work/err"
  rc=$?
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  if [ $ms -gt $slowest ]; then slowest=$ms; slowest_doc=$name; fi
  if [ $rc -ne 0 ]; then crashes=$((crashes + 1)); fi
  python3 "$facts_py" "$facts" "$work/out.json" >"$work/score"
  read -r ok all < <(sed -n 's|^facts \([0-9]*\)/\([0-9]*\)$|\1 \2|p' "$work/score")
  ok=${ok:-0} all=${all:-0}
  total_ok=$((total_ok + ok)) total_all=$((total_all + all))
  type=$(jq -r '[.checks[] | select(.path == "document.type")][0] | if . == null then "?" elif .eq == null then "(none)" else .eq end' "$facts")
  printf '%s\t%d\t%d\n' "$type" "$ok" "$all" >>"$work/types"
  printf '%-18s %-12s %3d/%-3d %5.1f%%  %5d ms%s\n' "$name" "$type" "$ok" "$all" \
    "$(echo "$ok $all" | awk '{print $2 ? 100*$1/$2 : 0}')" "$ms" \
    "$([ $rc -ne 0 ] && echo "  exit $rc")"
  # Every check with its weight, then the failing ones (facts.py prints a
  # failing check as its JSON without the weight), per kind.
  jq -r ".checks[] | [$kind_of, (.w // 1)] | @tsv" "$facts" | sed 's/^/all\t/' >>"$work/kinds"
  grep '^  FAIL ' "$work/score" | sed -E 's/^  FAIL (\{.*\})(  got .*)?$/\1/' |
    while IFS= read -r failed; do
      jq -r --argjson d "$failed" \
        "[.checks[] | select(del(.w) == \$d)][0] | [$kind_of, (.w // 1)] | @tsv" "$facts"
    done | sed 's/^/fail\t/' >>"$work/kinds"
  [ $quiet -eq 1 ] || grep '^  FAIL ' "$work/score" | cut -c1-220
done

echo
echo "per field kind (weighted facts right / all):"
awk -F'\t' '{ all[$2] += ($1 == "all") ? $3 : 0; bad[$2] += ($1 == "fail") ? $3 : 0 }
  END { for (k in all) printf "  %-20s %4d/%-4d %5.1f%%\n", k, all[k] - bad[k], all[k],
                              100 * (all[k] - bad[k]) / all[k] }' "$work/kinds" | sort
echo
echo "per document type (weighted facts right / all):"
awk -F'\t' '{ n[$1]++; ok[$1] += $2; all[$1] += $3 }
  END { for (t in n) printf "  %-20s %2d docs %4d/%-4d %5.1f%%\n", t, n[t], ok[t], all[t],
                             all[t] ? 100 * ok[t] / all[t] : 0 }' "$work/types" | sort
echo
printf 'devset facts: %d/%d (%.1f%%) on %d documents; %d exited non-zero; slowest %s (%d ms)\n' \
  "$total_ok" "$total_all" "$(echo "$total_ok $total_all" | awk '{print $2 ? 100*$1/$2 : 0}')" \
  "$docs" "$crashes" "$slowest_doc" "$slowest"
# Then every devset document: how often each field is filled, and plausible.
[ "${VNPLAN_DEVSET_FILL:-1}" = 0 ] || python3 bench/devset_fill.py "$vnplan" "$models" --shared "$shared"
