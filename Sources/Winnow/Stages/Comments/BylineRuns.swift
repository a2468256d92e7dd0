import Foundation

/// Comment threads that no markup names, found by their shape: a run of
/// sibling blocks (divs, list items, table rows, `dt`/`dd` pairs,
/// paragraphs) that repeat one structure and each carry a byline, a line
/// with a name and a date or time ("Posted By: Jim Harker | 07/04/2008
/// 10:14", "Pat Ellis, Eastfield - 22/01/2008 11:02"). Older news sites
/// print threads this way under a heading that names nothing a comment
/// system would, or under none; read as article prose, their comments
/// leaked into the text with their bylines.
///
/// The bylines are found from the short dated text nodes that the comment
/// stage's walk collects (`mayHoldDate`), so no other walk of the page is
/// made. Each byline's line is the nearest block around its text. Lines
/// whose blocks repeat one shape at one depth under one container are one
/// thread:
///
/// - wrapped: each block around a byline is one comment (a `div.c` with
///   its head line and its text), when the blocks hold text beside the
///   byline;
/// - flat: the byline blocks are siblings of the text (`<p>Posted by …</p>
///   <p>text</p>`, a row of bylines then a row of text): each comment is a
///   byline and the siblings up to the next one, on the side where the
///   text is.
enum BylineRuns {
    static let rule = "comment-bylines"
    /// A byline is a short line.
    static let maximumBylineChars = CommentHeader.maximumChars
    /// A dated text node longer than this is prose, not a byline's part.
    static let maximumDatedTextBytes = 200
    /// How far above its byline a comment's block may sit (a byline in a
    /// `font` in a `td` in a `tr`).
    static let maximumItemDepth = 5
    /// Fewer comments than this is no thread when a heading or a form
    /// anchors it ("Have your say", "Comments", the comment form);
    /// without an anchor, a run of two dated blocks is too little.
    static let minimumAnchoredComments = 2
    static let minimumUnanchoredComments = 3
    /// A comment's text beside its byline: shorter is a list of dated
    /// links or a calendar.
    static let minimumCommentChars = 15
    /// The share of comments whose byline names someone (the others may
    /// be anonymous): a list of dated stories names nobody.
    static let minimumNamedShare = 0.5
    /// A run whose text is more than this share links is a list of
    /// stories or an archive, not a thread.
    static let maximumLinkDensity = 0.5
    /// The share of comments that may hold a heading: posts of a blog's
    /// front page each have one (their title), comments rarely do.
    static let maximumHeadedShare = 0.5

    /// Whether a text node's bytes may hold a date a byline prints: a
    /// digit, and a separator between digits (`07/04/2008`, `10:14`) or a
    /// month's name; short enough to be part of a line. Read in place,
    /// before any String is made: the walk asks every text node.
    static func mayBeDated(_ text: Node) -> Bool {
        guard let content = text.pointer.pointee.content else { return false }
        var count = 0
        var hasDigit = false
        var hasSeparatedDigits = false
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        while content[count] != 0 {
            let byte = content[count]
            count += 1
            if count > maximumDatedTextBytes { return false }
            let isDigit = byte >= 0x30 && byte <= 0x39
            if isDigit {
                hasDigit = true
                if beforePrevious >= 0x30, beforePrevious <= 0x39,
                    previous == UInt8(ascii: ":") || previous == UInt8(ascii: "/") || previous == UInt8(ascii: ".")
                        || previous == UInt8(ascii: "-")
                {
                    hasSeparatedDigits = true
                }
            }
            beforePrevious = previous
            previous = byte
        }
        guard hasDigit else { return false }
        if hasSeparatedDigits { return true }
        let line = String(cString: content)
        return CommentHeader.mayHoldDate(line)
    }

    /// A byline: its line's block, what the line says, and where the
    /// line stands in the page (the walk's count of nodes before it).
    struct Byline {
        var block: Node
        var header: CommentHeader
    }

