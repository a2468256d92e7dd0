import Foundation
import Testing
@testable import Winnow

/// A `<title>` that holds markup, script or more than 300 characters is no
/// title (an unclosed `<title>` swallows the page after it, in parsers
/// that read its content as text): `og:title`, the `<h1>`, then the first
/// heading stand in.
@Suite struct TitleFallbackTests {
    static let prose = """
        <p>The council voted seven to two on Monday night to repair the old river bridge rather than replace it, ending a long debate.</p>
        <p>Repairs will close the bridge to cars for six months from April; pedestrians can still cross on a temporary walkway.</p>
        """
    /// Markup as the title's text: escaped in the source, so every
    /// parser gives it as text.
    static let swallowed = "Bridge &lt;/title&gt;&lt;script&gt;var tracker = function() { return 1; };&lt;/script&gt;&lt;div id=\"page\"&gt;"
    static let overlong = String(repeating: "Bridge repairs and what they cost the town ", count: 10)

    func title(_ head: String, _ body: String) throws -> String? {
        try TestSupport.clean("<html><head>\(head)</head><body>\(body)\(Self.prose)</body></html>").metadata.title
    }

    @Test func aTitleWithMarkupFallsBackToOpenGraph() throws {
        #expect(try title("<title>\(Self.swallowed)</title><meta property=\"og:title\" content=\"Bridge to be repaired\">", "<h1>Old bridge saved</h1>")
            == "Bridge to be repaired")
    }

    @Test func thenToTheHeadline() throws {
        #expect(try title("<title>\(Self.swallowed)</title>", "<h1>Old bridge saved</h1>") == "Old bridge saved")
        #expect(try title("<title>\(Self.overlong)</title>", "<h1>Old bridge saved</h1>") == "Old bridge saved")
    }

    @Test func thenToTheFirstHeading() throws {
        #expect(try title("<title>\(Self.overlong)</title>", "<h2>Old bridge saved</h2>") == "Old bridge saved")
    }

    @Test func noTitleAtAllWhenNothingIsOne() throws {
        #expect(try title("<title>\(Self.overlong)</title>", "<div>no heading</div>") == nil)
    }

    @Test func whatIsATitle() {
        #expect(ArticleTitle.isTitle("Lock keepers vote to strike over Easter"))
        #expect(ArticleTitle.isTitle("Is 3 < 4? A maths teacher explains"))
        #expect(!ArticleTitle.isTitle("Harbour repairs <script>var a = 1;</script>"))
        #expect(!ArticleTitle.isTitle("Harbour repairs</head><body>"))
        #expect(!ArticleTitle.isTitle("window.dataLayer = window.dataLayer || [];"))
        #expect(!ArticleTitle.isTitle(String(repeating: "x", count: 301)))
        #expect(ArticleTitle.isTitle(String(repeating: "x", count: 300)))
        #expect(!ArticleTitle.isTitle(""))
    }

    @Test func referencesEscapedTwiceAreDecoded() throws {
        #expect(try title("<meta property=\"og:title\" content=\"And finally&amp;#8230; trouble brewing\">", "")
            == "And finally\u{2026} trouble brewing")
    }
}

/// The headline confirms which part of a stated title is the article's.
@Suite struct TitlePartTests {
    @Test func aPartTheHeadlineReadsIsTheTitle() {
        #expect(ArticleTitle.part(
            of: "Healthy Eating Plate • The Nutrition Source", confirmedBy: "Healthy Eating Plate", otherHeadings: [], siteNames: [])
            == "Healthy Eating Plate")
    }

    @Test func aHeadlineThatIsTheTrailingPartAloneConfirmsNothing() {
        #expect(ArticleTitle.part(
            of: "Plan and intended audience | Introduction to Quantum Information Science",
            confirmedBy: "Introduction to Quantum Information Science", otherHeadings: [], siteNames: []) == nil)
    }

    /// A book's or a blog's name in the `<h1>` (the title's trailing part)
    /// and the chapter's title in an `<h2>`: the chapter is the title.
    @Test func anotherHeadingReadsTheTitleBesideTheSitesName() {
        #expect(ArticleTitle.part(
            of: "Plan and intended audience | Introduction to Quantum Information Science",
            confirmedBy: "Introduction to Quantum Information Science",
            otherHeadings: ["Introduction to Quantum Information Science", "Plan and intended audience"], siteNames: [])
            == "Plan and intended audience")
        #expect(ArticleTitle.part(
            of: "What is Ownership? - The Rust Programming Language", confirmedBy: "The Rust Programming Language",
            otherHeadings: ["Keyboard shortcuts", "What is Ownership?"], siteNames: [])
            == "What is Ownership?")
    }
}
