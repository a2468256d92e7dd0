/// windows-1252, the web's fallback for undeclared legacy pages and what
/// every `iso-8859-1` label really means (`\x96` is an en dash, not a C1
/// control). Decoded through a 256-entry table of ready UTF-8 sequences, so
/// a byte costs one lookup and no `String` is built.
enum Windows1252 {
    /// The characters of 0x80...0x9F, where windows-1252 and Latin-1 differ.
    /// The five unassigned bytes become U+FFFD: a C1 control in article
    /// text is invisible junk, and the replacement character is honest.
    private static let highControlRange: [Unicode.Scalar] = [
        "\u{20AC}", "\u{FFFD}", "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", "\u{FFFD}", "\u{017D}", "\u{FFFD}",
        "\u{FFFD}", "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", "\u{FFFD}", "\u{017E}", "\u{0178}",
    ]

    /// Each byte's UTF-8 sequence, packed little-end first into the low three
    /// bytes, with its length in the top byte.
    static let table: [UInt32] = (0...255).map { byte in
        let scalar: Unicode.Scalar
        switch byte {
        // libxml2 stops at a NUL, so it becomes a space (see `CharsetDecoder`).
        case 0: scalar = " "
        case 0x80...0x9F: scalar = highControlRange[byte - 0x80]
        default: scalar = Unicode.Scalar(UInt8(byte))
        }
        var packed: UInt32 = 0
        var length: UInt32 = 0
        for unit in UTF8.encode(scalar)! {
            packed |= UInt32(unit) << (8 * length)
            length += 1
        }
        return packed | length << 24
    }

    /// Whether windows-1252 leaves `byte` without a character.
    @inline(__always)
    static func isUnassigned(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x81, 0x8D, 0x8F, 0x90, 0x9D: return true
        default: return false
        }
    }

    /// The most bytes one table entry expands to.
    static let maximumSequenceLength = 3

    /// Decodes windows-1252 bytes to UTF-8.
    static func decode(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        bytes.withUnsafeBufferPointer { input in
            [UInt8](unsafeUninitializedCapacity: input.count * maximumSequenceLength) { output, count in
                table.withUnsafeBufferPointer { table in
                    var written = 0
                    for byte in input {
                        written += append(table[Int(byte)], to: output, at: written)
                    }
                    count = written
                }
            }
        }
    }

    /// Writes one packed table entry at `index`; returns its length.
    @inline(__always)
    static func append(_ entry: UInt32, to output: UnsafeMutableBufferPointer<UInt8>, at index: Int) -> Int {
        let length = Int(entry >> 24)
        output[index] = UInt8(truncatingIfNeeded: entry)
        if length > 1 { output[index + 1] = UInt8(truncatingIfNeeded: entry >> 8) }
        if length > 2 { output[index + 2] = UInt8(truncatingIfNeeded: entry >> 16) }
        return length
    }
}
