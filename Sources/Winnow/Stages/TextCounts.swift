import CLibXML2

/// The figures of `TextStatistics`, for every element and text node under
/// one root, by position in document order: counted in one walk, then kept
/// up to date as stages remove nodes (`applyRemovals`), so a page's body
/// is counted once rather than once a stage. Views of subtrees
/// (`TextStatistics`) share it. Positions are stored in libxml2's
/// `_private` slot, so looking a node up costs no hashing.
final class TextCounts {
    typealias Figures = TextStatistics.Figures

    // Unchecked: only this class's methods touch these, one at a time;
    // the dynamic exclusivity checks would cost more than the reads.
    @exclusivity(unchecked) private(set) var figures: [Figures]
    /// The node at each position; `removedOwner` once the node is taken
    /// out of the tree (see `applyRemovals`).
    @exclusivity(unchecked) private var owners: [xmlNodePtr]
    /// The position each node's figures are summed into: its parent's, or
    /// -1 for the root and for nodes whose sums go nowhere.
    @exclusivity(unchecked) private var parents: [Int32]
    /// The position after each node's last descendant.
    @exclusivity(unchecked) private var ends: [Int32]

    /// Stands in `owners` for a node that was taken out: never a node's
    /// address, and never read through.
    private static var removedOwner: xmlNodePtr { xmlNodePtr(bitPattern: 0x10)! }

    /// An element whose children are being summed.
    private struct Open {
        let pointer: xmlNodePtr
        /// Its position, or -1 for a node that is neither element nor text
        /// (none under an HTML parse) whose sums go nowhere.
        let index: Int
        let tag: HTMLTag
        var sums = ChildSums()
    }

    /// An element's children's figures added up: by the counting walk as
    /// it goes, and again by `sumChildren` after removals.
    private struct ChildSums {
        var summed = Figures()
        /// What `ProseMap` needs of the children: text beside block
        /// children, and whether any is one.
        var inline = (chars: 0, linkChars: 0)
        var hasBlockChild = false

        @inline(__always)
        mutating func add(element figures: Figures, tag: HTMLTag) {
            summed.add(figures)
            if HTMLVocabulary.blockTags.contains(tag) {
                hasBlockChild = true
            } else {
                inline.chars += figures.chars
                inline.linkChars += figures.linkChars
            }
        }

        @inline(__always)
        mutating func add(text counted: (chars: Int, commas: Int)) {
            summed.chars += counted.chars
            summed.commas += counted.commas
            inline.chars += counted.chars
        }

        /// The element's own figures, its children's summed in.
        func completed(as tag: HTMLTag) -> Figures {
            var own = summed
            TextCounts.finish(tag, figures: &own)
            own.proseUnits = ProseMap.proseUnits(tag: tag, summed: own, inline: inline, hasBlockChild: hasBlockChild)
            return own
        }
    }

    /// The elements and text nodes counted, the root's included.
    var count: Int { owners.count }

    /// The position after the last descendant of the node at `index`.
    func end(of index: Int) -> Int { Int(ends[index]) }

