#!/usr/bin/env bash
# Stage timings and peak memory (release build, one OCR thread).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release --product precheck-bench >/dev/null
OMP_THREAD_LIMIT=1 .build/release/precheck-bench "$@"
