/// Comments that no element wraps one by one: old TypePad and Movable Type
/// templates print a thread as a flat run of siblings after the
/// "Comments" heading,
///
///     <a id="c6558"></a> <p>text</p> <p>text</p>
///     <p class="posted">Posted by: Ann | Apr 6, 2007 1:11 PM</p>
///     <a id="c6559"></a> <p>text</p> ...
///
/// Each comment is then the run between two boundaries: a jump target
/// (`<a id>` without text) that opens it, or a repeated byline that
/// closes it.
enum FlatThread {
    /// The class of the element each comment is wrapped in; a class the
    /// item rules take for one comment.
    static let wrapperClass = "comment"
    /// Fewer comments than this is no thread.
    static let minimumComments = 2

    /// The runs of `siblings` that are one comment each, in order; empty
    /// when the siblings show no repeated boundary.
    static func comments(in siblings: [Node]) -> [[Node]] {
        let elements = siblings.filter(\.isElement)
        let anchors = elements.filter(isJumpTarget)
        if anchors.count >= minimumComments {
            var result = runs(of: siblings, opening: Set(anchors))
            // The last comment ends at its byline, when it has one; what
            // follows is the thread's footer ("comments are closed").
            if let last = result.last, let byline = last.lastIndex(where: { $0.isElement && isByline($0) }) {
                result[result.count - 1] = Array(last[...byline])
            }
            return result
        }
        // Bylines: the most repeated shape among elements that read as a
        // comment header or footer.
        var bylines: [String: [Node]] = [:]
        var order: [String] = []
        for element in elements where isByline(element) {
            let shape = CommentItems.shape(of: element)
            if bylines[shape] == nil { order.append(shape) }
            bylines[shape, default: []].append(element)
        }
        guard let shape = order.max(by: { bylines[$0]!.count < bylines[$1]!.count }),
            let marks = bylines[shape], marks.count >= minimumComments
        else { return [] }
        // A byline before any text opens its comment; otherwise it closes it.
        let firstText = siblings.first { Text.visibleLength($0.textContent) > 0 }
        if firstText == marks.first {
            return runs(of: siblings, opening: Set(marks))
        }
        return runs(of: siblings, closing: Set(marks))
    }

    /// `<a id="c65581830"></a>`, `<a name="comment-12"></a>`: an anchor
    /// to jump to, with no text of its own.
    private static func isJumpTarget(_ node: Node) -> Bool {
        node.hasName("a") && !node.hasAttribute("href") && (node.hasAttribute("id") || node.hasAttribute("name"))
            && Text.visibleLength(node.textContent) == 0
    }

    private static func isByline(_ node: Node) -> Bool {
        let text = Text.collapsingWhitespace(node.textContent)
        guard let header = CommentHeader(line: text) else { return false }
        return header.author != nil || header.date != nil
    }

    /// Runs that each start at an opening boundary (what precedes the
    /// first one is not a comment).
    private static func runs(of siblings: [Node], opening: Set<Node>) -> [[Node]] {
        var result: [[Node]] = []
        var current: [Node]?
        for node in siblings {
            if opening.contains(node) {
                if let run = current { result.append(run) }
                current = [node]
            } else {
                current?.append(node)
            }
        }
        if let run = current { result.append(run) }
        return result.filter { run in run.contains { Text.visibleLength($0.textContent) > 0 } }
    }

    /// Runs that each end at a closing boundary (what follows the last one
    /// is not a comment: "The comments to this entry are closed.").
    private static func runs(of siblings: [Node], closing: Set<Node>) -> [[Node]] {
        var result: [[Node]] = []
        var current: [Node] = []
        for node in siblings {
            current.append(node)
            if closing.contains(node) {
                result.append(current)
                current = []
            }
        }
        return result
    }
}
