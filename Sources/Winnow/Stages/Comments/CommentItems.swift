/// Which elements of a comment section are single comments.
///
/// Marked ones first: class token `comment` (WordPress, Blogger, Drupal),
/// schema.org `Comment`, the items of a comment list. When nothing is
/// marked, the generic detector takes the longest run of sibling elements
/// that repeat one structure (tag and class) and each hold text.
enum CommentItems {
    /// List classes whose `<li>` children are comments even when the theme
    /// gives them no class (WordPress's old default theme).
    static let listHints = [WordHint("commentlist"), WordHint("comment-list"), WordHint("comments")]
    /// A repeated block shorter than this is a list of links, not comments.
    static let minimumGenericChars = 20
    /// Fewer repeats than this is no thread.
    static let minimumGenericRun = 2

    static func find(in section: Node, facts: ElementFactsCache) -> [Node] {
        find(in: [section], facts: facts)
    }

    /// Items in or among `roots`: marked comments at any depth (a root may
    /// be one itself), else the longest run of same-shaped blocks.
    static func find(in roots: [Node], facts: ElementFactsCache) -> [Node] {
        var items: [Node] = []
        for root in roots {
            if roots.count > 1, isMarkedComment(root, facts: facts) { items.append(root) }
            root.walkDescendants { node in
                guard node.isElement else { return .skipChildren }
                if isMarkedComment(node, facts: facts) { items.append(node) }
                return .descend
            }
        }
        guard items.isEmpty else { return items }
        if roots.count > 1 {
            let run = repeatedRun(among: Array(roots.dropFirst()))
            if run.count >= minimumGenericRun { return run }
        }
        return roots.map(repeatedBlocks(in:)).max { $0.count < $1.count } ?? []
    }

    /// The blocks' shape: tag and first class token (themes add per-author
    /// classes such as `by-geraldanthro` after the shared one).
    static func shape(of node: Node) -> String {
        let firstClass = node.classTokens.first ?? ""
        return node.name + "." + firstClass
    }

    /// Class words of one comment in themes that do not use a bare
    /// `comment` class (`comment_item`, `comment-entry`, `single-comment`).
    static let itemHints = [
        WordHint("comment-item"), WordHint("comment-entry"), WordHint("single-comment"), WordHint("comment-box"),
        WordHint("comment-container"), WordHint("comment-thread-item"), WordHint("commentitem"),
    ]
    /// Notices that another site linked here; WordPress lists them with the
    /// comments, but nobody wrote them to the page.
    static let linkbackHints = [WordHint("pingback"), WordHint("trackback")]
    /// Containers of sign-in and posting prompts, whose blocks repeat too.
    static let promptHints = [WordHint("form"), WordHint("login"), WordHint("respond"), WordHint("signin"), WordHint("register")]

    static func isMarkedComment(_ node: Node, facts: ElementFactsCache) -> Bool {
        if linkbackHints.contains { facts.facts(of: node).nameWords.contains($0) } { return false }
        if let type = node.attribute("itemtype"), type.hasSuffix("/Comment") { return true }
        if node.attribute("itemprop") == "comment" { return true }
        let elementFacts = facts.facts(of: node)
        if elementFacts.classes.contains(where: { $0.lowercased() == "comment" }) { return !isList(node) }
        if itemHints.contains(where: { elementFacts.nameWords.contains($0) }) { return !isList(node) }
        // Blogger's classic template: `<dl>` of `<dt>` author, `<dd
        // class="comment-body">` text, `<dd class="comment-footer">` date,
        // with nothing wrapping one comment: the body stands for it.
        if node.hasName("dd"), elementFacts.nameWords.contains(WordHint("comment-body")) { return true }
        if node.hasName("li") {
            if let id = elementFacts.id, id.hasPrefix("comment-") || id.hasPrefix("li-comment-") { return true }
            if let list = node.parent, list.hasName("ol") || list.hasName("ul") {
                let words = facts.facts(of: list).nameWords
                return listHints.contains { words.contains($0) }
            }
        }
        return false
    }

    private static func isList(_ node: Node) -> Bool {
        node.hasName("ol") || node.hasName("ul") || node.hasName("section")
    }

    /// A repeated block whose text is more than this share links is a list
    /// of stories ("most commented"), not comments.
    static let maximumGenericLinkDensity = 0.5

    /// The longest run of same-shaped siblings with text, anywhere in the
    /// section outside forms (a comment form's fields repeat too).
    static func repeatedBlocks(in section: Node) -> [Node] {
        var best: [Node] = []
        var containers = [section]
        section.walkDescendants { node in
            guard node.isElement, !node.hasName("form") else { return .skipChildren }
            let words = node.nameWords
            if promptHints.contains { words.contains($0) } || linkbackHints.contains { words.contains($0) } {
                return .skipChildren
            }
            containers.append(node)
            return .descend
        }
        let statistics = TextStatistics(root: section)
        for container in containers {
            let group = repeatedRun(among: container.children, statistics: statistics)
            if group.count >= minimumGenericRun, group.count > best.count { best = group }
        }
        return best
    }

    /// The largest group of same-shaped blocks that each hold text rather
    /// than links or form fields.
    static func repeatedRun(among blocks: [Node], statistics given: TextStatistics? = nil) -> [Node] {
        var groups: [String: [Node]] = [:]
        var shapesInOrder: [String] = []
        // Plain paragraphs repeat in every article; comments come in boxes.
        for block in blocks where !block.hasName("p") {
            let figures = given.map { $0[block] } ?? TextStatistics(root: block)[block]
            guard figures.chars >= minimumGenericChars, figures.linkDensity <= maximumGenericLinkDensity,
                figures.inputs == 0
            else { continue }
            let shape = shape(of: block)
            if groups[shape] == nil { shapesInOrder.append(shape) }
            groups[shape, default: []].append(block)
        }
        // A tie goes to the group that comes first in the page: a
        // dictionary's order changes from process to process, and so did
        // the output.
        return shapesInOrder.map { groups[$0]! }.max { $0.count < $1.count } ?? []
    }
}
