import Foundation
import Testing
@testable import Winnow

/// `Cleaner.explain`: the same article and log as a plain clean, and a
/// report in which every removed block of the body is marked.
@Suite struct ExplainReportTests {
    static func explain(_ name: String) throws -> (Explanation, Article) {
        let fixture = try #require(Fixture.all().first { $0.name == name })
        let cleaner = try fixture.folder.cleaner(options: CleanerOptions(explain: true))
        let bytes = try [UInt8](Data(contentsOf: fixture.pageFile))
        let url = try fixture.pageURL()
        return (try cleaner.explain(bytes: bytes, url: url), try cleaner.clean(bytes: bytes, url: url))
    }

    @Test(arguments: ["seed-wordpress", "seed-aggregator", "hidden-blocks"])
    func explainingChangesNothingOfTheArticle(name: String) throws {
        let (explanation, article) = try Self.explain(name)
        #expect(explanation.article == article)
        #expect(explanation.removals == article.removed)
    }

    @Test func groupsFollowTheLogByStageAndRule() throws {
        let (explanation, _) = try Self.explain("seed-wordpress")
        let groups = explanation.groups
        #expect(groups.reduce(0) { $0 + $1.removals.count } == explanation.removals.count)
        #expect(groups.reduce(0) { $0 + $1.chars } == explanation.removals.reduce(0) { $0 + $1.chars })
        // Stages in pipeline order: a group's stage never comes back later.
        var seen: [String] = []
        for group in groups where seen.last != group.stage {
            #expect(!seen.contains(group.stage), "\(group.stage) appears twice")
            seen.append(group.stage)
        }
        #expect(groups.contains { $0.stage == "comments" && $0.rule == "comment-sections" })
    }

    @Test func reportMarksRemovedBlocksAndRunsNothing() throws {
        let (explanation, article) = try Self.explain("seed-wordpress")
        let report = explanation.reportHTML
        #expect(!report.lowercased().contains("<script"))
        #expect(!report.lowercased().contains("<iframe"))
        #expect(!report.contains("<link"))
        // The comment section is marked apart from dropped blocks.
        #expect(report.contains(#"data-winnow-kind="comments" data-winnow-stage="comments" data-winnow-rule="comment-sections""#))
        #expect(report.contains(#"data-winnow-kind="dropped" data-winnow-stage="strip-boilerplate" data-winnow-rule="site-header""#))
        // The kept article is in the report, as the page's own markup.
        #expect(article.text.contains("Wednesday marks the 28th day of Russian President"))
        #expect(report.contains("Wednesday marks the 28th day of Russian President"))
        // Each element removal of the body is marked once.
        let marked = report.components(separatedBy: "data-winnow-rule=").count - 1
        let bodyElementRemovals = explanation.removals.filter { $0.chars > 0 && $0.rule != "html-comments" }.count
        #expect(marked >= bodyElementRemovals - 2, "\(marked) marked of \(explanation.removals.count) removals")
    }

    // MARK: - The chosen article element

    @Test func theChosenElementAndWhyAreGiven() throws {
        let (explanation, _) = try Self.explain("seed-wordpress")
        #expect(explanation.mainContent == "article#post-9512.post-9512.post.type-post…")
        #expect(explanation.mainContentEvidence.first == "markup: rule article-element names it; it holds the scoring's pick, div.entry-content")
        #expect(explanation.mainContentEvidence.last?.hasPrefix("best-scored of 11 candidates: div.entry-content 116.5 (4195 chars), ") == true)
    }

    /// No markup names the article: the scoring decides, and its best
    /// candidates are listed with their scores.
    @Test func aScoredChoiceListsTheCandidates() throws {
        let paragraph = "<p>The river rose by a metre before dawn, to the relief of the farmers, the millers and the boatmen, "
            + "who had watched it sink all summer, and the council lifted the hosepipe ban on Wednesday.</p>"
        let html = "<html><body><div class=\"nav\"><a href=\"/\">Home</a></div><div id=\"story\">"
            + String(repeating: paragraph, count: 4) + "</div><div class=\"footer\"><p>Short footer text here.</p></div></body></html>"
        let explanation = try Cleaner(options: CleanerOptions(explain: true)).explain(bytes: Array(html.utf8))
        #expect(explanation.mainContent == "div#story")
        #expect(explanation.mainContentEvidence.first == "scoring: no markup rule matched")
        let candidates = try #require(explanation.mainContentEvidence.last)
        #expect(candidates.hasPrefix("best-scored of "), "\(candidates)")
        #expect(candidates.contains("div#story "), "\(candidates)")
        #expect(explanation.reportHTML.contains(#"<div id="story" data-winnow-main="div#story">"#))
    }

