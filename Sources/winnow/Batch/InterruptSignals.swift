import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SIGINT and SIGTERM asking a batch to stop. The first stops the reading
/// and drops the records not yet started; pages being cleaned finish and
/// are written. A second stops waiting for them. Either way the output is
/// closed cleanly: only whole lines, a finished gzip member.
final class InterruptSignals: @unchecked Sendable {
    private let lock = NSLock()
    private var received: [Int32] = []
    private var sources: [DispatchSourceSignal] = []
    private let onSignal: @Sendable () -> Void

    /// `onSignal` wakes whoever waits (the writer).
    init(onSignal: @escaping @Sendable () -> Void) {
        self.onSignal = onSignal
    }

    func install() {
        for number in [SIGINT, SIGTERM] {
            // The default action would kill the process mid-write.
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [self] in
                lock.withLock { received.append(number) }
                onSignal()
            }
            source.resume()
            sources.append(source)
        }
    }

    /// The first signal received, if any.
    var first: Int32? { lock.withLock { received.first } }

    /// True once a second signal came: stop without waiting for pages.
    var isUrgent: Bool { lock.withLock { received.count > 1 } }
}