    /// The line blocks of `datedTexts` that read as bylines, each once: a
    /// short line whose date gives a year or a time of day ("March 4,
    /// 2008", "10:14", "5 hours ago"; "September 4" alone is an
    /// itinerary's, not a comment's).
    static func bylines(of datedTexts: [Node]) -> [Byline] {
        var result: [Byline] = []
        var seen: Set<Node> = []
        for text in datedTexts {
            guard let block = lineBlock(of: text), seen.insert(block).inserted,
                let line = block.shortText(maximumBytes: 4 * maximumBylineChars),
                Text.visibleLength(line) <= maximumBylineLineChars,
                let header = CommentHeader(line: line), let date = header.date, isPrecise(date.text),
                // Two dates make a range ("October 2, 2025 – February 15,
                // 2026"): an event's or an exhibition's, not a byline.
                DateInText.dates(in: line).count < 2
            else { continue }
            result.append(Byline(block: block, header: header))
        }
        return result
    }

    /// A byline's line holds little beside the name and the date.
    static let maximumBylineLineChars = 100

    /// Whether a date as printed gives a year (four digits), a time of day
    /// or an age ("ago").
    static func isPrecise(_ date: String) -> Bool {
        let bytes = Array(date.utf8)
        var run = 0
        for (index, byte) in bytes.enumerated() {
            if byte >= 0x30 && byte <= 0x39 {
                run += 1
                if run == 4 { return true }
            } else {
                if byte == UInt8(ascii: ":"), run > 0, index + 1 < bytes.count, bytes[index + 1] >= 0x30, bytes[index + 1] <= 0x39 {
                    return true
                }
                run = 0
            }
        }
        return Text.containsBytes(date, "ago", ignoringASCIICase: true)
    }

    /// The nearest block around `text`: the line it is part of.
    static func lineBlock(of text: Node) -> Node? {
        var current = text.parent
        while let node = current, !HTMLVocabulary.blockTags.contains(node.tag) { current = node.parent }
        guard let block = current, !block.hasName("body"), !block.hasName("html") else { return nil }
        return block
    }

    /// One candidate thread: its container, the depth of its comments'
    /// blocks above their bylines, and the bylines.
    private struct Group {
        var container: Node
        var depth: Int
        var bylines: [Byline]
        var items: [Node]
    }

    /// The threads among `bylines` (in document order), none overlapping
    /// an element `isTaken` says is in a thread already.
    static func threads(among bylines: [Byline], page: Page, isTaken: (Node) -> Bool) -> [CommentSection] {
        guard bylines.count >= minimumAnchoredComments else { return [] }
        // Group the bylines by container, depth and the shape of the block
        // at that depth: the comments of one thread repeat all three.
        struct Key: Hashable {
            let container: Node
            let depth: Int
            let shape: String
        }
        var groups: [Key: Group] = [:]
        var order: [Key] = []
        for byline in bylines where !isTaken(byline.block) {
            var item = byline.block
            for depth in 0...maximumItemDepth {
                guard let container = item.parent, !container.hasName("html") else { break }
                let key = Key(container: container, depth: depth, shape: CommentItems.shape(of: item))
                if groups[key] == nil {
                    groups[key] = Group(container: container, depth: depth, bylines: [], items: [])
                    order.append(key)
                }
                groups[key]!.bylines.append(byline)
                if groups[key]!.items.last != item { groups[key]!.items.append(item) }
                if container.hasName("body") { break }
                item = container
            }
        }
        // A thread's comments are distinct blocks, one byline each; the
        // deepest such depth (the largest blocks) is the comment's.
        var best: [Node: Group] = [:]
        var containers: [Node] = []
        for key in order {
            let group = groups[key]!
            guard group.items.count == group.bylines.count, group.items.count >= minimumAnchoredComments else { continue }
            if let current = best[group.container], current.depth >= group.depth, current.items.count >= group.items.count {
                continue
            }
            if best[group.container] == nil { containers.append(group.container) }
            best[group.container] = group
        }
        // A byline belongs to one thread: the one with the most comments;
        // between equals, the first in the page. (A dictionary's order is
        // its keys' hashes, and a node's hash is its address: ranking its
        // values made the output change from run to run.) `sorted` is stable.
        let ranked = containers.map { best[$0]! }.sorted { ($0.items.count, $0.depth) > ($1.items.count, $1.depth) }
        var used: Set<Node> = []
        var sections: [CommentSection] = []
        for group in ranked {
            guard !group.bylines.contains(where: { used.contains($0.block) }) else { continue }
            guard let section = section(for: group, page: page) else { continue }
            used.formUnion(group.bylines.map(\.block))
            sections.append(section)
        }
        return sections
    }

