"""The Spark job on a local Spark (`local[2,2]`, loopback, no UI) over the
test WARC and JSON Lines inputs in Tests/InputFiles. The oracle is `winnow
batch` run directly on each file: the job must give exactly its records,
each once, with their provenance, whatever fails on the way."""
import collections
import glob
import json
import os
import shutil
import stat
import subprocess
import sys

import pytest
from conftest import (
    JOB_FOLDER, REPOSITORY, SPARK_MASTER, SPARK_SETTINGS, input_file, winnow_batch, winnow_binary)
from winnow_records import JSON_TEXT_COLUMNS, RECORD_SCHEMA
from winnow_spark import JobFailed, UsageError, parse_arguments, run
from winnow_task import FAULT_VARIABLE

# The warcio-written test archives (good and damaged) and the JSON Lines file.
TEST_INPUTS = (
    "pages.warc", "pages.warc.gz", "pages.jsonl", "garbage.warc", "garbage.warc.gz", "no-length.warc",
    "wrong-length.warc", "truncated-last.warc", "truncated-last.warc.gz",
)


def write_manifest(folder, entries):
    path = os.path.join(folder, "manifest.txt")
    with open(path, "w") as file:
        file.write("# test manifest\n\n" + "\n".join(entries) + "\n")
    return path


def run_job(spark, spec, output, *options, job_group=None):
    args, batch_arguments = parse_arguments(
        ["--input", spec, "--output", output, "--winnow", winnow_binary(), *options])
    if job_group:
        spark.sparkContext.setJobGroup(job_group, job_group)
    try:
        return run(spark, args, batch_arguments)
    finally:
        if job_group:
            spark.sparkContext.setLocalProperty("spark.jobGroup.id", None)


def failed_task_attempts(spark, job_group):
    """Task attempts that failed in the group's jobs (Spark's own count)."""
    tracker = spark.sparkContext.statusTracker()
    failed = 0
    for job_id in tracker.getJobIdsForGroup(job_group):
        for stage_id in tracker.getJobInfo(job_id).stageIds:
            info = tracker.getStageInfo(stage_id)
            failed += info.numFailedTasks if info else 0
    return failed


def parquet_records(spark, output):
    """The Parquet output's rows as records: JSON text columns opened."""
    records = []
    for row in spark.read.parquet(output).collect():
        record = row.asDict(recursive=True)
        for name in JSON_TEXT_COLUMNS:
            if record[name] is not None:
                record[name] = json.loads(record[name])
        records.append(record)
    return records


def as_columns(record):
    """A winnow JSON record with every column's key (null where absent)."""
    return {name: record.get(name) for name in RECORD_SCHEMA.fieldNames()}


def expected_records(paths):
    records = []
    for path in paths:
        lines, _ = winnow_batch(path)
        records.extend(json.loads(line) for line in lines)
    return records


def record_key(record):
    """What tells records apart: where they are in their input, and what
    they are. (A damaged gzip member's error record and the record after it
    can share an offset in the decompressed stream.)"""
    error = record.get("error")
    return (record["input"], record["line"], record["offset"], record["warc_record_id"], error and error["kind"])


def assert_each_record_once(actual, expected):
    """Every expected record exactly once (no duplicate, none lost), equal
    to winnow's own, provenance included."""
    assert all(count == 1 for count in collections.Counter(map(record_key, expected)).values())
    counts = collections.Counter(record_key(record) for record in actual)
    duplicates = {key: count for key, count in counts.items() if count > 1}
    assert not duplicates, f"duplicated records: {duplicates}"
    lost = {record_key(record) for record in expected} - set(counts)
    assert not lost, f"lost records: {lost}"
    assert len(actual) == len(expected)
    by_key = {record_key(record): as_columns(record) for record in actual}
    for record in expected:
        assert by_key[record_key(record)] == as_columns(record), record_key(record)


def assert_nothing_committed(output):
    assert not os.path.exists(os.path.join(output, "_SUCCESS"))
    assert not glob.glob(os.path.join(output, "part-*"))


# MARK: - Records and provenance


