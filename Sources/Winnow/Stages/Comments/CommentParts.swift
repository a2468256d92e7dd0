/// The parts of one comment element: its id, author, date and text. Meta
/// lines (author, date, "Reply", "Like", avatars, permalinks) never enter
/// the text; neither do the replies, which are comments of their own.
struct CommentParts {
    struct Author {
        var name: String
        var url: String?
    }

    struct Date {
        var text: String
        var iso: String?
    }

    /// Class/id words of the meta parts of a comment.
    static let metaWords = WordSet([
        "author", "vcard", "fn", "says", "meta", "metadata", "commentmetadata", "date", "time", "datetime",
        "timestamp", "published", "permalink", "reply", "replies", "avatar", "gravatar", "photo", "edit", "like",
        "likes", "report", "flag", "vote", "votes", "rating", "actions", "tools", "header", "footer", "byline",
        "user", "username", "moderation", "awaiting", "count", "share", "signature", "posted", "poster", "by",
        "commenter", "nick", "nickname",
    ])
    /// Tags that are never comment text.
    static let metaTags = TagSet([.time] + unshownTagList)
    /// A meta-worded element longer than this is text that happens to
    /// carry such a class, not a meta line.
    static let maximumMetaChars = 120
    /// Words whose element names the author, strongest first.
    static let authorHints = ["fn", "author", "commenter", "poster", "user", "username", "nick", "name", "by"]
    static let authorHintHashes = authorHints.map(NameHash.of)
    /// Words that may follow an author word in the same token
    /// (`comment-author-name`); any other makes it something of the
    /// author's (`user_journal_display`, `author-bio`).
    static let authorTailWords: Set<String> = ["name", "link", "url", "nick", "nickname"]

    /// Whether a class or id token names the author with `hint`.
    static func namesAuthor(_ words: NameWords, hint: String) -> Bool {
        words.tokens.contains { token in
            guard let index = token.lastIndex(of: hint) else { return false }
            return token[(index + 1)...].allSatisfy(authorTailWords.contains)
        }
    }
    static let dateHints = [
        WordHint("datetime"), WordHint("date"), WordHint("time"), WordHint("timestamp"), WordHint("published"),
        WordHint("commentmetadata"), WordHint("meta"),
    ]
    /// Hints of elements that hold nothing but the date.
    static let dateOnlyHints: Set<WordHint> = [WordHint("datetime"), WordHint("date"), WordHint("timestamp"), WordHint("published")]
    /// Lines that are the comment's controls, not its words.
    static let controlLines: Set<String> = [
        "reply", "like", "likes", "report", "share", "edit", "delete", "flag", "quote", "permalink", "log in to reply",
        "login to reply", "reply ↓", "says:", "said:", "wrote:", "↓", "report comment", "like reply", "#", "link",
        "report abuse", "reply to this comment", "reply to this", "parent", "top", "↑", "^", "+1", "-1", "0",
    ]
    /// The longest control line, in bytes: longer lines are never
    /// lower-cased to be looked up.
    static let longestControlLine = controlLines.map(\.utf8.count).max() ?? 0

    static func isControlLine(_ line: String) -> Bool {
        line.utf8.count <= longestControlLine && controlLines.contains(line.lowercased())
    }

    static let maximumAuthorChars = 80
    static let maximumDateChars = 80
    /// Header lines are looked for among this many blocks at each end of
    /// the text.
    static let headerBlocksAtEachEnd = 2

    let item: Node
    let items: Set<Node>
    let facts: ElementFactsCache
    /// Whether the byline and date lines stay in the text
    /// (`CleanerOptions.keepsCommentHeaders`).
    let keepsHeaders: Bool
    /// The item's elements outside nested comments, in document order.
    private let elements: [Node]

    init(item: Node, items: Set<Node>, facts: ElementFactsCache, keepsHeaders: Bool = false) {
        self.item = item
        self.items = items
        self.facts = facts
        self.keepsHeaders = keepsHeaders
        elements = CommentParts.ownElements(of: item, items: items)
    }

    /// Tags whose content is never shown as text: what a comment's text
    /// leaves out even when it keeps its header lines (the meta tags but
    /// `<time>`).
    static let unshownTagList: [HTMLTag] = [.img, .form, .button, .input, .textarea, .select, .script, .style, .svg]
    static let unshownTags = TagSet(unshownTagList)

