import Foundation
import Testing
@testable import Winnow

/// Text and Markdown as a reader (or a trafilatura user) expects them: the
/// title first, a metadata header, links in Markdown, comments after the
/// article; and none of it changes the JSON's text or blocks.
@Suite struct ReaderFormatsTests {
    static let page = """
        <html><head><title>Rain returns to the valley</title>
        <meta name="author" content="Mira Holt">
        <meta property="article:published_time" content="2024-05-01T06:00:00+00:00">
        <link rel="canonical" href="/news/rain"></head><body>
        <article><h1>Rain returns to the valley</h1>
        <p>After six dry weeks the rain came back on Tuesday night, the <a href="/water/reservoirs">reservoirs</a> \
        filled, and the river rose by a metre before dawn, to the relief of <a href="https://farms.example/">the farmers</a> \
        who had watched it sink all summer long.</p>
        <p>The council said the <a href="ban.html">hosepipe ban</a> would stay until the end of the month, to let the \
        groundwater recover; read the <a href="javascript:void(0)">notice</a> or the \
        <a href="/docs/ban (2024).pdf">full order</a>.</p>
        <ul><li>Reservoirs at <a href="/levels">61%</a> of capacity</li><li>Rivers back within their banks</li></ul>
        </article>
        <div id="comments" class="comments-area"><h2>2 comments</h2><ol class="comment-list">
        <li class="comment" id="comment-1"><article class="comment-body"><footer class="comment-meta">
        <div class="comment-author vcard"><b class="fn">Ann</b></div>
        <div class="comment-metadata"><time datetime="2024-05-02T08:00:00+00:00">May 2</time></div></footer>
        <div class="comment-content"><p>About time too, the garden was dust.</p></div></article>
        <ol class="children"><li class="comment" id="comment-2"><article class="comment-body"><footer class="comment-meta">
        <div class="comment-author vcard"><b class="fn">Ben</b></div>
        <div class="comment-metadata"><time datetime="2024-05-02T09:30:00+00:00">May 2</time></div></footer>
        <div class="comment-content"><p>Ours too. The beans are saved.</p></div></article></li></ol></li>
        </ol></div>
        </body></html>
        """
    static let url = "https://valley.example/news/2024/rain.html"

    static func clean(keepsLinks: Bool = false) throws -> Article {
        try Cleaner(options: CleanerOptions(keepsLinks: keepsLinks)).clean(bytes: Array(page.utf8), url: url)
    }

    // MARK: - Title first

    @Test func textStartsWithTheTitle() throws {
        let article = try Self.clean()
        let text = article.rendered(as: .text)
        #expect(text.hasPrefix("Rain returns to the valley\n\nAfter six dry weeks"))
        #expect(text.hasSuffix(article.text))
    }

    @Test func markdownStartsWithTheTitleAsAHeading() throws {
        let markdown = try Self.clean().rendered(as: .markdown)
        #expect(markdown.hasPrefix("# Rain returns to the valley\n\nAfter six dry weeks"))
    }

    /// A title that is already the first block's heading is written once.
    @Test func aTitleHeadingIsNotRepeated() {
        var metadata = Metadata()
        metadata.title = "Rain"
        let article = Article(url: nil, metadata: metadata, blocks: [.heading(level: 1, text: "Rain"), .paragraph("Wet.")])
        #expect(article.rendered(as: .markdown) == "# Rain\n\nWet.")
        #expect(article.rendered(as: .text) == "Rain\n\nWet.")
    }

    // MARK: - Metadata header

    @Test func markdownMetadataIsYAMLFrontMatter() throws {
        let markdown = try Self.clean().rendered(as: .markdown, options: RenderingOptions(includesMetadata: true))
        let header = """
            ---
            title: "Rain returns to the valley"
            authors: ["Mira Holt"]
            published: "2024-05-01T06:00:00+00:00"
            url: "https://valley.example/news/2024/rain.html"
            canonical_url: "https://valley.example/news/rain"
            page_type: "article"
            comment_count: 2
            ---

            # Rain returns to the valley

            """
        #expect(markdown.hasPrefix(header))
    }

