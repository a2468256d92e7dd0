import Foundation
import Testing
@testable import Winnow

/// Threads that no markup names (`BylineRuns`), the comment system's
/// controls (`CommentControls`), and the bad input the issue names for
/// them: ten thousand comments as table rows, a thread inside the
/// article's body, lists of dated links that are no thread.
@Suite struct UnmarkedThreadTests {
    static let story = """
        <h1>Ferry fares to rise in May</h1>
        <p>Fares on the island ferry will rise by a tenth from the first of May, the operator said on Tuesday, blaming the price of fuel and new crew rules.</p>
        <p>Islanders who travel daily will be able to buy a season ticket for the first time, at a third of the cost of single fares over a year.</p>
        """

    static func row(_ index: Int) -> String {
        """
        <tr><td class="by">Posted By: Reader \(index) | 07/04/2008 10:\(String(format: "%02d", index % 60))</td></tr>
        <tr><td>Comment number \(index) says the fares were already too high for islanders who work on the mainland.</td></tr>
        """
    }

    @Test func aThreadOfTableRowsIsReadWithoutAnyMarkup() throws {
        let html = "<html><body>\(Self.story)<table><tr><td><b>Have your say</b></td></tr>\((1...4).map(Self.row).joined())</table></body></html>"
        let article = try TestSupport.clean(html)
        #expect(article.comments.map(\.author) == ["Reader 1", "Reader 2", "Reader 3", "Reader 4"])
        #expect(article.comments.first?.text == "Comment number 1 says the fares were already too high for islanders who work on the mainland.")
        #expect(!article.text.contains("Comment number"))
        #expect(!article.text.contains("Have your say"))
        #expect(article.text.contains("season ticket"))
    }

    /// Two threads of as many comments each: read in page order, every
    /// time. (They were ranked through a dictionary keyed by node, whose
    /// order follows the nodes' addresses: the same page's comments came
    /// out in another order from run to run.)
    @Test func equalThreadsComeOutInPageOrderEveryTime() throws {
        func table(_ first: Int) -> String {
            "<table><tr><td><b>Have your say</b></td></tr>\((first..<(first + 4)).map(Self.row).joined())</table>"
        }
        let html = "<html><body>\(Self.story)<div>\(table(1))</div><div>\(table(11))</div></body></html>"
        let expected = ["Reader 1", "Reader 2", "Reader 3", "Reader 4", "Reader 11", "Reader 12", "Reader 13", "Reader 14"]
        for _ in 0..<12 {
            #expect(try TestSupport.clean(html).comments.map(\.author) == expected)
        }
    }

    /// Ten thousand comments as table rows: all read, in one pass.
    @Test func tenThousandCommentsAsTableRows() throws {
        let rows = (1...10_000).map(Self.row).joined()
        let html = "<html><body>\(Self.story)<table><tr><td><b>Have your say</b></td></tr>\(rows)</table></body></html>"
        let article = try TestSupport.clean(html, explain: false)
        #expect(article.comments.count == 10_000)
        #expect(article.comments.last?.author == "Reader 10000")
        #expect(!article.text.contains("Comment number"))
    }

    /// A thread printed inside the article's own container: the comments
    /// go, the article's paragraphs stay.
    @Test func aThreadNestedInTheArticleBody() throws {
        let html = """
            <html><body><div class="story">\(Self.story)
            <p>The operator said the new timetable would be published next week.</p>
            <h4>Your views</h4>
            <p class="posted">Posted by: Ann | 5 March 2008 at 09:12</p><p>Another rise, and the service gets worse every winter.</p>
            <p class="posted">Posted by: Tom | 5 March 2008 at 10:40</p><p>The season ticket is welcome news for commuters like me.</p>
            </div></body></html>
            """
        let article = try TestSupport.clean(html)
        #expect(article.comments.map(\.author) == ["Ann", "Tom"])
        #expect(article.text.contains("The operator said the new timetable"))
        #expect(!article.text.contains("Another rise"))
        #expect(!article.text.contains("Posted by"))
    }

