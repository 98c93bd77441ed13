#!/bin/sh
# Regenerates the model snapshots from the current kstidy build. Review the
# diff before committing: a snapshot change is a change of what kstidy
# understands of these trees.
#   usage: testdata/model/update-snapshots.sh [build/bin/kstidy]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
kstidy=$(cd "$here/../.." && pwd)/${1:-build/bin/kstidy}
cd "$here/.."
"$kstidy" --quiet --export-model=model/avs-capture.json drivers/avs-capture/*.cpp -- >/dev/null || true
"$kstidy" --quiet --export-model=model/fixtures.json \
  checks/ks-property-item-size/automation-table.cpp \
  checks/ks-property-item-size/handler-call.cpp \
  checks/ks-property-item-size/irp-storage.cpp -- >/dev/null || true
"$kstidy" --quiet --export-model=model/ks-proxy.json drivers/ks-proxy/*.cpp -- >/dev/null || true
if [ -d drivers/pc-audio ]; then
  "$kstidy" --quiet --export-model=model/pc-audio.json drivers/pc-audio/*.cpp -- >/dev/null || true
fi
echo "snapshots updated; review: git diff testdata/model"
