#!/usr/bin/env bash
# Installs the Debian packages kstidy builds and tests with, only those that
# are missing. As root it runs apt-get; otherwise it prints the command.
set -euo pipefail

packages=(
  llvm-19-dev libclang-19-dev clang-19 clang-tidy-19 clangd-19 llvm-19-tools
  libgrpc++-dev libprotobuf-dev libabsl-dev
  mingw-w64-common libfmt-dev libgtest-dev googletest
  cmake ninja-build ccache pkg-config python3 python3-jsonschema
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

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
