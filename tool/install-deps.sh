#!/usr/bin/env bash
# Installs what kstidy builds and tests with, only what is missing: Debian
# packages (as root with apt-get; otherwise it prints the command),
# Microsoft's SARIF Multitool (for the SARIF tests) and action-validator (for
# the GitHub action's tests) from the npm registry.
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
# (tool/check-format.sh, the format-check test). dpkg-dev: dpkg-shlibdeps,
# which CPack uses for the Depends of the .deb (test/install, docs/install.md).
# pre-commit: the real pre-commit of the hook tests, python3-yaml: YAML for
# the action's tests (test/integrations).
packages=(
  "llvm-$llvm-dev" "libclang-$llvm-dev" "clang-$llvm" "clang-tidy-$llvm"
  "clangd-$llvm" "llvm-$llvm-tools"
  clang-format-19
  "libclang-rt-$llvm-dev"
  libgrpc++-dev libprotobuf-dev libabsl-dev
  mingw-w64-common libfmt-dev libgtest-dev googletest libtinyxml2-dev
  cmake ninja-build ccache pkg-config python3 python3-jsonschema
  dpkg-dev
  neovim
  pre-commit python3-yaml
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

# action-validator, the schema check of GitHub actions and workflows, for
# action.yml and the workflows of docs/ci.md (test/integrations): pinned, in
# build/action-validator.
validator_version=0.6.0
validator_dir="$(cd "$(dirname "$0")/.." && pwd)/build/action-validator"
if ! grep -qs "\"version\": \"$validator_version\"" \
    "$validator_dir/node_modules/@action-validator/cli/package.json"; then
  if command -v npm >/dev/null 2>&1; then
    echo "kstidy: installing @action-validator/cli@$validator_version from the npm registry"
    mkdir -p "$validator_dir"
    npm install --silent --no-audit --no-fund --prefix "$validator_dir" \
      "@action-validator/cli@$validator_version" >/dev/null 2>&1
  else
    echo "kstidy: npm not found; the GitHub action tests will fail (install Node.js and npm)" >&2
  fi
fi
