/// Takes reader-comment sections out of the tree before the main content
/// is located, so comment text can never be scored as article text.
/// (Turning them into structured comments is the comments issue's work;
/// for now the sections are dropped and logged.)
public struct CommentSections: Stage {
    public let name = "comments"

    public init() {}

    public func run(on page: Page) throws {
        guard let body = page.document.body else { return }
        RuleApplication(page: page, stage: name, mayRemove: CommentSections.mayBeCommentSection).apply(within: body)
    }

    /// A comment section never holds the page's headline or its marked
    /// article body; an element that does is a wrapper with an unlucky
    /// class (`has-comments`), however long its comments are.
    static func mayBeCommentSection(_ node: Node) -> Bool {
        if node.hasName("body") || node.hasName("html") { return false }
        var holdsArticle = false
        node.walkDescendants { child in
            guard child.isElement, !holdsArticle else { return .skipChildren }
            if child.hasName("h1") || child.attribute("itemprop") == "articleBody" { holdsArticle = true }
            return .descend
        }
        return !holdsArticle
    }
}
