/// Drops the page's frame: navigation, site header and footer, skip links,
/// breadcrumbs, menus, sidebars, cookie and consent banners. Which elements
/// those are is in the rule file; this stage only applies the rules with a
/// guard against dropping the article itself.
public struct StripBoilerplate: Stage {
    public let name = "strip-boilerplate"

    public init() {}

    public func run(on page: Page) throws {
        guard let body = page.document.body else { return }
        RuleApplication(page: page, stage: name, exceptLayoutTokens: true, mayRemove: ContentGuard(page: page).mayRemove).apply(within: body)
    }
}
