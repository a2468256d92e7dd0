/// A page going through the pipeline: the parsed document, what is known
/// about it, what the stages have found so far, and the removal log.
///
/// A `Page` belongs to one task at a time; it is not shared across threads.
public final class Page {
    public let document: Document
    public let url: String?
    /// The host that host-scoped rules are matched against, lower-cased:
    /// the URL's, else (`scopeRules(toURL:)`) the canonical URL's.
    public private(set) var host: String?
    /// The rules in force on this page (narrowed to its URL).
    public private(set) var rules: RuleSet
    public let options: CleanerOptions
    /// The rule set before it was narrowed to the page's URL: narrowed
    /// again when the page's address is learnt from the page itself.
    var unnarrowedRules: RuleSet?
    /// What relative URLs resolve against (set by the metadata stage).
    public var address: PageAddress

    /// Element facts shared by the stages' walks.
    let elementFacts = ElementFactsCache()
    /// The user patterns that ran out of their match budget on this page.
    let patternTrips = PatternTrips()

    /// The last count of the body (or of whatever root was asked for
    /// outside it), the document's edit count then, and the nodes removed
    /// since; and the most nodes any count found.
    private var lastCounts: TextCounts?
    private var lastCountsEditCount = 0
    private var removedSinceCounts: [Node] = []
    private var largestCount: Int?

    /// Text figures of the subtree under `root`, as they stand now.
    ///
    /// Stages ask for them over the body, or over the article in it, one
    /// after another, with removals in between. So the body is counted,
    /// and the figures of any subtree in it are read from that count.
    /// The count is reused while nothing changes; after removals alone,
    /// and with no one still reading it (a stage that does keeps the
    /// figures it asked for), it is brought up to date; otherwise the body
    /// is counted anew, in lists sized by the largest count so far (the
    /// tree only loses nodes, save a few wrappers) rather than by a walk
    /// of their own.
    func textStatistics(under root: Node) -> TextStatistics {
        if lastCounts != nil, let statistics = currentStatistics(under: root) { return statistics }
        lastCounts = nil
        let countsRoot = document.body.flatMap { root.isInside($0) ? $0 : nil } ?? root
        let counts = TextCounts(root: countsRoot, expectedCount: largestCount)
        largestCount = max(largestCount ?? 0, counts.count)
        lastCounts = counts
        lastCountsEditCount = document.editCount
        removedSinceCounts = []
        // Nil only for a root that is neither element nor text.
        return TextStatistics(subtree: root, of: counts) ?? TextStatistics(root: root)
    }

    /// Lets go of the last count: a stage after which no stage asks for
    /// text figures calls it before it builds strings of its own (for a
    /// page of prose the count is about half the page's size). A later
    /// question counts anew.
    func releaseTextCounts() {
        lastCounts = nil
        removedSinceCounts = []
    }

    /// The figures under `root` from the last count, brought up to date;
    /// nil when that cannot be done.
    private func currentStatistics(under root: Node) -> TextStatistics? {
        let edits = document.editCount - lastCountsEditCount
        if edits > 0 {
            guard edits == removedSinceCounts.count, isKnownUniquelyReferenced(&lastCounts!),
                lastCounts!.applyRemovals(removedSinceCounts)
            else { return nil }
            lastCountsEditCount = document.editCount
            removedSinceCounts = []
        }
        return TextStatistics(subtree: root, of: lastCounts!)
    }

    /// The stage now running, for the removal log.
    var currentStage: String = ""
    /// What was removed, by which stage and rule. Excerpts and character
    /// counts are read only when asked for (`--explain`): removed subtrees
    /// stay alive, unchanged, until the document goes away, and most runs
    /// never look at them.
    public var removals: [Removal] {
        removed.map { Page.removal(of: $0.node, stage: $0.stage, rule: $0.rule) }
    }
    /// The removed nodes, parallel to `removals` (the explain report finds
    /// them again in its own parse).
    var removedNodes: [Node] { removed.map(\.node) }
    private var removed: [(node: Node, stage: String, rule: String)] = []

    /// Filled by the metadata stage.
    public var metadata = Metadata()
    /// The schema.org types the page's JSON-LD declares (lower case, in
    /// order, each once) and its `og:type`: read by the metadata stage for
    /// the page-type stage.
    public var structuredDataTypes: [String] = []
    public var openGraphType: String?
    /// Whether the page states its publication date in markup: JSON-LD,
    /// `<meta>`, `itemprop`, hAtom, or a `<time>` in the article's area.
    /// Evidence for the page-type model, which was fitted on it (the
    /// dates a page only shows, or its URL gives, are not: `published`
    /// holds them too).
    public var statesPublication = false
    /// The description the structured data gives the page's product.
    public var structuredProductDescription: String?
    /// Whether `metadata.authors` came from a byline on the visible page
    /// (no JSON-LD, `<meta>` or Twitter label named an author): on some
    /// types of page such a name is an item's, not the page's.
    var authorsAreVisibleBylines = false
    /// What kind of page this is (`CleanerOptions.pageType`, else the
    /// page-type stage's decision), and the evidence for it, strongest
    /// first, for `--explain`.
    public var pageType: PageType = .article
    public var pageTypeEvidence: [String] = []
    /// The element judged to hold the article, once located.
    public var mainContent: Node?
    /// Why that element: the markup rule that named it, or the scores of
    /// the best candidates, and how the two were weighed. Filled only when
    /// explanations were asked for (`CleanerOptions.explain`).
    public var mainContentEvidence: [String] = []
    /// Reader comments found by the comments stage.
    public var comments: [Comment] = []
    /// Comments the page states as data (JSON-LD), read by the metadata
    /// stage; the comments stage falls back on them when the markup shows
    /// none.
    public var structuredComments: [Comment] = []
    public var structuredCommentCount: Int?
    public var commentCount: Int?
    /// The built article, set by the last stage.
    public var blocks: [Block] = []
    /// The links of the blocks' text, when kept (`CleanerOptions.keepsLinks`).
    public var links: [ArticleLink] = []

