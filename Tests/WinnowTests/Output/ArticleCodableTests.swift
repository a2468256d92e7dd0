import Foundation
import Testing
@testable import Winnow

/// `Article` and its parts are `Codable` in the shape of the
/// `winnow.article/1` JSON: they survive a round trip through
/// `JSONEncoder`/`JSONDecoder`, dates stay ISO 8601 strings, and winnow's
/// own JSON decodes into the article it was written from.
@Suite struct ArticleCodableTests {
    /// Every kind of block, nested comments, a removal log and links.
    static func article() throws -> Article {
        let html = """
            <html><head><title>Rain returns</title><meta name="author" content="Mira Holt">
            <meta property="article:published_time" content="2024-05-01T06:00:00+00:00"></head><body>
            <article><h1>Rain returns</h1>
            <p>After six dry weeks the rain came back on Tuesday night, the <a href="/reservoirs">reservoirs</a> filled, \
            and the river rose by a metre before dawn, to the relief of the farmers along its banks.</p>
            <h2>Levels</h2><ol><li>Reservoirs at 61%</li><li>Rivers within their banks</li></ol>
            <blockquote><p>About time.</p></blockquote>
            <table><tr><th>Place</th><th>mm</th></tr><tr><td>Ashby</td><td>41</td></tr><tr><td>Brill</td><td>38</td></tr></table>
            <pre>rain --since tuesday</pre>
            <figure><img src="/img/river.jpg" width="800" height="500"><figcaption>The river at dawn</figcaption></figure>
            </article>
            <div id="comments" class="comments-area"><ol class="comment-list">
            <li class="comment" id="comment-1"><article class="comment-body"><footer class="comment-meta">
            <div class="comment-author vcard"><b class="fn"><a href="/people/ann" class="url">Ann</a></b></div>
            <div class="comment-metadata"><time datetime="2024-05-02T08:00:00+00:00">May 2</time></div></footer>
            <div class="comment-content"><p>The garden was dust.</p></div></article>
            <ol class="children"><li class="comment" id="comment-2"><article class="comment-body"><footer class="comment-meta">
            <div class="comment-author vcard"><b class="fn">Ben</b></div><div class="comment-metadata">last spring</div></footer>
            <div class="comment-content"><p>Ours too.</p></div></article></li></ol></li>
            </ol></div></body></html>
            """
        let cleaner = try Cleaner(options: CleanerOptions(explain: true, keepsLinks: true))
        return try cleaner.clean(bytes: Array(html.utf8), url: "https://valley.example/news/rain.html")
    }

    @Test func anArticleSurvivesARoundTrip() throws {
        let article = try Self.article()
        // The test page holds what it is meant to: every part is exercised.
        let kinds = Set(article.blocks.map { String(describing: $0).prefix { $0 != "(" } })
        #expect(kinds.isSuperset(of: ["paragraph", "heading", "list", "quote", "table", "code", "figure"]), "\(kinds)")
        #expect(article.comments.first?.replies.isEmpty == false)
        #expect(article.removed?.isEmpty == false)
        #expect(!article.links.isEmpty)
        #expect(article.metadata.published == "2024-05-01T06:00:00+00:00")

        let data = try JSONEncoder().encode(article)
        #expect(try JSONDecoder().decode(Article.self, from: data) == article)
    }

    /// Dates are the strings the page gave, not numbers of seconds.
    @Test func datesAreISO8601Strings() throws {
        let data = try JSONEncoder().encode(try Self.article())
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["published"] as? String == "2024-05-01T06:00:00+00:00")
        let comment = try #require((object["comments"] as? [[String: Any]])?.first)
        #expect(comment["published"] as? String == "2024-05-02T08:00:00+00:00")
    }

    /// The encoded keys are the JSON writer's: what `winnow clean` prints
    /// decodes into the same article, and the encoder writes the same
    /// members (links aside, which that JSON does not carry).
    @Test func theEncodingIsTheArticleJSON() throws {
        var article = try Self.article()
        article.links = []
        let written = Data(article.rendered(as: .json).utf8)
        #expect(try JSONDecoder().decode(Article.self, from: written) == article)

        let encoded = try JSONEncoder().encode(article)
        let fromEncoder = try #require(try JSONSerialization.jsonObject(with: encoded) as? NSDictionary)
        let fromWriter = try #require(try JSONSerialization.jsonObject(with: written) as? NSDictionary)
        #expect(Set(fromEncoder.allKeys.compactMap { $0 as? String }) == Set(fromWriter.allKeys.compactMap { $0 as? String }))
        #expect(fromEncoder["blocks"] as? NSArray == fromWriter["blocks"] as? NSArray)
        #expect(fromEncoder["text"] as? String == fromWriter["text"] as? String)
    }

    @Test func eachPartIsCodableAlone() throws {
        let blocks: [Block] = [
            .paragraph("p"), .heading(level: 3, text: "h"), .quote("q"), .list(ordered: true, items: ["a", "b"]),
            .figure(src: nil, caption: "c"), .table(rows: [["x", "y"]]), .code("let x = 1"),
        ]
        #expect(try JSONDecoder().decode([Block].self, from: JSONEncoder().encode(blocks)) == blocks)
        let heading = try JSONSerialization.jsonObject(with: JSONEncoder().encode(Block.heading(level: 2, text: "h"))) as? NSDictionary
        #expect(heading == ["type": "heading", "level": 2, "text": "h"] as NSDictionary)

        let comment = Comment(id: "c1", author: "Ann", authorURL: "https://ann.example/", publishedText: "May 2", text: "t",
            replies: [Comment(text: "r")])
        #expect(try JSONDecoder().decode(Comment.self, from: JSONEncoder().encode(comment)) == comment)
        var metadata = Metadata()
        metadata.siteName = "Valley News"
        metadata.authors = ["Mira Holt"]
        let metadataJSON = try JSONEncoder().encode(metadata)
        #expect(String(decoding: metadataJSON, as: UTF8.self).contains(#""site_name":"Valley News""#))
        #expect(try JSONDecoder().decode(Metadata.self, from: metadataJSON) == metadata)
        let link = ArticleLink(block: 0, text: "a", url: "https://a.example/")
        #expect(try JSONDecoder().decode(ArticleLink.self, from: JSONEncoder().encode(link)) == link)
    }

    @Test func anotherSchemaIsRefused() {
        let json = Data(#"{"schema": "winnow.article/2", "blocks": []}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Article.self, from: json) }
    }
}
