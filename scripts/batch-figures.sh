#!/usr/bin/env bash
# Measures the batch figures in docs/batch.md with the release build: pages/s
# and MB/s on the packed devset (.warc.gz and JSON Lines) with --jobs 1 and
# --jobs 2, and peak RSS with --jobs 2 at 5 000 and 50 000 records.
# Make the inputs first: python3 scripts/make-devset-inputs.py --plain-only [--big]
# (--plain-only: the 993 pages the figures in docs/batch.md were measured on)
# Usage: scripts/batch-figures.sh [throughput|memory|big] (default: throughput)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${WINNOW_BENCH_DIR:-/tmp/winnow-bench}
winnow=${WINNOW:-.build/release/winnow}
what=${1:-throughput}

run() {  # label, arguments...: one line with the summary, wall time, CPU time and peak RSS
    local label=$1; shift
    local log; log=$(mktemp)
    /usr/bin/time -v "$winnow" batch "$@" -o /dev/null 2>"$log" || true
    local summary wall user sys rss
    summary=$(grep 'winnow: batch:' "$log" | sed 's/.*; \([0-9.]* s, [0-9.]* pages\/s, [0-9.]* MB\/s\).*/\1/')
    wall=$(grep 'Elapsed (wall clock)' "$log" | awk '{print $NF}')
    user=$(grep 'User time' "$log" | awk '{print $NF}')
    sys=$(grep 'System time' "$log" | awk '{print $NF}')
    rss=$(grep 'Maximum resident' "$log" | awk '{print $NF}')
    printf '%-28s %s; wall %s, cpu %.1f s, peak RSS %.1f MB (load %s)\n' "$label" "$summary" "$wall" \
        "$(echo "$user + $sys" | bc)" "$(echo "$rss / 1024" | bc -l)" "$(cut -d' ' -f1 /proc/loadavg)"
    rm -f "$log"
}

case $what in
throughput)
    for input in devset.warc.gz devset.jsonl; do
        for jobs in 1 2; do run "$input --jobs $jobs" "$dir/$input" --jobs "$jobs"; done
    done ;;
memory)
    for count in 5000 50000; do run "devset-$count --jobs 2" "$dir/devset-$count.warc.gz" --jobs 2; done ;;
big)
    run "big.warc.gz --jobs 2" "$dir/big.warc.gz" --jobs 2 ;;
esac