    /// Elements under the item that are not in a nested comment, and, for
    /// a `<dd>` comment, the `<dt>` before it and the `<dd>` footer after it
    /// (the classic Blogger list, where they hold author and date).
    private static func ownElements(of item: Node, items: Set<Node>) -> [Node] {
        var result: [Node] = []
        if item.hasName("dd") {
            let (before, after) = companions(of: item, items: items)
            for companion in [before, after].compactMap({ $0 }) {
                result.append(companion)
                result += companion.descendantElements()
            }
        }
        item.walkDescendants { node in
            guard node.isElement else { return .skipChildren }
            if items.contains(node) { return .skipChildren }
            result.append(node)
            return .descend
        }
        return result
    }

    /// The `<dt>` or `<dd>` right before and right after a `<dd>` comment
    /// that are not comments themselves.
    static func companions(of item: Node, items: Set<Node>) -> (before: Node?, after: Node?) {
        func companion(_ node: Node?) -> Node? {
            guard let node, node.hasName("dt") || node.hasName("dd"), !items.contains(node) else { return nil }
            return node
        }
        return (companion(elementSibling(of: item, forward: false)), companion(elementSibling(of: item, forward: true)))
    }

    private static func elementSibling(of node: Node, forward: Bool) -> Node? {
        var current = forward ? node.nextSiblingNode : node.previousSiblingNode
        while let sibling = current, !sibling.isElement {
            current = forward ? sibling.nextSiblingNode : sibling.previousSiblingNode
        }
        return current
    }

    /// Whether `node` is a meta part of the comment: a meta word names it
    /// (`comment-meta`, `reply`, `avatar`) and it is short. A meta word in
    /// a later class token only describes what the element also does:
    /// Yahoo's `div.ugccmt-info ugccmt-render-reply` around a short
    /// comment's `<blockquote>` is the comment, not its controls.
    private func isMeta(_ node: Node) -> Bool {
        if items.contains(node) { return true }
        if CommentParts.metaTags.contains(node.tag) { return true }
        let elementFacts = facts.facts(of: node)
        let words = elementFacts.nameWords
        // The words' hashes first: most elements have no meta word at all.
        guard !words.isEmpty, words.wordHashes.contains(where: CommentParts.metaWords.mayContain(hash:)) else { return false }
        // Named so by its first class token or its id, it is meta; by a
        // later token only, it is meta unless it holds a paragraph. A word
        // is looked up only when its hash is a meta word's.
        let classTokens = elementFacts.classes.count
        var hasMetaToken = false
        var isNamedMeta = false
        for (index, token) in words.tokens.enumerated() {
            let isMetaToken = CommentParts.metaWords.containsWord(of: words, at: token.indices)
            guard isMetaToken else { continue }
            hasMetaToken = true
            if index == 0 || index >= classTokens { isNamedMeta = true }
        }
        guard hasMetaToken, Text.visibleLength(node.textContent) <= CommentParts.maximumMetaChars else { return false }
        return isNamedMeta || !CommentParts.holdsParagraph(node)
    }

    /// Blocks a meta line never holds (its action lists aside).
    static let paragraphTags = TagSet([.p, .blockquote, .pre])

    static func holdsParagraph(_ node: Node) -> Bool {
        var found = false
        node.walkDescendants { child in
            guard child.isElement else { return .skipChildren }
            guard paragraphTags.contains(child.tag) else { return .descend }
            found = true
            return .stop
        }
        return found
    }

    /// The comment's id: its own, else the jump target that marks it
    /// (`<a id="comment-41"></a>` right before it, as Drupal prints it, or
    /// first in it, as a flat thread's comment begins), else a numbered
    /// comment id inside it.
    var id: String? {
        if let id = item.attribute("id") { return id }
        var previous = item.previousSiblingNode
        while let sibling = previous, !sibling.isElement { previous = sibling.previousSiblingNode }
        if let anchor = previous, let id = CommentParts.jumpTarget(anchor) { return id }
        if let first = item.childNodes.first(where: \.isElement), let id = CommentParts.jumpTarget(first) { return id }
        return elements.lazy.compactMap { $0.attribute("id") }.first(where: CommentMarkup.isCommentID)
    }

