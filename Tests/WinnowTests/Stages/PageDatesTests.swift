import Foundation
import Testing
@testable import Winnow

/// How the metadata stage weighs the dates a page gives: stated ones
/// first, then the dates it shows near its headline, then its URL.
@Suite struct PageDatesTests {
    static let prose = """
        <p>The council voted seven to two on Monday night to repair the old river bridge rather than replace it, ending a long debate.</p>
        <p>Repairs will close the bridge to cars for six months from April; pedestrians can still cross on a temporary walkway.</p>
        """

    func published(_ html: String, url: String? = nil) throws -> String? {
        try TestSupport.clean(html, url: url).metadata.published
    }

    @Test func aStatedDateComesFirst() throws {
        let html = """
            <html><head><meta property="article:published_time" content="2024-03-01T09:00:00Z"></head>
            <body><h1>Bridge to be repaired</h1><p class="date">Posted on March 5, 2024</p>\(Self.prose)</body></html>
            """
        #expect(try published(html) == "2024-03-01T09:00:00Z")
    }

    @Test func publishedTimeSpellingsAreRead() throws {
        for key in ["article:published_date", "og:pubdate", "published_time", "publication_date", "dc.date.publication"] {
            let html = """
                <html><head><meta name="\(key)" content="2021-06-06"></head><body><h1>Headline</h1>\(Self.prose)</body></html>
                """
            #expect(try published(html) == "2021-06-06T00:00:00Z", "\(key)")
        }
    }

    @Test func aDatelineNearTheHeadlineIsThePublication() throws {
        let html = """
            <html><body><div id="top">Friday, 14 June 2024</div><div id="nav"><a href="/">Home</a></div>
            <h1>Bridge to be repaired</h1><p class="postinfo">Posted on March 5, 2024 by Alan Pryce</p>\(Self.prose)
            <div id="footer">&copy; 2024 Hanbury Post</div></body></html>
            """
        #expect(try published(html) == "2024-03-05T00:00:00Z")
    }

    @Test func anUpdateIsThePublicationOnlyWhenNothingElseIs() throws {
        let updatedOnly = """
            <html><body><h1>Harbour wall repairs</h1><p class="meta">Updated 14:02 GMT, 3 Jan 2008</p>\(Self.prose)</body></html>
            """
        let article = try TestSupport.clean(updatedOnly)
        #expect(article.metadata.published == "2008-01-03T00:00:00Z")
        #expect(article.metadata.modified == "2008-01-03T00:00:00Z")
        let both = """
            <html><body><h1>Harbour wall repairs</h1><p class="meta">Published 2 Jan 2008</p>
            <p class="meta">Updated 14:02 GMT, 3 Jan 2008</p>\(Self.prose)</body></html>
            """
        let dated = try TestSupport.clean(both)
        #expect(dated.metadata.published == "2008-01-02T00:00:00Z")
        #expect(dated.metadata.modified == "2008-01-03T00:00:00Z")
    }

    @Test func theURLDatesAPageThatShowsNone() throws {
        let html = "<html><body><h1>Bypass opens</h1>\(Self.prose)<div id=\"footer\">&copy; 2011</div></body></html>"
        #expect(try published(html, url: "https://times.example/news/2009/10/09/bypass-opens") == "2009-10-09T00:00:00Z")
        #expect(try published(html, url: "https://lmsys.example/blog/2025-12-17-minisgl") == "2025-12-17T00:00:00Z")
        #expect(try published(html, url: "https://wset.example/blog/2023/october/03/wine-types/") == "2023-10-03T00:00:00Z")
        #expect(try published(html, url: "https://times.example/news/2009/10/bypass-opens") == nil)
        #expect(try published(html, url: "https://times.example/news/2009/02/30/bypass") == nil)
        #expect(try published(html) == nil)
    }

    /// Fixture `date-url-only` without its URL: the comments' dates and the
    /// copyright year are not the story's.
    @Test func commentDatesAndCopyrightYearsAreNotThePagesDate() throws {
        let fixture = try #require(Fixture.all().first { $0.name == "date-url-only" })
        let bytes = try [UInt8](Data(contentsOf: fixture.pageFile))
        let article = try Cleaner().clean(bytes: bytes, url: nil)
        #expect(article.metadata.published == nil)
        #expect(article.comments.count == 2)
    }

    @Test func copyrightAndTemplateModificationLinesAreNoDates() throws {
        let html = """
            <html><body><h1>Mill chimney to be saved</h1>\(Self.prose)
            <p><font size="1">Copyright &copy; 2003-2014 Gazette Ltd. Page last modified: 14 March 2014</font></p></body></html>
            """
        let article = try TestSupport.clean(html)
        #expect(article.metadata.published == nil)
        #expect(article.metadata.modified == nil)
    }

    @Test func aStampNoOlderThanTheModificationGivesWayToAnEarlierDateline() throws {
        let html = """
            <html><head><script type="application/ld+json">{"@type": "BlogPosting", "headline": "Top electrical contractors",
            "datePublished": "2025-08-21", "dateModified": "2025-08-20"}</script></head>
            <body><h1>Top electrical contractors</h1><div class="post-meta">Published Apr 26, 2023</div>\(Self.prose)</body></html>
            """
        #expect(try published(html) == "2023-04-26T00:00:00Z")
    }

    @Test func aShownDateLaterThanEveryStatedDateIsLeftOut() throws {
        let html = """
            <html><head><meta property="article:modified_time" content="2020-05-01T10:00:00Z"></head>
            <body><h1>Bridge to be repaired</h1><p class="date">Friday, 14 June 2024</p>\(Self.prose)</body></html>
            """
        let article = try TestSupport.clean(html)
        // No publication is stated or shown in time: the modification is
        // the page's only date.
        #expect(article.metadata.published == "2020-05-01T10:00:00Z")
    }

    /// An archive: a date on every line, thousands of lines. One clear
    /// result (the walk keeps a bounded number of dates), no hang.
    @Test func aDateOnEveryLineOfAnArchive() throws {
        var lines = ""
        for index in 0..<10_000 {
            let day = index % 28 + 1
            lines += "<li><a href=\"/p/\(index)\">Post number \(index)</a> <span class=\"date\">\(day) March 2011</span></li>\n"
        }
        let html = "<html><body><h1>Archive</h1><ul>\(lines)</ul></body></html>"
        let article = try TestSupport.clean(html, explain: false)
        // The first line is near the headline and says date: its day.
        #expect(article.metadata.published == "2011-03-01T00:00:00Z")
        #expect(article.comments.isEmpty)
    }

    @Test func impossibleStatedDatesAreNotTaken() throws {
        for value in ["2008-02-31", "0000-00-00", "9999-12-31T00:00:00Z", "31 February 2008", "year 0"] {
            let html = """
                <html><head><meta property="article:published_time" content="\(value)"></head>
                <body><h1>Headline</h1>\(Self.prose)</body></html>
                """
            #expect(try published(html) == nil, "\(value)")
        }
    }
}
