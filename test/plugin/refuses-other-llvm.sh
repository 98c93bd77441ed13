#!/bin/sh
# The KsTidy.so version guard (tool/plugin/KsTidyPlugin.cpp) in a stock
# clang-tidy of another LLVM: it must refuse in one line that names both the
# plugin's LLVM and the host's, exit 2, and load no check.
#   refuses-other-llvm.sh <clang-tidy> <KsTidy.so> <plugin's LLVM major> <host's LLVM major>
# Exits 77 (ctest: skipped, SKIP_RETURN_CODE) with the reason when the
# other clang-tidy is not installed. KSTIDY_PLUGIN_HOST_PRELOAD, when set
# (sanitizer builds), is preloaded into clang-tidy alone.
set -u
tidy=$1 plugin=$2 built=$3 host=$4
if ! command -v "$tidy" >/dev/null 2>&1; then
  echo "SKIPPED: $tidy is not installed (KSTIDY_LLVM=$host tool/install-deps.sh installs it)"
  exit 77
fi
out=$(env LD_PRELOAD="${KSTIDY_PLUGIN_HOST_PRELOAD:-}" "$tidy" --load="$plugin" \
  --checks='-*,ks-*' --list-checks 2>&1)
rc=$?
printf '%s\n' "$out"
want="^KsTidy plugin: built for LLVM $built, but the loading clang-tidy runs LLVM $host(\.[0-9]+)*; load it with clang-tidy-$built\$"
if [ "$rc" -ne 2 ]; then
  echo "FAIL: $tidy exited $rc with the plugin loaded; the guard exits 2"
  exit 1
fi
if ! printf '%s\n' "$out" | grep -Eq "$want"; then
  echo "FAIL: no line matching $want"
  exit 1
fi
if printf '%s\n' "$out" | grep -q "ks-"; then
  echo "FAIL: a ks check was listed: the checks were loaded"
  exit 1
fi
echo "PASS: refused with both versions named"
