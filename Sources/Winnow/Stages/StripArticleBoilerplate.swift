/// Drops what sits inside the article but is not part of it: share and
/// follow bars, "Read also" links, newsletter boxes, author boxes, tag
/// lists, ad slots, disclaimers (all from the rule file), then blocks that
/// look like link lists or widgets by their figures (`ConditionalCleaning`).
public struct StripArticleBoilerplate: Stage {
    public let name = "strip-article-boilerplate"

    public init() {}

    public func run(on page: Page) throws {
        guard let main = page.mainContent ?? page.document.body else { return }
        RuleApplication(page: page, stage: name) { $0 != main }.apply(within: main)
        ConditionalCleaning(page: page, root: main).run()
    }
}
