import CLibXML2

/// Numbers every node of a document in document order (elements, text,
/// comments), so that a node of one parse can be found in another parse of
/// the same bytes. Pointers stay valid as keys after removal: removed
/// nodes are kept alive by their document.
struct NodeOrdinals {
    private var numbers: [xmlNodePtr: Int] = [:]

    init(_ document: Document) {
        var next = 0
        var numbers: [xmlNodePtr: Int] = [:]
        NodeOrdinals.walk(document) { node in
            numbers[node.pointer] = next
            next += 1
        }
        self.numbers = numbers
    }

    subscript(node: Node) -> Int? { numbers[node.pointer] }

    /// The nodes of `document` (a fresh parse) whose numbers are among
    /// `numbers`, in document order.
    static func nodes(numbered numbers: Set<Int>, in document: Document) -> [Node] {
        guard !numbers.isEmpty else { return [] }
        var next = 0
        var found: [Node] = []
        walk(document) { node in
            if numbers.contains(next) { found.append(node) }
            next += 1
        }
        return found
    }

    /// The numbers of the original nodes that `node` stands for: its own,
    /// or, for an element a stage made (a wrapper around a flat comment),
    /// those of the original nodes inside it, outermost first.
    func originals(of node: Node) -> [Int] {
        if let number = numbers[node.pointer] { return [number] }
        var found: [Int] = []
        for child in node.childNodes {
            found += originals(of: child)
        }
        return found
    }

    /// Every node under the document's root element, the root included,
    /// in document order.
    static func walk(_ document: Document, _ visit: (Node) -> Void) {
        guard let root = document.root else { return }
        visit(root)
        root.walkDescendants { node in
            visit(node)
            return .descend
        }
    }

    /// The nodes of `document` at the given numbers.
    static func nodes(in document: Document, at wanted: Set<Int>) -> [Int: Node] {
        var found: [Int: Node] = [:]
        var next = 0
        walk(document) { node in
            if wanted.contains(next) { found[next] = node }
            next += 1
        }
        return found
    }
}