    /// The thread `group` prints, when it reads as one.
    private static func section(for group: Group, page: Page) -> CommentSection? {
        guard CommentSections.mayBeCommentSection(group.container) || group.items.allSatisfy(CommentSections.mayBeCommentSection)
        else { return nil }
        let bylineChars = group.bylines.map { Text.visibleLength($0.block.textContent) }
        let itemChars = group.items.map { Text.visibleLength($0.textContent) }
        // Wrapped when each block holds text beside its byline.
        let isWrapped = group.depth > 0 && zip(itemChars, bylineChars).allSatisfy { $0 - $1 >= minimumCommentChars }
        // Quotations with their attributions are the article's.
        if isWrapped, group.items.allSatisfy({ $0.hasName("blockquote") }) { return nil }
        let comments: [[Node]]
        if isWrapped {
            comments = group.items.map { [$0] }
        } else {
            guard let flat = flatComments(of: group) else { return nil }
            comments = flat
        }
        // A sidebar's "Recent comments" lists other pages' comments.
        if let heading = comments.first?.first.flatMap(precedingHeading), isWidgetHeading(heading) { return nil }
        if comments.filter({ linksToCommentsElsewhere($0, pageURL: page.url) }).count * 2 >= comments.count { return nil }
        // Cards of other stories are headed by a link to them; a comment
        // is not.
        let bylineBlocks = Set(group.bylines.map(\.block))
        if comments.filter({ holdsHeadlineLink($0, outside: bylineBlocks) }).count * 2 >= comments.count { return nil }
        let anchor = anchorBefore(comments.first?.first)
        let isAnchored = anchor != nil || isNamedAsComments(group.container, page: page)
        // Where such runs are the page's own (a product's reviews, a
        // service's testimonials), only a thread's heading or name says
        // comments.
        guard isAnchored || page.profile.unmarkedRunsAreComments else { return nil }
        let minimum = isAnchored ? minimumAnchoredComments : minimumUnanchoredComments
        guard comments.count >= minimum else { return nil }
        let named = group.bylines.filter { $0.header.author != nil }.count
        guard Double(named) >= minimumNamedShare * Double(group.bylines.count) else { return nil }
        // Each comment says something beside its byline, in prose rather
        // than links, and under no heading of its own.
        // One comment a byline, in the same order.
        guard comments.count == group.bylines.count else { return nil }
        var headed = 0
        for (nodes, byline) in zip(comments, group.bylines) {
            var chars = 0
            var linkChars = 0
            var hasHeading = false
            for node in nodes where node.isElement {
                let figures = TextStatistics(root: node)[node]
                chars += figures.chars
                linkChars += figures.linkChars
                if !hasHeading, holdsHeading(node) { hasHeading = true }
            }
            let bylineLength = Text.visibleLength(byline.block.textContent)
            guard chars - bylineLength >= minimumCommentChars else { return nil }
            guard Double(linkChars) <= maximumLinkDensity * Double(chars) else { return nil }
            if hasHeading { headed += 1 }
        }
        guard Double(headed) <= maximumHeadedShare * Double(comments.count) else { return nil }
        var roots: [Node] = []
        if isWrapped {
            roots = group.items
        } else {
            for nodes in comments {
                guard let wrapper = page.wrap(nodes, className: FlatThread.wrapperClass) else { return nil }
                roots.append(wrapper)
            }
        }
        return CommentSection(roots: (anchor.map { [$0] } ?? []) + roots, rule: rule, isNamed: false, rootsAreComments: anchor == nil)
    }

