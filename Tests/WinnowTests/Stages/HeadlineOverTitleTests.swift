import Foundation
import Testing
@testable import Winnow

/// The page's only `<h1>` is the title when it rewords the stated title
/// (`og:title`, `<title>`), not when it names a section, a slogan or the
/// site, nor when it is one of several.
@Suite struct HeadlineOverTitleTests {
    static let prose = """
        <p>The council voted seven to two on Monday night to repair the old river bridge rather than replace it, ending a long debate.</p>
        <p>Repairs will close the bridge to cars for six months from April; pedestrians can still cross on a temporary walkway.</p>
        """

    func title(_ head: String, _ body: String) throws -> String? {
        try TestSupport.clean("<html><head>\(head)</head><body>\(body)\(Self.prose)</body></html>").metadata.title
    }

    @Test func theHeadlineRewordingTheSearchTitleIsTheTitle() throws {
        #expect(try title(
            "<meta property=\"og:title\" content=\"Top 11 SEO Strategies for 2025\">",
            "<h1>11 SEO Strategies for 2025 to Boost Rankings and Stay Ahead</h1>")
            == "11 SEO Strategies for 2025 to Boost Rankings and Stay Ahead")
        #expect(try title(
            "<title>Bridge repairs: what the council decided</title>",
            "<h1>Council votes to repair the old bridge</h1>")
            == "Council votes to repair the old bridge")
    }

    @Test func aHeadlineSharingFewWordsIsASectionOrASlogan() throws {
        #expect(try title(
            "<meta property=\"og:title\" content=\"Figma: The Collaborative Interface Design Tool\">",
            "<h1>Make anything possible, all in Figma</h1>")
            == "Figma: The Collaborative Interface Design Tool")
        #expect(try title("<title>Council votes to repair the old bridge</title>", "<h1>Local news</h1>")
            == "Council votes to repair the old bridge")
    }

    @Test func oneHeadlineAmongSeveralIsNotTrusted() throws {
        #expect(try title(
            "<meta property=\"og:title\" content=\"Top 11 SEO Strategies for 2025\">",
            "<h1>11 SEO Strategies for 2025 to Boost Rankings</h1><h1>Related strategies</h1>")
            == "Top 11 SEO Strategies for 2025")
    }

    @Test func aHeadlineThatAddsToTheTitleIsTheTitlePlusFurniture() throws {
        // Sphinx's permalink sign, a site name: the stated title is inside.
        #expect(HeadlineOverTitle.title(
            stated: "Monitoring and Management Guide", headline: "Monitoring and Management Guide¶", headlineCount: 1)
            == "Monitoring and Management Guide")
        #expect(HeadlineOverTitle.title(
            stated: "Bridge repairs", headline: "Bridge repairs - The Town Gazette", headlineCount: 1) == "Bridge repairs")
    }

    /// CSS-in-JS frameworks put style rules inside the heading: they are
    /// no part of its text.
    @Test func aHeadingsStyleRulesAreNotItsText() throws {
        #expect(try title(
            "<meta property=\"og:title\" content=\"The Cream with TFC8 | Augustinus Bader\">",
            "<h1><style>.css-1a8e5pi{cursor:pointer;font-weight:700;}</style><a>Augustinus Bader</a> <style>.css-wkag1e{white-space:pre-wrap;}</style>The Cream with TFC8 Face Moisturizer</h1>")
            == "Augustinus Bader The Cream with TFC8 Face Moisturizer")
    }

    @Test func theSameWordsReorderedKeepTheStatedTitle() {
        #expect(HeadlineOverTitle.title(
            stated: "Cycle from Two Weeks to Two Days", headline: "Two Days to Two Weeks from Cycle", headlineCount: 1)
            == "Cycle from Two Weeks to Two Days")
    }

    @Test func noHeadlineOrNoStatedTitle() {
        #expect(HeadlineOverTitle.title(stated: "Bridge repairs", headline: nil, headlineCount: 0) == "Bridge repairs")
        #expect(HeadlineOverTitle.title(stated: nil, headline: "Bridge repairs", headlineCount: 1) == nil)
    }

    @Test func theShareOfWordsIsTheJaccardIndex() {
        #expect(HeadlineOverTitle.words(of: "The 21 best movies of 2017!") == ["the", "21", "best", "movies", "of", "2017"])
        // 5 of 10 distinct words shared: over the cut.
        #expect(HeadlineOverTitle.title(
            stated: "How to watch the 21 best films of 2017", headline: "The 21 best movies of 2017", headlineCount: 1)
            == "The 21 best movies of 2017")
    }
}
