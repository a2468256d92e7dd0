import CLibXML2

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Puts the parts of a page that React streamed out of order where a
/// browser shows them.
///
/// React's streaming server renderer (Next.js's App Router, Remix and
/// others) sends the page's shell first, with a placeholder for each part
/// still loading (`<template id="B:0">` after a `<!--$?-->` comment,
/// around a fallback such as a spinner, or a bare `<template id="P:5">`),
/// and each part once ready, at the end of the body, as a hidden
/// `<div hidden id="S:0">`. A small script then moves it into place:
/// `$RC("B:0","S:0")` swaps a boundary's fallback for it, `$RS("S:5","P:5")`
/// puts it where its placeholder is. Without this step every such part is
/// a hidden element, removed with the hidden elements: whole article
/// bodies went (30 of the 2079 devset pages stream parts; wcxb 4503, a
/// Motley Fool guide, came out empty).
///
/// What the scripts say is followed; a part no script names (pages saved
/// without their scripts) goes to the placeholder of its own number, as
/// React numbers a part and its placeholder alike in most pages. A part
/// with no placeholder stays where it is, hidden.
enum StreamedSegments {
    /// What every streamed part's `id` attribute starts with, as React
    /// writes it: the page is walked only when its bytes hold this.
    static let marker: [UInt8] = Array("id=\"S:".utf8)

    /// The most parts placed on one page. The development set's pages
    /// stream 52 at most (wcxb 0620); a hostile page of many thousands, in
    /// a deep tree, would cost a walk up the tree for each. Parts past it
    /// stay where they are, hidden.
    static let maximumParts = 4096

    static func place(in document: Document, bytes: [UInt8]) {
        guard contains(bytes, marker), let body = document.body?.pointer else { return }
        let found = collect(under: body)
        guard !found.segments.isEmpty else { return }
        let instructions = scriptedPlaceholders(in: bytes)
        var discarded: [xmlNodePtr] = []
        var attachment = Attachment(body: body)
        for segment in found.segments.prefix(maximumParts) {
            guard let segmentID = id(of: segment) else { continue }
            let number = segmentID.dropFirst(2)
            let candidates = instructions[segmentID].map { [$0] } ?? ["P:" + number, "B:" + number]
            guard let placeholderID = candidates.first(where: { found.placeholders[$0] != nil }),
                let placeholder = found.placeholders[placeholderID],
                attachment.holds(placeholder), attachment.holds(segment),
                // A part that holds its own placeholder (a page that repeats
                // its ids) would be moved into itself.
                !Node(placeholder).isInside(Node(segment))
            else { continue }
            xmlUnlinkNode(segment)
            attachment.forget(segment)
            if placeholderID.hasPrefix("B:") {
                let removedBefore = discarded.count
                replaceFallback(at: placeholder, with: segment, discarded: &discarded)
                // What went with the fallback (a placeholder in it) is no
                // longer in the tree: what was known of the tree is not.
                if discarded.count > removedBefore { attachment.forgetAll() }
            } else {
                replacePlaceholder(placeholder, with: segment, discarded: &discarded)
                // React's placeholders are empty; one that is not took its
                // children out of the tree with it.
                if placeholder.pointee.children == nil { attachment.forget(placeholder) } else { attachment.forgetAll() }
            }
            discarded.append(segment)
        }
        // Freed last: a placeholder in a fallback that went is still in
        // the table above until the end (`Attachment` turns it down).
        for node in discarded { xmlFreeNode(node) }
    }

    /// Which nodes are still in the tree under the body, each walk up the
    /// tree remembered: the nodes on a path found to reach the body reach
    /// it, so a later question stops where an earlier walk passed (a walk
    /// a part, up a tree thousands deep, made a hostile page quadratic).
    /// Moving a part's children keeps them in the tree; a node unlinked is
    /// forgotten, and a fallback's removal forgets everything.
    private struct Attachment {
        let body: xmlNodePtr
        private var known: Set<xmlNodePtr> = []

        init(body: xmlNodePtr) { self.body = body }

        mutating func holds(_ node: xmlNodePtr) -> Bool {
            var path: [xmlNodePtr] = []
            var current: xmlNodePtr? = node
            while let element = current {
                if element == body || known.contains(element) {
                    known.formUnion(path)
                    return true
                }
                path.append(element)
                current = element.pointee.parent
            }
            return false
        }

        mutating func forget(_ node: xmlNodePtr) { known.remove(node) }
        mutating func forgetAll() { known.removeAll(keepingCapacity: true) }
    }

    /// The hidden parts (`<div hidden id="S:…">`) in document order, and
    /// the placeholders (`<template id="B:…">`, `<template id="P:…">`) by id.
    private static func collect(under body: xmlNodePtr) -> (segments: [xmlNodePtr], placeholders: [String: xmlNodePtr]) {
        var segments: [xmlNodePtr] = []
        var placeholders: [String: xmlNodePtr] = [:]
        var stack: [xmlNodePtr] = [body]
        while let node = stack.popLast() {
            var child = node.pointee.last
            while let current = child {
                child = current.pointee.prev
                guard current.pointee.type == XML_ELEMENT_NODE else { continue }
                stack.append(current)
            }
            guard node != body, let id = id(of: node), id.count > 2 else { continue }
            let element = Node(node)
            if element.hasName("div"), id.hasPrefix("S:"), element.hasAttribute("hidden") {
                segments.append(node)
            } else if element.hasName("template"), id.hasPrefix("B:") || id.hasPrefix("P:") {
                placeholders[id] = node
            }
        }
        return (segments, placeholders)
    }

