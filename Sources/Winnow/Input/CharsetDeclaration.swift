/// The charset a page declares for itself, found by scanning its first bytes
/// the way the HTML standard's prescan does: before any decoding, byte by
/// byte, case-insensitive, through comments and other tags' attributes, so
/// `<meta charset = 'KOI8-R'>` and `<meta http-equiv="Content-Type"
/// content="text/html; charset=windows-1251">` are both found and a
/// `charset=` inside a comment is not. An `<?xml … encoding="…"?>` at the
/// very start counts when no `<meta>` declares anything, since browsers
/// read HTML by its `<meta>`.
struct CharsetDeclaration: Equatable {
    enum Form: Equatable {
        case meta
        case xmlDeclaration
    }

    /// The label as the page gives it, lowercased.
    let label: String
    let charset: Charset
    let form: Form

    /// How far into the page the scan looks. Declarations belong in the
    /// first 1024 bytes, but pages put scripts and styles before them.
    static let scanWindow = 4096

    /// The first declaration in `bytes` whose label names a known encoding.
    /// Declarations with unknown labels are passed over, as browsers do.
    static func find(in bytes: ArraySlice<UInt8>) -> CharsetDeclaration? {
        let window = Array(bytes.prefix(scanWindow))
        var scanner = DeclarationScanner(bytes: window)
        return scanner.firstMetaDeclaration() ?? scanner.xmlDeclaration()
    }
}

/// The byte-level scanner behind `CharsetDeclaration.find`.
private struct DeclarationScanner {
    let bytes: [UInt8]
    var position = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private static let less = UInt8(ascii: "<"), greater = UInt8(ascii: ">")
    private static let slash = UInt8(ascii: "/"), bang = UInt8(ascii: "!"), question = UInt8(ascii: "?")
    private static let equals = UInt8(ascii: "="), semicolon = UInt8(ascii: ";")
    private static let doubleQuote = UInt8(ascii: "\""), singleQuote = UInt8(ascii: "'")

    private func byte(at index: Int) -> UInt8? { index < bytes.count ? bytes[index] : nil }

