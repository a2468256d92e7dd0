import Foundation
import Testing
@testable import Winnow

/// The stages that strip what is not the article, each on a page made to
/// show one decision: what goes is logged under the stage and rule that
/// took it, and the article stays.
@Suite struct FrameStageTests {
    static let prose = """
        <p>A paragraph of ordinary article prose, long enough to count, with commas, clauses, and a full stop.</p>
        <p>Another paragraph of ordinary article prose, long enough to count, with commas, and more words.</p>
        <p>A third paragraph of the same article, about the harbour barrier, its cost, and its delays.</p>
        """

    static func removed(_ article: Article, stage: String) -> [Removal] {
        (article.removed ?? []).filter { $0.stage == stage }
    }

    // MARK: - strip-non-content

    @Test func scriptsStylesAndHTMLCommentsGoFirst() throws {
        let article = try TestSupport.clean("""
            <html><head><style>p { color: red }</style></head><body><!-- tracking note -->
            <article>\(FrameStageTests.prose)<script>var secret = "script text";</script></article></body></html>
            """)
        let rules = FrameStageTests.removed(article, stage: "strip-non-content").map(\.rule)
        #expect(rules.contains("html-comments"))
        #expect(rules.contains("non-content-elements"))
        #expect(!article.text.contains("script text"))
        #expect(!article.text.contains("color: red"))
        #expect(article.text.contains("harbour barrier"))
    }

    /// Dotdash Meredith's header opens a `<div>` in the menu button and
    /// closes the button first: libxml2 (2.9) keeps the button open to the
    /// end of the page. The script after the article holds more text than
    /// the article, so the guard must ask once the scripts are gone.
    @Test func aButtonThatSwallowedThePageIsNotAControl() throws {
        let script = String(repeating: "var x = 'a long script that counts for nothing'; ", count: 20)
        let paragraph = "<p>A paragraph of article prose about the harbour barrier, long enough to be prose for the guards, "
            + "with commas, clauses, its cost, its delays, and a full stop at the end of it.</p>"
        let article = try TestSupport.clean("""
            <html><body><header><div class="menu-button-container"><button class="menu-button" aria-label="Main menu">\
            <div class="menu-button-inner"><svg><use href="#icon-menu"></use></svg><div></button></div>
            <div class="logo"><a href="/">Home</a></div></header>
            <main><article><h1>The harbour</h1>\(paragraph)\(paragraph)\(paragraph)<input type="search"><button>Subscribe</button></article></main>
            <script>\(script)</script></body></html>
            """)
        #expect(article.text.contains("harbour barrier"))
        let controls = FrameStageTests.removed(article, stage: "strip-non-content").filter { $0.rule == "form-controls" }
        #expect(controls.count == 2, "the controls inside the swallowing button still go")
        #expect(!article.text.contains("Subscribe"))
    }

    /// A shop's card made of a `<button>` with a few paragraphs' text in it
    /// is a control beside the page's prose, and goes.
    @Test func aCardButtonBesideTheArticleGoes() throws {
        let article = try TestSupport.clean("""
            <html><body><article>\(FrameStageTests.prose)\(FrameStageTests.prose)\(FrameStageTests.prose)</article>
            <div class="cta"><button type="button" class="popup-opener"><div>How to use the barrier gate</div>
            <div>A popup paragraph of card text, long enough to count as prose, with commas, clauses, and a stop. \
            More of the same popup text, long enough, with commas, clauses, and words about the gate opener. \
            And a third sentence of card text that a shop prints on the card, with commas and a full stop. \
            A fourth sentence, so that the card holds the text of a few paragraphs and is weighed against the page.</div></button></div>
            </body></html>
            """)
        #expect(article.text.contains("harbour barrier"))
        #expect(!article.text.contains("popup paragraph"))
    }

    // MARK: - strip-hidden

