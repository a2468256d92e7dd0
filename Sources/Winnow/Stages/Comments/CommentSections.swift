/// One reader-comment thread on the page, as the elements that hold it.
struct CommentSection {
    /// A container of the comments; or a marker (a "Comments" heading, an
    /// empty `#comments` anchor) and the siblings after it; or sibling
    /// comments that nothing wraps.
    var roots: [Node]
    /// The rule that found it, for the removal log.
    var rule: String
    /// Whether a rule named it a comment section. Such a section goes even
    /// when no comment can be read from it (a "no comments yet" box); the
    /// others go only with the comments read from them.
    var isNamed: Bool
    /// Whether each root is one comment (same-shaped siblings that a
    /// section word names, one `<div class="COMMENTS">` per comment).
    var rootsAreComments = false
}

/// Finds the reader-comment threads of a page, in one walk: sections that
/// a `section` selector or `section-hints` word names, headings that
/// announce comments ("12 Comments", "4 thoughts on …"), and comments that
/// markup names one by one with nothing around them that says "section".
enum CommentSections {
    /// Rule ids for threads found without a rule of the rule file.
    static let headingRule = "comment-heading"
    static let unwrappedItemsRule = "comment-items"

    static func find(in body: Node, rules prepared: StageRules, page: Page) -> [CommentSection] {
        let selectors = prepared.sectionSelectors
        let hints = prepared.sectionHints
        var named: [(node: Node, rule: String)] = []
        // Sections named by XPath (or CSS with combinators) first.
        var viaXPath: Set<Node> = []
        for rule in prepared.rules {
            guard let section = rule.section, section.simple == nil else { continue }
            for node in section.xpath.elements(in: page.document, from: body) where mayBeCommentSection(node) {
                if viaXPath.insert(node).inserted { named.append((node, rule.id)) }
            }
        }
        var headings: [Node] = []
        var items: [Node] = []
        // Short dated texts after the headline: the bylines of threads that
        // no markup names are among them (see `BylineRuns`).
        var datedTexts: [Node] = []
        var hasPassedHeadline = false
        let headline = firstHeadline(in: body)
        body.walkDescendants { node in
            guard node.isElement else {
                if hasPassedHeadline || headline == nil, node.isText, BylineRuns.mayBeDated(node) { datedTexts.append(node) }
                return .skipChildren
            }
            if node == headline { hasPassedHeadline = true }
            if viaXPath.contains(node) { return .skipChildren }
            let facts = page.elementFacts.facts(of: node)
            // A selector names a section as plainly as XPath does (above):
            // it is one, whatever its class says (`div.comment_container`
            // around the list reads as one comment by its class alone).
            if let rule = selectors.firstMatch(node, facts: facts), mayBeCommentSection(node) {
                named.append((node, rule))
                return .skipChildren
            }
            if CommentMarkup.isPromptContainer(node, facts: facts) || CommentMarkup.isWidget(facts) { return .skipChildren }
            let rule = facts.nameWords.isEmpty ? nil : hints.firstMatch(facts.nameWords, exceptLayoutTokens: false)
            // A wrapper whose class says comment around the thread
            // (`div.comment_container` around `ol#comments`) is a section,
            // never one comment: the walk goes into it.
            let isItem = CommentMarkup.isItem(node, facts: facts, cache: page.elementFacts)
                && !isThreadWrapper(node, selectors: selectors, page: page)
            if let rule, !isItem, mayBeCommentSection(node) {
                named.append((node, rule))
                return .skipChildren
            }
            if isItem {
                items.append(node)
                return .skipChildren
            }
            // libxml2 nests what follows an unclosed heading inside it.
            if HTMLVocabulary.headingTags.contains(node.tag) { headings.append(node) }
            return .descend
        }
        // Outermost only: a section inside another is read with it.
        let outermost = named.filter { candidate in
            !named.contains { $0.node != candidate.node && candidate.node.isInside($0.node) }
        }
        var sections = merged(outermost, page: page)
        let taken = { (node: Node) in sections.contains { $0.roots.contains { node.isInside($0) } } }
        for heading in headings where !taken(heading) && CommentCount.isAnnouncement(Text.collapsingWhitespace(heading.textContent)) {
            let following = region(after: heading, page: page)
            // A heading right above a named section is that section's.
            let overlaps = following.contains { node in
                taken(node) || sections.contains { $0.roots.contains { $0.isInside(node) } }
            }
            if !following.isEmpty, !overlaps {
                sections.append(CommentSection(roots: [heading] + following, rule: headingRule, isNamed: false))
            }
        }
        // Comments that no section holds, grouped by their container;
        // same-shaped containers side by side (one `div.CommentThread`
        // per thread) are one group.
        struct GroupKey: Hashable {
            let container: Node
            let shape: String
        }
        var groups: [GroupKey: [Node]] = [:]
        var groupOrder: [GroupKey] = []
        for item in items where !taken(item) && mayBeCommentSection(item) && !linksToTheThread(item) {
            guard let container = item.parent else { continue }
            let key: GroupKey
            if let outer = container.parent, !container.hasName("body") {
                key = GroupKey(container: outer, shape: CommentItems.shape(of: container))
            } else {
                key = GroupKey(container: container, shape: "")
            }
            if groups[key] == nil { groupOrder.append(key) }
            groups[key, default: []].append(item)
        }
        for key in groupOrder {
            let group = groups[key]!
            // One element with a comment class is too little to go on,
            // unless schema.org or a numbered id says so.
            guard group.count >= 2 || CommentMarkup.isStronglyMarkedItem(group[0], facts: page.elementFacts.facts(of: group[0]))
            else { continue }
            sections.append(CommentSection(roots: group, rule: unwrappedItemsRule, isNamed: false))
        }
        // Threads that only their bylines' shape shows.
        if !datedTexts.isEmpty {
            let isTaken = { (node: Node) in sections.contains { $0.roots.contains { node == $0 || node.isInside($0) } } }
            sections += BylineRuns.threads(among: BylineRuns.bylines(of: datedTexts), page: page, isTaken: isTaken)
        }
        return sections
    }

