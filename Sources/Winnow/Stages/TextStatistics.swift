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

    private var figures: [Figures] = []
    private var owners: [xmlNodePtr] = []

    init(root: Node) {
        // Preorder list; walking it backwards meets every node after all
        // of its descendants.
        var order: [xmlNodePtr] = [root.pointer]
        root.walkDescendants { node in
            if node.isElement || node.isText { order.append(node.pointer) }
            return .descend
        }
        owners = order
        figures = Array(repeating: Figures(), count: order.count)
        for (index, pointer) in order.enumerated() {
            pointer.pointee._private = UnsafeMutableRawPointer(bitPattern: index + 1)
        }
        for index in stride(from: order.count - 1, through: 0, by: -1) {
            let pointer = order[index]
            var own = figures[index]
            if pointer.pointee.type != XML_ELEMENT_NODE {
                TextStatistics.count(pointer.pointee.content, into: &own)
            } else {
                finish(Node(pointer), figures: &own)
            }
            figures[index] = own
            if index > 0, let parent = pointer.pointee.parent, let parentIndex = self.index(of: parent) {
                figures[parentIndex].add(own)
            }
        }
    }

    /// Completes an element's figures once its children are summed in.
    private func finish(_ node: Node, figures own: inout Figures) {
        let tag = node.tag
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
        own.proseUnits = ProseMap.proseUnits(of: node, tag: tag, summed: own, statistics: self)
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

    /// Counts code points that are not ASCII white space or NBSP, and commas
    /// (ASCII, and the full-width comma of CJK text).
    private static func count(_ content: UnsafeMutablePointer<xmlChar>?, into figures: inout Figures) {
        guard var byte = content else { return }
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
        figures.chars += chars
        figures.commas += commas
    }
}
