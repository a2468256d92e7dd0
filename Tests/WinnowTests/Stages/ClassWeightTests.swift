import Testing
@testable import Winnow

/// `ContentScoring.classWeight`, which looks words up by hash and finds
/// fragments through a byte window, weighs every class and id as the
/// String spelling it replaced did: `Set<String>` lookups of each word and
/// a search of each token's joined words for each fragment. Seeded random
/// names mix hint words, pieces of fragments that only join across words
/// (`con-tent`, `enTry`), qualifiers, separators and letters past ASCII.
@Suite struct ClassWeightTests {
    static let pieces = [
        "article", "content", "entry", "story", "post", "main", "comment", "sidebar", "nav", "ad", "share", "art", "icle",
        "con", "tent", "en", "try", "sto", "ry", "Tent", "Try", "Icle", "x", "wrap", "é", "e\u{301}", "\u{212A}", "ü",
        "-", "_", "-", " ", " ", "2", "js",
    ]

    /// The weight as it was computed before: words looked up in sets,
    /// fragments searched in each token's words joined.
    static func spelledWeight(_ words: NameWords) -> Double {
        guard !words.isEmpty else { return 0 }
        var positive = false
        var negative = false
        for token in words.tokens {
            if token.contains(where: ContentScoring.negativeWords.words.contains) { negative = true }
            if token.contains(where: ContentScoring.positiveWords.words.contains) { positive = true }
            let joined = token.joined()
            if ContentScoring.positiveFragments.contains(where: { Text.containsBytes(joined, $0) }) { positive = true }
        }
        return (positive ? ContentScoring.classWeight : 0) - (negative ? ContentScoring.classWeight : 0)
    }

    @Test func weightsAreWhatTheStringSpellingGave() {
        var generator = SplitMix64(seed: 0xC1A55)
        var weights: [Double: Int] = [:]
        for _ in 0..<3000 {
            let classes = (0..<Int.random(in: 0...7, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            let id = Bool.random(using: &generator) ? Self.pieces.randomElement(using: &generator)! : nil
            let words = NameWords(classAttribute: classes, idAttribute: id)
            let weight = ContentScoring.classWeight(of: words)
            #expect(weight == Self.spelledWeight(words), "class=\"\(classes)\" id=\(id ?? "-")")
            weights[weight, default: 0] += 1
        }
        // Positive, negative, both (0) and neither (0): the random names
        // reach every outcome.
        #expect(weights.count == 3)
        #expect(weights.values.allSatisfy { $0 > 100 })
    }

    @Test func fragmentsAreFoundAcrossWordsAndNotOutsideTokens() {
        #expect(ContentScoring.classWeight(of: NameWords(classAttribute: "postcontent", idAttribute: nil)) > 0)
        #expect(ContentScoring.classWeight(of: NameWords(classAttribute: "con-tent", idAttribute: nil)) > 0)
        #expect(ContentScoring.classWeight(of: NameWords(classAttribute: "con tent", idAttribute: nil)) == 0)
        #expect(ContentScoring.classWeight(of: NameWords(classAttribute: "sidebar-storyline", idAttribute: nil)) == 0)
    }

    @Test func wordSetsAnswerAsSetsOfStrings() {
        let set = WordSet(["caf\u{E9}", "kelvin", "share"])
        for word in ["caf\u{E9}", "cafe\u{301}", "cafe", "kelvin", "\u{212A}elvin", "share", "shares", ""] {
            #expect(set.contains(word, hash: NameHash.of(word)) == set.words.contains(word), "\(word)")
        }
    }
}
