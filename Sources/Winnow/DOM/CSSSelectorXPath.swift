/// Writes a parsed selector as an XPath 1.0 expression.
///
/// The expression is evaluated with a subtree root as the context node and
/// selects, in document order, the elements of that subtree (the root
/// included) that the selector matches. Each selector's subject is the step
/// on `descendant-or-self::`, and everything to the left of it becomes
/// predicates looking up and back from the subject: `div > p` is
/// `descendant-or-self::p[parent::div]`. So, as with `querySelectorAll`,
/// only the subject has to be inside the subtree; the ancestors and
/// siblings that the combinators ask for may be anywhere in the document.
enum CSSSelectorXPath {
    static func expression(for list: CSSSelectorList) -> String {
        list.selectors.map { path(for: $0, axis: "descendant-or-self::") }.joined(separator: " | ")
    }

    /// The subject as a step on `axis`, with the compounds to its left
    /// nested as predicates: `p[parent::div[ancestor::main[1]]]` for
    /// `main div > p`. Built outside-in so that long chains cost linear time.
    private static func path(for selector: CSSComplexSelector, axis: String) -> String {
        let compounds = selector.compounds
        let combinators = selector.combinators
        var path = step(axis: axis, compounds[compounds.count - 1])
        var open = 0
        for index in stride(from: compounds.count - 2, through: 0, by: -1) {
            path += "[" + step(axis: relationAxis(for: combinators[index]), compounds[index])
            if nearestWitnessSuffices(combinators[index], left: index > 0 ? combinators[index - 1] : nil) {
                path += "[1]"
            }
            open += 1
        }
        path += String(repeating: "]", count: open)
        return path
    }

    /// Whether, among the ancestors (or preceding siblings) that match a
    /// compound, testing only the nearest one for the rest of the chain
    /// gives the same answer as testing them all.
    ///
    /// Without this, libxml2 tests every candidate and every candidate's
    /// candidates: `div div div div div div p` on a page of thirty nested
    /// divs took seconds. It holds when whatever satisfied the chain for a
    /// farther candidate also satisfies it for the nearer one: an ancestor of
    /// a farther ancestor is an ancestor of the nearer one too, and siblings
    /// share their parent, ancestors and earlier siblings. It fails for
    /// relations to one particular node (`>` from an ancestor, `+`), or when
    /// an ancestor's siblings matter, as in `a ~ b p`.
    private static func nearestWitnessSuffices(_ combinator: CSSCombinator, left: CSSCombinator?) -> Bool {
        switch combinator {
        case .descendant:
            return left == nil || left == .descendant
        case .subsequentSibling:
            return left != .nextSibling
        case .child, .nextSibling:
            // At most one candidate already.
            return false
        }
    }

    /// From an element to the element that the combinator relates it to.
    private static func relationAxis(for combinator: CSSCombinator) -> String {
        switch combinator {
        case .descendant: "ancestor::"
        case .child: "parent::"
        // The nearest preceding element sibling, whatever it is, must match.
        case .nextSibling: "preceding-sibling::*[1]/self::"
        case .subsequentSibling: "preceding-sibling::"
        }
    }

    private static func step(axis: String, _ compound: CSSCompoundSelector) -> String {
        var step = axis + nodeTest(compound.type)
        for condition in compound.conditions {
            step += "[" + predicate(condition) + "]"
        }
        return step
    }

    private static func nodeTest(_ type: String?) -> String {
        guard let type else { return "*" }
        return isXPathName(type) ? type : "*[name() = \(literal(type))]"
    }

    // MARK: - Conditions

    private static func predicate(_ condition: CSSCondition) -> String {
        switch condition {
        case .id(let id):
            return "@id = \(literal(id))"
        case .className(let name):
            guard !name.unicodeScalars.contains(where: isHTMLWhitespace) else { return "false()" }
            return "contains(concat(' ', normalize-space(@class), ' '), \(literal(" \(name) ")))"
        case .attribute(let attribute):
            return predicate(attribute)
        case .pseudoClass(let pseudoClass):
            return predicate(pseudoClass)
        }
    }

    private static func predicate(_ attribute: CSSAttributeSelector) -> String {
        let node = isXPathName(attribute.name) ? "@" + attribute.name : "@*[name() = \(literal(attribute.name))]"
        guard let match = attribute.match else { return node }
        guard match.ignoresCase else { return comparison(match.operator, node, match.value) }
        // Test the attribute node itself, so that a missing attribute never
        // reads as the empty string that `translate` would make of it.
        let lowered = "translate(., 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"
        return node + "[" + comparison(match.operator, lowered, CSSSelectorParser.asciiLowercased(match.value)) + "]"
    }

