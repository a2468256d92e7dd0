import Testing
@testable import Winnow

/// The metadata stage end to end: a page head in, `Metadata` out.
@Suite struct MetadataTests {
    /// Runs the whole cleaner on a page with `head` and `body`.
    static func metadata(head: String, body: String = "<p>Body.</p>", htmlAttributes: String = "", url: String? = nil)
        throws -> Metadata
    {
        let html = "<html\(htmlAttributes)><head>\(head)</head><body>\(body)</body></html>"
        return try TestSupport.clean(html, url: url).metadata
    }

    // MARK: - JSON-LD

    @Test func jsonLDNewsArticleWithAuthorsAndPublisher() throws {
        let metadata = try MetadataTests.metadata(head: """
            <title>Other title | Daily Planet</title>
            <meta property="og:title" content="Less trusted title">
            <meta name="author" content="Meta Author">
            <script type="application/ld+json">
            {"@context": "https://schema.org", "@type": "NewsArticle",
             "headline": "Storm hits the coast &amp; the city",
             "author": [{"@type": "Person", "name": "Lois Lane"}, {"@type": "Person", "name": "Clark Kent"},
                        "https://example.com/staff/jimmy",
                        {"@type": "Organization", "name": "Daily Planet"}],
             "publisher": {"@type": "Organization", "name": "Daily Planet"},
             "datePublished": "2022-03-23T10:15:00+02:00", "dateModified": "2022-03-24",
             "description": "It rained.", "inLanguage": "en-GB",
             "url": "https://example.com/storm"}
            </script>
            """)
        #expect(metadata.title == "Storm hits the coast & the city")
        // The URL is not a name; the publisher crediting itself beside people goes.
        #expect(metadata.authors == ["Lois Lane", "Clark Kent"])
        #expect(metadata.published == "2022-03-23T10:15:00+02:00")
        #expect(metadata.modified == "2022-03-24T00:00:00Z")
        #expect(metadata.siteName == "Daily Planet")
        #expect(metadata.description == "It rained.")
        #expect(metadata.language == "en-GB")
        #expect(metadata.canonicalURL == "https://example.com/storm")
    }

    @Test func jsonLDGraphWithReferences() throws {
        // Yoast's shape: the article names its author and publisher by @id.
        let metadata = try MetadataTests.metadata(head: """
            <script type="application/ld+json">
            {"@context": "https://schema.org", "@graph": [
              {"@type": "WebSite", "@id": "https://ex.com/#website", "name": "Example Blog"},
              {"@type": "WebPage", "@id": "https://ex.com/post/#webpage", "name": "A post - Example Blog"},
              {"@type": ["Article", "BlogPosting"], "@id": "https://ex.com/post/#article",
               "headline": "A post about it&#8217;s graph",
               "author": {"@id": "https://ex.com/#/schema/person/1"},
               "publisher": {"@id": "https://ex.com/#organization"},
               "datePublished": "2021-06-01T08:00:00+00:00",
               "mainEntityOfPage": {"@id": "https://ex.com/post/"}},
              {"@type": "Person", "@id": "https://ex.com/#/schema/person/1", "name": "Ada Lovelace"},
              {"@type": "Organization", "@id": "https://ex.com/#organization", "name": "Example Inc."}
            ]}
            </script>
            """)
        #expect(metadata.title == "A post about it\u{2019}s graph")
        #expect(metadata.authors == ["Ada Lovelace"])
        #expect(metadata.published == "2021-06-01T08:00:00+00:00")
        #expect(metadata.siteName == "Example Inc.")
        #expect(metadata.canonicalURL == "https://ex.com/post/")
    }

    @Test func jsonLDInArrayWithMainEntityAndCDATA() throws {
        let metadata = try MetadataTests.metadata(head: """
            <script type="application/ld+json">//<![CDATA[
            [{"@type": "BreadcrumbList", "itemListElement": []},
             {"@type": "WebPage", "name": "Page name",
              "mainEntity": {"@type": "schema:ReportageNewsArticle", "headline": "The report",
                             "author": {"@type": "Person", "givenName": "Grace", "familyName": "Hopper"}}}]
            //]]></script>
            """)
        #expect(metadata.title == "The report")
        #expect(metadata.authors == ["Grace Hopper"])
    }

