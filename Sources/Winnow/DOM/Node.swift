import CLibXML2

/// A borrowed view of one libxml2 node. It holds no ownership: it must not
/// outlive the `Document` it came from. Cheap to copy; compare by identity.
public struct Node: Hashable {
    let pointer: xmlNodePtr

    init(_ pointer: xmlNodePtr) {
        self.pointer = pointer
    }

    // MARK: - Kind and name

    public var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }
    public var isText: Bool {
        pointer.pointee.type == XML_TEXT_NODE || pointer.pointee.type == XML_CDATA_SECTION_NODE
    }
    public var isComment: Bool { pointer.pointee.type == XML_COMMENT_NODE }

    /// The tag name as libxml2's HTML parser stores it (lower case).
    /// Tag names are short, so the String stays in its inline storage.
    public var name: String {
        guard let raw = pointer.pointee.name else { return "" }
        return String(cString: raw)
    }

    /// Compares the tag name without building a String.
    @inline(__always)
    public func hasName(_ tag: StaticString) -> Bool {
        guard let raw = pointer.pointee.name else { return false }
        return tag.withUTF8Buffer { expected in
            var index = 0
            while index < expected.count {
                if raw[index] != expected[index] { return false }
                index += 1
            }
            return raw[index] == 0
        }
    }

    // MARK: - Navigation

    public var parent: Node? {
        guard let up = pointer.pointee.parent, up.pointee.type == XML_ELEMENT_NODE else { return nil }
        return Node(up)
    }
    public var firstChildNode: Node? { pointer.pointee.children.map(Node.init) }
    public var nextSiblingNode: Node? { pointer.pointee.next.map(Node.init) }
    public var previousSiblingNode: Node? { pointer.pointee.prev.map(Node.init) }

    /// All child nodes, elements and text alike.
    public var childNodes: ChildSequence { ChildSequence(first: pointer.pointee.children) }

    /// Child elements only.
    public var children: [Node] { childNodes.filter(\.isElement) }

    public func firstChild(named tag: String) -> Node? {
        childNodes.first { $0.isElement && $0.name == tag }
    }

    /// Whether `self` lies inside `ancestor` (or is it).
    public func isInside(_ ancestor: Node) -> Bool {
        var current: xmlNodePtr? = pointer
        while let node = current {
            if node == ancestor.pointer { return true }
            current = node.pointee.parent
        }
        return false
    }

    /// Ancestor elements, nearest first.
    public var ancestors: AncestorSequence { AncestorSequence(start: pointer.pointee.parent) }

    /// Whether this node is still attached to a document tree (stages may
    /// hold views of nodes an earlier step removed).
    public var isAttached: Bool {
        var current: xmlNodePtr? = pointer
        while let node = current {
            if node.pointee.type == XML_HTML_DOCUMENT_NODE || node.pointee.type == XML_DOCUMENT_NODE {
                return true
            }
            current = node.pointee.parent
        }
        return false
    }

    // MARK: - Attributes and text

    /// The attribute's value. Names written in the code are static
    /// strings, handed to libxml2 as they are: a `String` would be copied
    /// into a C string on every call, and stages ask every element.
    public func attribute(_ name: StaticString) -> String? {
        withAttribute(name) { String(decoding: $0, as: UTF8.self) }
    }

    public func hasAttribute(_ name: StaticString) -> Bool {
        attributeNode(name) != nil
    }

    /// The attribute's value, for names known only at run time (a rule's
    /// `[attr=value]`).
    public func attribute(named name: String) -> String? {
        guard let value = xmlGetProp(pointer, name) else { return nil }
        defer { winnow_xml_free(value) }
        return String(cString: value)
    }

    /// The text of a text node (its own content), without allocating for
    /// element nodes.
    public var ownText: String? {
        guard isText, let content = pointer.pointee.content else { return nil }
        return String(cString: content)
    }

    /// `Text.visibleLength(ownText ?? "")`: the characters of a text node
    /// that are not white space (0 for other nodes). ASCII text, most of
    /// it, is counted in place; walks ask this of every text node they
    /// pass, and a String each cost an allocation for all but the shortest.
    public var ownVisibleLength: Int {
        guard isText, let content = pointer.pointee.content else { return 0 }
        var visible = 0
        var index = 0
        while content[index] != 0 {
            let byte = content[index]
            guard byte < 0x80 else { return Text.visibleLength(String(cString: content)) }
            if !Text.isASCIISpace(byte) { visible += 1 }
            index += 1
        }
        return visible
    }

    /// `ownVisibleLength > 0`, stopping at the first visible ASCII
    /// character (a byte past ASCII, even ill-formed, never turns one into
    /// white space).
    public var hasVisibleOwnText: Bool {
        guard isText, let content = pointer.pointee.content else { return false }
        var index = 0
        var isASCII = true
        while content[index] != 0 {
            let byte = content[index]
            if byte >= 0x80 {
                isASCII = false
            } else if !Text.isASCIISpace(byte) {
                return true
            }
            index += 1
        }
        return isASCII ? false : Text.visibleLength(String(cString: content)) > 0
    }

    /// All descendant text, concatenated as libxml2 gives it.
    public var textContent: String {
        guard let content = xmlNodeGetContent(pointer) else { return "" }
        defer { winnow_xml_free(content) }
        return String(cString: content)
    }

    /// The node and everything under it as HTML, for excerpts and reports.
    public var outerHTML: String {
        guard let buffer = xmlBufferCreate() else { return "" }
        defer { xmlBufferFree(buffer) }
        htmlNodeDump(buffer, pointer.pointee.doc, pointer)
        guard let content = xmlBufferContent(buffer) else { return "" }
        return String(cString: content)
    }
}

public struct ChildSequence: Sequence, IteratorProtocol {
    var upcoming: xmlNodePtr?

    init(first: xmlNodePtr?) { upcoming = first }

    public mutating func next() -> Node? {
        guard let current = upcoming else { return nil }
        upcoming = current.pointee.next
        return Node(current)
    }
}

public struct AncestorSequence: Sequence, IteratorProtocol {
    var upcoming: xmlNodePtr?

    init(start: xmlNodePtr?) { upcoming = start }

    public mutating func next() -> Node? {
        guard let current = upcoming, current.pointee.type == XML_ELEMENT_NODE else { return nil }
        upcoming = current.pointee.parent
        return Node(current)
    }
}
