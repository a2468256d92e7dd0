/// Builds a `CSSSelectorList` from a selector's tokens by recursive descent:
///
///     list      = complex ( "," complex )*
///     complex   = compound ( combinator compound )*
///     compound  = ( type | "*" )? ( "#id" | ".class" | "[attr]" | ":pseudo" )*
///
/// Recursion only happens through `:not(…)`, whose nesting is capped, so no
/// input can exhaust the stack; every loop consumes a token, so none can hang.
struct CSSSelectorParser {
    /// Deeper `:not(:not(…))` than any real rule needs; the cap keeps the
    /// parser, the emitter and libxml2's own recursion limit out of reach.
    private static let maximumNesting = 16

    private let source: String
    private let tokenizer: CSSSelectorTokenizer
    private let tokens: [CSSToken]
    private var index = 0

    init(_ source: String) throws {
        self.source = source
        var tokenizer = CSSSelectorTokenizer(source)
        tokens = try tokenizer.tokenize()
        self.tokenizer = tokenizer
    }

    mutating func parse() throws -> CSSSelectorList {
        let list = try selectorList(depth: 0)
        if let token = peek() {
            // `selectorList` stops only at the end or at a `)` it cannot use.
            throw error(.unbalanced, "\(quoted(token)) without a matching '('", at: token)
        }
        return list
    }

    // MARK: - Grammar

    private mutating func selectorList(depth: Int) throws -> CSSSelectorList {
        var selectors: [CSSComplexSelector] = []
        repeat {
            skipWhitespace()
            if depth == 0, let token = peek(), token.kind == .delim(")") {
                throw error(.unbalanced, "')' without a matching '('", at: token)
            }
            guard let token = peek(), !endsSelector(token) else {
                let offset = peek()?.start ?? endOffset
                let reason = selectors.isEmpty ? "selector is empty" : "empty selector after ','"
                throw CSSSelectorError(.empty, reason, at: offset, in: source)
            }
            selectors.append(try complexSelector(depth: depth))
            skipWhitespace()
        } while consume(delim: ",")
        return CSSSelectorList(selectors: selectors)
    }

    private mutating func complexSelector(depth: Int) throws -> CSSComplexSelector {
        var compounds = [try compoundSelector(depth: depth)]
        var combinators: [CSSCombinator] = []
        while true {
            let sawWhitespace = skipWhitespace()
            guard let token = peek(), !endsSelector(token) else { break }
            let combinator: CSSCombinator
            if let explicit = Self.combinator(token) {
                index += 1
                skipWhitespace()
                combinator = explicit
                guard let next = peek(), !endsSelector(next), Self.combinator(next) == nil else {
                    throw error(.danglingCombinator, "\(quoted(token)) has no selector after it", at: token)
                }
            } else if sawWhitespace {
                combinator = .descendant
            } else {
                throw error(.syntax, "unexpected \(quoted(token))", at: token)
            }
            combinators.append(combinator)
            compounds.append(try compoundSelector(depth: depth))
        }
        return CSSComplexSelector(compounds: compounds, combinators: combinators)
    }

    private mutating func compoundSelector(depth: Int) throws -> CSSCompoundSelector {
        var compound = CSSCompoundSelector(type: nil, conditions: [])
        var isEmpty = true
        if let token = peek() {
            switch token.kind {
            case .ident(let name):
                compound.type = Self.asciiLowercased(name)
                index += 1
                isEmpty = false
            case .delim("*"):
                index += 1
                isEmpty = false
            default:
                break
            }
        }
        if let token = peek(), token.kind == .delim("|") {
            throw error(.unsupported, "namespace prefixes (ns|type) are not supported", at: token)
        }
        loop: while let token = peek() {
            switch token.kind {
            case .hash(let name):
                index += 1
                compound.conditions.append(.id(name))
            case .delim("."):
                index += 1
                guard let next = peek(), case .ident(let name) = next.kind else {
                    throw error(.syntax, "'.' must be followed by a class name", at: token)
                }
                index += 1
                compound.conditions.append(.className(name))
            case .delim("["):
                compound.conditions.append(.attribute(try attributeSelector()))
            case .delim(":"):
                compound.conditions.append(.pseudoClass(try pseudoClass(depth: depth)))
            case .whitespace, .delim(","), .delim(")"), .delim(">"), .delim("+"), .delim("~"):
                break loop
            case .delim("]"):
                throw error(.unbalanced, "']' without a matching '['", at: token)
            case .ident, .delim("*"):
                throw error(.syntax, "a type selector must come first in a compound selector", at: token)
            default:
                throw error(.syntax, "unexpected \(quoted(token))", at: token)
            }
            isEmpty = false
        }
        if isEmpty {
            guard let token = peek() else {
                throw CSSSelectorError(.syntax, "expected a selector", at: endOffset, in: source)
            }
            if Self.combinator(token) != nil {
                throw error(.danglingCombinator, "\(quoted(token)) has no selector before it", at: token)
            }
            throw error(.syntax, "expected a selector, found \(quoted(token))", at: token)
        }
        return compound
    }

