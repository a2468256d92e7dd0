#!/usr/bin/env python3
"""Cleans web archives on Apache Spark with `winnow batch`.

    spark-submit winnow_spark.py --input MANIFEST_OR_GLOB --output DIR
        [--format parquet|jsonl] [--partitions N] [--winnow PATH] [--jobs N]
        [--input-base URI] [--overwrite] [--stats FILE] [--log-level LEVEL]
        [winnow batch options...]

Spark distributes the inputs, one task per input file, retries failed tasks
and commits the output; each task streams its file through one `winnow
batch` process. Every input record gives one output record (error records
included), and the counts summed over the job are printed at the end.
docs/cluster.md says how to run it on a cluster.

Exit codes: 0 the job completed and its output is committed (error records
are counted, not failures); 1 the job failed (no output committed); 2 usage
errors (bad options, nothing to read, an output that exists).
"""
import argparse
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
if HERE not in sys.path:
    sys.path.insert(0, HERE)

from winnow_inputs import InputListingError, has_scheme, list_inputs  # noqa: E402
from winnow_task import FAULT_VARIABLE, TaskSettings, WinnowTaskError, clean_batches, resolve_winnow  # noqa: E402

# The job's other modules, sent to the executors (sc.addPyFile), so
# spark-submit needs only this file's path.
MODULES = ("winnow_inputs.py", "winnow_task.py", "winnow_counts.py", "winnow_records.py")

# `winnow batch` options the job sets itself for every process.
RESERVED_BATCH_OPTIONS = {
    "-o", "--output", "--output-dir", "--resume", "--stats", "--input-name", "--fail-on-error", "--unordered",
    "-j", "--jobs",
}


class UsageError(Exception):
    """The job cannot start as asked (exit 2)."""


class JobFailed(Exception):
    """Spark gave up on the job; nothing was committed (exit 1)."""


def parse_arguments(argv):
    parser = argparse.ArgumentParser(
        prog="winnow_spark.py", allow_abbrev=False,
        description="Clean WARC and JSON Lines files on Apache Spark with winnow batch.",
        epilog="Other options are passed to every `winnow batch` (for example --max-bytes 5M --no-comments).")
    parser.add_argument("--input", required=True, metavar="MANIFEST_OR_GLOB",
                        help="a manifest (a text file, gzip allowed, one path or URI a line) or a glob / path of "
                             ".warc[.gz] and .jsonl[.gz] files, on any file system Spark reads")
    parser.add_argument("--output", required=True, metavar="DIR", help="the output folder (Spark writes part files)")
    parser.add_argument("--format", choices=("parquet", "jsonl"), default="parquet")
    parser.add_argument("--partitions", type=int, metavar="N",
                        help="Spark tasks (default: one per input file; fewer: a task takes several files in turn)")
    parser.add_argument("--winnow", default="winnow", metavar="PATH",
                        help="the winnow binary: a path present on every node, or a bare name shipped with "
                             "spark-submit --files (else looked up on each node's PATH). Default: winnow")
    parser.add_argument("--jobs", type=int, metavar="N",
                        help="winnow batch --jobs for each process (default: spark.task.cpus, 1 unless set)")
    parser.add_argument("--input-base", metavar="URI",
                        help="what a manifest's relative entries are relative to (default: the manifest's folder)")
    parser.add_argument("--overwrite", action="store_true", help="replace the output folder if it exists")
    parser.add_argument("--stats", metavar="FILE", help="also write the summary as JSON to FILE (on the driver)")
    parser.add_argument("--log-level", default="WARN", metavar="LEVEL",
                        help="Spark's log level once the session is up (default WARN; INFO shows every task)")
    args, batch_arguments = parser.parse_known_args(argv)
    if batch_arguments[:1] == ["--"]:
        batch_arguments = batch_arguments[1:]
    for argument in batch_arguments:
        if argument.split("=", 1)[0] in RESERVED_BATCH_OPTIONS:
            parser.error(f"{argument}: the job sets this winnow batch option itself")
    if args.partitions is not None and args.partitions < 1:
        parser.error("--partitions must be at least 1")
    if args.jobs is not None and args.jobs < 1:
        parser.error("--jobs must be at least 1")
    return args, tuple(batch_arguments)


