/// Which evidence settled a page's charset.
public enum CharsetSignal: String, Sendable, Equatable {
    /// A byte-order mark at the start of the page.
    case byteOrderMark = "bom"
    /// The charset the caller was given (HTTP or WARC headers).
    case transport
    /// The page's own `<meta>` or `<?xml … encoding?>` declaration.
    case declaration
    /// The bytes themselves: they are UTF-8, whatever was declared.
    case bytes
    /// Not UTF-8 and no known declaration: the charset uchardet detected
    /// in the bytes.
    case detected
    /// Nothing usable: not UTF-8, no known declaration and no detected
    /// charset, so windows-1252.
    case fallback
}

/// A page turned into UTF-8, with what was decided on the way.
public struct DecodedPage: Sendable, Equatable {
    /// Valid UTF-8 without NUL bytes, ready for libxml2.
    public let utf8: [UInt8]
    /// The encoding the bytes were read as, by its WHATWG name
    /// (`UTF-8`, `windows-1251`, `Shift_JIS`, …).
    public let charset: String
    public let signal: CharsetSignal
    /// The page's own declaration (lowercased label), when it has one that
    /// names a known encoding, whether or not it was believed.
    public let declaredCharset: String?
    /// Bytes (or code units) that did not fit the encoding: in UTF-8, read
    /// as windows-1252; in other encodings, replaced with U+FFFD.
    public let replacedBytes: Int
}
