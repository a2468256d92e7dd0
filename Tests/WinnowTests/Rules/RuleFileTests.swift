import Foundation
import Testing
@testable import Winnow

/// User rule files: what they may say, how they combine with the built-in
/// rules, and how a bad one is refused (file, line, reason), before any
/// page is read.
@Suite struct RuleFileTests {
    static let page = """
        <html><head><title>Post</title></head><body>
        <article>
        <h1>Post</h1>
        <p>First paragraph of the article, long enough to count as prose for the scoring that follows it.</p>
        <p class="promo-box">Buy our mugs today, they are the best mugs of the whole wide world.</p>
        <p>Second paragraph of the article, with more words so that the article element wins the scoring.</p>
        <p>Promoted: a line the site adds under every article, and which a site rule drops by its words.</p>
        <p class="ad-slot">Advertisement text that the built-in ad rule drops on every site.</p>
        </article></body></html>
        """

    func file(_ yaml: String, name: String = "site.yaml") throws -> RuleFile {
        try RuleLoader.ruleFile(fromYAML: yaml, file: name)
    }

    func cleaner(_ files: [RuleFile]) throws -> Cleaner {
        try Cleaner(options: CleanerOptions(explain: true), ruleFiles: files)
    }

    func error(_ yaml: String) -> RuleFileError? {
        do {
            let parsed = try file(yaml)
            _ = try RuleSet.composing(builtIn: try RuleSet.builtIn.get(), files: [parsed])
            return nil
        } catch let error as RuleFileError {
            return error
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    // MARK: - Scope and order

    @Test func hostScopedRulesApplyOnTheirHostsOnly() throws {
        let rules = try file(
            """
            - id: example-promo
              hosts: [example.com, "*.example.org"]
              stage: strip-article-boilerplate
              drop: '.promo-box'
            """)
        let cleaner = try cleaner([rules])
        let bytes = Array(RuleFileTests.page.utf8)
        for url in ["https://example.com/a", "https://www.example.com/a", "https://news.example.org/a"] {
            let article = try cleaner.clean(bytes: bytes, url: url)
            #expect(!article.text.contains("Buy our mugs"), "\(url)")
            #expect(article.removed?.contains { $0.rule == "example-promo" && $0.excerpt.hasPrefix("Buy our mugs") } == true)
        }
        for url in ["https://example.org/a", "https://notexample.com/a", nil] as [String?] {
            let article = try cleaner.clean(bytes: bytes, url: url)
            #expect(article.text.contains("Buy our mugs"), "\(url ?? "no URL")")
        }
    }

    @Test func urlPatternsScopeRulesToPartsOfASite() throws {
        let rules = try file(
            """
            - id: blog-promo
              urls: ['https://example.com/blog/*']
              stage: strip-article-boilerplate
              drop-text: '^Promoted:'
            """)
        let cleaner = try cleaner([rules])
        let bytes = Array(RuleFileTests.page.utf8)
        #expect(!(try cleaner.clean(bytes: bytes, url: "https://example.com/blog/2024/post").text.contains("Promoted:")))
        #expect(try cleaner.clean(bytes: bytes, url: "https://example.com/news/post").text.contains("Promoted:"))
    }

    @Test func urlPatternWildcards() {
        let pattern = URLPattern("*://*.example.com/news/*")
        #expect(pattern.matches("https://www.example.com/news/a"))
        #expect(pattern.matches("http://m.example.com/news/"))
        #expect(!pattern.matches("https://example.com/news/a"))
        #expect(!pattern.matches("https://www.example.com/sport/news/a"))
        #expect(URLPattern("https://a.com/x").matches("https://a.com/x"))
        #expect(!URLPattern("https://a.com/x").matches("https://a.com/x/y"))
        #expect(URLPattern("*a*a*a*").matches(String(repeating: "a", count: 3)))
        #expect(!URLPattern("*a*a*a*b").matches(String(repeating: "a", count: 10_000)))
    }

    @Test func userRulesComeFirstInTheirStage() throws {
        let rules = try file(
            """
            - id: site-ads
              stage: strip-boilerplate
              drop: '.ad-slot'
            """)
        let set = try cleaner([rules]).rules
        let stage = set.rules(for: "strip-boilerplate", host: nil).map(\.id)
        #expect(stage.first == "site-ads")
        #expect(stage.contains("ad-slots"))
        // The block both rules match is logged under the site's.
        let article = try cleaner([rules]).clean(bytes: Array(RuleFileTests.page.utf8))
        #expect(article.removed?.first { $0.excerpt.hasPrefix("Advertisement") }?.rule == "site-ads")
    }

    @Test func siteMainSelectorIsTriedBeforeTheBuiltInOnes() throws {
        let html = """
            <html><body><article><p>Teaser text of the article element, which the built-in rules would take as the article body because it is an article element with words.</p></article>
            <div class="story"><p>The real story lives in this container: a long paragraph of text that a site rule points at, with enough words to be taken.</p>
            <p>And a second paragraph of the real story so that the container has plenty of text to pass the minimum.</p></div></body></html>
            """
        let rules = try file(
            """
            - id: site-story
              stage: main-content
              main: 'div.story'
            """)
        let article = try cleaner([rules]).clean(bytes: Array(html.utf8))
        #expect(article.text.contains("The real story"))
        #expect(!article.text.contains("Teaser text"))
    }

    @Test func disableSwitchesBuiltInRulesOffEverywhereOrInScope() throws {
        let everywhere = try file("- disable: [ad-slots]")
        let bytes = Array(RuleFileTests.page.utf8)
        #expect(try cleaner([everywhere]).clean(bytes: bytes).text.contains("Advertisement text"))
        #expect(try cleaner([everywhere]).rules.rule(withID: "ad-slots") == nil)

        let scoped = try file(
            """
            - disable: [ad-slots]
              hosts: [example.com]
            """)
        #expect(try cleaner([scoped]).clean(bytes: bytes, url: "https://example.com/a").text.contains("Advertisement text"))
        #expect(!(try cleaner([scoped]).clean(bytes: bytes, url: "https://other.net/a").text.contains("Advertisement text")))
    }

    @Test func keepProtectsFromOtherRules() throws {
        let rules = try file(
            """
            - id: keep-the-ad
              hosts: [example.com]
              stage: strip-boilerplate
              keep: '.ad-slot'
            """)
        let bytes = Array(RuleFileTests.page.utf8)
        #expect(try cleaner([rules]).clean(bytes: bytes, url: "https://example.com/").text.contains("Advertisement text"))
    }

    /// A page whose longest prose is a consent platform's preference
    /// centre: the content guard keeps the element that holds most of the
    /// page's prose, so only a rule that says its matches are never
    /// content (`unguarded: true`) removes it; a user's `keep` still wins.
    static let consentPage: String = {
        let categories = (1...10).map { index in
            "<h4>Cookie category \(index)</h4><p>These cookies may be set through our site by us and our partners to build a profile of your interests and show you relevant adverts on other sites, number \(index). They store no personal data directly, but identify your browser and device.</p>"
        }.joined()
        // Cards enough that the listing alone is an article-length result
        // (`Cleaner.minimumArticleChars`), and no retry brings the frame back.
        let cards = (1...8).map { index in
            "<li><h3><a href=\"/r/\(index)\">Recipe \(index)</a></h3><p>A weeknight dinner, number \(index), ready in thirty minutes.</p></li>"
        }.joined()
        return """
            <html><body><main><h1>Dinner recipes</h1><ul>\(cards)</ul></main>
            <div id="privacy-centre" class="privacy-centre">\(categories)</div></body></html>
            """
    }()

    @Test func anUnguardedRuleRemovesWhatTheGuardWouldKeep() throws {
        func text(_ yaml: String) throws -> String {
            try Cleaner(options: CleanerOptions(pageType: .listing), ruleFiles: [try file(yaml)])
                .clean(bytes: Array(Self.consentPage.utf8)).text
        }
        let guarded = "- id: centre\n  stage: strip-boilerplate\n  drop: '#privacy-centre'\n"
        #expect(try text(guarded).contains("Cookie category 3"))
        let unguarded = guarded + "  unguarded: true\n"
        #expect(try !text(unguarded).contains("Cookie category 3"))
        let kept = unguarded + "- id: keep-centre\n  stage: strip-boilerplate\n  keep: '#privacy-centre'\n"
        #expect(try text(kept).contains("Cookie category 3"))
        #expect(error("- id: x\n  stage: strip-boilerplate\n  drop: p\n  unguarded: sometimes\n")?.reason == "'unguarded' takes true or false")
    }

    /// The built-in consent-platform rule: OneTrust's preference centre goes
    /// from a listing whose cards hold less prose than it.
    @Test func aConsentPlatformsPreferenceCentreGoesFromAListing() throws {
        let page = Self.consentPage.replacingOccurrences(of: #"id="privacy-centre" class="privacy-centre""#, with: #"id="onetrust-pc-sdk" class="otPcTab ot-hide""#)
        let article = try Cleaner(options: CleanerOptions(pageType: .listing)).clean(bytes: Array(page.utf8))
        #expect(!article.text.contains("Cookie category 3"))
        #expect(article.text.contains("Recipe 8"))
    }

    @Test func filesApplyInTheOrderGiven() throws {
        let first = try file("- id: one\n  stage: strip-boilerplate\n  drop: '.ad-slot'\n", name: "one.yaml")
        let second = try file("- id: two\n  stage: strip-boilerplate\n  drop: '.ad-slot'\n", name: "two.yaml")
        let ids = try cleaner([first, second]).rules.rules(for: "strip-boilerplate", host: nil).prefix(2).map(\.id)
        #expect(ids == ["one", "two"])
    }

    /// `outside`, `unless-holding` and `with-text` narrow what `drop`
    /// takes, each on its own.
    @Test func dropScopeKeysNarrowTheDropSelector() throws {
        let page = """
            <html><body><div class="frame"><p class="note">Frame note: the site says hello to every reader.</p></div>
            <article><h1>Post</h1>
            <p>First paragraph of the article, long enough to count as prose for the scoring that follows it.</p>
            <p class="note">Article note: a remark the writer made inside the article itself, on purpose.</p>
            <div class="note"><h2>Heading note</h2></div>
            <p class="note">Sponsored: a line that only the text test picks out among the notes here.</p>
            <p>Second paragraph of the article, with more words so that the article element wins the scoring.</p>
            </article></body></html>
            """
        func text(_ keys: String) throws -> String {
            let rules = try file("- id: notes\n  stage: strip-boilerplate\n  drop: '.note'\n" + keys)
            return try cleaner([rules]).clean(bytes: Array(page.utf8)).text
        }
        let outside = try text("  outside: 'article, main'\n")
        #expect(!outside.contains("Frame note") && outside.contains("Article note") && outside.contains("Sponsored"))
        let unlessHolding = try text("  unless-holding: 'h2, h3'\n")
        #expect(unlessHolding.contains("Heading note") && !unlessHolding.contains("Article note"))
        let withText = try text("  with-text: '^sponsored:'\n")
        #expect(!withText.contains("Sponsored") && withText.contains("Article note") && withText.contains("Heading note"))
        let rules = try file("- id: notes\n  stage: strip-boilerplate\n  drop: '.note'\n  outside: article\n  with-text: '^frame'\n")
        #expect(rules.rules.first?.matchers.map(\.key) == ["drop", "outside", "with-text"])
    }

    // MARK: - Refused files

    @Test(arguments: [
        ("- id: a\n  stage: strip-boilerplate\n  dorp: 'p'\n", 3, "unknown key 'dorp'"),
        ("- id: a\n  stage: boilerplate\n  drop: 'p'\n", 2, "unknown stage 'boilerplate'"),
        ("- id: a\n  stage: strip-boilerplate\n  drop: 'div[class'\n", 3, "bad selector in 'drop'"),
        ("- id: a\n  stage: strip-boilerplate\n  drop: 'p:not(.x'\n", 3, "bad selector in 'drop'"),
        ("- id: a\n  stage: strip-boilerplate\n  drop: 'xpath://div[(('\n", 3, "cannot compile the XPath"),
        ("- id: a\n  stage: strip-boilerplate\n  drop-text: '^(Read more'\n", 3, "regex does not compile"),
        ("- id: a\n  stage: strip-boilerplate\n  drop-text: '^(a+)+$'\n", 3, "backtracks catastrophically"),
        ("- id: a\n  stage: strip-boilerplate\n  drop-text: '(x+x+)+y'\n", 3, "backtracks catastrophically"),
        ("- id: a\n  stage: strip-boilerplate\n  drop-text: '^(\\w+\\s?)*$'\n", 3, "backtracks catastrophically"),
        // Blow-ups on characters or runs only the pattern names: probed
        // with them (the first passed and took 30 s on a page of ';').
        ("- id: a\n  stage: strip-boilerplate\n  drop-text: '^(;|;;)*$'\n", 3, "backtracks catastrophically"),
        ("- id: a\n  stage: strip-boilerplate\n  drop-text: '(xy|xyxy)*z'\n", 3, "backtracks catastrophically"),
        ("- id: a\n  stage: strip-boilerplate\n  drop: p\n  with-text: '^(§|§§)+!'\n", 4, "backtracks catastrophically"),
        ("- id: ad-slots\n  stage: strip-boilerplate\n  drop: 'p'\n", 1, "already taken (built-in)"),
        ("- disable: [no-such-rule]\n", 1, "names no known rule: 'no-such-rule'"),
        ("- disable: [navigation]\n  sites: [a.com]\n", 2, "unknown key 'sites'"),
        ("- id: a\n  stage: strip-boilerplate\n", 1, "says nothing to drop"),
        ("- id: a\n  stage: strip-boilerplate\n  drop-hints: [promo]\n  outside: article\n", 4, "'outside' scopes 'drop'"),
        ("- id: a\n  stage: strip-boilerplate\n  drop: aside\n  outside: 'main article'\n", 4, "compound selectors only"),
        ("- id: a\n  stage: strip-boilerplate\n  drop: aside\n  unless-holding: 'h1:first-child'\n", 4, "compound selectors only"),
        ("- id: a\n  stage: strip-boilerplate\n  drop: a\n  with-text: '^(skip'\n", 4, "regex does not compile"),
        ("- id: a\n  stage: strip-boilerplate\n  drop: [p, div\n", 4, "not valid YAML"),
        ("id: a\nstage: strip-boilerplate\n", 1, "a rule file is a list of rules"),
        ("# only a comment\n", nil, "holds no rules"),
        ("- id: a\n  stage: strip-boilerplate\n  drop: p\n  description: " + String(repeating: "[", count: 100_000), 4, "not valid YAML"),
        ("- id: a\n  stage: strip-boilerplate\n  drop: '" + String(repeating: ":not(", count: 3000) + "p" + String(repeating: ")", count: 3000) + "'\n", 3, "nested more than"),
        ("", nil, "holds no rules"),
    ] as [(String, Int?, String)])
    func badFilesAreRefusedWithLineAndReason(yaml: String, line: Int?, reason: String) {
        let found = error(yaml)
        #expect(found?.file == "site.yaml")
        #expect(found?.line == line, "\(found?.description ?? "accepted")")
        #expect(found?.reason.contains(reason) == true, "\(found?.description ?? "accepted")")
    }

    @Test func safeNestedQuantifiersAreAccepted() throws {
        // Words separated by required whitespace: one way to split a text,
        // so no blow-up (the built-in byline pattern has this shape).
        let rules = try file("- id: a\n  stage: strip-boilerplate\n  drop-text: '^by\\s+\\w+(\\s+\\w+)*$'\n")
        #expect(rules.rules.first?.dropText?.matches("By Jane Ann Doe") == true)
    }

    /// A runaway pattern that slipped past the probes costs a page one
    /// budget: once it runs out on a page it matches nothing more there
    /// (even a text it would match), where it cost a budget a block.
    @Test func aPatternThatRanOutIsSkippedForTheRestOfThePage() throws {
        let pattern = try TextPattern("^(;|;;)*$", bounded: true)
        let trips = PatternTrips()
        #expect(pattern.matches(";;;;", trips: trips))
        #expect(!pattern.matches(String(repeating: ";", count: 299) + "!", trips: trips))
        #expect(trips.hasTripped(pattern))
        #expect(!pattern.matches(";;;;", trips: trips))
        #expect(pattern.matches(";;;;", trips: PatternTrips()))
    }

    /// Bounded patterns run from one start position: one that may match
    /// anywhere still matches anywhere, and alike unbounded.
    @Test(arguments: [
        ("read more", "Please read more here", true), ("^read more", "Please read more here", false),
        ("(?<=x)y", "axy", true), ("\\bsee also\\b", "we see also this", true), ("^$", "", true),
        ("a|^b", "cab", true), ("end$", "the end", true), ("end$", "the end.", false),
    ])
    func boundedMatchesAsUnbounded(pattern: String, text: String, expected: Bool) throws {
        #expect(try TextPattern(pattern, bounded: true).matches(text) == expected)
        #expect(try TextPattern(pattern, bounded: false).matches(text) == expected)
    }

    /// A pattern is compiled once per process, however many rule sets use
    /// it (a copy of every long one leaked per compilation on Linux).
    @Test func patternsAreCompiledOncePerProcess() throws {
        let yaml = "- id: a\n  stage: strip-boilerplate\n  drop-text: '^(" + (0..<60).map { "word\($0)" }.joined(separator: "|") + ")'\n"
        let first = try cleaner([try file(yaml)])
        let second = try cleaner([try file(yaml)])
        let stage = "strip-boilerplate"
        let one = try #require(first.rules.combinedTextPattern(for: stage))
        let other = try #require(second.rules.combinedTextPattern(for: stage))
        #expect(one.source.utf16.count > 256)
        #expect(one.regex === other.regex)
        #expect(one.boundedRegex === other.boundedRegex)
    }

    @Test func runawayMatchesStopAndDoNotMatch() throws {
        // A pattern that slips past the load-time probes still cannot hang:
        // the match runs under a budget, and running out is no match.
        let pattern = try TextPattern("^(a|aa)+$", bounded: true)
        let start = DispatchTime.now().uptimeNanoseconds
        #expect(!pattern.matches(String(repeating: "a", count: 299) + "!"))
        #expect(DispatchTime.now().uptimeNanoseconds - start < 2_000_000_000)
        #expect(pattern.matches("aaaa"))
    }

    @Test func filesOnDiskAreCheckedBeforeParsing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let huge = folder.appendingPathComponent("huge.yaml")
        try Data(repeating: UInt8(ascii: "#"), count: RuleLoader.maximumFileBytes + 1).write(to: huge)
        let binary = folder.appendingPathComponent("binary.yaml")
        try Data([0xFF, 0xFE, 0x00, 0x41]).write(to: binary)
        for (path, reason) in [
            (huge.path, "too large for a rule file"), (binary.path, "not UTF-8"),
            (folder.appendingPathComponent("absent.yaml").path, "no such file"), (folder.path, "is a directory"),
        ] {
            #expect(throws: RuleFileError.self) { try RuleLoader.ruleFile(atPath: path) }
            do {
                _ = try RuleLoader.ruleFile(atPath: path)
            } catch let error as RuleFileError {
                #expect(error.reason.contains(reason), "\(error)")
                #expect(error.file == path)
            }
        }
    }
}

/// A rule file is checked whole: every error, each with its line, and the
/// nearest valid name for a misspelt key, stage, page type or rule id.
@Suite struct RuleFileAllErrorsTests {
    static let yaml = """
        - id: a
          stage: strip-boilerplat
          dorp: '.x'
        - id: b
          stage: boilerplate
          drop: 'div[class'
        - id: c
          stage: main-content
          page-types: [prodcut]
          main: article
        - id: fine
          stage: strip-boilerplate
          drop: '.fine'
        - disable: [navigatoin]
          sites: [a.com]
        """

    @Test func everyErrorIsReportedInLineOrder() throws {
        let error = try #require(throws: RuleFileError.self) { try RuleLoader.ruleFile(fromYAML: Self.yaml, file: "site.yaml") }
        #expect(error.all.map(\.description) == [
            "site.yaml:2: unknown stage 'strip-boilerplat'; did you mean 'strip-boilerplate'?",
            "site.yaml:3: unknown key 'dorp'; did you mean 'drop'?",
            "site.yaml:5: unknown stage 'boilerplate'; did you mean 'strip-boilerplate' or 'strip-article-boilerplate'?",
            #"site.yaml:6: bad selector in 'drop': '[' is never closed at offset 3 in CSS selector "div[class""#,
            "site.yaml:9: unknown page type 'prodcut'; did you mean 'product'?",
            "site.yaml:15: unknown key 'sites' in a 'disable' entry (keys: description, disable, hosts, urls)",
        ])
        // The first is the error itself, as one error was before.
        #expect(error.description == error.all[0].description)
    }

