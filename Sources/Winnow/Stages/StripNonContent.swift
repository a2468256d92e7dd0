/// Drops what is never article text: scripts, styles, embedded frames and
/// vector images, form controls, and HTML comments. Runs first, so no later
/// stage counts script text as content.
public struct StripNonContent: Stage {
    public let name = "strip-non-content"

    public init() {}

    public func run(on page: Page) throws {
        guard let root = page.document.root else { return }
        var comments: [Node] = []
        root.walkDescendants { node in
            if node.isComment { comments.append(node) }
            return .descend
        }
        for comment in comments { page.remove(comment, rule: "html-comments") }
        guard let body = page.document.body else { return }
        RuleApplication(page: page, stage: name).apply(within: body)
    }
}
