import Foundation
@testable import Winnow

/// Helpers shared by the tests: parse a snippet, run the whole cleaner.
enum TestSupport {
    static func document(_ html: String) throws -> Document {
        try Document(utf8: Array(html.utf8))
    }

    static func clean(_ html: String, url: String? = nil, explain: Bool = true, pageType: PageType? = nil) throws -> Article {
        try Cleaner(options: CleanerOptions(explain: explain, pageType: pageType)).clean(bytes: Array(html.utf8), url: url)
    }

    /// The repository's root, found from this file's path.
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }
}
