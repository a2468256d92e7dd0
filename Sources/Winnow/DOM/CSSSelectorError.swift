/// Why a CSS selector in a rule could not be compiled, and where.
///
/// Rule authors see `description` in the rule loader's message, so `reason`
/// is written for them; `kind` is for code (and tests) that branch on it.
public struct CSSSelectorError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Equatable, Sendable {
        /// Nothing to select: an empty string, or an empty item in a list.
        case empty
        /// A `[`, `(` or quote that is never closed, or a stray closer.
        case unbalanced
        /// A combinator (`>`, `+`, `~`) with no compound selector on one side.
        case danglingCombinator
        case unknownPseudoClass
        /// Valid CSS that the compiler does not support (namespaces,
        /// pseudo-elements, `:nth-child(… of S)` and the like).
        case unsupported
        /// Anything else that is not a selector.
        case syntax
    }

    public let kind: Kind
    public let reason: String
    /// Where the problem starts, counted in Unicode scalars from the start
    /// of `selector` (the same as characters for ASCII selectors).
    public let offset: Int
    public let selector: String

    public init(_ kind: Kind, _ reason: String, at offset: Int, in selector: String) {
        self.kind = kind
        self.reason = reason
        self.offset = offset
        self.selector = selector
    }

    public var description: String {
        "\(reason) at offset \(offset) in CSS selector \"\(selector)\""
    }
}
