import Testing
@testable import Winnow

@Suite struct CleanerTests {
    static let page = """
        <html lang="en"><head><title>A title</title></head><body>
        <a href="#main">Skip to content</a>
        <nav><a href="/">Home</a> <a href="/news">News</a></nav>
        <article><h1>The headline</h1>
        <p>First paragraph of the article, long enough to count as prose, with commas, and more words.</p>
        <p>Read also: <a href="/other">Another story</a></p>
        <p>Second paragraph of the article, also long enough to be scored as a real paragraph of text.</p>
        </article>
        <footer>Copyright the site</footer>
        </body></html>
        """

    @Test func keepsArticleAndDropsFrame() throws {
        let article = try TestSupport.clean(CleanerTests.page)
        #expect(article.text.contains("First paragraph of the article"))
        #expect(article.text.contains("Second paragraph"))
        #expect(!article.text.contains("Skip to content"))
        #expect(!article.text.contains("Home"))
        #expect(!article.text.contains("Read also"))
        #expect(!article.text.contains("Copyright"))
        #expect(article.metadata.title == "A title")
        #expect(article.metadata.language == "en")
    }

    @Test func logsEveryRemovalWithStageAndRule() throws {
        let article = try TestSupport.clean(CleanerTests.page)
        let removed = try #require(article.removed)
        #expect(removed.contains { $0.stage == "strip-boilerplate" && $0.rule == "skip-links" })
        #expect(removed.contains { $0.stage == "strip-boilerplate" && $0.rule == "navigation" })
        #expect(removed.contains { $0.stage == "strip-article-boilerplate" && $0.rule == "read-also" && $0.excerpt.hasPrefix("Read also") })
    }

    @Test func sameInputGivesIdenticalOutput() throws {
        let first = try TestSupport.clean(CleanerTests.page).json.serialized()
        let second = try TestSupport.clean(CleanerTests.page).json.serialized()
        #expect(first == second)
    }

    @Test func emptyInputIsAnError() {
        #expect(throws: CleanerError.emptyInput) { try TestSupport.clean("") }
    }
}

/// The second cleaning of a page whose first article came out too short:
/// the frame removals that held the prose are spared, the rest of the
/// frame still goes.
@Suite struct RetryTests {
    static let prose = (1...4).map { number in
        "<p>Paragraph \(number) of the story, which a theme put inside its menu bar, long enough to count as prose, with commas, clauses, and a full stop.</p>"
    }.joined()

    @Test func anArticleInsideAFrameElementIsKept() throws {
        let article = try TestSupport.clean("""
            <html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
            <div class="navbar"><h1>The story</h1>\(RetryTests.prose)</div>
            <footer>Copyright the site</footer></body></html>
            """)
        #expect(article.text.contains("Paragraph 1 of the story"))
        #expect(article.text.contains("Paragraph 4 of the story"))
        #expect(!article.text.contains("Home"))
        #expect(!article.text.contains("Copyright"))
        let removed = try #require(article.removed)
        #expect(!removed.contains { $0.excerpt.contains("Paragraph 1") })
        #expect(removed.contains { $0.rule == "navigation" && $0.excerpt.hasPrefix("Home") })
    }

    @Test func anArticleInAHiddenWrapperIsKept() throws {
        let article = try TestSupport.clean("""
            <html><body><nav><a href="/">Home</a></nav><div hidden><h1>The story</h1>\(RetryTests.prose)</div>
            <div>Cookies help us.</div></body></html>
            """)
        #expect(article.text.contains("Paragraph 3 of the story"))
    }

    /// A short page stays short: its link menus hold no prose, so they
    /// are not brought back to make up the length.
    @Test func aShortPageKeepsItsShortArticle() throws {
        let links = (1...40).map { "<a href=\"/section/\($0)\">Section number \($0)</a>" }.joined(separator: " ")
        let article = try TestSupport.clean("""
            <html><body><div class="menu">\(links)</div><article><p>Back on Monday: the shop is closed for the holiday.</p></article></body></html>
            """)
        #expect(article.text == "Back on Monday: the shop is closed for the holiday.")
    }

    /// Explain numbers the tree that was kept, so its report marks the
    /// removals of the second cleaning.
    @Test func explainReportsTheSecondCleaning() throws {
        let html = """
            <html><body><nav><a href="/">Home</a></nav><div class="navbar">\(RetryTests.prose)</div></body></html>
            """
        let explanation = try Cleaner(options: CleanerOptions(explain: true)).explain(bytes: Array(html.utf8))
        #expect(explanation.article.text.contains("Paragraph 2 of the story"))
        #expect(explanation.removals.contains { $0.rule == "navigation" && $0.excerpt.hasPrefix("Home") })
        #expect(!explanation.reportHTML.isEmpty)
    }
}

@Suite struct InArticleRuleTests {
    static func page(with line: String) -> String {
        let prose = "A paragraph of ordinary article prose, long enough to count, with commas, clauses, and a full stop."
        return "<html><body><article><p>\(prose)</p><p>\(line)</p><p>\(prose) Again.</p></article></body></html>"
    }

    @Test(arguments: ["By Jane Doe", "Words by Rosalind Achterberg", "By Jane Doe and John van Dam", "Published Nov. 14, 2023, 6:30 a.m.", "Updated 9:12 a.m.", "Publié le 4 mars 2023 à 18 h 05", "Read also: Another story", "Related: More news"])
    func dropsBoilerplateLines(line: String) throws {
        let article = try TestSupport.clean(InArticleRuleTests.page(with: line))
        #expect(!article.text.contains(line))
        #expect(article.text.contains("ordinary article prose"))
    }

    @Test(arguments: ["By the end of the day everyone went home", "Published research shows the opposite of what we thought", "Related to this, the council met twice in June"])
    func keepsProseThatStartsLikeBoilerplate(line: String) throws {
        let article = try TestSupport.clean(InArticleRuleTests.page(with: line))
        #expect(article.text.contains(line))
    }
}
