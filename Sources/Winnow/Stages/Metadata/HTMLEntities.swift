/// Decodes the HTML character references that turn up in text libxml2 did
/// not decode: JSON-LD strings are script content, so a CMS that escapes its
/// headline for HTML (`Tom &amp; Jerry`, `It&#8217;s`) leaves the references
/// in the JSON. Attribute values and element text never need this.
enum HTMLEntities {
    /// Named references common in titles, names and descriptions. Anything
    /// else is left as written rather than guessed.
    static let named: [Substring: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
        "rsquo": "\u{2019}", "lsquo": "\u{2018}", "rdquo": "\u{201D}", "ldquo": "\u{201C}",
        "sbquo": "\u{201A}", "bdquo": "\u{201E}", "laquo": "\u{AB}", "raquo": "\u{BB}",
        "ndash": "\u{2013}", "mdash": "\u{2014}", "hellip": "\u{2026}", "middot": "\u{B7}",
        "bull": "\u{2022}", "copy": "\u{A9}", "reg": "\u{AE}", "trade": "\u{2122}",
        "eacute": "é", "egrave": "è", "aacute": "á", "agrave": "à", "iacute": "í", "oacute": "ó",
        "uacute": "ú", "ntilde": "ñ", "ccedil": "ç", "uuml": "ü", "ouml": "ö", "auml": "ä", "szlig": "ß",
    ]

    /// The longest reference name worth looking up (`&hellip;` and friends).
    private static let longestName = 8

    static func decode(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            let afterAmpersand = rest.index(after: ampersand)
            let candidate = rest[afterAmpersand...].prefix(longestName + 2)
            if let semicolon = candidate.firstIndex(of: ";"),
                let decoded = reference(rest[afterAmpersand..<semicolon])
            {
                result += decoded
                rest = rest[rest.index(after: semicolon)...]
            } else {
                result += "&"
                rest = rest[afterAmpersand...]
            }
        }
        result += rest
        return result
    }

    /// The text of one reference's body (between `&` and `;`), or nil.
    private static func reference(_ body: Substring) -> String? {
        guard let first = body.first else { return nil }
        guard first == "#" else { return named[body] }
        let digits = body.dropFirst()
        let value: UInt32?
        if digits.first == "x" || digits.first == "X" {
            value = UInt32(digits.dropFirst(), radix: 16)
        } else {
            value = UInt32(digits, radix: 10)
        }
        guard let value, value != 0, let scalar = Unicode.Scalar(value) else { return nil }
        return String(Character(scalar))
    }
}
