import Foundation
import Testing
@testable import Winnow

@Suite struct CommentsTests {
    static let article = """
        <article><h1>Title</h1>
        <p>A paragraph of ordinary article prose, long enough to count, with commas, clauses, and a full stop.</p>
        <p>Another paragraph of ordinary article prose, long enough to count, with commas, and words.</p>
        </article>
        """

    static func page(_ comments: String) -> String {
        "<html><body>\(article)\(comments)</body></html>"
    }

    @Test func wordPressThreadIsNestedWithAuthorsAndDates() throws {
        let html = CommentsTests.page("""
            <div id="comments" class="comments-area"><h2 class="comments-title">3 thoughts on “Title”</h2>
            <ol class="comment-list">
              <li id="comment-1" class="comment depth-1"><article class="comment-body">
                <footer class="comment-meta"><div class="comment-author vcard"><img class="avatar" src="a.png">
                  <b class="fn"><a href="https://ann.example/">Ann</a></b> <span class="says">says:</span></div>
                  <div class="comment-metadata"><a href="#comment-1"><time datetime="2022-03-23T14:21:09+00:00">March 23</time></a></div>
                </footer>
                <div class="comment-content"><p>First paragraph of Ann.</p><p>Second paragraph of Ann.</p></div>
                <div class="reply"><a class="comment-reply-link" href="#">Reply</a></div></article>
                <ul class="children"><li id="comment-2" class="comment depth-2"><article class="comment-body">
                  <footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Bob</b> <span class="says">says:</span></div></footer>
                  <div class="comment-content"><p>Bob replies to Ann.</p></div></article></li></ul>
              </li>
            </ol>
            <div id="respond" class="comment-respond"><h3 id="reply-title">Leave a Reply</h3><form id="commentform"><textarea></textarea></form></div>
            </div>
            """)
        let article = try TestSupport.clean(html)
        #expect(article.commentCount == 3)
        let first = try #require(article.comments.first)
        #expect(first.id == "comment-1")
        #expect(first.author == "Ann")
        #expect(first.authorURL == "https://ann.example/")
        #expect(first.published == "2022-03-23T14:21:09+00:00")
        #expect(first.text == "First paragraph of Ann.\n\nSecond paragraph of Ann.")
        #expect(first.replies.map(\.author) == ["Bob"])
        #expect(first.replies.first?.text == "Bob replies to Ann.")
        #expect(!article.text.contains("Ann"))
        #expect(!article.text.contains("Leave a Reply"))
        #expect(article.text.contains("ordinary article prose"))
        let removed = try #require(article.removed)
        #expect(removed.contains { $0.stage == "comments" && $0.rule == "comment-sections" })
    }

    /// With `keepsCommentHeaders`, a comment's text is the comment as the
    /// page shows it, byline and date included; its controls, avatar and
    /// the replies still stay out, and author and date are read as always.
    @Test func commentHeadersStayInTheTextWhenAsked() throws {
        let html = CommentsTests.page("""
            <div id="comments"><ol class="comment-list">
              <li id="comment-1" class="comment"><article class="comment-body">
                <footer class="comment-meta"><div class="comment-author vcard"><img class="avatar" src="a.png" alt="Ann">
                  <b class="fn">Ann</b> <span class="says">says:</span></div>
                  <div class="comment-metadata"><a href="#comment-1"><time datetime="2022-03-23T14:21:09+00:00">March 23, 2022 at 2:21 pm</time></a></div>
                </footer>
                <div class="comment-content"><p>First paragraph of Ann.</p></div>
                <div class="reply"><a class="comment-reply-link" href="#">Reply</a></div></article>
                <ul class="children"><li id="comment-2" class="comment"><article class="comment-body">
                  <footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Bob</b> <span class="says">says:</span></div></footer>
                  <div class="comment-content"><p>Bob replies to Ann.</p></div></article></li></ul>
              </li>
            </ol></div>
            """)
        let cleaner = try Cleaner(options: CleanerOptions(keepsCommentHeaders: true))
        let first = try #require(try cleaner.clean(bytes: Array(html.utf8)).comments.first)
        #expect(first.text == "Ann says:\n\nMarch 23, 2022 at 2:21 pm\n\nFirst paragraph of Ann.")
        #expect(first.author == "Ann")
        #expect(first.published == "2022-03-23T14:21:09+00:00")
        #expect(first.replies.first?.text == "Bob says:\n\nBob replies to Ann.")
        let plain = try #require(try TestSupport.clean(html).comments.first)
        #expect(plain.text == "First paragraph of Ann.")
    }

