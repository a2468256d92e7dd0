/// Drops what sits inside the article but is not part of it: the headline
/// (it is the article's `title`), share and
/// follow bars, "Read also" links, newsletter boxes, author boxes, tag
/// lists, ad slots, disclaimers (all from the rule file), then blocks that
/// look like link lists or widgets by their figures (`ConditionalCleaning`).
public struct StripArticleBoilerplate: Stage {
    public let name = "strip-article-boilerplate"

    /// Share of the article's prose that no in-article rule may take.
    static let protectedShare = 0.25
    /// Share of the article's text that no in-article rule may take: half
    /// of an article is not a widget inside it.
    static let protectedTextShare = 0.5

    public init() {}

    /// A kicker is a few words.
    static let maximumKickerWords = 3

    /// The section label right above the headline ("Grow", "World News"):
    /// a short line that is one link, the section's. A line of words of
    /// its own there is the article's (a standfirst, a dateline).
    static func kicker(before headline: Node) -> Node? {
        var previous = headline.previousSiblingNode
        while let sibling = previous, !sibling.isElement, !sibling.hasVisibleOwnText {
            previous = sibling.previousSiblingNode
        }
        guard let candidate = previous, candidate.isElement, !HTMLVocabulary.headingTags.contains(candidate.tag) else { return nil }
        let text = Text.collapsingWhitespace(candidate.textContent)
        guard !text.isEmpty, text.split(separator: " ").count <= maximumKickerWords else { return nil }
        let links = candidate.hasName("a") ? [candidate] : candidate.descendantElements().filter { $0.hasName("a") }
        guard links.count == 1, Text.collapsingWhitespace(links[0].textContent) == text else { return nil }
        return candidate
    }

    public func run(on page: Page) throws {
        guard let main = page.mainContent ?? page.document.body else { return }
        // The guard's figures are let go before conditional cleaning asks
        // for its own: while a guard still read the page's count, the
        // cleaning could not bring that count up to date and counted the
        // body a second time, both counts held at once (about 4 times a
        // markup-dense page's size together).
        do {
            // Inside the article a quarter of its prose is already a
            // section of it: a share bar or a related-stories box holds
            // almost none.
            let guarding = ContentGuard(
                page: page, root: main, protectedShare: StripArticleBoilerplate.protectedShare,
                protectedTextShare: StripArticleBoilerplate.protectedTextShare)
            if page.profile.headlineIsTitle, let headline = Headline.find(in: main, title: page.metadata.title) {
                if page.metadata.title == nil {
                    page.metadata.title = Text.collapsingWhitespace(headline.textContent)
                }
                if let kicker = StripArticleBoilerplate.kicker(before: headline) { page.remove(kicker, rule: "section-kicker") }
                page.remove(headline, rule: "headline-in-title")
            }
            RuleApplication(page: page, stage: name) { $0 != main && guarding.mayRemove($0) }.apply(within: main)
        }
        if page.profile.cleansWidgets { ConditionalCleaning(page: page, root: main).run() }
    }
}