    /// The page's first `<h1>`: a thread comes after the article's
    /// headline. Found by a walk that stops there (most pages have one
    /// near the top).
    static func firstHeadline(in body: Node) -> Node? {
        var found: Node?
        body.walkDescendants { node in
            guard node.isElement else { return .skipChildren }
            guard node.hasName("h1") else { return .descend }
            found = node
            return .stop
        }
        return found
    }

    /// Whether an element marked as one comment is a wrapper around the
    /// thread: it holds a section a selector names, or two or more
    /// comments and no text of its own outside them but headings.
    static func isThreadWrapper(_ node: Node, selectors: SelectorIndex<String>, page: Page) -> Bool {
        var inner: [Node] = []
        var holdsSection = false
        node.walkDescendants { child in
            guard child.isElement else { return .skipChildren }
            let facts = page.elementFacts.facts(of: child)
            if selectors.firstMatch(child, facts: facts) != nil {
                holdsSection = true
                return .stop
            }
            if CommentMarkup.isItem(child, facts: facts, cache: page.elementFacts) {
                inner.append(child)
                return .skipChildren
            }
            return .descend
        }
        if holdsSection { return true }
        guard inner.count >= 2 else { return false }
        var ownText = 0
        let items = Set(inner)
        node.walkDescendants { child in
            if child.isText { ownText += child.ownVisibleLength }
            if child.isElement, items.contains(child) || HTMLVocabulary.headingTags.contains(child.tag) { return .skipChildren }
            return .descend
        }
        return ownText == 0
    }

    /// Named sections, with two repairs: a section that is only a marker
    /// (a heading, an empty anchor) takes the siblings after it; and
    /// same-shaped named siblings (`<div class="COMMENTS">` per comment)
    /// are one thread whose comments they are.
    private static func merged(_ named: [(node: Node, rule: String)], page: Page) -> [CommentSection] {
        let facts = page.elementFacts
        var sections: [CommentSection] = []
        var index = 0
        while index < named.count {
            let (node, rule) = named[index]
            var run = [node]
            while index + run.count < named.count {
                let next = named[index + run.count].node
                guard next.parent == node.parent, CommentItems.shape(of: next) == CommentItems.shape(of: node) else { break }
                run.append(next)
            }
            // Siblings that hold comments of their own are sections each.
            if run.count > 1, run.contains(where: { member in
                let found = CommentItems.find(in: [member], facts: facts)
                return found.areMarked && !found.items.isEmpty
            }) {
                run = [node]
            }
            index += run.count
            if run.count > 1 {
                sections.append(CommentSection(roots: run, rule: rule, isNamed: true, rootsAreComments: true))
                continue
            }
            let marker = markerHolding(node)
            let following = marker.map { region(after: $0, page: page) } ?? []
            sections.append(CommentSection(roots: [marker ?? node] + following, rule: rule, isNamed: true))
        }
        return sections
    }

    /// A marker holds this much text at most: "Comments", "3 Responses".
    static let maximumMarkerChars = 100

