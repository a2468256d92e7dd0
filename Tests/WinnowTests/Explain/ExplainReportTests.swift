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
        let bodyElementRemovals = explanation.removals.filter { !$0.excerpt.isEmpty && $0.rule != "html-comments" }.count
        #expect(marked >= bodyElementRemovals - 2, "\(marked) marked of \(explanation.removals.count) removals")
    }
}
