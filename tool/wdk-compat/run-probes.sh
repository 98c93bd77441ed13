#!/bin/sh
# Parse every probe under probes/ with kstidy's WDK profile and report the
# ones that do not parse with zero errors (and zero warnings). The flags are
# the ones `kstidy --print-wdk-flags` prints, so probes and tool never drift.
#   usage: tool/wdk-compat/run-probes.sh <kstidy> [clang]   (default: clang-19)
# Exit status: number of failing probes (0 = all clean).
set -u
here=$(cd "$(dirname "$0")" && pwd)
kstidy=${1:?usage: run-probes.sh <kstidy> [clang]}
clang=${2:-clang-19}
flags=$(mktemp)
trap 'rm -f "$flags"' EXIT
# One flag per line; a response file keeps flags with spaces or parentheses
# intact.
KSTIDY_WDK_COMPAT_DIR="$here" "$kstidy" --print-wdk-flags > "$flags" || exit 100
fail=0
for probe in "$here"/probes/*.c "$here"/probes/*.cpp; do
  out=$("$clang" -fsyntax-only @"$flags" "$probe" 2>&1)
  if [ -n "$out" ]; then
    echo "FAIL $(basename "$probe")"
    printf '%s\n' "$out" | head -20
    fail=$((fail + 1))
  else
    echo "ok   $(basename "$probe")"
  fi
done
exit $fail
