import Testing
@testable import Winnow

/// The per-page time limit, read between stages.
struct TimeLimitTests {
    static let page = Array("<html><body><article><p>Some prose of an article, long enough to be one.</p></article></body></html>".utf8)

    @Test func pagePastItsTimeStopsBeforeAStage() throws {
        let cleaner = try Cleaner(options: CleanerOptions(timeLimit: .nanoseconds(1)))
        do {
            _ = try cleaner.clean(bytes: TimeLimitTests.page)
            Issue.record("a page past its time limit was cleaned")
        } catch let error as TimeLimitExceeded {
            #expect(Cleaner.stages.map(\.name).contains(error.stage))
            #expect(error.description.hasPrefix("time limit of 1e-09 s exceeded before stage "))
        }
    }

    @Test func generousLimitChangesNothing() throws {
        let limited = try Cleaner(options: CleanerOptions(timeLimit: .seconds(60))).clean(bytes: TimeLimitTests.page)
        let unlimited = try Cleaner().clean(bytes: TimeLimitTests.page)
        #expect(limited.json == unlimited.json)
        #expect(limited.text.contains("Some prose"))
    }
}