    private mutating func attributeSelector() throws -> CSSAttributeSelector {
        let open = tokens[index]
        index += 1
        skipWhitespace()
        guard let nameToken = peek() else { throw unclosed(open) }
        guard case .ident(let rawName) = nameToken.kind else {
            if nameToken.kind == .delim("*") || nameToken.kind == .delim("|") {
                throw error(.unsupported, "namespace prefixes ([ns|attr]) are not supported", at: nameToken)
            }
            throw error(.syntax, "expected an attribute name after '['", at: nameToken)
        }
        index += 1
        var attribute = CSSAttributeSelector(name: Self.asciiLowercased(rawName), match: nil)
        if let bar = peek(), bar.kind == .delim("|"), peek(1)?.kind != .delim("=") {
            throw error(.unsupported, "namespace prefixes ([ns|attr]) are not supported", at: bar)
        }
        skipWhitespace()
        guard let operatorToken = peek() else { throw unclosed(open) }
        if operatorToken.kind == .delim("]") {
            index += 1
            return attribute
        }
        guard let matchOperator = attributeOperator() else {
            throw error(.syntax, "expected '=', '~=', '|=', '^=', '$=', '*=' or ']' in attribute selector", at: operatorToken)
        }
        skipWhitespace()
        guard let valueToken = peek() else { throw unclosed(open) }
        let value: String
        switch valueToken.kind {
        case .ident(let text), .string(let text), .number(let text):
            value = text
        default:
            throw error(.syntax, "expected a value (a name or a quoted string) in attribute selector", at: valueToken)
        }
        index += 1
        skipWhitespace()
        var ignoresCase = false
        if let flagToken = peek(), case .ident(let flag) = flagToken.kind {
            switch flag {
            case "i", "I": ignoresCase = true
            case "s", "S": ignoresCase = false
            default:
                throw error(.syntax, "unknown attribute selector flag '\(flag)' (only i and s exist)", at: flagToken)
            }
            index += 1
            skipWhitespace()
        }
        attribute.match = .init(operator: matchOperator, value: value, ignoresCase: ignoresCase)
        guard let close = peek() else { throw unclosed(open) }
        guard close.kind == .delim("]") else {
            throw error(.syntax, "expected ']' to close attribute selector, found \(quoted(close))", at: close)
        }
        index += 1
        return attribute
    }

    /// Consumes `=` or a two-character operator written without a gap.
    private mutating func attributeOperator() -> CSSAttributeSelector.Operator? {
        guard let first = peek(), case .delim(let scalar) = first.kind else { return nil }
        if scalar == "=" {
            index += 1
            return .equals
        }
        guard let second = peek(1), second.kind == .delim("="), second.start == first.end else { return nil }
        let result: CSSAttributeSelector.Operator
        switch scalar {
        case "~": result = .includesWord
        case "|": result = .dashMatch
        case "^": result = .prefix
        case "$": result = .suffix
        case "*": result = .substring
        default: return nil
        }
        index += 2
        return result
    }

    private mutating func pseudoClass(depth: Int) throws -> CSSPseudoClass {
        let colon = tokens[index]
        index += 1
        guard let token = peek() else {
            throw error(.syntax, "expected a pseudo-class name after ':'", at: colon)
        }
        switch token.kind {
        case .delim(":"):
            throw error(.unsupported, "pseudo-elements (::name) are not supported", at: colon)
        case .ident(let name):
            index += 1
            switch Self.asciiLowercased(name) {
            case "first-child": return .firstChild
            case "last-child": return .lastChild
            case "only-child": return .onlyChild
            case "empty": return .empty
            case "before", "after", "first-line", "first-letter":
                throw error(.unsupported, "pseudo-elements (:\(name)) are not supported", at: colon)
            default:
                throw unknownPseudoClass(":\(name)", at: colon)
            }
        case .function(let name):
            index += 1
            switch Self.asciiLowercased(name) {
            case "not":
                guard depth < Self.maximumNesting else {
                    throw error(.unsupported, ":not() is nested more than \(Self.maximumNesting) deep", at: colon)
                }
                let list = try selectorList(depth: depth + 1)
                guard consume(delim: ")") else { throw unclosed(token) }
                return .not(list)
            case "nth-child":
                return .nthChild(try nthPattern(function: token, name: name))
            case "nth-last-child":
                return .nthLastChild(try nthPattern(function: token, name: name))
            default:
                throw unknownPseudoClass(":\(name)()", at: colon)
            }
        default:
            throw error(.syntax, "expected a pseudo-class name after ':'", at: colon)
        }
    }

