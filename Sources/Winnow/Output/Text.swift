/// Whitespace handling shared by every stage that reads text.
///
/// Runs on UTF-8 bytes: every kept paragraph, list item and comment goes
/// through here, and walking Unicode scalars one by one costs several
/// times more than the libxml2 parse of the same text.
public enum Text {
    /// Collapses runs of white space (including non-breaking spaces) to one
    /// space and trims both ends.
    public static func collapsingWhitespace<S: StringProtocol>(_ text: S) -> String {
        if let result = text.utf8.withContiguousStorageIfAvailable({ collapsingWhitespace(utf8: $0) }) {
            return result
        }
        return Array(text.utf8).withUnsafeBufferPointer { collapsingWhitespace(utf8: $0) }
    }

    static func collapsingWhitespace(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { collapseWhitespace(bytes, into: $0) }
    }

    /// The ASCII white space `collapseWhitespace` collapses: space, tab,
    /// line feed, vertical tab, form feed, carriage return.
    @inline(__always)
    static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    /// Writes `bytes` with white space collapsed and trimmed into `output`
    /// (at least as long as `bytes`); returns the count written.
    static func collapseWhitespace(_ bytes: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var written = 0
        var pendingSpace = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            // ASCII, most of most pages, is read without the sequence
            // tables, a word at a time: the run of ASCII bytes that are not
            // white space is copied in a loop of its own.
            if byte < 0x80 {
                if isASCIISpace(byte) {
                    pendingSpace = written > 0
                    index += 1
                    continue
                }
                if pendingSpace {
                    output[written] = 0x20
                    written += 1
                    pendingSpace = false
                }
                repeat {
                    output[written] = bytes[index]
                    written += 1
                    index += 1
                } while index < bytes.count && bytes[index] < 0x80 && !isASCIISpace(bytes[index])
                continue
            }
            let length = sequenceLength(bytes, at: index)
            if spaceLength(bytes, at: index) > 0 {
                pendingSpace = written > 0
            } else {
                if pendingSpace {
                    output[written] = 0x20
                    written += 1
                    pendingSpace = false
                }
                for offset in 0..<length {
                    output[written] = bytes[index + offset]
                    written += 1
                }
            }
            index += length
        }
        return written
    }

    /// The number of bytes of the UTF-8 sequence starting at `index`.
    @inline(__always)
    static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        let length: Int
        switch byte {
        case 0..<0xC0: length = 1
        case 0xC0..<0xE0: length = 2
        case 0xE0..<0xF0: length = 3
        default: length = 4
        }
        return min(length, bytes.count - index)
    }

    /// The length of the white-space character at `index`, or 0 when it is
    /// not one: ASCII space and controls, NBSP, U+1680, U+2000–U+200B,
    /// U+2028, U+2029, U+202F, U+205F, U+3000 and U+FEFF (as `isSpace`).
    @inline(__always)
    static func spaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D:
            return 1
        case 0xC2:
            return index + 1 < bytes.count && bytes[index + 1] == 0xA0 ? 2 : 0
        case 0xE1, 0xE2, 0xE3, 0xEF:
            guard index + 2 < bytes.count else { return 0 }
            let second = bytes[index + 1]
            let third = bytes[index + 2]
            switch (byte, second) {
            case (0xE1, 0x9A): return third == 0x80 ? 3 : 0
            case (0xE2, 0x80): return (0x80...0x8B).contains(third) || third == 0xA8 || third == 0xA9 || third == 0xAF ? 3 : 0
            case (0xE2, 0x81): return third == 0x9F ? 3 : 0
            case (0xE3, 0x80): return third == 0x80 ? 3 : 0
            case (0xEF, 0xBB): return third == 0xBF ? 3 : 0
            default: return 0
            }
        default:
            return 0
        }
    }

    @inline(__always)
    public static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029,
            0x202F, 0x205F, 0x3000, 0xFEFF:
            return true
        default:
            return false
        }
    }

    /// `text.count <= limit`, reading no more than `limit + 1` Characters.
    public static func hasAtMost<S: StringProtocol>(_ limit: Int, charactersIn text: S) -> Bool {
        // No more bytes than the limit: no more Characters either.
        if text.utf8.count <= limit { return true }
        // More than `limit` Characters that are single ASCII bytes.
        let standalone = text.utf8.withContiguousStorageIfAvailable {
            standaloneASCIICharacters(in: $0, countingSpaces: true, upTo: limit + 1)
        }
        if standalone == limit + 1 { return false }
        guard let end = text.index(text.startIndex, offsetBy: limit, limitedBy: text.endIndex) else { return true }
        return end == text.endIndex
    }

    /// A lower bound on the Characters of `bytes` (UTF-8) and of any text
    /// they collapse to (`collapsingWhitespace`), counted up to `cap`: the
    /// ASCII bytes between ASCII neighbours (or the ends), each a Character
    /// of its own, since Unicode breaks graphemes between two ASCII
    /// characters (CR LF aside: CR is never counted). A byte past ASCII
    /// beside one may join it (a combining accent after, a prepended sign
    /// before), so those are not counted. Collapsing keeps every byte that
    /// is not white space and gives it an ASCII space or an end for
    /// neighbour, so `countingSpaces: false` bounds the collapsed text too.
    /// Long paragraphs are told from short lines by their first few hundred
    /// bytes, without being counted or copied whole.
    static func standaloneASCIICharacters(in bytes: UnsafeBufferPointer<UInt8>, countingSpaces: Bool, upTo cap: Int) -> Int {
        var count = 0
        var index = 0
        while index < bytes.count, count < cap {
            let byte = bytes[index]
            if byte < 0x80, byte != 0x0D, countingSpaces || !isASCIISpace(byte),
                index == 0 || bytes[index - 1] < 0x80, index + 1 == bytes.count || bytes[index + 1] < 0x80
            {
                count += 1
            }
            index += 1
        }
        return count
    }

    /// The number of characters in `text` that are not white space.
    public static func visibleLength<S: StringProtocol>(_ text: S) -> Int {
        func count(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
            var visible = 0
            var index = 0
            while index < bytes.count {
                let space = spaceLength(bytes, at: index)
                if space > 0 {
                    index += space
                } else {
                    visible += 1
                    index += sequenceLength(bytes, at: index)
                }
            }
            return visible
        }
        if let result = text.utf8.withContiguousStorageIfAvailable(count) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(count)
    }

    /// Collapses white space within paragraphs and keeps the paragraphs:
    /// a blank line (two line breaks, whatever spaces are around them)
    /// becomes "\n\n". For text given as data (a JSON-LD comment's
    /// `text`), where line breaks are all the structure there is.
    public static func collapsingWhitespaceKeepingParagraphs(_ text: String) -> String {
        var paragraphs: [String] = []
        var current: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if visibleLength(line) == 0 {
                if !current.isEmpty { paragraphs.append(collapsingWhitespace(current.joined(separator: " "))) }
                current = []
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { paragraphs.append(collapsingWhitespace(current.joined(separator: " "))) }
        return paragraphs.filter { !$0.isEmpty }.joined(separator: "\n\n")
    }

    /// Whether `needle` occurs in `haystack`, byte for byte, with ASCII
    /// letters compared case-blind when `ignoringASCIICase`. For class
    /// words and ASCII vocabularies: Foundation's `contains` runs a
    /// locale-aware search through NSString for every call.
    public static func containsBytes<H: StringProtocol>(_ haystack: H, _ needle: String, ignoringASCIICase: Bool = false) -> Bool {
        var needle = needle
        return needle.withUTF8 { needleBytes in
            if let found = haystack.utf8.withContiguousStorageIfAvailable({
                contains($0, needleBytes, ignoringASCIICase: ignoringASCIICase)
            }) {
                return found
            }
            return Array(haystack.utf8).withUnsafeBufferPointer { contains($0, needleBytes, ignoringASCIICase: ignoringASCIICase) }
        }
    }

    /// `containsBytes` over bytes in hand.
    static func contains(
        _ haystackBytes: UnsafeBufferPointer<UInt8>, _ needleBytes: UnsafeBufferPointer<UInt8>, ignoringASCIICase: Bool = false
    ) -> Bool {
        guard let first = needleBytes.first else { return true }
        guard haystackBytes.count >= needleBytes.count else { return false }
        @inline(__always) func lower(_ byte: UInt8) -> UInt8 {
            ignoringASCIICase ? lowercasedASCII(byte) : byte
        }
        let firstLower = lower(first)
        for start in 0...(haystackBytes.count - needleBytes.count) where lower(haystackBytes[start]) == firstLower {
            var offset = 1
            while offset < needleBytes.count, lower(haystackBytes[start + offset]) == lower(needleBytes[offset]) {
                offset += 1
            }
            if offset == needleBytes.count { return true }
        }
        return false
    }

    /// Whether `text` holds a letter or a digit: a line of separators
    /// alone ("|", "·", "—") holds none. ASCII decides most lines without
    /// looking up Unicode properties.
    public static func containsLetterOrDigit<S: StringProtocol>(_ text: S) -> Bool {
        containsLetterOrDigit(utf8: text.utf8) { text.unicodeScalars.contains(where: isLetterOrDigit) }
    }

    /// `containsLetterOrDigit` over UTF-8 bytes: ASCII is read as bytes;
    /// `nonASCII`, asked only when the bytes hold a byte past ASCII and no
    /// ASCII letter or digit, looks at their scalars.
    static func containsLetterOrDigit<Bytes: Sequence<UInt8>>(utf8 bytes: Bytes, nonASCII: () -> Bool) -> Bool {
        var sawNonASCII = false
        for byte in bytes {
            switch byte {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
            case 0x80...: sawNonASCII = true
            default: continue
            }
        }
        return sawNonASCII && nonASCII()
    }

    static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
