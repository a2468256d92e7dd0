/// The parsed form of a selector: what the parser builds and the XPath
/// emitter reads. Names follow Selectors Level 4.

/// `a, b, c`: matches what any of its selectors matches.
struct CSSSelectorList: Equatable {
    var selectors: [CSSComplexSelector]
}

/// Compound selectors joined by combinators, read left to right:
/// `compounds[i]` and `compounds[i + 1]` are joined by `combinators[i]`.
/// The last compound is the subject, the element the selector matches.
struct CSSComplexSelector: Equatable {
    var compounds: [CSSCompoundSelector]
    var combinators: [CSSCombinator]
}

enum CSSCombinator: Equatable {
    /// Whitespace.
    case descendant
    /// `>`
    case child
    /// `+`
    case nextSibling
    /// `~`
    case subsequentSibling
}

/// `div.a#b[c]:not(d)`: conditions on one element.
struct CSSCompoundSelector: Equatable {
    /// Lower-cased; `nil` is `*` (or no type written at all).
    var type: String?
    var conditions: [CSSCondition]
}

enum CSSCondition: Equatable {
    case id(String)
    case className(String)
    case attribute(CSSAttributeSelector)
    case pseudoClass(CSSPseudoClass)
}

struct CSSAttributeSelector: Equatable {
    enum Operator: Equatable {
        /// `=`
        case equals
        /// `~=`
        case includesWord
        /// `|=`
        case dashMatch
        /// `^=`
        case prefix
        /// `$=`
        case suffix
        /// `*=`
        case substring
    }

    struct Match: Equatable {
        var `operator`: Operator
        var value: String
        /// The `i` flag: compare ASCII letters without regard to case.
        var ignoresCase: Bool
    }

    /// Lower-cased.
    var name: String
    /// `nil` for `[name]`, which only asks that the attribute exists.
    var match: Match?
}

enum CSSPseudoClass: Equatable {
    case not(CSSSelectorList)
    case firstChild
    case lastChild
    case onlyChild
    case empty
    case nthChild(CSSNthPattern)
    case nthLastChild(CSSNthPattern)
}

/// `An+B`: the positions `a * k + b` for k = 0, 1, 2, …, counted from 1.
struct CSSNthPattern: Equatable {
    var a: Int
    var b: Int
}
