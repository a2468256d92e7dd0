import Foundation

/// Reads one comment section into nested comments: which elements are
/// comments, who wrote each and when, its text without the meta lines, and
/// its replies (comments nested in it).
struct CommentThreadReader {
    struct Thread {
        var comments: [Comment]
        /// The count the page announces ("4 thoughts on …", "12 Comments").
        var announcedCount: Int?
        /// Whether markup named the comments, or one of them at least has
        /// an author or a date: blocks that merely repeat after a
        /// "Comments" heading (related stories, share buttons) have none.
        var isEvidenced: Bool
        /// Whether most of the comments are posts of a forum thread: on a
        /// thread page the posts are the page's content.
        var isForumThread = false
    }

    /// The section, or a marker (a "Comments" heading, an anchor) and the
    /// siblings after it that hold the comments.
    let roots: [Node]
    let page: Page

    init(section: Node, page: Page) {
        self.init(roots: [section], page: page)
    }

    /// Whether each root is one comment.
    let rootsAreComments: Bool

    init(roots: [Node], page: Page, rootsAreComments: Bool = false) {
        self.roots = roots
        self.page = page
        self.rootsAreComments = rootsAreComments
    }

    /// A comment with no author and no replies needs at least this much
    /// text to be taken for one.
    static let minimumAnonymousChars = 15
    /// Calls to comment ("Add a comment", "Click here to load comments",
    /// "Be the first to comment") are the section's controls. They open
    /// with the call; "I read the comments above…" is a comment.
    static let promptPattern = try? NSRegularExpression(
        pattern: #"^\W*(?:(click here to\s+)?(add|post|leave|write|load|view|show|read|see|submit|be the first to)\b(\W+\w+){0,3}\W+(comments?|reply|replies|response)\b|(there are\s+)?(no|0)\s+(comments?|responses?|replies)( yet)?\W*$|(no|0)\s+(comments?|responses?|replies)( yet)?\W+be the first)"#,
        options: [.caseInsensitive])
    /// Notices of the comment system ("Please note: if your comment does
    /// not appear immediately…", "Comments are moderated", "The posting of
    /// advertisements … is prohibited").
    static let noticePattern = try? NSRegularExpression(
        pattern: #"^\W*(?:please note|note:|comments (?:are|will be) (?:moderated|reviewed|closed)|your comment|all comments|by posting|the posting of|comment policy|discussion policy|we reserve|you must be logged in|log ?in or (?:join|register|sign up)|sign in to|not yet (?:a member|part of)|this comment (?:and all replies )?(?:has|have) been deleted|comments? (?:are|is) closed|\d+\s+(?:tweets?|likes?|shares?|retweets?|views?|comments?)(?:\s+\d+\s+(?:tweets?|likes?|shares?|retweets?|views?|comments?))+\W*$)"#,
        options: [.caseInsensitive])

    /// Prompts are short; a long comment may mention "post a comment".
    static let maximumPromptChars = 200

    static func isPrompt(_ text: String) -> Bool {
        guard text.count <= maximumPromptChars else { return false }
        let range = NSRange(text.startIndex..<text.endIndex, in: text)
        return [promptPattern, noticePattern].contains { $0?.firstMatch(in: text, range: range) != nil }
    }

    func read() -> Thread {
        let thread = readOnce()
        // Same-shaped sections side by side without a single author or
        // date are sections each (a sidebar's tabs), not one per comment.
        guard rootsAreComments, !thread.isEvidenced else { return thread }
        let separate = roots.map { CommentThreadReader(roots: [$0], page: page).readOnce() }
        return Thread(
            comments: separate.flatMap(\.comments), announcedCount: separate.lazy.compactMap(\.announcedCount).first,
            isEvidenced: separate.contains(where: \.isEvidenced), isForumThread: separate.allSatisfy(\.isForumThread))
    }

    private func readOnce() -> Thread {
        var found = CommentItems.find(in: roots, facts: page.elementFacts)
        if rootsAreComments {
            let nested = found.areMarked ? found.items.filter { !roots.contains($0) } : []
            found = CommentItems.Found(items: roots + nested, areMarked: true)
        }
        let items = found.items
        // Roots that are comments are their own top level.
        let rootSet = rootsAreComments ? Set<Node>() : Set(roots)
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
            let (text, author, date) = parts.read()
            // A label left alone ("SUBMIT", "No Comments") is not a comment.
            if replies.isEmpty, author == nil, Text.visibleLength(text) < CommentThreadReader.minimumAnonymousChars { return nil }
            if replies.isEmpty, CommentThreadReader.isPrompt(text) || CommentCount.isAnnouncement(text) { return nil }
            guard !text.isEmpty || !replies.isEmpty else { return nil }
            return Comment(
                id: parts.id, author: author?.name, authorURL: author?.url, published: date?.iso,
                publishedText: date?.iso == nil ? date?.text : nil, text: text, replies: replies)
        }
        let announced = roots.lazy.compactMap(CommentCount.announced(in:)).first
        // "0 Responses", "No comments yet": whatever repeats in the section
        // is not a comment.
        if announced == 0 { return Thread(comments: [], announcedCount: 0, isEvidenced: found.areMarked) }
        let comments = topLevel.compactMap(build)
        let forumPosts = items.filter { CommentMarkup.isForumPost(page.elementFacts.facts(of: $0)) }.count
        return Thread(
            comments: comments, announcedCount: announced,
            isEvidenced: found.areMarked || comments.contains { $0.author != nil || $0.published != nil || $0.publishedText != nil },
            isForumThread: !items.isEmpty && forumPosts * 2 >= items.count)
    }
}
