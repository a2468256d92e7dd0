/// The simple selectors of several rules, indexed by tag, class and id, so
/// that an element is checked only against the alternatives that could
/// match it. Answers the first rule, in rule order, that matches.
struct SelectorIndex<Value> {
    private struct Entry {
        let compound: SimpleSelector.Compound
        let value: Value
    }

    /// Every alternative in rule order: a position here is a priority.
    private var entries: [Entry] = []
    /// Tags Winnow knows, by `HTMLTag` position; other tags by name.
    private var byKnownTag: [[Int]] = Array(repeating: [], count: HTMLTag.allCases.count)
    private var byTag: [String: [Int]] = [:]
    private var hasTagEntries = false
    private var byClass: [String: [Int]] = [:]
    private var byID: [String: [Int]] = [:]
    private var unindexed: [Int] = []

    var isEmpty: Bool { entries.isEmpty }

    init(_ selectors: [(SimpleSelector, Value)]) {
        for (selector, value) in selectors {
            for compound in selector.alternatives {
                let position = entries.count
                entries.append(Entry(compound: compound, value: value))
                if let id = compound.id {
                    byID[id, default: []].append(position)
                } else if let first = compound.classes.first {
                    byClass[first, default: []].append(position)
                } else if let tag = compound.tag {
                    hasTagEntries = true
                    if let known = HTMLTag(named: tag) {
                        byKnownTag[Int(known.rawValue)].append(position)
                    } else {
                        byTag[tag, default: []].append(position)
                    }
                } else {
                    unindexed.append(position)
                }
            }
        }
    }

    /// The value of the earliest selector that matches `node`. Positions
    /// are compared, not entries copied: the walks ask this of every
    /// element.
    func firstMatch(_ node: Node, facts: ElementFacts) -> Value? {
        var best = Int.max
        func consider(_ positions: [Int]?) {
            guard let positions else { return }
            for position in positions where position < best && facts.satisfies(entries[position].compound, node: node) {
                best = position
            }
        }
        if hasTagEntries {
            consider(facts.htmlTag == .other ? byTag[facts.tag] : byKnownTag[Int(facts.htmlTag.rawValue)])
        }
        if !byClass.isEmpty {
            for token in facts.classes { consider(byClass[token]) }
        }
        if !byID.isEmpty, let id = facts.id { consider(byID[id]) }
        consider(unindexed)
        return best == Int.max ? nil : entries[best].value
    }
}
