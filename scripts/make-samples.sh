#!/usr/bin/env bash
# Regenerates the committed sample set (samples/) and its previews.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release --product precheck >/dev/null
rm -rf samples/APP-* samples/previews
.build/release/precheck samples generate --out samples --showcase --seed 2026 --max-jpeg-quality 80
du -sh samples