    /// Counts the subtree under `root`. `expectedCount` is a guess at
    /// `count` (an earlier count of the same page): without one, the nodes
    /// are counted first.
    init(root: Node, expectedCount: Int? = nil) {
        // One walk in document order: a node gets its position (and its
        // `_private` mark) on the way down, an element its figures on the
        // way up, once its children's are summed into it. The lists are
        // filled in locals and stored once.
        var owners: [xmlNodePtr] = []
        var figures: [Figures] = []
        var parents: [Int32] = []
        var ends: [Int32] = []
        // Sized first: grown a node at a time, the lists would be copied
        // over and over, which costs more than a walk to count them.
        let count = expectedCount ?? TextCounts.countNodes(under: root) + 1
        owners.reserveCapacity(count)
        figures.reserveCapacity(count)
        parents.reserveCapacity(count)
        ends.reserveCapacity(count)
        func enter(_ pointer: xmlNodePtr, parent: Int) -> Int {
            let index = owners.count
            owners.append(pointer)
            figures.append(Figures())
            parents.append(Int32(parent))
            ends.append(Int32(index + 1))
            pointer.pointee._private = UnsafeMutableRawPointer(bitPattern: index + 1)
            return index
        }
        let top = root.pointer
        // The open elements, `depth` of them: the list is written over,
        // never shrunk, as removing its last element copied it out
        // through the generic path at every closing tag.
        var open: [Open] = []
        var depth = 0
        func push(_ element: Open) {
            if depth < open.count { open[depth] = element } else { open.append(element) }
            depth += 1
        }
        if top.pointee.type == XML_ELEMENT_NODE {
            push(Open(pointer: top, index: enter(top, parent: -1), tag: root.tag))
        } else {
            let index = enter(top, parent: -1)
            if top.pointee.type == XML_TEXT_NODE || top.pointee.type == XML_CDATA_SECTION_NODE {
                let counted = TextCounts.counts(ofText: top)
                figures[index].chars = counted.chars
                figures[index].commas = counted.commas
            }
            push(Open(pointer: top, index: -1, tag: .other))
        }
        var next = top.pointee.children
        while depth > 0 {
            let last = depth - 1
            guard let node = next else {
                // The last open node's children are done.
                let closed = open[last]
                depth = last
                if closed.index >= 0 {
                    let own = closed.sums.completed(as: closed.tag)
                    figures[closed.index] = own
                    ends[closed.index] = Int32(owners.count)
                    if depth > 0, open[depth - 1].index >= 0 { open[depth - 1].sums.add(element: own, tag: closed.tag) }
                }
                next = depth == 0 ? nil : closed.pointer.pointee.next
                continue
            }
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                push(Open(pointer: node, index: enter(node, parent: open[last].index), tag: Node(node).tag))
                next = node.pointee.children
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                let index = enter(node, parent: open[last].index)
                let counted = TextCounts.counts(ofText: node)
                figures[index].chars = counted.chars
                figures[index].commas = counted.commas
                if open[last].index >= 0 { open[last].sums.add(text: counted) }
                next = node.pointee.next
            default:
                if node.pointee.children != nil {
                    push(Open(pointer: node, index: -1, tag: .other))
                    next = node.pointee.children
                } else {
                    next = node.pointee.next
                }
            }
        }
        self.figures = figures
        self.owners = owners
        if top.pointee.type != XML_ELEMENT_NODE { ends[0] = Int32(owners.count) }
        self.parents = parents
        self.ends = ends
    }

    /// The elements and text nodes under `root` (not `root`).
    private static func countNodes(under root: Node) -> Int {
        var count = 0
        root.walkDescendants { node in
            let type = node.pointer.pointee.type
            if type == XML_ELEMENT_NODE || type == XML_TEXT_NODE || type == XML_CDATA_SECTION_NODE { count += 1 }
            return .descend
        }
        return count
    }

    /// Brings the figures up to date with the tree after `removed` (taken
    /// out, in that order, since they were counted, with nothing else
    /// changed): they then read as a new count of the tree would. Only the
    /// removed nodes' ancestors are summed again, from their children,
    /// deepest first. Returns false, leaving the figures unusable, when a
    /// removed node or a child of a changed one cannot be placed (another
    /// count marked it since): the caller then counts the tree anew.
    func applyRemovals(_ removed: [Node]) -> Bool {
        guard !removed.isEmpty else { return true }
        var isStale = [Bool](repeating: false, count: owners.count)
        var stale: [Int] = []
        for node in removed {
            guard let index = markedIndex(of: node.pointer) else { return false }
            // The root itself (or a node already gone with it) leaves the
            // figures under the root as they were.
            if index == 0 { continue }
            var parent = Int(parents[index])
            while parent >= 0, !isStale[parent] {
                isStale[parent] = true
                stale.append(parent)
                parent = Int(parents[parent])
            }
            forget(at: index)
        }
        positionTable = nil
        // Positions follow document order, so a node's descendants come
        // after it: summing from the last position up finishes every child
        // before its parent.
        stale.sort(by: >)
        for index in stale where owners[index] != TextCounts.removedOwner {
            guard sumChildren(at: index) else { return false }
        }
        return true
    }

    /// Drops the node at `index` and the nodes under it from the figures,
    /// as a new count would not see them. They hold the positions up to
    /// its end (the tree only lost nodes since it was counted), so no walk
    /// of the removed subtree is needed.
    private func forget(at index: Int) {
        let removedOwner = TextCounts.removedOwner
        for position in index..<Int(ends[index]) {
            owners[position] = removedOwner
            figures[position] = Figures()
        }
    }

    /// Sums an element's figures again from its children's, as the
    /// counting walk does when it closes the element.
    private func sumChildren(at index: Int) -> Bool {
        let pointer = owners[index]
        guard pointer.pointee.type == XML_ELEMENT_NODE else { return true }
        var sums = ChildSums()
        var next = pointer.pointee.children
        while let child = next {
            next = child.pointee.next
            switch child.pointee.type {
            case XML_ELEMENT_NODE:
                guard let childIndex = markedIndex(of: child) else { return false }
                sums.add(element: figures[childIndex], tag: Node(child).tag)
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                sums.add(text: TextCounts.counts(ofText: child))
            default:
                break
            }
        }
        figures[index] = sums.completed(as: Node(pointer).tag)
        return true
    }

    /// Completes an element's figures once its children are summed in.
    private static func finish(_ tag: HTMLTag, figures own: inout Figures) {
        switch tag {
        case .a: own.linkChars = own.chars
        case .p: own.paragraphs += 1
        case .img: own.images += 1
        case .li: own.listItems += 1
        case .input, .select, .textarea, .button: own.inputs += 1
        case .embed, .object, .iframe, .video, .audio: own.embeds += 1
        case .h1, .h2, .h3, .h4, .h5, .h6: own.headings += 1
        case .figure, .picture: own.figures += 1
        case .ul, .ol: own.listChars = own.chars
        default: break
        }
    }

    // No deinit clears the marks: a mark is read only with a check that
    // the count it names holds that node at that position, so a stale one
    // is never misread, and clearing them cost a pass over every node.

    /// Positions by node, built only when another instance has marked some
    /// of these nodes since (two stages' figures alive at once).
    private var positionTable: [xmlNodePtr: Int]?

    private var positions: [xmlNodePtr: Int] {
        if let positionTable { return positionTable }
        var table: [xmlNodePtr: Int] = [:]
        table.reserveCapacity(owners.count)
        for (index, pointer) in owners.enumerated() where pointer != TextCounts.removedOwner { table[pointer] = index }
        positionTable = table
        return table
    }

    private func markedIndex(of pointer: xmlNodePtr) -> Int? {
        guard let raw = pointer.pointee._private else { return nil }
        let index = Int(bitPattern: raw) - 1
        guard index >= 0, index < owners.count, owners[index] == pointer else { return nil }
        return index
    }

    /// The node's position, if it is counted here.
    func index(of pointer: xmlNodePtr) -> Int? {
        if let index = markedIndex(of: pointer) { return index }
        // Unmarked, or marked by another instance: ask the table.
        return positions[pointer]
    }

    /// A text node's counts, kept in its `psvi` slot (which only XML Schema
    /// validation uses) once made: the body is counted again when a stage
    /// still holds its figures, comment sections are counted apart, and
    /// text is not changed once parsed, so each text node is read once a
    /// page, not once a count. The high bit marks a stored count;
    /// `Document.unwrap`, which can merge text nodes, clears what it
    /// touches.
    private static func counts(ofText pointer: xmlNodePtr) -> (chars: Int, commas: Int) {
        let marker: UInt = 1 << 63
        if let stored = pointer.pointee.psvi {
            let bits = UInt(bitPattern: stored)
            if bits & marker != 0 { return (Int(bits >> 32 & 0x7FFF_FFFF), Int(bits & 0xFFFF_FFFF)) }
        }
        let counted = count(pointer.pointee.content)
        if counted.chars <= 0x7FFF_FFFF, counted.commas <= 0xFFFF_FFFF {
            let bits = marker | UInt(counted.chars) << 32 | UInt(counted.commas)
            pointer.pointee.psvi = UnsafeMutableRawPointer(bitPattern: bits)
        }
        return counted
    }

    /// Counts code points that are not ASCII white space or NBSP, and commas
    /// (ASCII, and the full-width comma of CJK text).
    private static func count(_ content: UnsafeMutablePointer<xmlChar>?) -> (chars: Int, commas: Int) {
        guard var byte = content else { return (0, 0) }
        var chars = 0
        var commas = 0
        var previous: UInt8 = 0
        while byte.pointee != 0 {
            let value = byte.pointee
            switch value {
            case 0x20, 0x09, 0x0A, 0x0D, 0x0C:
                break
            case 0x80...0xBF:
                // A continuation byte: part of a character already counted,
                // except the second byte of NBSP (C2 A0), which is space.
                if previous == 0xC2, value == 0xA0 { chars -= 1 }
                if previous == 0xEF, value == 0xBC, byte[1] == 0x8C { commas += 1 }
            case UInt8(ascii: ","):
                chars += 1
                commas += 1
            default:
                chars += 1
            }
            previous = value
            byte += 1
        }
        return (chars, commas)
    }
}
