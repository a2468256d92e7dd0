/// What cleaning a page removed, and why: the article, the removal log,
/// and a report of the page with every removed block marked.
public struct Explanation: Sendable {
    public let article: Article
    /// Every removal, in the order the stages made them.
    public let removals: [Removal]
    /// The page as a self-contained HTML report (`ExplainReport`).
    public let reportHTML: String
    /// Why the page was taken for its type (`article.pageType`): the
    /// decision and its strongest figures, or "given by the caller".
    public let pageTypeEvidence: [String]

    /// The removals grouped by stage (pipeline order) and rule (first
    /// removal order), with their count and characters.
    public var groups: [RemovalGroup] {
        var order: [String] = []
        var byKey: [String: [Removal]] = [:]
        for removal in removals {
            let key = removal.stage + "\u{0}" + removal.rule
            if byKey[key] == nil { order.append(key) }
            byKey[key, default: []].append(removal)
        }
        return order.map { key in
            let items = byKey[key]!
            return RemovalGroup(stage: items[0].stage, rule: items[0].rule, removals: items)
        }
    }
}

/// The removals one rule made in one stage.
public struct RemovalGroup: Sendable {
    public let stage: String
    public let rule: String
    public let removals: [Removal]

    public var chars: Int { removals.reduce(0) { $0 + $1.chars } }
}
