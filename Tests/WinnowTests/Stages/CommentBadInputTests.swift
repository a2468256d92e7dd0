import Foundation
import Testing
@testable import Winnow

/// The bad input issue 3 names for the comments stage: comments that lack
/// an author or a date, replies whose parent is missing, comment-like
/// markup inside the article, thousands of comments, and dates in every
/// form. Each gives a clear result: nulls where the page says nothing,
/// every comment kept once, nothing of the article taken for a comment.
///
/// Tests wrapped in `withKnownIssue` state the behaviour issue 3 asks for
/// and the stage does not give yet (the same convention as known-failing
/// fixtures): they pass while the defect stands and fail, saying "known
/// issue was not recorded", once it is fixed, so the mark can go.

/// Every comment of a thread, depth first.
private func flattened(_ comments: [Winnow.Comment]) -> [Winnow.Comment] {
    comments.flatMap { [$0] + flattened($0.replies) }
}

// MARK: - Missing author or date

@Suite struct CommentMissingPartsTests {
    /// A WordPress list in which each comment lacks something.
    static let html = CommentsTests.page("""
        <div id="comments" class="comments-area"><ol class="comment-list">
          <li id="comment-1" class="comment depth-1"><article class="comment-body">
            <footer class="comment-meta"><div class="comment-metadata"><a href="#comment-1"><time datetime="2022-03-23T14:21:09+00:00">March 23, 2022</time></a></div></footer>
            <div class="comment-content"><p>A comment whose author block is missing entirely.</p></div></article></li>
          <li id="comment-2" class="comment depth-1"><article class="comment-body">
            <footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Bob</b> <span class="says">says:</span></div></footer>
            <div class="comment-content"><p>A comment with an author and no date at all.</p></div></article></li>
          <li id="comment-3" class="comment depth-1"><article class="comment-body">
            <div class="comment-content"><p>A comment with neither author nor date, only its words.</p></div></article></li>
          <li id="comment-4" class="comment depth-1"><article class="comment-body">
            <footer class="comment-meta"><div class="comment-author vcard"><b class="fn"></b> <span class="says">says:</span></div>
            <div class="comment-metadata"><time datetime=""></time></div></footer>
            <div class="comment-content"><p>A comment whose author and date elements are empty.</p></div></article></li>
        </ol></div>
        """)

    static func comments() throws -> [Winnow.Comment] {
        try TestSupport.clean(html).comments
    }

    @Test func everyCommentIsKeptInOrder() throws {
        let comments = try CommentMissingPartsTests.comments()
        #expect(comments.map(\.id) == ["comment-1", "comment-2", "comment-3", "comment-4"])
        #expect(comments.map(\.replies.count) == [0, 0, 0, 0])
    }

    @Test func aCommentWithoutAuthorKeepsItsDateAndText() throws {
        let comment = try #require(try CommentMissingPartsTests.comments().first { $0.id == "comment-1" })
        #expect(comment.author == nil)
        #expect(comment.authorURL == nil)
        #expect(comment.published == "2022-03-23T14:21:09+00:00")
        #expect(comment.publishedText == nil)
        #expect(comment.text == "A comment whose author block is missing entirely.")
    }

    @Test func aCommentWithoutDateHasNeitherDateField() throws {
        let comment = try #require(try CommentMissingPartsTests.comments().first { $0.id == "comment-2" })
        #expect(comment.author == "Bob")
        #expect(comment.published == nil)
        #expect(comment.publishedText == nil)
        #expect(comment.text == "A comment with an author and no date at all.")
    }

    @Test func aMarkedCommentWithNeitherIsStillAComment() throws {
        let comment = try #require(try CommentMissingPartsTests.comments().first { $0.id == "comment-3" })
        #expect(comment.author == nil)
        #expect(comment.published == nil)
        #expect(comment.publishedText == nil)
        #expect(comment.text == "A comment with neither author nor date, only its words.")
    }

    /// Empty elements give nulls, never "" and never the "says:" beside them.
    @Test func emptyAuthorAndDateElementsGiveNulls() throws {
        let comment = try #require(try CommentMissingPartsTests.comments().first { $0.id == "comment-4" })
        #expect(comment.author == nil)
        #expect(comment.published == nil)
        #expect(comment.publishedText == nil)
        #expect(comment.text == "A comment whose author and date elements are empty.")
    }

