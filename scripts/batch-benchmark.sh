#!/usr/bin/env bash
# Throughput and peak memory of `precheck batch` on a generated archive,
# against a baseline that OCRs every page whole with the Tesseract CLI.
#
#   scripts/batch-benchmark.sh [COUNT] [SEED]      (default: 100 applications, seed 7007)
#
# Measures, with GNU time (/usr/bin/time -v): wall time, CPU time (user +
# sys, less disturbed than wall time when other work shares the machine)
# and the peak resident memory of the largest process.
#  - precheck batch ARCHIVE.tar.gz --jobs 1 and --jobs 2 (release build);
#  - baseline: `tesseract PAGE - -l chi_sim` (psm 3), one process per page,
#    1 and 2 at a time (xargs -P). PDF scans are turned into 200-dpi PNGs
#    first (not timed): the Tesseract CLI does not read PDF.
# Work files go to $BENCH_DIR (default: a new folder under /tmp); the table
# is printed and written to $BENCH_DIR/batch-benchmark.md.
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-100}"
seed="${2:-7007}"
scripts/install-deps.sh
export DEBIAN_FRONTEND=noninteractive
for tool in time:/usr/bin/time tesseract:/usr/bin/tesseract libvips-tools:/usr/bin/vips; do
  package="${tool%%:*}" path="${tool#*:}"
  if [ ! -x "$path" ]; then
    sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    $sudo_cmd apt-get install -y -qq --no-install-recommends "$package" >/dev/null
  fi
done
export OMP_THREAD_LIMIT=1
swift build -c release --product precheck >/dev/null
precheck="$PWD/.build/release/precheck"

work="${BENCH_DIR:-$(mktemp -d /tmp/precheck-batch-bench.XXXXXX)}"
mkdir -p "$work"
cd "$work"
if [ ! -f apps.tar.gz ]; then
  echo "generating $count applications (seed $seed) in $work/apps" >&2
  "$precheck" samples generate --out apps --count "$count" --seed "$seed" >/dev/null 2>&1
  tar czf apps.tar.gz apps
fi
archive_mb=$(du -m apps.tar.gz | cut -f1)

# Baseline pages: every scan the forms name; PDFs rendered to PNG once.
if [ ! -f pages.txt ]; then
  mkdir -p pdf-pages
  : > pages.txt
  for form in apps/*/application.json; do
    folder=$(dirname "$form")
    python3 -c 'import json,sys; print("\n".join(json.load(open(sys.argv[1]))["documents"].values()))' "$form" | while read -r name; do
      page="$folder/$name"
      if [[ "$page" == *.pdf ]]; then
        png="pdf-pages/$(basename "$folder")-${name%.pdf}.png"
        vips pdfload "$page" "$png" --dpi 200 >/dev/null 2>&1
        page="$png"
      fi
      echo "$page" >> pages.txt
    done
  done
fi
pages=$(wc -l < pages.txt)

# measure NAME COMMAND...: runs under /usr/bin/time -v, prints "wall cpu rss".
measure() {
  local name="$1"; shift
  /usr/bin/time -v -o "time-$name.txt" "$@" >/dev/null 2>"stderr-$name.txt" || true
  local wall cpu rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "time-$name.txt")
  cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {print u+s}' "time-$name.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ {print int($2/1024)}' "time-$name.txt")
  echo "$wall $cpu $rss"
}

row() {  # LABEL WALL CPU RSS UNITS
  awk -v label="$1" -v wall="$2" -v cpu="$3" -v rss="$4" -v n="$count" 'BEGIN {
    printf "| %s | %.0f | %.1f | %.2f | %d |\n", label, wall, n * 60 / wall, cpu / n, rss }'
}

table="| run ($count applications, $pages pages, archive $archive_mb MB) | wall s | applications / min | CPU s / application | peak RSS MB |
|---|---|---|---|---|"
for jobs in 1 2; do
  rm -f "results-$jobs.jsonl"
  read -r wall cpu rss < <(measure "batch-$jobs" "$precheck" batch apps.tar.gz --out "results-$jobs.jsonl" --jobs "$jobs")
  lines=$(wc -l < "results-$jobs.jsonl")
  [ "$lines" -eq "$count" ] || echo "warning: $lines lines for $count applications (jobs $jobs)" >&2
  table+=$'\n'"$(row "precheck batch --jobs $jobs" "$wall" "$cpu" "$rss")"
done
for jobs in 1 2; do
  read -r wall cpu rss < <(measure "tesseract-$jobs" xargs -a pages.txt -P "$jobs" -I{} tesseract {} - -l chi_sim)
  table+=$'\n'"$(row "baseline: tesseract CLI, whole pages, $jobs at a time" "$wall" "$cpu" "$rss")"
done
decisions=$(python3 -c 'import json,collections,sys; c=collections.Counter(json.loads(l)["decision"] for l in open(sys.argv[1])); print(", ".join(f"{v} {k}" for k,v in sorted(c.items())))' results-2.jsonl)
{
  echo "$table"
  echo
  echo "decisions (--jobs 2): $decisions; machine: $(getconf _NPROCESSORS_ONLN) cores, load before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee batch-benchmark.md
