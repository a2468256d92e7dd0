/// Which elements of a comment thread are single comments.
///
/// Marked ones first (see `CommentMarkup`). When nothing is marked, the
/// generic detector takes the longest run of sibling elements that repeat
/// one structure (tag and class) and each hold text.
enum CommentItems {
    /// A repeated block shorter than this is a list of links, not comments.
    static let minimumGenericChars = 20
    /// Fewer repeats than this is no thread.
    static let minimumGenericRun = 2
    /// A comment wrapper holds at most this much text of its own beside
    /// the element that is the comment itself (an author line).
    static let maximumWrapperChars = 120

    /// The comments of a thread, and whether markup named them (rather
    /// than the generic detector guessing them from repetition).
    struct Found {
        var items: [Node]
        var areMarked: Bool
    }

    /// Items in or among `roots`: marked comments at any depth (a root may
    /// be one itself), else the longest run of same-shaped blocks.
    static func find(in roots: [Node], facts: ElementFactsCache) -> Found {
        var items: [Node] = []
        var linkbacks = 0
        for root in roots {
            if roots.count > 1, CommentMarkup.isItem(root, facts: facts.facts(of: root), cache: facts) { items.append(root) }
            root.walkDescendants { node in
                guard node.isElement else { return .skipChildren }
                let nodeFacts = facts.facts(of: node)
                if CommentMarkup.isLinkback(nodeFacts) {
                    linkbacks += 1
                    return .skipChildren
                }
                if CommentMarkup.isPromptContainer(node, facts: nodeFacts) { return .skipChildren }
                if CommentMarkup.isItem(node, facts: nodeFacts, cache: facts) { items.append(node) }
                return .descend
            }
        }
        guard items.isEmpty else { return Found(items: withoutBodies(items), areMarked: true) }
        // A thread of pingbacks only has no reader comment; the blocks
        // around it (the form's tabs, its notices) are not comments either.
        guard linkbacks == 0 else { return Found(items: [], areMarked: true) }
        let described = describedItems(in: roots)
        if !described.isEmpty { return Found(items: described, areMarked: true) }
        if roots.count > 1 {
            let run = repeatedRun(among: Array(roots.dropFirst()), facts: facts)
            if run.count >= minimumGenericRun { return Found(items: withNestedReplies(run), areMarked: false) }
        }
        let run = roots.map { repeatedBlocks(in: $0, facts: facts) }.max { $0.count < $1.count } ?? []
        return Found(items: withNestedReplies(run), areMarked: false)
    }

    /// The run and the blocks of the same shape nested in it: replies are
    /// printed like the comments they answer (Disqus's `li.post` in
    /// `ul.children`), so they are comments of the thread too, nested
    /// under their parents.
    static func withNestedReplies(_ run: [Node]) -> [Node] {
        guard let first = run.first else { return run }
        let runShape = shape(of: first)
        var items: [Node] = []
        for block in run {
            items.append(block)
            block.walkDescendants { node in
                guard node.isElement, !node.hasName("form") else { return .skipChildren }
                if shape(of: node) == runShape { items.append(node) }
                return .descend
            }
        }
        return items
    }

    /// A definition list whose terms are bylines ("(1) Mike says:", a date)
    /// holds one comment per description, however few: the bylines say so.
    static func describedItems(in roots: [Node]) -> [Node] {
        var items: [Node] = []
        for root in roots {
            root.walkDescendants { node in
                guard node.isElement else { return .skipChildren }
                guard node.hasName("dd") else { return .descend }
                var previous = node.previousSiblingNode
                while let sibling = previous, !sibling.isElement { previous = sibling.previousSiblingNode }
                if let term = previous, term.hasName("dt"), let header = CommentHeader(line: term.textContent),
                    header.author != nil || header.date != nil
                {
                    items.append(node)
                }
                return .skipChildren
            }
        }
        return items
    }