    @Test func missingAuthorAndUnparsableDateStayEmptyOrRaw() throws {
        let html = CommentsTests.page("""
            <div id="comments"><div class="comment"><span class="date">last Tuesday 5pm</span>
            <p>A comment with no author and a date in words.</p></div></div>
            """)
        let comment = try #require(try TestSupport.clean(html).comments.first)
        #expect(comment.author == nil)
        #expect(comment.published == nil)
        #expect(comment.publishedText == "last Tuesday 5pm")
        #expect(comment.text == "A comment with no author and a date in words.")
    }

    @Test func unmarkedRepeatedBlocksAreFoundByTheGenericDetector() throws {
        let html = CommentsTests.page("""
            <div id="comments"><div class="entry"><b>Carl</b><p>Carl thinks this is a fine article indeed.</p></div>
            <div class="entry"><b>Dora</b><p>Dora disagrees with Carl about the article.</p></div></div>
            """)
        let comments = try TestSupport.clean(html).comments
        #expect(comments.count == 2)
    }

    /// A definition list whose terms are bylines: one comment per
    /// description, even a single one (about.com's old theme).
    @Test func definitionListWithBylinesIsAThread() throws {
        let html = CommentsTests.page("""
            <div id="comments"><h3>Comments</h3><dl><dt><div class="date">September 15, 2008 at 6:55 pm</div>(1)&nbsp;Mike&nbsp;says:</dt>
            <dd><div><p>Wow that definitely inspired me to work on this, thanks for posting it.</p></div></dd></dl></div>
            """)
        let comment = try #require(try TestSupport.clean(html).comments.first)
        #expect(comment.author == "Mike")
        #expect(comment.published == "2008-09-15T18:55:00")
        #expect(comment.text == "Wow that definitely inspired me to work on this, thanks for posting it.")
    }

    @Test func pageWithoutCommentSectionHasNoComments() throws {
        let article = try TestSupport.clean(CommentsTests.page("<div class=\"related\"><a href=\"/x\">More</a></div>"))
        #expect(article.comments.isEmpty)
        #expect(article.commentCount == nil)
    }

    @Test(arguments: [("4 thoughts on “Putin”", 4), ("12 Comments", 12), ("Responses (7)", 7), ("Comments: 3", 3), ("Leave a comment", nil)])
    func announcedCounts(heading: String, count: Int?) {
        #expect(CommentCount.number(in: heading) == count)
    }

    /// Structure at scale; its time is watched by `winnow bench`, not here.
    @Test func twentyThousandCommentsFiftyDeep() throws {
        // 400 threads of 50 nested replies each.
        var html = "<div id=\"comments\"><ol class=\"comment-list\">"
        for thread in 0..<400 {
            for depth in 0..<50 {
                html += "<li id=\"comment-\(thread)-\(depth)\" class=\"comment\"><div class=\"comment-content\"><p>Comment \(thread) at depth \(depth).</p></div><ul class=\"children\">"
            }
            html += String(repeating: "</ul></li>", count: 50)
        }
        html += "</ol></div>"
        let article = try TestSupport.clean(CommentsTests.page(html), explain: false)
        #expect(article.comments.count == 400)
        var depth = 0
        var node = article.comments.first
        var deepest: Winnow.Comment?
        while let current = node {
            depth += 1
            deepest = current
            node = current.replies.first
        }
        #expect(depth == 50)
        // Each text is its own comment's, never its replies' as well.
        #expect(article.comments.first?.text == "Comment 0 at depth 0.")
        #expect(deepest?.text == "Comment 0 at depth 49.")
        #expect(article.comments.last?.id == "comment-399-0")
        #expect(article.commentCount == 20_000)
    }
}

