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

The lines are parsed into those columns in the Python worker, with Arrow's
JSON reader (`RecordParser`), and reach the JVM as Arrow record batches of
the columns, which Spark's Parquet writer only encodes.
"""
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

# Parquet's dictionary encoding is left off for the columns whose values are
# most often each record's own and large: Parquet would hash every value
# before giving up its dictionary for them.
NO_DICTIONARY_COLUMNS = ("text", "blocks", "comments", "fields", "removed")

LINE_SCHEMA = StructType([StructField("value", StringType(), nullable=False)])


def lines_frame(spark, function, count, partitions):
    """A one-column frame (`value`) of the JSON lines `function`
    (winnow_task.clean_batches) gives over the indexes 0 to count - 1, cut
    into `partitions` tasks of consecutive indexes (`spark.range`, which
    needs no Python to make). The lines come from Python to the JVM as Arrow
    record batches (`mapInArrow`): UTF-8 bytes as winnow wrote them, without
    a Python string or a pickled row for each line."""
    return spark.range(0, count, 1, partitions).mapInArrow(function, LINE_SCHEMA)


def records_frame(spark, function, count, partitions):
    """The same for `function` giving the records parsed into
    RECORD_SCHEMA's columns (RecordParser)."""
    return spark.range(0, count, 1, partitions).mapInArrow(function, RECORD_SCHEMA)


def write_parquet(frame, mode, output):
    writer = frame.write.mode(mode)
    for name in NO_DICTIONARY_COLUMNS:
        writer = writer.option(f"parquet.enable.dictionary#{name}", "false")
    writer.parquet(output)


class RecordFormatError(ValueError):
    """A line that is not a record of RECORD_SCHEMA as winnow writes it."""


# The keys in front of the JSON text members (and of the error, which ends
# an error record), as winnow writes them: no space, in the record's order.
_FIELDS = b',"fields":'
_SCHEMA = b',"schema":'
_BLOCKS = b',"blocks":'
_COMMENT_COUNT = b',"comment_count":'
_COMMENTS = b',"comments":'
_REMOVED = b',"removed":'
_ERROR = b',"error":'
_NULL = b"null"
_NULL_THEN_SCHEMA = _NULL + _SCHEMA


class RecordParser:
    """Parses winnow's record lines into an Arrow record batch of
    RECORD_SCHEMA's columns, in the Python worker: Arrow's JSON reader (C++)
    for the columns that hold a value, and the JSON text members cut out of
    each line as they are, byte for byte.

    A JSON text member (`fields`, `blocks`, `comments`, `removed`) is found
    by the key in front of it, from the side of the line where no other key
    of that name can be: a string's quotes are escaped, so `,"blocks":` is a
    key, and the objects nested in an article (blocks, comments, removals;
    schema/winnow.article-1.schema.json) have no key of those names, while
    `fields` (any JSON Lines members) comes before all the others.

    Arrow's JSON reader then reads each line with every member it cut out
    put in brackets, `[VALUE]`: the bytes between two keys are one value
    only if that is still JSON (a key after the value, `[VALUE,"key":1]`,
    is not), and the columns' types are checked (`fields` an object or
    null, the others arrays of objects or null). A line that is not JSON,
    or a value of another type than its column's, fails the task, as
    `from_json` in FAILFAST mode did; a key the schema does not have is left
    out, as it did. The bytes must be UTF-8."""

    def __init__(self):
        import pyarrow
        from pyarrow import json as arrow_json
        from pyspark.sql.pandas.types import to_arrow_schema

        self._arrow = pyarrow
        self._json = arrow_json
        self.schema = to_arrow_schema(RECORD_SCHEMA)
        # Each member in brackets: a list of one object (`fields`) or of one
        # array of objects; an object's members are not read.
        objects = pyarrow.list_(pyarrow.struct([]))
        self._read_schema = pyarrow.schema([
            field if field.name not in JSON_TEXT_COLUMNS
            else pyarrow.field(field.name, objects if field.name == "fields" else pyarrow.list_(objects))
            for field in self.schema])

    def parse(self, chunk):
        """`chunk`: whole lines (bytes), each ending with a newline. Raises
        RecordFormatError."""
        pyarrow = self._arrow
        json = self._json
        try:
            # The bytes are UTF-8 (Arrow's JSON reader does not check).
            pyarrow.Array.from_buffers(
                pyarrow.binary(), 1,
                [None, pyarrow.array([0, len(chunk)], pyarrow.int32()).buffers()[1], pyarrow.py_buffer(chunk)]
            ).cast(pyarrow.string())
            bracketed, members, rows = _cut(chunk)
            table = json.read_json(
                pyarrow.BufferReader(pyarrow.py_buffer(bracketed)),
                # One block: a line never straddles two.
                read_options=json.ReadOptions(use_threads=False, block_size=len(bracketed) + 1),
                parse_options=json.ParseOptions(explicit_schema=self._read_schema, unexpected_field_behavior="ignore"))
        except pyarrow.ArrowInvalid as error:
            raise RecordFormatError(str(error)) from None
        if table.num_rows != rows:
            raise RecordFormatError(f"{rows} lines gave {table.num_rows} records")
        columns = []
        for field in self.schema:
            if field.name in JSON_TEXT_COLUMNS:
                columns.append(self._text_column(chunk, members[field.name], rows))
            else:
                columns.append(table.column(field.name).combine_chunks())
        return pyarrow.RecordBatch.from_arrays(columns, schema=self.schema)

    def _text_column(self, chunk, spans, rows):
        """A string column of the spans of `chunk` ((start, end) per row,
        None for a null)."""
        pyarrow = self._arrow
        view = memoryview(chunk)
        offsets = [0]
        valid = []
        pieces = []
        total = 0
        for span in spans:
            if span is not None:
                start, end = span
                pieces.append(view[start:end])
                total += end - start
            offsets.append(total)
            valid.append(span is not None)
        bitmap = None if all(valid) else pyarrow.array(valid, pyarrow.bool_()).buffers()[1]
        return pyarrow.Array.from_buffers(
            pyarrow.string(), rows,
            [bitmap, pyarrow.array(offsets, pyarrow.int32()).buffers()[1], pyarrow.py_buffer(b"".join(pieces))])


