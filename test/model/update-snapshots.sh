#!/bin/sh
# Regenerates the model snapshots from the current kstidy build. Review the
# diff before committing: a snapshot change is a change of what kstidy
# understands of these trees.
#   usage: test/model/update-snapshots.sh [build/bin/kstidy]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
kstidy=$(cd "$here/../.." && pwd)/${1:-build/bin/kstidy}
cd "$here/.."
"$kstidy" --quiet --export-model=model/avs-capture.json examples/avs-capture/*.cpp -- >/dev/null || true
"$kstidy" --quiet --export-model=model/fixtures.json \
  checkers/ks-property-item-size/automation-table.cpp \
  checkers/ks-property-item-size/handler-call.cpp \
  checkers/ks-property-item-size/irp-storage.cpp -- >/dev/null || true
"$kstidy" --quiet --export-model=model/ks-proxy.json examples/ks-proxy/*.cpp -- >/dev/null || true
if [ -d examples/pc-audio ]; then
  "$kstidy" --quiet --export-model=model/pc-audio.json examples/pc-audio/*.cpp -- >/dev/null || true
fi
echo "snapshots updated; review: git diff test/model"