@Suite struct CommentFilterTests {
    @Test(arguments: ["Add a comment", "Click here to load comments.", "Be the first to comment", "Leave a Reply", "Post a comment"])
    func promptsAreNotComments(text: String) {
        #expect(CommentThreadReader.isPrompt(text))
    }

    @Test(arguments: ["Great post, thanks!", "I read the comments above and disagree with all of them, strongly."])
    func commentsAreNotPrompts(text: String) {
        #expect(!CommentThreadReader.isPrompt(text))
    }

    @Test func pingbacksAreLeftOut() throws {
        let html = CommentsTests.page("""
            <div id="comments"><ol class="commentlist">
            <li class="pingback" id="comment-7"><p>Pingback: Some other blog links here with a long title</p></li>
            <li class="comment" id="comment-8"><cite class="fn">Eve</cite><p>A real reader comment, long enough.</p></li>
            </ol></div>
            """)
        let comments = try TestSupport.clean(html).comments
        #expect(comments.map(\.author) == ["Eve"])
    }

    /// Lobsters wraps the whole thread in one `<li>` of its `ol.comments`
    /// list: an item with no text, author or date of its own stands for
    /// the comments in it, not for an empty comment above them.
    @Test func anItemHoldingOnlyCommentsIsNotAComment() throws {
        let reply = { (author: String, text: String, nested: String) in
            """
            <li class="comments_subtree"><div class="comment"><div class="byline"><a href="/~\(author)">\(author)</a>
            <time datetime="2024-08-12 11:00:23">1 year ago</time></div><div class="comment_text"><p>\(text)</p></div></div>
            <ol class="comments">\(nested)</ol></li>
            """
        }
        let html = CommentsTests.page("""
            <ol class="comments comments1"><li class="comments_subtree" id="story_comments"><ol class="comments">
            \(reply("jamesw", "The list of all the goals is on the project's site.", reply("kkiri", "Thanks, that is the one I was after.", "")))
            \(reply("dureuill", "I find the ergonomics fine as they are, to be honest.", ""))
            </ol></li></ol>
            """)
        let article = try TestSupport.clean(html)
        #expect(article.comments.map(\.author) == ["jamesw", "dureuill"])
        #expect(article.comments.first?.replies.map(\.author) == ["kkiri"])
        #expect(article.commentCount == 3)
    }

    @Test(arguments: [
        ("comment-211969", true), ("li-comment-5", true), ("dsq-comment-562692", true), ("comment_40748133", true),
        ("Comment-6a00d834", true), ("singleComment12", true), ("comments-5", false), ("comment-form", false),
        ("add-comment-3", false), ("post-214402", false), ("p214402", false), ("sig81", false), ("commentary-4", false),
        ("kommentar-7", false), ("comment-12x", false),
    ])
    func commentIDs(id: String, isComment: Bool) {
        #expect(CommentMarkup.isCommentID(id) == isComment)
    }

    @Test func authorIsTheProfileLinkNotTheWholeAuthorBlock() throws {
        let html = CommentsTests.page("""
            <div id="comments"><div class="comment_item"><div class="author_name"><a href="/u/ann">Ann</a>
            <div class="bio">Writes about gardens.</div><a href="/u/ann/fans">387 Fans</a></div>
            <p>Lovely article about the council and the harbour.</p></div></div>
            """)
        let comment = try #require(try TestSupport.clean(html).comments.first)
        #expect(comment.author == "Ann")
        #expect(comment.authorURL == "/u/ann")
    }
}