    /// The comments of a flat thread: each byline block with its text
    /// siblings, on the side the text is. Nil when the siblings do not
    /// split that way.
    private static func flatComments(of group: Group) -> [[Node]]? {
        let siblings = group.container.childNodes.filter { $0.isElement || ($0.isText && $0.hasVisibleOwnText) }
        let marks = Set(group.items)
        let indices = siblings.indices.filter { siblings[$0].isElement && marks.contains(siblings[$0]) }
        guard let first = indices.first, let last = indices.last, indices.count >= minimumAnchoredComments else { return nil }
        // What lies between two bylines is one comment's text, whichever
        // side its byline is on; its shapes say what text looks like here.
        var bodyShapes: Set<String> = []
        for (start, end) in zip(indices, indices.dropFirst()) {
            let between = siblings[(start + 1)..<end]
            guard between.contains(where: { $0.isElement || $0.isText }) else { return nil }
            for node in between where node.isElement { bodyShapes.insert(CommentItems.shape(of: node)) }
        }
        let isBody = { (node: Node) in node.isText || (bodyShapes.contains(CommentItems.shape(of: node)) && !isFormLike(node)) }
        // Bylines open their comments when text of that shape follows the
        // last one, close them when it comes before the first.
        let opens = last + 1 < siblings.count && isBody(siblings[last + 1])
        let closes = first > 0 && isBody(siblings[first - 1])
        var comments: [[Node]] = []
        if opens || !closes {
            for (position, start) in indices.enumerated() {
                var end = position + 1 < indices.count ? indices[position + 1] : start + 1
                if position + 1 == indices.count {
                    while end < siblings.count, isBody(siblings[end]) { end += 1 }
                }
                comments.append(Array(siblings[start..<end]))
            }
        } else {
            for (position, end) in indices.enumerated() {
                var start = position > 0 ? indices[position - 1] + 1 : end
                if position == 0 {
                    while start > 0, isBody(siblings[start - 1]) { start -= 1 }
                }
                comments.append(Array(siblings[start...end]))
            }
        }
        return comments.allSatisfy { $0.count > 1 } ? comments : nil
    }

    private static func isFormLike(_ node: Node) -> Bool {
        if node.hasName("form") { return true }
        var found = false
        node.walkDescendants { child in
            guard child.isElement else { return .skipChildren }
            if child.hasName("form") || child.hasName("textarea") || child.hasName("input") {
                found = true
                return .stop
            }
            return .descend
        }
        return found
    }

    private static func holdsHeading(_ node: Node) -> Bool {
        if node.hasName("h1") || node.hasName("h2") || node.hasName("h3") { return true }
        var found = false
        node.walkDescendants { child in
            guard child.isElement else { return .skipChildren }
            if child.hasName("h1") || child.hasName("h2") || child.hasName("h3") {
                found = true
                return .stop
            }
            return .descend
        }
        return found
    }

    /// The heading that announces the thread right before its first
    /// comment ("Have your say", "Comments (12)"), climbing out of the
    /// containers the thread opens: a row, a table.
    static func anchorBefore(_ first: Node?) -> Node? {
        var current = first
        for _ in 0...maximumItemDepth {
            guard let node = current else { return nil }
            var previous = node.previousSiblingNode
            while let sibling = previous, !sibling.isElement, !(sibling.isText && sibling.hasVisibleOwnText) {
                previous = sibling.previousSiblingNode
            }
            if let sibling = previous {
                guard sibling.isElement, let text = sibling.shortText(maximumBytes: 4 * CommentCount.maximumHeadingChars) else {
                    return nil
                }
                return CommentCount.isAnnouncement(Text.collapsingWhitespace(text)) ? sibling : nil
            }
            current = node.parent
        }
        return nil
    }

