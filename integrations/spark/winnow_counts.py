"""The job's counts, summed over its tasks with a Spark accumulator, and the
summary line printed at the end (the same counts, in the same order, as
`winnow batch` prints).

Spark adds a task's accumulator updates once, when the task succeeds: a
failed attempt's are dropped, and of a task's speculative copies only the
first to finish counts. So the sums count each committed record once.
"""
import json

from pyspark.accumulators import AccumulatorParam

COUNT_KEYS = ("inputs", "pages", "articles", "errors", "skipped", "page_bytes", "input_bytes")
BREAKDOWN_KEYS = ("errors_by_kind", "skipped_by_reason")


class CountsParam(AccumulatorParam):
    """Sums count dicts: numbers add, breakdowns add key by key, the
    per-process list grows."""

    def zero(self, value):
        return {}

    def addInPlace(self, total, more):
        for key, value in more.items():
            if isinstance(value, dict):
                breakdown = total.setdefault(key, {})
                for name, count in value.items():
                    breakdown[name] = breakdown.get(name, 0) + count
            elif isinstance(value, list):
                total.setdefault(key, []).extend(value)
            else:
                total[key] = total.get(key, 0) + value
        return total


def _breakdown(counts):
    if not counts:
        return ""
    return " (" + ", ".join(f"{name} {counts[name]}" for name in sorted(counts)) + ")"


class JobSummary:
    """The closing report: one line on standard error, the same as JSON
    for `--stats`."""

    def __init__(self, counts, elapsed, startup, output, output_format, started_at=None):
        self.counts = {key: counts.get(key, 0) for key in COUNT_KEYS}
        for key in BREAKDOWN_KEYS:
            self.counts[key] = dict(sorted(counts.get(key, {}).items()))
        self.processes = sorted(counts.get("processes", []), key=lambda process: process["input"])
        self.elapsed = elapsed
        self.startup = startup
        self.output = output
        self.output_format = output_format
        # The job's start (after Spark's), on the clock the processes'
        # `started_at` use, to draw its timeline.
        self.started_at = started_at

    @property
    def records_in(self):
        """Records read: each gives an output record or is skipped."""
        return self.counts["pages"] + self.counts["skipped"]

    @property
    def pages_per_second(self):
        return self.counts["pages"] / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def megabytes_per_second(self):
        return self.counts["page_bytes"] / 1e6 / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def line(self):
        counts = self.counts
        text = f"winnow-spark: {counts['inputs']} inputs, {self.records_in} records in: "
        text += f"{counts['pages']} pages, {counts['articles']} articles, {counts['errors']} errors"
        text += _breakdown(counts["errors_by_kind"])
        text += f", {counts['skipped']} skipped" + _breakdown(counts["skipped_by_reason"])
        text += f"; {self.elapsed:.1f} s, {self.pages_per_second:.1f} pages/s, {self.megabytes_per_second:.2f} MB/s"
        text += f" (after Spark's start-up, {self.startup:.1f} s)"
        if self.processes:
            peaks = [process["peak_rss_mb"] for process in self.processes]
            text += f"; {len(self.processes)} winnow processes, peak RSS {min(peaks):.1f}-{max(peaks):.1f} MB"
        text += f"; {self.output_format} in {self.output}"
        return text

    @property
    def json(self):
        return json.dumps({
            **self.counts,
            "records_in": self.records_in,
            "elapsed_seconds": round(self.elapsed, 3),
            "startup_seconds": round(self.startup, 3),
            "started_at": self.started_at and round(self.started_at, 3),
            "pages_per_second": round(self.pages_per_second, 2),
            "megabytes_per_second": round(self.megabytes_per_second, 3),
            "output": self.output,
            "format": self.output_format,
            "processes": self.processes,
        }, indent=1) + "\n"
