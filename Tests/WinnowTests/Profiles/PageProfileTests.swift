import Foundation
import Testing
@testable import Winnow

/// Each profile changes what the content stages take as content, and only
/// that: the same page cleaned as two types shows the difference.
struct PageProfileTests {
    static func clean(_ html: String, as type: PageType, url: String? = nil, rules: [Rule] = []) throws -> Article {
        try Cleaner(options: CleanerOptions(pageType: type), extraRules: rules).clean(bytes: Array(html.utf8), url: url)
    }

    static let thread: String = {
        var items = ""
        for index in 1...3 {
            items += """
                <li id="comment-\(index)" class="comment"><article class="comment-body"><footer class="comment-meta">
                <b class="fn">member\(index)</b> <time datetime="2024-01-1\(index)T10:00:00Z">January 1\(index), 2024</time></footer>
                <div class="comment-content"><p>Post \(index) of the thread: the lathe runs true once the bearings are set,
                and the tailstock lines up again.</p></div></article></li>
                """
        }
        return """
            <html><body><h1>Headstock bearings</h1><p>How do I set the preload on the headstock bearings of an old lathe?
            The manual says little, and the spindle runs warm after an hour.</p>
            <div id="comments" class="comments-area"><ol class="comment-list">\(items)</ol></div></body></html>
            """
    }()

    @Test func aForumKeepsItsThreadAsContent() throws {
        let asArticle = try Self.clean(Self.thread, as: .article)
        #expect(asArticle.comments.count == 3)
        #expect(!asArticle.text.contains("Post 2 of the thread"))
        let asForum = try Self.clean(Self.thread, as: .forum)
        #expect(asForum.comments.isEmpty)
        #expect(asForum.text.contains("Post 2 of the thread"))
        #expect(asForum.text.contains("How do I set the preload"))
    }

    static let listing: String = {
        var cards = ""
        for index in 1...8 {
            cards += """
                <div class="card"><h3><a href="/stories/\(index)">Story number \(index) about the harbour</a></h3>
                <p><a href="/stories/\(index)">A short summary of story \(index).</a></p></div>
                """
        }
        return """
            <html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
            <main><h1>Latest news</h1><div class="cards">\(cards)</div></main>
            <footer><p>Copyright 2024 Harbour Gazette. All rights reserved.</p></footer></body></html>
            """
    }()

