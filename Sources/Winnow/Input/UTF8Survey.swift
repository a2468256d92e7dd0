/// One pass over the bytes that says how UTF-8 they are: well-formed
/// multi-byte sequences, bytes that fit no sequence, and whether any NUL
/// occurs. It reads the bytes in place, eight at a time while they are
/// ASCII, because it runs on every page and most pages are ASCII markup.
struct UTF8Survey: Equatable {
    /// Well-formed sequences of two to four bytes.
    var multibyteSequences = 0
    /// Bytes that begin no well-formed sequence.
    var invalidBytes = 0
    var containsNUL = false

    var isValid: Bool { invalidBytes == 0 }
    var isASCII: Bool { multibyteSequences == 0 && invalidBytes == 0 }

    private static let wordSize = MemoryLayout<UInt64>.size
    private static let highBits: UInt64 = 0x8080_8080_8080_8080
    private static let lowBits: UInt64 = 0x0101_0101_0101_0101

    init(_ bytes: ArraySlice<UInt8>) {
        self = bytes.withUnsafeBufferPointer { UTF8Survey($0) }
    }

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        let raw = UnsafeRawBufferPointer(bytes)
        var index = 0
        while index < bytes.count {
            if index + Self.wordSize <= bytes.count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if word & Self.highBits == 0 {
                    // Nonzero exactly when some byte of the word is zero.
                    if (word &- Self.lowBits) & ~word & Self.highBits != 0 { containsNUL = true }
                    index += Self.wordSize
                    continue
                }
            }
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == 0 { containsNUL = true }
                index += 1
                continue
            }
            let length = UTF8Survey.sequenceLength(in: bytes, at: index)
            if length == 0 {
                invalidBytes += 1
                index += 1
            } else {
                multibyteSequences += 1
                index += length
            }
        }
    }

    /// Whether the bytes read as UTF-8 with a few strays, rather than as a
    /// legacy encoding in which some byte pairs happen to form UTF-8: each
    /// stray must be outweighed by `ratio` well-formed sequences. In
    /// windows-1252 text a letter like `é` is followed by ASCII and so
    /// never forms a sequence; in GBK or EUC-KR text perhaps one character
    /// in ten does, far below a ratio of one.
    func isMostlyUTF8(ratio: Int) -> Bool {
        multibyteSequences > 0 && multibyteSequences >= invalidBytes * ratio
    }

    /// The length of the well-formed UTF-8 sequence starting at `index`
    /// (whose byte is not ASCII), or 0 if none does. Overlong forms,
    /// surrogates and code points past U+10FFFF are not well formed.
    @inline(__always)
    static func sequenceLength(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let lead = bytes[index]
        let available = bytes.count - index
        @inline(__always) func isContinuation(_ offset: Int) -> Bool { bytes[index + offset] & 0xC0 == 0x80 }
        switch lead {
        case 0xC2...0xDF:
            return available >= 2 && isContinuation(1) ? 2 : 0
        case 0xE0...0xEF:
            guard available >= 3 else { return 0 }
            let second = bytes[index + 1]
            let secondFits: Bool
            switch lead {
            case 0xE0: secondFits = (0xA0...0xBF).contains(second)
            case 0xED: secondFits = (0x80...0x9F).contains(second)
            default: secondFits = second & 0xC0 == 0x80
            }
            return secondFits && isContinuation(2) ? 3 : 0
        case 0xF0...0xF4:
            guard available >= 4 else { return 0 }
            let second = bytes[index + 1]
            let secondFits: Bool
            switch lead {
            case 0xF0: secondFits = (0x90...0xBF).contains(second)
            case 0xF4: secondFits = (0x80...0x8F).contains(second)
            default: secondFits = second & 0xC0 == 0x80
            }
            return secondFits && isContinuation(2) && isContinuation(3) ? 4 : 0
        default:
            return 0
        }
    }
}
