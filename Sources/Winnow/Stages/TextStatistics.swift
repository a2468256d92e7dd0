import CLibXML2

/// Per-element figures for a subtree, computed in one linear pass: visible
/// characters, characters inside links, commas, counts of telling
/// elements, and prose units (see `ProseMap`). Sums flow from children to
/// parents without recursion, so a page nested 100 000 deep costs what a
/// flat one does. Stored by index in libxml2's `_private` slot, so looking
/// a node up costs no hashing.
final class TextStatistics {
    struct Figures {
        var chars = 0
        var linkChars = 0
        var commas = 0
        var paragraphs = 0
        var images = 0
        var listItems = 0
        var inputs = 0
        var embeds = 0
        var headings = 0
        var figures = 0
        /// Characters inside `<ul>`/`<ol>`, outermost lists only.
        var listChars = 0
        /// Long, link-poor paragraph text in units of
        /// `ProseMap.minimumParagraphChars`.
        var proseUnits = 0

        var linkDensity: Double { chars == 0 ? 0 : Double(linkChars) / Double(chars) }

        mutating func add(_ child: Figures) {
            chars += child.chars
            linkChars += child.linkChars
            commas += child.commas
            paragraphs += child.paragraphs
            images += child.images
            listItems += child.listItems
            inputs += child.inputs
            embeds += child.embeds
            headings += child.headings
            figures += child.figures
            listChars += child.listChars
            proseUnits += child.proseUnits
        }
    }

    private let figures: [Figures]
    private let owners: [xmlNodePtr]

    init(root: Node) {
        // Preorder list, with each node's parent's position; walking it
        // backwards meets every node after all of its descendants. The
        // lists are filled in locals and stored once: a class's stored
        // arrays would be checked for exclusive access at every touch.
        var order: [xmlNodePtr] = [root.pointer]
        var parents: [Int] = [-1]
        root.pointer.pointee._private = UnsafeMutableRawPointer(bitPattern: 1)
        root.walkDescendants { node in
            guard node.isElement || node.isText else { return .descend }
            let pointer = node.pointer
            // The parent was listed (and marked) before its children.
            let mark = pointer.pointee.parent.flatMap { $0.pointee._private }
            parents.append(mark.map { Int(bitPattern: $0) - 1 } ?? -1)
            order.append(pointer)
            pointer.pointee._private = UnsafeMutableRawPointer(bitPattern: order.count)
            return .descend
        }
        var figures = Array(repeating: Figures(), count: order.count)
        // What `ProseMap` needs of an element's children, summed as the
        // children are: text beside block children, and whether any is one.
        var inline = Array(repeating: (chars: 0, linkChars: 0), count: order.count)
        var hasBlockChild = Array(repeating: false, count: order.count)
        for index in stride(from: order.count - 1, through: 0, by: -1) {
            let pointer = order[index]
            var own = figures[index]
            let isElement = pointer.pointee.type == XML_ELEMENT_NODE
            var tag = HTMLTag.other
            if isElement {
                tag = Node(pointer).tag
                TextStatistics.finish(tag, figures: &own)
                own.proseUnits = ProseMap.proseUnits(
                    tag: tag, summed: own, inline: inline[index], hasBlockChild: hasBlockChild[index])
            } else {
                let counted = TextStatistics.counts(ofText: pointer)
                own.chars += counted.chars
                own.commas += counted.commas
            }
            figures[index] = own
            let parent = parents[index]
            if index > 0, parent >= 0 {
                figures[parent].add(own)
                if isElement, HTMLVocabulary.blockTags.contains(tag) {
                    hasBlockChild[parent] = true
                } else {
                    inline[parent].chars += own.chars
                    inline[parent].linkChars += own.linkChars
                }
            }
        }
        self.figures = figures
        owners = order
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

    deinit {
        // Only the marks that are still this instance's: another one may
        // have marked the same nodes since, and is still in use.
        for (index, pointer) in owners.enumerated() where markedIndex(of: pointer) == index {
            pointer.pointee._private = nil
        }
    }

    /// Positions by node, built only when another instance has marked some
    /// of these nodes since (two stages' figures alive at once).
    private lazy var positions: [xmlNodePtr: Int] = {
        var table: [xmlNodePtr: Int] = [:]
        table.reserveCapacity(owners.count)
        for (index, pointer) in owners.enumerated() { table[pointer] = index }
        return table
    }()

    private func markedIndex(of pointer: xmlNodePtr) -> Int? {
        guard let raw = pointer.pointee._private else { return nil }
        let index = Int(bitPattern: raw) - 1
        guard index >= 0, index < owners.count, owners[index] == pointer else { return nil }
        return index
    }

    private func index(of pointer: xmlNodePtr) -> Int? {
        if let index = markedIndex(of: pointer) { return index }
        // Unmarked, or marked by another instance: ask the table.
        return positions[pointer]
    }

    /// The node's position in document order within the subtree (`Int.max`
    /// for nodes outside it): comparing two is O(1), where libxml2's
    /// `xmlXPathCmpNodes` walks siblings.
    func documentPosition(of node: Node) -> Int {
        index(of: node.pointer) ?? Int.max
    }

    subscript(node: Node) -> Figures {
        guard let index = index(of: node.pointer) else { return Figures() }
        return figures[index]
    }

    /// A text node's counts, kept in its `psvi` slot (which only XML Schema
    /// validation uses) once made: every stage that weighs the tree builds
    /// its own figures, and text is not changed once parsed, so each text
    /// node is read once a page, not once a stage. The high bit marks a
    /// stored count; `Document.unwrap`, which can merge text nodes, clears
    /// what it touches.
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
