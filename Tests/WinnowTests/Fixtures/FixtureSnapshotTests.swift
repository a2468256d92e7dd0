import Foundation
import Testing
@testable import Winnow

/// Runs the cleaner on every page under `Fixtures/` and compares the
/// output with the folder's `expected.json`, byte for byte, then checks the
/// "Must keep" / "Must drop" lists of its `notes.md` against the text.
///
/// `WINNOW_UPDATE_FIXTURES=1 swift test --filter Fixture` rewrites the
/// `expected.json` files instead, so a reviewed change of output can be
/// accepted (review `git diff Fixtures/` before committing). Known-failing
/// fixtures are never rewritten: their `expected.json` is the correct
/// output written by hand, which the pipeline does not produce yet.
@Suite struct FixtureSnapshotTests {
    static let isUpdating = ProcessInfo.processInfo.environment["WINNOW_UPDATE_FIXTURES"] == "1"

    /// Guards the discovery itself: a wrong root path would find no
    /// fixtures, and a parameterized test with no arguments passes.
    @Test func fixturesAreDiscovered() {
        let names = Fixture.all().map(\.name)
        #expect(names.count >= 8, "found \(names.count) fixtures under \(Fixture.directory.path): \(names)")
        #expect(names.contains("seed-aggregator") && names.contains("seed-wordpress"))
    }

    @Test(arguments: Fixture.all())
    func fixture(_ fixture: Fixture) throws {
        let notes = try fixture.notes()
        let article = try fixture.clean()
        let actual = Fixture.snapshot(of: article)

        guard let expected = try fixture.expectedJSON() else {
            if FixtureSnapshotTests.isUpdating, notes.knownFailure == nil {
                try write(actual, to: fixture)
                check(fixture, notes: notes, article: article, actual: actual, expected: actual)
            } else {
                Issue.record("\(fixture.name): no expected.json; write one (WINNOW_UPDATE_FIXTURES=1) and review it")
            }
            return
        }

        if FixtureSnapshotTests.isUpdating {
            if let reason = notes.knownFailure {
                Issue.record(
                    "\(fixture.name): known-failing (\(reason)), so its hand-written expected.json was not rewritten",
                    severity: .warning)
            } else if actual != expected {
                try write(actual, to: fixture)
            }
        }

        check(fixture, notes: notes, article: article, actual: actual, expected: expected)
    }

    /// Records one issue per broken expectation, so a failing fixture says
    /// everything that is wrong with it in one run. Each known failure is
    /// its own known issue: once the pipeline meets it, the test says so
    /// ("known issue was not recorded") and the mark can go.
    private func check(_ fixture: Fixture, notes: FixtureNotes, article: Article, actual: String, expected: String) {
        for problem in notes.problems {
            Issue.record("\(fixture.name): \(problem)")
        }
        let unmet = notes.unmet(in: article.text)
        for entry in notes.mustKeep + notes.mustDrop {
            expect(entry, of: fixture) {
                for found in unmet where found.entry == entry {
                    Issue.record("\(fixture.name): \(found.message)")
                }
            }
        }
        guard !FixtureSnapshotTests.isUpdating else { return }
        let compare = {
            if actual != expected {
                // The same comparison engine as `winnow test`.
                let difference = ArticleDifference(expectedJSON: expected, actualJSON: actual)
                Issue.record(
                    """
                    \(fixture.name): output differs from expected.json
                    \(difference.changes.map(\.description).joined(separator: "\n"))
                    """)
            }
        }
        if let reason = notes.knownFailure {
            withKnownIssue("\(fixture.name) is known-failing: \(reason)", compare)
        } else {
            compare()
        }
    }

    private func expect(_ entry: FixtureNotes.Entry, of fixture: Fixture, _ body: () -> Void) {
        if entry.isKnownFailing {
            withKnownIssue("\(fixture.name): known-failing entry \"\(entry.text)\"", body)
        } else {
            body()
        }
    }

    private func write(_ snapshot: String, to fixture: Fixture) throws {
        try Data(snapshot.utf8).write(to: fixture.expectedFile)
        Issue.record("\(fixture.name): rewrote expected.json (WINNOW_UPDATE_FIXTURES=1); review the diff", severity: .warning)
    }
}