    /// Runs of dated lines that are no thread: a list of other stories
    /// (headline links), an itinerary (days without a year), a run of
    /// attributed quotations.
    @Test func datedListsAreNotThreads() throws {
        let related = (1...4).map { index in
            """
            <div class="item"><div class="meta">March \(index), 2024 / Local news</div>
            <a href="/news/story-\(index)">Council agrees the budget for the coming year at last</a>
            <p>A short summary of the story that the link leads to, long enough.</p></div>
            """
        }.joined()
        let itinerary = (1...4).map { "<li><b>September \($0)</b>, to Porto to hold a workshop about social media for travel bloggers</li>" }.joined()
        let quotes = (1...3).map { index in
            """
            <blockquote><p>“We are finding tangible ways to use these tools every day for our customers.”</p>
            <p>Chief Executive \(index), during the earnings call on August \(index), 2024</p></blockquote>
            """
        }.joined()
        for extra in [related, "<ul>\(itinerary)</ul>", quotes] {
            let article = try TestSupport.clean("<html><body>\(Self.story)\(extra)</body></html>")
            #expect(article.comments.isEmpty, "\(extra.prefix(60))")
        }
    }

    @Test func controlsAreNeverComments() {
        for control in [
            "Was this helpful? 12 / 3", "Recommend (4)", "12 points", "Report abuse", "Agree 5 Disagree 2",
            "You are logged in | Log out", "Logged in as Dave Smith. Log out?", "Sign in | Register",
            "Be the first to comment", "Comments are closed for this article.", "Comments are moderated",
            "Write a new comment", "Add your comment", "12 shares", "Share this story", "Email | Print | Share",
            "No comments yet",
        ] {
            #expect(CommentControls.isControl(control), "\(control)")
        }
        for comment in [
            "I agree with Tom, the fares are too high.", "I had to log in three times to post this.", "Yes",
            "Share prices fell after the announcement, as anyone could have told them.", "Was this really necessary?",
        ] {
            #expect(!CommentControls.isControl(comment), "\(comment)")
        }
    }

    @Test func controlsAreDroppedAndLogged() throws {
        let html = """
            <html><body>\(Self.story)<div id="talk"><h2>Comments (2)</h2>
            <div class="bar">You are logged in | <a href="/logout">Log out</a></div>
            <div class="c"><div class="v">Was this helpful? <a href="#">12</a> / <a href="#">3</a></div>
            <div class="h"><span class="n">Ann</span> <span class="t">3 Jan 2008, 15:20</span></div>
            <div class="x">Another rise, and the service gets worse every winter.</div></div>
            <div class="c"><div class="v">Was this helpful? <a href="#">4</a> / <a href="#">9</a></div>
            <div class="h"><span class="n">Tom</span> <span class="t">3 Jan 2008, 16:41</span></div>
            <div class="x">The season ticket is welcome news for commuters like me.</div></div>
            <p>Comments are closed for this article.</p></div></body></html>
            """
        let article = try TestSupport.clean(html)
        #expect(article.comments.map(\.author) == ["Ann", "Tom"])
        #expect(article.comments.allSatisfy { $0.replies.isEmpty && !$0.text.contains("helpful") && !$0.text.hasPrefix("Ann") })
        let logged = (article.removed ?? []).filter { $0.rule == CommentControls.rule }.map(\.excerpt)
        #expect(logged.contains { $0.hasPrefix("You are logged in") })
        #expect(logged.filter { $0.hasPrefix("Was this helpful?") }.count == 2)
        #expect(logged.contains { $0.hasPrefix("Comments are closed") })
        #expect(!article.text.contains("Comments are closed"))
    }

    /// `div.comment_container` around the real list, with no rule: a
    /// section, never one comment.
    @Test func aWrapperWhoseClassSaysCommentIsASection() throws {
        let html = """
            <html><body>\(Self.story)<div class="comment_container"><h3>Comments</h3><ol id="comments">
            <li><p>Posted by: Ann | 14 March 2008 at 09:12</p><p>Another rise, and the service gets worse every winter.</p></li>
            <li><p>Posted by: Tom | 14 March 2008 at 10:47</p><p>The season ticket is welcome news for commuters like me.</p></li>
            </ol></div></body></html>
            """
        let article = try TestSupport.clean(html)
        #expect(article.comments.map(\.author) == ["Ann", "Tom"])
    }

    /// A one-comment thread whose whole section is as short as a sort bar
    /// ("All Comments 1 comment Newest Oldest … Keep dreaming!"): the bar
    /// goes, the comment stays.
    @Test func aShortThreadIsNotDroppedWithItsSortBar() throws {
        let html = """
            <html><body>\(Self.story)<div id="comments"><div class="bar">All Comments 1 comment Popular Now Newest Oldest</div>
            <ul><li class="comment"><span class="author">thecrus8r</span> <span class="age">15 minutes ago</span>
            <p>Keep dreaming!</p></li></ul></div></body></html>
            """
        let article = try TestSupport.clean(html)
        #expect(article.comments.map(\.text) == ["Keep dreaming!"])
        #expect(article.comments.first?.author == "thecrus8r")
    }
}
