/// One token of a selector, with the span of source it came from so that
/// errors can point at it.
struct CSSToken: Equatable {
    enum Kind: Equatable {
        /// An identifier, escapes decoded: `div`, `data-x`, `-foo`.
        case ident(String)
        /// An identifier directly followed by `(`: `not(`, `nth-child(`.
        case function(String)
        /// `#` and the name after it, escapes decoded.
        case hash(String)
        /// A quoted string, quotes removed and escapes decoded.
        case string(String)
        /// A run of name characters starting with a digit, or `-` and a
        /// digit: `10`, `-1`, `2n`. Kept raw; only An+B and lenient
        /// attribute values look inside.
        case number(String)
        case whitespace
        /// Any other single character: `.`, `>`, `[`, `=`, `:`, …
        case delim(Unicode.Scalar)
    }

    let kind: Kind
    /// Offsets in Unicode scalars, `end` exclusive.
    let start: Int
    let end: Int
}

/// Splits a selector into tokens following CSS Syntax Level 3, trimmed to
/// what selectors need (no URLs, no at-keywords, no numbers with units).
///
/// Works on an array of scalars with integer offsets, which keeps every step
/// O(1) and gives error offsets for free.
struct CSSSelectorTokenizer {
    private let source: String
    private let scalars: [Unicode.Scalar]
    private var position = 0

    init(_ source: String) {
        self.source = source
        // CSS replaces NUL before tokenizing; it also must never reach
        // libxml2, which would read it as the end of the expression.
        scalars = source.unicodeScalars.map { $0 == "\0" ? "\u{FFFD}" : $0 }
    }

