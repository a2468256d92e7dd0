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

    /// Two `<span>`s with no text between are boxes of their own (a
    /// chart's year and running time, a spec's name and value), in a
    /// paragraph as in a list item; links, emphasis and `<sup>` stay as
    /// written, and so do spans of a script written without spaces.
    @Test func abuttingSpansAreSeparatedAndRunningTextIsNot() throws {
        let html = """
            <html><body><main><h1>Once and Future World</h1>
            <div class="specs"><span class="name">Publisher</span><span class="value">Houghton Mifflin</span><!--F/--><span class="name">Pages</span><span class="value">240</span></div>
            <p>The identity matrix I<sub>n</sub> is Hermitian, and so is A<sup>n</sup>.[<a href="#c1">1</a>][<a href="#c2">2</a>]
            Consumers will see games like Nintendo <a href="/l">Lan</a><a href="/d">d</a> and <b>Zomb</b><i>iU</i> at launch, in every
            store of the chain that takes part this autumn, with a sampling station by the door.</p>
            <p><span>營區內除了露營、民宿、餐飲</span><span>、賞楓項目多了許多原木飾品</span></p>
            <ul><li><span>2026</span><span>1h 54m</span><span>R</span></li><li><span>2025</span><span>2h 13m</span></li></ul></main></body></html>
            """
        let article = try Self.clean(html, as: .article)
        #expect(article.text.contains("Publisher Houghton Mifflin Pages 240"))
        #expect(article.text.contains("2026 1h 54m R"))
        #expect(article.text.contains("In is Hermitian, and so is An.[1][2]"))
        #expect(article.text.contains("Nintendo Land and ZombiU"))
        #expect(article.text.contains("營區內除了露營、民宿、餐飲、賞楓項目多了許多原木飾品"))
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

    /// A code block's blank lines and trailing spaces are trimmed alike by
    /// bytes and by `Character`: random text of letters, spaces, tabs,
    /// "\r", "\n" and "\r\n" (and a few texts past ASCII, which take the
    /// `Character` path).
    @Test func trimmingBlankLinesByBytesAgrees() {
        var generator = SplitMix64(seed: 0x7B1A)
        let pieces = ["let x = 1", "  ", "\t", "\n", "\r", "\r\n", "\n\n", " \n", "}", "\u{0B}", "\u{0C}", "a", "é", "\u{00A0}"]
        for _ in 0..<4000 {
            let count = Int(generator.next() % 10)
            let text = (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            #expect(Array(BlockBuilder.trimmingBlankLines(text).utf8) == Array(BlockBuilder.trimmingBlankLinesByCharacters(text).utf8), "\(String(reflecting: text))")
        }
    }
}
