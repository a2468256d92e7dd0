/// Readability's "clean conditionally": inside the located article, drops
/// lists, tables and divisions whose figures say widget rather than prose:
/// mostly links, more images than text, more list items than paragraphs,
/// form fields. Thresholds are Readability.js's, calibrated as a set, unless
/// marked as ours.
struct ConditionalCleaning {
    static let candidateTags = TagSet([.div, .section, .ul, .ol, .table, .form, .fieldset, .aside])
    /// Blocks with this many commas are prose whatever else they hold.
    static let proseCommas = 10
    /// Link density allowed in a block without a positive class hint, and
    /// with one.
    static let maximumLinkDensity = 0.2
    static let maximumLinkDensityWithPositiveHint = 0.5
    /// Ours, not Readability's (which keeps every list): a list whose text
    /// is mostly links is navigation or "more stories".
    static let maximumListLinkDensity = 0.5
    /// A block this short that holds links is a widget.
    static let minimumChars = 25
    /// A block with one embed and less text than this is a player.
    static let minimumCharsBesideEmbed = 75
    /// A block that is more than this share list is judged as a list.
    static let listShare = 0.9
    /// Ours: cleaning that would take more than this share of the article's
    /// text is judging the article, not its widgets, and is skipped
    /// (listing and product pages are mostly links and short blocks).
    static let maximumRemovedShare = 0.7
    static let rule = "link-dense-or-widget"

    let page: Page
    let root: Node

    func run() {
        let statistics = page.textStatistics(under: root)
        let prose = ProseMap(root: root, statistics: statistics)
        let rootChars = statistics[root].chars
        var candidates: [Node] = []
        root.walkDescendants { node in
            guard node.isElement else { return .skipChildren }
            // Code samples are content whatever their figures say, and so
            // are a forum's posts. Not judged inside either: a short post's
            // text sits in a block that the profile box's links outweigh.
            if node.hasName("pre") || node.hasName("code") { return .skipChildren }
            if ConditionalCleaning.isThreadPost(node, facts: page.elementFacts) { return .skipChildren }
            if ConditionalCleaning.candidateTags.contains(node.tag) { candidates.append(node) }
            return .descend
        }
        // Every verdict is reached before anything is removed, so the total
        // can be checked, and only the outermost doomed blocks are removed
        // (their insides go with them).
        var doomed: Set<Node> = []
        for node in candidates where isWidget(statistics[node], node: node) {
            // Never the article's own body: most of its prose, or, on a
            // short post without long paragraphs, most of its text.
            if prose.holdsMostProse(node) { continue }
            if prose.total == 0, rootChars > 0, 2 * statistics[node].chars >= rootChars { continue }
            // Nor a block that holds a post's text as microdata marks it:
            // the vote counts, tags and user card of a Stack Exchange
            // question make the whole post look like a widget. Its widgets
            // are still judged one by one.
            if ConditionalCleaning.holdsMarkedPostText(node) { continue }
            doomed.insert(node)
        }
        guard !doomed.isEmpty else { return }
        var outermost: [Node] = []
        root.walkDescendants { node in
            guard node.isElement else { return .skipChildren }
            if doomed.contains(node) {
                outermost.append(node)
                return .skipChildren
            }
            return .descend
        }
        let removedChars = outermost.reduce(0) { $0 + statistics[$1].chars }
        if rootChars > 0, Double(removedChars) > ConditionalCleaning.maximumRemovedShare * Double(rootChars) { return }
        for node in outermost {
            // A heading right before a dropped widget is its title ("More on
            // this story" over a list of links): it goes with it.
            if let heading = ConditionalCleaning.headingJustBefore(node) { page.remove(heading, rule: ConditionalCleaning.rule) }
            page.remove(node, rule: ConditionalCleaning.rule)
        }
    }

    /// A post among posts (on a forum thread the posts are the page's
    /// content, however many links their profile boxes hold): a near sibling of the same shape is a post too
    /// (a blog's one `div.post` holds an article whose widgets still go).
    /// Only the nearest few elements either side are asked, which is where
    /// a thread's next post sits (past an ad or a divider at most); asking
    /// every sibling would make a page of many posts quadratic.
    static func isThreadPost(_ node: Node, facts: ElementFactsCache) -> Bool {
        guard isPost(facts.facts(of: node)) else { return false }
        let shape = CommentItems.shape(of: node)
        let isSamePost = { (sibling: Node) in CommentItems.shape(of: sibling) == shape && isPost(facts.facts(of: sibling)) }
        for forward in [false, true] {
            var sibling = forward ? node.nextSiblingNode : node.previousSiblingNode
            var asked = 0
            while let current = sibling, asked < nearSiblingsAsked {
                if current.isElement {
                    if isSamePost(current) { return true }
                    asked += 1
                }
                sibling = forward ? current.nextSiblingNode : current.previousSiblingNode
            }
        }
        return false
    }

