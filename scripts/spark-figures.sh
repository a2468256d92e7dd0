#!/usr/bin/env bash
# Measures the Spark job's figures in docs/cluster.md with the release build:
# the devset packed as 8 .warc.gz files, cleaned by `winnow batch --jobs 2`
# and by the Spark job in local[2] (Parquet, then JSON Lines), in turns, so
# both see the same load. For each Spark run: the records written (read back
# from the output), the job's time after Spark's start-up and its pages/s
# against winnow batch's, and each winnow process's peak RSS.
# Make the inputs first: python3 scripts/make-devset-inputs.py --split 8
# Usage: scripts/spark-figures.sh [ROUNDS] (default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
inputs=${WINNOW_BENCH_DIR:-/tmp/winnow-bench}/split-8
winnow=${WINNOW:-$PWD/.build/release/winnow}
rounds=${1:-3}
venv=$PWD/.build/spark-venv
[ -x "$venv/bin/python" ] || { echo "run integrations/spark/run-tests.sh once first (it makes $venv)" >&2; exit 2; }
export PATH="$venv/bin:$PATH" PYSPARK_PYTHON="$venv/bin/python"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

for round in $(seq "$rounds"); do
    /usr/bin/time -f '%e %M' -o "$scratch/time" "$winnow" batch "$inputs"/*.warc.gz --jobs 2 -o /dev/null \
        --stats "$scratch/batch.json" 2>/dev/null || true
    batch_rate=$(python3 -c "import json; print(json.load(open('$scratch/batch.json'))['pages_per_second'])")
    read -r wall rss < "$scratch/time"
    printf 'round %s  winnow batch --jobs 2: %s pages/s (wall %s s, peak RSS %.1f MB, load %s)\n' \
        "$round" "$batch_rate" "$wall" "$(echo "$rss / 1024" | bc -l)" "$(cut -d' ' -f1 /proc/loadavg)"
    for format in parquet jsonl; do
        spark-submit --master 'local[2]' --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 \
            --conf spark.ui.enabled=false --conf spark.ui.showConsoleProgress=false \
            integrations/spark/winnow_spark.py --input "$inputs/*.warc.gz" --output "$scratch/out-$format" \
            --format "$format" --overwrite --winnow "$winnow" --stats "$scratch/spark.json" >/dev/null 2>&1
        "$venv/bin/python" - "$scratch/spark.json" "$scratch/out-$format" "$format" "$batch_rate" <<'PYTHON'
import glob, json, sys
stats_path, output, form, batch_rate = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
stats = json.load(open(stats_path))
parts = sorted(glob.glob(output + "/part-*"))
if form == "parquet":
    import pyarrow.parquet
    written = sum(pyarrow.parquet.read_metadata(part).num_rows for part in parts)
else:
    written = sum(sum(1 for _ in open(part, "rb")) for part in parts)
peaks = [process["peak_rss_mb"] for process in stats["processes"]]
print(f"         spark local[2] {form:7}: {stats['pages']} pages counted, {written} records written, "
      f"records in {stats['records_in']}; {stats['elapsed_seconds']:.1f} s after start-up "
      f"{stats['startup_seconds']:.1f} s: {stats['pages_per_second']:.1f} pages/s = "
      f"{stats['pages_per_second'] / batch_rate:.2f} x batch; winnow peak RSS {min(peaks):.1f}-{max(peaks):.1f} MB "
      f"over {len(peaks)} processes")
PYTHON
    done
done
