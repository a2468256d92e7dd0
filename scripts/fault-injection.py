#!/usr/bin/env python3
"""Fault injection for `winnow batch`: the batch's one promise, every input
record yields exactly one output record, before and after `--resume`,
checked against damaged archives, kills and a full disk.

  python3 scripts/fault-injection.py [--winnow .build/release/winnow]
      [--records 2000] [--damage 100] [--kills 20] [--seed 1] [--jobs 2]

It writes an archive of RECORDS WARC response records (one gzip member
each, as crawlers write them, with a few request and image records among
them that yield no output) and cleans it once whole: the baseline. Then:

- DAMAGE random copies of the archive, each damaged one way (bytes flipped
  in one to three members, a member cut short, garbage between members,
  the file cut short). Each output must hold every record of an undamaged
  member exactly once, the same article as in the baseline; no two records
  may share an (input, line, offset) key or a record id. The output is
  then cut at a random point (whole lines, or half a line as a crash
  leaves it) and completed with --resume: it must come out byte-identical
  to the uncut output.
- KILLS runs of the whole archive killed at a random moment (SIGKILL, or
  SIGTERM, which stops them gracefully), to .jsonl or .jsonl.gz, then
  completed with --resume: byte-identical to the baseline (decompressed).
- A full output filesystem (a 256 KiB tmpfs when run as root, else
  /dev/full): exit 1 and "No space left on device", no crash; with room
  made (tmpfs), --resume completes the output.
- An unreadable input between two readable ones: one `unreadable` error
  record in its place, every other record there.

Prints one line per check and the totals; exits 1 if any record was lost
or duplicated or any output differed. The figures in docs/batch.md come
from the defaults. The same checks, seeded and smaller, run in `swift test`
(Tests/WinnowTests/CommandLine/BatchFaultInjectionTests.swift).
"""
import argparse
import gzip
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))


# MARK: - The archive

def page(index, rng):
    words = ["river", "council", "market", "station", "library", "harbour", "festival", "school", "bridge", "garden"]
    paragraphs = "".join(
        "<p>" + " ".join(rng.choice(words) for _ in range(rng.randint(30, 60))).capitalize()
        + f", as record {index} tells at length, with commas, clauses and a full stop.</p>"
        for _ in range(rng.randint(2, 5)))
    return (f"<!DOCTYPE html><html><head><title>Record {index}</title></head><body>"
            f"<nav><a href='/'>Home</a></nav><article><h1>Record {index}</h1>{paragraphs}</article>"
            f"<footer>Footer</footer></body></html>").encode()