    /// The id (or name) of an anchor that only marks a place.
    private static func jumpTarget(_ node: Node) -> String? {
        guard node.hasName("a"), !node.hasAttribute("href"), Text.visibleLength(node.textContent) == 0 else { return nil }
        return node.attribute("id") ?? node.attribute("name")
    }

    /// The text, the author and the date, read together: the header lines
    /// taken out of the text are where author and date are read when no
    /// element names them.
    func read() -> (text: String, author: Author?, date: Date?) {
        var lines = lines(of: item)
        // A definition list prints the byline ("Emily said...", "Pat
        // Ellis - 22/01/2008 11:02") in the `<dt>` before the comment and
        // may print the date in a `<dd>` footer after it: they are its
        // header lines, kept in its text with the headers, read for its
        // author and date either way.
        var companionHeaders: [CommentHeader] = []
        if item.hasName("dd") {
            let (before, after) = CommentParts.companions(of: item, items: items)
            let (leading, trailing) = (before.map(lines(of:)) ?? [], after.map(lines(of:)) ?? [])
            if keepsHeaders {
                lines = leading + lines + trailing
            } else {
                companionHeaders = (leading + trailing).compactMap { CommentHeader(line: $0) }
            }
        }
        // A byline may follow the comment's title ("Food as Fuel"), so the
        // first blocks are read one by one, not only while they are headers.
        var headers: [CommentHeader] = []
        let leading = lines.indices.prefix(CommentParts.headerBlocksAtEachEnd)
        let trailing = lines.indices.suffix(CommentParts.headerBlocksAtEachEnd).filter { !leading.contains($0) }
        var headerIndices: [Int] = []
        for index in Array(leading) + trailing.reversed() {
            guard !headerIndices.contains(index), var header = CommentHeader(line: lines[index]) else { continue }
            // A name on its own line right above a date line ("Nash" then
            // "10/31/2012") is the date's author.
            if header.author == nil, header.date != nil, index > 0, !headerIndices.contains(index - 1),
                let name = CommentHeader.standaloneName(lines[index - 1])
            {
                header.author = name
                headerIndices.append(index - 1)
            }
            headers.append(header)
            headerIndices.append(index)
        }
        if !keepsHeaders {
            for index in headerIndices.sorted(by: >) { lines.remove(at: index) }
        }
        // Prompts left at either end ("Log in or register to post
        // comments" under every Drupal comment) are the system's.
        while let last = lines.last, CommentThreadReader.isSystemLine(last) { lines.removeLast() }
        while let first = lines.first, CommentThreadReader.isSystemLine(first) { lines.removeFirst() }
        let markedAuthor = self.markedAuthor
        let markedDate = self.markedDate
        // Meta lines are read as headers only for what markup left unnamed.
        let meta =
            markedAuthor != nil && markedDate != nil
            ? [] : metaLines().compactMap { line, element in CommentHeader(line: line).map { ($0, element) } }
        let metaHeaders = meta.map(\.0)
        var author =
            markedAuthor
            // A byline's name is often its link ("Posted by: <a>Gwen</a> | …").
            ?? meta.lazy.compactMap { header, element in
                header.author.map { Author(name: $0, url: CommentParts.link(named: $0, in: element)) }
            }.first
            ?? (headers + companionHeaders).lazy.compactMap { $0.author.map { Author(name: $0, url: nil) } }.first
        // A name set apart beside the date (`<b>Derek</b> <span
        // class="date">…`): the date is meta, the name is left as the
        // first line, and their shared container says it is the author.
        if author == nil, let first = lines.first, let name = CommentHeader.standaloneName(first),
            let element = nameBesideMeta(name)
        {
            author = Author(name: name, url: CommentParts.link(named: name, in: element))
            if !keepsHeaders { lines.removeFirst() }
        }
        author = author ?? avatarAuthor
        // A first line that is the author's name alone is the byline, its
        // date read as meta beside it (`span.c-name` then `span.c-time`).
        if !keepsHeaders, lines.count > 1, let name = author?.name, lines[0] == name { lines.removeFirst() }
        let text = lines.joined(separator: "\n\n")
        let date = markedDate ?? (metaHeaders + headers + companionHeaders).lazy.compactMap(\.date).first
        return (text, author, date)
    }

