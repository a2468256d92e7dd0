import Foundation
import Testing
@testable import Winnow

/// The page-type stage's evidence, piece by piece: URL shapes, prices,
/// and the decision on pages whose markup says plainly what they are.
struct PageTypeEvidenceTests {
    @Test func urlShapes() {
        let thread = URLParts("https://forum.example.org/t/a-question-about-lathes/12345")
        #expect(thread.firstHostLabel == "forum")
        #expect(thread.segments == ["t", "a-question-about-lathes", "12345"])
        #expect(!thread.hasDatePath)
        let story = URLParts("https://www.example.com/2024/03/05/council-votes-on-new-budget.html?ref=rss")
        #expect(story.firstHostLabel == "example")
        #expect(story.hasDatePath)
        #expect(story.lastSegmentWords == 5)
        #expect(story.hasQuery)
        let home = URLParts("https://example.com/")
        #expect(home.segments.isEmpty)
        #expect(home.host == "example.com")
        // No URL says nothing: not a home page.
        #expect(URLParts(nil).host.isEmpty)
        #expect(URLParts("https://example.com/index.html").segments.isEmpty)
        #expect(!URLParts("https://example.com/1850/13/old").hasDatePath)
    }

    @Test(arguments: [
        ("$19.99", true), ("£ 5", true), ("19,99 €", true), ("1.299,00 eur", true), ("usd 40", true), ("from $12", true),
        ("¥1200", true), ("2024", false), ("page 3 of 12", false), ("eurovision 2024", false), ("$", false),
        ("us$ and more", false),
    ])
    func prices(_ text: String, _ isPrice: Bool) {
        #expect(Price.appears(in: text) == isPrice, "\(text)")
    }

    @Test(arguments: [
        ("March 5, 2024", true), ("5 mar 2024", true), ("2024-03-05", true), ("3 days ago", true), ("posted 2 hours ago", true),
        ("the market in 2024", false), ("you may also like 3 items", false), ("may 3", true), ("page 3 of 12", false), ("may", false),
    ])
    func dates(_ text: String, _ isDate: Bool) {
        #expect(DateText.appears(in: text) == isDate, "\(text)")
    }

    static func decide(_ html: String, url: String?) throws -> (PageType, [String]) {
        let cleaner = try Cleaner(options: CleanerOptions(explain: true))
        let explanation = try cleaner.explain(bytes: Array(html.utf8), url: url)
        return (explanation.article.pageType, explanation.pageTypeEvidence)
    }

    @Test func aProductPageWithItsStructuredDataIsAProduct() throws {
        let html = """
            <html><head><meta property="og:type" content="product">
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Trail Pack 25",
            "offers":{"@type":"Offer","price":"99.95","priceCurrency":"USD"}}</script></head>
            <body><h1>Trail Pack 25</h1><p class="price">$99.95</p><button>Add to cart</button><p>In stock</p>
            <div class="product-description"><p>A light daypack with a padded back panel, two side pockets and room for a
            day's gear on the trail.</p></div></body></html>
            """
        let (type, evidence) = try Self.decide(html, url: "https://shop.example.com/products/trail-pack-25")
        #expect(type == .product, "\(evidence)")
        #expect(evidence.first?.hasPrefix("product at ") == true)
    }

    @Test func aThreadUnderAForumURLIsAForum() throws {
        var posts = ""
        for index in 1...4 {
            posts += """
                <div class="post" id="p\(index)"><div class="postprofile"><a href="/u/\(index)">member\(index)</a> Joined: 2019
                Posts: 12</div><div class="postbody"><p class="author">by member\(index) » Sat Jan 13, 2024</p>
                <div class="content">Post number \(index) answers the question with a few sentences of advice, a tip on
                bearings, and thanks for the help.</div><a href="#p\(index)">Quote</a> <a href="#reply">Reply</a></div></div>
                """
        }
        let html = "<html><head><title>Bearing preload</title></head><body><h2>Bearing preload</h2>\(posts)</body></html>"
        let (type, evidence) = try Self.decide(html, url: "https://forum.example.org/viewtopic.php?t=18844")
        #expect(type == .forum, "\(evidence)")
    }

    /// A local business declares its trade (`Plumber`, `Dentist`), not the
    /// parent type `LocalBusiness`; a shop's `Store` is no service.
    @Test(arguments: [("Plumber", 1.0), ("Dentist", 1.0), ("LocalBusiness", 1.0), ("Store", 0.0), ("Organization", 0.0)])
    func aDeclaredTradeIsServiceData(_ type: String, _ expected: Double) throws {
        let html = """
            <html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"\(type)",
            "name":"Hollis & Sons"}</script></head><body><p>Text.</p></body></html>
            """
        let figures = try Cleaner().pageEvidence(bytes: Array(html.utf8))
        #expect(figures.first { $0.name == "data.service" }?.value == expected, "\(type)")
    }

    @Test func theCallersTypeIsTakenAsGiven() throws {
        let cleaner = try Cleaner(options: CleanerOptions(explain: true, pageType: .documentation))
        let explanation = try cleaner.explain(bytes: Array("<html><body><p>Text.</p></body></html>".utf8))
        #expect(explanation.article.pageType == .documentation)
        #expect(explanation.pageTypeEvidence == ["given by the caller"])
    }

    /// The shipped model agrees with the evidence it weighs: every figure it
    /// names is one the stage computes, and every type has a row.
    @Test func theModelNamesTheFiguresTheStageComputes() throws {
        let model = try #require(PageTypeModel.builtIn)
        let page = try Cleaner().pageEvidence(bytes: Array("<html><body><p>Text.</p></body></html>".utf8))
        #expect(model.figureNames == page.map(\.name))
        #expect(Set(model.types) == Set(PageType.allCases.filter { $0 != .other }))
    }
}
