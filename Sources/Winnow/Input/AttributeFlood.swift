#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Start tags with more attributes than any page needs lose the rest
/// before libxml2 sees them.
///
/// libxml2 2.9's HTML parser is quadratic in the attributes of one tag: it
/// compares each new name with every earlier one (duplicates), and its tree
/// builder walks the element's whole attribute list to append each one. One
/// `<div>` with 100 000 attributes took 111 s, and nothing between the
/// pipeline's stages could stop it. The most any of the 2 079 devset pages
/// puts on one tag is 205 (a link in dragnet/R218); past `limit` the tag's
/// attributes are cut, up to its `>`, so the parse stays linear.
///
/// The scan follows the HTML tokenizer's broad rules: comments, `<!…>` and
/// `<?…>`, end tags, and the raw text of `<script>` and `<style>` are
/// passed over; attribute values are read quoted or bare, so a `>` inside
/// quotes does not end a tag. A page with no such tag comes back as it was,
/// without a copy.
enum AttributeFlood {
    /// Five times the devset's most, twenty-five times its usual most: a
    /// tag past it is built to hurt, and cut at it costs 1 000² compares.
    static let limit = 1000

    /// `html` with every start tag cut after `limit` attributes.
    static func limited(_ html: [UInt8], limit: Int = AttributeFlood.limit) -> [UInt8] {
        let cuts = html.withUnsafeBufferPointer { cutRanges(in: $0, limit: limit) }
        guard !cuts.isEmpty else { return html }
        var result: [UInt8] = []
        result.reserveCapacity(html.count)
        var kept = 0
        for cut in cuts {
            result.append(contentsOf: html[kept..<cut.lowerBound])
            kept = cut.upperBound
        }
        result.append(contentsOf: html[kept...])
        return result
    }

    /// The byte ranges to drop: from the first attribute past the limit to
    /// the end of its tag (before the `>` or `/>`).
    static func cutRanges(in bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> [Range<Int>] {
        var cuts: [Range<Int>] = []
        var index = 0
        let end = bytes.count
        while index < end {
            guard let open = next(UInt8(ascii: "<"), in: bytes, from: index) else { break }
            index = open + 1
            guard index < end else { break }
            let first = bytes[index]
            if first == UInt8(ascii: "!") {
                if index + 2 < end, bytes[index + 1] == UInt8(ascii: "-"), bytes[index + 2] == UInt8(ascii: "-") {
                    index = find(Array("-->".utf8), in: bytes, from: index + 3).map { $0 + 3 } ?? end
                } else {
                    index = next(UInt8(ascii: ">"), in: bytes, from: index).map { $0 + 1 } ?? end
                }
                continue
            }
            if first == UInt8(ascii: "?") || first == UInt8(ascii: "/") {
                index = next(UInt8(ascii: ">"), in: bytes, from: index).map { $0 + 1 } ?? end
                continue
            }
            guard isLetter(first) else { continue }
            let nameStart = index
            while index < end, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">"), bytes[index] != UInt8(ascii: "/") {
                index += 1
            }
            let rawText = rawTextEnd(name: UnsafeBufferPointer(rebasing: bytes[nameStart..<index]))
            var count = 0
            var cutStart: Int?
            // Attributes up to the tag's end.
            while index < end {
                let byte = bytes[index]
                if byte == UInt8(ascii: ">") { break }
                if isSpace(byte) || byte == UInt8(ascii: "/") {
                    index += 1
                    continue
                }
                count += 1
                if count == limit + 1 { cutStart = index }
                // The name, then an optional value.
                while index < end, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: "="), bytes[index] != UInt8(ascii: ">") {
                    index += 1
                }
                while index < end, isSpace(bytes[index]) { index += 1 }
                guard index < end, bytes[index] == UInt8(ascii: "=") else { continue }
                index += 1
                while index < end, isSpace(bytes[index]) { index += 1 }
                guard index < end else { break }
                let quote = bytes[index]
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    index = next(quote, in: bytes, from: index + 1).map { $0 + 1 } ?? end
                } else {
                    while index < end, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
                }
            }
            if let cutStart {
                // Keep a closing "/" of "/>".
                var cutEnd = index
                if cutEnd > cutStart, bytes[cutEnd - 1] == UInt8(ascii: "/") { cutEnd -= 1 }
                cuts.append(cutStart..<cutEnd)
            }
            index += 1
            if let rawText {
                index = find(rawText, in: bytes, from: index, caseInsensitive: true) ?? end
            }
        }
        return cuts
    }

    /// For `script` and `style`, the end tag their raw text runs to.
    private static func rawTextEnd(name: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        for candidate in ["script", "style"] where name.count == candidate.utf8.count {
            if zip(name, candidate.utf8).allSatisfy({ $0 | 0x20 == $1 }) { return Array("</\(candidate)".utf8) }
        }
        return nil
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    private static func next(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int? {
        guard index < bytes.count, let base = bytes.baseAddress,
            let found = memchr(base + index, Int32(byte), bytes.count - index)
        else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// Where `needle` next starts (ASCII letters matched in either case
    /// when asked).
    private static func find(
        _ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from index: Int, caseInsensitive: Bool = false
    ) -> Int? {
        var position = index
        while let start = next(needle[0], in: bytes, from: position) {
            guard start + needle.count <= bytes.count else { return nil }
            var matches = true
            for offset in 1..<needle.count {
                let byte = bytes[start + offset]
                if byte != needle[offset], !(caseInsensitive && byte | 0x20 == needle[offset]) {
                    matches = false
                    break
                }
            }
            if matches { return start }
            position = start + 1
        }
        return nil
    }
}
