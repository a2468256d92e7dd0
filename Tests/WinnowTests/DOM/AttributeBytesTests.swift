import CLibXML2
import Testing
@testable import Winnow

/// The attribute tests that read libxml2's bytes in place answer what the
/// String spellings they replace answer.
@Suite struct AttributeBytesTests {
    @Test(arguments: [
        ("author", true), ("AUTHOR", true), ("nofollow author", true), ("author  external", true),
        ("authors", false), ("co-author", false), ("", false), ("nofollow\tauthor", false),
        ("\u{212A}ey author", true), ("auth\u{212A}or", false),
    ])
    func tokenListsAreSplitAtSpacesWithCaseIgnored(rel: String, holdsAuthor: Bool) throws {
        let document = try TestSupport.document("<html><body><a id=\"x\" rel=\"\(rel)\">Ann</a><a id=\"y\">Bo</a></body></html>")
        let links = try XPath("//a").elements(in: document)
        let spelled = links[0].attribute("rel").map { $0.lowercased().split(separator: " ").contains("author") } ?? false
        #expect(links[0].attribute("rel", hasToken: "author") == holdsAuthor)
        #expect(spelled == holdsAuthor)
        #expect(!links[1].attribute("rel", hasToken: "author"))
    }

    @Test(arguments: [
        "https://schema.org/Comment", "http://schema.org/UserComments", "Comment", "/comment", "",
        "https://schema.org/Comment\r", "https://schéma.org/Comment",
    ])
    func suffixesAreWhatStringsSay(itemtype: String) throws {
        let document = try TestSupport.document("<html><body><div itemtype=\"\(itemtype)\">x</div></body></html>")
        let div = try #require(document.body?.children.first)
        let spelled = div.attribute("itemtype").map { $0.hasSuffix("/Comment") } ?? false
        #expect(div.attribute("itemtype", hasSuffix: "/Comment") == spelled)
        #expect(!div.attribute("itemscope", hasSuffix: "/Comment"))
    }

    /// Every node of a page with look-alike names (`idx`, `data-id`, a
    /// value-less `hidden`, an entity in a value), asked each name: the
    /// in-place lookup finds what `xmlHasProp` finds, and `attribute(_:)`
    /// reads what `xmlGetProp` gives.
    @Test func lookupsFindWhatLibxml2Finds() throws {
        let document = try TestSupport.document("""
            <html><body><div idx="1" data-id="2" class="a b" hidden><!-- c -->text
            <p id="x" title="a &amp; b" style="" ID="dup">é</p><span rel="author" itemprop="name">n</span></div></body></html>
            """)
        let body = try #require(document.body)
        var nodes = [body]
        body.walkDescendants { node in
            nodes.append(node)
            return .descend
        }
        var found = 0
        for node in nodes {
            for name: StaticString in ["id", "idx", "class", "hidden", "style", "title", "rel", "itemprop", "data", "i"] {
                let expected = xmlHasProp(node.pointer, name.utf8Start)
                #expect(node.attributeNode(name) == expected)
                let value = xmlGetProp(node.pointer, name.utf8Start)
                #expect(node.attribute(name) == value.map { String(cString: $0) })
                if let value { winnow_xml_free(value) }
                if expected != nil { found += 1 }
            }
        }
        // The page holds eight of them, so the comparisons above saw both answers.
        #expect(found == 8)
    }

    /// The visible length read in place is `Text.visibleLength` of the
    /// node's String, for ASCII and for text past it (no-break and em
    /// spaces are white space, accents are not), and nothing for elements
    /// and comments.
    @Test(arguments: ["  \n\t ", "a b", "\u{A0}", "\u{A0}x", "caf\u{E9}", "\u{2003}\u{2003}", " x ", ""])
    func visibleOwnTextIsWhatTheStringSays(text: String) throws {
        let document = try TestSupport.document("<html><body><div>\(text)<!--\(text)--><b>\(text)</b></div></body></html>")
        let div = try #require(document.body?.children.first)
        var nodes = [div]
        div.walkDescendants { node in
            nodes.append(node)
            return .descend
        }
        for node in nodes {
            let expected = Text.visibleLength(node.ownText ?? "")
            #expect(node.ownVisibleLength == expected)
            #expect(node.hasVisibleOwnText == (expected > 0))
        }
        #expect(div.ownVisibleLength == 0)
    }
}
