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