    public init(document: Document, url: String?, rules: RuleSet, options: CleanerOptions) {
        self.document = document
        self.url = url
        self.host = url.flatMap(Page.host(of:))
        self.rules = rules
        self.options = options
        self.address = PageAddress(base: url)
    }

    /// Scopes the rules to `url`, the page's address as the page itself
    /// states it (its canonical URL), when the caller gave none: a site's
    /// rules then apply to its saved pages too.
    func scopeRules(toURL url: String) {
        guard self.url == nil, let unnarrowedRules, unnarrowedRules.isScopedByAddress,
            let host = Page.host(of: url)
        else { return }
        self.host = host
        rules = unnarrowedRules.narrowed(toURL: url, host: host)
    }

    /// Removes `node` and its subtree from the tree, logging the stage, the
    /// rule and what was lost. The only way a stage takes nodes out.
    public func remove(_ node: Node, rule: String) {
        guard node.isAttached else { return }
        remove(attached: node, rule: rule)
    }

    /// `remove(_:rule:)` for a node the caller knows to be in the tree
    /// (reached by a walk of the live tree, or just checked). Asking
    /// walks up to the document, so removal cost the node's depth: a page
    /// 20 000 elements deep with 40 000 hidden elements took 10^9 steps.
    func remove(attached node: Node, rule: String) {
        assert(node.isAttached, "remove(attached:) of a node outside the tree")
        guard !spared.contains(node) else { return }
        removed.append((node, currentStage, rule))
        document.detach(node)
        if lastCounts != nil { removedSinceCounts.append(node) }
    }

    /// Groups sibling `nodes` under a new `<div class="className">`: a
    /// comment that the page prints as a flat run of paragraphs becomes
    /// one element. Nothing is removed, so nothing is logged.
    public func wrap(_ nodes: [Node], className: String) -> Node? {
        guard nodes.allSatisfy(\.isAttached) else { return nil }
        return document.wrap(nodes, tag: "div", className: className)
    }

    /// Replaces `node` by its children (the tag goes, its text stays).
    public func unwrap(_ node: Node) {
        guard node.isAttached else { return }
        document.unwrap(node)
    }

    private static let excerptLength = 80

    /// Nodes that `remove` leaves in place: what a first cleaning took
    /// although it held the article (see `Cleaner.cleanedPage`).
    private var spared: Set<Node> = []

    func spare(_ nodes: [Node]) {
        spared.formUnion(nodes)
    }

    /// The most text outside links that one removal of `stages` took
    /// (characters, white space collapsed): what an article that a frame
    /// rule swallowed would show, and a menu or a footer would not.
    func largestUnlinkedRemoval(inStages stages: Set<String>) -> Int {
        removed.lazy.filter { stages.contains($0.stage) }.map { Page.unlinkedChars(under: $0.node) }.max() ?? 0
    }

    /// Whether a removal of `stages` took more than `limit` characters of
    /// text outside links: `largestUnlinkedRemoval(inStages:) > limit`,
    /// answered at the first such removal.
    func hasUnlinkedRemoval(inStages stages: Set<String>, over limit: Int) -> Bool {
        removed.contains { stages.contains($0.stage) && Page.unlinkedChars(under: $0.node) > limit }
    }

    /// The nodes that removals of `stages` took with more than `limit`
    /// characters of text outside links.
    func removedNodes(inStages stages: Set<String>, holdingUnlinkedCharsOver limit: Int) -> [Node] {
        removed.filter { stages.contains($0.stage) && Page.unlinkedChars(under: $0.node) > limit }.map(\.node)
    }

    private static func unlinkedChars(under node: Node) -> Int {
        var summary = TextSummary(limit: 0)
        node.walkDescendants { child in
            if child.isText, let content = child.pointer.pointee.content { summary.add(content) }
            return child.isElement && !child.hasName("a") ? .descend : .skipChildren
        }
        return summary.count
    }

    private static func removal(of node: Node, stage: String, rule: String) -> Removal {
        // Counted in place and cut at the excerpt's length: removed scripts
        // and comment threads can be megabytes, and only 80 characters of
        // them are kept.
        var summary = TextSummary(limit: excerptLength)
        if node.isElement {
            node.walkDescendants { child in
                if child.isText, let content = child.pointer.pointee.content { summary.add(content) }
                return child.isElement ? .descend : .skipChildren
            }
        } else if let content = node.pointer.pointee.content {
            summary.add(content)
        }
        var excerpt = summary.excerpt
        if summary.count > excerptLength { excerpt += "…" }
        if excerpt.isEmpty { excerpt = "<\(node.name)>" }
        return Removal(stage: stage, rule: rule, excerpt: excerpt, chars: summary.count)
    }

    static func host(of url: String) -> String? {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let rest = url[schemeEnd.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let hostAndPort = authority.split(separator: "@").last ?? authority
        let host = hostAndPort.prefix { $0 != ":" }.lowercased()
        return host.isEmpty ? nil : host
    }
}
