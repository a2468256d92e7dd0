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
    static let metaWords: Set<String> = [
        "author", "vcard", "fn", "says", "meta", "metadata", "commentmetadata", "date", "time", "datetime",
        "timestamp", "published", "permalink", "reply", "replies", "avatar", "gravatar", "photo", "edit", "like",
        "likes", "report", "flag", "vote", "votes", "rating", "actions", "tools", "header", "footer", "byline",
        "user", "username", "moderation", "awaiting", "count", "share", "signature",
    ]
    /// Tags that are never comment text.
    static let metaTags = TagSet([.time, .img, .form, .button, .input, .textarea, .select, .script, .style, .svg])
    /// A meta-worded element longer than this is text that happens to
    /// carry such a class, not a meta line.
    static let maximumMetaChars = 120
    /// Words whose element names the author, strongest first.
    static let authorHints = [WordHint("fn"), WordHint("author"), WordHint("user"), WordHint("username"), WordHint("commenter"), WordHint("name")]
    static let dateHints = [
        WordHint("datetime"), WordHint("date"), WordHint("time"), WordHint("timestamp"), WordHint("published"),
        WordHint("commentmetadata"), WordHint("meta"),
    ]
    /// Lines that are the comment's controls, not its words.
    static let controlLines: Set<String> = [
        "reply", "like", "likes", "report", "share", "edit", "delete", "flag", "quote", "permalink", "log in to reply",
        "login to reply", "reply ↓", "says:", "said:", "wrote:", "↓", "report comment", "like reply",
    ]
    static let maximumAuthorChars = 80
    static let maximumDateChars = 80

    let item: Node
    let items: Set<Node>
    let facts: ElementFactsCache

    /// Elements under the item that are not in a nested comment, and, for
    /// a `<dd>` comment, the `<dt>` before it and the `<dd>` footer after it
    /// (the classic Blogger list, where they hold author and date).
    private func ownElements() -> [Node] {
        var result: [Node] = []
        if item.hasName("dd") {
            for companion in [CommentParts.elementSibling(of: item, forward: false), CommentParts.elementSibling(of: item, forward: true)] {
                guard let companion, companion.hasName("dt") || companion.hasName("dd"), !items.contains(companion) else { continue }
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

    private static func elementSibling(of node: Node, forward: Bool) -> Node? {
        var current = forward ? node.nextSiblingNode : node.previousSiblingNode
        while let sibling = current, !sibling.isElement {
            current = forward ? sibling.nextSiblingNode : sibling.previousSiblingNode
        }
        return current
    }

    private func isMeta(_ node: Node) -> Bool {
        if items.contains(node) { return true }
        if CommentParts.metaTags.contains(node.tag) { return true }
        let words = facts.facts(of: node).nameWords
        guard !words.isEmpty, words.tokens.contains(where: { $0.contains(where: CommentParts.metaWords.contains) }) else {
            return false
        }
        return Text.visibleLength(node.textContent) <= CommentParts.maximumMetaChars
    }

    var id: String? {
        if let id = item.attribute("id") { return id }
        return ownElements().lazy.compactMap { $0.attribute("id") }.first { $0.hasPrefix("comment") }
    }

    var text: String {
        var builder = BlockBuilder()
        builder.skip = isMeta
        builder.build(from: item)
        // Headings in a comment are labels ("Pending Comments") or a subject
        // line repeating its first words, not what the reader wrote.
        return builder.blocks.filter { if case .heading = $0 { return false } else { return true } }
            .compactMap(\.plainText)
            .filter { !CommentParts.controlLines.contains($0.lowercased()) && !$0.isEmpty }
            .joined(separator: "\n\n")
    }

    var author: Author? {
        let elements = ownElements()
        if let marked = elements.first(where: { $0.attribute("itemprop") == "author" || $0.attribute("itemprop") == "creator" }) {
            let named = marked.descendantElements().first { $0.attribute("itemprop") == "name" } ?? marked
            if let author = CommentParts.author(from: named) { return author }
        }
        for hint in CommentParts.authorHints {
            for element in elements where facts.facts(of: element).nameWords.contains(hint) {
                if let author = CommentParts.author(from: element) { return author }
            }
        }
        if let cite = elements.first(where: { $0.hasName("cite") }) { return CommentParts.author(from: cite) }
        if let term = elements.first(where: { $0.hasName("dt") }) { return CommentParts.author(from: term) }
        return nil
    }

    private static func author(from element: Node) -> Author? {
        // An author block often holds more than the name (a bio, a fan
        // count, "says:"); the link to the profile holds just the name.
        let profileLink = element.hasName("a") ? element : element.descendantElements().first {
            $0.hasName("a") && Text.visibleLength($0.textContent) > 0
        }
        var name = Text.collapsingWhitespace((profileLink ?? element).textContent)
        for suffix in [" says:", " says", " said...", " said…", " said:", " said", " wrote:", ":"] where name.lowercased().hasSuffix(suffix) {
            name = Text.collapsingWhitespace(name.dropLast(suffix.count))
        }
        if name.lowercased().hasPrefix("by ") { name = Text.collapsingWhitespace(name.dropFirst(3)) }
        guard !name.isEmpty, name.count <= maximumAuthorChars, name.contains(where: \.isLetter) else { return nil }
        let url = profileLink?.attribute("href").flatMap { href in
            href.hasPrefix("#") || href.lowercased().hasPrefix("javascript:") ? nil : href
        }
        return Author(name: name, url: url)
    }

    var date: Date? {
        let elements = ownElements()
        if let time = elements.first(where: { $0.hasName("time") }) {
            let text = Text.collapsingWhitespace(time.textContent)
            if let machine = time.attribute("datetime"), let iso = MetadataDate.iso8601(machine) {
                return Date(text: text.isEmpty ? machine : text, iso: iso)
            }
            if !text.isEmpty { return Date(text: text, iso: MetadataDate.iso8601(text)) }
        }
        if let abbr = elements.first(where: { $0.hasName("abbr") && $0.attribute("title").flatMap(MetadataDate.iso8601) != nil }) {
            return Date(text: Text.collapsingWhitespace(abbr.textContent), iso: abbr.attribute("title").flatMap(MetadataDate.iso8601))
        }
        for hint in CommentParts.dateHints {
            for element in elements where facts.facts(of: element).nameWords.contains(hint) {
                let text = Text.collapsingWhitespace(element.textContent)
                guard !text.isEmpty, text.count <= maximumDateChars, text.contains(where: \.isNumber) else { continue }
                return Date(text: text, iso: MetadataDate.iso8601(text))
            }
        }
        return nil
    }

    private var maximumDateChars: Int { CommentParts.maximumDateChars }
}
