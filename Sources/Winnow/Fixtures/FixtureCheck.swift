/// One fixture run and compared: the snapshot against `expected.json`, and
/// the text against the notes' must-keep and must-drop lists. What
/// `winnow test` reports for a fixture.
public struct FixtureCheck: Sendable {
    public enum Status: String, Sendable {
        case passed = "PASS"
        case failed = "FAIL"
        /// Differs as the notes say it does (`Status: known-failing`), and
        /// in no other way the notes can tell.
        case knownFailing = "KNOWN"
        /// No `expected.json` yet.
        case unexpected = "NEW"
    }

    public let fixture: FixtureFolder
    public let notes: FixtureNotes
    public let article: Article
    /// The output as `expected.json` would hold it.
    public let actual: String
    public let expected: String?
    public let difference: ArticleDifference
    /// Entries of the notes the text does not meet, known-failing or not.
    public let unmet: [FixtureNotes.Unmet]
    /// Entries marked known-failing that the text now meets: the mark
    /// should go.
    public let fixedKnownFailures: [FixtureNotes.Entry]

    /// Cleans the fixture's page with `cleaner` (which must carry the
    /// fixture's rules: `FixtureFolder.cleaner()`) and compares.
    public init(_ fixture: FixtureFolder, cleaner: Cleaner) throws {
        self.fixture = fixture
        notes = try fixture.notes()
        article = try fixture.clean(with: cleaner)
        let snapshot = FixtureFolder.snapshot(of: article)
        actual = snapshot
        let expectation = try fixture.expectedJSON()
        expected = expectation
        difference = ArticleDifference(expectedJSON: expectation ?? snapshot, actualJSON: snapshot)
        unmet = notes.unmet(in: article.text)
        let unmetEntries = unmet.map(\.entry)
        fixedKnownFailures = (notes.mustKeep + notes.mustDrop).filter { $0.isKnownFailing && !unmetEntries.contains($0) }
    }

    /// Everything wrong that a known-failing status does not excuse.
    public var problems: [String] {
        var found = notes.problems + unmet.filter { !$0.entry.isKnownFailing }.map(\.message)
            + fixedKnownFailures.map { "known-failing entry is met now, remove its mark: \"\($0.text)\"" }
        if notes.knownFailure != nil, expected != nil, difference.isEmpty {
            found.append("matches expected.json now: remove the \"Status: known-failing\" line from notes.md")
        }
        return found
    }

    public var status: Status {
        guard expected != nil else { return .unexpected }
        if !problems.isEmpty { return .failed }
        if difference.isEmpty { return .passed }
        return notes.knownFailure == nil ? .failed : .knownFailing
    }
}