    @Test func hiddenElementsGoButEmptyDataStays() throws {
        let article = try TestSupport.clean("""
            <html><body><article>\(FrameStageTests.prose)
            <div hidden>Hidden attribute text</div><div aria-hidden="true">Aria hidden text</div>
            <div style="display: none">Inline hidden text</div>
            <span class="hidden" content="2020-03-04T11:30:02+00:00"></span></article></body></html>
            """)
        let rules = Set(FrameStageTests.removed(article, stage: "strip-hidden").map(\.rule))
        #expect(rules == ["hidden-attribute", "aria-hidden", "inline-display-none"])
        for text in ["Hidden attribute text", "Aria hidden text", "Inline hidden text"] { #expect(!article.text.contains(text)) }
        #expect(article.text.contains("harbour barrier"))
    }

    /// The guard counts prose in paragraphs of 150 characters or more.
    static let longProse = String(repeating: """
        <p>A long paragraph of article prose about the harbour barrier, its cost, its delays and the people \
        who wait for it, written long enough to count as one whole unit of prose for the guard of the stage.</p>
        """, count: 4)

    /// A collapsed accordion as WAI-ARIA writes it (Radix on the Motley
    /// Fool: `hidden` panels with `role=region` labelled by their button)
    /// holds the page's text a reader opens; on an article too it stays.
    /// A hidden menu with the same attributes but only links goes.
    @Test func aCollapsedAccordionPanelStaysAHiddenMenuGoes() throws {
        let answer = "Index funds hold every stock of an index, so their costs stay low and their returns follow the market's, "
            + "which over long periods has beaten most funds that pick stocks."
        let article = try TestSupport.clean("""
            <html><body><article>\(FrameStageTests.prose)
            <h3><button id="q1" aria-controls="a1" aria-expanded="false">Why buy index funds?</button></h3>
            <div id="a1" hidden role="region" aria-labelledby="q1"><p>\(answer)</p></div>
            <div id="m1" hidden role="region" aria-labelledby="q2"><a href="/a">Stocks</a> <a href="/b">Funds</a> <a href="/c">Bonds</a></div>
            </article></body></html>
            """)
        #expect(article.text.contains("Index funds hold every stock"))
        #expect(!article.text.contains("Bonds"))
        #expect(article.text.contains("harbour barrier"))
    }

    @Test func aHiddenWrapperAroundNearlyAllProseIsRevealed() throws {
        let article = try TestSupport.clean("""
            <html><body><div style="display:none" class="page-transition"><article>\(FrameStageTests.longProse)</article></div></body></html>
            """)
        #expect(article.text.contains("harbour barrier"))
        #expect(FrameStageTests.removed(article, stage: "strip-hidden").isEmpty)
    }

    // MARK: - strip-boilerplate

    @Test func navigationHeaderFooterAndSidebarWidgetsGo() throws {
        let article = try TestSupport.clean("""
            <html><body><header class="site-header"><a href="/">Site name</a></header>
            <nav><a href="/a">Home</a> <a href="/b">World</a></nav>
            <main>\(FrameStageTests.prose)</main>
            <div class="sidebar"><div class="widget"><h3>Archives</h3><p>October 2012, September 2012</p></div></div>
            <footer class="site-footer">Copyright the site</footer></body></html>
            """)
        let rules = Set(FrameStageTests.removed(article, stage: "strip-boilerplate").map(\.rule))
        #expect(rules.isSuperset(of: ["navigation", "site-header", "sidebars", "site-footer"]))
        for text in ["Home", "Archives", "Copyright the site"] { #expect(!article.text.contains(text)) }
        #expect(article.text.contains("harbour barrier"))
    }

    /// Apple's product pages end in a `<footer>` of numbered footnotes,
    /// paragraphs of fine print that outweigh the page's short feature
    /// blocks (the guard's prose): the tag names the site's footer, so it goes whatever the
    /// guard counts; a class alone does not (`site-footer-classes`).
    @Test func aSiteFooterOfFinePrintGoesAClassNamedFooterHoldingProseStays() throws {
        let note = "<li>Testing conducted in January with preproduction systems and software, battery life varies by use "
            + "and configuration, and results depend on settings, network and many other factors; see the site for more.</li>"
        // More than `Cleaner.minimumArticleChars` in all: a shorter page is
        // cleaned again with the frame's large removals spared.
        let features = (1...9).map {
            "<div class=\"tile\"><h2>Feature \($0)</h2><p>A short line about feature \($0), what it does for you.</p></div>"
        }.joined()
        let page = """
            <html><body><div class="page"><h1>Laptop Air</h1>\(features)</div>
            <footer id="globalfooter"><section class="sosumi"><ol>\(String(repeating: note, count: 6))</ol></section></footer></body></html>
            """
        let product = try TestSupport.clean(page, pageType: .product)
        #expect(product.text.contains("A short line about feature 2"))
        #expect(!product.text.contains("Testing conducted"))
        #expect(FrameStageTests.removed(product, stage: "strip-boilerplate").contains { $0.rule == "site-footer" })
        // The same prose in a wrapper whose class says footer stays.
        let wrapped = try TestSupport.clean("""
            <html><body><div class="content-footer-wrap"><h1>Notes</h1>\(String(repeating: FrameStageTests.prose, count: 3))</div></body></html>
            """)
        #expect(wrapped.text.contains("harbour barrier"))
    }

    /// A header, footer or aside inside the article (or `<main>`) is the
    /// article's; a header around the headline is too. A "skip" link goes
    /// wherever it is, and an in-page link that says something else stays.
    @Test func frameTagsInsideTheArticleAndHeadlineHeadersStay() throws {
        let article = try TestSupport.clean("""
            <html><body><a href="#main">Skip to content</a>
            <header><p>Site name and tagline</p></header>
            <main><header><h1>The headline</h1><p>By a reporter</p></header>
            <p><a href="#notes">Jump to the notes</a></p>
            \(FrameStageTests.prose)
            <aside><p>A pull quote the article sets apart</p></aside>
            <footer><p>Filed under harbours</p></footer></main>
            <aside><p>Popular this week</p></aside><footer><p>Copyright the site</p></footer></body></html>
            """)
        for kept in ["By a reporter", "Jump to the notes", "A pull quote", "Filed under harbours"] {
            #expect(article.text.contains(kept), "\(kept)")
        }
        for dropped in ["Skip to content", "Site name", "Popular this week", "Copyright the site"] {
            #expect(!article.text.contains(dropped), "\(dropped)")
        }
        let rules = Set(FrameStageTests.removed(article, stage: "strip-boilerplate").map(\.rule))
        #expect(rules.isSuperset(of: ["skip-links", "site-header", "sidebars", "site-footer"]))
    }

    /// Page builders call every block of the article a widget.
    @Test func pageBuilderWidgetsAreTheArticle() throws {
        let blocks = FrameStageTests.prose.split(separator: "\n").map { paragraph in
            "<div class=\"elementor-element elementor-widget elementor-widget-text-editor\"><div class=\"elementor-widget-container\">\(paragraph)</div></div>"
        }.joined()
        let article = try TestSupport.clean("<html><body><div class=\"elementor\">\(blocks)</div></body></html>")
        #expect(article.text.contains("ordinary article prose"))
        #expect(article.text.contains("harbour barrier"))
        #expect(!FrameStageTests.removed(article, stage: "strip-boilerplate").contains { $0.rule == "sidebars" })
    }

    /// Blogger wraps the posts in `div.widget.Blog`: a frame class on the
    /// element that holds the article's body.
    @Test func aWidgetHoldingTheArticleBodyStays() throws {
        let article = try TestSupport.clean("""
            <html><body><div class="main"><div class="widget Blog" id="Blog1"><div class="post hentry">
            <h3 class="post-title">A post</h3><div class="post-body entry-content">\(FrameStageTests.prose)</div></div></div></div>
            <div class="sidebar"><div class="widget Profile"><p>About me: I write about harbours and their long, slow repairs, with commas and care.</p></div>
            <div class="widget BlogArchive"><p>Archive of October, September, August and July of this year and the last.</p></div></div>
            </body></html>
            """)
        #expect(article.text.contains("harbour barrier"))
        #expect(!article.text.contains("About me"))
    }

    // MARK: - main-content

    /// A frame word in the id (`nav-single`) does not make the article
    /// navigation when its class names the article body; the body marks
    /// what holds it, too, and nothing else.
    @Test func anArticleBodyWithAFrameWordInItsIDIsTheArticle() throws {
        let document = try TestSupport.document("""
            <html><body><div id="wrap" class="sidebar"><div id="nav-single" class="single-article-content">\(FrameStageTests.prose)</div></div>
            <div id="menu" class="nav-menu"><div id="teaser" class="post-teaser">Teaser</div></div></body></html>
            """)
        let facts = ElementFactsCache()
        let byID = Dictionary(uniqueKeysWithValues: try #require(document.body).descendantElements().compactMap { node in
            node.attribute("id").map { ($0, node) }
        })
        #expect(StripBoilerplate.holdsArticleBody(try #require(byID["nav-single"]), facts: facts))
        #expect(StripBoilerplate.holdsArticleBody(try #require(byID["wrap"]), facts: facts))
        #expect(!StripBoilerplate.holdsArticleBody(try #require(byID["menu"]), facts: facts))
    }

    /// MathJax 3 gives every formula the class token `CtxtMenu_Attached_0`,
    /// which holds the frame word "menu": a formula stays all the same.
    @Test func typesetFormulasAreNeverFrame() throws {
        let article = try TestSupport.clean("""
            <html><body><article>\(FrameStageTests.prose)<h2>The Lorenz Equations</h2>
            <mjx-container class="MathJax CtxtMenu_Attached_0" jax="CHTML" display="true"><mjx-assistive-mml display="block">
            <math><mi>x</mi><mo>=</mo><mi>σ</mi><mo>(</mo><mi>y</mi><mo>−</mo><mi>x</mi><mo>)</mo></math></mjx-assistive-mml></mjx-container>
            </article></body></html>
            """)
        #expect(article.text.contains("x=σ(y−x)"))
        #expect(!FrameStageTests.removed(article, stage: "strip-boilerplate").contains { $0.excerpt.contains("σ") })
    }

    /// The labels news sites print over an ad slot ("Advertisement",
    /// "Continue reading the main story") go, even when the slot itself has
    /// no telling class; a sentence that starts with the word stays.
    @Test func adLabelsGo() throws {
        let article = try TestSupport.clean("""
            <html><body><article>\(FrameStageTests.prose)<div><p>Advertisement</p><p>Continue reading the main story</p></div>
            <p>Advertisement revenue at the harbour authority fell by a third, the annual report says, with commas.</p></article></body></html>
            """)
        #expect(!article.text.contains("Continue reading"))
        #expect(!article.text.split(separator: "\n").contains("Advertisement"))
        #expect(article.text.contains("Advertisement revenue at the harbour"))
        #expect(FrameStageTests.removed(article, stage: "strip-article-boilerplate").contains { $0.rule == "ad-labels" })
    }

    @Test func theArticleIsLocatedAndWhatIsOutsideGoes() throws {
        let article = try TestSupport.clean("""
            <html><body><div class="promo"><p>Subscribe to our magazine for only a few coins a week, today.</p></div>
            <div class="content"><div class="story">\(FrameStageTests.prose)</div></div></body></html>
            """)
        #expect(article.text.contains("harbour barrier"))
        #expect(!article.text.contains("Subscribe to our magazine"))
        #expect(FrameStageTests.removed(article, stage: "main-content").contains { $0.rule == "outside-main-content" })
    }

    /// A live feed in a sidebar that the frame rules had to leave holds
    /// more text than the article, but the article that schema.org names is
    /// the content: the main-content stage alone, on such a tree.
    @Test func aMarkedArticleOutweighsAWordierSidebar() throws {
        let feed = (1...20).map { number in
            "<li><p>Update \(number): the rescue teams reached another valley today, where the roads, the bridges and the phone lines are still cut off, officials of the region said this evening.</p></li>"
        }.joined()
        let document = try TestSupport.document("""
            <html><body><div role="main"><article itemscope itemtype="http://schema.org/NewsArticle"><h1>The quake</h1>
            <div itemprop="articleBody">\(FrameStageTests.prose)</div></article>
            <aside id="sidebar" role="complementary"><div class="live"><ul>\(feed)</ul></div></aside></div></body></html>
            """)
        let update = try #require(document.body?.descendantElements().first { $0.hasName("li") })
        #expect(MainContent.isInComplementaryLandmark(update))
        let page = Page(document: document, url: nil, rules: try RuleSet.builtIn.get(), options: CleanerOptions())
        try MainContent().run(on: page)
        let main = try #require(page.mainContent)
        #expect(main.attribute("itemprop") == "articleBody")
        #expect(!MainContent.isInComplementaryLandmark(main))
    }

    /// An insurer's page: the `<main>` region of short feature blocks, and
    /// long paragraphs of legal disclosures in the site's `<footer>`, which
    /// the frame rules leave since they hold most of the prose. The main
    /// region is the content, not the fine print.
    @Test func theMainRegionOutweighsFinePrintInTheSiteFooter() throws {
        let disclosure = (1...8).map { number in
            "<p>Disclosure \(number): prices vary based on how you buy, savings are averages and not available in all states, and coverage is provided by third parties under their own terms.</p>"
        }.joined()
        let document = try TestSupport.document("""
            <html><body><main id="main"><h1>Pet insurance</h1><div class="feature"><h2>Affordable care</h2>
            <p>Costly veterinary care should not get in the way of the care your pet needs, so cover helps.</p></div>
            <div class="feature"><h2>Any vet</h2><p>Visit any licensed veterinarian in the country, including specialists.</p></div>
            <div class="feature"><h2>Fast claims</h2><p>Send the vet's bill from your phone, and most claims are paid within days.</p></div>
            </main><footer class="footer"><div class="disclosures">\(disclosure)</div></footer></body></html>
            """)
        let fine = try #require(document.body?.descendantElements().first { $0.attribute("class") == "disclosures" })
        #expect(MainContent.isInSiteFooter(fine))
        let page = Page(document: document, url: nil, rules: try RuleSet.builtIn.get(), options: CleanerOptions())
        try MainContent().run(on: page)
        let main = try #require(page.mainContent)
        #expect(main.hasName("main"), "\(main.label)")
        #expect(!MainContent.isInSiteFooter(main))
    }

    /// A page-builder post: its body in Elementor's post-content widget,
    /// and below it a grid of other posts' teasers, each an `<article>`,
    /// whose excerpts add up to more text and more paragraphs than the
    /// post. The marked body is the article; the teaser grid is not.
    @Test func aMarkedPostOutweighsAGridOfTeasers() throws {
        let teasers = (1...6).map { number in
            "<article class=\"elementor-post\"><h3><a href=\"/post-\(number)\">Another post \(number)</a></h3><div class=\"excerpt\"><p>Excerpt \(number): what to do after a fall at a store, a gym, or a friend's home, when the owner's insurer calls you, and which letters to keep.</p></div></article>"
        }.joined()
        let document = try TestSupport.document("""
            <html><body><div class="elementor"><h1>Hurt at the gym</h1>
            <div class="elementor-widget elementor-widget-theme-post-content"><div class="elementor-widget-container">\(FrameStageTests.prose)</div></div>
            <div class="elementor-widget elementor-widget-posts"><div class="elementor-posts-container">\(teasers)</div></div>
            </div></body></html>
            """)
        let grid = try #require(document.body?.descendantElements().first { $0.attribute("class") == "elementor-posts-container" })
        let page = Page(document: document, url: nil, rules: try RuleSet.builtIn.get(), options: CleanerOptions())
        #expect(MainContent.isTeaserList(grid, statistics: page.textStatistics(under: grid)))
        try MainContent().run(on: page)
        let main = try #require(page.mainContent)
        #expect(main.attribute("class")?.contains("elementor-widget-theme-post-content") == true, "\(main.label)")
    }

    /// Two `<article>`s, or one that holds most of the text, are not a list
    /// of teasers: a post and its continuation, a post with its teasers.
    @Test func aPostWithItsTeasersIsNotATeaserList() throws {
        let document = try TestSupport.document("""
            <html><body><div id="a"><article>\(FrameStageTests.prose)</article><article><p>Teaser one.</p></article><article><p>Teaser two.</p></article></div>
            <div id="b"><article>\(FrameStageTests.prose)</article><article>\(FrameStageTests.prose)</article></div></body></html>
            """)
        let page = Page(document: document, url: nil, rules: try RuleSet.builtIn.get(), options: CleanerOptions())
        for id in ["a", "b"] {
            let node = try #require(document.body?.descendantElements().first { $0.attribute("id") == id })
            #expect(!MainContent.isTeaserList(node, statistics: page.textStatistics(under: node)), "\(id)")
        }
    }

    /// An article's own `<footer>` (its tags, its byline) is not the site's.
    @Test func anArticlesFooterIsNotTheSitesFooter() throws {
        let document = try TestSupport.document("""
            <html><body><article><p>Text.</p><footer><p class="byline">By A. Writer</p></footer></article></body></html>
            """)
        let byline = try #require(document.body?.descendantElements().first { $0.attribute("class") == "byline" })
        #expect(!MainContent.isInSiteFooter(byline))
    }

    /// A man page: the whole text is one `<pre>` straight in `<body>`,
    /// beside a small navigation box; the body itself is the content.
    @Test func textWrittenStraightIntoTheBodyIsTheContent() throws {
        let manual = (1...40).map { "       -\($0)  option number \($0), which changes how the tool reads its input, in detail." }
            .joined(separator: "\n")
        let article = try TestSupport.clean("""
            <html><body><div class="nav"><p><a href="/a">Index</a> | <a href="/b">About this site and its long list of pages</a></p></div>
            <pre>NAME
                   tool - do one thing
            OPTIONS
            \(manual)</pre></body></html>
            """)
        #expect(article.text.contains("option number 1, which"))
        #expect(article.text.contains("option number 40, which"))
        #expect(!FrameStageTests.removed(article, stage: "main-content").contains { $0.excerpt.contains("option number") })
    }

    // MARK: - strip-article-boilerplate

    /// What a form says once it is sent is in every page, hidden by the
    /// style sheet: Webflow's done and fail boxes, a newsletter's thanks.
    @Test func aFormsStatusMessagesGo() throws {
        let article = try TestSupport.clean("""
            <html><body><article><h1>Studio news</h1>\(FrameStageTests.prose)
            <form><input type="email"></form><div class="w-form-done"><div>Thank you for writing to the studio, we will answer soon.</div></div>
            <div class="w-form-fail"><div>The form could not be sent.</div></div><p>Thanks for subscribing to our newsletter!</p>
            <p>Oops! Something went wrong. Please try again.</p></article></body></html>
            """)
        #expect(article.text.contains("harbour barrier"))
        #expect(!article.text.contains("answer soon"))
        #expect(!article.text.contains("could not be sent"))
        #expect(!article.text.contains("Thanks for subscribing"))
        #expect(!article.text.contains("Oops"))
        #expect(FrameStageTests.removed(article, stage: "strip-article-boilerplate").contains { $0.rule == "form-status-messages" })
    }

    @Test func shareBarsAndReadAlsoLinksGoQuotedTweetsStay() throws {
        let article = try TestSupport.clean("""
            <html><body><article><h1>The harbour barrier</h1>\(FrameStageTests.prose)
            <div class="share-buttons"><a href="#">Facebook</a> <a href="#">Twitter</a></div>
            <p>Read also: <a href="/other">Another story about something else</a></p>
            <blockquote class="twitter-tweet"><p>The barrier opens on Monday, the port says.</p>— Port (@port) April 18, 2023</blockquote>
            <p>A closing paragraph of the same article, long enough to count as prose, with commas.</p>
            </article></body></html>
            """)
        let rules = Set(FrameStageTests.removed(article, stage: "strip-article-boilerplate").map(\.rule))
        #expect(rules.isSuperset(of: ["share-and-follow", "read-also"]))
        #expect(!article.text.contains("Facebook"))
        #expect(!article.text.contains("Read also"))
        #expect(article.text.contains("The barrier opens on Monday"))
        #expect(article.metadata.title == "The harbour barrier")
        #expect(!article.text.hasPrefix("The harbour barrier"))
    }

    /// A print tool goes; text that a utility class names by its size
    /// (`text-size-large`, `font-size-sm`) is ordinary text and stays.
    @Test func printToolsGoTextNamedByItsSizeStays() throws {
        let article = try TestSupport.clean("""
            <html><body><article><h1>The harbour barrier</h1>\(FrameStageTests.prose)
            <div class="print-button"><a href="#">Print this page</a></div>
            <p class="text-size-large">The barrier closes twice a year for its test, a day each time, in spring and autumn.</p>
            <div class="font-size-sm"><p>Its gates weigh more than a ship, and they swing shut in under an hour, the port says.</p></div>
            </article></body></html>
            """)
        #expect(FrameStageTests.removed(article, stage: "strip-article-boilerplate").map(\.rule).contains("print-and-tools"))
        #expect(!article.text.contains("Print this page"))
        #expect(article.text.contains("closes twice a year"))
        #expect(article.text.contains("Its gates weigh more than a ship"))
    }

    /// The section label above the headline is the site's, not the
    /// article's; a standfirst there is the article's.
    @Test func aSectionKickerAboveTheHeadlineGoes() throws {
        let article = try TestSupport.clean("""
            <html><body><article><p class="kicker"><a href="/grow/">Grow</a></p><h1>Why tomatoes split</h1>
            \(FrameStageTests.prose)</article></body></html>
            """)
        #expect(!article.text.hasPrefix("Grow"))
        #expect(FrameStageTests.removed(article, stage: "strip-article-boilerplate").contains { $0.rule == "section-kicker" })
        let standfirst = try TestSupport.clean("""
            <html><body><article><p>Rain and roots</p><h1>Why tomatoes split</h1>\(FrameStageTests.prose)</article></body></html>
            """)
        #expect(standfirst.text.hasPrefix("Rain and roots"))
    }

    /// A question as a Q&A site marks it (schema.org `Question`, its text
    /// `itemprop=text`): its tags, vote count, share links and user card
    /// make the block link-dense, but it holds the post's text and stays.
    @Test func aMarkedQuestionIsNotAWidget() throws {
        let tags = (1...6).map { "<a class=\"post-tag\" href=\"/questions/tagged/t\($0)\">windows-tag-\($0)</a>" }.joined(separator: " ")
        let card = "<div class=\"user-info\"><a href=\"/users/1/pup\">Pup</a> <a href=\"/help/badges\">1,992 2 gold badges 14 silver badges 18 bronze badges</a></div>"
        let answers = (1...3).map { number in
            "<div class=\"answer\" itemprop=\"suggestedAnswer\" itemscope itemtype=\"https://schema.org/Answer\"><div class=\"s-prose\" itemprop=\"text\">"
                + "<p>Answer \(number): press Alt and D to reach the address bar, then Shift and Tab twice, and the focus lands on the list of files in the folder you have open.</p>"
                + "<p>It works in every version since Windows 7, and it needs nothing installed, which is why it is the one I would try first on a shared machine.</p></div></div>"
        }.joined()
        let html = """
            <html><body><main><div id="mainbar" itemscope itemtype="https://schema.org/QAPage"><div itemprop="mainEntity" itemscope itemtype="https://schema.org/Question">
            <h1 itemprop="name"><a href="/q/1">Keyboard shortcut to focus the file pane?</a></h1>
            <div class="question"><div class="votes"><a href="/vote/up">Up vote</a> 67 <a href="/vote/down">Down vote</a></div>
            <div class="s-prose" itemprop="text"><p>How do I move the focus to the files pane with the keyboard?</p></div>
            <div class="tags">\(tags)</div><div class="menu"><a href="/q/1/share">Share</a> <a href="/q/1/edit">Improve this question</a> <a href="/q/1/follow">Follow</a></div>\(card)</div>
            \(answers)</div></div></main></body></html>
            """
        let article = try TestSupport.clean(html, url: "https://superuser.example/questions/1/keyboard-shortcut", pageType: .forum)
        #expect(article.text.contains("move the focus to the files pane"), "\(article.text)")
    }

    /// A forum member's signature and profile panel repeat with every
    /// post; an article's sign-off paragraph of class signature is the
    /// author's and stays.
    @Test func forumSignaturesGoAnArticlesSignOffStays() throws {
        let post = { (number: Int) in
            """
            <div class="post"><div class="postbody"><div class="content">\(FrameStageTests.prose)</div>
            <div id="sig\(number)" class="signature">ML7, Boxford shaper, too many dial indicators</div></div></div>
            """
        }
        // The thread's two posts, the first as `firstPost` makes it, and
        // `after` them.
        let thread = { (firstPost: (String) -> String, after: String) in
            try TestSupport.clean("<html><body><div id=\"page-body\">\(firstPost(post(1)))\(post(2))\(after)</div></body></html>")
        }
        let expectGone = { (article: Article, texts: [String], rule: String) in
            for text in texts { #expect(!article.text.contains(text)) }
            #expect(FrameStageTests.removed(article, stage: "strip-article-boilerplate").contains { $0.rule == rule })
        }
        expectGone(try thread({ $0 }, ""), ["dial indicators"], "forum-signatures")
        // The poster's panel (phpBB's dl.postprofile) goes the same way.
        let profiled = try thread({
            $0.replacingOccurrences(of: "<div class=\"postbody\">",
                with: "<dl class=\"postprofile\"><dt><a href=\"/u/1\">kettleworth</a></dt><dd>Posts: 212</dd><dd>Joined: Tue Mar 08, 2016</dd></dl><div class=\"postbody\">")
        }, "")
        expectGone(profiled, ["Posts: 212"], "forum-post-profiles")
        #expect(profiled.text.contains("A paragraph of ordinary article prose"))
        // So do the board's statistics under the thread.
        let online = try thread({ $0 }, """
            <div class="stat-block"><h3>Who is online</h3><p>Users browsing this forum: No registered users and 1 guest</p></div>
            """)
        expectGone(online, ["Who is online", "Users browsing"], "forum-statistics")
        // And each post's buttons and status words.
        let controls = try thread({
            $0.replacingOccurrences(of: "<div class=\"content\">", with: "<p>Reply with quote</p><p>Offline</p><div class=\"content\">")
        }, "")
        expectGone(controls, ["Reply with quote", "Offline"], "forum-post-controls")
        let letter = try TestSupport.clean("""
            <html><body><article>\(FrameStageTests.prose)<p class="signature">Marc Delorme</p></article></body></html>
            """)
        #expect(letter.text.hasSuffix("Marc Delorme"))
    }

    // MARK: - build-article

    @Test func blocksOfEveryKind() throws {
        let article = try TestSupport.clean("""
            <html><body><article>\(FrameStageTests.prose)<h2>Costs</h2><p>The costs rose, as the table shows, year after year after year.</p>
            <ul><li>Steel</li><li>Labour</li></ul><table><tr><th>Year</th><th>Cost</th></tr><tr><td>2021</td><td>4</td></tr><tr><td>2022</td><td>6</td></tr></table>
            <blockquote><p>It will open on time.</p></blockquote><pre>open --barrier</pre>
            <figure><img src="barrier.jpg" width="600" height="400"><figcaption>The barrier at dawn</figcaption></figure>
            <figure class="wp-block-pullquote"><blockquote><p>A pull quote is the article's own words.</p></blockquote></figure>
            </article></body></html>
            """)
        let kinds = article.blocks.map { block -> String in
            switch block {
            case .paragraph: return "paragraph"
            case .heading: return "heading"
            case .quote: return "quote"
            case .list: return "list"
            case .table: return "table"
            case .code: return "code"
            case .figure: return "figure"
            }
        }
        #expect(Set(kinds) == ["paragraph", "heading", "list", "table", "quote", "code", "figure"])
        #expect(article.blocks.contains(.table(rows: [["Year", "Cost"], ["2021", "4"], ["2022", "6"]])))
        #expect(article.blocks.contains(.figure(src: "barrier.jpg", caption: "The barrier at dawn")))
        #expect(article.blocks.contains(.quote("A pull quote is the article's own words.")))
    }
}
