import CLibXML2

/// An XPath expression checked once, when a rule set is loaded, and
/// evaluated against any number of documents.
///
/// libxml2's compiled expressions are not documented as safe to share
/// between threads, so each evaluation compiles its own copy; compiling is
/// microseconds, and the expression text was already validated.
public struct XPath: Sendable, Hashable {
    public let expression: String

    public init(_ expression: String) throws {
        winnow_silence_libxml2()
        guard let compiled = xmlXPathCompile(expression) else {
            throw XPathError.invalid(expression)
        }
        xmlXPathFreeCompExpr(compiled)
        self.expression = expression
    }

    /// Element nodes the expression selects, in document order, with `node`
    /// as the context node.
    public func elements(in document: Document, from node: Node? = nil) -> [Node] {
        guard let context = xmlXPathNewContext(document.pointer) else { return [] }
        defer { xmlXPathFreeContext(context) }
        context.pointee.node = node?.pointer ?? xmlDocGetRootElement(document.pointer)
        guard let result = xmlXPathEvalExpression(expression, context) else { return [] }
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
    }
}

public enum XPathError: Error, Equatable, Sendable {
    case invalid(String)
}
