#!/usr/bin/env bash
# The test command: installs missing packages, builds, runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
# Tesseract's OpenMP must run one thread per process (see README, "Speed").
export OMP_THREAD_LIMIT=1
swift build --build-tests
swift test --skip-build "$@"
