extension Text {
    /// The runs of letters and digits in `text`, lower-cased: the words
    /// two renderings of the same text share whatever their punctuation,
    /// spacing and case (a structured description against the page's
    /// paragraph, a headline against the `<title>`, a block against its
    /// copy).
    static func lowercasedWords(of text: String) -> [Substring] {
        text.lowercased().split { !$0.isLetter && !$0.isNumber }
    }

    /// `lowercasedWords(of:)` one space apart: a key under which the
    /// renderings of one text compare equal, and a probe for a part of it.
    static func comparableWords(_ text: String) -> String {
        lowercasedWords(of: text).joined(separator: " ")
    }
}
