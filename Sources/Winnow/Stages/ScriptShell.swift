/// A page whose body is an empty shell for scripts to fill, with its real
/// content in a `<noscript>` (Discourse prints a whole thread there for
/// readers and crawlers without JavaScript; some single-page apps do the
/// same). Such a `<noscript>` is the page, not a "please enable
/// JavaScript" notice: it is kept (unwrapped), where every other
/// `<noscript>` goes with the scripts.
enum ScriptShell {
    /// A shell shows less than this outside its `<noscript>`s (visible
    /// characters, scripts and styles aside): the Discourse thread pages
    /// of the development set show 0 to 208 (the site name and a login
    /// link); a page with content of its own shows its navigation alone
    /// past this.
    static let maximumOutsideChars = 500

    /// The `<noscript>` to keep, when `body` is a shell: the one with the
    /// most visible text, when that is more than the rest of the body has.
    static func content(of body: Node) -> Node? {
        var outside = 0
        var noscripts: [Node] = []
        var isShell = true
        body.walkDescendants { node in
            if node.isText {
                outside += node.ownVisibleLength
                if outside > maximumOutsideChars {
                    isShell = false
                    return .stop
                }
                return .skipChildren
            }
            guard node.isElement else { return .skipChildren }
            switch node.tag {
            case .noscript:
                noscripts.append(node)
                return .skipChildren
            case .script, .style, .template, .svg:
                return .skipChildren
            default:
                return .descend
            }
        }
        guard isShell, !noscripts.isEmpty else { return nil }
        let measured = noscripts.map { ($0, visibleChars(under: $0)) }
        guard let best = measured.max(by: { $0.1 < $1.1 }), best.1 > outside else { return nil }
        return best.0
    }

    private static func visibleChars(under node: Node) -> Int {
        var chars = 0
        node.walkDescendants { child in
            if child.isText { chars += child.ownVisibleLength }
            return child.isElement && child.tag != .script && child.tag != .style ? .descend : .skipChildren
        }
        return chars
    }
}
