#!/usr/bin/env bash
# Load run of `precheck serve` on loopback: a release server with a fresh
# data directory, wrk with 2 concurrent clients uploading the committed
# samples (scripts/load/upload.lua) for DURATION (default 120s); prints
# requests/s and latency percentiles, the server's stage timings and its
# peak memory, then stops the server. Needs wrk (apt-get install wrk).
#
#   scripts/load-test.sh [DURATION] [CLIENTS]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-120s}
clients=${2:-2}
port=${PORT:-8091}
jobs=${JOBS:-2}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
swift build -c release --product precheck >/dev/null

data=$(mktemp -d)
OMP_THREAD_LIMIT=1 .build/release/precheck serve --host 127.0.0.1 --port "$port" --data "$data" --jobs "$jobs" \
  --queue "$clients" >"$data/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.5; done

echo "server: jobs $jobs; load: $clients clients for $duration on samples/APP-0001..0030 ($(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
# While the checks run, /healthz is asked once a second: it must stay fast (OCR runs on its own threads).
seconds=${duration%s}
(for _ in $(seq 1 "$seconds"); do
   curl -s -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$port/healthz" || echo failed
   sleep 1
 done >"$data/health.txt") &
prober=$!
wrk -t"$clients" -c"$clients" -d"$duration" --timeout 60s -s scripts/load/upload.lua "http://127.0.0.1:$port" -- samples/APP-*
wait "$prober" || true
echo "/healthz during the load: $(sort -n "$data/health.txt" | awk '{ t[NR] = $1 } END { printf "%d probes, median %.1f ms, max %.1f ms", NR, 1000 * t[int((NR + 1) / 2)], 1000 * t[NR] }')"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "server metrics:"
curl -s "http://127.0.0.1:$port/metrics" | grep -E '^precheck_verdicts_total|^precheck_stage_duration_seconds_(sum|count)\{stage="(upload|queue|check|store)"\}|^precheck_checks_refused_total'
echo "server peak memory: $(grep VmHWM "/proc/$server/status" | tr -s ' ')"
