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
        "$99.95", "£ 12", "€17", "¥1200", "Add to cart", "Free shipping on orders over $50", "Quantity", "$ 5.00 ",
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

    /// An escaped punctuation mark is a literal; an alternative that opens
    /// with a character past ASCII stands for texts that start past ASCII.
    @Test func escapedAndNonASCIIOpenings() throws {
        let prefixes = try #require(LiteralPrefixes(pattern: "^(\\$\\s?\\d+|£\\s?\\d+|sku\\:)$"))
        for text in ["$5", "$ 12", "£3", "€3", "sku:", "SKU:"] { #expect(prefixes.mayStart(text), "\(text)") }
        for text in ["5$", "price", "s", ""] { #expect(!prefixes.mayStart(text), "\(text)") }
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

    /// `RuleApplication.textStart` reads the prefixes' answer from the first
    /// text nodes; it must be the answer for the whole collapsed text, on
    /// every element of pages that spread the texts above over nested
    /// inline elements, with runs of white space (ASCII, no-break and em
    /// spaces, as characters and as references) between and before them,
    /// and on every element of every fixture page.
    @Test func textStartsAnswerForTheWholeText() throws {
        let set = try RuleSet.builtIn.get()
        let prefixes = set.rules.map(\.stage).compactMap { set.combinedTextPattern(for: $0)?.literalPrefixes }
        #expect(!prefixes.isEmpty)
        var generator = SplitMix64(seed: 0x9E3F)
        let spaces = [" ", "\n\t  ", "&nbsp;", "\u{A0}", "&#x2003;", "", "", "          \n          "]
        var pages: [String] = []
        for _ in 0..<40 {
            var body = ""
            for text in LiteralPrefixesTests.texts.shuffled(using: &generator) {
                var inner = spaces.randomElement(using: &generator)!
                var rest = Substring(text)
                while !rest.isEmpty {
                    let cut = rest.index(rest.startIndex, offsetBy: Int.random(in: 1...max(1, rest.count), using: &generator))
                    let piece = rest[..<cut].replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                    inner += Bool.random(using: &generator) ? "<b>\(piece)</b>" : piece + spaces.randomElement(using: &generator)!
                    rest = rest[cut...]
                }
                body += "<p>\(inner)</p><div><span>\(spaces.randomElement(using: &generator)!)</span>\(inner)</div>"
            }
            pages.append("<html><body>\(body)</body></html>")
        }
        let fixtures = try TextCountsTests.fixtures.map { fixture in
            let bytes = [UInt8](try Data(contentsOf: TestSupport.repositoryRoot.appendingPathComponent("Fixtures/\(fixture)/page.html")))
            return CharsetDecoder.utf8(from: bytes, declared: nil)
        }
        var answers = [false: 0, true: 0]
        for utf8 in pages.map({ Array($0.utf8) }) + fixtures {
            let document = try Document(utf8: utf8)
            let body = try #require(document.body)
            body.walkDescendants { node in
                guard node.isElement else { return .descend }
                let text = Text.collapsingWhitespace(node.textContent)
                for prefix in prefixes {
                    let expected = prefix.mayStart(text)
                    #expect(RuleApplication.textStart(of: node, mayStartWith: prefix) == expected, "\(text.prefix(60))")
                    answers[expected, default: 0] += 1
                }
                return .descend
            }
        }
        // Both answers came up many times: the comparison is not vacuous.
        #expect(answers.values.allSatisfy { $0 > 1000 })
    }
}
