"""One Spark task's work: each of its inputs streamed through one
long-lived `winnow batch` process, whose JSON lines become the task's rows
(sent to the JVM as Arrow record batches, see `clean_batches`): the lines
themselves, or the records parsed into the Parquet columns.

Every input gives exactly one output record per input record, or the task
fails: a `winnow` that dies, exits with an error, stops before the end of its
input, or writes a cut line fails the task (Spark then runs it again, and
its committer keeps only one attempt's output). An input that cannot be
opened at all is one error record, as `winnow batch` makes for a path:
`missing-file`, `unreadable`; a file of zero bytes is one `empty-input`
error record (it holds no record at all, most often a failed copy).
"""
import ctypes
import gc
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass

from winnow_inputs import open_input

# The provenance keys every `winnow batch` record starts with, in its order.
PROVENANCE_KEYS = ("input", "line", "offset", "warc_record_id", "target_uri", "warc_date")

# How much of a remote input is copied into winnow's pipe at a time: large
# enough that the copy costs nothing next to cleaning, small enough to hold.
COPY_CHUNK_BYTES = 1 << 20

# winnow's output is read up to READ_BYTES at a time and handed on in pieces
# of whole lines of about LINES_CHUNK_BYTES (more for a longer line): the
# memory a task holds, whatever the input's size.
READ_BYTES = 1 << 20
LINES_CHUNK_BYTES = 4 << 20

# The last lines of winnow's standard error quoted in a task error.
STDERR_TAIL_LINES = 5

# The environment variable that injects a fault, for the tests only (see
# `Fault`). The driver reads it and hands it to the tasks, so it reaches
# executors however they are started.
FAULT_VARIABLE = "WINNOW_SPARK_TEST_FAULT"


class WinnowTaskError(RuntimeError):
    """The task cannot give every record of its input; Spark fails it."""


@dataclass(frozen=True)
class TaskSettings:
    """What every task needs, sent from the driver with the task."""

    # --winnow: a path present on every node, or a bare name: a file shipped
    # with `spark-submit --files`, else a program on the executor's PATH.
    winnow: str
    # `winnow batch` options passed through (--max-bytes, --no-comments, ...).
    batch_arguments: tuple = ()
    # `winnow batch --jobs`; None: the CPUs Spark gives a task (spark.task.cpus).
    jobs: int = None
    # Test-only fault, `ACTION:NAME` (see `Fault`); None in real runs.
    fault: str = None


@dataclass(frozen=True)
class Fault:
    """A fault injected in tests, named by `WINNOW_SPARK_TEST_FAULT=ACTION:NAME`,
    where NAME is an input's file name:

    - `fail-once`: the task raises once it has handed on the input's first
      lines (its first piece, see LINES_CHUNK_BYTES), in its first attempt
      only (Spark retries it);
    - `kill-once`: the input's `winnow` process is killed (SIGKILL) as soon
      as it has started, in the task's first attempt only (killed after
      its first record instead, a `winnow` that has already written all
      of a small input's records and exited would not notice: a race the
      tests lost);
    - `kill`: the same in every attempt (the job fails).
    """

    action: str
    name: str

    ACTIONS = ("fail-once", "kill-once", "kill")

    @staticmethod
    def parse(text):
        if not text:
            return None
        action, _, name = text.partition(":")
        if action not in Fault.ACTIONS or not name:
            raise ValueError(f"{FAULT_VARIABLE}={text!r}: expected ACTION:NAME with ACTION one of {', '.join(Fault.ACTIONS)}")
        return Fault(action, name)

    def applies(self, action, uri, attempt):
        if self.action != action or os.path.basename(uri) != self.name:
            return False
        return attempt == 0 or not action.endswith("-once")


