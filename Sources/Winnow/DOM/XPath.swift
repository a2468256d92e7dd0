import CLibXML2

/// An XPath expression checked once, when a rule set is loaded, and
/// evaluated against any number of documents.
///
/// libxml2's compiled expressions are not documented as safe to share
/// between threads, so each evaluation compiles its own copy; compiling is
/// microseconds, and the expression text was already validated. The
/// evaluation context is the document's own (`Document.withXPathContext`).
public struct XPath: Sendable, Hashable {
    public let expression: String
    /// The one tag the expression can select, when it is a single step down
    /// the descendant axis by a tag name Winnow knows (`descendant::aside[…]`,
    /// predicates aside): under a node without such an element it selects
    /// nothing, and libxml2 is not asked to search.
    let subjectTag: HTMLTag?

    public init(_ expression: String) throws {
        winnow_silence_libxml2()
        guard let compiled = xmlXPathCompile(expression) else {
            throw XPathError.invalid(expression)
        }
        xmlXPathFreeCompExpr(compiled)
        self.expression = expression
        subjectTag = XPath.subjectTag(of: expression)
    }

    /// Element nodes the expression selects, in document order, with `node`
    /// as the context node.
    public func elements(in document: Document, from node: Node? = nil) -> [Node] {
        guard let context = node ?? document.root else { return [] }
        if let subjectTag, !context.hasDescendant(tagged: subjectTag) { return [] }
        return document.withXPathContext { xpath in
            xpath.pointee.node = context.pointer
            guard let result = xmlXPathEvalExpression(expression, xpath) else { return [] }
            defer { xmlXPathFreeObject(result) }
            guard result.pointee.type == XPATH_NODESET, let set = result.pointee.nodesetval else { return [] }
            let count = Int(set.pointee.nodeNr)
            var nodes: [Node] = []
            nodes.reserveCapacity(count)
            for index in 0..<count {
                if let raw = set.pointee.nodeTab[index], raw.pointee.type == XML_ELEMENT_NODE {
                    nodes.append(Node(raw))
                }
            }
            return nodes
        } ?? []
    }

    /// `subjectTag`: `descendant::NAME` followed by nothing but predicates
    /// (`[…]`, brackets balanced outside string literals). Anything else
    /// (a union, a further step, another axis) has none.
    static func subjectTag(of expression: String) -> HTMLTag? {
        let bytes = Array(expression.utf8)
        let axis = Array("descendant::".utf8)
        guard bytes.starts(with: axis) else { return nil }
        var index = axis.count
        let nameStart = index
        while index < bytes.count, (0x61...0x7A).contains(bytes[index]) || (0x30...0x39).contains(bytes[index]) { index += 1 }
        guard index > nameStart, let tag = HTMLTag(named: String(decoding: bytes[nameStart..<index], as: UTF8.self)) else {
            return nil
        }
        var depth = 0
        var quote: UInt8?
        while index < bytes.count {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "[") {
                depth += 1
            } else if byte == UInt8(ascii: "]") {
                depth -= 1
                if depth < 0 { return nil }
            } else if depth == 0 {
                return nil
            } else if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
                quote = byte
            }
            index += 1
        }
        return depth == 0 && quote == nil ? tag : nil
    }
}

public enum XPathError: Error, Equatable, Sendable {
    case invalid(String)
}
