import CLibXML2
import Foundation

/// Element facts (tag, class tokens, id, class/id words) computed once per
/// element and page: five stages walk the tree and ask the same questions
/// of every element.
///
/// Facts are found through libxml2's `psvi` slot, which only XML Schema
/// validation uses: an index into this cache's arrays, checked against the
/// node it was written for (so a mark left by another cache over the same
/// document is never misread). A hash table keyed by node would hash a
/// pointer for every question. Nothing is cleared at the end: the cache
/// may outlive the document's nodes (a `Page` frees its document first).
///
/// Facts depend on nothing but the tag name and the class and id values,
/// so elements that spell those alike share one instance: an element of a
/// known tag with neither shares its tag's (`ElementFacts.plain`), and a
/// page repeats its class names (a menu's items, a list's rows, every
/// comment), so more than half of the others find theirs made already.
final class ElementFactsCache {
    // Unchecked: only `facts(of:)` touches these, and it calls out to
    // nothing that could reach them while it does; the dynamic exclusivity
    // checks cost more than the lookup itself.
    @exclusivity(unchecked) private var stored: [ElementFacts] = []
    @exclusivity(unchecked) private var owners: [xmlNodePtr] = []
    @exclusivity(unchecked) private var bySpelling = FactsBySpelling()

    /// Inlined where it is asked (900 000 times on 99 pages): the lookup
    /// of facts made already is a few loads; making them is not inlined.
    @inline(__always)
    func facts(of node: Node) -> ElementFacts {
        let pointer = node.pointer
        if let raw = pointer.pointee.psvi {
            let index = Int(bitPattern: raw) - 1
            if index >= 0, index < owners.count, owners[index] == pointer { return stored[index] }
        }
        return firstFacts(of: node)
    }

    /// Makes (or finds by spelling) the facts of an element asked for the
    /// first time, and marks the element with their place.
    @inline(never)
    private func firstFacts(of node: Node) -> ElementFacts {
        let pointer = node.pointer
        let (classAttribute, idAttribute) = ElementFacts.nameAttributes(of: node)
        let tag = node.tag
        let facts: ElementFacts
        if classAttribute == nil, idAttribute == nil, tag != .other {
            facts = ElementFacts.plain(tag)
        } else {
            facts = bySpelling.facts(of: node, classAttribute: classAttribute, idAttribute: idAttribute)
        }
        owners.append(pointer)
        stored.append(facts)
        pointer.pointee.psvi = UnsafeMutableRawPointer(bitPattern: stored.count)
        return facts
    }
}

/// Facts by the bytes they are made of: the tag name and the class and id
/// values (each absent, or one text node as the HTML parser makes them).
/// An open-addressing table on an FNV-1a hash of those bytes, confirmed
/// against a copy of them.
private struct FactsBySpelling {
    /// One of the three parts of a spelling: its bytes, or none at all.
    private struct Part {
        let bytes: UnsafeBufferPointer<UInt8>
        let isPresent: Bool

        static var absent: Part { Part(bytes: UnsafeBufferPointer(start: nil, count: 0), isPresent: false) }

        /// How the part begins in a stored spelling: its length, or -1.
        var header: Int32 { isPresent ? Int32(bytes.count) : -1 }
    }

    /// The entries, as parallel lists (probing reads hashes only). A
    /// spelling is every part's `header` (4 bytes) then its bytes, kept in
    /// one byte arena at `spellingStarts`, not a list each.
    private var hashes: [UInt64] = []
    private var spellingStarts: [Int] = []
    private var arena: [UInt8] = []
    private var stored: [ElementFacts] = []
    /// Positions in the entries, -1 for an empty slot; at most half full.
    private var slots = [Int32](repeating: -1, count: 64)

    mutating func facts(of node: Node, classAttribute: xmlAttrPtr?, idAttribute: xmlAttrPtr?) -> ElementFacts {
        guard let name = node.pointer.pointee.name, let classPart = FactsBySpelling.part(classAttribute),
            let idPart = FactsBySpelling.part(idAttribute)
        else {
            return ElementFacts(node, classAttribute: classAttribute, idAttribute: idAttribute)
        }
        let tagPart = Part(bytes: UnsafeBufferPointer(start: name, count: Int(xmlStrlen(name))), isPresent: true)
        var hash = NameHash.seed
        func add(_ part: Part) {
            hash = NameHash.adding(part.isPresent ? 1 : 0, to: hash)
            for byte in part.bytes { hash = NameHash.adding(byte, to: hash) }
            hash = NameHash.adding(0xFF, to: hash)
        }
        add(tagPart)
        add(classPart)
        add(idPart)
        let mask = slots.count - 1
        var slot = FactsBySpelling.slot(of: hash, mask: mask)
        while slots[slot] >= 0 {
            let position = Int(slots[slot])
            if hashes[position] == hash, spelling(at: spellingStarts[position], is: tagPart, classPart, idPart) {
                return stored[position]
            }
            slot = (slot + 1) & mask
        }
        let facts = ElementFacts(node, classAttribute: classAttribute, idAttribute: idAttribute)
        spellingStarts.append(arena.count)
        for part in [tagPart, classPart, idPart] {
            let header = UInt32(bitPattern: part.header)
            for shift in 0..<4 { arena.append(UInt8(truncatingIfNeeded: header >> UInt32(8 * shift))) }
            arena.append(contentsOf: part.bytes)
        }
        slots[slot] = Int32(hashes.count)
        hashes.append(hash)
        stored.append(facts)
        if hashes.count * 2 > slots.count { grow() }
        return facts
    }

    @inline(__always)
    private static func slot(of hash: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }

    /// An attribute's value as bytes in place; nil for a value of another
    /// make (several nodes, a node without content), left to
    /// `ElementFacts` alone.
    private static func part(_ attribute: xmlAttrPtr?) -> Part? {
        guard let attribute else { return .absent }
        guard let child = attribute.pointee.children else {
            return Part(bytes: UnsafeBufferPointer(start: nil, count: 0), isPresent: true)
        }
        guard child.pointee.next == nil, child.pointee.type == XML_TEXT_NODE, let content = child.pointee.content else {
            return nil
        }
        return Part(bytes: UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))), isPresent: true)
    }

    /// Whether the spelling stored at `start` in the arena is these parts'.
    private func spelling(at start: Int, is tag: Part, _ classes: Part, _ id: Part) -> Bool {
        guard start + 12 + tag.bytes.count + classes.bytes.count + id.bytes.count <= arena.count else { return false }
        return arena.withUnsafeBufferPointer { arena in
            let base = arena.baseAddress!
            var offset = start
            for part in [tag, classes, id] {
                var header: UInt32 = 0
                for index in 0..<4 { header |= UInt32(base[offset + index]) << UInt32(8 * index) }
                guard Int32(bitPattern: header) == part.header else { return false }
                offset += 4
                if let bytes = part.bytes.baseAddress, memcmp(base + offset, bytes, part.bytes.count) != 0 { return false }
                offset += part.bytes.count
            }
            return true
        }
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (position, hash) in hashes.enumerated() {
            var slot = FactsBySpelling.slot(of: hash, mask: mask)
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(position)
        }
    }
}
