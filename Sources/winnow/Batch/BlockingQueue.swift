import Foundation

/// A first-in first-out queue between threads that holds at most
/// `capacity` items: `push` waits while it is full, `pop` while it is
/// empty. Closing it lets `pop` drain what is left, then return nil.
final class BlockingQueue<Element: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [Element?] = []
    private var head = 0
    private let capacity: Int
    private var closed = false

    init(capacity: Int) {
        precondition(capacity > 0)
        self.capacity = capacity
    }

    private var count: Int { items.count - head }

    /// Adds an item, waiting for room. False when the queue is closed.
    @discardableResult
    func push(_ item: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while count >= capacity && !closed { condition.wait() }
        guard !closed else { return false }
        items.append(item)
        condition.broadcast()
        return true
    }

    /// The oldest item, waiting for one; nil once closed and empty.
    func pop() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while count == 0 && !closed { condition.wait() }
        return removeOldest()
    }

    /// The oldest item if there is one now; nil without waiting.
    func tryPop() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        return removeOldest()
    }

    /// Called with the lock held.
    private func removeOldest() -> Element? {
        guard count > 0 else { return nil }
        let item = items[head]
        items[head] = nil
        head += 1
        // Reclaim the consumed prefix now and then, so the array stays small.
        if head > 1024 && head * 2 > items.count {
            items.removeFirst(head)
            head = 0
        }
        condition.broadcast()
        return item
    }

    /// No more pushes; waiting pops return what is left, then nil.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }
}