    @Test func aQAPageIsCreditedToItsQuestionsAuthor() throws {
        // Discourse's and NodeBB's shape: the page object names no author;
        // its Question (the opening post) does, and the answers name theirs.
        let metadata = try MetadataTests.metadata(head: """
            <script type="application/ld+json">
            {"@context": "http://schema.org", "@type": "QAPage", "name": "Is changing the MSRV a breaking change?",
             "mainEntity": {"@type": "Question", "name": "Is changing the MSRV a breaking change?",
                            "author": {"@type": "Person", "name": "sorairolake", "url": "https://users.example.org/u/sorairolake"},
                            "acceptedAnswer": {"@type": "Answer", "author": {"@type": "Person", "name": "kpreid"}}}}
            </script>
            """)
        #expect(metadata.authors == ["sorairolake"])
    }

    @Test func aQandASitesAuthorBoxGivesItsProfileLinksName() throws {
        // Stack Exchange's shape: the author box holds reputation and
        // badges beside the profile link; the handle need not read as a name.
        let metadata = try MetadataTests.metadata(head: "<title>Catering event: how much food per guest?</title>", body: """
            <div itemscope itemtype="https://schema.org/Question"><h1>Catering event: how much food per guest?</h1>
            <p>I am catering a party for forty people and wonder how much food I should plan for each guest, with sides.</p>
            <div class="user-details" itemprop="author" itemscope itemtype="http://schema.org/Person">
            <a href="/users/1/kumikogoingcrazy">KumikoGoingCrAzY</a>
            <div class="-flair"><span class="reputation-score">159</span> <span>1 silver badge</span> <span>6 bronze badges</span></div>
            </div></div>
            """)
        #expect(metadata.authors == ["KumikoGoingCrAzY"])
    }

    @Test func aLinkInTheAuthorsDescriptionIsNoName() throws {
        // A WordPress author box: the profile link is empty, the
        // description links elsewhere.
        let metadata = try MetadataTests.metadata(head: "<title>Harbour repairs begin</title>", body: """
            <h1>Harbour repairs begin</h1>
            <p>Work on the harbour wall began on Monday and will last until the spring, the council said in a statement.</p>
            <div class="saboxplugin-wrap" itemprop="author" itemscope itemtype="http://schema.org/Person">
            <div class="saboxplugin-authorname"><a class="vcard author" href="/author/contributor/"><span class="fn"></span></a></div>
            <div itemprop="description"><p>Please follow me on <a href="https://www.linkedin.com/">LinkedIn</a> or <a href="https://twitter.com/">Twitter</a></p></div>
            </div>
            """)
        #expect(!metadata.authors.contains("LinkedIn"))
    }

    @Test func invalidJSONLDIsIgnored() throws {
        let metadata = try MetadataTests.metadata(head: """
            <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Broken", </script>
            <script type="application/ld+json"></script>
            <meta property="og:title" content="The OpenGraph title">
            <meta property="article:published_time" content="2020-01-02T03:04:05Z">
            """)
        #expect(metadata.title == "The OpenGraph title")
        #expect(metadata.published == "2020-01-02T03:04:05Z")
    }

    @Test func headlineOrNameClosestToThePageTitle() throws {
        // Wikipedia puts a short description in `headline`.
        let metadata = try MetadataTests.metadata(head: """
            <title>New Zealand - Wikipedia</title>
            <script type="application/ld+json">
            {"@type": "Article", "name": "New Zealand", "headline": "island country in the Pacific Ocean"}
            </script>
            """)
        #expect(metadata.title == "New Zealand")
    }

    @Test func truncatedHeadlineGivesWayToTheWholeTitle() throws {
        let metadata = try MetadataTests.metadata(head: """
            <meta property="og:title" content="A very long headline that goes on and on past the limit">
            <script type="application/ld+json">{"@type": "NewsArticle", "headline": "A very long headline that goes on…"}</script>
            """)
        #expect(metadata.title == "A very long headline that goes on and on past the limit")
    }

