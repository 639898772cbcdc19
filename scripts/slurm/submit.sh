#!/usr/bin/env bash
# Runs vnplan over a cluster with Slurm and a shared filesystem:
#   scripts/slurm/submit.sh MANIFEST OUTDIR DB [SHARDS]
# MANIFEST lists the inputs, one path a line (relative ones from its own
# folder); SHARDS (default 4) array tasks extract into OUTDIR, then one
# dependent job adds the outputs to the catalogue DB. Prints the two job ids.
# VNPLAN (default: build/vnplan beside this script) and VNPLAN_MODEL (the
# models folder) and VNPLAN_RESTORE (auto, always, never) may be set; extra sbatch options go in SBATCH_EXTRA.
set -euo pipefail
[ $# -ge 3 ] || { echo "usage: $0 MANIFEST OUTDIR DB [SHARDS]" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
export MANIFEST=$(realpath "$1") OUT=$(realpath -m "$2") DB=$(realpath -m "$3")
export SHARDS=${4:-4}
export VNPLAN=${VNPLAN:-$here/../../build/vnplan}
VNPLAN=$(realpath "$VNPLAN")
mkdir -p "$OUT"
# shellcheck disable=SC2086
array=$(sbatch --parsable --array=1-"$SHARDS" --export=ALL ${SBATCH_EXTRA:-} \
        "$here/extract-array.sbatch")
array=${array%%;*}
# afterany: the outputs that were written are catalogued even if a shard failed.
# shellcheck disable=SC2086
catalogue=$(sbatch --parsable --dependency=afterany:"$array" --export=ALL ${SBATCH_EXTRA:-} \
            "$here/catalogue.sbatch")
echo "$array ${catalogue%%;*}"
