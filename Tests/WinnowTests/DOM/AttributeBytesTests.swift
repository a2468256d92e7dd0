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
}
