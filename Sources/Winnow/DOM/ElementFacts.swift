import CLibXML2

/// Facts about one element that selector matching and word hints read,
/// gathered once per element: its tag name, class tokens, id, and the
/// words of those.
///
/// A class, not a struct: the stages' walks fetch an element's facts from
/// `ElementFactsCache` over and over, and a reference is one retain where
/// a struct of five arrays and strings is five.
public final class ElementFacts: Sendable {
    public let tag: String
    /// The tag as Winnow's vocabulary knows it (`.other` for the rest).
    public let htmlTag: HTMLTag
    public let classes: [String]
    /// The `NameHash` of each class token.
    let classHashes: [UInt64]
    public let id: String?
    /// The `NameHash` of `id` (of nothing when there is none).
    let idHash: UInt64
    /// The words of the class and id tokens, for word hints.
    public let nameWords: NameWords
    /// Whether a class token, and whether the id, holds the letters of
    /// "comment" in any ASCII case: read once a spelling, for
    /// `CommentMarkup.mayNameComment`, which the comment stage asks of
    /// every element.
    let classesHoldComment: Bool
    let idHoldsComment: Bool

    public convenience init(_ node: Node) {
        let (classAttribute, idAttribute) = ElementFacts.nameAttributes(of: node)
        self.init(node, classAttribute: classAttribute, idAttribute: idAttribute)
    }

    /// The facts shared by every element of `tag` (a known one) without
    /// class or id: half of a page's elements.
    static func plain(_ tag: HTMLTag) -> ElementFacts { plainFacts[Int(tag.rawValue)] }

    private static let plainFacts: [ElementFacts] = HTMLTag.allCases.map(ElementFacts.init(plain:))

    private init(plain tag: HTMLTag) {
        htmlTag = tag
        self.tag = tag.name
        classes = []
        classHashes = []
        id = nil
        idHash = NameHash.seed
        nameWords = .none
        classesHoldComment = false
        idHoldsComment = false
    }

    /// The `class` and `id` attributes, found in one pass over the
    /// attributes (the first of each name, as `xmlHasProp` finds them).
    static func nameAttributes(of node: Node) -> (class: xmlAttrPtr?, id: xmlAttrPtr?) {
        var classAttribute: xmlAttrPtr?
        var idAttribute: xmlAttrPtr?
        var attribute = node.pointer.pointee.properties
        while let current = attribute {
            if let name = current.pointee.name {
                if classAttribute == nil, Node.name(name, is: "class") {
                    classAttribute = current
                } else if idAttribute == nil, Node.name(name, is: "id") {
                    idAttribute = current
                }
            }
            attribute = current.pointee.next
        }
        return (classAttribute, idAttribute)
    }

    init(_ node: Node, classAttribute: xmlAttrPtr?, idAttribute: xmlAttrPtr?) {
        htmlTag = node.tag
        tag = htmlTag == .other ? node.name : htmlTag.name
        guard classAttribute != nil || idAttribute != nil else {
            classes = []
            classHashes = []
            id = nil
            idHash = NameHash.seed
            nameWords = .none
            classesHoldComment = false
            idHoldsComment = false
            return
        }
        var builder = NameWords.Builder()
        builder.reserveCapacity(
            forBytes: ElementFacts.length(of: classAttribute) + ElementFacts.length(of: idAttribute),
            classTokens: classAttribute != nil)
        if let classAttribute { builder.add(valueOf: classAttribute, isID: false, collectingClassTokens: true) }
        classes = builder.classTokens
        classHashes = builder.classTokenHashes
        if let idAttribute {
            builder.add(valueOf: idAttribute, isID: true)
            let value = ElementFacts.value(of: idAttribute, in: node)
            id = value
            idHash = value.map(NameHash.of) ?? NameHash.seed
        } else {
            id = nil
            idHash = NameHash.seed
        }
        nameWords = builder.nameWords
        classesHoldComment = builder.classTokensHoldComment
        idHoldsComment = id.map { Text.containsBytes($0, "comment", ignoringASCIICase: true) } ?? false
    }

    private static func length(of attribute: xmlAttrPtr?) -> Int {
        var length = 0
        var child = attribute?.pointee.children
        while let text = child {
            if let content = text.pointee.content { length += Int(xmlStrlen(content)) }
            child = text.pointee.next
        }
        return length
    }

    /// An attribute's value as `xmlGetProp` gives it, without the copy
    /// when it is one text node (always, from the HTML parser).
    private static func value(of attribute: xmlAttrPtr, in node: Node) -> String? {
        if let child = attribute.pointee.children, child.pointee.next == nil,
            child.pointee.type == XML_TEXT_NODE || child.pointee.type == XML_CDATA_SECTION_NODE
        {
            return child.pointee.content.map { String(cString: $0) }
        }
        guard let name = attribute.pointee.name, let value = xmlGetProp(node.pointer, name) else { return nil }
        defer { winnow_xml_free(value) }
        return String(cString: value)
    }

    func satisfies(_ compound: SimpleSelector.Compound, node: Node) -> Bool {
        if let tag = compound.tag {
            if let known = compound.htmlTag {
                if known != htmlTag { return false }
            } else if tag != self.tag {
                return false
            }
        }
        if let id = compound.id, compound.idHash != idHash || id != self.id { return false }
        // By index: iterating would copy each test out of its list (and
        // retain what it holds), for every candidate element.
        for index in compound.classes.indices where !hasClass(compound.classes[index], hash: compound.classHashes[index]) {
            return false
        }
        for index in compound.attributes.indices where !compound.attributes[index].matches(node) { return false }
        return true
    }

    @inline(__always)
    func hasClass(_ name: String, hash: UInt64) -> Bool {
        for index in classHashes.indices where classHashes[index] == hash && classes[index] == name { return true }
        return false
    }
}
