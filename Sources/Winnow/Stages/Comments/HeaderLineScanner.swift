/// A comment header line's UTF-8 bytes, read as ICU's regular expressions
/// read text, for the hand-written scanners that find its date
/// (`firstDate`) and its shape (`hasBylineShape`, `hasSpeechShape`, …).
///
/// Why by hand: `NSRegularExpression` costs some 20 000 instructions a
/// call on Linux (the String is bridged to UTF-16 for ICU), and these
/// patterns run on the header lines of every comment. The scanners must
/// find exactly what the patterns found, so they read characters as ICU
/// does (case-insensitive): `\d` is `[0-9]`, `\s` is `[\t\n\v\f\r ]`,
/// `\w` is `[A-Za-z0-9_]` plus the letters past ASCII, and `\b` lies
/// between a word character and anything else.
///
/// That holds only for the characters this type models. Past ASCII, ICU
/// counts digits of other scripts as `\d`, more spaces as `\s`, lets
/// combining marks and format characters (U+200F) sit inside a word for
/// `\b`, and folds a few letters into ASCII ones (`ſ` is `s`, `ß` is
/// `ss`, the Kelvin sign is `k`). A line holding such a character is not
/// scanned (`init` fails) and goes to the patterns themselves; the other
/// characters past ASCII are letters (word characters) or punctuation and
/// symbols (not), as `Unicode.Scalar.Properties` say, which match no part
/// of a pattern but `–` and `…`.
///
/// The scanners are written as the patterns read: each rule takes a
/// position and a continuation (`then`), tries its choices in the
/// pattern's order (longest first for a repetition, with the part before
/// without it for an optional part) and hands each end to the
/// continuation, which returns the end of the whole match or nil to ask
/// for the next choice. That is how ICU's backtracking matcher goes
/// through a pattern, so the first match is the same one. (A rule that
/// only ever appears optional, `(?:…)?`, ends with its empty choice
/// itself, `?? next(index)`: Swift lets no closure parameter be handed
/// another, so a generic `optional(rule)` would cost an allocation.)
struct HeaderLineScanner {
    /// What comes after a rule: given where the rule ended, the end of the
    /// whole match, or nil when nothing matches from there.
    typealias Continuation = (Int) -> Int?

    let bytes: [UInt8]

    /// Fails when `line` holds a character past ASCII that the scanners do
    /// not model (see the type's comment).
    init?(_ line: String) {
        bytes = Array(line.utf8)
        var index = 0
        while index < bytes.count {
            if bytes[index] < 0x80 {
                index += 1
                continue
            }
            guard Self.kind(of: scalar(at: index)) != .unmodelled else { return nil }
            index = scalarEnd(at: index)
        }
    }

    // MARK: - Characters

    /// How the scanners take a character past ASCII.
    enum ScalarKind {
        /// A letter or another word character (`\w`) that no case folding
        /// makes ASCII.
        case word
        /// Punctuation or a symbol: not `\w`, `\s` or `\d`.
        case other
        /// A character ICU reads in a way the scanners do not follow.
        case unmodelled
    }

    static func kind(of scalar: Unicode.Scalar) -> ScalarKind {
        if foldsIntoASCII(scalar) || isWhiteSpace(scalar) { return .unmodelled }
        let properties = scalar.properties
        // A character newer than ICU's tables is unassigned to ICU.
        guard let age = properties.age, (age.major, age.minor) <= icuUnicodeVersion else { return .unmodelled }
        // ICU's `\b` does not stop at a combining mark or a format
        // character: it looks past them.
        if properties.isGraphemeExtend { return .unmodelled }
        switch properties.generalCategory {
        case .decimalNumber, .nonspacingMark, .spacingMark, .enclosingMark, .format, .control, .surrogate, .privateUse, .unassigned:
            return .unmodelled
        case .connectorPunctuation:
            return .word
        default:
            // ICU's `\w`: [\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\u200C\u200D].
            return properties.isAlphabetic ? .word : .other
        }
    }

    /// The Unicode version of the ICU in Foundation (Swift 6.3 carries
    /// Unicode 16 in ICU, 17 in its own tables). The tests check the
    /// kinds against ICU over all of Unicode, so a change shows.
    static let icuUnicodeVersion = (major: 16, minor: 0)

