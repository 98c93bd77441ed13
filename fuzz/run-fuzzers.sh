#!/usr/bin/env bash
# Runs the kstidy fuzz targets (make fuzz, make fuzz-smoke; docs/reliability.md
# "## Fuzzing").
#
#   fuzz/run-fuzzers.sh <build dir> <seconds per target> [target...]
#
# Each target runs under `nice -n 10` (FUZZ_NICE=19: only on idle CPU, for a
# long campaign beside other work) for the given time with its -max_len
# (fuzz/targets.txt), the dictionary fuzz/ks.dict, -timeout=10 and
# -rss_limit_mb=2048, over its corpus <build dir>/corpus/<target> (kept from
# run to run, so coverage accumulates) and its seeds <build dir>/seeds/<target>
# (fuzz/make-seeds.py). Crashes, leaks, timeouts and out-of-memory inputs go
# to <build dir>/artifacts/<target>/, the log to <build dir>/logs/<target>.log.
# Every run appends its executions to <build dir>/fuzz-stats.tsv; the summary
# prints this run's figures and each target's total over all runs.
#
# Exit status: 1 when any target found something (its artifact is named), 0
# otherwise. Extra libFuzzer flags: FUZZ_OPTIONS="-only_ascii=1 ..."; with
# FUZZ_OPTIONS="-fork=1 -ignore_crashes=1" a target goes on after a crash
# (each one saved), which is how to look past a known open bug.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 2

if [ $# -lt 2 ]; then
  echo "usage: $0 <build dir> <seconds per target> [target...]" >&2
  exit 2
fi
BUILD=$1
SECONDS_PER_TARGET=$2
shift 2
ALL=$(sed -e 's/#.*//' fuzz/targets.txt | awk 'NF { print $1 }')
TARGETS=${*:-$ALL}
STATS=$BUILD/fuzz-stats.tsv
[ -f "$STATS" ] || printf 'date\ttarget\tseconds\texecutions\texecs_per_second\tresult\n' >"$STATS"

# Debian's LLVM/Clang libraries are not instrumented: std::vector objects
# they fill and ours then grow would give container-overflow false reports,
# and a BumpPtrAllocator slab poisoned by our copy of its inline code and
# handed out by theirs a use-after-poison one (docs/reliability.md,
# "Runtime options" of the sanitizer builds).
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_container_overflow=0:allow_user_poisoning=0:symbolize=1:external_symbolizer_path=/usr/lib/llvm-19/bin/llvm-symbolizer}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:external_symbolizer_path=/usr/lib/llvm-19/bin/llvm-symbolizer}

status=0
summary=()
found=()
for t in $TARGETS; do
  bin=$BUILD/bin/$t
  max_len=$(awk -v t="$t" '$1 == t { print $2 }' fuzz/targets.txt)
  asan_extra=$(awk -v t="$t" '$1 == t && NF > 2 { print $3 }' fuzz/targets.txt)
  if [ ! -x "$bin" ] || [ -z "$max_len" ]; then
    echo "run-fuzzers: no target $t (built: $bin; listed in fuzz/targets.txt?)" >&2
    status=1
    continue
  fi
  corpus=$BUILD/corpus/$t
  seeds=$BUILD/seeds/$t
  artifacts=$BUILD/artifacts/$t
  log=$BUILD/logs/$t.log
  mkdir -p "$corpus" "$seeds" "$artifacts" "$(dirname "$log")"
  before=$(find "$artifacts" -type f | wc -l)
  echo "== $t: ${SECONDS_PER_TARGET}s, -max_len=$max_len (log: $log)"
  start=$(date +%s)
  # shellcheck disable=SC2086
  ASAN_OPTIONS=$ASAN_OPTIONS${asan_extra:+:$asan_extra} nice -n "${FUZZ_NICE:-10}" "$bin" -max_total_time="$SECONDS_PER_TARGET" -max_len="$max_len" \
    -dict=fuzz/ks.dict -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$artifacts/" ${FUZZ_OPTIONS:-} "$corpus" "$seeds" \
    >"$log" 2>&1
  rc=$?
  elapsed=$(( $(date +%s) - start ))
  # The final stats; with -fork=N (FUZZ_OPTIONS) they count nothing, and the
  # last "#N:" progress line has the executions of all jobs.
  execs=$( { sed -n 's/^stat::number_of_executed_units: *//p' "$log"
             sed -n 's/^#\([0-9][0-9]*\)[:\t ].*/\1/p' "$log"; } | sort -n | tail -1)
  rate=$(( ${execs:-0} / (elapsed > 0 ? elapsed : 1) ))
  after=$(find "$artifacts" -type f | wc -l)
  result=ok
  if [ "$rc" -ne 0 ] || [ "$after" -gt "$before" ]; then
    result="FOUND (exit $rc)"
    status=1
    echo "   $t found something; newest artifacts: $(ls -t "$artifacts" | head -3 | sed "s|^|$artifacts/|" | tr '\n' ' ')"
    grep -m1 -E '^==[0-9]+==ERROR|^SUMMARY|kstidy fuzz oracle|ALARM|out-of-memory' "$log" | sed 's/^/   /'
    found+=("$t" "$log")
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$t" \
    "$elapsed" "${execs:-0}" "${rate:-0}" "$result" >>"$STATS"
  summary+=("$(printf '%-26s %10s execs %7s/s  %s' "$t" "${execs:-0}" "${rate:-0}" "$result")")
done

# What each find printed, from its first error line on (a CI log keeps only
# its end, so this comes last but for the summary).
for ((i = 0; i < ${#found[@]}; i += 2)); do
  echo
  echo "== ${found[i]} found (${found[i + 1]}):"
  first=$(grep -n -m1 -E '^==[0-9]+==(ERROR|WARNING)|kstidy fuzz oracle|ALARM|out-of-memory|^MS: ' "${found[i + 1]}" | cut -d: -f1)
  if [ -n "$first" ]; then
    sed -n "${first},$((first + 60))p" "${found[i + 1]}" | grep -v '^#[0-9]' | sed 's/^/   /'
  else
    tail -n 30 "${found[i + 1]}" | sed 's/^/   /'
  fi
  echo "   artifacts: $(ls -t "$BUILD/artifacts/${found[i]}" | head -3 | tr '\n' ' ')"
  # The newest artifact itself when small, so a CI log is enough to
  # reproduce it: base64 -d <<<'...' >crash && $BUILD/bin/<target> crash
  newest=$(find "$BUILD/artifacts/${found[i]}" -type f -printf '%T@ %p\n' | sort -n | tail -1 | cut -d' ' -f2-)
  if [ -n "$newest" ] && [ "$(stat -c %s "$newest")" -le 16384 ]; then
    echo "   $(basename "$newest") in base64: $(base64 -w0 "$newest")"
  fi
done

echo
echo "== this run"
printf '%s\n' "${summary[@]}"
echo "== executions over all runs ($STATS)"
awk -F'\t' 'NR > 1 { n[$2] += $4; s[$2] += $3 }
  END { for (t in n) printf "%-26s %12d execs in %6d s\n", t, n[t], s[t] }' \
  "$STATS" | sort
exit $status
