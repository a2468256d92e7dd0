/// What the visible page says when neither JSON-LD nor `<meta>` tags do:
/// a byline element, a `<time>` element, the `lang` of `<html>`. Read
/// only when needed; the byline search is the one extra walk of the body.
enum PageFallbacks {
    /// Class or id words that mark a byline (matched as whole words, so
    /// `authority` and `bylines-list` do not match `author`).
    static let bylineHints = [WordHint("byline"), WordHint("author")]
    /// Class or id words of author widgets that are not a byline: the
    /// "follow this author" box, the portrait, the biography.
    static let notBylineHints = [
        WordHint("follow"), WordHint("avatar"), WordHint("bio"), WordHint("photo"), WordHint("image"),
    ]
    /// Words of an ancestor that put an element in the reader comments,
    /// whose authors are not the article's.
    static let commentHints = [WordHint("comment"), WordHint("comments"), WordHint("reply")]
    /// A byline longer than this (collapsed) is an author box or a bio.
    static let maximumBylineLength = 100
    /// A byline of more words than this is a sentence (a teaser under a
    /// "follow this author" box), not names.
    static let maximumBylineWords = 10

    // MARK: - Byline

    /// The names in the first short byline in document order: `<a
    /// rel=author>`, an element with `itemprop=author`, or one whose class
    /// or id holds a byline word. A candidate that is too long is looked
    /// into, since a short name may sit inside a long author box; a short
    /// one that holds shorter candidates (`By <span class=author>Jane
    /// Doe</span> <span class=date>…`) gives theirs, which leave out the
    /// date and the "By".
    static func bylines(in document: Document, facts: ElementFactsCache) -> [String] {
        guard let body = document.body else { return [] }
        return bylines(under: body, depth: 0, facts: facts)
    }

    /// How deep byline candidates nested in candidates are followed.
    private static let maximumBylineNesting = 4

    private static func bylines(under top: Node, depth: Int, facts: ElementFactsCache) -> [String] {
        var found: [String] = []
        top.walkDescendants { node in
            guard node.isElement else { return .skipChildren }
            switch node.tag {
            case .script, .style, .noscript, .svg, .template: return .skipChildren
            default: break
            }
            guard isBylineCandidate(node, words: facts.facts(of: node).nameWords), depth > 0 || !isInComments(node, facts: facts) else {
                return .descend
            }
            let name = AuthorNames.strip(bylineText(of: node))
            guard !name.isEmpty, name.count <= maximumBylineLength, AuthorNames.wordCount(name) <= maximumBylineWords,
                AuthorNames.looksLikeNames(name)
            else {
                // A forum post's byline says more than the name ("Post by
                // kettleworth » Sat Jan 13, 2024 6:22 pm"); forum software
                // marks the name itself `username`.
                guard let user = username(in: node, facts: facts) ?? profileLinkName(in: node) else { return .descend }
                found.append(user)
                return found.count >= AuthorNames.maximumCount || depth == 0 ? .stop : .skipChildren
            }
            let inner = depth < maximumBylineNesting ? bylines(under: node, depth: depth + 1, facts: facts) : []
            found += inner.isEmpty ? [name] : inner
            // At the top, the first byline is the article's; inside it, every one counts.
            return found.count >= AuthorNames.maximumCount || (depth == 0 && !found.isEmpty) ? .stop : .skipChildren
        }
        return found
    }

    /// The class word forum software gives the poster's name (phpBB's
    /// `a.username`, XenForo's `username`, vBulletin's `username`).
    static let usernameHint = WordHint("username")

    /// The text of the first element under `node` that `usernameHint`
    /// names, when it reads as a name.
    private static func username(in node: Node, facts: ElementFactsCache) -> String? {
        var name: String?
        node.walkDescendants { child in
            guard child.isElement else { return .skipChildren }
            guard facts.facts(of: child).nameWords.contains(usernameHint) else { return .descend }
            name = shortText(of: child)
            return .stop
        }
        return name
    }

    /// The text of the first link inside an `itemprop=author` element whose
    /// whole text is more than a name: a Q&A site's author box holds the
    /// user's reputation and badges beside the link to their profile, and
    /// the link's text is the user's name ("KumikoGoingCrAzY", not
    /// "KumikoGoingCrAzY 159 1 silver badge"). Handles need not read as
    /// names: microdata has said the element is the author.
    private static func profileLinkName(in node: Node) -> String? {
        guard node.attribute("itemprop", hasToken: "author") else { return nil }
        var name: String?
        node.walkDescendants { child in
            guard child.isElement else { return .skipChildren }
            guard child.hasName("a") else { return .descend }
            // Only the first link: a later one is in the author's
            // description ("follow me on LinkedIn").
            name = shortText(of: child)
            return .stop
        }
        return name
    }

