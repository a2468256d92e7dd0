import Testing
@testable import Winnow

@Suite struct NameWordsTests {
    @Test func splitsTokensIntoLowercaseWords() {
        #expect(NameWords.words(of: "social-share_bar") == ["social", "share", "bar"])
        #expect(NameWords.words(of: "shareBar") == ["share", "bar"])
        #expect(NameWords.words(of: "post2content") == ["post", "content"])
    }

    @Test func hintsMatchWholeWordsOnly() {
        let share = WordHint("share")
        #expect(NameWords(classAttribute: "social-share-bar", idAttribute: nil).contains(share))
        #expect(NameWords(classAttribute: "shareBar", idAttribute: nil).contains(share))
        #expect(!NameWords(classAttribute: "shareholder", idAttribute: nil).contains(share))
        #expect(!NameWords(classAttribute: "commentary", idAttribute: nil).contains(WordHint("comment")))
        #expect(!NameWords(classAttribute: "header", idAttribute: nil).contains(WordHint("ad")))
    }

    @Test func multiWordHintsMatchARunInsideOneToken() {
        let authorBox = WordHint("author-box")
        #expect(NameWords(classAttribute: "post-author-box", idAttribute: nil).contains(authorBox))
        #expect(!NameWords(classAttribute: "author box", idAttribute: nil).contains(authorBox))
        #expect(NameWords(classAttribute: nil, idAttribute: "authorBox").contains(authorBox))
    }
}

@Suite struct NameWordsQualifierTests {
    @Test func qualifiedTokensDoNotMatch() {
        let sidebar = WordHint("sidebar")
        #expect(!NameWords(classAttribute: "container-wrap no-sidebar", idAttribute: nil).contains(sidebar))
        #expect(!NameWords(classAttribute: "has-comments", idAttribute: nil).contains(WordHint("comments")))
        #expect(NameWords(classAttribute: "sidebar-no-ads", idAttribute: nil).contains(sidebar))
    }

    @Test func layoutTokensAreExemptOnlyWhenAsked() {
        let words = NameWords(classAttribute: "content-sidebar-wrap", idAttribute: nil)
        #expect(words.contains(WordHint("sidebar")))
        #expect(!words.contains(WordHint("sidebar"), exceptLayoutTokens: true))
        #expect(NameWords(classAttribute: "sidebar-wrap", idAttribute: nil).contains(WordHint("sidebar"), exceptLayoutTokens: true))
    }
}

@Suite struct NameWordsSlugTests {
    @Test func headingSlugIDsAreNotComponentNames() {
        #expect(!NameWords(classAttribute: nil, idAttribute: "sharing-with-a-single-developer").contains(WordHint("sharing")))
        #expect(NameWords(classAttribute: nil, idAttribute: "share-bar").contains(WordHint("share")))
        #expect(NameWords(classAttribute: "wp-block-social-links", idAttribute: nil).contains(WordHint("social")))
    }
}

@Suite struct ScriptHookTests {
    @Test func scriptHookTokensAreNotComponentNames() {
        #expect(!NameWords(classAttribute: "module js-social-images", idAttribute: nil).contains(WordHint("social")))
        #expect(NameWords(classAttribute: "social-images", idAttribute: nil).contains(WordHint("social")))
    }
}

/// All tokens' words sit in one list; `tokens` hands them back a token at
/// a time, with positions that index `wordHashes` too.
@Suite struct NameWordsTokenTests {
    @Test func tokensComeBackInOrderWithoutSkippedOnes() {
        let names = NameWords(classAttribute: "entry-content js-hook-x  shareBar 123", idAttribute: "post-12")
        #expect(names.tokens.map(Array.init) == [["entry", "content"], ["share", "bar"], ["post"]])
    }

    @Test func slicePositionsIndexTheHashes() {
        let names = NameWords(classAttribute: "site-header mainMenu", idAttribute: nil)
        for token in names.tokens {
            for position in token.indices { #expect(names.wordHashes[position] == NameHash.of(token[position])) }
        }
        #expect(names.tokens.reduce(0) { $0 + $1.count } == 4)
    }

    @Test func noTokensWhenNothingNamesTheElement() {
        #expect(NameWords(classAttribute: "  123 ", idAttribute: nil).isEmpty)
        #expect(Array(NameWords(classAttribute: nil, idAttribute: nil).tokens).isEmpty)
    }

    /// A later token still matches a hint across its own words only.
    @Test func hintsDoNotRunAcrossTokens() {
        #expect(!NameWords(classAttribute: "author box", idAttribute: nil).contains(WordHint("author-box")))
        #expect(NameWords(classAttribute: "x author-box", idAttribute: nil).contains(WordHint("author-box")))
        #expect(!NameWords(classAttribute: "no-author box", idAttribute: nil).contains(WordHint("author")))
    }
}

/// The "comment" flags read once a spelling while class tokens are split
/// say what the String test of each token and of the id says, on class
/// and id values that spell it in any case, around separators, split by
/// white space, or broken by a letter past ASCII.
@Suite struct ElementFactsCommentFlagTests {
    @Test func flagsAreWhatTheStringTestsSay() throws {
        let pieces = ["comment", "COMMENT", "Com", "ment", "comm", "ent", "co", "mment", " ", "-", "\u{E9}", "\u{212A}", "x", "_", "1"]
        var generator = SplitMix64(seed: 0xC033)
        var flagged = 0
        for _ in 0..<400 {
            let classes = (0..<Int.random(in: 0...5, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let id = (0..<Int.random(in: 0...3, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let document = try TestSupport.document("<html><body><div class=\"\(classes)\" id=\"\(id)\">x</div></body></html>")
            let facts = ElementFacts(try #require(document.body?.children.first))
            let spelled = facts.classes.contains { Text.containsBytes($0, "comment", ignoringASCIICase: true) }
            #expect(facts.classesHoldComment == spelled, "class=\"\(classes)\"")
            #expect(facts.idHoldsComment == (facts.id.map { Text.containsBytes($0, "comment", ignoringASCIICase: true) } ?? false), "id=\"\(id)\"")
            if spelled { flagged += 1 }
        }
        #expect(flagged > 20 && flagged < 380)
    }
}
