import CLibXML2

/// Walks a subtree in document order and emits blocks. Inline text gathers
/// into a paragraph until a block element starts or ends; `<br>` breaks a
/// line, two in a row break the paragraph. The walk keeps its own stack:
/// nesting depth is bounded only by memory.
struct BlockBuilder {
    private(set) var blocks: [Block] = []
    /// The paragraph being gathered, as UTF-8: text nodes are appended
    /// straight from libxml2's bytes.
    private var inline: [UInt8] = []
    /// Buffers `flush` writes a collapsed line and a paragraph's bytes
    /// into, kept between flushes: made anew, they were a third of a
    /// flush's cost.
    private var lineBuffer: [UInt8] = []
    private var paragraphBuffer: [UInt8] = []
    /// Elements left out with everything under them (a comment's author
    /// line, its replies).
    var skip: ((Node) -> Bool)?
    /// Whether the second and later copies of a block of prose go
    /// (`PageProfile.dropsRepeatedBlocks`).
    var dropsRepeatedBlocks = false
    /// Whether to keep the links of the blocks' text in `links`.
    var collectsLinks = false
    /// The links found, by block, in reading order; their URLs as the page
    /// writes them.
    private(set) var links: [ArticleLink] = []
    /// The links of the paragraph being gathered: placed when it is flushed.
    private var pendingLinks: [(text: String, url: String)] = []

    /// Images smaller than this (by their width or height attribute) are
    /// icons, spacers or emoji, not figures.
    static let minimumFigureSize = 50

    mutating func build(from root: Node) {
        var stack: [(node: Node, exiting: Bool)] = []
        pushChildren(of: root, onto: &stack)
        while let (node, exiting) = stack.popLast() {
            if exiting {
                flush()
                continue
            }
            if node.isText {
                if let content = node.pointer.pointee.content { appendText(content) }
                continue
            }
            guard node.isElement else { continue }
            if let skip, skip(node) { continue }
            if collectsLinks, node.tag == .a, let link = BlockBuilder.link(node) { pendingLinks.append(link) }
            if let last = inline.last, BlockBuilder.separates(after: last), BlockBuilder.abutsElement(node) { inline.append(0x20) }
            if handleSpecial(node) { continue }
            if HTMLVocabulary.blockTags.contains(node.tag) {
                flush()
                stack.append((node, true))
            }
            pushChildren(of: node, onto: &stack)
        }
        flush()
        var kept = dropsRepeatedBlocks ? RepeatedBlocks.indicesOfFirstCopies(blocks) : Array(blocks.indices)
        // A heading whose section was a copy is an orphan now.
        kept = BlockBuilder.indicesWithoutOrphanHeadings(kept.map { blocks[$0] }).map { kept[$0] }
        if kept.count < blocks.count {
            // The links name their block by index: renumber them.
            var newIndex: [Int: Int] = [:]
            for (new, old) in kept.enumerated() { newIndex[old] = new }
            blocks = kept.map { blocks[$0] }
            links = links.compactMap { link in
                newIndex[link.block].map { ArticleLink(block: $0, text: link.text, url: link.url) }
            }
        }
    }

    /// A heading followed by nothing, or by a heading of the same or a
    /// higher rank, heads a section that is gone (its related-links list
    /// was dropped, say): it is not text of the article. The indices of
    /// the blocks kept, in order (the links are filed by block index).
    static func indicesWithoutOrphanHeadings(_ blocks: [Block]) -> [Int] {
        var kept: [Int] = []
        for (index, block) in blocks.enumerated() {
            guard case .heading(let level, _) = block else {
                kept.append(index)
                continue
            }
            let next = blocks[(index + 1)...].first { if case .figure = $0 { return false } else { return true } }
            switch next {
            case nil:
                continue
            case .heading(let nextLevel, _)? where nextLevel <= level:
                continue
            default:
                kept.append(index)
            }
        }
        return kept
    }

    // MARK: - Links

