"""Which files a job reads (on the driver) and how a task opens one (on an
executor).

The driver lists the inputs through Spark, so a manifest or a glob can live
on any file system Spark reads (local, hdfs://, s3a://, ...). A task opens
its input itself: a plain path is handed to `winnow batch` as its standard
input (the kernel reads it, no copy in Python); a URI with a scheme is read
through Arrow's file systems and streamed into a pipe.
"""
import os
import posixpath
from urllib.parse import urlparse

# What a manifest entry or a glob may name: the record files `winnow batch`
# reads from standard input (WARC and JSON Lines, plain or gzip).
INPUT_SUFFIXES = (".warc", ".warc.gz", ".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")

# Hadoop's glob syntax (`*`, `?`, `[...]`, `{a,b}`).
GLOB_CHARACTERS = "*?[{"

# Hadoop's S3 connectors name the scheme s3a:// (or the old s3n://); Arrow
# knows the same buckets as s3://.
ARROW_SCHEMES = {"s3a": "s3", "s3n": "s3", "gcs": "gs"}


class InputListingError(Exception):
    """The job cannot start: the manifest or glob names nothing to read."""


def has_scheme(uri):
    """True for `s3a://b/k`, `hdfs://n/p`, `file:/p`; false for a plain path."""
    scheme = urlparse(uri).scheme
    # A one-letter scheme is a Windows drive, not a URI.
    return len(scheme) > 1


def is_record_file(path):
    return path.lower().endswith(INPUT_SUFFIXES)


def is_glob(spec):
    return any(character in spec for character in GLOB_CHARACTERS)


def list_inputs(spark, spec, base=None):
    """The inputs `spec` names, in order, each once.

    `spec` is a glob or a single record file (told by its name: `.warc`,
    `.warc.gz`, `.jsonl`, ...), or else a manifest: a text file (gzip
    allowed, as Common Crawl's `warc.paths.gz`) with one path or URI a line;
    blank lines and lines starting `#` are skipped. A relative entry is
    taken relative to `base` (default: the manifest's folder).
    """
    if is_glob(spec) or is_record_file(spec):
        paths = _glob(spark, spec)
        if not paths:
            raise InputListingError(f"{spec}: no file matches")
        return paths
    entries = _read_manifest(spark, spec)
    if base is None:
        base = _parent(spec)
    inputs = []
    seen = set()
    for entry in entries:
        uri = _resolve(entry, base)
        # A file named twice would give its records twice.
        if uri in seen:
            continue
        seen.add(uri)
        inputs.append(uri)
    if not inputs:
        raise InputListingError(f"{spec}: the manifest names no input")
    return inputs


def _read_manifest(spark, manifest):
    from pyspark.errors import AnalysisException

    try:
        rows = spark.read.text(_spark_path(manifest)).collect()
    except AnalysisException as error:
        raise InputListingError(f"{manifest}: the manifest cannot be read ({_first_line(error)})") from None
    return [row.value.strip() for row in rows if row.value.strip() and not row.value.strip().startswith("#")]


def _glob(spark, spec):
    """Hadoop's glob, so it works on every file system Spark reads. Plain
    paths stay plain (absolute, so an executor's working folder does not
    matter); URIs stay URIs."""
    jvm = spark.sparkContext._jvm
    path = jvm.org.apache.hadoop.fs.Path(_spark_path(spec))
    filesystem = path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration())
    statuses = filesystem.globStatus(path) or []
    found = []
    for status in statuses:
        if status.isDirectory():
            continue
        uri = status.getPath().toString()
        found.append(uri if has_scheme(spec) else urlparse(uri).path)
    return sorted(found)


def _spark_path(spec):
    return spec if has_scheme(spec) else os.path.abspath(spec)


def _parent(manifest):
    if has_scheme(manifest):
        parsed = urlparse(manifest)
        return parsed._replace(path=posixpath.dirname(parsed.path)).geturl()
    return os.path.dirname(os.path.abspath(manifest))


def _resolve(entry, base):
    if has_scheme(entry) or os.path.isabs(entry):
        return entry
    if has_scheme(base):
        return base.rstrip("/") + "/" + entry
    return os.path.normpath(os.path.join(base, entry))


def _first_line(error):
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


class OpenedInput:
    """One input opened for reading: either a file descriptor `winnow`
    reads directly (`descriptor`), or a stream to copy into a pipe
    (`stream`, with `read(n)`)."""

    def __init__(self, descriptor=None, stream=None, size=None):
        self.descriptor = descriptor
        self.stream = stream
        self.size = size

    def close(self):
        if self.descriptor is not None:
            os.close(self.descriptor)
        if self.stream is not None:
            self.stream.close()


def open_input(uri):
    """Opens `uri` on an executor.

    A missing file raises FileNotFoundError, and a local file that cannot
    be read PermissionError or IsADirectoryError: the caller turns those into
    error records, as `winnow batch` does for a path. Any other failure (a
    network error, refused credentials) propagates, so the task fails and
    Spark tries it again.
    """
    if not has_scheme(uri):
        descriptor = os.open(uri, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
        info = os.fstat(descriptor)
        if not _is_regular(info):
            os.close(descriptor)
            raise IsADirectoryError(f"{uri}: not a regular file")
        return OpenedInput(descriptor=descriptor, size=info.st_size)
    from pyarrow import fs as arrow_fs

    parsed = urlparse(uri)
    arrow_uri = parsed._replace(scheme=ARROW_SCHEMES.get(parsed.scheme, parsed.scheme)).geturl()
    filesystem, path = arrow_fs.FileSystem.from_uri(arrow_uri)
    info = filesystem.get_file_info(path)
    if info.type == arrow_fs.FileType.NotFound:
        raise FileNotFoundError(f"{uri}: no such file")
    if info.type != arrow_fs.FileType.File:
        raise IsADirectoryError(f"{uri}: not a file")
    # compression=None: the bytes as stored. Arrow would otherwise undo gzip
    # by the name, and damage in a member would fail the whole read instead
    # of giving winnow's error record for that member.
    return OpenedInput(stream=filesystem.open_input_stream(path, compression=None), size=info.size)


def _is_regular(info):
    import stat

    return stat.S_ISREG(info.st_mode)
