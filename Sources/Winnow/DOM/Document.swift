import CLibXML2

/// An HTML document parsed by libxml2. It owns the `xmlDoc` and frees it
/// exactly once, in `deinit`; every `Node` borrowed from it is valid only
/// while the document is alive.
///
/// Nodes that stages remove are unlinked, not freed, and kept here until the
/// document goes away: a stage may still hold a view of a removed node, and
/// the explain report needs them.
public final class Document {
    let pointer: htmlDocPtr
    private var detached: [xmlNodePtr] = []
    /// How many times the tree has been changed (by this type's editing
    /// methods, which alone change it): figures counted over the tree
    /// hold while this stays the same.
    var editCount = 0
    /// Made at the first XPath evaluation and kept: making a context
    /// registers every XPath function anew, which costs more than most
    /// evaluations.
    private var xpathContext: xmlXPathContextPtr?

    /// Parses UTF-8 bytes. libxml2 reads them as UTF-8, its default, and is
    /// told to ignore the page's own declarations, so a `<meta charset>`
    /// cannot switch the decoding after the fact. Naming the encoding
    /// instead ("UTF-8") made libxml2 run its UTF-8 "conversion" over the
    /// whole page into a second buffer (twice the page, rounded up to a
    /// power of two, on top of its copy of the input).
    public init(utf8 bytes: [UInt8], url: String? = nil) throws {
        winnow_silence_libxml2()
        // XML_PARSE_HUGE lifts the tree-depth limit of 256: without it
        // libxml2 halts at the 257th nested element and the rest of the page
        // is silently lost. Every walk in Winnow is iterative, so depth
        // costs memory, not stack.
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
                | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue
                | HTML_PARSE_COMPACT.rawValue | XML_PARSE_HUGE.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)
        // libxml2 takes an int length; pages over 2 GB are refused earlier.
        guard bytes.count < Int(Int32.max) else { throw DocumentError.tooLarge(bytes: bytes.count) }
        let parsed: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    htmlReadMemory($0, Int32(buffer.count), url, nil, options)
                }
            } ?? nil
        }
        guard let parsed else { throw DocumentError.unparsable }
        pointer = parsed
        StrayTopLevelContent.adopt(in: self)
        StreamedSegments.place(in: self, bytes: bytes)
    }

    deinit {
        if let xpathContext { xmlXPathFreeContext(xpathContext) }
        // The table of `id` attributes goes first, as `xmlFreeDoc` lets it
        // go before the tree: while it is there, freeing a removed node
        // copies each of its ids to take it out of the table.
        if let ids = pointer.pointee.ids {
            xmlFreeIDTable(OpaquePointer(ids))
            pointer.pointee.ids = nil
        }
        for node in detached { xmlFreeNode(node) }
        xmlFreeDoc(pointer)
    }

    /// Calls `body` with this document's XPath context (nil if libxml2
    /// cannot make one). The caller sets the context node.
    func withXPathContext<Result>(_ body: (xmlXPathContextPtr) -> Result) -> Result? {
        if xpathContext == nil { xpathContext = xmlXPathNewContext(pointer) }
        guard let xpathContext else { return nil }
        return body(xpathContext)
    }

    /// The `<html>` element, when the parser produced one.
    public var root: Node? {
        xmlDocGetRootElement(pointer).map(Node.init)
    }

    /// The `<body>` element. libxml2 makes one for any page with content
    /// outside `<head>` (even bare text), so a page without one has no body
    /// text: the `<head>` is never read as the article.
    public var body: Node? {
        root?.firstChild(named: "body")
    }

    /// The `<head>` element, if any.
    public var head: Node? {
        root?.firstChild(named: "head")
    }

    /// Unlinks `node` from the tree and keeps it alive until the document
    /// is freed. Only `Page.remove` calls this, so every removal is logged.
    func detach(_ node: Node) {
        xmlUnlinkNode(node.pointer)
        detached.append(node.pointer)
        editCount += 1
    }

    /// Moves `nodes` (siblings, in order) into a new element put where the
    /// first one was, and returns it. The nodes are linked by hand:
    /// `xmlAddChild` would merge adjacent text nodes and free one of them.
    func wrap(_ nodes: [Node], tag: String, className: String) -> Node? {
        guard let first = nodes.first, let wrapper = xmlNewDocNode(pointer, nil, tag, nil) else { return nil }
        editCount += 1
        xmlNewProp(wrapper, "class", className)
        xmlAddPrevSibling(first.pointer, wrapper)
        for node in nodes {
            let child = node.pointer
            xmlUnlinkNode(child)
            child.pointee.parent = wrapper
            child.pointee.next = nil
            child.pointee.prev = wrapper.pointee.last
            if let last = wrapper.pointee.last {
                last.pointee.next = child
            } else {
                wrapper.pointee.children = child
            }
            wrapper.pointee.last = child
        }
        return Node(wrapper)
    }

    /// Replaces `node` by its children, keeping their text in place.
    func unwrap(_ node: Node) {
        editCount += 1
        var child = node.pointer.pointee.children
        while let current = child {
            child = current.pointee.next
            xmlUnlinkNode(current)
            // libxml2 merges a text child into a text node just before
            // `node`, whose text then changes: drop the counts that
            // `TextStatistics` keeps there.
            if let before = node.pointer.pointee.prev, before.pointee.type == XML_TEXT_NODE { before.pointee.psvi = nil }
            xmlAddPrevSibling(node.pointer, current)
        }
        detach(node)
    }
}

public enum DocumentError: Error, Equatable, Sendable {
    case unparsable
    case tooLarge(bytes: Int)
}