    /// `node`'s text without a byline's "By", when it is short enough to
    /// be a name (`maximumBylineLength`, `maximumBylineWords`).
    private static func shortText(of node: Node) -> String? {
        let text = AuthorNames.strip(node.textContent)
        guard !text.isEmpty, text.count <= maximumBylineLength, AuthorNames.wordCount(text) <= maximumBylineWords else { return nil }
        return text
    }

    /// Whether `node` (whose class and id words are `words`) may be a byline.
    static func isBylineCandidate(_ node: Node, words: NameWords) -> Bool {
        if node.hasName("a"), node.attribute("rel", hasToken: "author") { return true }
        if node.attribute("itemprop", hasToken: "author") { return true }
        guard !words.isEmpty else { return false }
        return bylineHints.contains { words.contains($0) } && !notBylineHints.contains { words.contains($0) }
    }

    /// An `itemprop=author` element's `itemprop=name` child holds just the
    /// name; any other candidate's text is its whole text.
    static func bylineText(of node: Node) -> String {
        var name: String?
        node.walkDescendants { child in
            guard child.isElement else { return .skipChildren }
            guard let itemprop = child.attribute("itemprop"), itemprop.lowercased() == "name" else { return .descend }
            name = child.textContent
            return .stop
        }
        return name ?? node.textContent
    }

    static func isInComments(_ node: Node, facts: ElementFactsCache) -> Bool {
        var current: Node? = node
        while let element = current, element.isElement {
            let words = facts.facts(of: element).nameWords
            if !words.isEmpty, commentHints.contains(where: { words.contains($0) }) { return true }
            current = element.parent
        }
        return false
    }

    // MARK: - Dates

    /// The date of the first `<time pubdate>`: HTML5 drafts' mark of the
    /// publication date. Only a date that parses counts.
    static func pubdateTime(among times: [Node]) -> String? {
        for time in times where time.hasAttribute("pubdate") {
            if let date = date(of: time) { return date }
        }
        return nil
    }

    /// Whether a `<time datetime>` in the article's area, outside comments,
    /// gives a date that parses.
    static func hasArticleTime(among times: [Node], heading: Node?, articleCount: Int, facts: ElementFactsCache) -> Bool {
        times.contains { time in
            time.hasAttribute("datetime") && isInArticleArea(time, heading: heading, articleCount: articleCount)
                && !isInComments(time, facts: facts) && date(of: time) != nil
        }
    }

    /// The article's area, before any stage has located the article: the
    /// `<article>` that holds the first `<h1>`, else the `<h1>`'s parent
    /// (the usual headline-and-dateline header; its grandparent is often the
    /// whole content region, list pages included), else
    /// the page's only `<article>`. On a page of several `<article>`s and no
    /// headline inside one, the dates are the listed articles', not the page's.
    static func isInArticleArea(_ node: Node, heading: Node?, articleCount: Int) -> Bool {
        if let heading {
            if let article = heading.ancestors.first(where: { $0.hasName("article") }) { return node.isInside(article) }
            if let block = heading.parent, !block.hasName("body"), !block.hasName("html"),
                node.isInside(block)
            {
                return true
            }
        }
        return articleCount == 1 && node.ancestors.contains { $0.hasName("article") }
    }

    /// The first hAtom date of class `className` (`published`, `updated`)
    /// outside comments whose `title` parses.
    static func microformatDate(_ className: String, among elements: [Node], facts: ElementFactsCache) -> String? {
        for element in elements where element.classTokens.contains(className) && !isInComments(element, facts: facts) {
            if let title = element.attribute("title"), let date = MetadataDate.iso8601(title) { return date }
        }
        return nil
    }

    /// The first `<time>` whose `itemprop` is `property` (`datePublished`).
    static func itempropTime(_ property: String, among times: [Node]) -> String? {
        for time in times {
            guard let itemprop = time.attribute("itemprop"),
                itemprop.lowercased().split(separator: " ").contains(Substring(property.lowercased()))
            else { continue }
            if let date = date(of: time) { return date }
        }
        return nil
    }

    /// A `<time>`'s `datetime`, else its text, normalised; nil if neither parses.
    static func date(of time: Node) -> String? {
        if let value = time.attribute("datetime"), let date = MetadataDate.iso8601(value) { return date }
        return MetadataDate.iso8601(Text.collapsingWhitespace(time.textContent))
    }

    // MARK: - Language

    /// `<html lang>`, else `<html xml:lang>`.
    static func documentLanguage(_ document: Document) -> String? {
        guard let root = document.root else { return nil }
        return root.attribute("lang") ?? root.attribute("xml:lang")
    }
}
