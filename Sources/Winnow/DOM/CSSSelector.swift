/// Compiles the CSS selectors that rule authors write into XPath 1.0, once,
/// when a rule set is loaded.
///
/// Supported: type selectors (ASCII case-insensitive) and `*`; `#id`,
/// `.class`; `[attr]` and `[attr=v]`, `~=`, `|=`, `^=`, `$=`, `*=`, with
/// an optional `i` flag; the combinators whitespace, `>`, `+` and `~`;
/// selector lists; `:not(list)`, `:first-child`, `:last-child`,
/// `:only-child`, `:empty`, `:nth-child(An+B)` and `:nth-last-child(An+B)`.
public enum CSSSelector {
    /// An XPath expression that, with a subtree root as the context node,
    /// selects the elements of that subtree (the root included) that `css`
    /// matches, in document order.
    ///
    /// - Throws: `CSSSelectorError` saying what is wrong and where.
    public static func xpath(for css: String) throws -> String {
        var parser = try CSSSelectorParser(css)
        return CSSSelectorXPath.expression(for: try parser.parse())
    }
}
