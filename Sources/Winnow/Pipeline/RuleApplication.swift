import CLibXML2

/// Applies the drop rules of one stage to a part of the tree: selectors,
/// class/id word hints and text patterns, each removal logged under the
/// rule's id. Stages call this; it knows no particular stage.
public struct RuleApplication {
    /// Elements whose whole text is tested against `drop-text` patterns:
    /// blocks short enough to be a single line of boilerplate.
    static let textTestedTags = TagSet([
        .p, .div, .li, .h2, .h3, .h4, .h5, .h6, .section, .aside, .span, .strong, .b, .em,
        .dd, .dt, .blockquote, .center, .font, .small, .td,
    ])
    /// Longer blocks are article text, whatever pattern they start with.
    static let maximumTextTestedLength = 300

    let page: Page
    let prepared: StageRules
    var rules: [Rule] { prepared.rules }
    let stage: String
    /// Decides whether a matched element may go, told the rule that
    /// matched it; lets a stage protect nodes it knows are content (the
    /// article root, say), or put a decision off to after the walk.
    let mayRemove: (Node, Rule) -> Bool
    /// Whether a user's `keep` rule protects the element: asked before any
    /// removal, an `unguarded` rule's included.
    let isKept: (Node) -> Bool
    /// Frame rules pass over layout wrappers (`content-sidebar-wrap`).
    let exceptLayoutTokens: Bool
    /// The rule id HTML comments met on the walk are dropped under; nil
    /// leaves them. Dropping them on the stage's own walk spares a walk of
    /// the whole tree, which costs a cache miss a node.
    var htmlCommentRule: String?

    public init(
        page: Page, stage: String, exceptLayoutTokens: Bool = false, mayRemove: @escaping (Node) -> Bool = { _ in true }
    ) {
        self.init(page: page, stage: stage, exceptLayoutTokens: exceptLayoutTokens) { node, _ in mayRemove(node) }
    }

    public init(
        page: Page, stage: String, exceptLayoutTokens: Bool = false, mayRemoveByRule mayRemove: @escaping (Node, Rule) -> Bool
    ) {
        self.page = page
        self.exceptLayoutTokens = exceptLayoutTokens
        prepared = page.rules.prepared(for: stage, host: page.host, pageType: page.pageType)
        self.stage = stage
        let kept = Set(page.rules.keepRules.filter { $0.applies(toHost: page.host) && $0.applies(toPageType: page.pageType) }.compactMap(\.keep)
            .flatMap { $0.xpath.elements(in: page.document) })
        if kept.isEmpty {
            self.isKept = { _ in false }
            self.mayRemove = mayRemove
        } else {
            let isKept = { (node: Node) in
                kept.contains(node) || node.ancestors.contains(where: kept.contains) || kept.contains(where: { $0.isInside(node) })
            }
            self.isKept = isKept
            self.mayRemove = { node, rule in !isKept(node) && mayRemove(node, rule) }
        }
    }

    /// Whether `rule` may remove `node`: the stage's guard decides, but for
    /// a rule that says its matches are never content (`unguarded`), whose
    /// removal only a user's `keep` stops.
    func mayRemove(_ node: Node, by rule: Rule) -> Bool {
        rule.isUnguarded ? !isKept(node) : mayRemove(node, rule)
    }

    /// Runs selector rules, then hints and text patterns in one walk.
    public func apply(within scope: Node) {
        // Selectors that need combinators or are XPath run as XPath, and
        // scoped ones are matched in a walk of their own, rule after rule
        // and before the others; the simple ones (most) are matched in the
        // one walk below.
        let scopedMatches = prepared.scopedSelectors.isEmpty ? [:] : scopedSelectorMatches(within: scope)
        for position in prepared.dropsBeforeWalk {
            let rule = rules[position]
            let matches = rule.drop!.simple == nil ? rule.drop!.xpath.elements(in: page.document, from: scope) : scopedMatches[position] ?? []
            for node in matches where node != scope && node.isAttached {
                if let dropScope = rule.dropScope, !dropScope.allows(node, facts: page.elementFacts, trips: page.patternTrips) {
                    continue
                }
                if mayRemove(node, by: rule) { page.remove(attached: node, rule: rule.id) }
            }
        }
        let selectors = prepared.selectors
        let hinted = prepared.hints
        let patterned = prepared.patterned
        let htmlCommentRule = self.htmlCommentRule
        guard !selectors.isEmpty || !hinted.isEmpty || !patterned.isEmpty || htmlCommentRule != nil else { return }
        // Character counts first, so long containers are never turned into
        // strings only to learn they are too long to test.
        let statistics = patterned.isEmpty ? nil : page.textStatistics(under: scope)
        // One match against the stage's joined patterns rules out most
        // blocks; site rules (host-scoped) are not in it and are tested.
        let combined = prepared.hasHostScopedPatterns ? nil : page.rules.combinedTextPattern(for: stage)
        scope.walkDescendants { node in
            guard node.isElement else {
                if let htmlCommentRule, node.isComment { page.remove(attached: node, rule: htmlCommentRule) }
                return .skipChildren
            }
            let facts = page.elementFacts.facts(of: node)
            // Nodes the walk reaches are in the tree.
            if !selectors.isEmpty, let index = selectors.firstMatch(node, facts: facts), mayRemove(node, by: rules[index]) {
                page.remove(attached: node, rule: rules[index].id)
                return .skipChildren
            }
            if !hinted.isEmpty, !facts.nameWords.isEmpty,
                let index = hinted.firstMatch(facts.nameWords, exceptLayoutTokens: exceptLayoutTokens), mayRemove(node, by: rules[index])
            {
                page.remove(attached: node, rule: rules[index].id)
                return .skipChildren
            }
            if let statistics, let rule = patternedRule(for: node, among: patterned, combined: combined, statistics: statistics),
                mayRemove(node, by: rule)
            {
                page.remove(attached: node, rule: rule.id)
                return .skipChildren
            }
            return .descend
        }
    }