@Suite struct CommentRegionTests {
    @Test func commentsAfterAHeadingMarkerAreRead() throws {
        let html = CommentsTests.page("""
            <h2 class="comments">Comments</h2>
            <div class="commentbody by-ann"><p>Ann's comment on the harbour barrier, long enough.</p><p class="posted">Posted by: Ann</p></div>
            <div class="commentbody by-bob"><p>Bob's comment on the harbour barrier, also long.</p><p class="posted">Posted by: Bob</p></div>
            """)
        let article = try TestSupport.clean(html)
        #expect(article.comments.count == 2)
        #expect(!article.text.contains("harbour barrier"))
    }

    @Test func aCommentCountLinkAboveTheArticleIsNotAMarker() throws {
        let html = """
            <html><body><div class="post"><a class="comments" href="#comments">3 comments</a>
            <p>A paragraph of ordinary article prose, long enough to count, with commas, clauses, and a full stop.</p>
            <p>Another paragraph of ordinary article prose, long enough to count, with commas, and words.</p>
            </div></body></html>
            """
        let article = try TestSupport.clean(html)
        #expect(article.comments.isEmpty)
        #expect(article.text.contains("Another paragraph"))
    }
}

@Suite struct NoCommentsOptionTests {
    @Test func sectionsAreDroppedUnreadWhenCommentsAreOff() throws {
        let html = CommentsTests.page("""
            <div id="comments"><ol class="comment-list"><li class="comment" id="comment-1">
            <cite class="fn">Ann</cite><p>Ann's comment about the harbour barrier.</p></li></ol></div>
            """)
        let cleaner = try Cleaner(options: CleanerOptions(explain: true, readsComments: false))
        let article = try cleaner.clean(bytes: Array(html.utf8))
        #expect(article.comments.isEmpty)
        #expect(article.commentCount == nil)
        #expect(!article.text.contains("harbour barrier"))
        #expect(article.removed?.contains { $0.rule == "comment-sections" } == true)
    }
}

@Suite struct StructuredCommentTests {
    @Test func jsonLDCommentsAreUsedWhenTheMarkupShowsNone() throws {
        let html = """
            <html><head><script type="application/ld+json">
            {"@context": "https://schema.org", "@type": "BlogPosting", "headline": "Title", "commentCount": 5,
             "comment": [{"@type": "Comment", "@id": "#c1", "author": {"@type": "Person", "name": "Ann", "url": "https://ann.example/"},
               "dateCreated": "2023-01-02T10:00:00Z", "text": "Ann&#8217;s comment.",
               "comment": [{"@type": "Comment", "author": "Bob", "text": "Bob replies."}]}]}
            </script></head><body>\(CommentsTests.article)</body></html>
            """
        let article = try TestSupport.clean(html)
        let first = try #require(article.comments.first)
        #expect(first.author == "Ann")
        #expect(first.authorURL == "https://ann.example/")
        #expect(first.published == "2023-01-02T10:00:00Z")
        #expect(first.text == "Ann’s comment.")
        #expect(first.replies.map(\.author) == ["Bob"])
        #expect(article.commentCount == 5)
    }

    /// Two groups of the same size: the first in the page wins, in every
    /// process (a dictionary's order, which once decided, changes from
    /// process to process with Swift's per-process hash seed).
    @Test func tiedRepeatedRunsGoToTheFirstInThePage() throws {
        let text = "A reader's remark, long enough to count as text."
        // Eight shapes, two blocks each: a dictionary's order would pick the
        // page's first one only one time in eight.
        let shapes = ["zeta", "alpha", "mu", "beta", "omega", "gamma", "nu", "delta"]
        let blocks = (shapes + shapes).map { "<div class=\"\($0)\">\(text)</div>" }.joined()
        let document = try TestSupport.document("<html><body><section>\(blocks)</section></body></html>")
        let section = try #require(document.body?.children.first)
        for _ in 0..<20 {
            let run = CommentItems.repeatedRun(among: section.children, facts: ElementFactsCache())
            #expect(run.count == 2)
            #expect(run.allSatisfy { $0.classTokens.first == "zeta" })
        }
    }
}
