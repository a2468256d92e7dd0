/// Reads one JSON object's top-level members without building values:
/// each member's key, and where its value's JSON text lies, checked to be
/// valid JSON. The values a caller needs (a URL, the HTML) are decoded on
/// demand; the others pass through as the exact text they were.
public struct JSONObjectScanner {
    public struct Member {
        public let key: String
        /// The value's bytes in the scanned text (a string value with its quotes).
        public let value: Range<Int>
    }

    public struct SyntaxError: Error, Equatable, CustomStringConvertible {
        /// 1-based column (byte) of the problem.
        public let column: Int
        public let reason: String
        public var description: String { "\(reason) at column \(column)" }
    }

    private let bytes: [UInt8]
    private var index = 0
    /// How deep arrays and objects may nest before the text is refused, so a
    /// hostile line cannot exhaust memory in bookkeeping.
    static let maximumDepth = 512

    /// The members of the object in `bytes`, in order. Throws when the text
    /// is not one JSON object (whitespace around it is allowed).
    public static func members(of bytes: [UInt8]) throws(SyntaxError) -> [Member] {
        var scanner = JSONObjectScanner(bytes: bytes)
        return try scanner.scanObject()
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private mutating func scanObject() throws(SyntaxError) -> [Member] {
        skipWhitespace()
        guard index < bytes.count else { throw fail("empty line") }
        guard bytes[index] == UInt8(ascii: "{") else {
            if bytes[index] == UInt8(ascii: "[") || bytes[index] == UInt8(ascii: "\"")
                || bytes[index] == UInt8(ascii: "-") || (0x30...0x39).contains(bytes[index])
            {
                throw fail("a JSON value but not an object")
            }
            throw fail("expected '{'")
        }
        index += 1
        var members: [Member] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            index += 1
            return try finish(members)
        }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else { throw fail("expected a member name") }
            let keyRange = try scanString()
            let key = String(decoding: JSONObjectScanner.decodeString(bytes[keyRange]), as: UTF8.self)
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else { throw fail("expected ':'") }
            index += 1
            skipWhitespace()
            let valueStart = index
            try skipValue()
            members.append(Member(key: key, value: valueStart..<index))
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","):
                index += 1
            case UInt8(ascii: "}"):
                index += 1
                return try finish(members)
            default:
                throw fail("expected ',' or '}'")
            }
        }
    }

    private mutating func finish(_ members: [Member]) throws(SyntaxError) -> [Member] {
        skipWhitespace()
        guard index == bytes.count else { throw fail("text after the object") }
        return members
    }

    /// Skips one value of any kind, checking its syntax. Nesting is tracked
    /// with a stack, not recursion.
    private mutating func skipValue() throws(SyntaxError) {
        var closers: [UInt8] = []
        var expectingValue = true
        while true {
            skipWhitespace()
            if expectingValue {
                guard let byte = peek() else { throw fail("unexpected end") }
                switch byte {
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    guard closers.count < JSONObjectScanner.maximumDepth else { throw fail("nested too deeply") }
                    index += 1
                    let closer = byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
                    skipWhitespace()
                    if peek() == closer {
                        index += 1
                        expectingValue = false
                    } else {
                        closers.append(closer)
                        if closer == UInt8(ascii: "}") { try memberName() }
                        continue
                    }
                case UInt8(ascii: "\""):
                    _ = try scanString()
                    expectingValue = false
                case UInt8(ascii: "t"): try literal("true")
                case UInt8(ascii: "f"): try literal("false")
                case UInt8(ascii: "n"): try literal("null")
                case UInt8(ascii: "-"), 0x30...0x39: try scanNumber()
                default: throw fail("unexpected character")
                }
                expectingValue = false
            }
            guard let closer = closers.last else { return }
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","):
                index += 1
                if closer == UInt8(ascii: "}") {
                    skipWhitespace()
                    try memberName()
                }
                expectingValue = true
            case closer:
                index += 1
                closers.removeLast()
            default:
                throw fail(closer == UInt8(ascii: "}") ? "expected ',' or '}'" : "expected ',' or ']'")
            }
        }
    }

    /// A member's name and colon inside a nested object.
    private mutating func memberName() throws(SyntaxError) {
        guard peek() == UInt8(ascii: "\"") else { throw fail("expected a member name") }
        _ = try scanString()
        skipWhitespace()
        guard peek() == UInt8(ascii: ":") else { throw fail("expected ':'") }
        index += 1
    }

    /// Scans a string starting at its opening quote; returns the range of
    /// its contents (without quotes).
    private mutating func scanString() throws(SyntaxError) -> Range<Int> {
        index += 1
        let contentStart = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return contentStart..<(index - 1)
            }
            if byte == UInt8(ascii: "\\") {
                guard index + 1 < bytes.count else { break }
                let escaped = bytes[index + 1]
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                    UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    index += 2
                case UInt8(ascii: "u"):
                    guard index + 5 < bytes.count,
                        bytes[(index + 2)...(index + 5)].allSatisfy({ JSONObjectScanner.hexValue($0) != nil })
                    else { throw fail("bad \\u escape") }
                    index += 6
                default:
                    throw fail("bad escape")
                }
                continue
            }
            if byte < 0x20 { throw fail("control character in a string") }
            index += 1
        }
        throw fail("unterminated string")
    }

    private mutating func scanNumber() throws(SyntaxError) {
        let start = index
        if peek() == UInt8(ascii: "-") { index += 1 }
        guard let first = peek(), (0x30...0x39).contains(first) else { throw fail("bad number") }
        if first == 0x30 { index += 1 } else { skipDigits() }
        if peek() == UInt8(ascii: ".") {
            index += 1
            guard let digit = peek(), (0x30...0x39).contains(digit) else { throw fail("bad number") }
            skipDigits()
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            index += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
            guard let digit = peek(), (0x30...0x39).contains(digit) else { throw fail("bad number") }
            skipDigits()
        }
        if index == start { throw fail("bad number") }
    }

    private mutating func skipDigits() {
        while let byte = peek(), (0x30...0x39).contains(byte) { index += 1 }
    }

    private mutating func literal(_ word: StaticString) throws(SyntaxError) {
        let count = word.utf8CodeUnitCount
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: count)
        guard index + count <= bytes.count, bytes[index..<(index + count)].elementsEqual(expected) else {
            throw fail("unexpected character")
        }
        index += count
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private func peek() -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    private func fail(_ reason: String) -> SyntaxError {
        SyntaxError(column: index + 1, reason: reason)
    }

    static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 0x30...0x39: return UInt32(byte - 0x30)
        case 0x41...0x46: return UInt32(byte - 0x41 + 10)
        case 0x61...0x66: return UInt32(byte - 0x61 + 10)
        default: return nil
        }
    }

    /// The UTF-8 bytes of a string's contents (escapes resolved), given
    /// its range without quotes in already-scanned text. A lone surrogate
    /// becomes U+FFFD.
    public static func decodeString(_ content: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(content.count)
        var index = content.startIndex
        let end = content.endIndex
        while index < end {
            // Copy runs without escapes in one go.
            var run = index
            while run < end, content[run] != UInt8(ascii: "\\") { run += 1 }
            if run > index { output.append(contentsOf: content[index..<run]) }
            index = run
            guard index < end else { break }
            let escaped = content[index + 1]
            index += 2
            switch escaped {
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = hex4(content, at: index)
                index += 4
                if (0xD800...0xDBFF).contains(scalar) {
                    if index + 6 <= end, content[index] == UInt8(ascii: "\\"), content[index + 1] == UInt8(ascii: "u") {
                        let low = hex4(content, at: index + 2)
                        if (0xDC00...0xDFFF).contains(low) {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                            index += 6
                        } else {
                            scalar = 0xFFFD
                        }
                    } else {
                        scalar = 0xFFFD
                    }
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    scalar = 0xFFFD
                }
                appendUTF8(scalar, to: &output)
            default: output.append(escaped)
            }
        }
        return output
    }

    private static func hex4(_ content: ArraySlice<UInt8>, at index: Int) -> UInt32 {
        var value: UInt32 = 0
        for offset in 0..<4 { value = value << 4 | (hexValue(content[index + offset]) ?? 0) }
        return value
    }

    private static func appendUTF8(_ scalar: UInt32, to output: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            output.append(UInt8(scalar))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | (scalar >> 6)))
            output.append(UInt8(0x80 | (scalar & 0x3F)))
        case 0x800..<0x10000:
            output.append(UInt8(0xE0 | (scalar >> 12)))
            output.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (scalar & 0x3F)))
        default:
            output.append(UInt8(0xF0 | (scalar >> 18)))
            output.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            output.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }
}
