/// Lower-case ASCII words looked for together, in one pass over a text
/// (`Text.containsAny`): a test run on every line of every comment, where
/// a search per word went over the line once per word.
struct ASCIINeedles: Sendable {
    let needles: [[UInt8]]
    /// Bit `b` of the pair is set when a needle starts with byte `b`.
    private let firstBytes: (low: UInt64, high: UInt64)

    /// `words` must be lower-case ASCII.
    init(_ words: [String]) {
        needles = words.map { Array($0.utf8) }
        var low: UInt64 = 0
        var high: UInt64 = 0
        for needle in needles {
            guard let first = needle.first, first < 0x80 else { continue }
            if first < 64 { low |= 1 << UInt64(first) } else { high |= 1 << UInt64(first - 64) }
        }
        firstBytes = (low, high)
    }

    @inline(__always)
    func mayStart(with byte: UInt8) -> Bool {
        byte < 64 ? firstBytes.low & (1 << UInt64(byte)) != 0 : byte < 128 && firstBytes.high & (1 << UInt64(byte - 64)) != 0
    }
}

extension Text {
    /// Whether one of `needles` occurs in `text`, ASCII case ignored: what
    /// `needles.contains { containsBytes(text, $0, ignoringASCIICase: true) }`
    /// answers, in one pass.
    static func containsAny(_ needles: ASCIINeedles, in text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            for start in bytes.indices where needles.mayStart(with: lowercasedASCII(bytes[start])) {
                for needle in needles.needles where needle.count <= bytes.count - start && lowercasedASCII(bytes[start]) == needle[0] {
                    var offset = 1
                    while offset < needle.count, lowercasedASCII(bytes[start + offset]) == needle[offset] { offset += 1 }
                    if offset == needle.count { return true }
                }
            }
            return false
        }
    }
}
