import CLibXML2

/// What a visitor tells the walk to do after seeing a node.
public enum WalkDecision {
    /// Go on into the node's children.
    case descend
    /// Skip the node's children and go on with its next sibling.
    case skipChildren
    /// End the walk: what was looked for is found.
    case stop
}

extension Node {
    /// Visits every node under `self` (not `self`) in document order,
    /// without recursion: pages with 100 000 nested elements exist, and the
    /// stack would not survive them.
    ///
    /// The visitor may remove the node it is given (the walk has already
    /// taken its next step from the node's siblings) but no other node.
    public func walkDescendants(_ visit: (Node) -> WalkDecision) {
        let top = pointer
        var current = top.pointee.children
        while let node = current {
            let parent = node.pointee.parent
            let next = node.pointee.next
            let decision = visit(Node(node))
            if decision == .stop { return }
            let stillHere = node.pointee.parent == parent
            if decision == .descend, stillHere, let child = node.pointee.children {
                current = child
                continue
            }
            if let next {
                current = next
                continue
            }
            // Climb until an ancestor below `top` has a next sibling.
            var up = parent
            current = nil
            while let ancestor = up, ancestor != top {
                if let sibling = ancestor.pointee.next {
                    current = sibling
                    break
                }
                up = ancestor.pointee.parent
            }
        }
    }

    /// Whether an element tagged `tag` lies under `self` (not `self`);
    /// stops at the first.
    func hasDescendant(tagged tag: HTMLTag) -> Bool {
        var found = false
        walkDescendants { node in
            guard node.isElement, node.tag == tag else { return .descend }
            found = true
            return .stop
        }
        return found
    }

    /// Every element under `self`, in document order, collected first so
    /// callers may remove any of them while iterating.
    public func descendantElements() -> [Node] {
        var result: [Node] = []
        walkDescendants { node in
            if node.isElement { result.append(node) }
            return .descend
        }
        return result
    }
}
