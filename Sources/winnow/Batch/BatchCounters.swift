import Foundation
import Winnow

/// What a batch has done so far, shared by the reader (skips, bytes read),
/// the writer (records) and the progress line; one lock guards it all.
final class BatchCounters: @unchecked Sendable {
    struct Snapshot {
        var records = 0
        var articles = 0
        var errors: [String: Int] = [:]
        var skipped: [String: Int] = [:]
        /// Bytes of the pages cleaned (HTML as read, after decompression).
        var pageBytes = 0
        /// Bytes read from the input files (compressed where they are).
        var inputBytes = 0
        /// Records handed to the workers.
        var issued = 0

        var errorCount: Int { errors.values.reduce(0, +) }
        var skippedCount: Int { skipped.values.reduce(0, +) }
    }

    private let lock = NSLock()
    private var state = Snapshot()

    var snapshot: Snapshot { lock.withLock { state } }

    func skipped(_ reason: String) {
        lock.withLock { state.skipped[reason, default: 0] += 1 }
    }

    func issued(inputBytes: Int) {
        lock.withLock {
            state.issued += 1
            state.inputBytes = inputBytes
        }
    }

    func read(inputBytes: Int) {
        lock.withLock { state.inputBytes = inputBytes }
    }

    var issuedCount: Int { lock.withLock { state.issued } }

    func wrote(errorKind: String?, pageBytes: Int) {
        lock.withLock {
            state.records += 1
            state.pageBytes += pageBytes
            if let errorKind {
                state.errors[errorKind, default: 0] += 1
            } else {
                state.articles += 1
            }
        }
    }
}

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
        var text = "batch: \(counts.records) pages, \(counts.articles) articles, \(counts.errorCount) errors"
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
