"""The job's parts that need no Spark: the Parquet schema against the record
schema, the records parsed into its columns, the counts' sums, the summary
line, the fault switch, the input listing's path rules and the task's checks
on a winnow run."""
import json
import os
import subprocess

import pytest
from conftest import REPOSITORY, input_file, winnow_binary
from winnow_counts import CountsParam, JobSummary
from winnow_inputs import _resolve, has_scheme, is_glob, is_record_file, open_input
from winnow_records import JSON_TEXT_COLUMNS, RECORD_SCHEMA, RecordFormatError, RecordParser
from winnow_task import Fault, InputCleaner, TaskSettings, WinnowTaskError, error_record, resolve_winnow


def schema_keys(name):
    with open(os.path.join(REPOSITORY, "schema", name)) as file:
        return list(json.load(file)["properties"])


def test_parquet_columns_are_the_record_keys_in_order():
    """One column per key a record can have: the batch record's provenance
    and error, the article's members, in the order winnow writes them."""
    record = schema_keys("winnow.batch-record-1.schema.json")
    article = schema_keys("winnow.article-1.schema.json")
    provenance = [key for key in record if key in ("input", "line", "offset", "warc_record_id", "target_uri",
                                                  "warc_date", "fields")]
    expected = provenance + article + ["error"]
    assert RECORD_SCHEMA.fieldNames() == expected
    assert set(record) <= set(expected)
    assert set(JSON_TEXT_COLUMNS) == {"fields", "blocks", "comments", "removed"}


def winnow_lines(*arguments):
    """`winnow batch ARGUMENTS` run directly: its output (bytes)."""
    return subprocess.run([winnow_binary(), "batch", "--jobs", "1", "--fail-on-error", "never", *arguments],
                          capture_output=True, check=True).stdout


def assert_parsed_as_written(output):
    """Each line's columns hold its values; the JSON text columns, the
    member's text exactly as winnow wrote it."""
    lines = output[:-1].split(b"\n")
    rows = RecordParser().parse(output).to_pylist()
    assert len(rows) == len(lines)
    for line, row in zip(lines, rows):
        record = json.loads(line)
        assert set(record) <= set(RECORD_SCHEMA.fieldNames())
        for name in RECORD_SCHEMA.fieldNames():
            if name in JSON_TEXT_COLUMNS and row[name] is not None:
                assert row[name].encode() in line
                assert json.loads(row[name]) == record[name], name
            else:
                assert row[name] == record.get(name), name


def test_records_parse_into_the_columns():
    """Every test input, articles and errors, with and without --explain
    (`removed`), and the task's own error records."""
    assert_parsed_as_written(winnow_lines(os.path.join(REPOSITORY, "Tests", "InputFiles")))
    assert_parsed_as_written(winnow_lines(os.path.join(REPOSITORY, "Tests", "InputFiles"), "--explain"))
    assert_parsed_as_written(error_record("s3a://b/x.warc", "missing-file", "no such file").encode() + b"\n")


def test_json_text_members_are_found_whatever_the_fields_hold(tmp_path):
    """A JSON Lines record's other members (`fields`) may have keys of any
    name, the cut members' names included, and any string may hold what
    looks like a key."""
    html = ('<html><head><title>T ,"blocks":[ ,"schema":"x"</title></head><body><article><h1>T</h1>'
            '<p>A paragraph with ,"comments":[] and ,"error":{"kind":"x"}} in it, long enough to be kept as the text '
            'of an article by the cleaner.</p><p>Another paragraph ,"removed":null}, and more words to be kept.</p>'
            '</article></body></html>')
    tricky = {"blocks": [1, {"schema": "s"}], "schema": "x", "comments": None, "removed": {"error": 1},
              "error": {"kind": "k", "message": "m"}, "fields": {"fields": 2}, "comment_count": "3", "text": ",\"x\":"}
    records = [
        {"url": "http://example.org/a", "html": html, **tricky},
        {"url": "http://example.org/b", "html": 42, **tricky},
        {"url": "http://example.org/c", **tricky},
        {"url": "http://example.org/d", "html": html},
    ]
    path = tmp_path / "tricky.jsonl"
    path.write_text("\n".join(json.dumps(record, separators=(", ", ": ")) for record in records) + "\n")
    for options in ((), ("--explain",)):
        output = winnow_lines(str(path), *options)
        # Two error records (the one of a bad field with its fields null),
        # and two fields with an error member.
        assert output.count(b'"error":{') == 4
        assert_parsed_as_written(output)


