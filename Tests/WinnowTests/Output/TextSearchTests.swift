import Testing
@testable import Winnow

/// `Text.containsAny` answers, in one pass, what a `containsBytes` search
/// per word answers; the comment header tests rely on the two agreeing.
@Suite struct TextSearchTests {
    static let needles = ["by", "sa", "wr", "respond", "repli", "comment", "jan", "ago"]
    /// Letters of the needles in both cases, digits, separators and a
    /// letter past ASCII, so that near misses and case changes are common.
    static let alphabet: [String] = ["b", "B", "y", "Y", "s", "S", "a", "A", "w", "r", "R", "e", "p", "o", "n", "d", "l", "i",
        "c", "C", "m", "t", "j", "J", "g", "1", " ", ":", "-", "é", "—"]

    @Test func agreesWithOneSearchPerWord() {
        var generator = SplitMix64(seed: 0x7E57_5EA5C4)
        let set = ASCIINeedles(TextSearchTests.needles)
        for _ in 0..<5_000 {
            let length = Int.random(in: 0...24, using: &generator)
            let text = (0..<length).map { _ in TextSearchTests.alphabet.randomElement(using: &generator)! }.joined()
            let expected = TextSearchTests.needles.contains { Text.containsBytes(text, $0, ignoringASCIICase: true) }
            #expect(Text.containsAny(set, in: text) == expected, "\(text)")
        }
    }

    @Test func examples() {
        let set = ASCIINeedles(["by", "comment"])
        #expect(Text.containsAny(set, in: "Posted BY Ann"))
        #expect(Text.containsAny(set, in: "12 Comments"))
        #expect(!Text.containsAny(set, in: "Commen"))
        #expect(!Text.containsAny(set, in: ""))
        #expect(!Text.containsAny(ASCIINeedles([]), in: "by"))
    }
}
