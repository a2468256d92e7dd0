import Foundation
import Testing
@testable import Winnow

/// Hostile pages for the page-type stage and the profiles: a clear result,
/// every item kept where the type says so, and no step that grows faster
/// than the page (the sizes below would take minutes if one did; the time
/// itself is watched by `winnow bench`, not here).
struct PageTypeBadInputTests {
    static func clean(_ html: String, as type: PageType? = nil, url: String? = nil) throws -> Article {
        try Cleaner(options: CleanerOptions(pageType: type)).clean(bytes: Array(html.utf8), url: url)
    }

    /// Product data, a forum URL, code, prices, cards, a date path: the
    /// page gets one type, and its content.
    @Test func aPageThatLooksLikeEveryType() throws {
        var cards = ""
        for index in 0..<30 {
            cards += "<div class=\"card product\"><h3><a href=\"/p/\(index)\">Item \(index)</a></h3><span>$\(index).99</span></div>"
        }
        let html = """
            <html><head><meta property="og:type" content="article">
            <script type="application/ld+json">[{"@type":"Product","name":"X"},{"@type":"DiscussionForumPosting"},
            {"@type":"TechArticle"},{"@type":"ItemList"},{"@type":"Service"},{"@type":"NewsArticle","headline":"All"}]</script></head>
            <body><main><h1>Everything</h1><p>Add to cart</p><p>Edit this page</p><p>Get a quote</p><p>Reply</p>
            <pre><code>let x = 1</code></pre><p>\(String(repeating: "A paragraph of plain prose, with commas, for the story. ", count: 10))</p>
            <div class="cards">\(cards)</div><div class="post"><a href="/u/1">ann</a> Joined 2020 <p>A post.</p></div></main></body></html>
            """
        let article = try Self.clean(html, url: "https://forum.example.com/t/2024/03/05/products/docs/everything")
        #expect(PageType.allCases.contains(article.pageType))
        #expect(article.text.contains("A paragraph of plain prose"))
    }

    /// A listing of 20 000 cards keeps every card, in order.
    @Test func twentyThousandCards() throws {
        let count = 20_000
        var html = "<html><body><nav><a href=\"/\">Home</a></nav><main><h1>All stories</h1><ul class=\"cards\">"
        for index in 0..<count {
            html += "<li class=\"card\"><a href=\"/s/\(index)\">Story \(index) title</a><p>Summary \(index).</p></li>"
        }
        html += "</ul></main></body></html>"
        let article = try Self.clean(html, as: .listing)
        let text = article.text
        #expect(text.contains("Story 0 title"))
        #expect(text.contains("Story \(count - 1) title"))
        #expect(text.components(separatedBy: " title").count == count + 1)
        // Decided, not given: a clear type, and the same cards on a listing.
        let decided = try Self.clean(html, url: "https://news.example.com/stories/")
        #expect(PageType.allCases.contains(decided.pageType))
    }

    /// A thread of 10 000 posts stays the content, in order, no comment taken.
    @Test func tenThousandForumPosts() throws {
        let count = 10_000
        var html = "<html><body><main><h1>A long thread</h1>"
        for index in 0..<count {
            html += """
                <article class="message message--post" id="post-\(index)"><div class="message-userDetails"><a href="/m/\(index)">member\(index)</a>
                Joined: 2019</div><div class="message-content"><time datetime="2024-01-01T10:00:00Z">Jan 1, 2024</time>
                <div class="bbWrapper">Post \(index) of the thread.</div></div></article>
                """
        }
        html += "</main></body></html>"
        let article = try Self.clean(html, as: .forum, url: "https://forum.example.com/threads/a-long-thread.1/")
        #expect(article.comments.isEmpty)
        #expect(article.text.contains("Post 0 of the thread."))
        #expect(article.text.contains("Post \(count - 1) of the thread."))
        #expect(!article.text.contains("Joined: 2019"))
    }

    /// JSON-LD that does not parse, and JSON-LD of a few megabytes: the page
    /// is cleaned, the broken script ignored, the big description used once.
    @Test func brokenAndEnormousStructuredData() throws {
        let body = "<main><h1>Trail Pack</h1><p>Volume 25 litres, weight 790 g, recycled ripstop nylon, two side pockets.</p></main>"
        let broken = "<html><head><script type=\"application/ld+json\">{\"@type\":\"Product\",\"description\":\"cut off"
            + "</script></head><body>\(body)</body></html>"
        let article = try Self.clean(broken, as: .product)
        #expect(article.text.contains("Volume 25 litres"))

        let longDescription = String(repeating: "A sturdy pack for long days. ", count: 100_000)
        var offers = ""
        for index in 0..<20_000 { offers += "{\"@type\":\"Offer\",\"price\":\"\(index).00\",\"sku\":\"S\(index)\"}," }
        let enormous = "<html><head><script type=\"application/ld+json\">{\"@type\":\"Product\",\"name\":\"Trail Pack\","
            + "\"offers\":[\(offers.dropLast())],\"description\":\"\(longDescription)\"}</script></head><body>\(body)</body></html>"
        let big = try Self.clean(enormous, as: .product)
        #expect(big.text.contains("Volume 25 litres"))
        #expect(big.blocks.first.flatMap(\.plainText)?.hasPrefix("A sturdy pack for long days.") == true)
        #expect(big.text.components(separatedBy: "A sturdy pack for long days.").count == 100_001)
        // Decided, not given.
        _ = try Self.clean(enormous)
    }

    /// Cards inside cards inside cards, 50 deep, each level repeated: the
    /// evidence walk looks at each element's children once.
    @Test func repeatedStructuresFiftyDeep() throws {
        func level(_ depth: Int) -> String {
            guard depth > 0 else { return "<p>Leaf text with a <a href=\"/x\">link</a>.</p>" }
            let inner = level(depth - 1)
            return "<div class=\"item\">\(inner)</div><div class=\"item\"><a href=\"/y\">Card \(depth)</a> text</div>"
                + "<div class=\"item\"><a href=\"/z\">Card \(depth)b</a> text</div>"
        }
        let html = "<html><body><main>\(level(50))</main></body></html>"
        for type in [nil, PageType.listing, .article, .service] {
            let article = try Self.clean(html, as: type)
            #expect(article.text.contains("Leaf text"), "\(String(describing: type))")
        }
    }
}
