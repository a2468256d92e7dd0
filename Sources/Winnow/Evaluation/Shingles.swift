/// The text units the extraction score counts: tokens are runs of word
/// characters, exactly Python's `re.findall(r'\w+', text)` on a `str`
/// (letters, numbers and `_`, by Unicode category; case kept), and
/// shingles are runs of four consecutive tokens, counted as a multiset.
/// Punctuation, whitespace and line breaks do not matter; words, their
/// case and their order do.
public struct Shingles: Sendable, Equatable {
    /// Shingle (its tokens joined by U+0000, which is never a word
    /// character) → how many times it occurs.
    public let counts: [String: Int]

    public static let size = 4

    public init(_ text: String) {
        let tokens = Shingles.tokens(of: text)
        var counts: [String: Int] = [:]
        // A text of 1 to 3 tokens is one short shingle; none has none.
        if !tokens.isEmpty {
            for start in 0..<max(1, tokens.count - Shingles.size + 1) {
                let end = min(start + Shingles.size, tokens.count)
                counts[tokens[start..<end].joined(separator: "\u{0}"), default: 0] += 1
            }
        }
        self.counts = counts
    }

    public var total: Int { counts.values.reduce(0, +) }
    public var isEmpty: Bool { counts.isEmpty }

    /// Python's `\w` for `str` patterns: `str.isalnum()` or `_`, that is a
    /// letter (category L*) or a character with a numeric value (Nd, Nl,
    /// No and the CJK numerals). Combining marks are not word characters.
    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
                || value == 0x5F
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            return true
        default:
            return scalar.properties.numericType != nil
        }
    }

    public static func tokens(of text: String) -> [String] {
        var tokens: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isWordCharacter(scalar) {
                current.append(scalar)
            } else if !current.isEmpty {
                tokens.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { tokens.append(String(current)) }
        return tokens
    }
}
