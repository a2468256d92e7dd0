import Testing
@testable import Winnow

/// `Text.standaloneASCIICharacters` decides that a text is too long
/// without counting its Characters; it must never count more than there
/// are, in the text or in what it collapses to.
@Suite struct CharacterBoundTests {
    /// Pieces that join their neighbours into one Character (a combining
    /// accent after, an Arabic number sign before, CR LF, a ZWJ) or are
    /// white space past ASCII.
    static let pieces = [
        "a", "B", "7", " ", "  ", "\t", "\r\n", "\r", "\n", "\u{301}", "\u{600}", "\u{200D}", "\u{A0}", "é", "e\u{301}",
        "👍🏽", "🇫🇷", "ß", "\u{3000}", ",", "…", "x\u{20DD}",
    ]

    @Test func neverMoreThanTheCharacters() {
        var random = SplitMix64(seed: 0x600)
        for _ in 0..<4_000 {
            let text = (0..<Int.random(in: 0...30, using: &random)).map { _ in CharacterBoundTests.pieces.randomElement(using: &random)! }
                .joined()
            var bytes = text
            let (all, visible) = bytes.withUTF8 { buffer in
                (Text.standaloneASCIICharacters(in: buffer, countingSpaces: true, upTo: .max),
                 Text.standaloneASCIICharacters(in: buffer, countingSpaces: false, upTo: .max))
            }
            #expect(all <= text.count, "\(text.debugDescription)")
            #expect(visible <= Text.collapsingWhitespace(text).count, "\(text.debugDescription)")
            for limit in [0, 3, 10] { #expect(Text.hasAtMost(limit, charactersIn: text) == (text.count <= limit)) }
        }
    }

    @Test func asciiProseIsCountedWhole() {
        var text = String(repeating: "word ", count: 40)
        let counted = text.withUTF8 { Text.standaloneASCIICharacters(in: $0, countingSpaces: false, upTo: .max) }
        #expect(counted == 160)
    }
}
