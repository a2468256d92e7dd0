import Testing
@testable import Winnow

/// Parts of a page that React streamed after its shell go where its
/// scripts put them, as a browser shows the page, not into the hidden
/// elements at the end of the body.
@Suite struct StreamedSegmentsTests {
    /// The texts of the body's paragraphs and headings, in order, one space
    /// apart.
    static func text(of html: String) throws -> String {
        let document = try TestSupport.document(html)
        return try #require(document.body).descendantElements()
            .filter { $0.hasName("p") || $0.hasName("h1") }
            .map(\.textContent).joined(separator: " ")
    }

    static func hiddenParts(of html: String) throws -> Int {
        let document = try TestSupport.document(html)
        return try #require(document.body).descendantElements().filter { $0.hasAttribute("hidden") }.count
    }

    @Test func aBoundaryPartReplacesItsFallback() throws {
        let html = """
            <html><body><h1>Guide</h1><!--$?--><template id="B:0"></template><p>Loading…</p><!--/$--><p>Footer.</p>
            <div hidden id="S:0"><p>The guide's body.</p></div><script>$RC("B:0","S:0")</script></body></html>
            """
        #expect(try StreamedSegmentsTests.text(of: html).hasPrefix("Guide The guide's body. Footer."))
        #expect(try !StreamedSegmentsTests.text(of: html).contains("Loading"))
        #expect(try StreamedSegmentsTests.hiddenParts(of: html) == 0)
    }

    @Test func aSegmentGoesToItsPlaceholder() throws {
        let html = """
            <html><body><p>First.</p><template id="P:1"></template><p>Last.</p>
            <div hidden id="S:1"><p>Middle.</p></div><script>$RS("S:1","P:1")</script></body></html>
            """
        #expect(try StreamedSegmentsTests.text(of: html).hasPrefix("First. Middle. Last."))
    }

    /// A script's pairing is followed when the numbers differ.
    @Test func theScriptSaysWhichPlaceholder() throws {
        let html = """
            <html><body><!--$?--><template id="B:1"></template><!--/$--><p>Between.</p><!--$?--><template id="B:3"></template><!--/$-->
            <div hidden id="S:3"><p>Streamed.</p></div><script>$RC("B:1","S:3")</script></body></html>
            """
        #expect(try StreamedSegmentsTests.text(of: html).hasPrefix("Streamed. Between."))
    }

    /// A page saved without its scripts: each part goes to the placeholder
    /// of its number; a part inside another is placed too.
    @Test func withoutScriptsAPartGoesToItsNumber() throws {
        let html = """
            <html><body><p>Intro.</p><!--$?--><template id="B:2"></template><!--/$--><p>Outro.</p>
            <div hidden id="S:2"><p>Section one.</p><template id="P:f"></template></div>
            <div hidden id="S:f"><p>Section two.</p></div></body></html>
            """
        #expect(try StreamedSegmentsTests.text(of: html) == "Intro. Section one. Section two. Outro.")
        #expect(try StreamedSegmentsTests.hiddenParts(of: html) == 0)
    }

    /// Hidden elements that are not React's parts, and a part with no
    /// placeholder, stay hidden.
    @Test func otherHiddenElementsStay() throws {
        let html = """
            <html><body><p>Shown.</p><div hidden id="S:9"><p>No placeholder.</p></div><div hidden id="menu"><p>Menu.</p></div>
            <template id="P:4"></template></body></html>
            """
        #expect(try StreamedSegmentsTests.hiddenParts(of: html) == 2)
        #expect(StreamedSegments.scriptedPlaceholders(in: Array(#"x$RC("B:a","S:b");$RS("S:c","P:d");$RC("B:e""#.utf8)) == ["S:b": "B:a", "S:c": "P:d"])
    }

    /// The marker scan, which goes by the marker's `S`, against a plain
    /// search: at the start, at the end, absent, cut short, after near misses.
    @Test func theMarkerIsFoundWhereverItIs() {
        let marker = String(decoding: StreamedSegments.marker, as: UTF8.self)
        for text in [marker, "x" + marker, marker + "x", "S:S:id=\"S" + marker, "id=\"S", "", "SSSS", "id=\"s:", String(marker.dropLast())] {
            #expect(StreamedSegments.contains(Array(text.utf8), StreamedSegments.marker) == text.contains(marker), "\(text)")
        }
    }

    /// A hostile page's parts past `maximumParts` stay hidden; those
    /// before are placed.
    @Test func partsPastTheLimitStayHidden() throws {
        let count = StreamedSegments.maximumParts + 3
        let placeholders = (0..<count).map { "<template id=\"P:\(String($0, radix: 16))\"></template>" }.joined()
        let parts = (0..<count).map { "<div hidden id=\"S:\(String($0, radix: 16))\"><p>Part \($0).</p></div>" }.joined()
        let html = "<html><body><div>\(placeholders)</div>\(parts)</body></html>"
        #expect(try StreamedSegmentsTests.hiddenParts(of: html) == 3)
    }

    /// A page that repeats its ids (a fuzzer's splice of two streamed
    /// pages): a part whose placeholder is inside the part itself stays
    /// where it is; moving it there would make it its own ancestor.
    @Test func aPartHoldingItsOwnPlaceholderStays() throws {
        let html = """
            <html><body><p>Shell.</p><template id="P:3"></template><!--$?--><template id="B:0"></template><!--/$-->
            <div hidden id="S:3"><p>Three.</p><template id="P:3"></template></div><script>$RS("S:3","P:3")</script>
            <div hidden id="S:0"><p>Zero.</p><!--$?--><template id="B:0"></template><p>Fallback.</p><!--/$--></div><script>$RC("B:0","S:0")</script>
            </body></html>
            """
        let document = try TestSupport.document(html)
        let body = try #require(document.body)
        #expect(body.textContent.contains("Three."))
        #expect(body.textContent.contains("Zero."))
        #expect(try StreamedSegmentsTests.hiddenParts(of: html) == 2)
    }

    @Test func theStreamedBodyIsTheArticle() throws {
        let paragraphs = (1...4).map { "<p>Paragraph \($0) of the streamed guide, long enough to count as prose, with commas, clauses, and a full stop.</p>" }
            .joined()
        let article = try TestSupport.clean("""
            <html><body><nav><a href="/">Home</a> <a href="/guides">Guides</a></nav><main><h1>Index funds</h1>
            <p>The shell's own introduction to the guide, shown at once, long enough to count as prose, with commas.</p>
            <!--$?--><template id="B:0"></template><div class="spinner"></div><!--/$-->
            <p>The shell's own closing words on the guide, shown at once, long enough to count as prose, with commas.</p></main>
            <div hidden id="S:0"><div>\(paragraphs)</div></div></body></html>
            """)
        // The streamed part is two thirds of the prose: not the hidden
        // wrapper around nearly all of it that strip-hidden reveals anyway.
        let introduction = try #require(article.text.range(of: "own introduction"))
        let streamed = try #require(article.text.range(of: "Paragraph 1 of the streamed guide"))
        let closing = try #require(article.text.range(of: "own closing words"))
        #expect(introduction.upperBound < streamed.lowerBound && streamed.upperBound < closing.lowerBound)
        #expect(article.text.contains("Paragraph 4 of the streamed guide"))
    }
}