    @Test func theCountIsTheNumberRead() throws {
        let article = try TestSupport.clean(CommentMissingPartsTests.html)
        #expect(article.commentCount == 4)
        #expect(!article.text.contains("says:"))
        #expect(!article.text.contains("A comment"))
    }
}

// MARK: - A reply whose parent is missing

@Suite struct CommentOrphanReplyTests {
    /// A `ul.children` after a closed `<li>`, straight inside the list: a
    /// theme bug, or a thread cut by pagination. Its reply has no parent
    /// in the markup; it stays a comment of its own, once, in page order.
    @Test func anOrphanChildrenListStaysAtTheTopLevel() throws {
        let article = try TestSupport.clean(CommentsTests.page("""
            <div id="comments"><ol class="comment-list">
            <li id="comment-1" class="comment"><cite class="fn">Ann</cite><div class="comment-content"><p>Ann writes the first comment here.</p></div></li>
            <ul class="children"><li id="comment-2" class="comment"><cite class="fn">Bob</cite><div class="comment-content"><p>Bob replies to a parent that is not around him.</p></div></li></ul>
            <li id="comment-3" class="comment"><cite class="fn">Cy</cite><div class="comment-content"><p>Cy writes a later top-level comment.</p></div></li>
            </ol></div>
            """))
        #expect(article.comments.map(\.id) == ["comment-1", "comment-2", "comment-3"])
        #expect(article.comments.map(\.author) == ["Ann", "Bob", "Cy"])
        #expect(article.comments.map(\.replies.count) == [0, 0, 0])
        #expect(article.comments[0].text == "Ann writes the first comment here.")
        #expect(article.comments[1].text == "Bob replies to a parent that is not around him.")
        #expect(article.commentCount == 3)
        #expect(!article.text.contains("Bob replies"))
    }

    /// Page 2 of a paginated thread can open with the replies to a comment
    /// on page 1: the reply list has no parent, its own replies stay nested.
    @Test func aSectionThatOpensWithARepliesList() throws {
        let article = try TestSupport.clean(CommentsTests.page("""
            <div id="comments"><ul class="children">
            <li id="comment-7" class="comment depth-2"><cite class="fn">Bob</cite><div class="comment-content"><p>Bob replies to a comment on the previous page.</p></div>
              <ul class="children"><li id="comment-8" class="comment depth-3"><cite class="fn">Dee</cite><div class="comment-content"><p>Dee answers Bob, nested under him.</p></div></li></ul></li>
            </ul></div>
            """))
        let top = try #require(article.comments.first)
        #expect(article.comments.count == 1)
        #expect(top.id == "comment-7")
        #expect(top.text == "Bob replies to a comment on the previous page.")
        #expect(top.replies.map(\.id) == ["comment-8"])
        #expect(top.replies.first?.text == "Dee answers Bob, nested under him.")
        #expect(article.commentCount == 2)
    }

    /// Drupal prints replies in a `div.indented` after their parent; one
    /// at the start of the section has no parent before it.
    @Test func aDrupalIndentedBlockWithNoCommentBeforeIt() throws {
        let article = try TestSupport.clean(CommentsTests.page("""
            <section class="comment-wrapper"><h2>Comments</h2>
            <div class="indented"><a id="comment-43"></a><article class="comment js-comment"><p class="comment__author">Ruth</p>
              <div class="content"><div class="field--name-comment-body"><p>Ruth replies to a comment that is not on this page.</p></div></div></article></div>
            <a id="comment-47"></a><article class="comment js-comment"><p class="comment__author">Jo</p>
              <div class="content"><div class="field--name-comment-body"><p>Jo writes a top-level comment after it.</p></div></div></article>
            </section>
            """))
        #expect(article.comments.map(\.author) == ["Ruth", "Jo"])
        #expect(article.comments.map(\.text) == ["Ruth replies to a comment that is not on this page.", "Jo writes a top-level comment after it."])
        #expect(article.comments.map(\.replies.count) == [0, 0])
    }

