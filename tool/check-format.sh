#!/bin/sh
# Fails (exit 1) when a source of kstidy's own differs from its clang-format
# layout (.clang-format: LLVM style); the fixtures, the emulated WDK headers
# and the fuzz inputs are not formatted (their directories' .clang-format
# disables it). Run by the ctest format-check; `tool/check-format.sh --fix`
# reformats in place.
#   tool/check-format.sh [--fix] [clang-format binary]
set -eu
cd "$(dirname "$0")/.."
mode="--dry-run --Werror"
if [ "${1:-}" = "--fix" ]; then mode="-i"; shift; fi
clang_format=${1:-clang-format-19}
if ! command -v "$clang_format" >/dev/null 2>&1; then
  echo "check-format: $clang_format not found (tool/install-deps.sh installs it)" >&2
  exit 2
fi
find checks tool/kstidy tool/clangd tool/plugin reference unittests fuzz \
    -maxdepth 3 \( -name '*.cpp' -o -name '*.h' \) \
    -not -path 'fuzz/seeds/*' -not -path 'fuzz/regressions/*' | sort |
  xargs $clang_format $mode
