import Foundation

/// Compiled regular expressions, shared by the whole process and looked up
/// by pattern: a rule set built again (every `Cleaner` made with the same
/// rule files, `winnow test`'s cleaner per fixture) compiles nothing again.
///
/// It also bounds a leak: swift-corelibs-foundation's
/// `_CFRegularExpressionCreate` copies a pattern longer than 256 UTF-16
/// units into a buffer it never frees (a three-line program compiling one
/// 413-unit pattern ten times loses 8 260 bytes). The built-in joined
/// `drop-text` pattern alone is 1 041 units, and a cleaner with user rules
/// compiled its joined patterns anew, losing a copy each time. Compiled
/// once per pattern, the loss is once per process (and suppressed, as such,
/// in `scripts/valgrind.supp`).
enum RegexCache {
    private static let store = Store()

    /// Patterns kept at most. The built-in rules and both site packs hold
    /// a dozen (with their joined and single-start forms, some forty); a
    /// process that makes patterns without end (a fuzzer of rule files)
    /// compiles the ones past this anew each time instead of keeping them.
    static let capacity = 1024

    /// The pattern compiled case-insensitively, as rule patterns are.
    static func caseInsensitive(_ pattern: String) throws -> NSRegularExpression {
        try store.regex(pattern)
    }

    private final class Store: @unchecked Sendable {
        private let lock = NSLock()
        private var compiled: [String: NSRegularExpression] = [:]

        func regex(_ pattern: String) throws -> NSRegularExpression {
            if let found = lock.withLock({ compiled[pattern] }) { return found }
            let regex = try NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
            return lock.withLock {
                if let raced = compiled[pattern] { return raced }
                if compiled.count < RegexCache.capacity { compiled[pattern] = regex }
                return regex
            }
        }
    }
}
