#!/usr/bin/env bash
# Installs kstidy for the GitHub action (action.yml, docs/ci.md) on an
# Ubuntu or Debian runner, as root or through sudo:
#   - KSTIDY_DEB set (a path, or an http(s) URL, of a kstidy_<version>_<arch>.deb):
#     `apt-get install -y <deb>`, so that its Depends come from the
#     distribution; kstidy lands in /usr/bin;
#   - otherwise built from the action's own checkout ($GITHUB_ACTION_PATH):
#     `make -C $GITHUB_ACTION_PATH build` (tool/install-deps.sh installs what
#     the build needs), then `cmake --install` into $RUNNER_TEMP/kstidy, whose
#     bin/ is appended to $GITHUB_PATH.
# Exit codes: 0 installed, 1 a command failed, 2 bad input (a .deb path that
# does not exist, no $GITHUB_ACTION_PATH, neither root nor sudo).
# KSTIDY_ACTION_DRY_RUN=1 prints the commands instead of running them
# (test/integrations/action_test.py).
set -euo pipefail

dry_run=${KSTIDY_ACTION_DRY_RUN:-}

say() { echo "kstidy-action: $*"; }
die() { echo "kstidy-action: error: $*" >&2; exit 2; }

run() {
  echo "+ $*"
  if [ -z "$dry_run" ]; then "$@"; fi
}

as_root=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || [ -n "$dry_run" ] ||
    die "not root and no sudo: cannot install packages"
  as_root=(sudo)
fi

apt_updated=
apt_install() {
  if [ -z "$apt_updated" ]; then
    run "${as_root[@]}" apt-get update -q
    apt_updated=1
  fi
  run "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@"
}

# Debian packages the install itself needs, only those missing.
need_packages() {
  local missing=() p
  for p in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$p")
    fi
  done
  if [ ${#missing[@]} -gt 0 ]; then
    apt_install --no-install-recommends "${missing[@]}"
  fi
}

deb=${KSTIDY_DEB:-}
if [ -n "$deb" ]; then
  case "$deb" in
    http://* | https://*)
      dir="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/kstidy-deb"
      name=${deb%%[?#]*}
      name=${name##*/}
      case "$name" in *.deb) ;; *) name=kstidy.deb ;; esac
      need_packages curl ca-certificates
      run mkdir -p "$dir"
      run curl -fsSL --retry 3 -o "$dir/$name" "$deb"
      file="$dir/$name"
      ;;
    *)
      [ -f "$deb" ] || die "kstidy-deb: $deb: no such file"
      file="$(cd "$(dirname "$deb")" && pwd)/$(basename "$deb")"
      ;;
  esac
  say "installing $file"
  # A path (not a bare name) makes apt-get install the file and take its
  # Depends from the distribution's archive.
  apt_install "$file"
  if [ -z "$dry_run" ]; then
    command -v kstidy >/dev/null 2>&1 || die "the package installed no kstidy on PATH"
    kstidy --version
  fi
  exit 0
fi

src=${GITHUB_ACTION_PATH:-}
if [ -z "$src" ] || [ ! -f "$src/Makefile" ]; then
  die "no kstidy-deb given and GITHUB_ACTION_PATH (${src:-unset}) is not a kstidy checkout"
fi
prefix="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/kstidy"
say "building kstidy from $src (no kstidy-deb given)"
need_packages make
if [ ${#as_root[@]} -gt 0 ]; then
  # install-deps.sh installs packages only as root; the build runs as the
  # runner's user, in a build/ that user owns (install-deps.sh puts npm
  # tools in it).
  run mkdir -p "$src/build"
  run sudo "$src/tool/install-deps.sh"
fi
run make -C "$src" build
run cmake --install "$src/build" --prefix "$prefix"
echo "$prefix/bin" >>"${GITHUB_PATH:-/dev/null}"
if [ -z "$dry_run" ]; then
  "$prefix/bin/kstidy" --version
fi
say "kstidy installed in $prefix/bin (added to PATH)"
