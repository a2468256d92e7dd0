/// Drops the page's frame: navigation, site header and footer, skip links,
/// breadcrumbs, menus, sidebars, cookie and consent banners. Which elements
/// those are is in the rule file; this stage only applies the rules with a
/// guard against dropping the article itself.
public struct StripBoilerplate: Stage {
    public let name = "strip-boilerplate"

    public init() {}

    public func run(on page: Page) throws {
        guard let body = page.document.body else { return }
        let guarding = ContentGuard(page: page)
        let mayRemove = { (node: Node) in
            !StripBoilerplate.isFormula(node) && guarding.mayRemove(node)
                && !StripBoilerplate.holdsArticleBody(node, facts: page.elementFacts)
        }
        RuleApplication(page: page, stage: name, exceptLayoutTokens: true, mayRemove: mayRemove).apply(within: body)
    }

    /// Whether `node` is a typeset formula: MathML's `<math>`, or MathJax 3's
    /// `<mjx-container>`, whose every formula carries the class token
    /// `CtxtMenu_Attached_N` (its context menu), a "menu" to the frame
    /// hints. A formula is the article's, never the page's frame.
    static func isFormula(_ node: Node) -> Bool {
        node.hasName("math") || node.hasName("mjx-container")
    }

    /// Class words that CMSs give the body of the article itself (not a
    /// teaser of it: `hentry` marks listed posts too).
    static let articleBodyHints = WordHintSet([
        WordHint("entry-content"), WordHint("post-body"), WordHint("article-body"), WordHint("articlebody"),
        WordHint("story-body"), WordHint("article-content"), WordHint("post-content"), WordHint("story-content"),
    ])

    /// Whether `node` is or holds the article's body as markup marks it: a
    /// frame class on a wrapper (Blogger's `div.widget.Blog` around the
    /// posts) or a frame word in its id (`div#nav-single
    /// .single-article-content`) does not make the article a sidebar.
    static func holdsArticleBody(_ node: Node, facts: ElementFactsCache) -> Bool {
        if isArticleBody(node, facts: facts) { return true }
        var found = false
        node.walkDescendants { child in
            guard child.isElement else { return .skipChildren }
            guard isArticleBody(child, facts: facts) else { return .descend }
            found = true
            return .stop
        }
        return found
    }

    private static func isArticleBody(_ node: Node, facts: ElementFactsCache) -> Bool {
        let words = facts.facts(of: node).nameWords
        return articleBodyHints.anyMatches(words)
            || node.attribute("itemprop", is: "articleBody")
    }
}