    /// The elements under `scope` that each scoped selector matches, by
    /// rule position, in document order; nested matches included, as XPath
    /// would find them.
    private func scopedSelectorMatches(within scope: Node) -> [Int: [Node]] {
        var matches: [Int: [Node]] = [:]
        let onlyTags = prepared.scopedSelectors.onlyTags
        scope.walkDescendants { node in
            guard node.isElement else { return .skipChildren }
            // The built-in scoped rules name tags only (`header`, `a[href^="#"]`).
            if let onlyTags, !onlyTags.contains(node.tag) { return .descend }
            prepared.scopedSelectors.forEachMatch(node, facts: page.elementFacts.facts(of: node)) { position in
                if matches[position]?.last != node { matches[position, default: []].append(node) }
            }
            return .descend
        }
        return matches
    }

    /// An element whose only content is one child element says what its
    /// child says: the child is tested instead. Testing every wrapper of a
    /// deeply nested page would read the same text once per level.
    static func isBareWrapper(_ node: Node) -> Bool {
        var elementChildren = 0
        for child in node.childNodes {
            if child.isElement {
                elementChildren += 1
                if elementChildren > 1 { return false }
            } else if child.hasVisibleOwnText {
                return false
            }
        }
        return elementChildren == 1
    }

    /// `prefixes.mayStart` of `node`'s text collapsed as a pattern reads it
    /// (`Text.collapsingWhitespace(node.textContent)`), from the first text
    /// nodes only: those that hold more ASCII characters other than white
    /// space than the longest prefix (each stays a byte of the collapsed
    /// text, and collapsing a text's start gives the start of its collapsed
    /// text). Nil for text this does not read as `xmlNodeGetContent` does
    /// (an entity reference).
    static func textStart(of node: Node, mayStartWith prefixes: LiteralPrefixes) -> Bool? {
        let needed = prefixes.longestPrefix + 1
        var start: [UInt8] = []
        var visibleASCII = 0
        var isReadable = true
        node.walkDescendants { current in
            switch current.pointer.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                guard let content = current.pointer.pointee.content else { return .descend }
                let bytes = UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content)))
                for byte in bytes where byte < 0x80 && !Text.isASCIISpace(byte) { visibleASCII += 1 }
                start.append(contentsOf: bytes)
                return visibleASCII >= needed ? .stop : .descend
            case XML_ENTITY_REF_NODE:
                isReadable = false
                return .stop
            default:
                return .descend
            }
        }
        guard isReadable else { return nil }
        return start.withUnsafeBufferPointer { bytes in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(bytes.count, 1)) { collapsed in
                let written = Text.collapseWhitespace(bytes, into: collapsed)
                return prefixes.mayStart(bytes: UnsafeBufferPointer(rebasing: collapsed[..<written]))
            }
        }
    }

    private func patternedRule(for node: Node, among patterned: [Rule], combined: TextPattern?, statistics: TextStatistics) -> Rule? {
        guard RuleApplication.textTestedTags.contains(node.tag) else { return nil }
        let chars = statistics[node].chars
        guard chars > 0, chars <= RuleApplication.maximumTextTestedLength, !RuleApplication.isBareWrapper(node) else {
            return nil
        }
        // The joined pattern fails on a text that starts with none of its
        // literal prefixes, which the start of the text tells without the
        // whole of it being copied, made a String and collapsed.
        if let prefixes = combined?.literalPrefixes, RuleApplication.textStart(of: node, mayStartWith: prefixes) == false {
            return nil
        }
        let text = Text.collapsingWhitespace(node.textContent)
        // Counting Characters is slow; a text of no more bytes than the
        // limit has no more Characters either.
        guard !text.isEmpty, text.utf8.count <= RuleApplication.maximumTextTestedLength || text.count <= RuleApplication.maximumTextTestedLength
        else { return nil }
        if let combined, !combined.matches(text, trips: page.patternTrips) { return nil }
        return patterned.first { $0.dropText!.matches(text, trips: page.patternTrips) }
    }
}