    /// A link's text and target, when it has both and leads somewhere
    /// (`javascript:` does not).
    private static func link(_ node: Node) -> (text: String, url: String)? {
        guard let href = node.attribute("href").map(Text.collapsingWhitespace), !href.isEmpty,
            !href.lowercased().hasPrefix("javascript:")
        else { return nil }
        let text = Text.collapsingWhitespace(node.textContent)
        return text.isEmpty ? nil : (text, href)
    }

    /// The links under `node`, in document order (a nested link, which
    /// HTML forbids, counts once, as its outer one).
    private static func links(under node: Node) -> [(text: String, url: String)] {
        var found: [(text: String, url: String)] = []
        node.walkDescendants { child in
            guard child.isElement else { return .skipChildren }
            guard child.tag == .a else { return .descend }
            if let link = link(child) { found.append(link) }
            return .skipChildren
        }
        return found
    }

    /// Files `candidates` under the blocks from `firstBlock` on, each
    /// where its text next appears after the previous one's; a link whose
    /// text is not there (its words were dropped with a removed element)
    /// is left out.
    private mutating func place(_ candidates: [(text: String, url: String)], from firstBlock: Int) {
        guard !candidates.isEmpty, firstBlock < blocks.count else { return }
        var block = firstBlock
        var text = blocks[block].plainText ?? ""
        var position = text.startIndex
        for candidate in candidates {
            var searchBlock = block
            var searchText = text
            var searchFrom = position
            while true {
                if let found = searchText.range(of: candidate.text, range: searchFrom..<searchText.endIndex) {
                    links.append(ArticleLink(block: searchBlock, text: candidate.text, url: candidate.url))
                    (block, text, position) = (searchBlock, searchText, found.upperBound)
                    break
                }
                searchBlock += 1
                guard searchBlock < blocks.count else { break }
                searchText = blocks[searchBlock].plainText ?? ""
                searchFrom = searchText.startIndex
            }
        }
    }

    /// Appends `block`, with the links under `node` when links are kept.
    private mutating func append(_ block: Block, linksUnder node: Node) {
        blocks.append(block)
        if collectsLinks { place(BlockBuilder.links(under: node), from: blocks.count - 1) }
    }

    private func pushChildren(of node: Node, onto stack: inout [(node: Node, exiting: Bool)]) {
        let start = stack.count
        for child in node.childNodes { stack.append((child, false)) }
        stack[start...].reverse()
    }

    /// Elements that make one block of their own; returns whether `node`
    /// was one (its children are then done).
    private mutating func handleSpecial(_ node: Node) -> Bool {
        let tag = node.tag
        switch tag {
        case .br:
            inline.append(0x0A)
            return true
        case .h1, .h2, .h3, .h4, .h5, .h6:
            flush()
            let text = Text.collapsingWhitespace(BlockBuilder.blockSeparatedText(of: node))
            if !text.isEmpty {
                append(.heading(level: BlockBuilder.headingLevel(tag), text: text), linksUnder: node)
            }
            return true
        case .ul, .ol:
            flush()
            let items = listItems(of: node)
            if !items.isEmpty { append(.list(ordered: tag == .ol, items: items), linksUnder: node) }
            return true
        case .blockquote:
            flush()
            var inner = BlockBuilder()
            inner.skip = skip
            inner.build(from: node)
            let text = inner.blocks.compactMap(\.plainText).filter { !$0.isEmpty }.joined(separator: "\n")
            if !text.isEmpty { append(.quote(text), linksUnder: node) }
            return true
        case .pre:
            flush()
            let text = BlockBuilder.trimmingBlankLines(BlockBuilder.preformattedText(of: node))
            if !text.isEmpty { blocks.append(.code(text)) }
            return true
        case .table:
            if let figure = captionedImage(node) {
                flush()
                blocks.append(figure)
                return true
            }
            guard ConditionalCleaning.isDataTable(node) else { return false }
            flush()
            let rows = tableRows(of: node)
            if !rows.isEmpty { append(.table(rows: rows), linksUnder: node) }
            return true
        case .figure:
            // A figure of a pull quote, a table or a code listing holds no
            // image: its content is read as any other. A figure whose image
            // is gone (loaded by a script) keeps its caption as a figure.
            if firstImage(in: node) == nil, BlockBuilder.holdsTextBlocks(node) { return false }
            flush()
            appendFigure(image: firstImage(in: node), caption: node.firstDescendant(named: "figcaption"))
            return true
        case .img:
            guard isFigureSized(node) else { return true }
            flush()
            appendFigure(image: node, caption: nil)
            return true
        case .div:
            guard let figure = captionedImage(node) else { return false }
            flush()
            blocks.append(figure)
            return true
        default:
            return false
        }
    }

