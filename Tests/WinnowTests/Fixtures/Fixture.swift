import Foundation
import Testing
@testable import Winnow

/// One folder under `Fixtures/`: a page (`page.html`), the article Winnow
/// should make of it (`expected.json`), the reviewer's notes (`notes.md`)
/// and, optionally, the page's URL (`url`, one line).
struct Fixture: Sendable, CustomTestStringConvertible {
    let name: String
    let folder: URL

    var testDescription: String { name }

    /// The repository's `Fixtures/` folder.
    static var directory: URL { TestSupport.repositoryRoot.appendingPathComponent("Fixtures", isDirectory: true) }

    /// Every fixture folder, by name. Discovered, never listed by hand, so
    /// a new folder is tested the moment it exists.
    static func all() -> [Fixture] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.sorted().compactMap { name in
            var isDirectory: ObjCBool = false
            let folder = directory.appendingPathComponent(name, isDirectory: true)
            guard !name.hasPrefix("."), FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory),
                isDirectory.boolValue
            else { return nil }
            return Fixture(name: name, folder: folder)
        }
    }

    var pageFile: URL { folder.appendingPathComponent("page.html") }
    var expectedFile: URL { folder.appendingPathComponent("expected.json") }
    var notesFile: URL { folder.appendingPathComponent("notes.md") }
    var urlFile: URL { folder.appendingPathComponent("url") }

    /// The page's URL, when the fixture gives one: host rules and the
    /// output's `url` depend on it.
    func pageURL() throws -> String? {
        guard FileManager.default.fileExists(atPath: urlFile.path) else { return nil }
        let line = try String(contentsOf: urlFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        return line.isEmpty ? nil : line
    }

    func notes() throws -> FixtureNotes {
        FixtureNotes(markdown: try String(contentsOf: notesFile, encoding: .utf8))
    }

    /// The committed expectation, or `nil` when the folder has none.
    func expectedJSON() throws -> String? {
        guard FileManager.default.fileExists(atPath: expectedFile.path) else { return nil }
        return try String(contentsOf: expectedFile, encoding: .utf8)
    }

    /// Runs the whole cleaner on the page's raw bytes (the decoder sees
    /// them exactly as a crawler would have fetched them).
    func clean(explain: Bool = false) throws -> Article {
        let bytes = try [UInt8](Data(contentsOf: pageFile))
        return try Cleaner(options: CleanerOptions(explain: explain)).clean(bytes: bytes, url: pageURL())
    }

    /// The output exactly as `expected.json` holds it: pretty JSON and a
    /// final newline, as `winnow clean --pretty` prints it.
    static func snapshot(of article: Article) -> String {
        article.json.serialized(pretty: true) + "\n"
    }
}
