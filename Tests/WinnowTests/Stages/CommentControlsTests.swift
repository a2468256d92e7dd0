import Testing
@testable import Winnow

/// The comment controls' word splitter: the byte-level path for ASCII text
/// gives the words the `Character` path gives, and the controls are told
/// from comments.
struct CommentControlsTests {
    static let lines = [
        "Was this helpful? 12 / 3", "You are logged in | Log out", "Logged in as Dave Smith. Log out?",
        "Be the first to comment!", "Comments are closed.", "12 shares", "Email | Print | Share",
        "I had to log in twice before the form worked, and you're right about the rest.",
        "don't", "O'Reilly's 3rd-edition book", "  spaces\tand\nbreaks\r\nhere  ", "", "''", "A1B2 c3'd4",
        "!!!", "Reply (4) · Report · Permalink",
    ]

    @Test(arguments: lines)
    func asciiWordsAreTheCharacterWords(_ line: String) {
        #expect(CommentControls.asciiLowercasedWords(of: line) == CommentControls.characterLowercasedWords(of: line))
    }

    /// Random ASCII, printable and control characters alike.
    @Test func randomASCIIGivesTheSameWords() {
        var generator = SplitMix64(seed: 20261207)
        for _ in 0..<2000 {
            let length = Int(generator.next() % 60)
            let bytes = (0..<length).map { _ in UInt8(generator.next() % 128) }
            let line = String(decoding: bytes, as: UTF8.self)
            #expect(CommentControls.asciiLowercasedWords(of: line) == CommentControls.characterLowercasedWords(of: line), "\(bytes)")
        }
    }

    @Test(arguments: lines + ["Café’s ÉTÉ 2024", "«Ça va» dit-il", "  — 12 likes", "Ünïcödé’d wörds, then more", "日本語 テキスト"])
    func theFirstWordIsTheFirstOfTheWords(_ line: String) {
        #expect(CommentControls.firstLowercasedWord(of: line) == CommentControls.lowercasedWords(of: line).first)
    }

    /// Random text of ASCII and a few letters, marks and spaces past it.
    @Test func randomTextGivesTheSameFirstWord() {
        var generator = SplitMix64(seed: 20261208)
        let pastASCII: [Character] = ["é", "Ü", "’", "—", "\u{00A0}", "ß", "İ", "日", "\u{0301}", "Σ", "ǅ"]
        for _ in 0..<4000 {
            let length = Int(generator.next() % 30)
            let line = String((0..<length).map { _ -> Character in
                let roll = generator.next() % 8
                return roll == 0 ? pastASCII[Int(generator.next() % UInt64(pastASCII.count))] : Character(Unicode.Scalar(UInt8(generator.next() % 128)))
            })
            #expect(CommentControls.firstLowercasedWord(of: line) == CommentControls.lowercasedWords(of: line).first, "\(Array(line.unicodeScalars))")
        }
    }

    @Test func nonASCIITextTakesTheCharacterPath() {
        #expect(CommentControls.lowercasedWords(of: "Café’s ÉTÉ 2024") == ["café’s", "été", "2024"])
    }

    @Test func controlsAreToldFromComments() {
        for control in ["Was this helpful? 12 / 3", "You are logged in | Log out", "12 shares", "Logged in as Dave Smith. Log out?"] {
            #expect(CommentControls.isControl(control), "\(control)")
        }
        #expect(!CommentControls.isControl("I had to log in twice before the form worked, and you're right about the rest."))
    }

    /// The control test read through the text's opening (`opening(of:)`,
    /// which also keeps texts out of the verdict cache) decides as the
    /// whole test written plainly does: random lines of control words,
    /// prompts, names and punctuation.
    @Test func openingThenWordsIsThePlainTest() {
        var generator = SplitMix64(seed: 20261209)
        let pieces = ["Was", "this", "helpful?", "12", "/", "3", "You", "are", "logged", "in", "|", "Log", "out", "Sign", "up", "Register",
            "Be", "the", "first", "to", "comment", "Comments", "are", "closed", "shares", "Email", "Print", "Share", "Reply", "Report",
            "Like", "0", "replies", "Thanks!", "Dave", "Smith", "Great", "post", "Digg", "tweet", "—", "·", "’", "é", "ſ", " ", "  "]
        var controls = 0
        for line in Self.lines + (0..<4000).map({ _ in
            (0..<Int(1 + generator.next() % 6)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined(separator: " ")
        }) {
            let plain = !line.isEmpty && Text.hasAtMost(CommentControls.maximumChars, charactersIn: line)
                && (CommentThreadReader.isPrompt(line) || {
                    guard let first = CommentControls.lowercasedWords(of: line).first,
                        CommentControls.isNumber(first) || CommentControls.openingWords.contains(first)
                    else { return false }
                    let words = CommentControls.lowercasedWords(of: line)
                    return CommentControls.isVoteWidget(words) || CommentControls.isShareCount(words) || CommentControls.isSignInLine(words)
                }())
            if plain { controls += 1 }
            #expect(CommentControls.isControl(line) == plain, "\(String(reflecting: line))")
        }
        #expect(controls > 100)
    }

    /// A word's number test by bytes agrees with `Character.isNumber`.
    @Test func numberTestByBytesAgrees() {
        var generator = SplitMix64(seed: 20261210)
        let pieces = ["1", "0", "42", "a", "x", "'", " ", "\r\n", "١٢", "½", "²", "é", "\u{0301}"]
        for _ in 0..<3000 {
            let word = Substring((0..<Int(generator.next() % 5)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined())
            #expect(CommentControls.isNumber(word) == word.allSatisfy(\.isNumber), "\(String(reflecting: word))")
        }
    }
}