    /// `in-reply-to` naming a comment the page does not hold (microformats'
    /// `u-in-reply-to`, a `data-in-reply-to` attribute): the reply is kept,
    /// at the top level.
    @Test func inReplyToPointingNowhere() throws {
        let article = try TestSupport.clean(CommentsTests.page("""
            <div id="comments">
            <div class="comment h-cite" id="comment-5"><span class="p-author">Eve</span><a class="u-in-reply-to" href="#comment-404"></a>
              <p class="p-content">Eve replies to a comment that was deleted long ago.</p></div>
            <div class="comment h-cite" id="comment-6" data-in-reply-to="comment-999"><span class="p-author">Fay</span>
              <p class="p-content">Fay replies to a comment id that does not exist.</p></div>
            </div>
            """))
        #expect(article.comments.map(\.id) == ["comment-5", "comment-6"])
        #expect(article.comments.map(\.author) == ["Eve", "Fay"])
        #expect(article.comments.map(\.text) == ["Eve replies to a comment that was deleted long ago.", "Fay replies to a comment id that does not exist."])
        #expect(article.comments.map(\.replies.count) == [0, 0])
        #expect(article.commentCount == 2)
    }

    /// Issue 3 asks for nesting from `in-reply-to` attributes too: a flat
    /// list whose replies say whom they answer.
    @Test func inReplyToAnExistingCommentNestsTheReply() throws {
        let article = try TestSupport.clean(CommentsTests.page("""
            <div id="comments">
            <div class="comment" id="comment-5"><span class="author">Eve</span><p>Eve writes a first comment in the flat list.</p></div>
            <div class="comment" id="comment-6" data-in-reply-to="comment-5"><span class="author">Fay</span><p>Fay answers Eve in a flat list.</p></div>
            </div>
            """))
        #expect(flattened(article.comments).count == 2)
        #expect(article.comments.map(\.id) == ["comment-5"])
        #expect(article.comments.first?.replies.map(\.id) == ["comment-6"])
    }

    /// Replies that name each other as parents make a circle: every
    /// comment is still kept once, the circle broken at the top level.
    @Test func inReplyToCircleKeepsEveryComment() throws {
        let article = try TestSupport.clean(CommentsTests.page("""
            <div id="comments">
            <div class="comment" id="comment-7" data-in-reply-to="comment-8"><span class="author">Gil</span><p>Gil says the other one answered first.</p></div>
            <div class="comment" id="comment-8" data-in-reply-to="comment-7"><span class="author">Hal</span><p>Hal says Gil answered first, in a circle.</p></div>
            <div class="comment" id="comment-9" data-in-reply-to="comment-9"><span class="author">Ida</span><p>Ida answers herself, which nobody can do.</p></div>
            </div>
            """))
        let ids = flattened(article.comments).map(\.id)
        #expect(ids.count == 3)
        #expect(Set(ids) == ["comment-7", "comment-8", "comment-9"])
        #expect(article.comments.contains { $0.id == "comment-9" })
    }
}

// MARK: - Comment-like markup inside the article

@Suite struct CommentLookalikeTests {
    static let before = "<p>A paragraph of ordinary article prose, long enough to count, with commas, clauses, and a full stop.</p>"
    static let after = "<p>Another paragraph of ordinary article prose, long enough to count, with commas, and words.</p>"

    /// A page with no reader comments whose article holds `inner`.
    static func article(_ inner: String) throws -> Article {
        try TestSupport.clean("<html><body><article><h1>Title</h1>\(before)\(inner)\(after)</article></body></html>")
    }

    /// Twitter's embed code: a blockquote whose last line is a name, a
    /// handle and a date, the shape of a comment's byline.
    @Test func quotedTweetsAreNotComments() throws {
        let tweet = { (text: String, id: Int) in
            """
            <blockquote class="twitter-tweet"><p lang="en" dir="ltr">\(text)</p>&mdash; Port of Wrenmouth (@WrenmouthPort) \
            <a href="https://twitter.com/WrenmouthPort/status/\(id)">April 18, 2023</a></blockquote>
            """
        }
        let article = try CommentLookalikeTests.article(
            tweet("The gauge feed now has a quality flag after the timestamp, in column 21.", 1)
                + tweet("Readings flagged S are suspect and should not be used for navigation.", 2))
        #expect(article.comments.isEmpty)
        #expect(article.commentCount == nil)
        #expect(article.text.contains("Another paragraph of ordinary article prose"))
        #expect(article.removed?.contains { $0.stage == "comments" } == false)
    }

