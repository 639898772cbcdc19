#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each for a
# bounded time on its checked-in seeds plus what it finds, then replays the
# inputs that once crashed (fuzz/regressions/TARGET/). Prints each target's
# executions and coverage; exits 1 on any finding, leaving the input in
# build-fuzz/findings/.
#   fuzz/run.sh [SECONDS_PER_TARGET]     (default 60; FUZZ_TARGETS to choose)
# Limits: a finding is a crash, an input over 10 s (-timeout) or a process
# over 2 GB (-rss_limit_mb), so bombs and hangs count, not only crashes.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
targets=(${FUZZ_TARGETS:-parser_fuzz restorer_fuzz model_fuzz image_fuzz plan_json_fuzz})
build=build-fuzz
if ! command -v clang++ >/dev/null; then
  echo "fuzz: clang++ not found (Debian: clang, libclang-rt-14-dev); fuzzers skipped" >&2
  exit 0
fi
CC=clang CXX=clang++ cmake -S . -B "$build" -DVNPLAN_FUZZ=ON -DVNPLAN_BUILD_TESTS=OFF \
  -DVNPLAN_BUILD_BENCH=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j"$(nproc)" >/dev/null
mkdir -p "$build/findings"

# The model target starts from a model trained here on the parser's own seeds,
# so its seed follows the model format whatever it becomes.
rm -rf "$build/seed-model" && mkdir -p fuzz/corpus/model
"$build/vnplan" train -o "$build/seed-model" fuzz/corpus/parser >/dev/null 2>&1
mkdir -p "$build/seed-model/seeds" && cp "$build/seed-model/domain.lm" "$build/seed-model/seeds/"

export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1
export LSAN_OPTIONS=suppressions=$PWD/fuzz/lsan.supp
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
status=0
printf '%-16s %10s %8s %8s %s\n' target execs cov corpus result
for t in "${targets[@]}"; do
  name=${t%_fuzz}
  bin=$build/fuzz/$t
  work=$build/work/$name && mkdir -p "$work"
  seeds=(fuzz/corpus/$name)
  [ "$name" = model ] && seeds+=("$build/seed-model/seeds")
  dict=(); [ -f "fuzz/$name.dict" ] && dict=(-dict="fuzz/$name.dict")
  if [ -d "fuzz/regressions/$name" ]; then
    "$bin" -runs=0 -timeout=10 -rss_limit_mb=2048 "fuzz/regressions/$name"/* \
      >"$build/$name.regressions.log" 2>&1 || { echo "fuzz: $t fails a regression input:" \
        "see $build/$name.regressions.log" >&2; status=1; }
  fi
  log=$build/$name.log
  result=ok
  if ! "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      "${dict[@]}" -print_final_stats=1 -artifact_prefix="$build/findings/$name-" \
      "$work" "${seeds[@]}" >"$log" 2>&1; then
    result="FINDING: $(grep -m1 -E 'ERROR|SUMMARY|Test unit written' "$log" || echo see "$log")"
    status=1
  fi
  execs=$(grep -m1 -oE 'stat::number_of_executed_units: [0-9]+' "$log" | grep -oE '[0-9]+$' || echo '?')
  cov=$(grep -E '^#[0-9]+' "$log" | tail -1 | grep -oE 'cov: [0-9]+' | grep -oE '[0-9]+' || echo '?')
  corpus=$(ls "$work" | wc -l)
  printf '%-16s %10s %8s %8s %s\n' "$t" "$execs" "$cov" "$corpus" "$result"
done
exit $status
