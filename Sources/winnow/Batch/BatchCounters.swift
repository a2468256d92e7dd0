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