    @Test(arguments: [
        """
        <blockquote class="pullquote"><p>“We are not going to let the river decide for us,” she said.</p>\
        <cite>— Mayor Ines Duarte, March 3, 2023</cite></blockquote>
        """,
        """
        <aside class="pull-quote"><p>We are not going to let the river decide for us.</p>\
        <p class="pull-quote__byline">By Ines Duarte on March 3, 2023</p></aside>
        """,
    ])
    func pullQuotesAreNotComments(pullQuote: String) throws {
        let article = try CommentLookalikeTests.article(pullQuote)
        #expect(article.comments.isEmpty)
        #expect(article.commentCount == nil)
        #expect(article.text.contains("let the river decide for us"))
    }

    /// Syntax highlighters mark code comments `comment`; their lines may
    /// even read like a comment header.
    @Test func codeCommentSpansAreNotComments() throws {
        let article = try CommentLookalikeTests.article("""
            <pre><code><span class="keyword">def</span> parse(line):
                <span class="comment"># Posted by: the gauge, March 3, 2023</span>
                <span class="token comment"># Slice by position: the feed pads with spaces.</span>
                return line[0:19]  <span class="hljs-comment"># says: nothing more</span></code></pre>
            """)
        #expect(article.comments.isEmpty)
        #expect(article.commentCount == nil)
        let code = article.blocks.compactMap { block -> String? in
            if case .code(let text) = block { return text } else { return nil }
        }
        #expect(code.count == 1)
        #expect(code.first?.contains("# Posted by: the gauge, March 3, 2023") == true)
        #expect(code.first?.contains("# says: nothing more") == true)
    }

    /// A documentation table with a "Comment" column: every cell of it is a
    /// block with the class `comment`.
    @Test func tableCellsClassedCommentAreNotComments() throws {
        let article = try CommentLookalikeTests.article("""
            <table><tr><th>Key</th><th>Comment</th></tr>
            <tr><td>timeout</td><td class="comment">seconds before a request is abandoned</td></tr>
            <tr><td>retries</td><td class="comment">how many times a failed request is sent again</td></tr></table>
            """)
        #expect(article.comments.isEmpty)
        #expect(article.commentCount == nil)
        #expect(article.text.contains("seconds before a request is abandoned"))
    }

    /// A section of the article itself headed "Comments" (a style guide's
    /// rule on code comments), whose examples carry dated captions.
    @Test func anArticleSectionHeadedCommentsIsNotAThread() throws {
        let article = try CommentLookalikeTests.article("""
            <h2>Comments</h2><p>Write comments in full sentences, and say why rather than what the code does.</p>
            <div class="example"><pre>// Retry once: the gauge drops the first request after midnight.</pre><p>Good: says why, updated 12 March 2023.</p></div>
            <div class="example"><pre>// increment i</pre><p>Bad: repeats the code, by Sam on 3 March 2023.</p></div>
            <h2>Layout</h2><p>Indent with four spaces and keep lines under a hundred characters wide.</p>
            """)
        #expect(article.text.contains("Indent with four spaces"))
        withKnownIssue("a heading that reads \"Comments\" inside the article opens a thread over the article's own blocks") {
            #expect(article.comments.isEmpty)
            #expect(article.text.contains("Write comments in full sentences"))
        }
    }
}

// MARK: - Thousands of comments

/// Structure at scale: every comment read once, in order, with its parts;
/// the time is watched by `winnow bench`, not here.
@Suite struct CommentScaleTests {
    static let count = 20_000

    /// WordPress's flat list: 20 000 `li.comment`, none nested.
    @Test func twentyThousandFlatWordPressComments() throws {
        var html = "<div id=\"comments\" class=\"comments-area\"><ol class=\"comment-list\">"
        for index in 0..<CommentScaleTests.count {
            html += """
                <li id="comment-\(index)" class="comment depth-1"><article class="comment-body"><footer class="comment-meta">\
                <div class="comment-author vcard"><b class="fn">Reader \(index)</b> <span class="says">says:</span></div>\
                <div class="comment-metadata"><time datetime="2022-03-23T14:21:09+00:00">March 23, 2022</time></div></footer>\
                <div class="comment-content"><p>Comment number \(index) on the article.</p></div><div class="reply">Reply</div></article></li>
                """
        }
        html += "</ol></div>"
        let article = try TestSupport.clean(CommentsTests.page(html), explain: false, pageType: .article)
        #expect(article.comments.count == CommentScaleTests.count)
        #expect(article.commentCount == CommentScaleTests.count)
        let wrong = article.comments.enumerated().filter { index, comment in
            comment.id != "comment-\(index)" || comment.author != "Reader \(index)"
                || comment.text != "Comment number \(index) on the article."
                || comment.published != "2022-03-23T14:21:09+00:00" || !comment.replies.isEmpty
        }
        #expect(wrong.isEmpty, "first wrong comment: \(String(describing: wrong.first))")
        #expect(!article.text.contains("Comment number"))
    }

