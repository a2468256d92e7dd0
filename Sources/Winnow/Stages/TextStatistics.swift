import CLibXML2

/// Per-element figures for a subtree, computed in one linear pass: visible
/// characters, characters inside links, commas, counts of telling
/// elements, and prose units (see `ProseMap`). Sums flow from children to
/// parents without recursion, so a page nested 100 000 deep costs what a
/// flat one does. Stored by index in libxml2's `_private` slot, so looking
/// a node up costs no hashing.
final class TextStatistics {
    struct Figures {
        /// The twelve counts side by side, so that a child's are added to
        /// its parent's in one vector addition (every node of every
        /// weighed subtree is added once). 32 bits hold any page's counts:
        /// pages are at most `CleanerOptions.maximumBytes`.
        private var counts = SIMD16<Int32>()

        var chars: Int {
            get { Int(counts[0]) }
            set { counts[0] = Int32(newValue) }
        }
        var linkChars: Int {
            get { Int(counts[1]) }
            set { counts[1] = Int32(newValue) }
        }
        var commas: Int {
            get { Int(counts[2]) }
            set { counts[2] = Int32(newValue) }
        }
        var paragraphs: Int {
            get { Int(counts[3]) }
            set { counts[3] = Int32(newValue) }
        }
        var images: Int {
            get { Int(counts[4]) }
            set { counts[4] = Int32(newValue) }
        }
        var listItems: Int {
            get { Int(counts[5]) }
            set { counts[5] = Int32(newValue) }
        }
        var inputs: Int {
            get { Int(counts[6]) }
            set { counts[6] = Int32(newValue) }
        }
        var embeds: Int {
            get { Int(counts[7]) }
            set { counts[7] = Int32(newValue) }
        }
        var headings: Int {
            get { Int(counts[8]) }
            set { counts[8] = Int32(newValue) }
        }
        var figures: Int {
            get { Int(counts[9]) }
            set { counts[9] = Int32(newValue) }
        }
        /// Characters inside `<ul>`/`<ol>`, outermost lists only.
        var listChars: Int {
            get { Int(counts[10]) }
            set { counts[10] = Int32(newValue) }
        }
        /// Long, link-poor paragraph text in units of
        /// `ProseMap.minimumParagraphChars`.
        var proseUnits: Int {
            get { Int(counts[11]) }
            set { counts[11] = Int32(newValue) }
        }

        var linkDensity: Double { chars == 0 ? 0 : Double(linkChars) / Double(chars) }

        mutating func add(_ child: Figures) {
            counts &+= child.counts
        }
    }

    private let figures: [Figures]
    private let owners: [xmlNodePtr]

    /// An element whose children are being summed.
    private struct Open {
        let pointer: xmlNodePtr
        /// Its position, or -1 for a node that is neither element nor text
        /// (none under an HTML parse) whose sums go nowhere.
        let index: Int
        let tag: HTMLTag
        var summed = Figures()
        /// What `ProseMap` needs of the children: text beside block
        /// children, and whether any is one.
        var inline = (chars: 0, linkChars: 0)
        var hasBlockChild = false
    }

    init(root: Node) {
        // One walk in document order: a node gets its position (and its
        // `_private` mark) on the way down, an element its figures on the
        // way up, once its children's are summed into it. The lists are
        // filled in locals and stored once: a class's stored arrays would
        // be checked for exclusive access at every touch.
        var owners: [xmlNodePtr] = []
        var figures: [Figures] = []
        // Sized first: grown a node at a time, the lists would be copied
        // over and over, which costs more than this count.
        let count = TextStatistics.countNodes(under: root) + 1
        owners.reserveCapacity(count)
        figures.reserveCapacity(count)
        func enter(_ pointer: xmlNodePtr) -> Int {
            let index = owners.count
            owners.append(pointer)
            figures.append(Figures())
            pointer.pointee._private = UnsafeMutableRawPointer(bitPattern: index + 1)
            return index
        }
        let top = root.pointer
        var open: [Open] = []
        if top.pointee.type == XML_ELEMENT_NODE {
            open.append(Open(pointer: top, index: enter(top), tag: root.tag))
        } else {
            let index = enter(top)
            if top.pointee.type == XML_TEXT_NODE || top.pointee.type == XML_CDATA_SECTION_NODE {
                let counted = TextStatistics.counts(ofText: top)
                figures[index].chars = counted.chars
                figures[index].commas = counted.commas
            }
            open.append(Open(pointer: top, index: -1, tag: .other))
        }
        var next = top.pointee.children
        while let last = open.indices.last {
            guard let node = next else {
                // The last open node's children are done.
                var closed = open.removeLast()
                if closed.index >= 0 {
                    TextStatistics.finish(closed.tag, figures: &closed.summed)
                    closed.summed.proseUnits = ProseMap.proseUnits(
                        tag: closed.tag, summed: closed.summed, inline: closed.inline, hasBlockChild: closed.hasBlockChild)
                    figures[closed.index] = closed.summed
                    if let parent = open.indices.last, open[parent].index >= 0 {
                        open[parent].summed.add(closed.summed)
                        if HTMLVocabulary.blockTags.contains(closed.tag) {
                            open[parent].hasBlockChild = true
                        } else {
                            open[parent].inline.chars += closed.summed.chars
                            open[parent].inline.linkChars += closed.summed.linkChars
                        }
                    }
                }
                next = open.isEmpty ? nil : closed.pointer.pointee.next
                continue
            }
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                open.append(Open(pointer: node, index: enter(node), tag: Node(node).tag))
                next = node.pointee.children
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                let index = enter(node)
                let counted = TextStatistics.counts(ofText: node)
                figures[index].chars = counted.chars
                figures[index].commas = counted.commas
                if open[last].index >= 0 {
                    open[last].summed.chars += counted.chars
                    open[last].summed.commas += counted.commas
                    open[last].inline.chars += counted.chars
                }
                next = node.pointee.next
            default:
                if node.pointee.children != nil {
                    open.append(Open(pointer: node, index: -1, tag: .other))
                    next = node.pointee.children
                } else {
                    next = node.pointee.next
                }
            }
        }
        self.figures = figures
        self.owners = owners
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
