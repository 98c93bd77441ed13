#!/usr/bin/env bash
# Installs what kstidy builds and tests with, only what is missing: Debian
# packages (as root with apt-get; otherwise it prints the command) and
# Microsoft's SARIF Multitool from the npm registry (for the SARIF tests).
#   tool/install-deps.sh [19|22]   the LLVM/Clang version (default: the
#                                  environment's KSTIDY_LLVM, else 19)
set -euo pipefail

llvm=${1:-${KSTIDY_LLVM:-19}}
case "$llvm" in
  19 | 22) ;;
  *)
    echo "kstidy: LLVM $llvm is not supported (19 or 22)" >&2
    exit 2
    ;;
esac

# libclang-rt-N-dev: clang's sanitizer and libFuzzer runtimes (make
# test-sanitize, make test-tsan; docs/reliability.md). neovim: the real LSP
# client of the editor tests (test/lsp/nvim_test.py). clang-format-19 whatever
# the version: it defines the layout of kstidy's sources
# (tool/check-format.sh, the format-check test).
packages=(
  "llvm-$llvm-dev" "libclang-$llvm-dev" "clang-$llvm" "clang-tidy-$llvm"
  "clangd-$llvm" "llvm-$llvm-tools"
  clang-format-19
  "libclang-rt-$llvm-dev"
  libgrpc++-dev libprotobuf-dev libabsl-dev
  mingw-w64-common libfmt-dev libgtest-dev googletest libtinyxml2-dev
  cmake ninja-build ccache pkg-config python3 python3-jsonschema
  neovim
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "kstidy: installing missing Debian packages: ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    echo "kstidy: not root; run this first, then retry:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  echo "kstidy: packages installed"
fi

# The SARIF Multitool lives in build/sarif-tool, outside the source tree.
tool_dir="$(cd "$(dirname "$0")/.." && pwd)/build/sarif-tool"
if [ ! -f "$tool_dir/node_modules/@microsoft/sarif-multitool/bin.js" ]; then
  if command -v npm >/dev/null 2>&1; then
    echo "kstidy: installing @microsoft/sarif-multitool from the npm registry"
    mkdir -p "$tool_dir"
    npm install --silent --no-audit --no-fund --prefix "$tool_dir" @microsoft/sarif-multitool >/dev/null 2>&1
    chmod u+x "$tool_dir"/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool 2>/dev/null || true
  else
    echo "kstidy: npm not found; the SARIF validation test will fail (install Node.js and npm)" >&2
  fi
fi