def test_lines_that_do_not_fit_the_columns_fail():
    article = winnow_lines(input_file("pages.warc"))[:-1].split(b"\n")[0]
    parser = RecordParser()
    assert parser.parse(article + b"\n").num_rows == 1
    bad_lines = [
        # A key after a JSON text member would be cut out with it.
        article[:-1] + b',"unknown":[{}]}',
        article.replace(b',"comment_count":', b',"unknown":[{}],"comment_count":', 1),
        article.replace(b'"offset":', b'"offset":"', 1).replace(b',"warc_record_id"', b'","warc_record_id"', 1),
        article.replace(b',"blocks":[', b',"blocks":[1,', 1),
        article[:len(article) // 2],
        b"not JSON",
        article.replace(b'"title":"', b'"title":"\xff', 1),
    ]
    for line in bad_lines:
        with pytest.raises(RecordFormatError):
            parser.parse(line + b"\n")
    # Elsewhere, a key the schema does not have is left out (as from_json did).
    row = parser.parse(article.replace(b',"title":', b',"unknown":[{}],"title":', 1) + b"\n").to_pylist()[0]
    assert row == parser.parse(article + b"\n").to_pylist()[0]


def test_counts_add_up():
    param = CountsParam()
    total = param.zero({})
    total = param.addInPlace(total, {"pages": 2, "errors_by_kind": {"bad-json": 1}, "processes": [{"input": "a"}]})
    total = param.addInPlace(total, {"pages": 3, "errors_by_kind": {"bad-json": 2, "warc-garbage": 1},
                                     "processes": [{"input": "b"}]})
    assert total == {"pages": 5, "errors_by_kind": {"bad-json": 3, "warc-garbage": 1},
                     "processes": [{"input": "a"}, {"input": "b"}]}


def test_summary_line():
    counts = {"inputs": 2, "pages": 10, "articles": 7, "errors": 3, "errors_by_kind": {"warc-garbage": 1, "bad-json": 2},
              "skipped": 4, "skipped_by_reason": {"not-html": 4}, "page_bytes": 2_000_000, "input_bytes": 10,
              "processes": [{"input": "b", "peak_rss_mb": 50.0}, {"input": "a", "peak_rss_mb": 40.5}]}
    summary = JobSummary(counts, elapsed=2.0, startup=5.0, output="out", output_format="parquet")
    assert summary.line == (
        "winnow-spark: 2 inputs, 14 records in: 10 pages, 7 articles, 3 errors (bad-json 2, warc-garbage 1), "
        "4 skipped (not-html 4); 2.0 s, 5.0 pages/s, 1.00 MB/s (after Spark's start-up, 5.0 s); "
        "2 winnow processes, peak RSS 40.5-50.0 MB; parquet in out")
    assert json.loads(summary.json)["processes"][0]["input"] == "a"


def test_fault_switch():
    assert Fault.parse(None) is None
    fault = Fault.parse("fail-once:pages.warc.gz")
    assert fault.applies("fail-once", "/data/pages.warc.gz", attempt=0)
    assert not fault.applies("fail-once", "/data/pages.warc.gz", attempt=1)
    assert not fault.applies("fail-once", "/data/pages.warc", attempt=0)
    assert Fault.parse("kill:x.warc").applies("kill", "s3a://b/x.warc", attempt=3)
    with pytest.raises(ValueError):
        Fault.parse("explode:x.warc")


def test_input_names_and_paths():
    assert is_record_file("s3a://b/CC-MAIN-1.warc.gz") and is_record_file("a.JSONL") and not is_record_file("warc.paths")
    assert is_glob("/d/*.warc.gz") and not is_glob("/d/a.warc.gz")
    assert has_scheme("s3a://b/k") and has_scheme("file:/x") and not has_scheme("/x") and not has_scheme("c:/x")
    assert _resolve("crawl-data/a.warc.gz", "s3a://commoncrawl/") == "s3a://commoncrawl/crawl-data/a.warc.gz"
    assert _resolve("sub/a.warc", "/data") == "/data/sub/a.warc"
    assert _resolve("/abs/a.warc", "/data") == "/abs/a.warc"
    assert _resolve("hdfs://n/a.warc", "/data") == "hdfs://n/a.warc"


def test_error_record_has_the_batch_record_keys():
    record = json.loads(error_record("s3a://b/x.warc.gz", "missing-file", "s3a://b/x.warc.gz: no such file"))
    assert list(record) == ["input", "line", "offset", "warc_record_id", "target_uri", "warc_date", "fields", "error"]
    assert record["fields"] is None
    assert record["error"] == {"kind": "missing-file", "message": "s3a://b/x.warc.gz: no such file"}


def test_error_record_holds_what_the_batch_record_schema_requires():
    """The task's own error records (inputs it could not hand to winnow)
    are batch records like winnow's: every key the schema requires, no key
    it does not know, and an error kind from its list."""
    with open(os.path.join(REPOSITORY, "schema", "winnow.batch-record-1.schema.json")) as file:
        schema = json.load(file)
    kinds = schema["properties"]["error"]["properties"]["kind"]["enum"]
    for kind in ("missing-file", "unreadable", "empty-input"):
        record = json.loads(error_record("/data/x.warc.gz", kind, "/data/x.warc.gz: failed"))
        assert set(schema["required"]) <= set(record)
        assert set(record) <= set(schema["properties"])
        assert record["error"]["kind"] in kinds


def test_error_record_is_written_as_winnow_writes_one():
    """The same bytes as winnow's error record for the same provenance, so
    a reader of the output (and the Parquet route's parser) sees one form."""
    completed = subprocess.run([winnow_binary(), "batch", "-"], input=b"notjson\n", capture_output=True, check=False)
    written = json.loads(completed.stdout.decode("utf-8").splitlines()[0])
    made = json.loads(error_record("<stdin>", "bad-json", "x"))
    assert written["error"]["kind"] == "bad-json"
    assert list(made) == list(written)
    assert made["fields"] is None and written["fields"] is None


def test_resolve_winnow(tmp_path, monkeypatch):
    assert resolve_winnow(winnow_binary()) == winnow_binary()
    with pytest.raises(WinnowTaskError, match="not found on executor host"):
        resolve_winnow(str(tmp_path / "winnow"))
    monkeypatch.setenv("PATH", os.path.dirname(winnow_binary()))
    assert resolve_winnow("winnow") == os.path.join(os.path.dirname(winnow_binary()), "winnow")


class Counts:
    """Stands in for the accumulator."""

    def __init__(self):
        self.added = []

    def add(self, value):
        self.added.append(value)


def test_task_checks_catch_a_short_run(tmp_path):
    """A winnow that exits 0 but read only part of its input (a stand-in
    script here) fails the task instead of giving a short output."""
    fake = tmp_path / "winnow"
    fake.write_text(
        "#!/bin/sh\n"
        "# reads nothing, writes one record and stats saying one page\n"
        "stats=$(echo \"$@\" | sed 's/.*--stats \\([^ ]*\\).*/\\1/')\n"
        "echo '{\"input\":\"x\"}'\n"
        "printf '{\"pages\":1,\"articles\":1,\"errors\":0,\"errors_by_kind\":{},\"skipped\":0,"
        "\"skipped_by_reason\":{},\"page_bytes\":1,\"input_bytes\":1,\"interrupted\":null,\"unwritten\":0}' > \"$stats\"\n")
    fake.chmod(0o755)
    cleaner = InputCleaner(TaskSettings(winnow=str(fake)), Counts())
    with pytest.raises(WinnowTaskError, match="winnow read 1 of the input's 5273 bytes"):
        list(cleaner.clean(input_file("pages.warc.gz")))
    assert cleaner.counts.added == []


def test_task_runs_winnow_once_per_input():
    counts = Counts()
    cleaner = InputCleaner(TaskSettings(winnow=winnow_binary()), counts)
    lines = list(cleaner.clean(input_file("pages.warc.gz")))
    direct = subprocess.run([winnow_binary(), "batch", input_file("pages.warc.gz"), "--jobs", "1"],
                            capture_output=True, check=True).stdout.decode().splitlines()
    assert lines == direct
    assert len(counts.added) == 1 and len(counts.added[0]["processes"]) == 1
    assert counts.added[0]["pages"] == len(lines)
    opened = open_input(input_file("pages.warc.gz"))
    assert opened.size == os.path.getsize(input_file("pages.warc.gz"))
    opened.close()