def _cut(chunk):
    """The lines of `chunk` with each JSON text member's value in brackets,
    the members' (start, end) in `chunk` by name (None for a null or a
    missing member), and the number of lines."""
    bracketed = []
    members = {name: [] for name in JSON_TEXT_COLUMNS}
    view = memoryview(chunk)
    rows = 0
    start = 0
    size = len(chunk)
    while start < size:
        end = chunk.index(b"\n", start)
        close = chunk.rfind(b"}", start, end)
        # (name, key, value start, value end), in the line's order.
        cuts = []
        fields = chunk.find(_FIELDS, start, end)
        if chunk.endswith(b"}}", start, end):
            # An error record: the error, two strings, closes the line (an
            # article ends with an array or null).
            error = chunk.rfind(_ERROR, start, end)
            if fields >= 0:
                cuts.append(("fields", fields, fields + len(_FIELDS), error))
        else:
            # Each key looked for from the right, over as little of the line
            # as its place allows.
            comments = chunk.rfind(_COMMENTS, start, end)
            removed = chunk.rfind(_REMOVED, comments, end) if comments >= 0 else -1
            count = chunk.rfind(_COMMENT_COUNT, start, comments) if comments >= 0 else -1
            blocks = chunk.rfind(_BLOCKS, start, count) if count >= 0 else -1
            if fields >= 0 and chunk.startswith(_NULL_THEN_SCHEMA, fields + len(_FIELDS)):
                schema = fields + len(_FIELDS) + len(_NULL)
            else:
                schema = chunk.rfind(_SCHEMA, start, blocks) if blocks >= 0 else -1
            if fields >= 0:
                cuts.append(("fields", fields, fields + len(_FIELDS), schema))
            if blocks >= 0:
                cuts.append(("blocks", blocks, blocks + len(_BLOCKS), count))
            if comments >= 0:
                cuts.append(("comments", comments, comments + len(_COMMENTS), removed if removed >= 0 else close))
            if removed >= 0:
                cuts.append(("removed", removed, removed + len(_REMOVED), close))
        line_members = dict.fromkeys(JSON_TEXT_COLUMNS)
        position = start
        for name, key, value_start, value_end in cuts:
            if not position <= key < value_start <= value_end <= close:
                raise RecordFormatError(f"line {rows + 1}: {name} is not where a winnow record has it")
            bracketed += (view[position:value_start], b"[", view[value_start:value_end], b"]")
            if not (value_end - value_start == len(_NULL) and chunk.startswith(_NULL, value_start)):
                line_members[name] = (value_start, value_end)
            position = value_end
        bracketed.append(view[position:end + 1])
        for name, span in line_members.items():
            members[name].append(span)
        rows += 1
        start = end + 1
    return b"".join(bracketed), members, rows
