import Foundation

/// Reads one comment section into nested comments: which elements are
/// comments, who wrote each and when, its text without the meta lines, and
/// its replies (comments nested in it).
struct CommentThreadReader {
    struct Thread {
        var comments: [Comment]
        /// The count the page announces ("4 thoughts on …", "12 Comments").
        var announcedCount: Int?
    }

    /// The section, or a marker (a "Comments" heading, an anchor) and the
    /// siblings after it that hold the comments.
    let roots: [Node]
    let page: Page

    init(section: Node, page: Page) {
        self.init(roots: [section], page: page)
    }

    init(roots: [Node], page: Page) {
        self.roots = roots
        self.page = page
    }

    /// A comment with no author and no replies needs at least this much
    /// text to be taken for one.
    static let minimumAnonymousChars = 15
    /// Calls to comment ("Add a comment", "Click here to load comments",
    /// "Be the first to comment") are the section's controls. They open
    /// with the call; "I read the comments above…" is a comment.
    static let promptPattern = try? NSRegularExpression(
        pattern: #"^\W*(click here to\s+)?(add|post|leave|write|load|view|show|read|see|submit|be the first to)\b(\W+\w+){0,3}\W+(comments?|reply|replies|response)\b"#,
        options: [.caseInsensitive])
    /// Prompts are short; a long comment may mention "post a comment".
    static let maximumPromptChars = 200

    static func isPrompt(_ text: String) -> Bool {
        guard let promptPattern, text.count <= maximumPromptChars else { return false }
        return promptPattern.firstMatch(in: text, range: NSRange(text.startIndex..<text.endIndex, in: text)) != nil
    }

    func read() -> Thread {
        let items = CommentItems.find(in: roots, facts: page.elementFacts)
        let rootSet = Set(roots)
        let itemSet = Set(items)
        // Each item's nearest item ancestor is its parent: nested lists,
        // `depth-N` wrappers and reply containers all come down to that.
        var children: [Node: [Node]] = [:]
        var topLevel: [Node] = []
        for item in items {
            let parent = item.ancestors.prefix { !rootSet.contains($0) }.first { itemSet.contains($0) }
            if let parent { children[parent, default: []].append(item) } else { topLevel.append(item) }
        }
        func build(_ item: Node) -> Comment? {
            let replies = (children[item] ?? []).compactMap(build)
            let parts = CommentParts(item: item, items: itemSet, facts: page.elementFacts)
            let text = parts.text
            let author = parts.author
            // A label left alone ("SUBMIT", "No Comments") is not a comment.
            if replies.isEmpty, author == nil, Text.visibleLength(text) < CommentThreadReader.minimumAnonymousChars { return nil }
            if replies.isEmpty, CommentThreadReader.isPrompt(text) { return nil }
            guard !text.isEmpty || !replies.isEmpty else { return nil }
            return Comment(
                id: parts.id, author: author?.name, authorURL: author?.url, published: parts.date?.iso,
                publishedText: parts.date?.iso == nil ? parts.date?.text : nil, text: text, replies: replies)
        }
        let announced = roots.lazy.compactMap(CommentCount.announced(in:)).first
        // "0 Responses", "No comments yet": whatever repeats in the section
        // is not a comment.
        if announced == 0 { return Thread(comments: [], announcedCount: 0) }
        return Thread(comments: topLevel.compactMap(build), announcedCount: announced)
    }
}