    /// The source between two offsets, as written (escapes not decoded).
    func text(from start: Int, to end: Int) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[max(0, start)..<min(end, scalars.count)])
        return String(view)
    }

    mutating func tokenize() throws -> [CSSToken] {
        var tokens: [CSSToken] = []
        while let token = try next() {
            tokens.append(token)
        }
        return tokens
    }

    private mutating func next() throws -> CSSToken? {
        try skipComments()
        guard let scalar = peek() else { return nil }
        let start = position

        if Self.isWhitespace(scalar) {
            while let next = peek(), Self.isWhitespace(next) {
                position += 1
            }
            // A comment between whitespace runs still reads as one gap.
            try skipComments()
            while let next = peek(), Self.isWhitespace(next) {
                position += 1
            }
            return CSSToken(kind: .whitespace, start: start, end: position)
        }
        if scalar == "\"" || scalar == "'" {
            return try string(quote: scalar)
        }
        if startsIdentifier(at: position) {
            let name = try name()
            if peek() == "(" {
                position += 1
                return CSSToken(kind: .function(name), start: start, end: position)
            }
            return CSSToken(kind: .ident(name), start: start, end: position)
        }
        if Self.isDigit(scalar) || (scalar == "-" && peek(1).map(Self.isDigit) == true) {
            position += 1
            while let next = peek(), Self.isNameCharacter(next) {
                position += 1
            }
            return CSSToken(kind: .number(text(from: start, to: position)), start: start, end: position)
        }
        if scalar == "#", startsName(at: position + 1) {
            position += 1
            return CSSToken(kind: .hash(try name()), start: start, end: position)
        }
        if scalar == "\\" {
            // Not a valid escape (a backslash before a newline or at the end).
            throw CSSSelectorError(.syntax, "a backslash must escape a character", at: start, in: source)
        }
        position += 1
        return CSSToken(kind: .delim(scalar), start: start, end: position)
    }

    // MARK: - Pieces

    private mutating func skipComments() throws {
        while peek() == "/", peek(1) == "*" {
            let start = position
            position += 2
            while position < scalars.count, !(peek() == "*" && peek(1) == "/") {
                position += 1
            }
            guard position < scalars.count else {
                throw CSSSelectorError(.unbalanced, "comment is never closed with */", at: start, in: source)
            }
            position += 2
        }
    }

    private mutating func string(quote: Unicode.Scalar) throws -> CSSToken {
        let start = position
        position += 1
        var value = String.UnicodeScalarView()
        while let scalar = peek() {
            switch scalar {
            case quote:
                position += 1
                return CSSToken(kind: .string(String(value)), start: start, end: position)
            case "\n", "\r", "\u{C}":
                throw CSSSelectorError(.unbalanced, "string is not closed before the end of the line", at: start, in: source)
            case "\\":
                if let next = peek(1), Self.isNewline(next) {
                    // An escaped newline continues the string and adds nothing.
                    position += 2
                    if next == "\r", peek() == "\n" { position += 1 }
                } else if peek(1) == nil {
                    position += 1
                } else {
                    let escapeStart = position
                    try append(escape(), to: &value, from: escapeStart)
                }
            default:
                try append(scalar, to: &value, from: position)
                position += 1
            }
        }
        throw CSSSelectorError(.unbalanced, "string is never closed with \(quote)", at: start, in: source)
    }

    /// Name characters and escapes from `position`; callers have checked
    /// that at least one is there.
    private mutating func name() throws -> String {
        var value = String.UnicodeScalarView()
        while let scalar = peek() {
            if Self.isNameCharacter(scalar) {
                value.append(scalar)
                position += 1
            } else if isValidEscape(at: position) {
                let escapeStart = position
                try append(escape(), to: &value, from: escapeStart)
            } else {
                break
            }
        }
        return String(value)
    }

    /// Decodes the escape at `position` (a backslash followed by anything
    /// but a newline).
    private mutating func escape() -> Unicode.Scalar {
        position += 1
        guard let first = peek() else { return "\u{FFFD}" }
        guard first.properties.isASCIIHexDigit else {
            position += 1
            return first
        }
        var code: UInt32 = 0
        var digits = 0
        while digits < 6, let scalar = peek(), let digit = Self.hexValue(scalar) {
            code = code * 16 + digit
            digits += 1
            position += 1
        }
        // One whitespace after a hex escape ends it and is swallowed.
        if let next = peek(), Self.isWhitespace(next) {
            position += 1
            if next == "\r", peek() == "\n" { position += 1 }
        }
        guard code != 0, let scalar = Unicode.Scalar(code) else { return "\u{FFFD}" }
        return scalar
    }

    /// XPath literals are XML text, which cannot hold most control
    /// characters; libxml2 would reject the whole expression, so the
    /// selector is refused here with a position instead.
    private func append(_ scalar: Unicode.Scalar, to value: inout String.UnicodeScalarView, from start: Int) throws {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF:
            value.append(scalar)
        default:
            let code = "U+" + String(scalar.value, radix: 16, uppercase: true)
            throw CSSSelectorError(.unsupported, "\(code) cannot appear in an XPath string", at: start, in: source)
        }
    }

    // MARK: - Look-ahead

    private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        let index = position + ahead
        return index < scalars.count ? scalars[index] : nil
    }

    private func isValidEscape(at index: Int) -> Bool {
        guard index + 1 < scalars.count, scalars[index] == "\\" else { return false }
        return !Self.isNewline(scalars[index + 1])
    }

    private func startsName(at index: Int) -> Bool {
        guard index < scalars.count else { return false }
        return Self.isNameCharacter(scalars[index]) || isValidEscape(at: index)
    }

    private func startsIdentifier(at index: Int) -> Bool {
        guard index < scalars.count else { return false }
        let first = scalars[index]
        if first == "-" {
            guard index + 1 < scalars.count else { return false }
            let second = scalars[index + 1]
            return second == "-" || Self.isNameStart(second) || isValidEscape(at: index + 1)
        }
        return Self.isNameStart(first) || isValidEscape(at: index)
    }

    // MARK: - Character classes (CSS Syntax §4.2)

    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || isNewline(scalar)
    }

    private static func isNewline(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\n" || scalar == "\r" || scalar == "\u{C}"
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar >= "0" && scalar <= "9"
    }

    private static func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
        (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || scalar == "_" || scalar.value >= 0x80
    }

    private static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        isNameStart(scalar) || isDigit(scalar) || scalar == "-"
    }

    private static func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar {
        case "0"..."9": scalar.value - 0x30
        case "a"..."f": scalar.value - 0x61 + 10
        case "A"..."F": scalar.value - 0x41 + 10
        default: nil
        }
    }
}