    /// The text lines of `root` (the item, or a companion of it) without
    /// headings, controls and, unless headers are kept, meta parts.
    private func lines(of root: Node) -> [String] {
        var builder = BlockBuilder()
        builder.skip = keepsHeaders ? { [items] node in items.contains(node) || CommentParts.unshownTags.contains(node.tag) } : isMeta
        builder.build(from: root)
        // Headings in a comment are labels ("Pending Comments") or a subject
        // line repeating its first words, not what the reader wrote.
        return builder.blocks.filter { if case .heading = $0 { return false } else { return true } }
            .compactMap(\.plainText)
            .filter { !$0.isEmpty && !CommentParts.isControlLine($0) }
    }

    /// The text of the meta elements (outermost ones), in document order.
    private func metaLines() -> [(line: String, element: Node)] {
        var lines: [(String, Node)] = []
        var covered: [Node] = []
        for element in elements where isMeta(element) && !CommentParts.metaTags.contains(element.tag) {
            if covered.contains(where: { element.isInside($0) }) { continue }
            covered.append(element)
            let line = Text.collapsingWhitespace(element.textContent)
            if !line.isEmpty { lines.append((line, element)) }
        }
        return lines
    }

    /// The element holding just `name` whose container also holds a meta
    /// element (the date beside the name).
    private func nameBesideMeta(_ name: String) -> Node? {
        elements.first { element in
            guard Text.collapsingWhitespace(element.textContent) == name, let container = element.parent else { return false }
            return container.children.contains { $0 != element && isMeta($0) }
        }
    }

    /// The address of the link under `element` (or `element` itself) whose
    /// text is `name`.
    private static func link(named name: String, in element: Node) -> String? {
        let links = element.hasName("a") ? [element] : element.descendantElements().filter { $0.hasName("a") }
        guard let link = links.first(where: { Text.collapsingWhitespace($0.textContent) == name }) else { return nil }
        return profileAddress(of: link)
    }

    /// A link's address, unless it goes nowhere (`#`, `javascript:`).
    private static func profileAddress(of link: Node) -> String? {
        link.attribute("href").flatMap { href in
            href.hasPrefix("#") || href.lowercased().hasPrefix("javascript:") ? nil : href
        }
    }

    /// The author as an element names it: schema.org, a class word, the
    /// `<cite>` of old themes, Blogger's `<dt>`, WordPress's author link.
    /// For each of `elements`, a bit set of the hints its class and id
    /// words name: bit `i` when `matches(words, i)`.
    private func hintMasks(count: Int, _ matches: (NameWords, Int) -> Bool) -> [UInt32] {
        elements.map { element in
            let words = facts.facts(of: element).nameWords
            guard !words.isEmpty else { return 0 }
            var mask: UInt32 = 0
            for index in 0..<count where matches(words, index) { mask |= 1 << index }
            return mask
        }
    }

    private var markedAuthor: Author? {
        if let marked = elements.first(where: { $0.attribute("itemprop", is: "author") || $0.attribute("itemprop", is: "creator") }) {
            let named = marked.descendantElements().first { $0.attribute("itemprop", is: "name") } ?? marked
            if let author = author(from: named) { return author }
        }
        // Each element's words are looked at once, not once a hint.
        // A hint is a whole word of a token: its hash is among the words'.
        let named = hintMasks(count: CommentParts.authorHints.count) { words, index in
            words.wordHashes.contains(CommentParts.authorHintHashes[index])
                && CommentParts.namesAuthor(words, hint: CommentParts.authorHints[index])
        }
        for hint in CommentParts.authorHints.indices {
            for (element, mask) in zip(elements, named) where mask & (1 << hint) != 0 {
                if let author = author(from: element) { return author }
            }
        }
        if let cite = elements.first(where: { $0.hasName("cite") }), let author = author(from: cite) { return author }
        if let term = elements.first(where: { $0.hasName("dt") }), let author = author(from: term) { return author }
        // WordPress prints the author's link as `<a class="url" rel="external nofollow">`.
        if let link = elements.first(where: { element in
            element.hasName("a") && (element.attribute("rel", containsAnyOf: ["external"]) || element.classTokens.contains("url"))
        }) {
            return author(from: link)
        }
        return nil
    }

    /// Words of an avatar image's class or address.
    static let avatarWords = ["avatar", "gravatar", "userpic", "profile", "photo"]

