import CLibXML2

/// Per-element figures for a subtree, computed in one linear pass: visible
/// characters, characters inside links, commas, counts of telling
/// elements, and prose units (see `ProseMap`). Sums flow from children to
/// parents without recursion, so a page nested 100 000 deep costs what a
/// flat one does. A view of `TextCounts`, which may count more than the
/// subtree: a node outside it reads as zero, as a count of the subtree
/// alone would have it.
final class TextStatistics {
    struct Figures: Equatable {
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

    /// The counts this is a view of, and the positions of the subtree
    /// viewed: a node and its descendants hold consecutive positions.
    let counts: TextCounts
    private let positions: Range<Int>

    /// Counts the subtree under `root`.
    convenience init(root: Node) {
        let counts = TextCounts(root: root)
        self.init(counts: counts, positions: 0..<counts.count)
    }

    private init(counts: TextCounts, positions: Range<Int>) {
        self.counts = counts
        self.positions = positions
    }

    /// The figures of the subtree under `root` within `counts`, which
    /// read as a count of that subtree alone would; nil when `root` is not
    /// counted there.
    convenience init?(subtree root: Node, of counts: TextCounts) {
        guard let index = counts.index(of: root.pointer) else { return nil }
        self.init(counts: counts, positions: index..<counts.end(of: index))
    }

    private func position(of node: Node) -> Int? {
        guard let index = counts.index(of: node.pointer), positions.contains(index) else { return nil }
        return index
    }

    /// The node's position in document order within the subtree (`Int.max`
    /// for nodes outside it): comparing two is O(1), where libxml2's
    /// `xmlXPathCmpNodes` walks siblings.
    func documentPosition(of node: Node) -> Int {
        position(of: node) ?? Int.max
    }

    subscript(node: Node) -> Figures {
        guard let index = position(of: node) else { return Figures() }
        return counts.figures[index]
    }
}
