import CLibXML2

/// Element facts (tag, class tokens, id, class/id words) computed once per
/// element and page: five stages walk the tree and ask the same questions
/// of every element. Elements without class or id are cheap to describe
/// and are not stored.
final class ElementFactsCache {
    private var stored: [xmlNodePtr: ElementFacts] = [:]

    func facts(of node: Node) -> ElementFacts {
        if let known = stored[node.pointer] { return known }
        let facts = ElementFacts(node)
        if !facts.nameWords.isEmpty || facts.id != nil { stored[node.pointer] = facts }
        return facts
    }
}