    /// The avatar's alternative text, when it is a name.
    private var avatarAuthor: Author? {
        for element in elements where element.hasName("img") {
            let source = (element.attribute("src") ?? "").lowercased()
            let words = facts.facts(of: element).nameWords
            guard CommentParts.avatarWords.contains(where: { source.contains($0) || words.contains(WordHint($0)) }) else { continue }
            guard let alt = element.attribute("alt").map(Text.collapsingWhitespace), alt.contains(where: \.isLetter),
                alt.count <= CommentParts.maximumAuthorChars, alt.split(separator: " ").count <= CommentHeader.maximumNameWords
            else { continue }
            let lowered = alt.lowercased()
            if ["avatar", "photo", "image", "user", "picture", "profile", "gravatar", "icon"].contains(where: lowered.contains) {
                continue
            }
            return Author(name: alt, url: nil)
        }
        return nil
    }

    private func author(from element: Node) -> Author? {
        // An author block often holds more than the name (a bio, a fan
        // count, "says:"); the link to the profile holds just the name.
        let linkInside = element.hasName("a") ? element : element.descendantElements().first {
            $0.hasName("a") && Text.visibleLength($0.textContent) > 0
        }
        let text = Text.collapsingWhitespace((linkInside ?? element).textContent)
        // A byline element may hold the date too ("September 15, 2008 at
        // 6:55 pm (1) Mike says:"): read as a header first, the date goes.
        var name = CommentHeader(line: text)?.author ?? CommentHeader.name(in: text) ?? ""
        if name.lowercased().hasPrefix("by ") { name = Text.collapsingWhitespace(name.dropFirst(3)) }
        guard !name.isEmpty, name.count <= CommentParts.maximumAuthorChars, name.contains(where: \.isLetter) else { return nil }
        // The name may sit inside the link (`<a itemprop="url"><span
        // itemprop="name">`): the nearest link around it, within the comment.
        let profileLink = linkInside ?? element.ancestors.prefix { $0 != item }.first { $0.hasName("a") }
        return Author(name: name, url: profileLink.flatMap(CommentParts.profileAddress(of:)))
    }

    /// The date as an element states it: `<time>`, `<abbr title>`, or an
    /// element with a date class that reads as one.
    private var markedDate: Date? {
        // schema.org's date as data: `<meta itemprop="dateCreated"
        // content>`, RDFa's `<span property="schema:dateCreated" content>`.
        for element in elements where element.attribute("itemprop", containsAnyOf: ["date"])
            || element.attribute("property", containsAnyOf: ["date"])
        {
            guard let machine = element.attribute("content") ?? element.attribute("datetime"),
                let iso = MetadataDate.iso8601(machine)
            else { continue }
            let visible = Text.collapsingWhitespace(element.textContent)
            return Date(text: visible.isEmpty ? machine : visible, iso: iso)
        }
        if let time = elements.first(where: { $0.hasName("time") }) {
            let text = Text.collapsingWhitespace(time.textContent)
            if let machine = time.attribute("datetime"), let iso = MetadataDate.iso8601(machine) {
                return Date(text: text.isEmpty ? machine : text, iso: iso)
            }
            if !text.isEmpty { return Date(text: text, iso: CommentHeader.iso8601(text)) }
        }
        if let abbr = elements.first(where: { $0.hasName("abbr") && $0.attribute("title").flatMap(MetadataDate.iso8601) != nil }) {
            return Date(text: Text.collapsingWhitespace(abbr.textContent), iso: abbr.attribute("title").flatMap(MetadataDate.iso8601))
        }
        let named = hintMasks(count: CommentParts.dateHints.count) { words, index in words.contains(CommentParts.dateHints[index]) }
        for (hintIndex, hint) in CommentParts.dateHints.enumerated() {
            for (element, mask) in zip(elements, named) where mask & (1 << hintIndex) != 0 {
                let text = Text.collapsingWhitespace(element.textContent)
                guard !text.isEmpty, text.count <= CommentParts.maximumDateChars, text.contains(where: \.isNumber) else { continue }
                if let header = CommentHeader(line: text), let date = header.date { return date }
                // An element that says it is the date ("last Tuesday 5pm")
                // is kept as written; a meta line is not a date.
                if CommentParts.dateOnlyHints.contains(hint) { return Date(text: text, iso: nil) }
            }
        }
        return nil
    }
}