    /// The marker `section` is, climbing out of a heading it sits alone
    /// in (`<h2><a id="comments"></a>Comments</h2>`); nil when it holds
    /// comments of its own.
    private static func markerHolding(_ section: Node) -> Node? {
        // A heading or a jump target (`<a id="comments">`), never a link: a
        // "3 comments" link sits in the byline, above the article itself.
        guard HTMLVocabulary.headingTags.contains(section.tag) || (section.hasName("a") && !section.hasAttribute("href")),
            Text.visibleLength(section.textContent) <= maximumMarkerChars
        else { return nil }
        var marker = section
        while marker.nextElementSibling == nil, let parent = marker.parent,
            HTMLVocabulary.headingTags.contains(parent.tag) || marker.hasName("a") && !parent.hasName("body"),
            Text.visibleLength(parent.textContent) <= maximumMarkerChars
        {
            marker = parent
        }
        return marker
    }

    /// The siblings after a marker that hold the comments: those up to the
    /// last one that holds comments (none when none does). A thread printed
    /// as a flat run of paragraphs is grouped first, one element a comment
    /// (see `FlatThread`).
    static func region(after marker: Node, page: Page) -> [Node] {
        var siblings: [Node] = []
        var current = marker.nextSiblingNode
        while let sibling = current {
            current = sibling.nextSiblingNode
            if sibling.isElement, !mayBeCommentSection(sibling) { break }
            if sibling.isElement || sibling.isText { siblings.append(sibling) }
        }
        var elements = siblings.filter(\.isElement)
        guard !elements.isEmpty else { return [] }
        var items = Set(CommentItems.find(in: [marker] + elements, facts: page.elementFacts).items)
        if items.isEmpty {
            let runs = FlatThread.comments(in: siblings)
            elements = runs.compactMap { page.wrap($0, className: FlatThread.wrapperClass) }
            items = Set(elements)
        }
        guard var last = elements.lastIndex(where: { element in items.contains { $0 == element || $0.isInside(element) } }) else {
            return []
        }
        // The thread's footer lines ("Comments are closed", "12 shares")
        // go with it, dropped as controls.
        while last + 1 < elements.count, isControlBlock(elements[last + 1]) { last += 1 }
        return Array(elements[...last])
    }

    /// Whether `node` is a short block that is one of the comment
    /// system's controls (see `CommentControls`).
    static func isControlBlock(_ node: Node) -> Bool {
        guard node.isElement, let text = node.shortText(maximumBytes: 4 * CommentControls.maximumChars) else { return false }
        return CommentControls.isControl(Text.collapsingWhitespace(text))
    }

    /// Whether `node` links to the page's comment section ("Leave a
    /// comment", "4 Comments"): a post's byline does, a comment never
    /// does (its "Reply" link goes to the form, `#respond`).
    static func linksToTheThread(_ node: Node) -> Bool {
        var found = false
        node.walkDescendants { child in
            guard child.isElement, !found else { return .skipChildren }
            if child.hasName("a"), let href = child.attribute("href"), href.hasSuffix("#comments") { found = true }
            return .descend
        }
        return found
    }

    /// A comment section never holds the page's headline or its marked
    /// article body; an element that does is a wrapper with an unlucky
    /// class (`has-comments`), however long its comments are.
    static func mayBeCommentSection(_ node: Node) -> Bool {
        if node.hasName("body") || node.hasName("html") { return false }
        var holdsArticle = false
        node.walkDescendants { child in
            guard child.isElement, !holdsArticle else { return .skipChildren }
            if child.hasName("h1") || child.attribute("itemprop", is: "articleBody") { holdsArticle = true }
            return .descend
        }
        return !holdsArticle
    }
}

extension Node {
    /// The node's text when it has at most `maximumBytes` bytes of it
    /// (white space included); nil for a longer one, which is not read
    /// further.
    func shortText(maximumBytes: Int) -> String? {
        var bytes: [UInt8] = []
        var isShort = true
        walkDescendants { child in
            guard child.isText else { return .descend }
            if let content = child.pointer.pointee.content {
                var index = 0
                while content[index] != 0 {
                    bytes.append(content[index])
                    index += 1
                    if bytes.count > maximumBytes {
                        isShort = false
                        return .stop
                    }
                }
            }
            return .skipChildren
        }
        return isShort ? String(decoding: bytes, as: UTF8.self) : nil
    }

    /// The next sibling that is an element.
    var nextElementSibling: Node? {
        var current = nextSiblingNode
        while let sibling = current, !sibling.isElement { current = sibling.nextSiblingNode }
        return current
    }
}
