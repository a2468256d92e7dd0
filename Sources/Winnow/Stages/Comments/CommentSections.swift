/// Finds reader-comment sections: the outermost elements that a `section`
/// selector or `section-hints` word of the comments rules names.
enum CommentSections {
    static func find(in body: Node, rules: [Rule], page: Page) -> [(Node, Rule)] {
        let selectors = SelectorIndex(rules.compactMap { rule in rule.section?.simple.map { ($0, rule) } })
        let hints = HintIndex(rules.filter { !$0.sectionHints.isEmpty }.map { ($0.sectionHints, $0) })
        var found: [(Node, Rule)] = []
        // Sections named by XPath (or CSS with combinators) first.
        var viaXPath: Set<Node> = []
        for rule in rules {
            guard let section = rule.section, section.simple == nil else { continue }
            for node in section.xpath.elements(in: page.document, from: body) where mayBeCommentSection(node) {
                viaXPath.insert(node)
                found.append((node, rule))
            }
        }
        body.walkDescendants { node in
            guard node.isElement else { return .skipChildren }
            if viaXPath.contains(node) { return .skipChildren }
            let facts = page.elementFacts.facts(of: node)
            let rule =
                selectors.firstMatch(node, facts: facts)
                ?? (facts.nameWords.isEmpty ? nil : hints.firstMatch(facts.nameWords, exceptLayoutTokens: false))
            if let rule, mayBeCommentSection(node) {
                found.append((node, rule))
                return .skipChildren
            }
            return .descend
        }
        // Outermost only: a section inside another is read with it.
        return found.filter { candidate in !found.contains { $0.0 != candidate.0 && candidate.0.isInside($0.0) } }
    }

    /// A marker holds this much text at most: "Comments", "3 Responses".
    static let maximumMarkerChars = 100

    /// When `section` is only a marker (a "Comments" heading, an empty
    /// anchor) with no comment in it, the comments are the siblings after
    /// it: those up to the last one that holds comments.
    static func region(after section: Node, facts: ElementFactsCache) -> [Node] {
        // A heading or a jump target (`<a id="comments">`), never a link: a
        // "3 comments" link sits in the byline, above the article itself.
        let isMarker =
            (HTMLVocabulary.headingTags.contains(section.tag) || (section.hasName("a") && !section.hasAttribute("href")))
            && Text.visibleLength(section.textContent) <= maximumMarkerChars
        guard isMarker, CommentItems.find(in: section, facts: facts).isEmpty else { return [] }
        var siblings: [Node] = []
        var current = section.nextSiblingNode
        while let sibling = current {
            current = sibling.nextSiblingNode
            guard sibling.isElement else { continue }
            guard mayBeCommentSection(sibling) else { break }
            siblings.append(sibling)
        }
        let items = Set(CommentItems.find(in: [section] + siblings, facts: facts))
        guard !items.isEmpty else { return [] }
        guard let last = siblings.lastIndex(where: { sibling in items.contains { $0 == sibling || $0.isInside(sibling) } }) else {
            return []
        }
        return Array(siblings[...last])
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