def error_record(uri, kind, message):
    """A record in `winnow batch`'s error form, for an input the task could
    not hand to winnow at all."""
    record = dict.fromkeys(PROVENANCE_KEYS)
    record["input"] = uri
    # As winnow writes an error record: `fields` (a JSON Lines record's
    # other members) is null for an input that is not JSON Lines, and the
    # batch-record schema requires the key.
    record["fields"] = None
    record["error"] = {"kind": kind, "message": message}
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def resolve_winnow(spec):
    """The `winnow` binary on this node, or a WinnowTaskError saying why not."""
    host = socket.gethostname()
    shipped = None
    if os.sep in spec:
        candidates = [spec]
        where = "at that path"
    else:
        shipped = _shipped_file(spec)
        candidates = [path for path in (shipped, shutil.which(spec)) if path]
        where = "among the files shipped with spark-submit --files, nor on PATH"
    for candidate in candidates:
        if not os.path.isfile(candidate):
            continue
        if not os.access(candidate, os.X_OK) and candidate == shipped:
            # A shipped copy is the task's own; some cluster managers
            # localize it without its mode bits.
            try:
                os.chmod(candidate, os.stat(candidate).st_mode | 0o111)
            except OSError:
                pass
        if not os.access(candidate, os.X_OK):
            raise WinnowTaskError(f"winnow binary {candidate} is not executable on executor host {host}")
        return candidate
    raise WinnowTaskError(
        f"winnow binary {spec!r} not found on executor host {host} ({where}); give --winnow /path/present/on/every/node "
        "or ship it with spark-submit --files /path/to/winnow")


def _shipped_file(name):
    """A file shipped with `spark-submit --files` (or SparkContext.addFile),
    by its bare name."""
    try:
        from pyspark import SparkFiles

        path = os.path.join(SparkFiles.getRootDirectory(), name)
    except Exception:  # no SparkContext here (a unit test): nothing shipped
        return None
    return path if os.path.exists(path) else None


def _task_attempt_and_cpus():
    from pyspark import TaskContext

    context = TaskContext.get()
    if context is None:
        return 0, 1
    return context.attemptNumber(), context.cpus()


def _kill_with_parent():
    """Runs in the child between fork and exec: if the Python worker dies
    (Spark kills a task, a speculative copy loses), winnow dies with it
    instead of cleaning for nobody. Linux only; elsewhere a no-op."""
    if _PRCTL is not None:
        _PRCTL(_PR_SET_PDEATHSIG, signal.SIGKILL)


_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
try:
    # Looked up before any fork: the child only calls it.
    _PRCTL = ctypes.CDLL(None, use_errno=True).prctl
except (OSError, AttributeError):
    _PRCTL = None


class _Feeder(threading.Thread):
    """Copies a remote input into winnow's standard input."""

    def __init__(self, source, sink):
        super().__init__(name="winnow-feeder", daemon=True)
        self.source = source
        self.sink = sink
        self.copied = 0
        self.error = None
        self.broken_pipe = False

    def run(self):
        try:
            while True:
                chunk = self.source.read(COPY_CHUNK_BYTES)
                if not chunk:
                    break
                self.sink.write(chunk)
                self.copied += len(chunk)
        except BrokenPipeError:
            # winnow stopped reading; its exit status says why.
            self.broken_pipe = True
        except BaseException as error:  # a read error: the task must fail, not end short
            self.error = error
        finally:
            try:
                self.sink.close()
            except OSError:
                self.broken_pipe = True