    @Test func aListingKeepsEveryCardAndItsHeadline() throws {
        let article = try Self.clean(Self.listing, as: .listing)
        for index in 1...8 { #expect(article.text.contains("Story number \(index) about the harbour")) }
        #expect(article.text.contains("Latest news"))
        #expect(!article.text.contains("Copyright 2024"))
    }

    static let service = """
        <html><body><header><nav><a href="/">Acme Movers</a> <a href="/quote">Get a quote</a></nav></header>
        <main>
        <section class="hero"><h1>Moving made simple</h1><p>Licensed and insured movers for homes and offices across the city.</p></section>
        <section class="features"><h2>What we do</h2><p>Packing, loading and careful transport of furniture, pianos and art,
        with every item wrapped and labelled.</p><p>Storage for a week or a year in clean, guarded rooms.</p></section>
        <section class="testimonials"><h2>What customers say</h2><blockquote>They moved our flat in four hours and broke nothing.</blockquote></section>
        <section class="pricing"><h2>Pricing</h2><ul><li>Studio from $300</li><li>Two bedrooms from $600</li></ul></section>
        </main><footer><p>Acme Movers, 1 Dock Road. Call us any day.</p></footer></body></html>
        """

    @Test func aServicePageKeepsEverySectionOfItsMainRegion() throws {
        let article = try Self.clean(Self.service, as: .service)
        for line in ["Moving made simple", "Packing, loading", "Storage for a week", "broke nothing", "Studio from $300"] {
            #expect(article.text.contains(line), "\(line)")
        }
        #expect(!article.text.contains("1 Dock Road"))
    }

    static let product = """
        <html><body><main><h1>Trail Pack 25</h1><p class="price">$99.95</p><p>In stock</p><p>Quantity</p>
        <div class="tabs"><div class="tab-panel" hidden><h2>Description</h2><p>A light daypack with a padded back panel, two
        side pockets, a sleeve for a water bladder and room for a whole day's gear on the trail.</p></div>
        <div class="tab-panel" style="display:none"><h2>Specifications</h2><table><tr><td>Volume</td><td>25 litres</td></tr>
        <tr><td>Weight</td><td>790 g</td></tr><tr><td>Back length</td><td>41 to 51 cm</td></tr>
        <tr><td>Fabric</td><td>Recycled ripstop nylon, 210 denier</td></tr><tr><td>Frame</td><td>Aluminium stay</td></tr></table></div></div>
        <section id="reviews"><h2>Reviews</h2><p>Great pack, I carried it for a week and it never rubbed. Five stars from me.</p></section>
        <div class="related-products"><h2>You may also like</h2><a href="/p/2">Trail Pack 35</a></div>
        </main></body></html>
        """

    @Test func aProductKeepsItsHiddenTabsAndDropsReviewsAndPurchaseControls() throws {
        let article = try Self.clean(Self.product, as: .product)
        #expect(article.text.contains("A light daypack with a padded back panel"))
        #expect(article.text.contains("25 litres"))
        #expect(!article.text.contains("never rubbed"))
        #expect(!article.text.contains("Trail Pack 35"))
        #expect(!article.text.contains("In stock"))
        #expect(!article.text.contains("Quantity"))
        let asArticle = try Self.clean(Self.product, as: .article)
        #expect(!asArticle.text.contains("A light daypack"))
    }

    /// A shop's phone and desktop renderings of one description: the
    /// product says it once, the short lines that repeat on their own
    /// merits stay, and the heading of a section that was a copy goes with
    /// it. An article keeps its author's repeats.
    @Test func aProductsLayoutCopiesGoAnArticlesRepeatsStay() throws {
        let description = "<p>A light daypack with a padded back panel, two side pockets and room for a day's gear.</p>"
        let html = """
            <html><body><main><h1>Trail Pack 25</h1><div class="mobile"><h2>Details</h2>\(description)<p>Made in Portugal.</p></div>
            <div class="desktop"><h2>Details</h2>\(description)</div>
            <h2>Care</h2><p>Wash it by hand in cold water, and let it dry in the shade, away from the sun.</p><p>Made in Portugal.</p>
            </main></body></html>
            """
        let product = try Self.clean(html, as: .product)
        #expect(product.text.components(separatedBy: "A light daypack").count == 2, "\(product.text)")
        #expect(product.text.components(separatedBy: "Made in Portugal.").count == 3)
        #expect(product.text.components(separatedBy: "Details").count == 2)
        #expect(product.text.contains("Wash it by hand"))
        let article = try Self.clean(html, as: .article)
        #expect(article.text.components(separatedBy: "A light daypack").count == 3)
    }

    @Test func onlyLongBlocksCountAsCopies() {
        let long = Block.paragraph("One two three four five six seven eight nine ten.")
        let short = Block.paragraph("One two three four five six seven eight nine.")
        #expect(RepeatedBlocks.indicesOfFirstCopies([long, short, .paragraph("ONE two, three four five six seven eight nine ten"), short]) == [0, 1, 3])
        #expect(RepeatedBlocks.indicesOfFirstCopies([.figure(src: "a", caption: nil), .figure(src: "a", caption: nil)]) == [0, 1])
    }

    /// Sections of other products that only their heading names go from
    /// a product page; the product's own sections stay.
    @Test func aProductsCrossSellSectionsGoByTheirHeading() throws {
        let cards = (1...6).map { "<div class=\"c\"><a href=\"/p/\($0)\">Trail Pack \($0 * 10)</a><span>$\($0)9.95</span></div>" }.joined()
        let html = """
            <html><body><main><h1>Trail Pack 25</h1><p>A light daypack with a padded back panel, two side pockets, a sleeve for
            a water bladder and room for a whole day's gear on the trail.</p><div class="x1"><h2>Details</h2><p>Recycled ripstop
            nylon, 210 denier, with an aluminium stay and a back length of 41 to 51 cm.</p></div>
            <div class="x2"><h2>Customers also bought</h2><div class="row">\(cards)</div></div>
            <div class="x3"><h2>Frequently bought together</h2><ul><li>This item: Trail Pack 25</li><li>Rain cover</li></ul></div></main></body></html>
            """
        let product = try Self.clean(html, as: .product)
        #expect(product.text.contains("Recycled ripstop"))
        #expect(!product.text.contains("Trail Pack 30"))
        #expect(!product.text.contains("Customers also bought"))
        #expect(!product.text.contains("Rain cover"))
    }

    /// Reviews and shipping terms that only their headings name go from a
    /// product page, as those that markup names do.
    @Test func aProductsReviewsAndShippingTermsGoByTheirHeading() throws {
        let html = """
            <html><body><main><h1>Trail Pack 25</h1><p>A light daypack with a padded back panel, two side pockets, a sleeve for
            a water bladder and room for a whole day's gear on the trail.</p><p>The back panel is a ventilated mesh over a frame of
            aluminium, so the load sits on the hips and the air moves behind you on hot climbs.</p><p>The lid holds a zipped pocket
            for keys and a map, and the side pockets take a litre bottle each, reachable without taking the pack off.</p>
            <div><h2>Customer reviews</h2><p>Great pack, I carried it for a week and it never rubbed. Five stars from me.</p></div>
            <div><h3>Shipping &amp; Returns</h3><p>Orders ship within two working days; returns are free for thirty days.</p></div></main></body></html>
            """
        let product = try Self.clean(html, as: .product)
        #expect(product.text.contains("padded back panel"))
        #expect(!product.text.contains("never rubbed"))
        #expect(!product.text.contains("thirty days"))
        let article = try Self.clean(html, as: .article)
        #expect(article.text.contains("thirty days"))
    }

    /// A description that only the structured data holds comes first; one
    /// the page shows is not repeated.
    @Test func aProductsStructuredDescriptionFillsInForAHiddenOne() throws {
        let description = "A light daypack with a padded back panel, two side pockets and a sleeve for a water bladder."
        func page(showing shown: String) -> String {
            """
            <html><head><script type="application/ld+json">{"@type":"Product","name":"Trail Pack 25",
            "description":"<p>\(description)</p>"}</script></head><body><main><h1>Trail Pack 25</h1>\(shown)
            <p>Volume 25 litres, weight 790 g, recycled ripstop nylon.</p></main></body></html>
            """
        }
        let missing = try Self.clean(page(showing: ""), as: .product)
        #expect(missing.blocks.first == .paragraph(description))
        let shown = try Self.clean(page(showing: "<p>\(description)</p>"), as: .product)
        #expect(shown.text.components(separatedBy: "A light daypack").count == 2)
        let asArticle = try Self.clean(page(showing: ""), as: .article)
        #expect(!asArticle.text.contains("A light daypack"))
    }

    /// Discourse's crawler view: the page's only content in a `<noscript>`.
    @Test func aScriptShellsNoscriptPageIsKept() throws {
        let html = """
            <html><body><div id="app"></div><noscript><div id="main-outlet"><h1>Broken update</h1>
            <div class="topic-body crawler-post"><span class="creator">raoul</span><div class="post" itemprop="text">
            <p>Since the last update the assistant hangs at start, and every device shows as unavailable until I roll
            back to the previous version, which works fine.</p></div></div></div></noscript>
            <noscript><p>Please enable JavaScript.</p></noscript></body></html>
            """
        let article = try Self.clean(html, as: .forum)
        #expect(article.text.contains("Since the last update the assistant hangs"))
        #expect(!article.text.contains("Please enable JavaScript"))
        // A page with content of its own drops its noscript notices.
        let page = "<html><body><p>" + String(repeating: "The council met on Tuesday and agreed the budget. ", count: 20)
            + "</p><noscript><p>This page needs scripts to show its comments and its gallery of photos from the meeting, "
            + "with captions and credits for every picture.</p></noscript></body></html>"
        #expect(!(try Self.clean(page, as: .article)).text.contains("needs scripts"))
    }

    @Test func rulesScopedToAPageTypeApplyToItsPagesOnly() throws {
        let file = try RuleLoader.ruleFile(
            fromYAML: """
                - id: shop-badges
                  stage: strip-article-boilerplate
                  page-types: [product]
                  drop: '.badge'
                """, file: "shop.yaml")
        let html = "<html><body><article><p class=\"badge\">Best seller of the season</p><p>"
            + String(repeating: "A sturdy pack for long days on the trail, with room for everything. ", count: 8) + "</p></article></body></html>"
        let rules = file.rules
        #expect(!(try Self.clean(html, as: .product, rules: rules)).text.contains("Best seller"))
        #expect(try Self.clean(html, as: .article, rules: rules).text.contains("Best seller"))
        #expect(throws: RuleFileError.self) {
            try RuleLoader.ruleFile(
                fromYAML: "- id: x\n  stage: strip-boilerplate\n  page-types: [blog]\n  drop: '.x'\n", file: "bad.yaml")
        }
    }