    /// Letters whose case folding holds an ASCII letter: ICU matches `ß`
    /// to "ss", `ﬆ` to "st", the Kelvin sign to "k" when it ignores case
    /// (Unicode's CaseFolding.txt). Dotless `ı` is here too, to be safe:
    /// ICU special-cases the Turkic i's.
    private static func foldsIntoASCII(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xDF, 0x130, 0x131, 0x149, 0x17F, 0x1F0, 0x1E96...0x1E9A, 0x1E9E, 0x212A, 0xFB00...0xFB06:
            return true
        default:
            return false
        }
    }

    /// ICU's `\s`: the Unicode property White_Space.
    static func isWhiteSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// `\s` in a line the scanners read: white space past ASCII is not
    /// modelled.
    static func isASCIISpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }

    static func isASCIIWordCharacter(_ byte: UInt8) -> Bool { Text.isASCIILetter(byte) || Text.isASCIIDigit(byte) || byte == UInt8(ascii: "_") }

    /// The scalar whose UTF-8 sequence starts at `index`.
    func scalar(at index: Int) -> Unicode.Scalar {
        let lead = UInt32(bytes[index])
        var value: UInt32
        let length = scalarEnd(at: index) - index
        switch length {
        case 1: return Unicode.Scalar(UInt8(lead))
        case 2: value = lead & 0x1F
        case 3: value = lead & 0x0F
        default: value = lead & 0x07
        }
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    /// Where the UTF-8 sequence starting at `index` ends.
    func scalarEnd(at index: Int) -> Int {
        let lead = bytes[index]
        let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        return min(index + length, bytes.count)
    }

    /// Where the scalar that ends at `index` starts.
    func scalarStart(before index: Int) -> Int {
        var start = index - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return start
    }

    /// Whether the character at `index` is a word character (`\w`); false
    /// at the end.
    func isWordCharacter(at index: Int) -> Bool {
        guard index < bytes.count else { return false }
        let byte = bytes[index]
        return byte < 0x80 ? Self.isASCIIWordCharacter(byte) : Self.kind(of: scalar(at: index)) == .word
    }

    /// Whether the character before `index` is a word character; false at
    /// the start.
    func isWordCharacter(before index: Int) -> Bool {
        index > 0 && isWordCharacter(at: scalarStart(before: index))
    }

    /// `\b`.
    func isWordBoundary(_ index: Int) -> Bool {
        isWordCharacter(before: index) != isWordCharacter(at: index)
    }

    /// `$`: the end, or a line break (\n, \v, \f, \r, \r\n) that ends the
    /// line.
    func isLineEnd(_ index: Int) -> Bool {
        let rest = bytes.count - index
        if rest == 0 { return true }
        if rest == 2 { return bytes[index] == 0x0D && bytes[index + 1] == 0x0A }
        return rest == 1 && bytes[index] >= 0x0A && bytes[index] <= 0x0D
    }

    // MARK: - Rules

    /// `text` at `index`, ASCII letters in either case (`text` is lower
    /// case).
    func literal(_ text: StaticString, at index: Int, then next: Continuation) -> Int? {
        let count = text.utf8CodeUnitCount
        guard index + count <= bytes.count else { return nil }
        let characters = text.utf8Start
        for offset in 0..<count {
            let byte = bytes[index + offset]
            let lower = Text.lowercasedASCII(byte)
            if lower != characters[offset] { return nil }
        }
        return next(index + count)
    }

    /// The ASCII punctuation `character` at `index`.
    func byte(_ character: Unicode.Scalar, at index: Int, then next: Continuation) -> Int? {
        index < bytes.count && bytes[index] == UInt8(character.value) ? next(index + 1) : nil
    }

    /// `(?:text)?`, greedy: with the text first, then without it.
    func optionalLiteral(_ text: StaticString, at index: Int, then next: Continuation) -> Int? {
        literal(text, at: index, then: next) ?? next(index)
    }

    /// `x?` for one ASCII punctuation character.
    func optionalByte(_ character: Unicode.Scalar, at index: Int, then next: Continuation) -> Int? {
        byte(character, at: index, then: next) ?? next(index)
    }

    /// `class{m,n}` for a class of ASCII bytes, greedy: the longest run
    /// first, then one shorter at a time.
    func repeated(
        _ matches: (UInt8) -> Bool, _ count: ClosedRange<Int>, at index: Int, then next: Continuation
    ) -> Int? {
        var end = index
        while end - index < count.upperBound, end < bytes.count, matches(bytes[end]) { end += 1 }
        while end - index >= count.lowerBound {
            if let matchEnd = next(end) { return matchEnd }
            if end == index { break }
            end -= 1
        }
        return nil
    }

    /// `\d{m,n}`.
    func digits(_ count: ClosedRange<Int>, at index: Int, then next: Continuation) -> Int? {
        repeated(Text.isASCIIDigit, count, at: index, then: next)
    }

    /// `\s*` (`atLeast: 0`) or `\s+` (`atLeast: 1`).
    func spaces(atLeast minimum: Int, at index: Int, then next: Continuation) -> Int? {
        repeated(Self.isASCIISpace, minimum...Int.max, at: index, then: next)
    }
}
