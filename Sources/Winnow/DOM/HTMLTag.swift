import CLibXML2

/// The HTML elements Winnow's stages reason about, read from libxml2's
/// name bytes without building a String: the walks of every stage ask
/// "is this a block? a paragraph? a link?" of every element.
public enum HTMLTag: UInt8, CaseIterable, Sendable {
    case other
    case a, abbr, address, article, aside, audio, b, blockquote, body, br, button, canvas, caption, center, cite, code
    case dd, details, dialog, dir, div, dl, dt, em, embed, fieldset, figcaption, figure, font, footer, form
    case h1, h2, h3, h4, h5, h6, head, header, hgroup, hr, html, i, iframe, img, input, label, li, link, main, map
    case menu, meta, nav, noscript, object, ol, option, p, picture, pre, q, s, section, select, small, span, strong
    case style, sub, summary, sup, svg, table, tbody, td, template, textarea, tfoot, th, thead, time, title, tr, u
    case ul, video, script

    /// Tag names are ASCII and at most 10 bytes: the length and the first
    /// 8 bytes (7 bits each) packed into an integer identify every tag
    /// above; only the two longer ones are checked byte by byte.
    /// An open-addressing table from packed name to tag, probed with a
    /// multiplicative hash: every stage asks the tag of every element, and
    /// a Dictionary would run SipHash for each question.
    private static let slots: [Slot] = {
        var slots = Array(repeating: Slot(key: 0, tag: .other), count: tableSize)
        for tag in HTMLTag.allCases where tag != .other {
            let name = Array(String(describing: tag).utf8)
            let key = name.withUnsafeBufferPointer { HTMLTag.key($0.baseAddress!, length: $0.count)! }
            var index = slot(of: key)
            while slots[index].key != 0 { index = (index + 1) & (tableSize - 1) }
            slots[index] = Slot(key: key, tag: tag)
        }
        return slots
    }()

    private struct Slot {
        let key: UInt64
        let tag: HTMLTag
    }

    /// Each tag's name as bytes, by raw value.
    private static let names: [[UInt8]] = HTMLTag.allCases.map { Array(String(describing: $0).utf8) }
    /// Each tag's name, by raw value: made once, not read from libxml2's
    /// bytes for every element.
    private static let nameStrings: [String] = HTMLTag.allCases.map { String(describing: $0) }

    /// The tag's name as libxml2 stores it (lower case); "other" for `.other`.
    var name: String { HTMLTag.nameStrings[Int(rawValue)] }

    /// A power of two, several times the number of tags, so probes are short.
    private static let tableSize = 512

    @inline(__always)
    private static func slot(of key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 55)
    }

    private static func lookup(_ key: UInt64) -> HTMLTag? {
        var index = slot(of: key)
        while true {
            let entry = slots[index]
            if entry.key == key { return entry.tag }
            if entry.key == 0 { return nil }
            index = (index + 1) & (tableSize - 1)
        }
    }

    private static func key(_ bytes: UnsafePointer<UInt8>, length: Int) -> UInt64? {
        var packed = UInt64(length)
        for index in 0..<min(length, 8) {
            let byte = bytes[index]
            guard byte < 0x80 else { return nil }
            packed |= UInt64(byte) << (4 + UInt64(index) * 7)
        }
        return packed
    }

    /// The tag named `name` (lower case), or nil for names outside the
    /// vocabulary.
    init?(named name: String) {
        var bytes = Array(name.utf8)
        bytes.append(0)
        let tag = bytes.withUnsafeBufferPointer { HTMLTag(name: $0.baseAddress!) }
        guard tag != .other else { return nil }
        self = tag
    }

    init(name: UnsafePointer<xmlChar>) {
        // The key of `key(_:length:)`, packed while the name is read: no
        // separate strlen, and nothing read past the eleventh byte.
        var packed: UInt64 = 0
        var length = 0
        while length < 8 {
            let byte = name[length]
            if byte == 0 { break }
            guard byte < 0x80 else {
                self = .other
                return
            }
            packed |= UInt64(byte) << (4 + UInt64(length) * 7)
            length += 1
        }
        if length == 8 {
            while name[length] != 0 {
                length += 1
                guard length <= 10 else {
                    self = .other
                    return
                }
            }
        }
        guard length > 0, let candidate = HTMLTag.lookup(packed | UInt64(length)) else {
            self = .other
            return
        }
        // The key holds 8 bytes: longer names are compared in full.
        if length > 8, !HTMLTag.names[Int(candidate.rawValue)].elementsEqual(UnsafeBufferPointer(start: name, count: length)) {
            self = .other
            return
        }
        self = candidate
    }
}

/// A set of tags as a bit mask: membership is one AND, no hashing.
public struct TagSet: Sendable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    public init(_ tags: [HTMLTag]) {
        for tag in tags { insert(tag) }
    }

    public mutating func insert(_ tag: HTMLTag) {
        let bit = tag.rawValue
        if bit < 64 { low |= 1 << UInt64(bit) } else { high |= 1 << UInt64(bit - 64) }
    }

    @inline(__always)
    public func contains(_ tag: HTMLTag) -> Bool {
        let bit = tag.rawValue
        return bit < 64 ? low & (1 << UInt64(bit)) != 0 : high & (1 << UInt64(bit - 64)) != 0
    }
}

extension Node {
    /// The element's tag, `.other` for names Winnow has no use for (and for
    /// nodes that are not elements).
    ///
    /// Read from the name once, then kept in the element's `extra` field
    /// (raw value + 1; 0 is "not yet"), which libxml2 reserves for XPath
    /// and XSLT and leaves at 0 on an HTML parse: the walks of every stage
    /// ask the tag of every element, 900 000 times on 99 pages. Nothing
    /// renames an element, and a copy keeps both name and field. An
    /// embedder that runs XSLT over a Winnow document, or writes `extra`
    /// itself, would clash with this.
    public var tag: HTMLTag {
        guard pointer.pointee.type == XML_ELEMENT_NODE else { return .other }
        let kept = pointer.pointee.extra
        if kept != 0, let tag = HTMLTag(rawValue: UInt8(truncatingIfNeeded: kept - 1)) { return tag }
        guard let name = pointer.pointee.name else { return .other }
        let tag = HTMLTag(name: name)
        pointer.pointee.extra = UInt16(tag.rawValue) + 1
        return tag
    }
}