    private static let captionHint = WordHint("caption")

    /// Blocks that a figure may hold instead of an image (a teaser card
    /// of paragraphs whose image is gone is not one of them).
    private static let textBlockTags = TagSet([.blockquote, .table, .pre])

    /// Whether `node` holds a block of text outside its caption.
    private static func holdsTextBlocks(_ node: Node) -> Bool {
        var found = false
        node.walkDescendants { child in
            guard child.isElement, !child.hasName("figcaption") else { return .skipChildren }
            guard textBlockTags.contains(child.tag) else { return .descend }
            found = true
            return .stop
        }
        return found
    }

    private static func headingLevel(_ tag: HTMLTag) -> Int {
        switch tag {
        case .h1: return 1
        case .h3: return 3
        case .h4: return 4
        case .h5: return 5
        case .h6: return 6
        default: return 2
        }
    }

    /// WordPress, Blogger and many CMSs caption an image without <figure>:
    /// a `wp-caption` div, a `tr-caption-container` table.
    private func captionedImage(_ node: Node) -> Block? {
        // The word is in the bytes wherever it is a word: most elements
        // are ruled out without splitting their names.
        guard node.attribute("class", containsAnyOf: ["caption"]) || node.attribute("id", containsAnyOf: ["caption"]),
            node.nameWords.contains(BlockBuilder.captionHint), let image = firstImage(in: node),
            isFigureSized(image)
        else { return nil }
        let caption =
            node.descendantElements().first {
                $0 != image && !$0.hasName("a") && $0.nameWords.contains(BlockBuilder.captionHint)
            } ?? node.firstDescendant(named: "p")
        return BlockBuilder.figure(image: image, caption: caption)
    }

    private mutating func appendFigure(image: Node?, caption: Node?) {
        if let figure = BlockBuilder.figure(image: image, caption: caption) { blocks.append(figure) }
    }

    private static func figure(image: Node?, caption: Node?) -> Block? {
        let src = image.flatMap { $0.attribute("src") ?? $0.attribute("data-src") }
        let captionText = caption.map { Text.collapsingWhitespace($0.textContent) }.flatMap { $0.isEmpty ? nil : $0 }
        guard src != nil || captionText != nil else { return nil }
        return .figure(src: src, caption: captionText)
    }

    private func firstImage(in node: Node) -> Node? {
        node.firstDescendant(named: "img")
    }

    private func isFigureSized(_ image: Node) -> Bool {
        guard image.attribute("src") != nil || image.attribute("data-src") != nil else { return false }
        for attribute: StaticString in ["width", "height"] {
            if let value = image.attribute(attribute).flatMap({ Int($0.prefix { $0.isNumber }) }),
                value < BlockBuilder.minimumFigureSize
            {
                return false
            }
        }
        return true
    }