    /// Drops the items that are the body of the item around them: Slashdot
    /// wraps `div#comment_N` in `li.comment`, WordPress `article#div-comment-N`
    /// in `li#comment-N`. The inner one is the outer one's first item child
    /// and the outer one has no more than an author line of its own; the
    /// replies come after it, and stay replies of the outer one.
    static func withoutBodies(_ items: [Node]) -> [Node] {
        let itemSet = Set(items)
        var bodies: Set<Node> = []
        for item in items {
            guard let parent = item.parent, itemSet.contains(parent),
                parent.childNodes.first(where: { itemSet.contains($0) }) == item,
                ownTextLength(of: parent, excluding: itemSet) <= maximumWrapperChars
            else { continue }
            bodies.insert(item)
        }
        return bodies.isEmpty ? items : items.filter { !bodies.contains($0) }
    }

    /// Visible characters under `node` outside the nested `items`.
    static func ownTextLength(of node: Node, excluding items: Set<Node>) -> Int {
        var length = 0
        node.walkDescendants { child in
            if child.isText { length += child.ownVisibleLength }
            if child.isElement, items.contains(child) { return .skipChildren }
            return .descend
        }
        return length
    }

    /// The blocks' shape: tag and first class token (themes add per-author
    /// classes such as `by-geraldanthro` after the shared one), without
    /// the numbers and the odd/even words that alternate from one comment
    /// to the next (`jomentry1`, `jomentry2`; `coms_mid`, `coms_mid_alt`).
    static func shape(of node: Node) -> String {
        guard let firstClass = node.classTokens.first else { return node.name + "." }
        let words = NameWords.words(of: Substring(firstClass)).filter { !alternatingWords.contains($0) }
        return node.name + "." + words.joined(separator: "-")
    }

    static let alternatingWords: Set<String> = ["odd", "even", "alt", "first", "last"]

    /// A repeated block whose text is more than this share links is a list
    /// of stories ("most commented"), not comments.
    static let maximumGenericLinkDensity = 0.5

    /// The longest run of same-shaped siblings with text, anywhere in the
    /// section outside forms (a comment form's fields repeat too).
    static func repeatedBlocks(in section: Node, facts: ElementFactsCache) -> [Node] {
        var best: [Node] = []
        var containers = [section]
        section.walkDescendants { node in
            guard node.isElement, !node.hasName("form") else { return .skipChildren }
            let words = facts.facts(of: node).nameWords
            if CommentMarkup.promptHints.anyMatches(words) || CommentMarkup.linkbackHints.anyMatches(words) { return .skipChildren }
            containers.append(node)
            return .descend
        }
        let statistics = TextStatistics(root: section)
        for container in containers {
            let group = repeatedRun(among: container.children, facts: facts, statistics: statistics)
            if group.count >= minimumGenericRun, group.count > best.count { best = group }
        }
        return best
    }

    /// The largest group of same-shaped blocks that each hold text rather
    /// than links or form fields.
    static func repeatedRun(among blocks: [Node], facts: ElementFactsCache, statistics given: TextStatistics? = nil) -> [Node] {
        var groups: [String: [Node]] = [:]
        var order: [String] = []
        // Plain paragraphs repeat in every article; comments come in boxes.
        for block in blocks where !block.hasName("p") {
            let blockFacts = facts.facts(of: block)
            if CommentMarkup.isPromptContainer(block, facts: blockFacts) || CommentMarkup.isLinkback(blockFacts) { continue }
            let figures = given.map { $0[block] } ?? TextStatistics(root: block)[block]
            guard figures.chars >= minimumGenericChars, figures.linkDensity <= maximumGenericLinkDensity,
                figures.inputs == 0
            else { continue }
            let shape = shape(of: block)
            if groups[shape] == nil { order.append(shape) }
            groups[shape, default: []].append(block)
        }
        // The first of the largest groups: ties go to document order, so
        // the same page always gives the same thread.
        var best: [Node] = []
        for shape in order where groups[shape]!.count > best.count { best = groups[shape]! }
        return best
    }
}
