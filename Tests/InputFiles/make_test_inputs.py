#!/usr/bin/env python3
"""Writes the small WARC and JSON Lines inputs the batch tests read.

WARC records are written by warcio (pip install warcio), an implementation
independent of Winnow's reader; the damaged variants are made by cutting or
splicing warcio's own bytes. Run from anywhere: files land beside this
script. The outputs are committed; warcio is not needed to run the tests.
"""
import gzip
import io
import json
import os
import zlib

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = os.path.dirname(os.path.abspath(__file__))


def article(title, words):
    paragraphs = "".join(
        f"<p>{words} Paragraph {n} tells the story at length, with enough words to be read as prose "
        f"by the scorer, not as a caption or a link.</p>"
        for n in range(1, 5)
    )
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title></head><body>"
        f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>{title}</h1>{paragraphs}</article>"
        f"<footer>Copyright Example</footer></body></html>"
    )


def chunked(data, size=100):
    out = b""
    for i in range(0, len(data), size):
        piece = data[i : i + size]
        out += b"%x\r\n" % len(piece) + piece + b"\r\n"
    return out + b"0\r\n\r\n"


def records(writer):
    """The records of the good archive, in order."""
    def response(uri, body, headers, status="200 OK"):
        http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
        return writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=http)

    yield writer.create_warcinfo_record("pages.warc", {"software": "warcio", "format": "WARC File Format 1.1"})
    yield writer.create_warc_record(
        "http://example.com/plain",
        "request",
        payload=io.BytesIO(b""),
        http_headers=StatusAndHeaders("GET /plain HTTP/1.1", [("Host", "example.com")], is_http_request=True),
    )
    yield response(
        "http://example.com/plain",
        article("Plain page", "Plain").encode(),
        [("Content-Type", "text/html; charset=utf-8")],
    )
    # Latin-1 bytes, the charset only in the HTTP header.
    yield response(
        "http://example.com/latin1",
        article("Caf\u00e9 cr\u00e8me", "D\u00e9j\u00e0 vu").encode("latin-1"),
        [("Content-Type", "text/html; charset=ISO-8859-1")],
    )
    yield response("http://example.com/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(40), [("Content-Type", "image/png")])
    yield response(
        "http://example.com/chunked",
        chunked(article("Chunked page", "Chunked").encode()),
        [("Content-Type", "text/html"), ("Transfer-Encoding", "chunked")],
    )
    yield response(
        "http://example.com/gzipped",
        gzip.compress(article("Gzipped page", "Gzipped").encode()),
        [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
    )
    yield response(
        "http://example.com/deflated",
        zlib.compress(article("Deflated page", "Deflated").encode()),
        [("Content-Type", "text/html"), ("Content-Encoding", "deflate")],
    )
    yield response(
        "http://example.com/missing",
        article("Not found", "Missing").encode(),
        [("Content-Type", "text/html")],
        status="404 Not Found",
    )
    yield writer.create_warc_record(
        "http://example.com/plain", "metadata", payload=io.BytesIO(b"outlink: http://example.com/\r\n"),
        warc_content_type="application/warc-fields",
    )
    yield response(
        "http://example.com/last",
        article("Last page", "Last").encode(),
        [("Content-Type", "text/html")],
    )


def write_archive(compress):
    """The good archive: one gzip member per record when compressed."""
    members = []
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compress, warc_version="WARC/1.1")
    for record in records(writer):
        start = buffer.tell()
        writer.write_record(record)
        members.append(buffer.getvalue()[start:])
    return members


def save(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def main():
    plain = write_archive(compress=False)
    packed = write_archive(compress=True)
    save("pages.warc", b"".join(plain))
    save("pages.warc.gz", b"".join(packed))

    # The last record cut in the middle of its block.
    save("truncated-last.warc", b"".join(plain[:-1]) + plain[-1][: len(plain[-1]) // 2])
    # The last gzip member cut short: a truncated .warc.gz.
    save("truncated-last.warc.gz", b"".join(packed[:-1]) + packed[-1][: len(packed[-1]) // 2])

    # Garbage between records, plain and between gzip members.
    junk = b"this is not a WARC record\r\nnor is this line\r\n"
    save("garbage.warc", b"".join(plain[:3]) + junk + b"".join(plain[3:]))
    save("garbage.warc.gz", b"".join(packed[:3]) + junk + b"".join(packed[3:]))

    # Content-Length too long on the plain page (its block swallows the
    # start of the next record) and too short on the chunked page.
    def relength(record, delta):
        head, _, rest = record.partition(b"\r\n\r\n")
        lines = head.split(b"\r\n")
        for i, line in enumerate(lines):
            if line.lower().startswith(b"content-length:"):
                lines[i] = b"Content-Length: %d" % (int(line.split(b":")[1]) + delta)
        return b"\r\n".join(lines) + b"\r\n\r\n" + rest

    wrong = list(plain)
    wrong[2] = relength(wrong[2], 200)
    wrong[5] = relength(wrong[5], -300)
    save("wrong-length.warc", b"".join(wrong))

    # A WARC header without Content-Length (the Latin-1 page).
    no_length = list(plain)
    head, _, rest = no_length[3].partition(b"\r\n\r\n")
    head = b"\r\n".join(l for l in head.split(b"\r\n") if not l.lower().startswith(b"content-length:"))
    no_length[3] = head + b"\r\n\r\n" + rest
    save("no-length.warc", b"".join(no_length))

    # JSON Lines: good lines, passthrough members, and bad lines.
    lines = [
        json.dumps({"id": 1, "url": "http://example.org/a", "html": article("First line", "First"), "tags": ["x", "y"]}),
        "this line is not JSON",
        json.dumps({"id": 3, "url": "http://example.org/c"}),
        "",
        json.dumps({"id": 5, "url": None, "html": article("Fifth line", "Fifth")}),
        json.dumps([1, 2, 3]),
        json.dumps({"id": 7, "url": "http://example.org/g", "html": 42}),
        json.dumps({"id": 8, "link": "http://example.org/h", "body": article("Other names", "Renamed")}),
    ]
    save("pages.jsonl", ("\n".join(lines) + "\n").encode())


if __name__ == "__main__":
    main()