    /// Cleaning without explanations does not spend time on the reasons.
    @Test func aPlainCleanGathersNoEvidence() throws {
        let fixture = try #require(Fixture.all().first { $0.name == "seed-wordpress" })
        var timings: StageTimings?
        let (page, _) = try fixture.folder.cleaner(options: CleanerOptions()).cleanedPage(
            bytes: [UInt8](Data(contentsOf: fixture.pageFile)), url: nil, timings: &timings)
        #expect(page.mainContent != nil)
        #expect(page.mainContentEvidence.isEmpty)
    }

    @Test func theReportFramesTheChosenElementAndSaysWhy() throws {
        let (explanation, _) = try Self.explain("seed-wordpress")
        let report = explanation.reportHTML
        #expect(report.components(separatedBy: "data-winnow-main=").count == 2)
        #expect(report.contains(#"<article id="post-9512" data-winnow-main="article#post-9512.post-9512.post.type-post…""#)
            || report.contains(#"data-winnow-main="article#post-9512.post-9512.post.type-post…""#))
        #expect(report.contains("<b>Article:</b> <code>article#post-9512.post-9512.post.type-post…</code>, framed in green below."))
        #expect(report.contains("<li>markup: rule article-element names it; it holds the scoring&#39;s pick, div.entry-content</li>")
            || report.contains("<li>markup: rule article-element names it; it holds the scoring's pick, div.entry-content</li>"))
    }

    // MARK: - Removals of nothing

    /// Removals of 0 characters get no label each in the report, but one
    /// line per rule in its summary.
    @Test func removalsOfNothingAreGroupedPerRule() throws {
        let (explanation, _) = try Self.explain("seed-wordpress")
        let report = explanation.reportHTML
        #expect(explanation.removals.contains { $0.chars == 0 })
        #expect(!report.contains(#"data-winnow-chars="0""#))
        #expect(report.contains("<li>strip-non-content · non-content-elements: 2 with no text: &lt;iframe&gt;, &lt;script&gt;</li>"))
        #expect(report.contains("<li>strip-non-content · form-controls: 8 with no text: &lt;textarea&gt;, &lt;input&gt;</li>"))
        let group = try #require(explanation.groups.first { $0.rule == "form-controls" })
        #expect(group.empty.count == 8 && group.nonEmpty.count == 5)
        #expect(group.emptySummary == "8 with no text: <textarea>, <input>")
    }

    // MARK: - Images

    static let imagePage = """
        <html><head><title>Rain</title></head><body><article><h1>Rain</h1>
        <p>After six dry weeks the rain came back on Tuesday night, and the river rose by a metre before dawn, to the \
        relief of the farmers who had watched it sink all summer, and of the millers downstream.</p>
        <figure><img src="../img/river.jpg" width="800" height="500"><figcaption>The river</figcaption></figure>
        <img src="data:image/gif;base64,R0lGOD" data-src="/img/lazy.jpg" width="600" height="400">
        <img src="data:image/gif;base64,R0lGOD" width="600" height="400">
        </article></body></html>
        """

    /// Images resolve against the page's address, so the report looks
    /// like the page; a lazy image's real source is its data-src.
    @Test func imagesResolveAgainstThePageAddress() throws {
        let explanation = try Cleaner(options: CleanerOptions(explain: true)).explain(
            bytes: Array(Self.imagePage.utf8), url: "https://valley.example/news/2024/rain.html")
        let report = explanation.reportHTML
        #expect(report.contains(#"src="https://valley.example/news/img/river.jpg""#))
        #expect(report.contains(#"src="https://valley.example/img/lazy.jpg""#))
        #expect(!report.contains("data:image"))
        #expect(!report.contains("data-src"))
    }

    /// With no address an image's source stays relative, and is left out:
    /// it would resolve against the report's own location.
    @Test func imagesWithoutAnAddressHaveNoSource() throws {
        let explanation = try Cleaner(options: CleanerOptions(explain: true)).explain(bytes: Array(Self.imagePage.utf8))
        #expect(!explanation.reportHTML.contains(" src="))
        #expect(explanation.reportHTML.contains(#"<img width="800" height="500">"#))
    }
}