def run(spark, args, batch_arguments, startup=0.0):
    """Runs the job on `spark` and returns its JobSummary. Raises UsageError
    or JobFailed."""
    from winnow_counts import CountsParam, JobSummary
    from winnow_records import lines_frame, records_frame, write_parquet

    started = time.monotonic()
    started_at = time.time()
    context = spark.sparkContext
    for module in MODULES:
        # Beside this file when the driver runs it from a checkout; in
        # --deploy-mode cluster they come with --py-files instead.
        if os.path.exists(os.path.join(HERE, module)):
            context.addPyFile(os.path.join(HERE, module))
    try:
        inputs = list_inputs(spark, args.input, base=args.input_base)
    except InputListingError as error:
        raise UsageError(str(error)) from None
    _check_output(spark, args.output, args.overwrite)
    settings = TaskSettings(
        winnow=args.winnow, batch_arguments=batch_arguments, jobs=args.jobs, fault=os.environ.get(FAULT_VARIABLE))
    _preflight(settings)

    partitions = min(args.partitions or len(inputs), len(inputs))
    counts = context.accumulator({}, CountsParam())
    function = clean_batches(settings, counts, inputs, args.format)
    mode = "overwrite" if args.overwrite else "errorifexists"
    try:
        if args.format == "jsonl":
            lines_frame(spark, function, len(inputs), partitions).write.mode(mode).text(args.output)
        else:
            write_parquet(records_frame(spark, function, len(inputs), partitions), mode, args.output)
    except Exception as error:  # Py4JJavaError, or pyspark's captured exceptions
        raise JobFailed(_reason(error)) from None
    return JobSummary(counts.value, time.monotonic() - started, startup, args.output, args.format, started_at)


def _check_output(spark, output, overwrite):
    if overwrite:
        return
    context = spark.sparkContext
    path = context._jvm.org.apache.hadoop.fs.Path(output if has_scheme(output) else os.path.abspath(output))
    if path.getFileSystem(context._jsc.hadoopConfiguration()).exists(path):
        raise UsageError(f"{output}: the output exists (give --overwrite to replace it)")


def _preflight(settings):
    """Checks the winnow options once on the driver, before any task runs,
    when the binary is here too (it need not be: executors find their own)."""
    try:
        binary = resolve_winnow(settings.winnow)
    except WinnowTaskError:
        return
    command = [binary, "batch", "-", "--input-name", "preflight.warc", "--fail-on-error", "never", "--jobs", "1",
               *settings.batch_arguments]
    result = subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True, timeout=60)
    said = result.stderr.decode("utf-8", "replace").strip()
    if result.returncode != 0:
        raise UsageError(f"winnow batch refuses the options {' '.join(settings.batch_arguments)}: {said}")
    if result.stdout:
        raise UsageError(f"the winnow options name an input of their own: {' '.join(settings.batch_arguments)}")


def _reason(error):
    """The line that says why a job failed: the task's own error when a task
    raised one, else the first line of Spark's."""
    text = str(error)
    match = re.search(r"WinnowTaskError: (.*)", text)
    if match:
        return match.group(1).strip()
    match = re.search(r"(Job aborted[^\n]*)", text)
    return (match.group(1) if match else text.strip().splitlines()[0] if text.strip() else type(error).__name__)[:2000]


def main(argv=None):
    args, batch_arguments = parse_arguments(sys.argv[1:] if argv is None else argv)
    # A local output that exists is refused before Spark's start-up; run()
    # checks any file system once Spark is up.
    if not args.overwrite and not has_scheme(args.output) and os.path.exists(args.output):
        print(f"winnow-spark: {args.output}: the output exists (give --overwrite to replace it)", file=sys.stderr)
        return 2
    started = time.monotonic()
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("winnow").getOrCreate()
    spark.sparkContext.setLogLevel(args.log_level)
    startup = time.monotonic() - started
    try:
        summary = run(spark, args, batch_arguments, startup)
    except UsageError as error:
        print(f"winnow-spark: {error}", file=sys.stderr)
        return 2
    except JobFailed as error:
        print(f"winnow-spark: the job failed, nothing was committed to {args.output}: {error}", file=sys.stderr)
        return 1
    finally:
        spark.stop()
    # Standard output carries nothing else (Spark logs on standard error);
    # spark-submit passes a Python driver's standard error to its standard
    # output anyway.
    print(summary.line, flush=True)
    if args.stats:
        with open(args.stats, "w") as file:
            file.write(summary.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
