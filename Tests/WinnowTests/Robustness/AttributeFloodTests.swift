import Foundation
import Testing
@testable import Winnow

/// One tag with a flood of attributes: cut at the limit before the parse
/// (libxml2 is quadratic in them), everything else untouched.
@Suite struct AttributeFloodTests {
    static func tag(_ count: Int, value: String = "v") -> String {
        "<div " + (0..<count).map { "a\($0)=\"\(value)\"" }.joined(separator: " ") + ">"
    }

    @Test func pagesUnderTheLimitAreNotCopied() {
        let html = Array(("<html><body>" + AttributeFloodTests.tag(AttributeFlood.limit) + "<p>x</p></div></body></html>").utf8)
        #expect(AttributeFlood.limited(html) == html)
    }

    @Test func aFloodIsCutAtTheLimit() throws {
        let html = "<html><body>" + AttributeFloodTests.tag(5000, value: "a > b") + "<p>kept text</p></div></body></html>"
        let limited = String(decoding: AttributeFlood.limited(Array(html.utf8)), as: UTF8.self)
        let expected = "<html><body>" + String(AttributeFloodTests.tag(AttributeFlood.limit, value: "a > b").dropLast()) + " >"
            + "<p>kept text</p></div></body></html>"
        #expect(limited == expected)
        let document = try Document(utf8: Array(limited.utf8))
        #expect(document.root != nil)
    }

    /// Comments, end tags and the raw text of scripts are not tags.
    @Test func onlyStartTagsAreCounted() {
        let lookalike = "<b " + (0..<3).map { "x\($0)" }.joined(separator: " ") + ">"
        let html = "<!-- \(lookalike) --><script>var s = '\(lookalike)';</script></b \(lookalike)><p>ok</p>"
        #expect(AttributeFlood.limited(Array(html.utf8), limit: 2) == Array(html.utf8))
        let cut = AttributeFlood.limited(Array((html + lookalike).utf8), limit: 2)
        #expect(String(decoding: cut, as: UTF8.self) == html + "<b x0 x1 >")
    }

    /// The page the cleaner parses has the flood cut: the element holds
    /// `limit` attributes, not 20 000 (which took seconds to parse; the
    /// time for 100 000, well under a second, is a figure in
    /// docs/performance.md, not a test).
    @Test func theCleanerParsesTheCutPage() throws {
        let html = "<html><body>" + AttributeFloodTests.tag(20_000) + "<p>" + BadInputTests.paragraph + "</p></div></body></html>"
        var timings: StageTimings?
        let page = try Cleaner().preparedPage(bytes: Array(html.utf8), url: nil, timings: &timings)
        let div = try #require(page.document.root?.firstDescendant(named: "div"))
        var attributes = 0
        var property = div.pointer.pointee.properties
        while let current = property {
            attributes += 1
            property = current.pointee.next
        }
        #expect(attributes == AttributeFlood.limit)
        let article = try Cleaner().clean(bytes: Array(html.utf8))
        #expect(article.text.contains("ordinary article prose"))
    }
}
