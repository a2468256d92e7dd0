/// A byte-order mark: the one signal that overrides every declaration,
/// because no page starts with these bytes by accident.
enum ByteOrderMark {
    /// The longest mark first, since UTF-32LE's begins with UTF-16LE's.
    private static let marks: [(bytes: [UInt8], charset: Charset)] = [
        ([0xFF, 0xFE, 0x00, 0x00], .utf32LE),
        ([0x00, 0x00, 0xFE, 0xFF], .utf32BE),
        ([0xEF, 0xBB, 0xBF], .utf8),
        ([0xFF, 0xFE], .utf16LE),
        ([0xFE, 0xFF], .utf16BE),
    ]

    /// The charset a mark at the start of `bytes` names, and the mark's length.
    static func detect(_ bytes: [UInt8]) -> (charset: Charset, length: Int)? {
        for mark in marks where bytes.starts(with: mark.bytes) {
            return (mark.charset, mark.bytes.count)
        }
        return nil
    }
}