    /// How many siblings back, and how many levels up, the heading above
    /// a run is looked for.
    static let headingSearchSiblings = 4
    static let headingSearchLevels = 3

    /// The nearest heading before `node`: a previous sibling that is one or
    /// ends with one, climbing a few levels.
    static func precedingHeading(_ node: Node) -> Node? {
        var current: Node? = node
        for _ in 0..<headingSearchLevels {
            guard let start = current else { return nil }
            var previous = start.previousSiblingNode
            var seen = 0
            while let sibling = previous, seen < headingSearchSiblings {
                previous = sibling.previousSiblingNode
                guard sibling.isElement else { continue }
                seen += 1
                if HTMLVocabulary.headingTags.contains(sibling.tag) { return sibling }
                if let last = lastHeading(in: sibling) { return last }
            }
            current = start.parent
        }
        return nil
    }

    private static func lastHeading(in node: Node) -> Node? {
        var found: Node?
        node.walkDescendants { child in
            guard child.isElement else { return .skipChildren }
            if HTMLVocabulary.headingTags.contains(child.tag) {
                found = child
                return .skipChildren
            }
            return .descend
        }
        return found
    }

    /// "Recent Comments", "Most commented": a widget of other pages'.
    static func isWidgetHeading(_ heading: Node) -> Bool {
        guard let text = heading.shortText(maximumBytes: 4 * CommentCount.maximumHeadingChars) else { return false }
        let words = CommentControls.lowercasedWords(of: text)
        return words.contains { $0.hasPrefix("comment") } && words.contains { CommentMarkup.widgetWords.contains(String($0)) }
    }

    /// Whether `nodes` link to a comment on another page (a widget's
    /// "Ann on Post title" links there; a comment's permalink stays on
    /// the page).
    static func linksToCommentsElsewhere(_ nodes: [Node], pageURL: String?) -> Bool {
        let pagePath = pageURL.flatMap { URLComponents(string: $0)?.path }
        for node in nodes where node.isElement {
            var found = false
            node.walkDescendants { child in
                guard child.isElement else { return .skipChildren }
                guard child.hasName("a"), let href = child.attribute("href") else { return .descend }
                guard let hash = href.firstIndex(of: "#"), href[hash...].lowercased().hasPrefix("#comment"), hash != href.startIndex,
                    let components = URLComponents(string: String(href[..<hash]))
                else { return .descend }
                if pagePath == nil || (!components.path.isEmpty && components.path != pagePath) {
                    found = true
                    return .stop
                }
                return .descend
            }
            if found { return true }
        }
        return false
    }

    /// A link with this many words or more is a headline (or a citation),
    /// not an author's name or a "Reply".
    static let minimumHeadlineLinkWords = 4

    /// Whether `nodes` hold a link to another page whose text reads as a
    /// headline, outside the byline blocks.
    static func holdsHeadlineLink(_ nodes: [Node], outside bylines: Set<Node>) -> Bool {
        for node in nodes where node.isElement && !bylines.contains(node) {
            var found = false
            node.walkDescendants { child in
                guard child.isElement else { return .skipChildren }
                if bylines.contains(child) { return .skipChildren }
                guard child.hasName("a") else { return .descend }
                guard let href = child.attribute("href"), !href.hasPrefix("#"), !href.lowercased().hasPrefix("javascript:"),
                    let text = child.shortText(maximumBytes: 600)
                else { return .skipChildren }
                let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
                if words.count >= minimumHeadlineLinkWords, !words.contains(where: { $0.hasPrefix("http") || $0.hasPrefix("www.") }) {
                    found = true
                    return .stop
                }
                return .skipChildren
            }
            if found { return true }
        }
        return false
    }

    /// Whether the container's class or id says comments.
    private static func isNamedAsComments(_ node: Node, page: Page) -> Bool {
        let facts = page.elementFacts.facts(of: node)
        return CommentMarkup.mayNameComment(facts)
    }
}
