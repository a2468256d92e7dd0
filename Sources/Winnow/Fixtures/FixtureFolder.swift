import Foundation

/// One fixture folder: a page (`page.html`), the article Winnow should
/// make of it (`expected.json`), the reviewer's notes (`notes.md`) and,
/// optionally, the page's URL (`url`, one line) and site rules
/// (`rules.yaml`, applied with the built-in rules as `--rules` would).
public struct FixtureFolder: Sendable, Hashable {
    public let name: String
    public let folder: URL

    public init(folder: URL) {
        self.folder = folder
        name = folder.lastPathComponent
    }

    /// Every fixture folder in `directory` (a folder with a `page.html`),
    /// by name. Discovered, never listed by hand, so a new folder is
    /// tested the moment it exists.
    public static func all(in directory: URL) throws -> [FixtureFolder] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        return names.sorted().compactMap { name in
            let folder = directory.appendingPathComponent(name, isDirectory: true)
            guard !name.hasPrefix("."),
                FileManager.default.fileExists(atPath: folder.appendingPathComponent("page.html").path)
            else { return nil }
            return FixtureFolder(folder: folder)
        }
    }

    public var pageFile: URL { folder.appendingPathComponent("page.html") }
    public var expectedFile: URL { folder.appendingPathComponent("expected.json") }
    public var notesFile: URL { folder.appendingPathComponent("notes.md") }
    public var urlFile: URL { folder.appendingPathComponent("url") }
    public var rulesFile: URL { folder.appendingPathComponent("rules.yaml") }

    /// The page's URL, when the fixture gives one: host rules and the
    /// output's `url` depend on it.
    public func pageURL() throws -> String? {
        guard FileManager.default.fileExists(atPath: urlFile.path) else { return nil }
        let line = try String(contentsOf: urlFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        return line.isEmpty ? nil : line
    }

    /// The fixture's own rule file, when it has one.
    public func ruleFile() throws -> RuleFile? {
        guard FileManager.default.fileExists(atPath: rulesFile.path) else { return nil }
        return try RuleLoader.ruleFile(atPath: rulesFile.path)
    }

    /// The notes, or empty notes when the folder has no `notes.md`.
    public func notes() throws -> FixtureNotes {
        guard FileManager.default.fileExists(atPath: notesFile.path) else { return FixtureNotes(markdown: "") }
        return FixtureNotes(markdown: try String(contentsOf: notesFile, encoding: .utf8))
    }

    /// The committed expectation, or `nil` when the folder has none.
    public func expectedJSON() throws -> String? {
        guard FileManager.default.fileExists(atPath: expectedFile.path) else { return nil }
        return try String(contentsOf: expectedFile, encoding: .utf8)
    }

    /// A cleaner with the fixture's rules (the built-in set when it has
    /// none).
    public func cleaner(options: CleanerOptions = CleanerOptions()) throws -> Cleaner {
        try Cleaner(options: options, ruleFiles: try ruleFile().map { [$0] } ?? [])
    }

    /// Runs the whole cleaner on the page's raw bytes (the decoder sees
    /// them exactly as a crawler would have fetched them).
    public func clean(with cleaner: Cleaner) throws -> Article {
        let bytes = try [UInt8](Data(contentsOf: pageFile))
        return try cleaner.clean(bytes: bytes, url: pageURL())
    }

    /// The output exactly as `expected.json` holds it: pretty JSON and a
    /// final newline, as `winnow clean --pretty` prints it.
    public static func snapshot(of article: Article) -> String {
        article.json.serialized(pretty: true) + "\n"
    }
}
