import Foundation

/// The tokens that bound how many records a batch holds at once: the
/// reader takes one before each record, the writer gives it back once the
/// record is written.
///
/// Not a `DispatchSemaphore`: libdispatch traps when a semaphore is freed
/// with tokens still taken, which is what an interrupted batch leaves
/// (a second SIGTERM, or a full disk, stops the writer with records in
/// flight), so the batch died of SIGILL instead of stopping. Closing the
/// window also wakes a reader waiting for a token, so it stops at once.
final class TokenWindow: @unchecked Sendable {
    private let condition = NSCondition()
    private var available: Int
    private var closed = false

    init(tokens: Int) {
        precondition(tokens > 0)
        available = tokens
    }

    /// Takes a token, waiting for one; false once the window is closed.
    func take() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while available == 0 && !closed { condition.wait() }
        guard !closed else { return false }
        available -= 1
        return true
    }

    func give() {
        condition.lock()
        available += 1
        condition.signal()
        condition.unlock()
    }

    /// No more tokens: waiting and later takes return false.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }
}