    /// A product page whose only names are its reviewers' (Judge.me's
    /// `jdgm-rev__author`, Magento's `itemprop=author` in a `Review`).
    static let productWithReviews = """
        <html><head><title>Waxed Canvas Jacket</title></head><body><main><h1>Waxed Canvas Jacket</h1>
        <p>A hard-wearing chore jacket cut from waxed cotton canvas, lined with brushed cotton blanket, with four
        patch pockets and solid brass snaps that will never flake.</p>
        <div class="reviews"><div class="review"><span class="review__author">Tom H.</span>
        <p>Stiff at first, now the jacket I grab for everything.</p></div></div></main></body></html>
        """

    @Test func aBylineNamesTheAuthorOfAnArticleNotOfAProduct() throws {
        #expect(try Self.clean(Self.productWithReviews, as: .article).metadata.authors == ["Tom H."])
        for type in [PageType.product, .service, .listing, .collection] {
            #expect(try Self.clean(Self.productWithReviews, as: type).metadata.authors.isEmpty, "\(type)")
        }
        // Structured data still names the page's author on any type.
        let declared = Self.productWithReviews.replacingOccurrences(
            of: "</head>", with: #"<meta name="author" content="Ines Carvalho"></head>"#)
        #expect(try Self.clean(declared, as: .product).metadata.authors == ["Ines Carvalho"])
    }

    /// A listing's count of its results, its cards' bylines and a "recently
    /// viewed" box: the count and the box are no item, the bylines are part
    /// of theirs.
    @Test func aListingDropsItsResultCountAndKeepsItsCardsBylines() throws {
        let html = Self.listing
            .replacingOccurrences(of: "<div class=\"cards\">", with: """
                <p class="result-summary">Showing 1–8 of 214 results</p><div class="cards">
                """)
            .replacingOccurrences(of: "<p><a href=\"/stories/3\">", with: "<p>By Ines Carvalho</p><p><a href=\"/stories/3\">")
            .replacingOccurrences(of: "</main>", with: """
                <section class="recently-viewed"><h2>Recently viewed</h2><ul><li><a href="/a">Old story one</a></li>
                <li><a href="/b">Old story two</a></li></ul></section></main>
                """)
        let listing = try Self.clean(html, as: .listing)
        #expect(!listing.text.contains("Showing 1–8 of 214 results"))
        #expect(!listing.text.contains("Recently viewed"))
        #expect(listing.text.contains("By Ines Carvalho"))
        #expect(listing.text.contains("Story number 8 about the harbour"))
        let article = try Self.clean(html, as: .article)
        #expect(!article.text.contains("By Ines Carvalho"))
    }

    /// Syntax highlighters end a code line with `<br>` inside the `<pre>`
    /// and write no newline: each `<br>` is a line break of the code block.
    @Test func aBreakInsidePreformattedTextEndsALine() throws {
        let html = """
            <html><body><main><h1>Queues</h1><p>Create a queue with a retry policy, and a worker that
            takes its jobs one at a time, as the guide before this one showed.</p>
            <pre><code><span>import { Queue } from 'quarry';</span><br><span>const q = new Queue('emails', {</span><br><span>    attempts: 5,</span><br><span>});</span></code></pre></main></body></html>
            """
        let article = try Self.clean(html, as: .documentation)
        let code = article.blocks.compactMap { block -> String? in
            if case .code(let text) = block { return text } else { return nil }
        }
        #expect(code == ["import { Queue } from 'quarry';\nconst q = new Queue('emails', {\n    attempts: 5,\n});"])
    }
}
