import Testing
@testable import Winnow

/// The lower-cased words that the product profile, the repeated-block
/// filter and the metadata's headline checks compare texts by.
@Suite struct TextWordsTests {
    @Test func wordsAreRunsOfLettersAndDigitsLowerCased() {
        #expect(Text.lowercasedWords(of: "  The Classic II — 44MM, Moon-Silver!  ") == ["the", "classic", "ii", "44mm", "moon", "silver"])
        #expect(Text.lowercasedWords(of: "Ünïcode Straße: 3½ cups") == ["ünïcode", "straße", "3½", "cups"])
        #expect(Text.lowercasedWords(of: " ,;— ").isEmpty)
    }

    @Test func renderingsOfOneTextShareTheirComparableWords() {
        let shown = "Our classic Relax Berries gummy,\n with delicious flavor!"
        let structured = "OUR CLASSIC <b>Relax</b> Berries gummy with delicious flavor"
        #expect(Text.comparableWords(shown) == "our classic relax berries gummy with delicious flavor")
        #expect(Text.comparableWords(structured) == "our classic b relax b berries gummy with delicious flavor")
        #expect(Text.comparableWords("") == "")
    }
}