class InputCleaner:
    """Runs `winnow batch` over one input after another, adding each input's
    counts to `counts` (a Spark accumulator, see winnow_counts) once its
    records are all out."""

    def __init__(self, settings, counts):
        self.settings = settings
        self.counts = counts
        self.fault = Fault.parse(settings.fault)

    def clean(self, uri):
        """The input's records, as JSON lines (str) without their newline."""
        for chunk in self.clean_chunks(uri):
            yield from chunk[:-1].decode("utf-8").split("\n")

    def clean_chunks(self, uri):
        """The input's records as JSON lines (bytes, as winnow wrote them,
        each with its newline), about LINES_CHUNK_BYTES of whole lines at a
        time."""
        try:
            opened = open_input(uri)
        except FileNotFoundError:
            yield self._failed_input(uri, "missing-file", f"{uri}: no such file")
            return
        except (PermissionError, IsADirectoryError) as error:
            yield self._failed_input(uri, "unreadable", f"{uri}: cannot be read: {error.strerror or error}")
            return
        try:
            if opened.size == 0:
                yield self._failed_input(uri, "empty-input", f"{uri}: the file is empty (0 bytes)")
                return
            yield from self._run(uri, opened)
        finally:
            opened.close()

    def _faulted(self, actions, uri, attempt):
        return self.fault is not None and any(self.fault.applies(action, uri, attempt) for action in actions)

    def _failed_input(self, uri, kind, message):
        self.counts.add({"inputs": 1, "pages": 1, "errors": 1, "errors_by_kind": {kind: 1}})
        return error_record(uri, kind, message).encode("utf-8") + b"\n"

    def _run(self, uri, opened):
        binary = resolve_winnow(self.settings.winnow)
        attempt, cpus = _task_attempt_and_cpus()
        jobs = self.settings.jobs or cpus
        with tempfile.TemporaryDirectory(prefix="winnow-spark-") as scratch:
            stats_path = os.path.join(scratch, "stats.json")
            with open(os.path.join(scratch, "stderr.txt"), "w+b") as stderr:
                command = [
                    binary, "batch", "-", "--input-name", uri, "--stats", stats_path,
                    # Failed records are records: only a failure to write
                    # the output makes winnow exit 1.
                    "--fail-on-error", "never", "--jobs", str(jobs), *self.settings.batch_arguments,
                ]
                started = time.monotonic()
                started_at = time.time()
                try:
                    process = subprocess.Popen(
                        command, stdin=opened.descriptor if opened.stream is None else subprocess.PIPE,
                        stdout=subprocess.PIPE, stderr=stderr, close_fds=True, preexec_fn=_kill_with_parent)
                except OSError as error:
                    raise WinnowTaskError(
                        f"cannot start winnow ({binary}) on executor host {socket.gethostname()}: {error}") from None
                if self._faulted(("kill-once", "kill"), uri, attempt):
                    os.kill(process.pid, signal.SIGKILL)
                feeder = None
                if opened.stream is not None:
                    feeder = _Feeder(opened.stream, process.stdin)
                    feeder.start()
                records = 0
                cut_line = False
                try:
                    # winnow's output read in large pieces and cut into lines
                    # here, rather than a readline per record.
                    output = process.stdout.fileno()
                    pending = bytearray()
                    while True:
                        piece = os.read(output, READ_BYTES)
                        if piece:
                            pending += piece
                            if len(pending) < LINES_CHUNK_BYTES:
                                continue
                        end = pending.rfind(b"\n") + 1
                        if end:
                            chunk = bytes(pending[:end])
                            del pending[:end]
                            records += chunk.count(b"\n")
                            yield chunk
                            if self._faulted(("fail-once",), uri, attempt):
                                raise WinnowTaskError(f"injected fault ({FAULT_VARIABLE}): {uri}, attempt {attempt}")
                        if not piece:
                            cut_line = len(pending) > 0
                            break
                    process.stdout.close()
                    _, status, usage = os.wait4(process.pid, 0)
                    process.returncode = os.waitstatus_to_exitcode(status)
                finally:
                    if process.returncode is None:
                        # The task stopped early (an error, or Spark closed it).
                        process.kill()
                        process.wait()
                    if feeder is not None:
                        feeder.join()
                seconds = time.monotonic() - started
                stderr.seek(0)
                stderr_tail = stderr.read().decode("utf-8", "replace").strip().splitlines()[-STDERR_TAIL_LINES:]
            stats = self._check(uri, process.returncode, records, cut_line, feeder, opened, stats_path, stderr_tail)
        self.counts.add({
            "inputs": 1,
            "pages": stats["pages"],
            "articles": stats["articles"],
            "errors": stats["errors"],
            "errors_by_kind": stats["errors_by_kind"],
            "skipped": stats["skipped"],
            "skipped_by_reason": stats["skipped_by_reason"],
            "page_bytes": stats["page_bytes"],
            "input_bytes": stats["input_bytes"],
            # ru_maxrss is in KiB on Linux.
            "processes": [{"input": uri, "pages": stats["pages"], "seconds": round(seconds, 3),
                           "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 3),
                           "started_at": round(started_at, 3),
                           "peak_rss_mb": round(usage.ru_maxrss / 1024, 1)}],
        })

    @staticmethod
    def _check(uri, exit_code, records, cut_line, feeder, opened, stats_path, stderr_tail):
        """winnow's stats, once everything says the input was read to its end
        and every record was written; else the reason, as a task error."""
        host = socket.gethostname()
        said = (": " + " / ".join(stderr_tail)) if stderr_tail else ""
        if feeder is not None and feeder.error is not None:
            raise WinnowTaskError(f"{uri}: reading the input failed after {feeder.copied} bytes: {feeder.error}")
        if exit_code < 0:
            raise WinnowTaskError(
                f"{uri}: winnow was killed by signal {-exit_code} ({signal.Signals(-exit_code).name}) "
                f"on executor host {host} after {records} records")
        if exit_code != 0:
            raise WinnowTaskError(f"{uri}: winnow exited with status {exit_code} on executor host {host}{said}")
        if cut_line:
            raise WinnowTaskError(f"{uri}: winnow's output ends inside a record after {records} records")
        if feeder is not None and feeder.broken_pipe:
            raise WinnowTaskError(f"{uri}: winnow stopped reading its input after {feeder.copied} bytes")
        try:
            with open(stats_path) as file:
                stats = json.load(file)
        except (OSError, ValueError) as error:
            raise WinnowTaskError(f"{uri}: winnow left no statistics ({error}){said}") from None
        if stats.get("interrupted") or stats.get("unwritten"):
            raise WinnowTaskError(f"{uri}: winnow was interrupted ({stats.get('interrupted')}){said}")
        if stats["pages"] != records:
            raise WinnowTaskError(f"{uri}: winnow counted {stats['pages']} records but wrote {records}")
        if opened.size is not None and stats["input_bytes"] != opened.size:
            raise WinnowTaskError(f"{uri}: winnow read {stats['input_bytes']} of the input's {opened.size} bytes")
        return stats


