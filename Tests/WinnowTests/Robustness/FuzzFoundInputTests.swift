import Foundation
import Testing
@testable import Winnow

/// Inputs the fuzzers found (`Tests/InputFiles/fuzz-found/`, each named
/// for what it broke), cleaned as the HTML fuzz target cleans them: with
/// and without the removal log, rendered as JSON. Each once trapped or
/// hung; a clear error or any article passes, a crash fails the run.
@Suite struct FuzzFoundInputTests {
    static let folder = TestSupport.repositoryRoot.appendingPathComponent("Tests/InputFiles/fuzz-found")

    static var names: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    @Test func theFolderHoldsInputs() {
        #expect(FuzzFoundInputTests.names.count >= 2)
    }

    @Test(arguments: FuzzFoundInputTests.names)
    func cleansWithoutCrashing(name: String) throws {
        let bytes = try [UInt8](Data(contentsOf: FuzzFoundInputTests.folder.appendingPathComponent(name)))
        for explain in [false, true] {
            let cleaner = try Cleaner(options: CleanerOptions(explain: explain))
            do {
                let article = try cleaner.clean(bytes: bytes, url: "https://example.com/a")
                #expect(!article.rendered(as: .json).isEmpty)
            } catch is CleanerError {
                // A clear refusal is a fine answer to a hostile page.
            }
        }
    }

    /// The 20-digit dates of the first two inputs are refused as dates,
    /// not misread as some other date.
    @Test func twentyDigitDatesAreNoDates() throws {
        for name in ["date-meta-20-digits.html", "date-comment-time-20-digits.html"] {
            let bytes = try [UInt8](Data(contentsOf: FuzzFoundInputTests.folder.appendingPathComponent(name)))
            let article = try Cleaner().clean(bytes: bytes)
            #expect(article.metadata.published == nil, "\(name)")
            #expect(article.comments.allSatisfy { $0.published == nil }, "\(name)")
        }
    }
}