    // MARK: - OpenGraph and meta

    @Test func openGraphOnlyPage() throws {
        let metadata = try MetadataTests.metadata(head: """
            <meta property="og:title" content="  Spaced
               out title ">
            <meta property="og:site_name" content="The Site">
            <meta property="og:description" content="What it is about.">
            <meta property="og:url" content="https://site.example/a">
            <meta property="og:locale" content="en_US">
            <meta property="article:published_time" content="2019-05-06">
            <meta property="article:modified_time" content="2019-05-07T10:00:00Z">
            <meta property="article:author" content="https://facebook.com/someone">
            <meta name="author" content="Jane Roe">
            """)
        #expect(metadata.title == "Spaced out title")
        #expect(metadata.siteName == "The Site")
        #expect(metadata.description == "What it is about.")
        #expect(metadata.canonicalURL == "https://site.example/a")
        #expect(metadata.language == "en-US")
        #expect(metadata.published == "2019-05-06T00:00:00Z")
        #expect(metadata.modified == "2019-05-07T10:00:00Z")
        #expect(metadata.authors == ["Jane Roe"])
    }

    @Test func dublinCoreAndCitationTags() throws {
        let metadata = try MetadataTests.metadata(head: """
            <meta name="DC.title" content="A paper">
            <meta name="citation_author" content="Ann Smith">
            <meta name="citation_author" content="Bob Jones">
            <meta name="citation_publication_date" content="2001/02/03">
            """)
        #expect(metadata.title == "A paper")
        #expect(metadata.authors == ["Ann Smith", "Bob Jones"])
        #expect(metadata.published == "2001-02-03T00:00:00Z")
    }

