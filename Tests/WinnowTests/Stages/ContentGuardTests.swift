import Testing

@testable import Winnow

/// The guard's shortcut: a block with less text than the prose units that
/// protect anything is let go without the page's figures.
struct ContentGuardTests {
    private static let unitBytes = ProseMap.minimumUnits * ProseMap.minimumParagraphChars

    private func block(_ inner: String) throws -> (Document, Node) {
        let document = try TestSupport.document("<html><body><div id=\"b\">\(inner)</div></body></html>")
        let block = try #require(document.body?.descendantElements().first { $0.attribute("id") == "b" })
        return (document, block)
    }

    @Test func textBytesAreCountedThroughNestedElements() throws {
        let half = String(repeating: "a", count: ContentGuardTests.unitBytes / 2)
        let (document, node) = try block("<p>\(half)</p><ul><li><b>\(half)</b></li></ul>")
        #expect(ContentGuard.holdsTextBytes(atLeast: ContentGuardTests.unitBytes, under: node))
        #expect(!ContentGuard.holdsTextBytes(atLeast: ContentGuardTests.unitBytes + 1, under: node))
        _ = document
    }

    @Test func shortBlockHoldsTooFewBytes() throws {
        let (document, node) = try block("<p>\(String(repeating: "a", count: ContentGuardTests.unitBytes - 1))</p>")
        #expect(!ContentGuard.holdsTextBytes(atLeast: ContentGuardTests.unitBytes, under: node))
        _ = document
    }

    /// The article (most of the page's prose) stays protected; a short
    /// block beside it may go.
    @Test func articleIsProtectedAndShortBlockIsNot() throws {
        let paragraph = "<p>" + String(repeating: "Sentences of the article go on, one after another. ", count: 4) + "</p>"
        let document = try TestSupport.document(
            "<html><body><div id=\"a\">\(String(repeating: paragraph, count: 6))</div><div id=\"s\">Share this</div></body></html>")
        let page = Page(document: document, url: nil, rules: try RuleSet.builtIn.get(), options: CleanerOptions())
        let guarding = ContentGuard(page: page)
        let elements = try #require(page.document.body?.descendantElements())
        let article = try #require(elements.first { $0.attribute("id") == "a" })
        let share = try #require(elements.first { $0.attribute("id") == "s" })
        #expect(!guarding.mayRemove(article))
        #expect(guarding.mayRemove(share))
    }
}
