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
    /// The element chosen as the article (`Node.label`: `div#content.post`),
    /// `nil` when the page has no body.
    public let mainContent: String?
    /// Why that element (`Page.mainContentEvidence`): the markup rule or the
    /// scoring, how they were weighed, the best-scored candidates.
    public let mainContentEvidence: [String]

    /// The removals grouped by stage (pipeline order) and rule (first
    /// removal order), with their count and characters.
    public var groups: [RemovalGroup] { Explanation.grouped(removals) }

    static func grouped(_ removals: [Removal]) -> [RemovalGroup] {
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

    /// The removals of nothing (0 characters: an empty `<div>`, a
    /// `<script>`), told as one line per rule rather than one each.
    public var empty: [Removal] { removals.filter { $0.chars == 0 } }
    /// The removals that took text.
    public var nonEmpty: [Removal] { removals.filter { $0.chars > 0 } }

    /// "3 with no text: <div>, <script>": the empty removals in one line,
    /// each distinct excerpt once. `nil` when there are none.
    public var emptySummary: String? {
        let empty = empty
        guard !empty.isEmpty else { return nil }
        var excerpts: [String] = []
        for removal in empty where !excerpts.contains(removal.excerpt) { excerpts.append(removal.excerpt) }
        return "\(empty.count) with no text: " + excerpts.joined(separator: ", ")
    }
}