    /// The placeholder each part goes to, by the part's id, as the page's
    /// `$RC("B:…","S:…")` and `$RS("S:…","P:…")` calls say.
    static func scriptedPlaceholders(in bytes: [UInt8]) -> [String: String] {
        var placeholders: [String: String] = [:]
        for (call, segmentFirst) in [("$RC(\"", false), ("$RS(\"", true)] {
            let needle = Array(call.utf8)
            var start = 0
            while let found = index(of: needle, in: bytes, from: start) {
                start = found + needle.count
                guard let (first, afterFirst) = quoted(in: bytes, from: start - 1),
                    afterFirst < bytes.count, bytes[afterFirst] == UInt8(ascii: ","),
                    let (second, _) = quoted(in: bytes, from: afterFirst + 1)
                else { continue }
                let (segment, placeholder) = segmentFirst ? (first, second) : (second, first)
                if segment.hasPrefix("S:") { placeholders[segment] = placeholder }
            }
        }
        return placeholders
    }

    /// The string between the quote at `start` and the next quote (at most
    /// 32 bytes: React's ids are a letter, a colon and a hex number), and
    /// the index after its closing quote.
    private static func quoted(in bytes: [UInt8], from start: Int) -> (String, Int)? {
        guard start < bytes.count, bytes[start] == UInt8(ascii: "\"") else { return nil }
        var end = start + 1
        while end < bytes.count, end - start <= 32, bytes[end] != UInt8(ascii: "\"") { end += 1 }
        guard end < bytes.count, bytes[end] == UInt8(ascii: "\"") else { return nil }
        return (String(decoding: bytes[(start + 1)..<end], as: UTF8.self), end + 1)
    }

    /// React's `$RC`: the boundary's fallback, from its `<!--$?-->` comment
    /// to the matching `<!--/$-->` (the placeholder among it), goes, and the
    /// part's children take its place. Without the closing comment only the
    /// placeholder goes.
    private static func replaceFallback(at placeholder: xmlNodePtr, with segment: xmlNodePtr, discarded: inout [xmlNodePtr]) {
        var depth = 0
        var next: xmlNodePtr? = placeholder
        var end: xmlNodePtr?
        var fallback: [xmlNodePtr] = []
        while let current = next {
            if current.pointee.type == XML_COMMENT_NODE, let content = current.pointee.content {
                let data = String(cString: content)
                if data == "/$" {
                    if depth == 0 {
                        end = current
                        break
                    }
                    depth -= 1
                } else if data == "$" || data == "$?" || data == "$!" {
                    depth += 1
                }
            }
            fallback.append(current)
            next = current.pointee.next
        }
        guard let end else {
            replacePlaceholder(placeholder, with: segment, discarded: &discarded)
            return
        }
        moveChildren(of: segment, before: end)
        for node in fallback {
            xmlUnlinkNode(node)
            discarded.append(node)
        }
    }

    /// React's `$RS`: the part's children go where the placeholder is, and
    /// the placeholder goes.
    private static func replacePlaceholder(_ placeholder: xmlNodePtr, with segment: xmlNodePtr, discarded: inout [xmlNodePtr]) {
        moveChildren(of: segment, before: placeholder)
        xmlUnlinkNode(placeholder)
        discarded.append(placeholder)
    }

    /// Moves the children of `parent` before `anchor`, in order.
    /// `xmlAddPrevSibling` merges adjacent text nodes (freeing one):
    /// nothing holds a node yet, right after the parse.
    private static func moveChildren(of parent: xmlNodePtr, before anchor: xmlNodePtr) {
        var child = parent.pointee.children
        while let current = child {
            child = current.pointee.next
            xmlUnlinkNode(current)
            xmlAddPrevSibling(anchor, current)
        }
    }

    private static func id(of node: xmlNodePtr) -> String? {
        Node(node).attribute("id")
    }

    /// Whether `needle` occurs in `bytes`. Run on every page, so the scan
    /// goes by the needle's rarest byte: `memchr` to each upper-case `S`
    /// (about one byte in 500 of HTML) and a comparison around it, where a
    /// scan to each `i` stopped every 20 bytes.
    static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let anchor = needle.firstIndex(of: UInt8(ascii: "S")) else { return index(of: needle, in: bytes, from: 0) != nil }
        return index(of: needle, in: bytes, from: 0, anchoredAt: anchor) != nil
    }

    /// Where `needle` first occurs in `bytes` at or after `start`: `memchr`
    /// to each candidate for its byte at `anchor`, then a comparison
    /// (Glibc's `memmem` is not visible to Swift).
    private static func index(of needle: [UInt8], in bytes: [UInt8], from start: Int, anchoredAt anchor: Int = 0) -> Int? {
        guard anchor < needle.count, start >= 0 else { return nil }
        let anchorByte = Int32(needle[anchor])
        return bytes.withUnsafeBytes { haystack in
            needle.withUnsafeBytes { pattern in
                guard let base = haystack.baseAddress, let patternBase = pattern.baseAddress else { return nil }
                // Candidates for the anchor byte lie in [first, last].
                var position = start + anchor
                let last = haystack.count - needle.count + anchor
                while position <= last {
                    guard let found = memchr(base + position, anchorByte, last - position + 1) else { return nil }
                    let offset = base.distance(to: UnsafeRawPointer(found)) - anchor
                    if memcmp(base + offset, patternBase, needle.count) == 0 { return offset }
                    position = offset + anchor + 1
                }
                return nil
            }
        }
    }
}