    @Test func textMetadataIsKeyValueLines() throws {
        let text = try Self.clean().rendered(as: .text, options: RenderingOptions(includesMetadata: true))
        let header = """
            Title: Rain returns to the valley
            Authors: Mira Holt
            Published: 2024-05-01T06:00:00+00:00
            URL: https://valley.example/news/2024/rain.html
            Canonical URL: https://valley.example/news/rain
            Page type: article
            Comments: 2

            Rain returns to the valley

            """
        #expect(text.hasPrefix(header))
    }

    /// YAML front matter values are JSON strings: a colon or a quote in a
    /// title cannot break the header.
    @Test func frontMatterQuotesWhatYAMLWouldMisread() {
        var metadata = Metadata()
        metadata.title = #"Q: "why"?"#
        let article = Article(url: nil, metadata: metadata, blocks: [.paragraph("A.")])
        let markdown = article.rendered(as: .markdown, options: RenderingOptions(includesMetadata: true))
        #expect(markdown.hasPrefix(#"---\#ntitle: "Q: \"why\"?"\#npage_type: "article"\#n---\#n\#n# Q: "why"?"#))
    }

    // MARK: - Links

    @Test func markdownKeepsLinksWithAbsoluteURLs() throws {
        let markdown = try Self.clean(keepsLinks: true).rendered(as: .markdown, options: RenderingOptions(includesLinks: true))
        #expect(markdown.contains("the [reservoirs](https://valley.example/water/reservoirs) filled"))
        #expect(markdown.contains("relief of [the farmers](https://farms.example/) who"))
        #expect(markdown.contains("the [hosepipe ban](https://valley.example/news/2024/ban.html) would"))
        // A javascript: link leads nowhere; a space or parenthesis in a URL
        // would end a Markdown destination early.
        #expect(markdown.contains("read the notice or the [full order](https://valley.example/docs/ban%20%282024%29.pdf)."))
        #expect(markdown.contains("- Reservoirs at [61%](https://valley.example/levels) of capacity"))
    }

    @Test func linksAreLeftOutUnlessAsked() throws {
        let kept = try Self.clean(keepsLinks: true)
        #expect(!kept.rendered(as: .markdown).contains("]("))
        #expect(try Self.clean().links.isEmpty)
    }

    /// Keeping links changes neither the blocks nor the JSON (the text the
    /// evaluation scores).
    @Test func keepingLinksLeavesTheJSONAsItIs() throws {
        let plain = try Self.clean()
        let kept = try Self.clean(keepsLinks: true)
        #expect(kept.links.count == 5)
        #expect(kept.blocks == plain.blocks)
        #expect(kept.rendered(as: .json) == plain.rendered(as: .json))
    }

    // MARK: - Comments

    @Test func textAppendsCommentsWithRepliesIndented() throws {
        let text = try Self.clean().rendered(as: .text, options: RenderingOptions(includesComments: true))
        let comments = """

            Comments (2)

            Ann, 2024-05-02T08:00:00+00:00
            About time too, the garden was dust.

                Ben, 2024-05-02T09:30:00+00:00
                Ours too. The beans are saved.
            """
        #expect(text.hasSuffix(comments))
    }

    @Test func markdownAppendsCommentsAsNestedLists() throws {
        let markdown = try Self.clean().rendered(as: .markdown, options: RenderingOptions(includesComments: true))
        let comments = """

            ## Comments (2)

            - **Ann** · 2024-05-02T08:00:00+00:00

              About time too, the garden was dust.

              - **Ben** · 2024-05-02T09:30:00+00:00

                Ours too. The beans are saved.
            """
        #expect(markdown.hasSuffix(comments))
    }

    @Test func commentsAreLeftOutUnlessAsked() throws {
        let article = try Self.clean()
        #expect(!article.rendered(as: .text).contains("garden was dust"))
        #expect(!article.rendered(as: .markdown).contains("garden was dust"))
    }
}
