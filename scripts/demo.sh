#!/usr/bin/env bash
# The main job on the shipped samples: installs missing packages, builds
# `precheck` (release) and runs it over samples/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release --product precheck >/dev/null
precheck=.build/release/precheck
if [ -f samples/README.md ] && ls samples/*/application.json >/dev/null 2>&1; then
  "$precheck" eval samples/
else
  "$precheck" ocr "${1:-samples/foundation/license-page.jpg}" --quality
fi
