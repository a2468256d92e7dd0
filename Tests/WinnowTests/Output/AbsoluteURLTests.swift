import Foundation
import Testing
@testable import Winnow

/// Relative URLs in the output are made absolute against the page's
/// `<base href>`, else its URL (`--url`), else its canonical URL: figure
/// sources, comment authors' pages and the canonical URL itself.
@Suite struct AbsoluteURLTests {
    static func page(head: String = "") -> String {
        """
        <html><head><title>Rain returns to the valley</title>\(head)</head><body>
        <article><h1>Rain returns to the valley</h1>
        <p>After six dry weeks the rain came back on Tuesday night, filling the reservoirs that farmers had watched \
        sink all summer, and the river rose by a metre before dawn, to the relief of everyone along its banks.</p>
        <figure><img src="../img/river.jpg" width="800" height="500"><figcaption>The river at dawn</figcaption></figure>
        <p>The council said the hosepipe ban would stay in place until the end of the month, to let the \
        groundwater recover, and thanked residents for cutting their use by a fifth during the drought.</p>
        </article>
        <div id="comments" class="comments-area"><h2>2 comments</h2><ol class="comment-list">
        <li class="comment" id="comment-1"><article class="comment-body"><footer class="comment-meta">
        <div class="comment-author vcard"><b class="fn"><a href="/people/ann" class="url">Ann</a></b></div>
        <div class="comment-metadata"><time datetime="2024-05-02T08:00:00+00:00">May 2</time></div></footer>
        <div class="comment-content"><p>About time too, the garden was dust.</p></div></article></li>
        </ol></div>
        </body></html>
        """
    }

    static func clean(_ html: String, url: String?) throws -> Article {
        try Cleaner().clean(bytes: Array(html.utf8), url: url)
    }

    static func figureSource(_ article: Article) -> String? {
        for case .figure(let src, _) in article.blocks { return src }
        return nil
    }

    @Test func theGivenURLResolvesRelativeReferences() throws {
        let article = try Self.clean(
            Self.page(head: #"<link rel="canonical" href="/news/rain">"#), url: "https://valley.example/news/2024/rain.html")
        #expect(Self.figureSource(article) == "https://valley.example/news/img/river.jpg")
        #expect(article.comments.first?.authorURL == "https://valley.example/people/ann")
        #expect(article.metadata.canonicalURL == "https://valley.example/news/rain")
        #expect(article.url == "https://valley.example/news/2024/rain.html")
    }

    @Test func baseHrefComesBeforeTheURL() throws {
        let article = try Self.clean(
            Self.page(head: #"<base href="https://static.valley.example/a/b/"><link rel="canonical" href="/news/rain">"#),
            url: "https://valley.example/news/2024/rain.html")
        #expect(Self.figureSource(article) == "https://static.valley.example/a/img/river.jpg")
        #expect(article.comments.first?.authorURL == "https://static.valley.example/people/ann")
        #expect(article.metadata.canonicalURL == "https://static.valley.example/news/rain")
    }

    /// A relative `<base href>` is itself resolved against the URL.
    @Test func aRelativeBaseIsResolvedAgainstTheURL() throws {
        let article = try Self.clean(Self.page(head: #"<base href="/archive/2024/">"#), url: "https://valley.example/x")
        #expect(Self.figureSource(article) == "https://valley.example/archive/img/river.jpg")
    }

    @Test func withoutAURLTheCanonicalURLResolves() throws {
        let article = try Self.clean(
            Self.page(head: #"<link rel="canonical" href="https://valley.example/news/2024/rain.html">"#), url: nil)
        #expect(Self.figureSource(article) == "https://valley.example/news/img/river.jpg")
        #expect(article.comments.first?.authorURL == "https://valley.example/people/ann")
        #expect(article.url == nil)
    }

    @Test func withoutAnyAddressReferencesStayAsWritten() throws {
        let article = try Self.clean(Self.page(), url: nil)
        #expect(Self.figureSource(article) == "../img/river.jpg")
        #expect(article.comments.first?.authorURL == "/people/ann")
        #expect(article.metadata.canonicalURL == nil)
    }

    @Test func absoluteReferencesAreLeftAlone() {
        let address = PageAddress(base: "https://valley.example/a/b.html")
        #expect(address.absolute("https://other.example/x y") == "https://other.example/x y")
        #expect(address.absolute("data:image/png;base64,AAAA") == "data:image/png;base64,AAAA")
        #expect(address.absolute("mailto:ed@valley.example") == "mailto:ed@valley.example")
        #expect(address.absolute("//cdn.example/p.png") == "https://cdn.example/p.png")
        #expect(address.absolute("photo 1.jpg") == "https://valley.example/a/photo%201.jpg")
        #expect(address.absolute("") == "")
        #expect(PageAddress(base: "not a url").base == nil)
        #expect(PageAddress(base: "/relative/only").base == nil)
    }

    /// A host-scoped rule applies to a page saved without its URL when the
    /// page names its canonical URL on that host.
    @Test func hostRulesApplyThroughTheCanonicalURL() throws {
        let rules = try RuleLoader.ruleFile(
            fromYAML: "- id: valley-figures\n  hosts: [valley.example]\n  stage: strip-article-boilerplate\n  drop: figure\n",
            file: "valley.yaml")
        let cleaner = try Cleaner(ruleFiles: [rules])
        let canonical = Self.page(head: #"<link rel="canonical" href="https://www.valley.example/news/rain">"#)
        let withCanonical = try cleaner.clean(bytes: Array(canonical.utf8), url: nil)
        #expect(Self.figureSource(withCanonical) == nil, "the host rule dropped the figure")
        let elsewhere = Self.page(head: #"<link rel="canonical" href="https://hills.example/news/rain">"#)
        #expect(Self.figureSource(try cleaner.clean(bytes: Array(elsewhere.utf8), url: nil)) != nil)
        // The caller's URL wins over the page's word.
        #expect(Self.figureSource(try cleaner.clean(bytes: Array(canonical.utf8), url: "https://hills.example/a")) != nil)
        #expect(Self.figureSource(try cleaner.clean(bytes: Array(Self.page().utf8), url: nil)) != nil)
        #expect(cleaner.rules.addressScopedRuleIDs == ["valley-figures"])
    }
}
