import CLibXML2

/// The simple selectors of several rules, indexed by tag, class, id and
/// attribute name, so that an element is checked only against the
/// alternatives that could match it. Answers the first rule, in rule
/// order, that matches.
struct SelectorIndex<Value> {
    fileprivate struct Entry {
        let compound: SimpleSelector.Compound
        let value: Value
    }

    /// Every alternative in rule order: a position here is a priority.
    private var entries: [Entry] = []
    /// Tags Winnow knows, by `HTMLTag` position; other tags by name.
    private var byKnownTag: [[Int]] = Array(repeating: [], count: HTMLTag.allCases.count)
    private var byTag = NameTable<[Int]>()
    private var hasTagEntries = false
    private var byClass = NameTable<[Int]>()
    private var byID = NameTable<[Int]>()
    /// Alternatives of attribute tests alone (`[role=navigation]`), by the
    /// first attribute's name: an element is checked against those of the
    /// attributes it has, not every element against all of them.
    private var byAttribute = NameTable<[Int]>()
    /// The first bytes of the indexed attribute names, a bit each: an
    /// attribute whose name starts otherwise is passed over unhashed.
    private var attributeFirstBytes = [UInt64](repeating: 0, count: 4)
    private var unindexed: [Int] = []
    /// When every alternative names a tag Winnow knows, those tags: an
    /// element of another tag matches none, which its tag alone tells.
    private(set) var onlyTags: TagSet?

    var isEmpty: Bool { entries.isEmpty }

    init(_ selectors: [(SimpleSelector, Value)]) {
        var byTag: [String: [Int]] = [:]
        var byClass: [String: [Int]] = [:]
        var byID: [String: [Int]] = [:]
        var byAttribute: [String: [Int]] = [:]
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
                    if let known = compound.htmlTag {
                        byKnownTag[Int(known.rawValue)].append(position)
                    } else {
                        byTag[tag, default: []].append(position)
                    }
                } else if let attribute = compound.attributes.first {
                    byAttribute[attribute.name, default: []].append(position)
                } else {
                    unindexed.append(position)
                }
            }
        }
        if byTag.isEmpty, byClass.isEmpty, byID.isEmpty, byAttribute.isEmpty, unindexed.isEmpty {
            onlyTags = TagSet(entries.compactMap(\.compound.htmlTag))
        }
        self.byTag = NameTable(byTag.map { ($0.key, $0.value) })
        self.byClass = NameTable(byClass.map { ($0.key, $0.value) })
        self.byID = NameTable(byID.map { ($0.key, $0.value) })
        self.byAttribute = NameTable(byAttribute.map { ($0.key, $0.value) }, bytewise: true)
        for name in byAttribute.keys {
            guard let first = name.utf8.first else { continue }
            attributeFirstBytes[Int(first >> 6)] |= 1 << UInt64(first & 63)
        }
    }

    /// The value of the earliest selector that matches `node`. Positions
    /// are compared, not entries copied: the walks ask this of every
    /// element.
    func firstMatch(_ node: Node, facts: ElementFacts) -> Value? {
        var best = Int.max
        forEachCandidate(of: node, facts: facts) { position in
            if position < best, facts.satisfies(entries[position].compound, node: node) { best = position }
        }
        return best == Int.max ? nil : entries[best].value
    }

    /// Calls `body` with the value of every selector that matches `node`,
    /// in no particular order; a value may come more than once (two
    /// alternatives of one rule, a class token written twice).
    func forEachMatch(_ node: Node, facts: ElementFacts, _ body: (Value) -> Void) {
        forEachCandidate(of: node, facts: facts) { position in
            if facts.satisfies(entries[position].compound, node: node) { body(entries[position].value) }
        }
    }

    /// The positions of the alternatives that could match `node`: those of
    /// its tag, of each class token, of its id, of each of its attributes'
    /// names, and the unindexed ones.
    @inline(__always)
    private func forEachCandidate(of node: Node, facts: ElementFacts, _ body: (Int) -> Void) {
        @inline(__always) func consider(_ positions: [Int]?) {
            guard let positions else { return }
            for position in positions { body(position) }
        }
        if hasTagEntries {
            if facts.htmlTag == .other {
                if !byTag.isEmpty { consider(byTag.value(for: facts.tag, hash: NameHash.of(facts.tag))) }
            } else {
                consider(byKnownTag[Int(facts.htmlTag.rawValue)])
            }
        }
        if !byClass.isEmpty {
            for index in facts.classes.indices {
                consider(byClass.value(for: facts.classes[index], hash: facts.classHashes[index]))
            }
        }
        if !byID.isEmpty, let id = facts.id { consider(byID.value(for: id, hash: facts.idHash)) }
        if !byAttribute.isEmpty {
            // Attribute tests compare names as bytes (`xmlHasProp`), so the
            // index does too: a name it misses could not match.
            var attribute = node.pointer.pointee.properties
            while let current = attribute {
                if let name = current.pointee.name, attributeFirstBytes[Int(name[0] >> 6)] & (1 << UInt64(name[0] & 63)) != 0 {
                    let bytes = UnsafeBufferPointer(start: name, count: Int(xmlStrlen(name)))
                    var hash = NameHash.seed
                    for byte in bytes { hash = NameHash.adding(byte, to: hash) }
                    consider(byAttribute.value(forBytes: bytes, hash: hash))
                }
                attribute = current.pointee.next
            }
        }
        consider(unindexed)
    }
}

extension SelectorIndex: Sendable where Value: Sendable {}
extension SelectorIndex.Entry: Sendable where Value: Sendable {}
