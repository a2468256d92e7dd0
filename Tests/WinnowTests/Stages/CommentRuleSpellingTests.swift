import Foundation
import Testing
@testable import Winnow

/// A comments-stage rule does the same whether its selector is written as
/// a simple CSS selector (matched in the stage's own walk), as CSS with a
/// combinator, or as XPath (both run as XPath). A CSS `section:` once read
/// no comment where the same rule in XPath read them all: the walk took
/// the section's element for one comment because its class ends in
/// "comment container".
@Suite struct CommentRuleSpellingTests {
    static let page = """
        <html><head><title>Council votes on the bridge</title></head><body>
        <div id="page"><h1>Council votes on the bridge</h1>
        <div class="story">
        <p>The council voted seven to two on Monday night to repair the old river bridge rather than replace it, ending a debate that has run for three years.</p>
        <p class="aside-line">Mill Street Traders say the closure will cost them a fifth of their trade over the summer.</p>
        <p>Repairs will close the bridge to cars for six months from April; pedestrians and cyclists can still cross on a temporary walkway.</p>
        <div class="post-comment"><p>Editor's note: the walkway opens on the first of April and stays until the bridge reopens to traffic in the autumn.</p></div>
        </div>
        <div class="comment_container">
        <h3>Reader comments (3)</h3>
        <ol id="comments">
        <li><p class="by">Posted by: Mary Jones | March 4, 2008 9:12 AM</p><p>Finally a sensible decision. The old bridge has character and the new design was ugly.</p></li>
        <li><p class="by">Posted by: Tom Field | March 4, 2008 10:40 AM</p><p>Six months without the bridge will kill the shops on Mill Street, has anyone asked them?</p></li>
        <li><p class="by">Posted by: Ann | March 5, 2008 8:01 AM</p><p>The walkway is a good idea, my kids cross there every day on the way to school.</p></li>
        </ol></div>
        <div id="footer">© 2008 The Valley Gazette</div></div></body></html>
        """

    /// Each key of a comments-stage rule with a selector, in three spellings.
    static let spellings: [(key: String, spellings: [String])] = [
        ("section", [
            ".comment_container",
            "#page > .comment_container",
            #"xpath://div[contains(concat(" ", normalize-space(@class), " "), " comment_container ")]"#,
        ]),
        ("drop", [
            "p.aside-line",
            ".story > p.aside-line",
            #"xpath://p[contains(concat(" ", normalize-space(@class), " "), " aside-line ")]"#,
        ]),
        ("keep", [
            ".post-comment",
            ".story > .post-comment",
            #"xpath://div[contains(concat(" ", normalize-space(@class), " "), " post-comment ")]"#,
        ]),
    ]

    static func clean(key: String, selector: String) throws -> Article {
        let yaml = """
            - id: site-rule
              stage: comments
              \(key): '\(selector.replacingOccurrences(of: "'", with: "''"))'
            """
        let file = try RuleLoader.ruleFile(fromYAML: yaml, file: "site.yaml")
        return try Cleaner(ruleFiles: [file]).clean(bytes: Array(page.utf8), url: "https://gazette.example/2008/03/bridge")
    }

    @Test(arguments: spellings.map(\.key))
    func everySpellingGivesTheSameArticle(_ key: String) throws {
        let spellings = try #require(Self.spellings.first { $0.key == key }).spellings
        let articles = try spellings.map { try Self.clean(key: key, selector: $0) }
        for (spelling, article) in zip(spellings.dropFirst(), articles.dropFirst()) {
            let isSame = article.json == articles[0].json
            #expect(isSame, "\(key): '\(spelling)' gives another article than '\(spellings[0])'")
        }
        let article = articles[0]
        switch key {
        case "section":
            #expect(article.comments.map(\.author) == ["Mary Jones", "Tom Field", "Ann"])
            #expect(article.comments.first?.published == "2008-03-04T09:12:00")
            #expect(!article.text.contains("Finally a sensible decision"))
        case "drop":
            #expect(!article.text.contains("a fifth of their trade"))
        case "keep":
            #expect(article.text.contains("the walkway opens on the first of April"))
        default:
            Issue.record("no check for \(key)")
        }
    }
}