    private func matches(_ text: String, at index: Int) -> Bool {
        var index = index
        for expected in text.utf8 {
            guard let actual = byte(at: index), Text.lowercasedASCII(actual) == expected else { return false }
            index += 1
        }
        return true
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    mutating func firstMetaDeclaration() -> CharsetDeclaration? {
        position = 0
        while position < bytes.count {
            if matches("<!--", at: position) {
                // The `-->` may share its dashes with the opener: `<!-->`.
                position = index(of: "-->", from: position + 2).map { $0 + 2 } ?? bytes.count
            } else if matches("<meta", at: position),
                let next = byte(at: position + 5), CharsetLabels.isWhitespace(next) || next == Self.slash
            {
                position += 5
                if let declaration = metaDeclaration() { return declaration }
                continue
            } else if bytes[position] == Self.less, let next = byte(at: position + 1),
                Self.isLetter(next) || (next == Self.slash && byte(at: position + 2).map(Self.isLetter) == true)
            {
                // Another tag: step over its name and attributes, so a `>`
                // or `<meta` inside a quoted value is not mistaken for markup.
                while position < bytes.count, !CharsetLabels.isWhitespace(bytes[position]), bytes[position] != Self.greater {
                    position += 1
                }
                while attribute() != nil {}
            } else if bytes[position] == Self.less, let next = byte(at: position + 1),
                next == Self.bang || next == Self.slash || next == Self.question
            {
                position = index(of: ">", from: position + 2) ?? bytes.count
            }
            position += 1
        }
        return nil
    }

    /// Reads the attributes of a `<meta>` whose name has been consumed and
    /// applies the standard's rules: `charset` wins, else a `content` with a
    /// charset counts only beside `http-equiv="content-type"`.
    private mutating func metaDeclaration() -> CharsetDeclaration? {
        var seen: Set<String> = []
        var gotPragma = false
        var needPragma: Bool?
        var label: String?
        while let (name, value) = attribute() {
            guard seen.insert(name).inserted else { continue }
            switch name {
            case "http-equiv":
                if value.lowercased() == "content-type" { gotPragma = true }
            case "content":
                if label == nil, let found = Self.charsetInContent(Array(value.utf8)) {
                    label = found
                    needPragma = true
                }
            case "charset":
                label = value
                needPragma = false
            default:
                break
            }
        }
        guard let needPragma, let label, !(needPragma && !gotPragma) else { return nil }
        guard var charset = Charset(label: label) else { return nil }
        // A declaration read from ASCII-compatible bytes cannot be true of
        // UTF-16, so the standard reads such pages as UTF-8.
        if charset.isUTF16 { charset = .utf8 }
        return CharsetDeclaration(label: label, charset: charset, form: .meta)
    }

    /// The next attribute of the current tag, with its name lowercased, or
    /// nil at the tag's end. Follows the standard's "get an attribute".
    private mutating func attribute() -> (name: String, value: String)? {
        while let current = byte(at: position), CharsetLabels.isWhitespace(current) || current == Self.slash {
            position += 1
        }
        guard let first = byte(at: position), first != Self.greater else { return nil }
        var name: [UInt8] = []
        var value: [UInt8] = []
        func result() -> (name: String, value: String) {
            (String(decoding: name, as: UTF8.self), String(decoding: value, as: UTF8.self))
        }
        // The name: up to `=`, whitespace, `/` or `>`; a leading `=` is
        // part of it.
        while let current = byte(at: position) {
            if current == Self.equals, !name.isEmpty { break }
            if CharsetLabels.isWhitespace(current) {
                while let next = byte(at: position), CharsetLabels.isWhitespace(next) { position += 1 }
                guard byte(at: position) == Self.equals else { return result() }
                break
            }
            if current == Self.slash || current == Self.greater { return result() }
            name.append(Text.lowercasedASCII(current))
            position += 1
        }
        guard byte(at: position) == Self.equals else { return result() }
        position += 1
        while let next = byte(at: position), CharsetLabels.isWhitespace(next) { position += 1 }
        // The value: quoted, or up to whitespace or `>`.
        guard let opening = byte(at: position) else { return result() }
        if opening == Self.doubleQuote || opening == Self.singleQuote {
            position += 1
            while let current = byte(at: position) {
                position += 1
                if current == opening { return result() }
                value.append(Text.lowercasedASCII(current))
            }
            return result()
        }
        if opening == Self.greater { return result() }
        while let current = byte(at: position), !CharsetLabels.isWhitespace(current), current != Self.greater {
            value.append(Text.lowercasedASCII(current))
            position += 1
        }
        return result()
    }

    /// The charset named in a `content` value such as
    /// `text/html; charset="koi8-r"`: the standard's "extracting a character
    /// encoding from a meta element".
    private static func charsetInContent(_ content: [UInt8]) -> String? {
        let key = Array("charset".utf8)
        var index = 0
        while index + key.count <= content.count {
            guard content[index..<index + key.count].elementsEqual(key) else {
                index += 1
                continue
            }
            index += key.count
            while index < content.count, CharsetLabels.isWhitespace(content[index]) { index += 1 }
            guard index < content.count, content[index] == equals else { continue }
            index += 1
            while index < content.count, CharsetLabels.isWhitespace(content[index]) { index += 1 }
            guard index < content.count else { return nil }
            let opening = content[index]
            if opening == doubleQuote || opening == singleQuote {
                guard let closing = content[(index + 1)...].firstIndex(of: opening) else { return nil }
                return String(decoding: content[(index + 1)..<closing], as: UTF8.self)
            }
            let end = content[index...].firstIndex { CharsetLabels.isWhitespace($0) || $0 == semicolon } ?? content.count
            return String(decoding: content[index..<end], as: UTF8.self)
        }
        return nil
    }

    /// The encoding of an `<?xml … ?>` declaration at the start of the page
    /// (after any whitespace).
    mutating func xmlDeclaration() -> CharsetDeclaration? {
        var start = 0
        while start < bytes.count, CharsetLabels.isWhitespace(bytes[start]) { start += 1 }
        guard matches("<?xml", at: start), let end = index(of: "?>", from: start) else { return nil }
        let declaration = Array(bytes[start..<end])
        guard let key = Self.index(of: Array("encoding".utf8), in: declaration) else { return nil }
        var index = key + "encoding".utf8.count
        while index < declaration.count, CharsetLabels.isWhitespace(declaration[index]) { index += 1 }
        guard index < declaration.count, declaration[index] == Self.equals else { return nil }
        index += 1
        while index < declaration.count, CharsetLabels.isWhitespace(declaration[index]) { index += 1 }
        guard index < declaration.count else { return nil }
        let opening = declaration[index]
        guard opening == Self.doubleQuote || opening == Self.singleQuote,
            let closing = declaration[(index + 1)...].firstIndex(of: opening)
        else { return nil }
        let label = String(decoding: declaration[(index + 1)..<closing].map { Text.lowercasedASCII($0) }, as: UTF8.self)
        guard var charset = Charset(label: label) else { return nil }
        if charset.isUTF16 { charset = .utf8 }
        return CharsetDeclaration(label: label, charset: charset, form: .xmlDeclaration)
    }

    private func index(of text: String, from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            if matches(text, at: index) { return index }
            index += 1
        }
        return nil
    }

    private static func index(of key: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= key.count else { return nil }
        return (0...(bytes.count - key.count)).first { bytes[$0..<$0 + key.count].elementsEqual(key) }
    }
}
