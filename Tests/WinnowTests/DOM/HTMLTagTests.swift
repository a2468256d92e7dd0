import CLibXML2
import Foundation
import Testing
@testable import Winnow

/// `Node.tag` keeps each element's tag in libxml2's `extra` field after
/// the first question: every element of every fixture page answers what
/// its name says, the first time and after, and XPath (whose node order
/// could read such fields) finds the same elements, in the same order,
/// before and after every tag is kept.
@Suite struct HTMLTagTests {
    @Test(arguments: TextCountsTests.fixtures)
    func keptTagsAreTheNamesTags(fixture: String) throws {
        let bytes = [UInt8](try Data(contentsOf: TestSupport.repositoryRoot.appendingPathComponent("Fixtures/\(fixture)/page.html")))
        let document = try Document(utf8: CharsetDecoder.utf8(from: bytes, declared: nil))
        let query = try XPath("//*[self::p or self::a or self::div or @class]")
        let before = query.elements(in: document)
        let root = try #require(document.root)
        var elements = [root]
        root.walkDescendants { node in
            if node.isElement { elements.append(node) }
            return .descend
        }
        #expect(elements.count > 20)
        for element in elements {
            let named = element.pointer.pointee.name.map { HTMLTag(name: $0) } ?? .other
            #expect(element.pointer.pointee.extra == 0)
            #expect(element.tag == named)
            #expect(element.pointer.pointee.extra == UInt16(named.rawValue) + 1)
            #expect(element.tag == named)
        }
        #expect(query.elements(in: document) == before)
        #expect(!before.isEmpty)
    }

    @Test func nodesThatAreNotElementsHaveNoTag() throws {
        let document = try TestSupport.document("<html><body><p>text<!-- note --></p></body></html>")
        let paragraph = try #require(document.body?.children.first)
        #expect(paragraph.tag == .p)
        for child in paragraph.childNodes {
            #expect(child.tag == .other)
            #expect(child.pointer.pointee.extra == 0)
        }
    }
}