def _lighten_worker():
    """Once in each Python worker (Spark reuses a worker for task after
    task), two costs PySpark's worker pays before every task made lighter.

    - `importlib.invalidate_caches()`: CPython 3.10 and 3.11 read the whole
      directory of every zip on sys.path again at each call (gh-103200,
      fixed in 3.12), and Spark's workers import pyspark and py4j from zips
      (pyspark.zip's 1220 entries): here a zip's directory is read again
      only when the zip file has changed.
    - `gc.collect()` after each task goes through every object the worker
      holds, pyspark's modules included: those loaded by now are moved out
      of the collector's way (`gc.freeze()`); they stay alive anyway."""
    global _WORKER_LIGHTENED
    if _WORKER_LIGHTENED:
        return
    _WORKER_LIGHTENED = True
    if (3, 10) <= sys.version_info[:2] < (3, 12):
        import zipimport

        for importer in list(sys.path_importer_cache.values()):
            if isinstance(importer, zipimport.zipimporter) and "invalidate_caches" not in vars(importer):
                importer.invalidate_caches = _invalidate_when_changed(importer)
    gc.collect()
    gc.freeze()


def _invalidate_when_changed(importer):
    reread = importer.invalidate_caches

    def stamp():
        try:
            status = os.stat(importer.archive)
        except OSError:
            return None
        return status.st_mtime_ns, status.st_size, status.st_ino

    read = stamp()

    def invalidate_caches():
        nonlocal read
        now = stamp()
        if now is None or now != read:
            read = now
            reread()

    return invalidate_caches


_WORKER_LIGHTENED = False


def clean_batches(settings, counts, inputs, output_format):
    """The function a Spark task runs (`mapInArrow`) over its share of
    `spark.range(len(inputs))`: each input's records as Arrow record batches
    of about LINES_CHUNK_BYTES of lines each: for `jsonl`, one string
    column, `value`, of the lines as winnow wrote them; for `parquet`, the
    records parsed into winnow_records.RECORD_SCHEMA's columns."""

    def clean(batches):
        import pyarrow

        from winnow_records import RecordFormatError, RecordParser

        _lighten_worker()
        schema = pyarrow.schema([pyarrow.field("value", pyarrow.string(), nullable=False)])
        parser = RecordParser() if output_format == "parquet" else None
        cleaner = InputCleaner(settings, counts)
        for batch in batches:
            for index in batch.column(0).to_pylist():
                uri = inputs[index]
                lines = 0
                for chunk in cleaner.clean_chunks(uri):
                    if parser is None:
                        # The cast checks that every line is UTF-8.
                        column = pyarrow.array(chunk[:-1].split(b"\n"), pyarrow.binary()).cast(pyarrow.string())
                        yield pyarrow.RecordBatch.from_arrays([column], schema=schema)
                        continue
                    try:
                        records = parser.parse(chunk)
                    except RecordFormatError as error:
                        raise WinnowTaskError(
                            f"{uri}: winnow's output does not fit the Parquet columns, after its line {lines}: {error}"
                        ) from None
                    lines += records.num_rows
                    yield records

    return clean