def warc_record(kind, index, body, content_type="text/html; charset=utf-8"):
    record_id = f"<urn:uuid:{uuid.UUID(int=index + 1)}>"
    if kind == "response":
        block = (b"HTTP/1.1 200 OK\r\nContent-Type: " + content_type.encode() + b"\r\n"
                 + b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
        warc_type, block_type = "response", "application/http; msgtype=response"
    else:
        block = b"GET /" + str(index).encode() + b" HTTP/1.1\r\nHost: example.com\r\n\r\n"
        warc_type, block_type = "request", "application/http; msgtype=request"
    header = (f"WARC/1.1\r\nWARC-Type: {warc_type}\r\nWARC-Record-ID: {record_id}\r\n"
              f"WARC-Date: 2024-01-01T00:00:00Z\r\nWARC-Target-URI: http://example.com/{index}\r\n"
              f"Content-Type: {block_type}\r\nContent-Length: {len(block)}\r\n\r\n").encode()
    return record_id, header + block + b"\r\n\r\n"


def make_archive(count, rng):
    """The members, and for each the id of the page record it holds (None
    for a record that yields no output: a request, an image)."""
    members, ids = [], []
    for index in range(count):
        if index % 97 == 13:
            record_id, data = warc_record("request", index, b"")
            record_id = None
        elif index % 89 == 7:
            _, data = warc_record("response", index, b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png")
            record_id = None
        else:
            record_id, data = warc_record("response", index, page(index, rng))
        members.append(gzip.compress(data, compresslevel=6, mtime=0))
        ids.append(record_id)
    return members, ids


# MARK: - Running winnow

class Winnow:
    def __init__(self, binary, jobs):
        self.binary = binary
        self.jobs = jobs

    def args(self, inputs, output, resume=False):
        args = [self.binary, "batch", *inputs, "-o", output, "--jobs", str(self.jobs)]
        return args + (["--resume"] if resume else [])

    def run(self, inputs, output, resume=False, timeout=600):
        done = subprocess.run(self.args(inputs, output, resume), capture_output=True, timeout=timeout)
        return done.returncode, done.stderr.decode(errors="replace")


def text(path):
    with open(path, "rb") as f:
        data = f.read()
    if path.endswith(".gz"):
        data = gzip.decompress(data)
    return data


def records(data):
    lines = data.split(b"\n")
    assert lines[-1] == b"", "the output does not end with a whole line"
    return [json.loads(line) for line in lines[:-1]]


def article(record):
    """A record without the members damage may shift (offset) or that say
    where it came from: the article itself."""
    return {key: value for key, value in record.items() if key not in ("offset", "input")}


# MARK: - Checks

class Tally:
    def __init__(self):
        self.lost = self.duplicated = self.differing = self.failures = 0
        self.checks = 0

    def report(self, name, lost=0, duplicated=0, differing=0, problem=None):
        self.checks += 1
        self.lost += lost
        self.duplicated += duplicated
        self.differing += differing
        failed = lost or duplicated or differing or problem
        if failed:
            self.failures += 1
        verdict = "FAIL" if failed else "ok  "
        detail = f"lost {lost}, duplicated {duplicated}, differing {differing}"
        print(f"{verdict} {name}: {detail}" + (f"; {problem}" if problem else ""), flush=True)


def check_output(out_records, intact_ids, baseline_by_id):
    """Lost, duplicated and differing records of one output."""
    keys = [(r["input"], r["line"], r["offset"]) for r in out_records]
    duplicated = len(keys) - len(set(keys))
    seen = {}
    for record in out_records:
        if record.get("warc_record_id"):
            seen.setdefault(record["warc_record_id"], []).append(record)
    duplicated += sum(len(found) - 1 for found in seen.values() if len(found) > 1)
    lost = sum(1 for record_id in intact_ids if record_id not in seen)
    differing = sum(1 for record_id in intact_ids
                    if record_id in seen and article(seen[record_id][0]) != baseline_by_id[record_id])
    return lost, duplicated, differing


def damage(members, rng):
    """A damaged copy: its bytes, the members it hit, and how."""
    members = [bytearray(m) for m in members]
    kind = rng.choice(["flip", "flip", "cut-member", "garbage", "cut-file"])
    hit = set()
    if kind == "flip":
        for _ in range(rng.randint(1, 3)):
            index = rng.randrange(len(members))
            members[index][rng.randrange(len(members[index]))] ^= rng.randint(1, 255)
            hit.add(index)
        data = b"".join(members)
    elif kind == "cut-member":
        index = rng.randrange(len(members) - 1)
        cut = rng.randint(1, len(members[index]) - 1)
        del members[index][len(members[index]) - cut:]
        hit.add(index)
        data = b"".join(members)
    elif kind == "garbage":
        index = rng.randrange(1, len(members))
        garbage = bytes(rng.randrange(256) for _ in range(rng.randint(1, 5000)))
        data = b"".join(members[:index]) + garbage + b"".join(members[index:])
    else:
        total = sum(len(m) for m in members)
        cut = rng.randrange(total // 2, total)
        data = b"".join(members)[:cut]
        start = 0
        for index, member in enumerate(members):
            if start + len(member) > cut:
                hit.update(range(index, len(members)))
                break
            start += len(member)
    return bytes(data), hit, kind


def cut_output(path, rng):
    """Cuts an output as a crash would: at a line boundary, or half-way
    through a line."""
    with open(path, "rb") as f:
        data = f.read()
    ends = [i + 1 for i, byte in enumerate(data) if byte == 0x0A]
    if not ends:
        return
    end = rng.choice(ends[: max(1, len(ends) - 1)])
    if rng.random() < 0.5 and end < len(data):
        end += rng.randint(1, min(200, len(data) - end))
    with open(path, "wb") as f:
        f.write(data[:end])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--winnow", default=os.path.join(HERE, "..", ".build", "release", "winnow"))
    parser.add_argument("--records", type=int, default=2000)
    parser.add_argument("--damage", type=int, default=100)
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    winnow = Winnow(os.path.abspath(args.winnow), args.jobs)
    work = tempfile.mkdtemp(prefix="winnow-faults-")
    tally = Tally()
    try:
        members, ids = make_archive(args.records, rng)
        archive = os.path.join(work, "archive.warc.gz")
        with open(archive, "wb") as f:
            f.write(b"".join(members))
        pages = [i for i in ids if i]
        baseline_path = os.path.join(work, "baseline.jsonl")
        started = time.monotonic()
        status, stderr = winnow.run([archive], baseline_path)
        duration = time.monotonic() - started
        baseline = records(text(baseline_path))
        baseline_by_id = {r["warc_record_id"]: article(r) for r in baseline}
        problem = None if status == 0 and len(baseline) == len(pages) else f"exit {status}: {stderr[-300:]}"
        print(f"archive: {args.records} records ({len(pages)} pages) in {len(members)} gzip members, "
              f"{os.path.getsize(archive)} bytes; baseline {len(baseline)} records in {duration:.1f} s")
        tally.report("baseline", lost=len(pages) - len(baseline), problem=problem)

        # Damaged archives, then --resume of a cut output.
        for round_ in range(args.damage):
            data, hit, kind = damage(members, rng)
            path = os.path.join(work, "damaged.warc.gz")
            with open(path, "wb") as f:
                f.write(data)
            intact = [ids[i] for i in range(len(members)) if ids[i] and i not in hit]
            out = os.path.join(work, "damaged.jsonl")
            status, stderr = winnow.run([path], out)
            full = text(out)
            lost, duplicated, differing = check_output(records(full), intact, baseline_by_id)
            problem = None if status in (0, 1) else f"exit {status}: {stderr[-300:]}"
            cut_output(out, rng)
            status, stderr = winnow.run([path], out, resume=True)
            if text(out) != full:
                problem = (problem or "") + f" --resume gave a different output (exit {status})"
            tally.report(f"damage {round_ + 1:3d} ({kind}, members {sorted(hit)[:3]}"
                         + ("…" if len(hit) > 3 else "") + ")", lost, duplicated, differing, problem)

        # Kills at random moments, then --resume.
        expected = text(baseline_path)
        for round_ in range(args.kills):
            gz = round_ % 2 == 1
            out = os.path.join(work, "killed.jsonl" + (".gz" if gz else ""))
            if os.path.exists(out):
                os.remove(out)
            how = signal.SIGTERM if round_ % 4 == 3 else signal.SIGKILL
            delay = rng.uniform(0.05, 0.95) * duration
            process = subprocess.Popen(winnow.args([archive], out), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            time.sleep(delay)
            process.send_signal(how)
            _, killed_err = process.communicate(timeout=600)
            killed_status = process.returncode
            problem = None
            if how == signal.SIGTERM and killed_status not in (0, 143):
                problem = f"SIGTERM gave exit {killed_status}: {killed_err.decode(errors='replace')[-300:]}"
            status, stderr = winnow.run([archive], out, resume=True)
            final = text(out)
            out_records = records(final)
            lost, duplicated, differing = check_output(out_records, pages, baseline_by_id)
            if final != expected:
                problem = (problem or "") + f" the resumed output is not the baseline (exit {status})"
            tally.report(f"kill {round_ + 1:2d} ({signal.Signals(how).name} after {delay:.2f} s, "
                         f"{'.jsonl.gz' if gz else '.jsonl'})", lost, duplicated, differing, problem)

        # A full output filesystem.
        mount_point = os.path.join(work, "full")
        os.makedirs(mount_point)
        mounted = os.geteuid() == 0 and subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", mount_point], capture_output=True).returncode == 0
        try:
            out = os.path.join(mount_point, "out.jsonl") if mounted else "/dev/full"
            status, stderr = winnow.run([archive], out)
            problem = None
            if status != 1 or "No space left on device" not in stderr:
                problem = f"exit {status}: {stderr[-300:]}"
            lost = 0
            if mounted:
                roomy = os.path.join(work, "roomy.jsonl")
                shutil.copyfile(out, roomy)
                status, stderr = winnow.run([archive], roomy, resume=True)
                if text(roomy) != expected:
                    problem = (problem or "") + f" --resume after the full disk differs (exit {status})"
                lost = len(pages) - len(records(text(roomy)))
            tally.report(f"full output filesystem ({'a 256 KiB tmpfs' if mounted else '/dev/full'})", lost=lost,
                         problem=problem)
        finally:
            if mounted:
                subprocess.run(["umount", mount_point])

        # An unreadable input between two readable ones.
        half = len(members) // 2
        first, second = os.path.join(work, "first.warc.gz"), os.path.join(work, "second.warc.gz")
        with open(first, "wb") as f:
            f.write(b"".join(members[:half]))
        with open(second, "wb") as f:
            f.write(b"".join(members[half:]))
        unreadable = os.path.join(work, "unreadable.warc")
        # Reading a process's memory at offset 0 fails (EIO), even for root.
        os.symlink("/proc/self/mem", unreadable)
        out = os.path.join(work, "mixed.jsonl")
        status, stderr = winnow.run([first, unreadable, second], out)
        out_records = records(text(out))
        lost, duplicated, differing = check_output(out_records, pages, baseline_by_id)
        errors = [r for r in out_records if r.get("error")]
        problem = None
        if status != 1 or [e["error"]["kind"] for e in errors] != ["unreadable"] or errors[0]["input"] != unreadable:
            problem = f"exit {status}, errors {[e['error'] for e in errors]}"
        tally.report("an unreadable input between two readable ones", lost, duplicated, differing, problem)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print(f"{tally.checks} checks, {tally.failures} failed: {tally.lost} records lost, "
          f"{tally.duplicated} duplicated, {tally.differing} differing from the baseline")
    sys.exit(1 if tally.failures else 0)


if __name__ == "__main__":
    main()