    /// The schema.org types whose `itemprop=text` is a post's own text: a
    /// question-and-answer page's question and answers, a forum's posts.
    static let postTypes: [StaticString] = ["schema.org/Question", "schema.org/Answer", "schema.org/DiscussionForumPosting"]

    /// Whether an element under `node` (not `node` itself) is the `text`
    /// property of an item of one of `postTypes`. The attributes are read
    /// in place (`attribute(_:is:)`, `attribute(_:hasSuffix:)`): every
    /// element under a doomed block is asked.
    static func holdsMarkedPostText(_ node: Node) -> Bool {
        var holds = false
        node.walkDescendants { element in
            guard element.isElement else { return .skipChildren }
            if element.attribute("itemprop", is: "text"), let item = element.ancestors.first(where: { $0.hasAttribute("itemscope") }),
                postTypes.contains(where: { item.attribute("itemtype", hasSuffix: $0) })
            {
                holds = true
                return .stop
            }
            return .descend
        }
        return holds
    }

    /// How many element siblings each side `isThreadPost` looks at.
    static let nearSiblingsAsked = 3

    /// Class words of one post or message: phpBB's `post`, FluxBB's
    /// `blockpost`, XenForo's `message`.
    static func isPost(_ facts: ElementFacts) -> Bool {
        facts.nameWords.tokens.contains { words in
            guard let last = words.last else { return false }
            return last.hasSuffix("post") || last == "message" || last == "postbody"
        }
    }

    /// The heading element immediately before `node`, with only white
    /// space between them.
    static func headingJustBefore(_ node: Node) -> Node? {
        var sibling = node.previousSiblingNode
        while let current = sibling, current.isText || current.isComment {
            if current.hasVisibleOwnText { return nil }
            sibling = current.previousSiblingNode
        }
        guard let heading = sibling, heading.isElement, HTMLVocabulary.headingTags.contains(heading.tag), !heading.hasName("h1")
        else { return nil }
        return heading
    }

    private func isWidget(_ figures: TextStatistics.Figures, node: Node) -> Bool {
        let weight = ContentScoring.classWeight(of: page.elementFacts.facts(of: node).nameWords)
        if weight < 0 { return true }
        if figures.commas >= ConditionalCleaning.proseCommas { return false }
        if node.hasName("table"), ConditionalCleaning.isDataTable(node) { return false }

        let chars = figures.chars
        let isList =
            node.hasName("ul") || node.hasName("ol")
            || (chars > 0 && Double(figures.listChars) / Double(chars) > ConditionalCleaning.listShare)
        let hasFigure = figures.figures > 0
        if figures.images > 1, Double(figures.paragraphs) / Double(figures.images) < 0.5, !hasFigure { return true }
        if !isList, figures.listItems > figures.paragraphs { return true }
        if figures.inputs > figures.paragraphs / 3 { return true }
        if !isList, !hasFigure, figures.headings == 0, chars < ConditionalCleaning.minimumChars,
            figures.images == 0 || figures.images > 2, figures.linkChars > 0
        {
            return true
        }
        let allowedLinkDensity =
            isList
            ? ConditionalCleaning.maximumListLinkDensity
            : weight >= ContentScoring.classWeight
                ? ConditionalCleaning.maximumLinkDensityWithPositiveHint : ConditionalCleaning.maximumLinkDensity
        if figures.linkDensity > allowedLinkDensity { return true }
        if (figures.embeds == 1 && chars < ConditionalCleaning.minimumCharsBesideEmbed) || figures.embeds > 1 { return true }
        if figures.images == 0, chars == 0 { return true }
        return false
    }

    /// A table of data (rows of short cells, a header, a caption) rather
    /// than a layout grid.
    static func isDataTable(_ node: Node) -> Bool {
        if node.attribute("role", is: "presentation") { return false }
        var nested = false
        var rows = 0
        var hasHeaderOrCaption = false
        node.walkDescendants { child in
            guard child.isElement, !nested else { return .skipChildren }
            switch child.tag {
            case .table: nested = true
            case .tr: rows += 1
            case .th, .thead, .caption: hasHeaderOrCaption = true
            default: break
            }
            return .descend
        }
        if nested { return false }
        return hasHeaderOrCaption || rows >= 3
    }
}