def test_parquet_has_every_record_once_with_provenance(spark, tmp_path):
    paths = [input_file(name) for name in TEST_INPUTS]
    summary = run_job(spark, write_manifest(tmp_path, paths), str(tmp_path / "out"))
    expected = expected_records(paths)
    actual = parquet_records(spark, str(tmp_path / "out"))
    assert_each_record_once(actual, expected)
    # Provenance kept: WARC records by offset and record id, JSON Lines by line.
    warc = [record for record in actual if record["input"].endswith("pages.warc.gz")]
    assert [record["target_uri"] for record in warc][:2] == ["http://example.com/plain", "http://example.com/latin1"]
    assert all(record["warc_record_id"].startswith("<urn:uuid:") and record["offset"] is not None for record in warc)
    assert [record["line"] for record in actual if record["input"].endswith("pages.jsonl")] == [1, 2, 3, 5, 6, 7, 8]
    # The counts are winnow's own, summed.
    stats = [winnow_batch(path)[1] for path in paths]
    assert summary.counts["inputs"] == len(paths)
    for key in ("pages", "articles", "errors", "skipped", "page_bytes", "input_bytes"):
        assert summary.counts[key] == sum(entry[key] for entry in stats), key
    errors = collections.Counter()
    skipped = collections.Counter()
    for entry in stats:
        errors.update(entry["errors_by_kind"])
        skipped.update(entry["skipped_by_reason"])
    assert summary.counts["errors_by_kind"] == dict(errors)
    assert summary.counts["skipped_by_reason"] == dict(skipped)
    assert summary.records_in == summary.counts["pages"] + summary.counts["skipped"]
    assert len(summary.processes) == len(paths)
    assert all(process["peak_rss_mb"] > 0 for process in summary.processes)


def test_jsonl_lines_are_winnow_batch_lines(spark, tmp_path):
    """JSON Lines output: each task's part file holds its input's lines
    exactly as `winnow batch` writes them for the file itself."""
    paths = [input_file("pages.warc.gz"), input_file("pages.jsonl"), input_file("garbage.warc")]
    output = str(tmp_path / "out")
    summary = run_job(spark, write_manifest(tmp_path, paths), output, "--format", "jsonl")
    parts = sorted(glob.glob(os.path.join(output, "part-*")))
    assert len(parts) == len(paths)
    for part, path in zip(parts, paths):
        with open(part, encoding="utf-8") as file:
            assert file.read().splitlines() == winnow_batch(path)[0], path
    assert summary.output_format == "jsonl"


def test_glob_and_uris_read_the_same_records(spark, tmp_path):
    """A glob lists files through Hadoop; file: URIs are read through Arrow
    and a pipe (the way s3a:// and hdfs:// inputs are), relative manifest
    entries against the manifest's folder: the same records each way."""
    output = str(tmp_path / "glob")
    run_job(spark, os.path.join(os.path.dirname(input_file("x")), "pages.*"), output)
    paths = sorted(glob.glob(input_file("pages.*")))
    assert_each_record_once(parquet_records(spark, output), expected_records(paths))

    uris = ["file://" + input_file("pages.warc.gz"), "file://" + input_file("truncated-last.warc.gz")]
    output = str(tmp_path / "uris")
    run_job(spark, write_manifest(tmp_path, uris), output)
    expected = expected_records([input_file("pages.warc.gz"), input_file("truncated-last.warc.gz")])
    for record in expected:
        record["input"] = "file://" + record["input"]
        if "error" in record:
            record["error"]["message"] = record["error"]["message"].replace(input_file(""), "file://" + input_file(""))
    assert_each_record_once(parquet_records(spark, output), expected)

    folder = tmp_path / "crawl"
    folder.mkdir()
    shutil.copy(input_file("pages.warc"), folder / "pages.warc")
    output = str(tmp_path / "relative")
    run_job(spark, write_manifest(str(folder), ["pages.warc"]), output)
    records = parquet_records(spark, output)
    assert {record["input"] for record in records} == {str(folder / "pages.warc")}
    assert len(records) == len(winnow_batch(input_file("pages.warc"))[0])


# MARK: - Bad input


