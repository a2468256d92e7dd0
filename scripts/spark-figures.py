#!/usr/bin/env python3
"""Measures the Spark job's figures in docs/cluster.md with the release build.

On the devset packed as 8 .warc.gz files, Spark in local[2] on loopback:

1. Spark's start-up: the session, then a first small job (6 pages), which
   pays the JVM's and the Python workers' one-time warm-up.
2. For each round, in turns so both see the same load: `winnow batch
   --jobs 2` over the 8 files, then the job over the same files (Parquet,
   then JSON Lines) in the warm session: records written (read back from
   the output) against records in, pages/s against winnow batch's, the
   timeline (job start to the first winnow process, the processes' span),
   the winnow processes' CPU time against winnow batch's, and each winnow
   process's peak RSS.
3. With --rss-file (repeatable), the job over each file alone (one winnow
   process), whose peak RSS is compared with the 8 small files' processes.
4. The retry check in local[2,2] (a new session: plain local[2] never
   retries a task): a winnow killed as soon as it starts in one task's
   first attempt; the output must hold every record of the clean run once.

Where cgroup v1's cpuacct is writable (root), this process and all it
starts (the JVM, the Python workers, every winnow) are put in a cgroup of
their own, and each step's CPU time in all is printed: a figure the
machine's other load does not change much, unlike seconds.

Make the inputs first: python3 scripts/make-devset-inputs.py --split 8
Run with the job's environment (integrations/spark/run-tests.sh makes it):
    .build/spark-venv/bin/python scripts/spark-figures.py [--rounds 3]
        [--inputs /tmp/winnow-bench/split-8] [--rss-file FILE]... [--winnow PATH]
"""
import argparse
import collections
import glob
import json
import os
import subprocess
import sys
import tempfile
import time

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(REPOSITORY, "integrations", "spark"))

from winnow_spark import parse_arguments, run  # noqa: E402
from winnow_task import FAULT_VARIABLE  # noqa: E402

SPARK_SETTINGS = {
    "spark.driver.host": "127.0.0.1",
    "spark.driver.bindAddress": "127.0.0.1",
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
}


def session(master):
    # The Python workers run this interpreter, whose environment has the
    # job's packages (pyarrow), not whatever `python3` is first on PATH.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.master(master).appName("winnow-figures")
    for key, value in SPARK_SETTINGS.items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    # The retry check's injected failure would print Spark's stack traces.
    spark.sparkContext.setLogLevel("OFF")
    return spark


def load():
    return f"{os.getloadavg()[0]:.2f}"


class CPUClock:
    """CPU time of this process and everything it starts, through a cgroup
    v1 cpuacct group of its own; None where there is none to make."""

    ROOT = "/sys/fs/cgroup/cpuacct"

    def __init__(self):
        self.group = os.path.join(self.ROOT, f"winnow-figures-{os.getpid()}")
        try:
            os.makedirs(self.group, exist_ok=True)
            with open(os.path.join(self.group, "cgroup.procs"), "w") as file:
                file.write(str(os.getpid()))
        except OSError:
            self.group = None

    def seconds(self):
        if self.group is None:
            return None
        with open(os.path.join(self.group, "cpuacct.usage")) as file:
            return int(file.read()) / 1e9

    def close(self):
        if self.group is None:
            return
        with open(os.path.join(self.ROOT, "cgroup.procs"), "w") as file:
            file.write(str(os.getpid()))
        # The JVM may take a moment to exit after spark.stop().
        for _ in range(90):
            try:
                os.rmdir(self.group)
                return
            except OSError:
                time.sleep(1)
        print(f"{self.group} still holds a process; remove it later (rmdir)", file=sys.stderr)


def spent(clock, before):
    now = clock.seconds()
    return "n/a" if now is None else f"{now - before:.1f} s"


