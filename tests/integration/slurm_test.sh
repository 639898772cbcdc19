#!/usr/bin/env bash
# A one-node Slurm cluster inside the test run: munged (as the munge user,
# with a generated key) and slurmctld and slurmd (as root) from a generated
# slurm.conf in a temporary folder. The job array of scripts/slurm/ extracts
# the corpus and a few scans in 4 shards and the dependent job catalogues
# them; then a second array is cancelled mid-run and submitted again, and
# nothing may be lost or done twice. The daemons are stopped by PID.
#   slurm_test.sh VNPLAN_BINARY SOURCE_DIR MODEL_DIR
# Exit 77 (skipped) where Slurm or munge is missing or we are not root.
set -uo pipefail
vnplan=$(realpath "$1") source_dir=$(realpath "$2") model_dir=${3:-}
skip() { echo "SKIPPED: $*"; exit 77; }
for tool in munged mungekey slurmctld slurmd sbatch squeue scancel sinfo setpriv sqlite3; do
  command -v "$tool" >/dev/null || skip "$tool is missing (Debian: slurm-wlm munge sqlite3)"
done
[ "$(id -u)" -eq 0 ] || skip "the daemons need root"
id munge >/dev/null 2>&1 || skip "there is no munge user"

tmp=$(mktemp -d /tmp/vnplan-slurm.XXXXXX)
chmod 755 "$tmp"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null
  done
  [ "${keep:-0}" = 1 ] || rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "FAILED: $*"; keep=1; echo "logs in $tmp"; tail -n 20 "$tmp"/*.log "$tmp"/logs/* 2>/dev/null; exit 1; }

# munge: a fresh key, the socket in our folder.
mkdir -p "$tmp/munge"
mungekey --create --keyfile="$tmp/munge/munge.key" || fail "mungekey"
chown -R munge:munge "$tmp/munge"
chmod 755 "$tmp/munge"  # munged wants its socket's folder open to all
setpriv --reuid=munge --regid=munge --init-groups munged --foreground \
  --key-file="$tmp/munge/munge.key" --socket="$tmp/munge/munge.socket" \
  --pid-file="$tmp/munge/munged.pid" --log-file="$tmp/munge/munged.log" \
  --seed-file="$tmp/munge/munged.seed" > "$tmp/munged.out" 2>&1 &
pids+=($!)

# Free ports for this cluster only.
read -r ctld_port slurmd_port < <(python3 -c '
import socket
ports = []
for _ in range(2):
    s = socket.socket(); s.bind(("127.0.0.1", 0)); ports.append(s.getsockname()[1]); s.close()
print(*ports)')
node=$(hostname -s)
mkdir -p "$tmp/state" "$tmp/spool" "$tmp/logs"
cat > "$tmp/slurm.conf" <<CONF
ClusterName=vnplantest
SlurmctldHost=$node
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
AuthType=auth/munge
AuthInfo=socket=$tmp/munge/munge.socket
CredType=cred/munge
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$tmp/state
SlurmdSpoolDir=$tmp/spool
SlurmctldPidFile=$tmp/slurmctld.pid
SlurmdPidFile=$tmp/slurmd.pid
SlurmctldLogFile=$tmp/slurmctld.log
SlurmdLogFile=$tmp/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
MpiDefault=none
ReturnToService=2
NodeName=$node CPUs=2 State=UNKNOWN
PartitionName=test Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF=$tmp/slurm.conf
for _ in $(seq 50); do [ -S "$tmp/munge/munge.socket" ] && break; sleep 0.1; done
[ -S "$tmp/munge/munge.socket" ] || fail "munged did not start"
slurmctld -D -i -f "$SLURM_CONF" > "$tmp/slurmctld.out" 2>&1 &
pids+=($!)
slurmd -D -f "$SLURM_CONF" > "$tmp/slurmd.out" 2>&1 &
pids+=($!)
for _ in $(seq 100); do
  sinfo -h -o %t 2>/dev/null | grep -q idle && break
  sleep 0.3
done
sinfo -h -o %t 2>/dev/null | grep -q idle || fail "the node did not come up"

# Inputs: the corpus texts, its scan, and copies of the scan that differ in
# a byte after the image's end (other inputs to the pipeline, same page).
mkdir -p "$tmp/inputs"
for i in 1 2 3; do
  { cat "$source_dir"/corpus/scans/*.jpg; printf 'copy %s' "$i"; } > "$tmp/inputs/scan-copy-$i.jpg"
done
{ ls "$source_dir"/corpus/*.txt "$source_dir"/corpus/scans/*.jpg; ls "$tmp"/inputs/*.jpg; } \
  > "$tmp/manifest.txt"
inputs=$(wc -l < "$tmp/manifest.txt")
[ -n "$model_dir" ] && export VNPLAN_MODEL=$model_dir
# Before the models are built (the test command's first pass) the shards
# extract without restoring: an extract that may restore needs its models.
if [ -z "$model_dir" ] && [ ! -e "$(dirname "$vnplan")/models/domain.lm" ]; then
  export VNPLAN_RESTORE=never
fi
export VNPLAN=$vnplan SBATCH_EXTRA="--chdir=$tmp/logs"

wait_for() {  # wait_for JOBID...: until squeue lists none of them
  for _ in $(seq 1200); do
    [ -z "$(squeue -h -j "$(IFS=,; echo "$*")" 2>/dev/null)" ] && return 0
    sleep 0.5
  done
  fail "jobs $* did not finish"
}

# Every input has its JSON, made from its own bytes; nothing half-written.
check_outputs() {  # check_outputs OUTDIR
  local count
  count=$(ls "$1"/*.json | wc -l)
  [ "$count" -eq "$inputs" ] || fail "$count outputs for $inputs inputs in $1"
  ! ls "$1" | grep -q '\.tmp\.' || fail "temporary files left in $1"
  while read -r input; do
    local name sha
    name=$(basename "${input%.*}").json
    sha=$(sha256sum "$input" | cut -d' ' -f1)
    grep -q "\"sha256\": \"$sha\"" "$1/$name" || fail "$1/$name is not the output of $input"
  done < "$tmp/manifest.txt"
}

# 1. The array and its catalogue.
read -r array catalogue < <("$source_dir"/scripts/slurm/submit.sh "$tmp/manifest.txt" \
                              "$tmp/out" "$tmp/archive.sqlite" 4) || fail "submit"
wait_for "$array" "$catalogue"
check_outputs "$tmp/out"
[ "$(ls "$tmp"/logs/vnplan-extract-*.log | wc -l)" -eq 4 ] || fail "not 4 shard logs"
documents=$(sqlite3 "$tmp/archive.sqlite" "SELECT count(*) FROM documents")
[ "$documents" -eq "$inputs" ] || fail "$documents plans catalogued of $inputs"
found=$("$vnplan" search "dien hinh tien tien" --db "$tmp/archive.sqlite" --format jsonl)
grep -q 003-dak-nong-2023.json <<< "$found" || fail "search does not find the Dak Nong plan"

# 2. A second array, cancelled once some outputs are written, then again.
"$source_dir"/scripts/slurm/submit.sh "$tmp/manifest.txt" "$tmp/out2" "$tmp/archive2.sqlite" 4 \
  > "$tmp/second.ids" || fail "submit 2"
read -r array catalogue < "$tmp/second.ids"
for _ in $(seq 600); do
  [ "$(ls "$tmp/out2"/*.json 2>/dev/null | wc -l)" -ge 3 ] && break
  sleep 0.2
done
scancel "$array" "$catalogue"
wait_for "$array" "$catalogue"
before=$(ls "$tmp/out2"/*.json 2>/dev/null | wc -l)
[ "$before" -gt 0 ] && [ "$before" -lt "$inputs" ] || fail "cancel came at $before of $inputs outputs"
stat -c '%n %i %Y' "$tmp/out2"/*.json > "$tmp/kept.txt"
read -r array catalogue < <("$source_dir"/scripts/slurm/submit.sh "$tmp/manifest.txt" \
                              "$tmp/out2" "$tmp/archive2.sqlite" 4) || fail "resubmit"
wait_for "$array" "$catalogue"
check_outputs "$tmp/out2"
# What the cancelled run wrote is the same file, not written again.
stat -c '%n %i %Y' $(cut -d' ' -f1 "$tmp/kept.txt") | diff - "$tmp/kept.txt" \
  || fail "outputs of the cancelled run were written again"
written=$(cat "$tmp"/logs/vnplan-extract-"$array"_*.log | grep -c ': ok -> ')
[ "$written" -eq $((inputs - before)) ] || fail "resubmitted run wrote $written, expected $((inputs - before))"
documents=$(sqlite3 "$tmp/archive2.sqlite" "SELECT count(*) FROM documents")
[ "$documents" -eq "$inputs" ] || fail "$documents plans catalogued of $inputs after the resubmit"
echo "PASSED: $inputs inputs in 4 shards; cancelled at $before, resubmitted: $written written"
