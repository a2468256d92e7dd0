import CLibXML2

/// Per-element text figures for a subtree, computed in one linear pass:
/// visible characters, characters inside links, commas. Stored by index in
/// libxml2's `_private` slot, so looking a node up costs no hashing.
final class TextStatistics {
    struct Figures {
        var chars = 0
        var linkChars = 0
        var commas = 0

        var linkDensity: Double { chars == 0 ? 0 : Double(linkChars) / Double(chars) }
    }

    private var figures: [Figures] = []
    private var owners: [xmlNodePtr] = []

    init(root: Node) {
        // Preorder list; walking it backwards meets every node after all
        // of its descendants, so sums flow up without recursion.
        var order: [xmlNodePtr] = []
        order.append(root.pointer)
        root.walkDescendants { node in
            if node.isElement || node.isText { order.append(node.pointer) }
            return .descend
        }
        figures = Array(repeating: Figures(), count: order.count)
        owners = order
        for (index, pointer) in order.enumerated() {
            pointer.pointee._private = UnsafeMutableRawPointer(bitPattern: index + 1)
        }
        for index in stride(from: order.count - 1, through: 0, by: -1) {
            let pointer = order[index]
            var own = figures[index]
            if pointer.pointee.type != XML_ELEMENT_NODE {
                TextStatistics.count(pointer.pointee.content, into: &own)
            } else if Node(pointer).hasName("a") {
                own.linkChars = own.chars
            }
            figures[index] = own
            if index > 0, let parent = pointer.pointee.parent, let parentIndex = self.index(of: parent) {
                figures[parentIndex].chars += own.chars
                figures[parentIndex].linkChars += own.linkChars
                figures[parentIndex].commas += own.commas
            }
        }
    }

    deinit {
        for pointer in owners { pointer.pointee._private = nil }
    }

    private func index(of pointer: xmlNodePtr) -> Int? {
        guard let raw = pointer.pointee._private else { return nil }
        let index = Int(bitPattern: raw) - 1
        guard index >= 0, index < owners.count, owners[index] == pointer else { return nil }
        return index
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
