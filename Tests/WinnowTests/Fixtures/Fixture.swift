import Foundation
import Testing
@testable import Winnow

/// One folder under `Fixtures/`, as the tests use it: the library's
/// `FixtureFolder` (the same one `winnow test` runs), named for
/// parameterized tests.
struct Fixture: Sendable, CustomTestStringConvertible {
    let folder: FixtureFolder

    var name: String { folder.name }
    var testDescription: String { name }

    /// The repository's `Fixtures/` folder.
    static var directory: URL { TestSupport.repositoryRoot.appendingPathComponent("Fixtures", isDirectory: true) }

    /// Every fixture folder, by name. Discovered, never listed by hand, so
    /// a new folder is tested the moment it exists.
    static func all() -> [Fixture] {
        ((try? FixtureFolder.all(in: directory)) ?? []).map(Fixture.init)
    }

    var pageFile: URL { folder.pageFile }
    var expectedFile: URL { folder.expectedFile }
    var rulesFile: URL? { FileManager.default.fileExists(atPath: folder.rulesFile.path) ? folder.rulesFile : nil }

    func pageURL() throws -> String? { try folder.pageURL() }
    func notes() throws -> FixtureNotes { try folder.notes() }
    func expectedJSON() throws -> String? { try folder.expectedJSON() }

    /// Runs the whole cleaner, with the fixture's own rules, on the page's
    /// raw bytes.
    func clean(explain: Bool = false) throws -> Article {
        try folder.clean(with: folder.cleaner(options: CleanerOptions(explain: explain)))
    }

    static func snapshot(of article: Article) -> String {
        FixtureFolder.snapshot(of: article)
    }
}
