/// The simple selectors of several rules, indexed by tag, class and id, so
/// that an element is checked only against the alternatives that could
/// match it. Answers the first rule, in rule order, that matches.
struct SelectorIndex<Value> {
    private struct Entry {
        let order: Int
        let compound: SimpleSelector.Compound
        let value: Value
    }

    private var byTag: [String: [Entry]] = [:]
    private var byClass: [String: [Entry]] = [:]
    private var byID: [String: [Entry]] = [:]
    private var unindexed: [Entry] = []

    var isEmpty: Bool { byTag.isEmpty && byClass.isEmpty && byID.isEmpty && unindexed.isEmpty }

    init(_ selectors: [(SimpleSelector, Value)]) {
        for (order, (selector, value)) in selectors.enumerated() {
            for compound in selector.alternatives {
                let entry = Entry(order: order, compound: compound, value: value)
                if let id = compound.id {
                    byID[id, default: []].append(entry)
                } else if let first = compound.classes.first {
                    byClass[first, default: []].append(entry)
                } else if let tag = compound.tag {
                    byTag[tag, default: []].append(entry)
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
        consider(byTag[facts.tag])
        for token in facts.classes { consider(byClass[token]) }
        if let id = facts.id { consider(byID[id]) }
        consider(unindexed)
        return best?.value
    }
}