    /// TypePad's flat run (anchor, text, byline) 20 000 times: each comment
    /// is grouped from siblings by `FlatThread`.
    @Test func twentyThousandCommentsInAFlatTypePadRun() throws {
        var html = "<h2><a id=\"comments\"></a>Comments</h2>"
        for index in 0..<CommentScaleTests.count {
            html += """
                <a id="c\(index)"></a><p>Comment number \(index) on the article, long enough.</p>\
                <p class="posted">Posted by: Reader \(index) | April 06, 2007 at 07:52 AM</p>
                """
        }
        let article = try TestSupport.clean(CommentsTests.page(html), explain: false, pageType: .article)
        #expect(article.comments.count == CommentScaleTests.count)
        #expect(article.commentCount == CommentScaleTests.count)
        let wrong = article.comments.enumerated().filter { index, comment in
            comment.author != "Reader \(index)" || comment.published != "2007-04-06T07:52:00"
                || comment.text != "Comment number \(index) on the article, long enough." || !comment.replies.isEmpty
        }
        #expect(wrong.isEmpty, "first wrong comment: \(String(describing: wrong.first))")
        #expect(!article.text.contains("Comment number"))
        #expect(!article.text.contains("Posted by"))
    }

    /// 20 000 unmarked blocks after a "Comments" heading: the generic
    /// detector's repeated run.
    @Test func twentyThousandUnmarkedBlocksAfterACommentsHeading() throws {
        var html = "<h3>Comments</h3>"
        for index in 0..<CommentScaleTests.count {
            html += """
                <div class="remark"><div class="remark-head"><b>Reader \(index)</b> 13 May 2023 at 21:14</div>\
                <div class="remark-text">Comment number \(index) on the article.</div></div>
                """
        }
        let article = try TestSupport.clean(CommentsTests.page(html), explain: false, pageType: .article)
        #expect(article.comments.count == CommentScaleTests.count)
        #expect(article.commentCount == CommentScaleTests.count)
        let wrong = article.comments.enumerated().filter { index, comment in
            comment.author != "Reader \(index)" || comment.published != "2023-05-13T21:14:00"
                || comment.text != "Comment number \(index) on the article." || !comment.replies.isEmpty
        }
        #expect(wrong.isEmpty, "first wrong comment: \(String(describing: wrong.first))")
        #expect(!article.text.contains("Comment number"))
    }
}

// MARK: - Dates

/// One WordPress comment whose date is `date` (markup beside the author).
private func commentDated(_ date: String) throws -> Winnow.Comment {
    let html = CommentsTests.page("""
        <div id="comments"><ol class="comment-list"><li id="comment-1" class="comment">
        <div class="comment-author vcard"><cite class="fn">Ann</cite></div> \(date)
        <div class="comment-content"><p>Ann writes a comment that is long enough.</p></div></li></ol></div>
        """)
    return try #require(try TestSupport.clean(html).comments.first)
}

@Suite struct CommentDateTests {
    /// A machine date wins over what the page shows, however it reads.
    @Test(arguments: [
        ("<time datetime=\"2022-03-23T14:21:09+00:00\">03/04/22</time>", "2022-03-23T14:21:09+00:00"),
        ("<time datetime=\"2022-03-23\">yesterday</time>", "2022-03-23T00:00:00Z"),
        ("<abbr class=\"published\" title=\"2022-03-23T14:21:09+00:00\">yesterday</abbr>", "2022-03-23T14:21:09+00:00"),
    ])
    func machineDateFromDatetimeOrTitle(markup: String, iso: String) throws {
        let comment = try commentDated(markup)
        #expect(comment.published == iso)
        #expect(comment.publishedText == nil)
        #expect(comment.text == "Ann writes a comment that is long enough.")
    }

    /// Issue 3 lists `content` among the machine dates: microdata's
    /// `<meta itemprop="dateCreated" content>`, RDFa's `property … content`.
    @Test(arguments: [
        "<meta itemprop=\"dateCreated\" content=\"2022-03-23T14:21:09+00:00\"><span class=\"date\">3 hours ago</span>",
        "<span class=\"date\" property=\"schema:dateCreated\" content=\"2022-03-23T14:21:09+00:00\">Wed, 03/23/2022 - 14:21</span>",
    ])
    func machineDateFromContent(markup: String) throws {
        let comment = try commentDated(markup)
        #expect(comment.author == "Ann")
        #expect(comment.published == "2022-03-23T14:21:09+00:00")
        #expect(comment.publishedText == nil)
    }

