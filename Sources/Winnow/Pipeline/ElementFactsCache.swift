import CLibXML2

/// Element facts (tag, class tokens, id, class/id words) computed once per
/// element and page: five stages walk the tree and ask the same questions
/// of every element.
///
/// Facts are found through libxml2's `psvi` slot, which only XML Schema
/// validation uses: an index into this cache's arrays, checked against the
/// node it was written for. A hash table keyed by node would hash a pointer
/// for every question.
final class ElementFactsCache {
    // Unchecked: only `facts(of:)` touches these, and it calls out to
    // nothing that could reach them while it does; the dynamic exclusivity
    // checks cost more than the lookup itself.
    @exclusivity(unchecked) private var stored: [ElementFacts] = []
    @exclusivity(unchecked) private var owners: [xmlNodePtr] = []

    func facts(of node: Node) -> ElementFacts {
        let pointer = node.pointer
        if let raw = pointer.pointee.psvi {
            let index = Int(bitPattern: raw) - 1
            if index >= 0, index < owners.count, owners[index] == pointer { return stored[index] }
        }
        let facts = ElementFacts.of(node)
        owners.append(pointer)
        stored.append(facts)
        pointer.pointee.psvi = UnsafeMutableRawPointer(bitPattern: stored.count)
        return facts
    }

    deinit {
        // The document may outlive the page (a caller's `Document`): leave
        // no index behind for a later cache to misread.
        for pointer in owners { pointer.pointee.psvi = nil }
    }
}
