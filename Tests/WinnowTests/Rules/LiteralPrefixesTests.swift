import Foundation
import Testing
@testable import Winnow

/// The literal-prefix pre-filter of `drop-text` patterns must never rule
/// out a text the pattern matches: it only saves running ICU.
@Suite struct LiteralPrefixesTests {
    static let texts = [
        "", "Read also: the other story", "READ MORE", "read the full story", "Read the full article »",
        "See also", "Related: x", "Published 12 May 2023", "Publié le 3 mai 2023, 10h30", "Mis à jour le 4 mai 2023",
        "Veröffentlicht am 1.2.2023 12:00", "By Jane Doe", "by", "Words by John Smith", "Von Anna Schmidt",
        "Disclaimer: nothing", "Editor's note: the views expressed", "\u{FB01}rst published 2020 10:30",
        "\u{212A}eep reading", "\u{130}ndeed", "  by Jane", "Byline", "More", "more…", "Watch: a video",
        "A paragraph of article text that starts like any other.", "Über uns", "«Read also»: no",
    ]

    @Test func builtInPatternsHavePrefixes() throws {
        let rules = try RuleSet.builtIn.get().rules.filter { $0.dropText != nil }
        #expect(!rules.isEmpty)
        for rule in rules { #expect(rule.dropText?.literalPrefixes != nil, "\(rule.id)") }
    }

    @Test func prefixesNeverRuleOutAMatch() throws {
        let set = try RuleSet.builtIn.get()
        var patterns = set.rules.compactMap(\.dropText)
        patterns += set.rules.map(\.stage).compactMap { set.combinedTextPattern(for: $0) }
        for pattern in patterns {
            let unfiltered = try TextPattern(pattern.source, anchored: pattern.isAnchored, bounded: false, literalPrefixes: nil)
            for text in LiteralPrefixesTests.texts where unfiltered.matches(text) {
                #expect(pattern.literalPrefixes?.mayStart(text) ?? true, "\(pattern.source) on \(text)")
            }
        }
    }

    @Test func shapesWithoutPrefixes() {
        for source in ["read more", "^(?i)(a|b)", "^(a|b)?c", "^(a|b)|c", "^(a\\Q|\\E)", "^(a|b", "(^a)"] {
            #expect(LiteralPrefixes(pattern: source) == nil, "\(source)")
        }
    }

    @Test func prefixesStopWhereLiteralsDo() throws {
        let prefixes = try #require(LiteralPrefixes(pattern: "^(colou?r|read the full (story|article)|caf\u{E9}|x[yz]|ab+c)\\b"))
        for text in ["colour", "color", "read the full paper", "cafe", "caf\u{E9}", "xq", "abbbc"] {
            #expect(prefixes.mayStart(text), "\(text)")
        }
        for text in ["colr", "clr", "read the ful", "cab", "y", "ac"] {
            #expect(!prefixes.mayStart(text), "\(text)")
        }
    }
}
