import CLibXML2

extension Node {
    /// The attribute named `name` (a lower-case name written in the code),
    /// as `xmlHasProp` finds it on an element of an HTML page: the first of
    /// that name. Names are compared as bytes in place; `xmlHasProp` calls
    /// `xmlStrEqual` for each attribute, then looks for a default value
    /// declared in the page's DTD, which an HTML page never has (libxml2's
    /// HTML parser skips the internal subset). Every walk asks this of
    /// every element.
    @inline(__always)
    func attributeNode(_ name: StaticString) -> xmlAttrPtr? {
        guard pointer.pointee.type == XML_ELEMENT_NODE else { return nil }
        var attribute = pointer.pointee.properties
        while let current = attribute {
            if let attributeName = current.pointee.name, Node.name(attributeName, is: name) { return current }
            attribute = current.pointee.next
        }
        return nil
    }

    /// Whether a NUL-terminated name from libxml2 is `expected`, byte for
    /// byte (a shorter name differs at its NUL, so nothing past it is read).
    @inline(__always)
    static func name(_ name: UnsafePointer<xmlChar>, is expected: StaticString) -> Bool {
        let bytes = expected.utf8Start
        let count = expected.utf8CodeUnitCount
        for index in 0..<count where name[index] != bytes[index] { return false }
        return name[count] == 0
    }
}

extension Node {
    /// Whether attribute `name` holds any of `needles` (lower-case ASCII) as
    /// a substring, ignoring ASCII case, read in place: no String is built.
    /// A cheap pre-filter for walks that test every element's class or id
    /// before the exact (and costlier) word match of `NameWords`.
    public func attribute(_ name: StaticString, containsAnyOf needles: [StaticString]) -> Bool {
        guard let attribute = attributeNode(name) else { return false }
        var child = attribute.pointee.children
        while let text = child {
            if let content = text.pointee.content {
                for needle in needles where Node.contains(content, lowercaseASCII: needle) { return true }
            }
            child = text.pointee.next
        }
        return false
    }

    private static func contains(_ haystack: UnsafePointer<xmlChar>, lowercaseASCII needle: StaticString) -> Bool {
        needle.withUTF8Buffer { expected in
            guard let first = expected.first else { return true }
            var start = 0
            while haystack[start] != 0 {
                if haystack[start] | 0x20 == first {
                    var offset = 1
                    while offset < expected.count, haystack[start + offset] != 0,
                        haystack[start + offset] | 0x20 == expected[offset]
                    {
                        offset += 1
                    }
                    if offset == expected.count { return true }
                }
                start += 1
            }
            return false
        }
    }
}

extension Node {
    /// Calls `body` with the bytes of `attribute`'s value (an attribute of
    /// this node) as `xmlGetProp` gives them: read in place when the value
    /// is one text node, as the HTML parser makes it, copied otherwise. Nil
    /// where `xmlGetProp` gives nil.
    func withValue<Result>(of attribute: xmlAttrPtr, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        if let child = attribute.pointee.children, child.pointee.next == nil,
            child.pointee.type == XML_TEXT_NODE || child.pointee.type == XML_CDATA_SECTION_NODE
        {
            guard let content = child.pointee.content else { return nil }
            return body(UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
        }
        guard let name = attribute.pointee.name, let value = xmlGetProp(pointer, name) else { return nil }
        defer { winnow_xml_free(value) }
        return body(UnsafeBufferPointer(start: value, count: Int(xmlStrlen(value))))
    }

    /// Calls `body` with the bytes of attribute `name`'s value, read as
    /// `withValue` reads them; nil where `attribute(name)` is nil
    /// (`xmlGetProp` is `xmlHasProp` and then the value).
    func withAttribute<Result>(_ name: StaticString, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        guard let attribute = attributeNode(name) else { return nil }
        return withValue(of: attribute, body)
    }

    /// Whether attribute `name` is present and its value is `expected`
    /// (ASCII), compared as `attribute(name) == expected` would, without
    /// building the String when the value is ASCII.
    public func attribute(_ name: StaticString, is expected: StaticString) -> Bool {
        guard let attribute = attributeNode(name) else { return false }
        return withValue(of: attribute) { value in
            if value.allSatisfy({ $0 < 0x80 }) {
                return expected.withUTF8Buffer { value.elementsEqual($0) }
            }
            // `==` equates canonically equivalent spellings: leave
            // anything past ASCII to it.
            return String(decoding: value, as: UTF8.self) == expected.description
        } ?? false
    }
}

extension Node {
    /// Whether attribute `name` is present and its space-separated list
    /// holds `word` (lower-case ASCII), case ignored: what
    /// `attribute(name)?.lowercased().split(separator: " ").contains(word)`
    /// answers, read in place. Walks ask this of every link (`rel`) and
    /// element (`itemprop`), and most have no such attribute or an ASCII
    /// one. A value past ASCII takes that String path: Unicode lower-casing
    /// turns some other letters into ASCII ones (the Kelvin sign into `k`).
    public func attribute(_ name: StaticString, hasToken word: StaticString) -> Bool {
        guard let attribute = attributeNode(name) else { return false }
        return withValue(of: attribute) { value in
            guard value.allSatisfy({ $0 < 0x80 }) else {
                let expected = word.description
                return String(decoding: value, as: UTF8.self).lowercased().split(separator: " ").contains { $0 == expected }
            }
            return word.withUTF8Buffer { expected in
                value.split(separator: 0x20).contains { token in
                    token.elementsEqual(expected) { byte, letter in Text.lowercasedASCII(byte) == letter }
                }
            }
        } ?? false
    }
}

extension Node {
    /// Whether attribute `name` is present and its value ends with `suffix`
    /// (ASCII): `attribute(name)?.hasSuffix(suffix)`, read in place when
    /// the value is ASCII without CR (where bytes are Characters).
    public func attribute(_ name: StaticString, hasSuffix suffix: StaticString) -> Bool {
        guard let attribute = attributeNode(name) else { return false }
        return withValue(of: attribute) { value in
            guard !value.contains(where: { $0 >= 0x80 || $0 == 0x0D }) else {
                return String(decoding: value, as: UTF8.self).hasSuffix(suffix.description)
            }
            return suffix.withUTF8Buffer { expected in
                value.count >= expected.count && value[(value.count - expected.count)...].elementsEqual(expected)
            }
        } ?? false
    }
}