    /// A visible date that names one day is parsed (no zone given: none written).
    @Test(arguments: [
        ("March 23, 2022 at 6:01 pm", "2022-03-23T18:01:00"),
        ("23 March 2022", "2022-03-23T00:00:00Z"),
        ("2022-03-23 14:21", "2022-03-23T14:21:00"),
        ("April 06, 2007 at 07:52 AM", "2007-04-06T07:52:00"),
    ])
    func visibleUnambiguousDateIsParsed(visible: String, iso: String) throws {
        let comment = try commentDated("<span class=\"date\">\(visible)</span>")
        #expect(comment.published == iso)
        #expect(comment.publishedText == nil)
    }

    /// Day and month in numbers are unambiguous when one of them is over 12.
    @Test(arguments: [("23/03/2022", "2022-03-23T00:00:00Z"), ("03/23/2022 14:21", "2022-03-23T14:21:00")])
    func visibleNumericDateWithADayOverTwelveIsParsed(visible: String, iso: String) throws {
        let comment = try commentDated("<span class=\"date\">\(visible)</span>")
        #expect(comment.published == iso)
        #expect(comment.publishedText == nil)
    }

    /// 11/07/12 is 7 November or 11 July (of 2012, or 2011 in Y/M/D):
    /// never guessed, kept as written. So are relative dates.
    @Test(arguments: ["11/07/12", "11/07/2012 9:40 PM", "3 hours ago", "last Tuesday 5pm"])
    func ambiguousDateIsKeptRaw(visible: String) throws {
        let comment = try commentDated("<span class=\"date\">\(visible)</span>")
        #expect(comment.published == nil)
        #expect(comment.publishedText == visible)
        #expect(comment.author == "Ann")
        #expect(comment.text == "Ann writes a comment that is long enough.")
    }
}

// MARK: - Blogger's classic list

/// Blogger's classic `dl#comments-block`: nothing wraps one comment; the
/// `dd.comment-body` stands for it, the `dt` before it names the author,
/// the `dd.comment-footer` after it dates it.
@Suite struct BloggerClassicCommentTests {
    @Test func dtAndFooterGiveAuthorAndDate() throws {
        let entry = { (id: String, author: String, body: String, date: String) in
            """
            <dt class='comment-author ' id='c\(id)'><a name='c\(id)'></a>\(author)
            said...</dt>
            <dd class='comment-body' id='Blog1_cmt-\(id)'><p>\(body)</p></dd>
            <dd class='comment-footer'><span class='comment-timestamp'><a href='#c\(id)' title='comment permalink'>\(date)</a></span></dd>
            """
        }
        let article = try TestSupport.clean(CommentsTests.page("""
            <div class='comments' id='comments'><a name='comments'></a><h4>2 comments:</h4>
            <dl class='avatar-comment-indent' id='comments-block'>
            \(entry("101", "<a href='https://www.blogger.example/profile/7' rel='nofollow'>Margit</a>", "My mother darned over a wooden egg.<br />Maybe this winter.", "November 12, 2012 9:10 AM"))
            \(entry("102", "Anonymous", "Do you darn with the sock inside out or right side out?", "November 12, 2012 1:57 PM"))
            </dl><p class='comment-footer'><a href='https://www.blogger.example/comment.g?blogID=1'>Post a Comment</a></p></div>
            """))
        #expect(article.commentCount == 2)
        #expect(article.comments.map(\.id) == ["Blog1_cmt-101", "Blog1_cmt-102"])
        #expect(article.comments.map(\.author) == ["Margit", "Anonymous"])
        #expect(article.comments.first?.authorURL == "https://www.blogger.example/profile/7")
        #expect(article.comments.map(\.published) == ["2012-11-12T09:10:00", "2012-11-12T13:57:00"])
        #expect(article.comments.map(\.text) == [
            "My mother darned over a wooden egg.\nMaybe this winter.", "Do you darn with the sock inside out or right side out?",
        ])
        #expect(!article.text.contains("said..."))
        #expect(!article.text.contains("Post a Comment"))
    }
}
