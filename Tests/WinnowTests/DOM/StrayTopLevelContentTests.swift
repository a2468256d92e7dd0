import CLibXML2
import Testing
@testable import Winnow

/// Content after an early `</html>` belongs to the body, as a browser
/// builds the page; libxml2 puts it in a second `<html>` element.
@Suite struct StrayTopLevelContentTests {
    @Test func contentAfterAnEarlyEndOfThePageIsInTheBody() throws {
        let document = try TestSupport.document("""
            <!DOCTYPE html><html><head><title>Page</title></head><body><header>Site menu</header>
            </body></html>
            <div class="article"><p>The article that a theme's early end tags left outside.</p></div>
            </body></html>
            """)
        let body = try #require(document.body)
        #expect(body.textContent.contains("The article that a theme"))
        #expect(body.textContent.contains("Site menu"))
        // One top-level element is left: the first `<html>`.
        #expect(StrayTopLevelContentTests.topLevelElements(of: document) == 1)
    }

    @Test func thePageCleansToTheStrayArticle() throws {
        let paragraph = "<p>A paragraph of the article after the early end tags, long enough to count as prose, with commas, "
            + "clauses, and a full stop.</p>"
        let article = try TestSupport.clean("""
            <html><body><nav><a href="/">Home</a> <a href="/blog">Blog</a></nav></body></html>
            <article><h1>Headline</h1>\(paragraph)\(paragraph)</article>
            """)
        #expect(article.text.contains("after the early end tags"))
    }

    @Test func aPageWithoutStrayContentIsUnchanged() throws {
        let html = "<html><head><title>T</title></head><body><p>Only this.</p></body></html>"
        let document = try TestSupport.document(html)
        #expect(document.body?.textContent == "Only this.")
        #expect(StrayTopLevelContentTests.topLevelElements(of: document) == 1)
    }

    /// A first `<head>` too broken to be one, then a second document after
    /// `</body>`: libxml2 puts that document's `<head>` after the body, and
    /// it is the page's only head. Moving its children into itself never
    /// ended (found by the html fuzz target: a hang, not a slow page). It
    /// stays the head; the second body's content joins the first.
    @Test func theOnlyHeadAfterTheBodyStaysTheHead() throws {
        let html = """
            <!DOCTYPE html><html><article><p>First part of the page.</p></body>
            <!doctype html><html lang="en"><head><title>Second title</title><meta name="author" content="Ann Example"></head>
            <body><p>Second part of the page.</p></body></html>
            """
        let document = try TestSupport.document(html)
        let head = try #require(document.head)
        #expect(head.textContent.contains("Second title"))
        let body = try #require(document.body)
        #expect(body.textContent.contains("First part of the page."))
        #expect(body.textContent.contains("Second part of the page."))
        let article = try TestSupport.clean(html)
        #expect(article.metadata.authors == ["Ann Example"])
    }

    static func topLevelElements(of document: Document) -> Int {
        var count = 0
        var node = document.pointer.pointee.children
        while let current = node {
            if current.pointee.type == XML_ELEMENT_NODE { count += 1 }
            node = current.pointee.next
        }
        return count
    }
}
