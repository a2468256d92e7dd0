/// A run of letters and digits inside a class or id token, between its
/// `-`, `_` and other punctuation: what `NameWords` reads words from.
///
/// Generated class names carry hashes (CSS modules' `Item_item__adF2E`,
/// Closure's `jXK9ad`, page builders' `builder-e7385638587d4…35ad`,
/// Webflow's `w-variant-2a872dd3-…-0ad7-…`), and split at their digits a
/// hash yields chance words: `ad` in all four, which made the ad-slot rule
/// take a service page's features and a listing's FAQ. A hash's segment
/// gives no words.
enum NameSegment {
    /// A hash's letter runs are this short at most when one digit run
    /// splits them: CSS modules' hashes are five characters, Closure's
    /// six, while a component name with a number in it (`p23Headliner`,
    /// `Comments2Wrapper`) has a whole word on one side.
    static let longestHashLetterRun = 4

    /// Whether a byte belongs to a segment: an ASCII letter or digit, or a
    /// byte past ASCII (a letter of a non-Latin name, as `NameWords` takes it).
    @inline(__always)
    static func isPart(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || Text.isASCIIDigit(byte) || byte >= 0x80
    }

    /// Whether `token[start..<end]`, a segment, reads as a hash: ASCII
    /// letters and digits mixed, with two runs of digits or more
    /// (`e7385638587d4…`, `0ad7`), or one run of digits between short
    /// letter runs of both cases (`adF2E`, `jXK9ad`). An `x` between
    /// digits is part of a number (`ad300x250` is an ad size, not a hash).
    static func isHash(_ token: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        var digitRuns = 0
        var letterRuns = 0
        var longestLetterRun = 0
        var letterRun = 0
        var hasUpper = false
        var hasLower = false
        var previousWasDigit = false
        var index = start
        while index < end {
            let byte = token[index]
            if byte >= 0x80 { return false }
            if Text.isASCIIDigit(byte) {
                if !previousWasDigit { digitRuns += 1 }
                previousWasDigit = true
                letterRun = 0
            } else if byte | 0x20 == 0x78, previousWasDigit, index + 1 < end, Text.isASCIIDigit(token[index + 1]) {
                // 300x250: the number goes on.
            } else {
                if previousWasDigit || index == start { letterRuns += 1 }
                previousWasDigit = false
                letterRun += 1
                longestLetterRun = max(longestLetterRun, letterRun)
                if byte <= 0x5A { hasUpper = true } else { hasLower = true }
            }
            index += 1
        }
        guard digitRuns > 0, letterRuns > 0 else { return false }
        return digitRuns >= 2 || (hasUpper && hasLower && letterRuns >= 2 && longestLetterRun <= longestHashLetterRun)
    }

    /// `token` with its ASCII segments that are hashes taken out (each
    /// becomes a `-`), for splitting by Characters as the bytes are split.
    static func withoutHashes(_ token: Substring) -> Substring {
        let bytes = Array(token.utf8)
        var kept: [UInt8] = []
        kept.reserveCapacity(bytes.count)
        var changed = false
        bytes.withUnsafeBufferPointer { bytes in
            var index = 0
            while index < bytes.count {
                let start = index
                while index < bytes.count, isPart(bytes[index]) { index += 1 }
                if index > start, isHash(bytes, from: start, to: index) {
                    kept.append(0x2D)
                    changed = true
                } else {
                    kept.append(contentsOf: bytes[start..<index])
                }
                if index < bytes.count {
                    kept.append(bytes[index])
                    index += 1
                }
            }
        }
        return changed ? Substring(String(decoding: kept, as: UTF8.self)) : token
    }
}
