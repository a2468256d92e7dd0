"""The job's output: `winnow batch` records, one per input record, as JSON
Lines (each line exactly as winnow wrote it) or as Parquet.

Parquet has one column per top-level key of a record
(`schema/winnow.batch-record-1.schema.json`): the provenance, the article's
top fields flattened, and the error. The members that nest without a fixed
shape stay JSON text, as winnow wrote them: `blocks` (blocks of seven shapes),
`comments` (replies nest to any depth, which a Parquet schema cannot say),
`removed` (with --explain) and `fields` (a JSON Lines record's other members,
whatever they are). Spark's `from_json` with a schema (docs/cluster.md
gives the one for `blocks`), or any JSON reader, opens them.
"""
from pyspark.sql import functions
from pyspark.sql.types import ArrayType, LongType, StringType, StructField, StructType


def _text(name):
    return StructField(name, StringType(), nullable=True)


# Column order is the record's key order.
RECORD_SCHEMA = StructType([
    # Provenance: where the record came from.
    _text("input"),
    StructField("line", LongType(), nullable=True),
    StructField("offset", LongType(), nullable=True),
    _text("warc_record_id"),
    _text("target_uri"),
    _text("warc_date"),
    _text("fields"),
    # The article (null on an error record).
    _text("schema"),
    _text("url"),
    _text("canonical_url"),
    _text("title"),
    StructField("authors", ArrayType(StringType(), containsNull=False), nullable=True),
    _text("published"),
    _text("modified"),
    _text("site_name"),
    _text("language"),
    _text("description"),
    _text("page_type"),
    _text("text"),
    _text("blocks"),
    StructField("comment_count", LongType(), nullable=True),
    _text("comments"),
    _text("removed"),
    # The error (null on an article).
    StructField("error", StructType([_text("kind"), _text("message")]), nullable=True),
])

# The columns holding JSON text rather than a value.
JSON_TEXT_COLUMNS = ("fields", "blocks", "comments", "removed")

LINE_SCHEMA = StructType([StructField("value", StringType(), nullable=False)])


def lines_frame(spark, function, count, partitions):
    """A one-column frame (`value`) of the JSON lines `function`
    (winnow_task.clean_batches) gives over the indexes 0 to count - 1, cut
    into `partitions` tasks of consecutive indexes (`spark.range`, which
    needs no Python to make). The lines come from Python to the JVM as Arrow
    record batches (`mapInArrow`): UTF-8 bytes as winnow wrote them, without
    a Python string or a pickled row for each line."""
    return spark.range(0, count, 1, partitions).mapInArrow(function, LINE_SCHEMA)


def records_frame(lines):
    """The lines parsed into RECORD_SCHEMA's columns, in the JVM. A JSON
    array or object read into a string column keeps its JSON text. FAILFAST:
    a line that does not parse, or a value of another type than its column's,
    fails the task rather than becoming a row of nulls."""
    parsed = functions.from_json(functions.col("value"), RECORD_SCHEMA, {"mode": "FAILFAST"})
    return lines.select(parsed.alias("record")).select("record.*")
