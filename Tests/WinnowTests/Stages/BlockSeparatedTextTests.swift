import Foundation
import Testing
@testable import Winnow

/// A list item's or a table cell's text is read with its block elements
/// apart, as a browser shows them, not run together as libxml2's
/// `textContent` joins them.
struct BlockSeparatedTextTests {
    static func clean(_ html: String, as type: PageType) throws -> Article {
        try Cleaner(options: CleanerOptions(pageType: type)).clean(bytes: Array(html.utf8), url: "https://charts.example/popular")
    }

    /// A chart's items as IMDb writes them: the rank, the title and the
    /// facts each in a `<div>`, no white space between.
    @Test func aListItemsBlocksAreSeparated() throws {
        var items = ""
        let titles = ["Scream Seven", "The Bluff", "Wuthering Heights", "Marty Supreme", "The Housemaid", "Shelter"]
        for (index, title) in titles.enumerated() {
            items += #"<li class="item"><div class="rank">#\#(index + 1)</div><div class="title"><a href="/t/\#(index)"><h3>\#(title)</h3></a></div>"#
                + #"<div class="meta"><span>2026</span> <span>1h 54m</span></div><div class="plot">A story of the harbour and the \#(title) crew.</div></li>"#
        }
        let html = """
            <html><body><main><h1>Most popular movies</h1><p>As determined by the site's readers, week by week.</p>
            <ul class="chart">\(items)</ul></main></body></html>
            """
        let article = try Self.clean(html, as: .listing)
        #expect(article.text.contains("#1 Scream Seven 2026 1h 54m A story of the harbour"))
        #expect(article.text.contains("#6 Shelter 2026"))
        #expect(!article.text.contains("#1Scream"))
        #expect(!article.text.contains("54mA story"))
    }

    /// Inline elements still join as written: a word split across two
    /// `<span>`s or a `<b>` stays one word; a `<br>` in a cell is a space.
    @Test func inlineElementsJoinAsWrittenAndBreaksSeparate() throws {
        #expect(Self.separated(#"<li>Hel<span>lo</span> <b>wor</b>ld</li>"#) == "Hello world")
        #expect(Self.separated(#"<td>Weight<br>12 oz</td>"#) == "Weight 12 oz")
        #expect(Self.separated(#"<td><div>Publisher</div><div>Houghton Mifflin</div></td>"#) == "Publisher Houghton Mifflin")
    }

    static func separated(_ fragment: String) -> String? {
        let html = "<html><body><table><tr>\(fragment.hasPrefix("<td") ? fragment : "")</tr></table><ul>\(fragment.hasPrefix("<li") ? fragment : "")</ul></body></html>"
        guard let document = try? Document(utf8: Array(html.utf8)), let body = document.body else { return nil }
        var found: Node?
        body.walkDescendants { node in
            guard node.isElement else { return .skipChildren }
            if node.tag == .li || node.tag == .td {
                found = node
                return .stop
            }
            return .descend
        }
        return found.map { Text.collapsingWhitespace(BlockBuilder.blockSeparatedText(of: $0)) }
    }
}
