import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The progress line on standard error, redrawn twice a second, only when
/// standard error is a terminal (a log file gets the summary alone).
final class ProgressLine: @unchecked Sendable {
    private let counters: BatchCounters
    private let start: DispatchTime
    /// Bytes of all inputs when they are all regular files (for the ETA).
    private let totalInputBytes: Int?
    private let condition = NSCondition()
    private var stopped = false
    private var drawn = false

    init(counters: BatchCounters, start: DispatchTime, totalInputBytes: Int?) {
        self.counters = counters
        self.start = start
        self.totalInputBytes = totalInputBytes
    }

    static var isWanted: Bool { isatty(STDERR_FILENO) == 1 }

    func begin() {
        let thread = Thread { [self] in run() }
        thread.start()
    }

    /// Stops redrawing and clears the line, so the summary stands alone.
    func end() {
        condition.lock()
        stopped = true
        condition.broadcast()
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        condition.unlock()
    }

    private func run() {
        condition.lock()
        defer { condition.unlock() }
        while !stopped {
            _ = condition.wait(until: Date().addingTimeInterval(0.5))
            guard !stopped else { return }
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + text()).utf8))
            drawn = true
        }
    }

    private func text() -> String {
        let counts = counters.snapshot
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        var line = String(
            format: "%d pages  %.1f pages/s  %.2f MB/s  %d errors", counts.records,
            Double(counts.records) / max(elapsed, 0.001), Double(counts.pageBytes) / 1e6 / max(elapsed, 0.001),
            counts.errorCount)
        if let total = totalInputBytes, total > 0, counts.inputBytes > 0 {
            let done = min(Double(counts.inputBytes) / Double(total), 1)
            let remaining = Int(elapsed * (1 - done) / done)
            line += String(format: "  %3.0f%%  ETA %d:%02d", done * 100, remaining / 60, remaining % 60)
        }
        return line
    }
}
