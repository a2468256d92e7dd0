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
///
/// Installed first thing, before the rules are loaded: a signal during the
/// start (which takes a few tenths of a second) is kept and stops the
/// batch as soon as it runs, instead of killing the process by default.
final class InterruptSignals: @unchecked Sendable {
    private let lock = NSLock()
    private var received: [Int32] = []
    private var sources: [DispatchSourceSignal] = []
    private var listener: (@Sendable () -> Void)?

    init() {}

    /// Called at each signal from now on (to wake whoever waits: the
    /// writer), and at once if one came already.
    func onSignal(_ listener: @escaping @Sendable () -> Void) {
        let pending = lock.withLock {
            self.listener = listener
            return !received.isEmpty
        }
        if pending { listener() }
    }

    func install() {
        for number in [SIGINT, SIGTERM] {
            // The default action would kill the process mid-write.
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [self] in
                let listener = lock.withLock {
                    received.append(number)
                    return self.listener
                }
                listener?()
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
