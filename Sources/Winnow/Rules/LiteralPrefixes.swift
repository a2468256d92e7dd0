/// The texts, one of which starts every match of an anchored pattern of
/// the form `^(alternative|alternative|…)…` (the shape of the built-in
/// `drop-text` rules): each alternative's leading plain letters, digits,
/// spaces, apostrophes and colons, in ASCII lower case.
///
/// A block whose text starts with none of them cannot match, and is ruled
/// out without running ICU, which costs thousands of instructions per
/// block even when the pattern fails at the first letter. The test is
/// exact: only ASCII text is compared (case-insensitive matching folds a
/// few non-ASCII characters, such as the Kelvin sign and the `ﬁ` ligature,
/// to ASCII letters), and any pattern of another shape has no prefixes.
struct LiteralPrefixes: Sendable, Hashable {
    private let prefixes: [[UInt8]]
    /// The non-empty prefixes by their first byte (ASCII, lower case, as
    /// the pattern reading makes them): a text is compared only with those
    /// that begin as it does.
    private let byFirstByte: [[[UInt8]]]
    /// An empty prefix starts every text.
    private let hasEmptyPrefix: Bool
    /// The length of the longest prefix: `mayStart(bytes:)` reads no
    /// further, so the start of a text this long or longer answers for
    /// the whole text.
    let longestPrefix: Int

    init(_ prefixes: [[UInt8]]) {
        self.prefixes = prefixes
        var byFirstByte = [[[UInt8]]](repeating: [], count: 256)
        for prefix in prefixes {
            if let first = prefix.first { byFirstByte[Int(first)].append(prefix) }
        }
        self.byFirstByte = byFirstByte
        hasEmptyPrefix = prefixes.contains { $0.isEmpty }
        longestPrefix = prefixes.lazy.map(\.count).max() ?? 0
    }

    /// The prefixes of `source`, or nil when it has another shape.
    init?(pattern source: String) {
        let bytes = Array(source.utf8)
        // `\Q…\E` quotes metacharacters, which this reading would take
        // for structure.
        if source.contains("\\Q") { return nil }
        var index: Int
        if bytes.starts(with: Array("^(?:".utf8)) {
            index = 4
        } else if bytes.starts(with: Array("^(".utf8)), bytes.count > 2, bytes[2] != UInt8(ascii: "?") {
            index = 2
        } else {
            return nil
        }
        // The top-level alternatives of the group, up to its `)`.
        var prefixes: [[UInt8]] = []
        var current: [UInt8] = []
        var inLiteral = true
        var depth = 0
        while true {
            guard index < bytes.count else { return nil }
            let byte = bytes[index]
            if depth == 0, byte == UInt8(ascii: "|") || byte == UInt8(ascii: ")") {
                prefixes.append(current)
                current = []
                inLiteral = true
                index += 1
                if byte == UInt8(ascii: ")") { break }
                continue
            }
            if inLiteral, LiteralPrefixes.isPlain(byte) {
                current.append(Text.lowercasedASCII(byte))
                index += 1
                continue
            }
            // An escaped ASCII punctuation mark (`\$`, `\.`) matches only itself.
            if inLiteral, byte == UInt8(ascii: "\\"), index + 1 < bytes.count, LiteralPrefixes.isPunctuation(bytes[index + 1]) {
                current.append(bytes[index + 1])
                index += 2
                continue
            }
            // A character past ASCII (`£`, `€`) opening an alternative: its
            // first byte stands for it. Texts that start past ASCII are never
            // ruled out (`mayStart`), so only its presence matters: the
            // alternative does not start every text.
            if inLiteral, current.isEmpty, byte >= 0x80 {
                current.append(byte)
                inLiteral = false
                index += 1
                continue
            }
            if inLiteral {
                // A quantifier makes the last literal character optional.
                if byte == UInt8(ascii: "?") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "{"), !current.isEmpty {
                    current.removeLast()
                }
                inLiteral = false
            }
            guard let next = LiteralPrefixes.skip(bytes, at: index, depth: &depth) else { return nil }
            index = next
        }
        // The group must be there at least once, and be the whole pattern's
        // start: no quantifier that allows zero, no top-level `|` later.
        if index < bytes.count, [UInt8(ascii: "?"), UInt8(ascii: "*"), UInt8(ascii: "{")].contains(bytes[index]) { return nil }
        var rest = 0
        while index < bytes.count {
            if rest == 0, bytes[index] == UInt8(ascii: "|") { return nil }
            guard let next = LiteralPrefixes.skip(bytes, at: index, depth: &rest) else { return nil }
            index = next
        }
        self.init(prefixes)
    }

    /// The union of several patterns' prefixes: those of a pattern that
    /// matches when any of them does.
    init(union parts: [LiteralPrefixes]) {
        self.init(parts.flatMap(\.prefixes))
    }

    /// Letters, digits, space, apostrophe and colon: characters that match
    /// only themselves (case aside) in a pattern.
    private static func isPlain(_ byte: UInt8) -> Bool {
        (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) || (0x30...0x39).contains(byte)
            || byte == UInt8(ascii: " ") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: ":")
    }

    /// ASCII punctuation: escaped, it matches only itself.
    private static func isPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte)
            || (0x7B...0x7E).contains(byte)
    }

    /// The index after the pattern element at `index`: an escape, a
    /// character class, a parenthesis (tracked in `depth`) or one byte.
    /// Nil when the pattern ends inside one.
    private static func skip(_ bytes: [UInt8], at index: Int, depth: inout Int) -> Int? {
        switch bytes[index] {
        case UInt8(ascii: "\\"):
            return index + 2 <= bytes.count ? index + 2 : nil
        case UInt8(ascii: "["):
            var end = index + 1
            if end < bytes.count, bytes[end] == UInt8(ascii: "^") { end += 1 }
            // A `]` first in the class is a literal one.
            if end < bytes.count, bytes[end] == UInt8(ascii: "]") { end += 1 }
            var nested = 0
            while end < bytes.count {
                switch bytes[end] {
                case UInt8(ascii: "\\"): end += 1
                case UInt8(ascii: "["): nested += 1
                case UInt8(ascii: "]"):
                    if nested == 0 { return end + 1 }
                    nested -= 1
                default: break
                }
                end += 1
            }
            return nil
        case UInt8(ascii: "("):
            depth += 1
            return index + 1
        case UInt8(ascii: ")"):
            depth -= 1
            return depth < 0 ? nil : index + 1
        default:
            return index + 1
        }
    }

    /// Whether `text` may start with one of the prefixes: false only when
    /// its start is ASCII and differs from every one.
    func mayStart(_ text: String) -> Bool {
        var text = text
        return text.withUTF8(mayStart(bytes:))
    }

    /// `mayStart` over a text's UTF-8 bytes.
    func mayStart(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if hasEmptyPrefix { return true }
        guard let first = bytes.first else { return false }
        // A byte past ASCII may be a letter that folds to one of them.
        guard first < 0x80 else { return !prefixes.isEmpty }
        let lower = Text.lowercasedASCII(first)
        return byFirstByte[Int(lower)].contains { prefix in
            for offset in 1..<prefix.count {
                guard offset < bytes.count else { return false }
                let byte = bytes[offset]
                if byte >= 0x80 { return true }
                if Text.lowercasedASCII(byte) != prefix[offset] { return false }
            }
            return true
        }
    }
}
