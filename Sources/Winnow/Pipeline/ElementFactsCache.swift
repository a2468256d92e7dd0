import CLibXML2

/// Element facts (tag, class tokens, id, class/id words) computed once per
/// element and page: five stages walk the tree and ask the same questions
/// of every element.
///
/// Facts are found through libxml2's `psvi` slot, which only XML Schema
/// validation uses: an index into this cache's arrays, checked against the
/// node it was written for (so a mark left by another cache over the same
/// document is never misread). A hash table keyed by node would hash a
/// pointer for every question. Nothing is cleared at the end: the cache
/// may outlive the document's nodes (a `Page` frees its document first).
final class ElementFactsCache {
    private var stored: [ElementFacts] = []
    private var owners: [xmlNodePtr] = []

    func facts(of node: Node) -> ElementFacts {
        let pointer = node.pointer
        if let raw = pointer.pointee.psvi {
            let index = Int(bitPattern: raw) - 1
            if index >= 0, index < owners.count, owners[index] == pointer { return stored[index] }
        }
        let facts = ElementFacts(node)
        owners.append(pointer)
        stored.append(facts)
        pointer.pointee.psvi = UnsafeMutableRawPointer(bitPattern: stored.count)
        return facts
    }
}
