/// ASCII case folding and byte classes, for the scanners that read a
/// text's UTF-8 bytes in place of its Characters. One spelling of each, so
/// the scanners agree on what a letter's lower case and a digit are.
extension Text {
    /// The byte with an ASCII upper-case letter lowered; any other byte,
    /// past ASCII too, as it is.
    @inline(__always)
    static func lowercasedASCII(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    @inline(__always)
    static func isASCIIDigit(_ byte: UInt8) -> Bool {
        byte >= 0x30 && byte <= 0x39
    }

    /// An ASCII letter, either case (setting the case bit maps A-Z onto
    /// a-z and no other byte into it).
    @inline(__always)
    static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
    }

    /// ASCII bytes as a String, upper-case letters lowered (a word of a
    /// few bytes is stored in the String itself: nothing allocated).
    static func lowercasedASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { output in
            for index in bytes.indices { output[index] = lowercasedASCII(bytes[index]) }
            return bytes.count
        }
    }
}