    /// `value` is an XPath expression for the attribute's value; with a
    /// missing attribute every comparison here is false, as CSS wants.
    private static func comparison(_ operator: CSSAttributeSelector.Operator, _ value: String, _ expected: String) -> String {
        switch `operator` {
        case .equals:
            return "\(value) = \(literal(expected))"
        case .includesWord:
            // CSS: a value that is empty or holds whitespace is no word.
            guard !expected.isEmpty, !expected.unicodeScalars.contains(where: isHTMLWhitespace) else { return "false()" }
            return "contains(concat(' ', normalize-space(\(value)), ' '), \(literal(" \(expected) ")))"
        case .dashMatch:
            return "\(value) = \(literal(expected)) or starts-with(\(value), \(literal(expected + "-")))"
        case .prefix:
            guard !expected.isEmpty else { return "false()" }
            return "starts-with(\(value), \(literal(expected)))"
        case .suffix:
            guard !expected.isEmpty else { return "false()" }
            // XPath 1.0 has no ends-with; both sides count Unicode scalars.
            let length = expected.unicodeScalars.count
            return "substring(\(value), string-length(\(value)) - \(length - 1)) = \(literal(expected))"
        case .substring:
            guard !expected.isEmpty else { return "false()" }
            return "contains(\(value), \(literal(expected)))"
        }
    }

    private static func predicate(_ pseudoClass: CSSPseudoClass) -> String {
        switch pseudoClass {
        case .not(let list):
            let alternatives = list.selectors.map { path(for: $0, axis: "self::") }
            return "not(" + alternatives.joined(separator: " or ") + ")"
        case .firstChild:
            return "not(preceding-sibling::*)"
        case .lastChild:
            return "not(following-sibling::*)"
        case .onlyChild:
            return "not(preceding-sibling::*) and not(following-sibling::*)"
        case .empty:
            // Comments do not count; text does, even whitespace (as in browsers).
            return "not(*) and not(text())"
        case .nthChild(let pattern):
            return nth(pattern, siblings: "preceding-sibling::*")
        case .nthLastChild(let pattern):
            return nth(pattern, siblings: "following-sibling::*")
        }
    }

    /// Whether the element's 1-based position, `count(siblings) + 1`, is
    /// `a * k + b` for some k ≥ 0. The parser keeps a and b below 10⁹.
    private static func nth(_ pattern: CSSNthPattern, siblings: String) -> String {
        let before = "count(\(siblings))"
        let (a, b) = (pattern.a, pattern.b)
        if a == 0 {
            return b >= 1 ? "\(before) = \(b - 1)" : "false()"
        }
        var tests: [String] = []
        if a > 0 {
            // Positions b, b + a, b + 2a, …: at least b, and b apart by a multiple of a.
            if b > 1 { tests.append("\(before) >= \(b - 1)") }
            let offset = 1 - b
            let shifted = offset == 0 ? before : offset > 0 ? "\(before) + \(offset)" : "\(before) - \(-offset)"
            if a > 1 { tests.append("(\(shifted)) mod \(a) = 0") }
        } else {
            // Positions b, b - |a|, b - 2|a|, … down to 1.
            guard b >= 1 else { return "false()" }
            tests.append("\(before) <= \(b - 1)")
            if -a > 1 { tests.append("(\(b - 1) - \(before)) mod \(-a) = 0") }
        }
        return tests.isEmpty ? "true()" : tests.joined(separator: " and ")
    }

    // MARK: - Lexical

    /// An XPath string literal for any text. XPath 1.0 has no escapes, so a
    /// text with both quote kinds is glued together with `concat`.
    static func literal(_ text: String) -> String {
        if !text.contains("'") { return "'\(text)'" }
        if !text.contains("\"") { return "\"\(text)\"" }
        let pieces = text.split(separator: "'", omittingEmptySubsequences: false).map { "'\($0)'" }
        return "concat(" + pieces.joined(separator: ", \"'\", ") + ")"
    }

    /// Names that can be written as an XPath name test as they are. Others
    /// (escaped punctuation, non-ASCII) are compared with `name()` instead,
    /// which needs no escaping.
    private static func isXPathName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic && first.isASCII || first == "_" else {
            return false
        }
        return name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_" || scalar == ".")
        }
    }

    private static func isHTMLWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\u{C}" || scalar == "\r"
    }
}