    @Test func parselyAndSailthruDates() throws {
        let parsely = try MetadataTests.metadata(head: #"<meta name="parsely-pub-date" content="2016-12-22T10:43:37-08:00">"#)
        #expect(parsely.published == "2016-12-22T10:43:37-08:00")
        let sailthru = try MetadataTests.metadata(head: #"<meta name="sailthru.date" content="Wed, 23 Mar 2022 10:15:00 GMT">"#)
        #expect(sailthru.published == "2022-03-23T10:15:00Z")
    }

    @Test func unparsableDateStaysNil() throws {
        let metadata = try MetadataTests.metadata(head: """
            <meta property="article:published_time" content="sometime last week">
            <meta name="date" content="{{ page.date }}">
            """)
        #expect(metadata.published == nil)
    }

    @Test func microdataOfAReviewIsNotThePages() throws {
        let metadata = try MetadataTests.metadata(
            head: "<title>Headphones</title>",
            body: """
                <div itemscope itemtype="https://schema.org/Review">
                  <meta itemprop="datePublished" content="2022-10-28"><meta itemprop="author" content="A Buyer">
                </div>
                <div itemscope itemtype="https://schema.org/NewsArticle">
                  <meta itemprop="dateModified" content="2023-01-02">
                </div>
                """)
        // The review's date is not the page's; the page states only its
        // modification, which then stands for its publication.
        #expect(metadata.published == "2023-01-02T00:00:00Z")
        #expect(metadata.authors.isEmpty)
        #expect(metadata.modified == "2023-01-02T00:00:00Z")
    }

    // MARK: - Titles

    @Test func titleSuffixMatchingTheSiteNameGoes() throws {
        let metadata = try MetadataTests.metadata(head: """
            <title>Obama admits gun laws are his biggest frustration - BBC News</title>
            <meta property="og:site_name" content="BBC News">
            """)
        #expect(metadata.title == "Obama admits gun laws are his biggest frustration")
    }

    @Test func titleSiteNameAndTaglineGo() throws {
        let metadata = try MetadataTests.metadata(head: """
            <meta property="og:title" content="Software | MIT News | Massachusetts Institute of Technology">
            <meta property="og:site_name" content="MIT News">
            """)
        #expect(metadata.title == "Software")
    }

    @Test func shortTrailingPartGoesWhenEnoughRemains() throws {
        let kept = try MetadataTests.metadata(head: "<title>Personal Training - UT RecSports</title>")
        #expect(kept.title == "Personal Training - UT RecSports")
        let cut = try MetadataTests.metadata(head: "<title>How to build a terrarium in a jar :: Craft Corner</title>")
        #expect(cut.title == "How to build a terrarium in a jar")
        let long = try MetadataTests.metadata(head: "<title>Xbox One X review - A console that keeps up with gaming PCs</title>")
        #expect(long.title == "Xbox One X review - A console that keeps up with gaming PCs")
    }

    @Test func titleCutWhereTheHeadingEnds() throws {
        let metadata = try MetadataTests.metadata(
            head: "<title>Personal Training - UT RecSports</title>", body: "<h1>Personal Training</h1><p>Text.</p>")
        #expect(metadata.title == "Personal Training")
    }

    @Test func titleSuffixMatchingTheHostGoes() throws {
        let metadata = try MetadataTests.metadata(
            head: #"<meta property="og:title" content="Remote Jobs | 4dayweek.io">"#, url: "https://www.4dayweek.io/jobs")
        #expect(metadata.title == "Remote Jobs")
    }

    @Test func firstHeadingWhenNoTitle() throws {
        let metadata = try MetadataTests.metadata(head: "", body: "<svg><title>Icon</title></svg><h1> The  heading </h1>")
        #expect(metadata.title == "The heading")
    }

    // MARK: - Page fallbacks

    @Test func timeInsideTheArticle() throws {
        let metadata = try MetadataTests.metadata(head: "<title>T</title>", body: """
            <aside><time datetime="2001-01-01">old</time></aside>
            <article><h1>Story</h1><p>Posted <time datetime="2022-03-23T10:15:00.000Z">yesterday</time></p></article>
            """)
        #expect(metadata.published == "2022-03-23T10:15:00Z")
    }

    @Test func timesOfAListAreNotThePages() throws {
        let metadata = try MetadataTests.metadata(head: "<title>News</title>", body: """
            <h1>News</h1>
            <article><h2>One</h2><time datetime="2022-03-23">x</time></article>
            <article><h2>Two</h2><time datetime="2022-03-22">y</time></article>
            """)
        #expect(metadata.published == nil)
    }

    @Test func pubdateTime() throws {
        let metadata = try MetadataTests.metadata(head: "", body: "<p><time pubdate>March 23, 2022</time></p>")
        #expect(metadata.published == "2022-03-23T00:00:00Z")
    }

    @Test func datesInCommentsAreNotThePages() throws {
        let metadata = try MetadataTests.metadata(head: "", body: """
            <article><h1>Title</h1><p>Text of the story.</p>
            <div class="comments"><p><time datetime="2021-05-04">May 4</time></p></div></article>
            """)
        #expect(metadata.published == nil)
        let outside = try MetadataTests.metadata(head: "", body: """
            <article><h1>Title</h1><p>Text of the story.</p>
            <div class="meta"><p><time datetime="2021-05-04">May 4</time></p></div></article>
            """)
        #expect(outside.published == "2021-05-04T00:00:00Z")
    }

    @Test func bylineWithBy() throws {
        let metadata = try MetadataTests.metadata(head: "", body: """
            <div class="comment-author">Not Me</div>
            <p class="byline">By Jane Doe</p><p>Text of the story.</p>
            """)
        #expect(metadata.authors == ["Jane Doe"])
    }

    @Test func bylineInnerNamesWithoutTheDate() throws {
        let metadata = try MetadataTests.metadata(head: "", body: """
            <div class="post-author-date"><em class="byline-by">By</em>
              <a href="/a/1"><span class="byline-author">Joshua Sokol</span></a> and
              <a rel="author" href="/a/2">Ann Lee</a> <span>May 20, 2019</span></div>
            <div class="follow-author">Katie Couric New Yorkers post their feelings</div>
            """)
        #expect(metadata.authors == ["Joshua Sokol", "Ann Lee"])
    }

    /// A forum post's byline says more than the name; the name is the
    /// element forum software marks `username`.
    @Test func forumBylineGivesItsUsername() throws {
        let metadata = try MetadataTests.metadata(head: "", body: """
            <p class="author"><a href="#p1"><span class="sr-only">Post</span></a> by <strong><a href="/u/5581" class="username">kettleworth</a></strong>
            » <time datetime="2024-01-13T18:22:41+00:00">Sat Jan 13, 2024 6:22 pm</time></p>
            <div class="content">I have just finished stripping the headstock of my lathe.</div>
            <p class="author"><a href="#p2"><span class="sr-only">Post</span></a> by <strong><a href="/u/912" class="username">Bill_in_Dorset</a></strong>
            » <time datetime="2024-01-13T19:05:00+00:00">Sat Jan 13, 2024 7:05 pm</time></p>
            """)
        #expect(metadata.authors == ["kettleworth"])
    }

    /// Yoast SEO's Twitter card says who wrote the post in a label/data
    /// pair; other pairs (reading time) are not authors.
    @Test func twitterLabelledAuthor() throws {
        let metadata = try MetadataTests.metadata(head: """
            <meta name="twitter:label1" content="Est. reading time"><meta name="twitter:data1" content="4 minutes">
            <meta name="twitter:label2" content="Written by"><meta name="twitter:data2" content="Chase Bernath">
            """, body: "<p>A review of the headphones.</p>")
        #expect(metadata.authors == ["Chase Bernath"])
    }

    @Test func itempropAuthorName() throws {
        let metadata = try MetadataTests.metadata(head: "", body: """
            <span itemprop="author" itemscope itemtype="http://schema.org/Person"><a href="/x"><span itemprop="name"> AFP</span></a> agency</span>
            """)
        #expect(metadata.authors == ["AFP"])
    }

    @Test func languageSources() throws {
        #expect(try MetadataTests.metadata(head: "", htmlAttributes: #" lang="pt_br""#).language == "pt-BR")
        #expect(try MetadataTests.metadata(head: "", htmlAttributes: #" xml:lang="de""#).language == "de")
        #expect(
            try MetadataTests.metadata(head: #"<meta http-equiv="Content-Language" content="fr, en">"#).language == "fr")
        #expect(try MetadataTests.metadata(head: #"<meta property="og:locale" content="en_US">"#).language == "en-US")
        #expect(try MetadataTests.metadata(head: #"<meta name="language" content="English">"#).language == nil)
    }

    @Test func relativeCanonicalResolvedAgainstThePageURL() throws {
        let metadata = try MetadataTests.metadata(
            head: #"<link rel="canonical" href="/story/1">"#, url: "https://news.example/story/1?utm=x")
        #expect(metadata.canonicalURL == "https://news.example/story/1")
        let without = try MetadataTests.metadata(head: #"<link rel="canonical" href="/story/1">"#)
        #expect(without.canonicalURL == nil)
    }

    @Test func nothingStatedNothingMadeUp() throws {
        let metadata = try MetadataTests.metadata(head: "", body: "<p>Just text.</p>")
        #expect(metadata == Metadata())
    }
}

@Suite struct AuthorNamesTests {
    @Test func cleansSplitsAndDeduplicates() {
        #expect(AuthorNames.clean(["By Jane Doe", "jane doe", " Jane  Doe "]) == ["Jane Doe"])
        #expect(AuthorNames.clean(["Stella Kim, Jennifer Jett"]) == ["Stella Kim", "Jennifer Jett"])
        #expect(AuthorNames.clean(["Ann Lee and Bob Roe"]) == ["Ann Lee", "Bob Roe"])
        #expect(AuthorNames.clean(["Ann Lee, Bob Roe & Carl de Vries"]) == ["Ann Lee", "Bob Roe", "Carl de Vries"])
    }

    @Test func keepsWhatIsNotClearlyAList() {
        #expect(AuthorNames.clean(["Jong, Michiel de"]) == ["Jong, Michiel de"])
        #expect(AuthorNames.clean(["Research and Development"]) == ["Research and Development"])
        #expect(AuthorNames.clean(["Staff, wire reports"]) == ["Staff, wire reports"])
    }

    @Test func dropsURLsPlaceholdersAndEmptyBylines() {
        #expect(AuthorNames.clean(["https://twitter.com/x", "www.example.com", "{{author}}", "page.head.extra.author", "By"]).isEmpty)
    }

    /// The split as it was, Character by Character for every separator.
    static func characterSplit(_ text: String) -> [String] {
        guard !text.isEmpty else { return [] }
        var parts = [Substring(text)]
        for separator in [";", ",", " and ", " & ", " und ", " et ", " y "] {
            parts = parts.flatMap { $0.split(separator: separator, omittingEmptySubsequences: false) }
        }
        let names = parts.map { Text.collapsingWhitespace($0) }.filter { !$0.isEmpty }
        guard names.count > 1, names.allSatisfy(AuthorNames.isPersonName) else { return [text] }
        return names
    }

    /// Texts without a separator's bytes skip its split only where that
    /// cannot change the parts: a Greek question mark is a semicolon to
    /// `==`, and an accent after a space makes another Character of it.
    @Test func byteSearchSplitsAsCharactersDo() {
        let texts = [
            "Ann Lee; Bob Roe", "Ann Lee\u{37E} Bob Roe", "Ann Lee\r\nand Bob Roe", "Ann Lee and Bob Roe", "Ann Lee y Bob Roe",
            "Jane Doe", "Ann Lee,Bob Roe", "Ann Lee \u{301}and Bob Roe", "Ann Lee & Bob Roe", "Zoë Kim und Jan Roe", "",
        ]
        for text in texts { #expect(AuthorNames.split(text) == AuthorNamesTests.characterSplit(text), "\(text)") }
        #expect(AuthorNames.split("Ann Lee\u{37E} Bob Roe").count == 2)
    }

    @Test func capsTheList() {
        let many = (1...30).map { "Person Number\(String(repeating: "x", count: $0))" }
        #expect(AuthorNames.clean(many).count == AuthorNames.maximumCount)
    }
}

@Suite struct ArticleTitleTests {
    @Test func removesOnlyTheSitesPart() {
        #expect(ArticleTitle.removingSiteName(from: "BBC News | Story here", siteNames: ["BBC News"], heuristic: false) == "Story here")
        #expect(ArticleTitle.removingSiteName(from: "COVID-19 cases rise", siteNames: ["Rise"], heuristic: true) == "COVID-19 cases rise")
        #expect(ArticleTitle.removingSiteName(from: "A - B", siteNames: [], heuristic: false) == "A - B")
        #expect(ArticleTitle.removingSiteName(from: "Title — The Site", siteNames: ["the site"], heuristic: false) == "Title")
    }

    /// Separators sharing a space ("beta | - Gamma") once made a backward
    /// range and stopped the process on such a title with a site name.
    @Test func overlappingSeparatorsAreReadNotTrapped() throws {
        #expect(ArticleTitle.removingSiteName(from: "Alpha beta | - Gamma", siteNames: ["Gamma"], heuristic: false) == "Alpha beta |")
        #expect(ArticleTitle.removingSiteName(from: "Alpha beta | - Gamma", siteNames: ["Site"], heuristic: true) == "Alpha beta | - Gamma")
        let article = try TestSupport.clean("""
            <html><head><title>Alpha beta | - Gamma</title><meta property="og:site_name" content="Gamma"></head>
            <body><article><p>A paragraph of ordinary article prose, long enough to count, with commas and a stop.</p></article></body></html>
            """)
        #expect(article.metadata.title != nil)
    }
}

@Suite struct HTMLEntitiesTests {
    @Test func decodesCommonReferences() {
        #expect(HTMLEntities.decode("Tom &amp; Jerry&#8217;s &#x2014; &hellip;") == "Tom & Jerry\u{2019}s \u{2014} \u{2026}")
        #expect(HTMLEntities.decode("AT&T & co &unknown; &#0;") == "AT&T & co &unknown; &#0;")
    }
}
