import Foundation
import Winnow

/// The closing report: one line on standard error, and the same as JSON
/// for `--stats`.
struct BatchSummary {
    let counts: BatchCounters.Snapshot
    let elapsed: Double
    /// The signal that stopped the batch, if one did.
    let interruptedBy: Int32?
    /// Records read but not written because of the interrupt.
    let unwritten: Int

    var pagesPerSecond: Double { elapsed > 0 ? Double(counts.records) / elapsed : 0 }
    var megabytesPerSecond: Double { elapsed > 0 ? Double(counts.pageBytes) / 1_000_000 / elapsed : 0 }

    var line: String {
        var text = "batch: " + BatchSummary.counted(counts.records, "page") + ", " + BatchSummary.counted(counts.articles, "article")
        text += ", " + BatchSummary.counted(counts.errorCount, "error")
        text += BatchSummary.breakdown(counts.errors)
        text += ", \(counts.skippedCount) skipped" + BatchSummary.breakdown(counts.skipped)
        text += String(format: "; %.1f s, %.1f pages/s, %.2f MB/s", elapsed, pagesPerSecond, megabytesPerSecond)
        if let signal = interruptedBy {
            text += "; interrupted by \(BatchSummary.signalName(signal))"
            if unwritten > 0 { text += ", \(unwritten) records read but not written (run again with --resume)" }
        }
        return text
    }

    var json: String {
        func object(_ counts: [String: Int]) -> JSONValue {
            .object(counts.keys.sorted().map { ($0, .number(counts[$0]!)) })
        }
        // JSONValue has no fractions: the rates are written as JSON numbers
        // by hand, in the same key order as the summary line.
        let members: [(String, String)] = [
            ("pages", "\(counts.records)"),
            ("articles", "\(counts.articles)"),
            ("errors", "\(counts.errorCount)"),
            ("errors_by_kind", object(counts.errors).serialized()),
            ("skipped", "\(counts.skippedCount)"),
            ("skipped_by_reason", object(counts.skipped).serialized()),
            ("page_bytes", "\(counts.pageBytes)"),
            ("input_bytes", "\(counts.inputBytes)"),
            ("elapsed_seconds", String(format: "%.3f", elapsed)),
            ("pages_per_second", String(format: "%.2f", pagesPerSecond)),
            ("megabytes_per_second", String(format: "%.3f", megabytesPerSecond)),
            ("interrupted", interruptedBy.map { JSONValue.string(BatchSummary.signalName($0)).serialized() } ?? "null"),
            ("unwritten", "\(unwritten)"),
        ]
        return "{" + members.map { JSONValue.string($0.0).serialized() + ":" + $0.1 }.joined(separator: ",") + "}\n"
    }

    /// "1 page", "2 pages": a count and its noun, plural unless one.
    static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)" + (count == 1 ? "" : "s")
    }

    private static func breakdown(_ counts: [String: Int]) -> String {
        guard !counts.isEmpty else { return "" }
        return " (" + counts.keys.sorted().map { "\($0) \(counts[$0]!)" }.joined(separator: ", ") + ")"
    }

    static func signalName(_ signal: Int32) -> String {
        switch signal {
        case SIGINT: return "SIGINT"
        case SIGTERM: return "SIGTERM"
        default: return "signal \(signal)"
        }
    }
}
