import CLibXML2

/// Puts the content that libxml2 leaves beside the `<html>` element where a
/// browser puts it: in the body.
///
/// A page that closes `</body></html>` early (a theme's footer template
/// included mid-page, then the article) goes on after it. HTML's parsing
/// algorithm sends everything after `</html>` to the body ("after after
/// body" mode), so readers see it; libxml2 2.9 opens a second `<html>`
/// element beside the first, which `Document.body` never reaches, and
/// such pages came out empty (37 of the 2079 devset pages have one; wcxb
/// 0310's whole article is there).
enum StrayTopLevelContent {
    /// Moves what follows the body into it: elements after the `<body>`
    /// inside the `<html>` element (libxml2 puts a second `<html>` there
    /// when the page has no `<head>`) and elements after the `<html>`
    /// element. A stray `<html>` or `<body>` gives its children (a stray
    /// `<head>`'s go to the head: a browser reads its metadata too, after
    /// the page's own) and goes. Does nothing when the page has no body to
    /// receive them.
    static func adopt(in document: Document) {
        guard let root = document.root?.pointer, let body = document.body?.pointer else { return }
        let strays = elements(after: body) + elements(after: root)
        guard !strays.isEmpty else { return }
        let head = document.head?.pointer
        for stray in strays {
            switch name(of: stray) {
            case "html":
                var child = stray.pointee.children
                while let current = child {
                    child = current.pointee.next
                    switch current.pointee.type == XML_ELEMENT_NODE ? name(of: current) : nil {
                    case "body": moveChildren(of: current, to: body)
                    case "head": moveChildren(of: current, to: head ?? body)
                    default: move(current, to: body)
                    }
                }
                discard(stray)
            case "body":
                moveChildren(of: stray, to: body)
                discard(stray)
            case "head" where stray == head:
                // The page's only `<head>` came after its body (a first
                // `<head>` too broken to be one, then a second document's):
                // it is the head the metadata is read from, and stays.
                continue
            case "head":
                moveChildren(of: stray, to: head ?? body)
                discard(stray)
            default:
                move(stray, to: body)
            }
        }
    }

    /// The elements among the siblings after `node`.
    private static func elements(after node: xmlNodePtr) -> [xmlNodePtr] {
        var elements: [xmlNodePtr] = []
        var next = node.pointee.next
        while let current = next {
            if current.pointee.type == XML_ELEMENT_NODE { elements.append(current) }
            next = current.pointee.next
        }
        return elements
    }

    private static func name(of node: xmlNodePtr) -> String? {
        node.pointee.name.map { String(cString: $0) }
    }

    /// Moves `parent`'s children to the end of `destination`, which must
    /// not be `parent` itself: appending each child to its own parent would
    /// meet the moved children again, and the loop would never end.
    private static func moveChildren(of parent: xmlNodePtr, to destination: xmlNodePtr) {
        guard parent != destination else {
            assertionFailure("a stray's children moved to the stray itself")
            return
        }
        var child = parent.pointee.children
        while let current = child {
            child = current.pointee.next
            move(current, to: destination)
        }
    }

    /// Unlinks `node` and appends it to `destination`. `xmlAddChild` merges
    /// a text node into a text node before it (and frees it): nothing holds
    /// a node yet, right after the parse.
    private static func move(_ node: xmlNodePtr, to destination: xmlNodePtr) {
        xmlUnlinkNode(node)
        xmlAddChild(destination, node)
    }

    /// Frees an emptied stray element (its attributes leave the document's
    /// table of ids with it).
    private static func discard(_ node: xmlNodePtr) {
        xmlUnlinkNode(node)
        xmlFreeNode(node)
    }
}
