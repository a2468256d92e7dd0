import CLibXML2

/// A selector list of compound selectors only (`nav`, `.share`,
/// `div#main`, `[role=navigation]`, comma lists of these): the form most
/// rules take. Matched natively during a walk that the stage makes anyway,
/// where XPath would scan the whole tree once per alternative.
public struct SimpleSelector: Sendable, Hashable {
    public struct Compound: Sendable, Hashable {
        /// Lower-cased tag name; `nil` for any element.
        public let tag: String?
        public let id: String?
        public let classes: [String]
        let attributes: [AttributeTest]
        /// `tag` when Winnow's vocabulary knows it: compared as a number.
        let htmlTag: HTMLTag?
        /// `NameHash`es of `id` and `classes`, compared before the names.
        let idHash: UInt64
        let classHashes: [UInt64]

        init(tag: String?, id: String?, classes: [String], attributes: [AttributeTest]) {
            self.tag = tag
            self.id = id
            self.classes = classes
            self.attributes = attributes
            htmlTag = tag.flatMap(HTMLTag.init(named:))
            idHash = id.map(NameHash.of) ?? NameHash.seed
            classHashes = classes.map(NameHash.of)
        }
    }

    struct AttributeTest: Sendable, Hashable {
        let name: String
        let test: CSSAttributeSelector.Operator?
        let value: String
        let ignoresCase: Bool
        /// The name as libxml2 takes it, made once: most elements lack the
        /// attribute, and asking costs no copy of the name then.
        private let cName: [CChar]

        /// `value` as bytes (lower-cased with `ignoresCase`), when it is
        /// ASCII: then the test runs on the attribute's bytes in place.
        private let asciiNeedle: [UInt8]?

        init(name: String, test: CSSAttributeSelector.Operator?, value: String, ignoresCase: Bool) {
            self.name = name
            self.test = test
            self.value = value
            self.ignoresCase = ignoresCase
            cName = Array(name.utf8CString)
            asciiNeedle = value.utf8.allSatisfy { $0 < 0x80 } ? Array((ignoresCase ? value.lowercased() : value).utf8) : nil
        }

        func matches(_ node: Node) -> Bool {
            let attribute = cName.withUnsafeBufferPointer {
                xmlHasProp(node.pointer, UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: xmlChar.self))
            }
            guard let attribute else { return false }
            guard let test else { return node.attribute(named: name) != nil }
            // Every link is asked `[href^="#"]`: its address is compared in
            // place, not copied into a String. Where bytes and Characters
            // could disagree (a value past ASCII, a CR that begins a CR LF
            // Character), the String comparison below decides.
            if let asciiNeedle,
                let answer = node.withValue(of: attribute, { bytes -> Bool? in
                    guard !bytes.contains(where: { $0 >= 0x80 || $0 == 0x0D }) else { return nil }
                    return AttributeTest.matches(bytes, asciiNeedle, test: test, ignoresCase: ignoresCase)
                })
            {
                return answer ?? matchesAsString(node, test: test)
            }
            return matchesAsString(node, test: test)
        }

        /// The test on ASCII bytes without CR, where it means what it means
        /// on Strings.
        private static func matches(
            _ value: UnsafeBufferPointer<UInt8>, _ needle: [UInt8], test: CSSAttributeSelector.Operator, ignoresCase: Bool
        ) -> Bool {
            needle.withUnsafeBufferPointer { needle in
                /// Whether `value` holds `needle` at `start`.
                func equal(at start: Int, length: Int) -> Bool {
                    guard length == needle.count else { return false }
                    for offset in 0..<length {
                        var byte = value[start + offset]
                        if ignoresCase, byte >= 0x41, byte <= 0x5A { byte |= 0x20 }
                        if byte != needle[offset] { return false }
                    }
                    return true
                }
                let count = value.count
                let length = needle.count
                switch test {
                case .equals: return equal(at: 0, length: count)
                case .includesWord:
                    guard length > 0 else { return false }
                    var start = 0
                    while start < count {
                        while start < count, Text.isASCIISpace(value[start]) { start += 1 }
                        var end = start
                        while end < count, !Text.isASCIISpace(value[end]) { end += 1 }
                        if end > start, equal(at: start, length: end - start) { return true }
                        start = end
                    }
                    return false
                case .dashMatch:
                    return equal(at: 0, length: count)
                        || (count > length && equal(at: 0, length: length) && value[length] == UInt8(ascii: "-"))
                case .prefix: return length > 0 && count >= length && equal(at: 0, length: length)
                case .suffix: return length > 0 && count >= length && equal(at: count - length, length: length)
                case .substring:
                    guard length > 0, count >= length else { return false }
                    for start in 0...(count - length) where equal(at: start, length: length) { return true }
                    return false
                }
            }
        }

        private func matchesAsString(_ node: Node, test: CSSAttributeSelector.Operator) -> Bool {
            guard let actual = node.attribute(named: name) else { return false }
            let haystack = ignoresCase ? actual.lowercased() : actual
            let needle = ignoresCase ? value.lowercased() : value
            switch test {
            case .equals: return haystack == needle
            case .includesWord:
                return !needle.isEmpty && haystack.split(whereSeparator: { $0.isWhitespace }).contains { $0 == needle }
            case .dashMatch: return haystack == needle || haystack.hasPrefix(needle + "-")
            case .prefix: return !needle.isEmpty && haystack.hasPrefix(needle)
            case .suffix: return !needle.isEmpty && haystack.hasSuffix(needle)
            case .substring: return !needle.isEmpty && haystack.contains(needle)
            }
        }
    }

    public let alternatives: [Compound]

    /// The simple form of `css`, or `nil` when it needs combinators or
    /// pseudo-classes (XPath then does the work).
    public init?(css: String) {
        guard var parser = try? CSSSelectorParser(css), let list = try? parser.parse() else { return nil }
        var alternatives: [Compound] = []
        for complex in list.selectors {
            guard complex.compounds.count == 1, let compound = complex.compounds.first else { return nil }
            var id: String?
            var classes: [String] = []
            var attributes: [AttributeTest] = []
            for condition in compound.conditions {
                switch condition {
                case .id(let value):
                    guard id == nil else { return nil }
                    id = value
                case .className(let value):
                    classes.append(value)
                case .attribute(let selector):
                    attributes.append(
                        AttributeTest(
                            name: selector.name, test: selector.match?.operator, value: selector.match?.value ?? "",
                            ignoresCase: selector.match?.ignoresCase ?? false))
                case .pseudoClass:
                    return nil
                }
            }
            alternatives.append(Compound(tag: compound.type, id: id, classes: classes, attributes: attributes))
        }
        self.alternatives = alternatives
    }
}

extension Node {
    /// The whitespace-separated tokens of `class`, read in place.
    public var classTokens: [String] {
        guard let attribute = xmlHasProp(pointer, "class") else { return [] }
        var tokens: [String] = []
        var child = attribute.pointee.children
        while let text = child {
            if let content = text.pointee.content {
                let bytes = UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content)))
                for token in bytes.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x0C }) {
                    tokens.append(String(decoding: token, as: UTF8.self))
                }
            }
            child = text.pointee.next
        }
        return tokens
    }
}
