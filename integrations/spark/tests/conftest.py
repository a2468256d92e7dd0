"""What the Spark job's tests share: the repository's paths, the built
`winnow`, `winnow batch` run directly (the oracle the job's output is
compared with), and one local Spark session on loopback for the whole run."""
import json
import os
import subprocess
import sys
import tempfile

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
JOB_FOLDER = os.path.dirname(HERE)
REPOSITORY = os.path.dirname(os.path.dirname(JOB_FOLDER))
INPUT_FILES = os.path.join(REPOSITORY, "Tests", "InputFiles")

sys.path.insert(0, JOB_FOLDER)

# local[N,F]: N threads, and a task may fail F times in all. Plain local[2]
# never retries a task (one failure fails the job), so the retry tests need
# F = 2: a task that fails once is run again; one that fails twice fails the job.
SPARK_MASTER = "local[2,2]"

# Spark on loopback only, no web UI, quiet.
SPARK_SETTINGS = {
    "spark.driver.host": "127.0.0.1",
    "spark.driver.bindAddress": "127.0.0.1",
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
}


def winnow_binary():
    """The winnow `swift build` (or `swift test`) made: $WINNOW, else the
    repository's debug build."""
    binary = os.environ.get("WINNOW") or os.path.join(REPOSITORY, ".build", "debug", "winnow")
    if not os.access(binary, os.X_OK):
        pytest.fail(f"no winnow binary at {binary}: run `swift build` first (or set WINNOW)")
    return binary


def input_file(name):
    return os.path.join(INPUT_FILES, name)


def winnow_batch(path, *options):
    """`winnow batch PATH` run directly: its output lines (records as JSON
    text, in order) and its --stats."""
    with tempfile.TemporaryDirectory() as scratch:
        output = os.path.join(scratch, "out.jsonl")
        stats = os.path.join(scratch, "stats.json")
        subprocess.run(
            [winnow_binary(), "batch", path, "--jobs", "1", "--fail-on-error", "never", "-o", output, "--stats", stats,
             *options],
            capture_output=True, check=True)
        with open(output, encoding="utf-8") as file:
            lines = file.read().splitlines()
        with open(stats) as file:
            return lines, json.load(file)


@pytest.fixture(scope="session")
def spark():
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.master(SPARK_MASTER).appName("winnow-spark-tests")
    for key, value in SPARK_SETTINGS.items():
        builder = builder.config(key, value)
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