    private func listItems(of list: Node) -> [String] {
        var items: [String] = []
        for child in list.children where !(skip?(child) ?? false) {
            let text: String
            if let skip {
                // What is skipped may sit deeper than the item (a reply
                // nested in a list of a comment): the item is built, not
                // read whole.
                var inner = BlockBuilder()
                inner.skip = skip
                inner.build(from: child)
                text = inner.blocks.compactMap(\.plainText).filter { !$0.isEmpty }.joined(separator: " ")
            } else {
                text = Text.collapsingWhitespace(BlockBuilder.blockSeparatedText(of: child))
            }
            if !text.isEmpty { items.append(text) }
        }
        if items.isEmpty, skip == nil {
            let text = Text.collapsingWhitespace(list.textContent)
            if !text.isEmpty { items.append(text) }
        }
        return items
    }

    /// The text under `node` as a reader sees it run together in one
    /// block: a list item's or a table cell's, where libxml2's
    /// `textContent` joins the text of the block elements inside it with
    /// nothing between (a ranked list's `<div>#1</div><div><h3>Scream
    /// 7</h3></div>` read as "#1Scream 7"). A block element's start and
    /// end, and a `<br>`, are a space, as a browser's rendering puts them
    /// on lines of their own; inline elements join as written.
    static func blockSeparatedText(of node: Node) -> String {
        var bytes: [UInt8] = []
        var stack: [(node: Node, exiting: Bool)] = [(node, false)]
        while let (current, exiting) = stack.popLast() {
            if exiting {
                bytes.append(0x20)
                continue
            }
            if current.isText {
                if let content = current.pointer.pointee.content {
                    bytes.append(contentsOf: UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
                }
                continue
            }
            guard current.isElement || current == node else { continue }
            if current != node {
                if let last = bytes.last, BlockBuilder.separates(after: last), BlockBuilder.abutsElement(current) { bytes.append(0x20) }
                if current.tag == .br {
                    bytes.append(0x20)
                    continue
                }
                if HTMLVocabulary.blockTags.contains(current.tag) {
                    bytes.append(0x20)
                    stack.append((current, true))
                }
            }
            for child in current.childNodes.reversed() { stack.append((child, false)) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether `node` follows another element with no text between them
    /// (comments aside): `<span>2026</span><span>1h 54m</span>`. Sites lay
    /// such siblings out as boxes of their own (a chart's year and
    /// running time, a spec's name and value); run together they make one
    /// word of two. The elements that mark a part of running text (a
    /// link, emphasis, a `<sup>`) are left as written on either side: they
    /// can split a word (`Nintendo <a>Lan</a><a>d</a>`, `A<sup>n</sup>`,
    /// a footnote mark `[1][2]`), and on the development set a space there
    /// cost dragnet pages (T101, R945) what it gave wcxb's.
    static func abutsElement(_ node: Node) -> Bool {
        guard !attachedTags.contains(node.tag), !isMathML(node) else { return false }
        var previous = node.previousSiblingNode
        while let current = previous, current.isComment { previous = current.previousSiblingNode }
        guard let previous, previous.isElement else { return false }
        return !attachedTags.contains(previous.tag) && !isMathML(previous)
    }

    /// MathML's elements (`<mi>x</mi><mo>=</mo>`) are a formula's tokens,
    /// written as the formula reads: `x=σ(y−x)`, not `x = σ( y −x )`.
    static func isMathML(_ node: Node) -> Bool {
        guard node.tag == .other else { return false }
        let name = node.name
        return name.first == "m" && mathMLNames.contains(name.lowercased())
    }

    private static let mathMLNames: Set<String> = [
        "math", "mi", "mn", "mo", "ms", "mspace", "mtext", "mrow", "mfrac", "msqrt", "mroot", "mstyle", "merror", "mpadded",
        "mphantom", "mfenced", "menclose", "msub", "msup", "msubsup", "munder", "mover", "munderover", "mmultiscripts",
        "mprescripts", "mtable", "mtr", "mtd", "mlabeledtr", "maction",
    ]

    private static let attachedTags = TagSet([.a, .abbr, .b, .cite, .code, .em, .font, .i, .q, .s, .small, .strong, .sub, .sup, .time, .u, .br])

    /// Whether a space goes after this last byte of text when an element
    /// abuts another: not after white space, and not after a character
    /// past ASCII, since scripts written without spaces (Chinese,
    /// Japanese, Thai) split their runs into spans too, and a space there
    /// would split a word.
    static func separates(after last: UInt8) -> Bool {
        last < 0x80 && !(last == 0x20 || last == 0x0A || last == 0x09 || last == 0x0D)
    }

    private func tableRows(of table: Node) -> [[String]] {
        var rows: [[String]] = []
        table.walkDescendants { node in
            guard node.isElement else { return .skipChildren }
            guard node.hasName("tr") else { return .descend }
            let cells = node.children.filter { $0.hasName("td") || $0.hasName("th") }
                .map { Text.collapsingWhitespace(BlockBuilder.blockSeparatedText(of: $0)) }
            if cells.contains(where: { !$0.isEmpty }) { rows.append(cells) }
            return .skipChildren
        }
        if let caption = table.firstDescendant(named: "caption") {
            let text = Text.collapsingWhitespace(caption.textContent)
            if !text.isEmpty { rows.insert([text], at: 0) }
        }
        return rows
    }

    /// Ends the paragraph being gathered: each line collapsed, blank lines
    /// (two `<br>` in a row) starting a new paragraph.
    private mutating func flush() {
        if collectsLinks, !pendingLinks.isEmpty {
            let firstBlock = blocks.count
            flushText()
            place(pendingLinks, from: firstBlock)
            pendingLinks.removeAll()
        } else {
            flushText()
        }
    }

    private mutating func flushText() {
        guard !inline.isEmpty else { return }
        // Most flushes find only the white space between two blocks of the
        // source (three in four, in comment threads): nothing to collapse,
        // and no buffers to make for it.
        if inline.allSatisfy(Text.isASCIISpace) {
            inline.removeAll(keepingCapacity: true)
            return
        }
        // Lines are collapsed from the bytes into one buffer and a
        // paragraph's lines gathered as bytes: a String a line, then one
        // more for the joined paragraph, cost more than the rest.
        var line = lineBuffer
        var paragraph = paragraphBuffer
        lineBuffer = []
        paragraphBuffer = []
        if line.count < inline.count { line = [UInt8](repeating: 0, count: inline.count) }
        paragraph.removeAll(keepingCapacity: true)
        var paragraphs: [String] = []
        inline.withUnsafeBufferPointer { bytes in
            line.withUnsafeMutableBufferPointer { line in
                var start = 0
                for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x0A {
                    let written = Text.collapseWhitespace(UnsafeBufferPointer(rebasing: bytes[start..<index]), into: line)
                    start = index + 1
                    let text = UnsafeBufferPointer(rebasing: line[..<written])
                    // A line of separators alone ("|", "·", "—") is what is
                    // left of a breadcrumb or a link bar whose links were
                    // dropped: it ends the paragraph as a blank line does.
                    let hasWords = Text.containsLetterOrDigit(utf8: text) {
                        String(decoding: text, as: UTF8.self).unicodeScalars.contains(where: Text.isLetterOrDigit)
                    }
                    if hasWords {
                        if !paragraph.isEmpty { paragraph.append(0x0A) }
                        paragraph.append(contentsOf: text)
                    } else if !paragraph.isEmpty {
                        paragraphs.append(String(decoding: paragraph, as: UTF8.self))
                        paragraph.removeAll(keepingCapacity: true)
                    }
                }
            }
        }
        if !paragraph.isEmpty { paragraphs.append(String(decoding: paragraph, as: UTF8.self)) }
        for text in paragraphs { blocks.append(.paragraph(text)) }
        lineBuffer = line
        paragraphBuffer = paragraph
        inline.removeAll(keepingCapacity: true)
    }

    /// Adds a text node's text to the paragraph. Source line breaks are
    /// spaces; only `<br>` breaks a line. Text past ASCII goes through
    /// `String`, which repairs any ill-formed UTF-8 as it always has.
    private mutating func appendText(_ content: UnsafePointer<xmlChar>) {
        let start = inline.count
        let bytes = UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content)))
        // Copied whole, then line breaks turned to spaces in place: a byte
        // at a time, the appends cost more than the rest of block building.
        if bytes.allSatisfy({ $0 < 0x80 }) {
            inline.append(contentsOf: bytes)
        } else {
            inline.append(contentsOf: String(cString: content).utf8)
        }
        inline.withUnsafeMutableBufferPointer { buffer in
            for index in start..<buffer.count where buffer[index] == 0x0A || buffer[index] == 0x0D {
                buffer[index] = 0x20
            }
        }
    }

    /// `text` without its blank lines at either end and with each line's
    /// trailing white space trimmed. ASCII text, most code, is read by its
    /// bytes (`trimmingBlankLinesByCharacters` is the same by `Character`;
    /// the tests compare the two): splitting a listing by `Character` cost
    /// a quarter of a million instructions a block.
    static func trimmingBlankLines(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return trimmingBlankLinesByCharacters(String(decoding: bytes, as: UTF8.self)) }
            // Lines end at a line feed that is no CR LF's ("\r\n" is one
            // Character, never the separator); a blank line is ASCII white
            // space only, and so are the bytes trimmed at a line's end.
            var lines: [Range<Int>] = []
            var start = 0
            for index in bytes.indices where bytes[index] == 0x0A && (index == 0 || bytes[index - 1] != 0x0D) {
                lines.append(start..<index)
                start = index + 1
            }
            lines.append(start..<bytes.count)
            let isBlank = { (line: Range<Int>) in line.allSatisfy { Text.isASCIISpace(bytes[$0]) } }
            var first = 0
            var last = lines.count - 1
            while first <= last, isBlank(lines[first]) { first += 1 }
            while last >= first, isBlank(lines[last]) { last -= 1 }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            for index in lines.indices where index >= first && index <= last {
                if index > first { output.append(0x0A) }
                var end = lines[index].upperBound
                while end > lines[index].lowerBound, Text.isASCIISpace(bytes[end - 1]) { end -= 1 }
                output.append(contentsOf: bytes[lines[index].lowerBound..<end])
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    static func trimmingBlankLinesByCharacters(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        while let first = lines.first, Text.visibleLength(first) == 0 { lines.removeFirst() }
        while let last = lines.last, Text.visibleLength(last) == 0 { lines.removeLast() }
        return lines.map { $0.trimmingTrailingSpaces() }.joined(separator: "\n")
    }
}

extension Substring {
    func trimmingTrailingSpaces() -> Substring {
        var end = endIndex
        while end > startIndex, let last = self[..<end].unicodeScalars.last, Text.isSpace(last) {
            end = index(before: end)
        }
        return self[..<end]
    }
}

extension Node {
    /// The first element named `tag` under this node, in document order.
    func firstDescendant(named tag: String) -> Node? {
        var found: Node?
        walkDescendants { node in
            guard node.isElement, node.name == tag else { return .descend }
            found = node
            return .stop
        }
        return found
    }
}

extension BlockBuilder {
    /// A `<pre>`'s text as it shows: its text nodes as they are, and a line
    /// break for each `<br>` (syntax highlighters such as Prism end lines
    /// with `<br>` inside the `<pre>`, where `textContent` would run them
    /// together).
    static func preformattedText(of node: Node) -> String {
        var hasBreak = false
        node.walkDescendants { child in
            if child.isElement, child.tag == .br { hasBreak = true }
            return hasBreak ? .stop : .descend
        }
        guard hasBreak else { return node.textContent }
        var text = ""
        node.walkDescendants { child in
            if child.isText, let content = child.ownText {
                text += content
            } else if child.isElement, child.tag == .br {
                text += "\n"
            }
            return .descend
        }
        return text
    }
}
