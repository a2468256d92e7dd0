#!/usr/bin/env python3
"""Packs the development set's pages into batch inputs, for the figures in
docs/batch.md ("Batch throughput and memory"):

  devset.warc.gz       every devset page once, a WARC response record each
                       (one gzip member per record, as crawlers write them)
  devset.jsonl         the same pages, one {"url", "html", "set", "id"} a line
  devset-5000.warc.gz  the devset repeated to 5 000 records
  devset-50000.warc.gz the devset repeated to 50 000 records
  big.warc.gz          (--big) a 2 GB .warc.gz: the devset pages, then 1 MiB
                       records of incompressible bytes (image/jpeg) up to the size

With --split N, only the devset split into N .warc.gz files instead, page
i in file i mod N so the files hold the same mix of sites
(split-N/devset-K-of-N.warc.gz), for the Spark job's figures in
docs/cluster.md.

Every devset page is packed: the page.html files and, unpacked, the 1086 wcxb
pages stored as page.html.gz (2079 pages, 468.6 MB of HTML). --plain-only
packs the page.html files alone: the 993 pages of the figures in
docs/batch.md, measured before the wcxb pages arrived.

Usage: python3 scripts/make-devset-inputs.py [--devset ../shared/devset]
           [--out /tmp/winnow-bench] [--big] [--split N] [--plain-only]
Nothing here is committed: the files are large, and this script remakes them.
"""
import argparse
import gzip
import json
import os
import uuid
import zlib


def warc_record(uri, body, content_type, index, date="2024-01-01T00:00:00Z"):
    http = (
        b"HTTP/1.1 200 OK\r\nContent-Type: " + content_type.encode() + b"\r\n"
        + b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n"
    )
    block = http + body
    record_id = uuid.uuid5(uuid.NAMESPACE_URL, f"{uri}#{index}")
    header = (
        "WARC/1.1\r\n"
        "WARC-Type: response\r\n"
        f"WARC-Record-ID: <urn:uuid:{record_id}>\r\n"
        f"WARC-Date: {date}\r\n"
        f"WARC-Target-URI: {uri}\r\n"
        "Content-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(block)}\r\n\r\n"
    ).encode()
    return header + block + b"\r\n\r\n"


def member(data, level=6):
    """One gzip member (a whole gzip stream) for one record."""
    compressor = zlib.compressobj(level, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    return compressor.compress(data) + compressor.flush()


def load(devset, plain_only=False):
    pages = []
    with open(os.path.join(devset, "index.jsonl")) as index:
        for line in index:
            row = json.loads(line)
            folder = os.path.join(devset, row["set"], row["id"])
            path = os.path.join(folder, "page.html")
            if os.path.exists(path):
                with open(path, "rb") as f:
                    html = f.read()
            elif plain_only:
                continue
            else:
                # Stored compressed: the page's exact bytes once inflated.
                with gzip.open(path + ".gz", "rb") as f:
                    html = f.read()
            url = row["url"] or f"http://devset.invalid/{row['set']}/{row['id']}"
            pages.append((row, url, html))
    return pages


def write_warc(path, pages, count):
    with open(path, "wb") as out:
        for n in range(count):
            row, url, html = pages[n % len(pages)]
            out.write(member(warc_record(url, html, "text/html", n)))


def main():
    parser = argparse.ArgumentParser()
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("--devset", default=os.path.join(here, "..", "..", "shared", "devset"))
    parser.add_argument("--out", default="/tmp/winnow-bench")
    parser.add_argument("--big", action="store_true", help="also write the 2 GB big.warc.gz")
    parser.add_argument("--split", type=int, metavar="N", help="only write the devset split into N .warc.gz files")
    parser.add_argument("--plain-only", action="store_true", help="only the pages stored as page.html (993)")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    pages = load(args.devset, plain_only=args.plain_only)
    total = sum(len(html) for _, _, html in pages)
    print(f"{len(pages)} pages, {total / 1e6:.1f} MB of HTML")

    if args.split:
        folder = os.path.join(args.out, f"split-{args.split}")
        os.makedirs(folder, exist_ok=True)
        for part in range(args.split):
            share = pages[part::args.split]
            path = os.path.join(folder, f"devset-{part + 1}-of-{args.split}.warc.gz")
            write_warc(path, share, len(share))
            html = sum(len(page[2]) for page in share)
            print(f"{path}: {len(share)} pages, {html / 1e6:.1f} MB of HTML, {os.path.getsize(path) / 1e6:.1f} MB")
        return

    write_warc(os.path.join(args.out, "devset.warc.gz"), pages, len(pages))
    with open(os.path.join(args.out, "devset.jsonl"), "w", encoding="utf-8") as out:
        for row, url, html in pages:
            # Pages are not all UTF-8: the bytes go through as Latin-1 code
            # points only when they are not valid UTF-8.
            try:
                text = html.decode("utf-8")
            except UnicodeDecodeError:
                text = html.decode("latin-1")
            out.write(json.dumps({"url": url, "html": text, "set": row["set"], "id": row["id"]}) + "\n")
    for count in (5000, 50000):
        write_warc(os.path.join(args.out, f"devset-{count}.warc.gz"), pages, count)

    if args.big:
        target = 2 * 1000 * 1000 * 1000
        path = os.path.join(args.out, "big.warc.gz")
        with open(path, "wb") as out:
            for n, (_, url, html) in enumerate(pages):
                out.write(member(warc_record(url, html, "text/html", n)))
            n = 0
            while out.tell() < target:
                body = os.urandom(1 << 20)
                out.write(member(warc_record(f"http://big.invalid/{n}.jpg", body, "image/jpeg", n), level=1))
                n += 1
        print(f"big.warc.gz: {os.path.getsize(path) / 1e9:.2f} GB, {len(pages)} pages and {n} image records")

    for name in sorted(os.listdir(args.out)):
        print(f"{name}: {os.path.getsize(os.path.join(args.out, name)) / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
