import CLibXML2

/// Edits for building a report from a second parse of a page: never used
/// on a page being cleaned, whose tree only `Page` changes.
extension Document {
    /// Sets (or replaces) an attribute of an element.
    func setAttribute(_ name: String, _ value: String, on node: Node) {
        editCount += 1
        xmlSetProp(node.pointer, name, value)
    }

    /// Removes an attribute of an element, if it has it.
    func removeAttribute(_ name: String, from node: Node) {
        editCount += 1
        if let attribute = xmlHasProp(node.pointer, name) { xmlRemoveProp(attribute) }
    }

    /// The names of an element's attributes.
    func attributeNames(of node: Node) -> [String] {
        var names: [String] = []
        var attribute = node.pointer.pointee.properties
        while let current = attribute {
            if let name = current.pointee.name { names.append(String(cString: name)) }
            attribute = current.pointee.next
        }
        return names
    }

    /// Takes `node` out of the tree and frees it at once.
    func delete(_ node: Node) {
        editCount += 1
        xmlUnlinkNode(node.pointer)
        xmlFreeNode(node.pointer)
    }
}