def winnow_batch(winnow, paths, scratch):
    """winnow batch --jobs 2: its stats, CPU seconds and peak RSS (MB)."""
    stats = os.path.join(scratch, "batch.json")
    process = subprocess.Popen([winnow, "batch", *paths, "--jobs", "2", "-o", "/dev/null", "--stats", stats],
                               stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(process.pid, 0)
    with open(stats) as file:
        numbers = json.load(file)
    return numbers, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def job(spark, winnow, spec, output, *options):
    args, batch_arguments = parse_arguments(
        ["--input", spec, "--output", output, "--overwrite", "--winnow", winnow, *options])
    return run(spark, args, batch_arguments)


def written_keys(output, output_format):
    """(input, offset, warc_record_id) of every record in the output."""
    parts = sorted(glob.glob(os.path.join(output, "part-*")))
    keys = []
    if output_format == "parquet":
        import pyarrow.parquet

        for part in parts:
            table = pyarrow.parquet.read_table(part, columns=["input", "offset", "warc_record_id"]).to_pydict()
            keys.extend(zip(table["input"], table["offset"], table["warc_record_id"]))
    else:
        for part in parts:
            with open(part, encoding="utf-8") as file:
                for line in file:
                    record = json.loads(line)
                    keys.append((record["input"], record["offset"], record["warc_record_id"]))
    return keys


def describe(summary, output, batch_rate, batch_cpu):
    keys = written_keys(output, summary.output_format)
    processes = summary.processes
    peaks = [process["peak_rss_mb"] for process in processes]
    first = min(process["started_at"] for process in processes)
    last = max(process["started_at"] + process["seconds"] for process in processes)
    cpu = sum(process["cpu_seconds"] for process in processes)
    rate = summary.pages_per_second
    print(f"               records in {summary.records_in}, written {len(keys)} "
          f"({len(set(keys))} distinct); {summary.elapsed:.1f} s, {rate:.1f} pages/s = {rate / batch_rate:.2f} x batch; "
          f"first winnow process after {first - summary.started_at:.1f} s, processes' span {last - first:.1f} s; "
          f"winnow cpu {cpu:.1f} s (batch {batch_cpu:.1f} s); peak RSS {min(peaks):.1f}-{max(peaks):.1f} MB "
          f"over {len(peaks)} processes; load {load()}")
    return keys


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--inputs", default="/tmp/winnow-bench/split-8")
    parser.add_argument("--rss-file", action="append", default=[], help="a large .warc.gz for the memory figure")
    parser.add_argument("--winnow", default=os.path.join(REPOSITORY, ".build", "release", "winnow"))
    args = parser.parse_args()
    paths = sorted(glob.glob(os.path.join(args.inputs, "*.warc.gz")))
    spec = os.path.join(args.inputs, "*.warc.gz")
    scratch = tempfile.mkdtemp(prefix="winnow-figures-")
    print(f"{len(paths)} files in {args.inputs}; winnow {args.winnow}; load {load()}")

    clock = CPUClock()
    started = time.monotonic()
    spark = session("local[2]")
    session_seconds = time.monotonic() - started
    small = os.path.join(REPOSITORY, "Tests", "InputFiles", "pages.warc")
    first = job(spark, args.winnow, small, os.path.join(scratch, "warm-up"))
    second = job(spark, args.winnow, small, os.path.join(scratch, "warm-up"))
    print(f"Spark's start-up: session {session_seconds:.1f} s, then a first small job (6 pages) {first.elapsed:.1f} s "
          f"(the same job again: {second.elapsed:.1f} s)")

    clean_keys = None
    for round_number in range(1, args.rounds + 1):
        before = clock.seconds()
        numbers, batch_cpu, batch_rss = winnow_batch(args.winnow, paths, scratch)
        batch_rate = numbers["pages_per_second"]
        print(f"round {round_number}: winnow batch --jobs 2: {numbers['pages']} pages, {batch_rate:.1f} pages/s "
              f"({numbers['elapsed_seconds']:.1f} s, cpu {batch_cpu:.1f} s, peak RSS {batch_rss:.1f} MB); "
              f"all cpu {spent(clock, before)}; load {load()}")
        for output_format in ("parquet", "jsonl"):
            output = os.path.join(scratch, output_format)
            before = clock.seconds()
            summary = job(spark, args.winnow, spec, output, "--format", output_format)
            print(f"    spark {output_format:7}: all cpu (JVM, Python, winnow) {spent(clock, before)}")
            keys = describe(summary, output, batch_rate, batch_cpu)
            clean_keys = clean_keys or collections.Counter(keys)

    for path in args.rss_file:
        summary = job(spark, args.winnow, path, os.path.join(scratch, "rss"))
        process = summary.processes[0]
        print(f"one file, {os.path.basename(path)}: {process['pages']} records through one winnow process in "
              f"{process['seconds']:.1f} s, peak RSS {process['peak_rss_mb']:.1f} MB")
    spark.stop()

    spark = session("local[2,2]")
    victim = os.path.basename(paths[len(paths) // 2])
    os.environ[FAULT_VARIABLE] = f"kill-once:{victim}"
    output = os.path.join(scratch, "retry")
    spark.sparkContext.setJobGroup("retry", "retry")
    summary = job(spark, args.winnow, spec, output)
    del os.environ[FAULT_VARIABLE]
    tracker = spark.sparkContext.statusTracker()
    failed = sum(tracker.getStageInfo(stage).numFailedTasks for job_id in tracker.getJobIdsForGroup("retry")
                 for stage in tracker.getJobInfo(job_id).stageIds)
    retried = collections.Counter(written_keys(output, "parquet"))
    duplicates = sum(count - 1 for count in retried.values() if count > 1)
    lost = sum(count for key, count in clean_keys.items() if key not in retried)
    print(f"retry (local[2,2], winnow killed as soon as it started on {victim} in its first attempt): "
          f"{failed} failed task attempt(s); {sum(retried.values())} records written, {duplicates} duplicates, "
          f"{lost} lost against the clean run; counted {summary.counts['pages']} pages")
    spark.stop()
    clock.close()


if __name__ == "__main__":
    main()