    /// The sound entries are kept for the checks that need the other rules.
    @Test func soundEntriesAreKeptBesideTheErrors() {
        let check = RuleLoader.check(fromYAML: Self.yaml, file: "site.yaml", isUserFile: true)
        #expect(check.file.rules.map(\.id) == ["fine"])
        #expect(check.errors.count == 6)
    }

    @Test func farNamesListTheValidOnes() throws {
        let error = try #require(throws: RuleFileError.self) {
            try RuleLoader.ruleFile(fromYAML: "- id: a\n  stage: strip-boilerplate\n  zzzzzz: p\n", file: "site.yaml")
        }
        #expect(error.reason.hasPrefix("unknown key 'zzzzzz' (keys: description, drop, drop-hints"))
    }

    @Test func clashesWithOtherRulesAreAllReported() throws {
        let file = try RuleLoader.ruleFile(
            fromYAML: "- id: ad-slots\n  stage: strip-boilerplate\n  drop: p\n- disable: [navigatoin]\n- disable: [sidebarz]\n",
            file: "site.yaml")
        let error = try #require(throws: RuleFileError.self) {
            try RuleSet.composing(builtIn: try RuleSet.builtIn.get(), files: [file])
        }
        #expect(error.all.map(\.description) == [
            "site.yaml:1: rule id 'ad-slots' is already taken (built-in); disable the built-in rule and give yours another id",
            "site.yaml:4: 'disable' names no known rule: 'navigatoin'; did you mean 'navigation'?",
            "site.yaml:5: 'disable' names no known rule: 'sidebarz'; did you mean 'sidebars'?",
        ])
    }
}