def test_bad_inputs_give_error_records_and_the_job_completes(spark, tmp_path):
    empty = tmp_path / "empty.warc.gz"
    empty.write_bytes(b"")
    not_warc = tmp_path / "notes.warc"
    not_warc.write_text("These are notes, not a web archive.\n")
    missing = str(tmp_path / "missing.warc.gz")
    paths = [missing, str(empty), input_file("truncated-last.warc.gz"), str(not_warc), input_file("pages.warc")]
    output = str(tmp_path / "out")
    summary = run_job(spark, write_manifest(tmp_path, paths), output)
    records = parquet_records(spark, output)
    by_input = collections.defaultdict(list)
    for record in records:
        by_input[record["input"]].append(record)

    def kinds(path):
        return [record["error"]["kind"] if record["error"] else "article" for record in by_input[path]]

    assert kinds(missing) == ["missing-file"]
    assert by_input[missing][0]["error"]["message"] == f"{missing}: no such file"
    assert kinds(str(empty)) == ["empty-input"]
    assert kinds(input_file("truncated-last.warc.gz")) == ["article"] * 5 + ["gzip-truncated"]
    assert kinds(str(not_warc)) == ["warc-garbage"]
    assert kinds(input_file("pages.warc")) == ["article"] * 6
    assert len(records) == summary.counts["pages"] == 1 + 1 + 6 + 1 + 6
    assert summary.counts["errors_by_kind"] == {
        "missing-file": 1, "empty-input": 1, "gzip-truncated": 1, "warc-garbage": 1}
    assert os.path.exists(os.path.join(output, "_SUCCESS"))


def test_missing_winnow_binary_fails_the_job_clearly(spark, tmp_path):
    output = str(tmp_path / "out")
    args, batch_arguments = parse_arguments(
        ["--input", input_file("pages.warc"), "--output", output, "--winnow", str(tmp_path / "no-such-winnow")])
    with pytest.raises(JobFailed) as failure:
        run(spark, args, batch_arguments)
    assert f"winnow binary {str(tmp_path / 'no-such-winnow')!r} not found on executor host" in str(failure.value)
    assert_nothing_committed(output)


def test_winnow_binary_not_executable_fails_the_job_clearly(spark, tmp_path):
    copy = tmp_path / "winnow"
    shutil.copy(winnow_binary(), copy)
    copy.chmod(stat.S_IRUSR | stat.S_IWUSR)
    output = str(tmp_path / "out")
    args, batch_arguments = parse_arguments(
        ["--input", input_file("pages.warc"), "--output", output, "--winnow", str(copy)])
    with pytest.raises(JobFailed) as failure:
        run(spark, args, batch_arguments)
    assert f"winnow binary {copy} is not executable on executor host" in str(failure.value)
    assert_nothing_committed(output)


def test_usage_errors(spark, tmp_path):
    output = tmp_path / "exists"
    output.mkdir()
    with pytest.raises(UsageError, match="the output exists"):
        run_job(spark, input_file("pages.warc"), str(output))
    with pytest.raises(UsageError, match="no file matches"):
        run_job(spark, str(tmp_path / "*.warc.gz"), str(tmp_path / "out"))
    with pytest.raises(UsageError, match="the manifest cannot be read"):
        run_job(spark, str(tmp_path / "no-manifest.txt"), str(tmp_path / "out"))
    with pytest.raises(UsageError, match="names no input"):
        run_job(spark, write_manifest(tmp_path, []), str(tmp_path / "out"))
    with pytest.raises(UsageError, match="winnow batch refuses the options --max-bytes lots"):
        run_job(spark, input_file("pages.warc"), str(tmp_path / "out"), "--max-bytes", "lots")
    with pytest.raises(SystemExit):
        parse_arguments(["--input", "x", "--output", "y", "-o", "z"])


# MARK: - Failures and retries


@pytest.fixture
def fault(monkeypatch):
    def inject(value):
        monkeypatch.setenv(FAULT_VARIABLE, value)

    return inject


