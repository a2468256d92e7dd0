/// The simple selectors of several rules, indexed by tag, class and id, so
/// that an element is checked only against the alternatives that could
/// match it. Answers the first rule, in rule order, that matches.
struct SelectorIndex<Value> {
    private struct Entry {
        let order: Int
        let compound: SimpleSelector.Compound
        let value: Value
    }

    /// Tags Winnow knows, by `HTMLTag` position; other tags by name.
    private var byKnownTag: [[Entry]] = Array(repeating: [], count: HTMLTag.allCases.count)
    private var byTag: [String: [Entry]] = [:]
    private var hasTagEntries = false
    private var byClass: [String: [Entry]] = [:]
    private var byID: [String: [Entry]] = [:]
    private var unindexed: [Entry] = []

    var isEmpty: Bool { !hasTagEntries && byClass.isEmpty && byID.isEmpty && unindexed.isEmpty }

    init(_ selectors: [(SimpleSelector, Value)]) {
        for (order, (selector, value)) in selectors.enumerated() {
            for compound in selector.alternatives {
                let entry = Entry(order: order, compound: compound, value: value)
                if let id = compound.id {
                    byID[id, default: []].append(entry)
                } else if let first = compound.classes.first {
                    byClass[first, default: []].append(entry)
                } else if let tag = compound.tag {
                    hasTagEntries = true
                    if let known = HTMLTag(named: tag) {
                        byKnownTag[Int(known.rawValue)].append(entry)
                    } else {
                        byTag[tag, default: []].append(entry)
                    }
                } else {
                    unindexed.append(entry)
                }
            }
        }
    }

    /// The value of the earliest selector that matches `node`.
    func firstMatch(_ node: Node, facts: ElementFacts) -> Value? {
        var best: Entry?
        func consider(_ entries: [Entry]?) {
            guard let entries else { return }
            for entry in entries where best.map({ entry.order < $0.order }) ?? true {
                if facts.satisfies(entry.compound, node: node) { best = entry }
            }
        }
        if hasTagEntries {
            consider(facts.htmlTag == .other ? byTag[facts.tag] : byKnownTag[Int(facts.htmlTag.rawValue)])
        }
        for token in facts.classes { consider(byClass[token]) }
        if let id = facts.id { consider(byID[id]) }
        consider(unindexed)
        return best?.value
    }
}