    /// Reads the argument of `:nth-child(` up to its `)` and parses it as
    /// An+B. The tokens are only used to find the end; the pattern is read
    /// from the source, since CSS tokenizes `2n+1` in unhelpful pieces.
    private mutating func nthPattern(function: CSSToken, name: String) throws -> CSSNthPattern {
        let start = function.end
        while true {
            guard let token = peek() else { throw unclosed(function) }
            index += 1
            switch token.kind {
            case .delim(")"):
                let text = tokenizer.text(from: start, to: token.start)
                guard let pattern = Self.nthPattern(text) else {
                    if text.split(whereSeparator: { $0 == " " }).contains(where: { $0.lowercased() == "of" }) {
                        throw error(.unsupported, "':\(name)(An+B of S)' is not supported", at: function)
                    }
                    throw error(.syntax, "':\(name)()' takes An+B: a number, odd, even or a form like 2n+1", at: function)
                }
                return pattern
            case .function, .delim("("):
                throw error(.syntax, "unexpected \(quoted(token)) in ':\(name)()'", at: token)
            default:
                continue
            }
        }
    }

    // MARK: - Helpers

    /// Parses An+B (`odd`, `even`, `5`, `-n+3`, `2n-1`, …), whitespace ignored.
    static func nthPattern(_ text: String) -> CSSNthPattern? {
        let compact = asciiLowercased(String(text.unicodeScalars.filter { !CSSSelectorTokenizer.isWhitespace($0) }))
        switch compact {
        case "odd": return CSSNthPattern(a: 2, b: 1)
        case "even": return CSSNthPattern(a: 2, b: 0)
        default: break
        }
        guard let n = compact.firstIndex(of: "n") else {
            return integer(compact).map { CSSNthPattern(a: 0, b: $0) }
        }
        let aText = compact[..<n]
        let bText = compact[compact.index(after: n)...]
        let a: Int
        switch aText {
        case "", "+": a = 1
        case "-": a = -1
        default:
            guard let value = integer(aText) else { return nil }
            a = value
        }
        guard !bText.isEmpty else { return CSSNthPattern(a: a, b: 0) }
        guard bText.first == "+" || bText.first == "-", let b = integer(bText) else { return nil }
        return CSSNthPattern(a: a, b: b)
    }

    /// An optionally signed decimal integer, small enough that the
    /// emitter's arithmetic on it cannot overflow.
    private static func integer(_ text: Substring) -> Int? {
        let digits = text.first == "+" || text.first == "-" ? text.dropFirst() : text
        guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }

    private static func integer(_ text: String) -> Int? {
        integer(Substring(text))
    }

    /// HTML names are ASCII case-insensitive, and libxml2's HTML parser
    /// stores them lower-cased; other letters must stay as written.
    static func asciiLowercased(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            scalar >= "A" && scalar <= "Z" ? Unicode.Scalar(UInt8(scalar.value + 32)) : scalar
        }))
    }

    private static func combinator(_ token: CSSToken) -> CSSCombinator? {
        switch token.kind {
        case .delim(">"): .child
        case .delim("+"): .nextSibling
        case .delim("~"): .subsequentSibling
        default: nil
        }
    }

    /// `,` and `)` end a complex selector; what follows is the caller's.
    private func endsSelector(_ token: CSSToken) -> Bool {
        token.kind == .delim(",") || token.kind == .delim(")")
    }

    private func peek(_ ahead: Int = 0) -> CSSToken? {
        index + ahead < tokens.count ? tokens[index + ahead] : nil
    }

    @discardableResult
    private mutating func skipWhitespace() -> Bool {
        guard let token = peek(), token.kind == .whitespace else { return false }
        index += 1
        return true
    }

    private mutating func consume(delim scalar: Unicode.Scalar) -> Bool {
        guard let token = peek(), token.kind == .delim(scalar) else { return false }
        index += 1
        return true
    }

    private var endOffset: Int {
        source.unicodeScalars.count
    }

    private func quoted(_ token: CSSToken) -> String {
        "'\(tokenizer.text(from: token.start, to: token.end))'"
    }

    private func error(_ kind: CSSSelectorError.Kind, _ reason: String, at token: CSSToken) -> CSSSelectorError {
        CSSSelectorError(kind, reason, at: token.start, in: source)
    }

    private func unclosed(_ opener: CSSToken) -> CSSSelectorError {
        let symbol = opener.kind == .delim("[") ? "'['" : "'('"
        return error(.unbalanced, "\(symbol) is never closed", at: opener)
    }

    private func unknownPseudoClass(_ name: String, at token: CSSToken) -> CSSSelectorError {
        error(
            .unknownPseudoClass,
            "unknown or unsupported pseudo-class '\(name)' (supported: :not(), :first-child, :last-child, "
                + ":only-child, :empty, :nth-child(), :nth-last-child())",
            at: token)
    }
}