def test_task_failing_once_is_retried_and_each_record_comes_out_once(spark, tmp_path, fault):
    paths = [input_file(name) for name in ("pages.warc", "pages.warc.gz", "pages.jsonl", "garbage.warc.gz")]
    fault("fail-once:pages.warc.gz")
    output = str(tmp_path / "out")
    summary = run_job(spark, write_manifest(tmp_path, paths), output, job_group="fail-once")
    # The fault fired: Spark saw the first attempt fail and ran it again.
    assert failed_task_attempts(spark, "fail-once") == 1
    expected = expected_records(paths)
    assert_each_record_once(parquet_records(spark, output), expected)
    # The failed attempt's counts were dropped too.
    assert summary.counts["pages"] == len(expected)
    assert summary.counts["inputs"] == len(paths)


def test_worker_killed_mid_task_is_retried_and_each_record_comes_out_once(spark, tmp_path, fault):
    paths = [input_file(name) for name in ("pages.jsonl", "pages.warc")]
    fault("kill-once:pages.jsonl")
    output = str(tmp_path / "out")
    summary = run_job(spark, write_manifest(tmp_path, paths), output, "--format", "jsonl", job_group="kill-once")
    assert failed_task_attempts(spark, "kill-once") == 1
    lines = []
    for part in sorted(glob.glob(os.path.join(output, "part-*"))):
        with open(part, encoding="utf-8") as file:
            lines.extend(file.read().splitlines())
    assert_each_record_once([json.loads(line) for line in lines], expected_records(paths))
    assert summary.counts["pages"] == len(lines)


def test_worker_killed_in_every_attempt_fails_the_job(spark, tmp_path, fault):
    fault("kill:pages.warc.gz")
    output = str(tmp_path / "out")
    with pytest.raises(JobFailed) as failure:
        run_job(spark, write_manifest(tmp_path, [input_file("pages.warc"), input_file("pages.warc.gz")]), output)
    assert "pages.warc.gz: winnow was killed by signal 9 (SIGKILL)" in str(failure.value)
    assert_nothing_committed(output)


# MARK: - The command line


def test_spark_submit_end_to_end(tmp_path):
    """The job as a user runs it: spark-submit, a manifest, the summary line
    and --stats. (spark-submit sends the Python driver's standard error to
    its standard output, with the summary.)"""
    spark_submit = os.path.join(os.path.dirname(sys.executable), "spark-submit")
    paths = [input_file("pages.warc.gz"), input_file("pages.jsonl"), str(tmp_path / "missing.warc")]
    output = str(tmp_path / "out")
    stats = str(tmp_path / "stats.json")
    settings = [argument for key, value in SPARK_SETTINGS.items() for argument in ("--conf", f"{key}={value}")]
    environment = dict(os.environ, PYSPARK_PYTHON=sys.executable,
                       PATH=os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", ""))
    environment.pop(FAULT_VARIABLE, None)
    result = subprocess.run(
        [spark_submit, "--master", SPARK_MASTER, *settings, os.path.join(JOB_FOLDER, "winnow_spark.py"),
         "--input", write_manifest(tmp_path, paths), "--output", output, "--winnow", winnow_binary(),
         "--stats", stats, "--no-comments"],
        capture_output=True, text=True, env=environment, cwd=REPOSITORY, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    summary = [line for line in result.stdout.splitlines() if line.startswith("winnow-spark: ")]
    assert len(summary) == 1, result.stdout[-3000:]
    assert summary[0].startswith(
        "winnow-spark: 3 inputs, 20 records in: 14 pages, 8 articles, 6 errors "
        "(bad-field 1, bad-json 2, missing-field 2, missing-file 1), 6 skipped (empty-line 1, http-status-404 1, "
        "not-html 1, warc-type-metadata 1, warc-type-request 1, warc-type-warcinfo 1); ")
    with open(stats) as file:
        numbers = json.load(file)
    assert numbers["pages"] == 14 and numbers["records_in"] == 20 and len(numbers["processes"]) == 2
    assert os.path.exists(os.path.join(output, "_SUCCESS"))

    again = subprocess.run(
        [spark_submit, "--master", SPARK_MASTER, *settings, os.path.join(JOB_FOLDER, "winnow_spark.py"),
         "--input", input_file("pages.warc"), "--output", output, "--winnow", winnow_binary()],
        capture_output=True, text=True, env=environment, cwd=REPOSITORY, timeout=600)
    assert again.returncode == 2
    assert "winnow-spark: " + output + ": the output exists (give --overwrite to replace it)" in again.stdout
