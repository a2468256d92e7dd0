/// Drops what is never article text: scripts, styles, embedded frames and
/// vector images, form controls, and HTML comments. Runs first, so no later
/// stage counts script text as content. The one `<noscript>` that holds a
/// script shell's whole page (`ScriptShell`) is unwrapped first and kept.
public struct StripNonContent: Stage {
    public let name = "strip-non-content"

    public init() {}

    public func run(on page: Page) throws {
        guard let root = page.document.root else { return }
        let body = page.document.body
        // The body's comments go on the rules' walk, the others (in the
        // head, around the body) on this one.
        var comments: [Node] = []
        root.walkDescendants { node in
            if node.isComment { comments.append(node) }
            return node == body ? .skipChildren : .descend
        }
        for comment in comments { page.remove(comment, rule: StripNonContent.htmlCommentRule) }
        guard let body else { return }
        if let content = ScriptShell.content(of: body) { page.unwrap(content) }
        var rules = RuleApplication(page: page, stage: name)
        rules.htmlCommentRule = StripNonContent.htmlCommentRule
        rules.apply(within: body)
    }

    static let htmlCommentRule = "html-comments"
}
