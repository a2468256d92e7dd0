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

    /// A sign-in prompt printed under each comment ("Log in or register to
    /// post comments", "Sign in to reply").
    static let signInPattern = try? NSRegularExpression(
        pattern: #"^\W*(?:log ?in|sign ?in|register)\b.{0,40}\bto (?:post|reply|comment|vote|like)\b"#,
        options: [.caseInsensitive])

    /// Whether a line at either end of a comment is the comment system's:
    /// a call to comment or a sign-in prompt. Narrower than `isPrompt`,
    /// whose notices ("Your comment…") may open what a reader wrote.
    static func isSystemLine(_ line: String) -> Bool {
        guard Text.hasAtMost(maximumPromptChars, charactersIn: line), mayOpenSystemLine(line) else { return false }
        let range = NSRange(line.startIndex..<line.endIndex, in: line)
        return [promptPattern, signInPattern].contains { $0?.firstMatch(in: line, range: range) != nil }
    }

    /// The words a call to comment or a sign-in prompt opens with
    /// (`promptPattern`, `signInPattern`), past any leading punctuation.
    static let systemLineOpenings: Set<String> = [
        "click", "add", "post", "leave", "write", "load", "view", "show", "read", "see", "submit", "be",
        "there", "no", "0", "log", "login", "sign", "signin", "register",
    ]

    /// Whether `line` may be a system line: its first word opens one. A
    /// test before the patterns, which cost thousands of instructions a
    /// line and run on both ends of every comment. Lines it cannot judge
    /// by ASCII alone (a leading `_` or a letter past ASCII) go to the
    /// patterns.
    static func mayOpenSystemLine(_ line: String) -> Bool {
        var word: [UInt8] = []
        for byte in line.utf8 {
            let lower = Text.lowercasedASCII(byte)
            let isAlphanumeric = (0x61...0x7A).contains(lower) || (0x30...0x39).contains(lower)
            if isAlphanumeric {
                word.append(lower)
                if word.count > 8 { return false }
                continue
            }
            if byte >= 0x80 || byte == UInt8(ascii: "_") { return word.isEmpty || systemLineOpenings.contains(String(decoding: word, as: UTF8.self)) }
            if !word.isEmpty { break }
        }
        return systemLineOpenings.contains(String(decoding: word, as: UTF8.self))
    }

    /// The words a call to comment or a notice opens with (`promptPattern`,
    /// `noticePattern`), past any leading punctuation. A number opens some
    /// too ("0 Comments", "12 Tweets 3 Likes").
    static let promptOpenings: Set<String> = [
        "click", "add", "post", "leave", "write", "load", "view", "show", "read", "see", "submit", "be", "there", "no",
        "please", "note", "comments", "comment", "your", "all", "by", "the", "discussion", "we", "you", "log", "login",
        "sign", "not", "this",
    ]
    private static let longestPromptOpening = promptOpenings.map(\.utf8.count).max() ?? 0

    /// Whether `text` may be a prompt or a notice (`isPrompt`): its first
    /// word, past leading ASCII punctuation and spaces, opens one or is a
    /// number, and what follows may complete one (`mayGoOnAsPrompt`; a
    /// number must count one of `countedThings`). A test before the
    /// patterns, which cost ten thousand instructions a call and run on
    /// every comment and every short block of a section. Exact: after
    /// `^\W*` each choice of the patterns is one of `promptOpenings`
    /// followed by a character that is not a word character, or digits. A
    /// word that goes on past ASCII or into "_" cannot be judged by bytes
    /// (ICU reads "ſ" as "s"): it goes to the patterns when it starts like
    /// an opening.
    static func mayOpenPrompt(_ text: String) -> Bool {
        var utf8 = text
        return utf8.withUTF8 { bytes in
            // The first word's bounds, read as the patterns' `^\W*` then a
            // word would be: ASCII letters and digits, lower-cased below.
            var start = -1
            var end = bytes.count
            for index in bytes.indices {
                let byte = bytes[index]
                let lower = Text.lowercasedASCII(byte)
                if lower >= 0x30 && lower <= 0x39 {
                    // A count opens a line that names what it counts.
                    if start < 0 { return bytes.contains { $0 >= 0x80 } || Text.containsAny(countedThings, in: text) }
                } else if lower >= 0x61 && lower <= 0x7A {
                    if start < 0 { start = index }
                } else if byte >= 0x80 || byte == UInt8(ascii: "_") {
                    let prefix = start < 0 ? "" : Text.lowercasedASCII(UnsafeBufferPointer(rebasing: bytes[start..<index]))
                    return promptOpenings.contains { $0.hasPrefix(prefix) }
                } else if start >= 0 {
                    end = index
                    break
                } else {
                    continue
                }
                if start >= 0, index - start + 1 > longestPromptOpening { return false }
            }
            guard start >= 0 else { return false }
            let opening = Text.lowercasedASCII(UnsafeBufferPointer(rebasing: bytes[start..<end]))
            guard promptOpenings.contains(opening) else { return false }
            return mayGoOnAsPrompt(text, after: opening, rest: UnsafeBufferPointer(rebasing: bytes[end...]))
        }
    }

    /// The verbs of a call to comment (`promptPattern`'s first choice),
    /// which names the comments, a reply or a response within a few words.
    static let promptVerbs: Set<String> = [
        "click", "add", "post", "leave", "write", "load", "view", "show", "read", "see", "submit", "be",
    ]
    /// What follows each other opening in every text the patterns match,
    /// right after the opening word (ASCII case aside): one of these.
    /// "the" opens only "the posting of", "you" only "you must be logged
    /// in", and so on (`noticePattern`; "there" opens `promptPattern`'s
    /// "there are no comments").
    static let promptContinuations: [String: [[UInt8]]] = [
        "please": [" note"], "note": [":"], "comments": [" are", " will", " is"], "comment": [" policy", " are", " is"],
        "your": [" comment"], "all": [" comments"], "by": [" posting"], "the": [" posting of"],
        "discussion": [" policy"], "we": [" reserve"], "you": [" must"], "log": [" in"], "login": [" or"],
        "sign": [" in"], "not": [" yet"], "this": [" comment"], "there": [" are"],
    ].mapValues { $0.map { Array($0.utf8) } }
    /// What a prompt or a notice that opens with a number counts ("0
    /// comments", "12 Tweets 3 Likes"), in part at least.
    static let countedThings = ASCIINeedles(["comment", "respons", "repl", "tweet", "like", "share", "view"])
    /// Words one of `promptVerbs` must be followed by, in part at least.
    static let promptTargets = ASCIINeedles(["comment", "repl", "response"])

    /// Whether `text`, past its opening word `opening` (one of
    /// `promptOpenings`, followed by `rest`), may complete a prompt or a
    /// notice: exact on ASCII, where a case-insensitive match is byte for
    /// byte; a byte past ASCII where it counts (ICU folds "ſ" to "s", "ß"
    /// to "ss") leaves the text to the patterns. Most short blocks of a
    /// section that pass the opening ("The …", "You …", "This …") fail
    /// here, and the patterns cost ten thousand instructions a text.
    static func mayGoOnAsPrompt(_ text: String, after opening: String, rest: UnsafeBufferPointer<UInt8>) -> Bool {
        if let continuations = promptContinuations[opening] {
            return continuations.contains { continuation in
                for (offset, expected) in continuation.enumerated() {
                    guard offset < rest.count else { return false }
                    let byte = rest[offset]
                    if byte >= 0x80 { return true }
                    if Text.lowercasedASCII(byte) != expected { return false }
                }
                return true
            }
        }
        guard promptVerbs.contains(opening) else { return true }
        return text.utf8.contains { $0 >= 0x80 } || Text.containsAny(promptTargets, in: text)
    }

    /// Prompts are short; a long comment may mention "post a comment".
    static let maximumPromptChars = 200

    static func isPrompt(_ text: String) -> Bool {
        Text.hasAtMost(maximumPromptChars, charactersIn: text) && mayOpenPrompt(text) && matchesPromptPatterns(text)
    }

    /// Whether the prompt or the notice pattern matches `text`.
    static func matchesPromptPatterns(_ text: String) -> Bool {
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

    /// Attributes that name the comment a reply answers.
    static let inReplyToAttributes: [StaticString] = ["data-in-reply-to", "in-reply-to", "data-parent-id", "data-reply-to", "data-parent"]

    /// The comment `item` names as the one it answers, when that comment
    /// is in the thread (a reply to a comment not shown stays at the top).
    static func answeredComment(of item: Node, byID: [String: Node]) -> Node? {
        for name in inReplyToAttributes {
            guard let value = item.attribute(name).map(Text.collapsingWhitespace), !value.isEmpty else { continue }
            let id = value.hasPrefix("#") ? String(value.dropFirst()) : value
            for candidate in [id, "comment-" + id, "comment_" + id] {
                if let parent = byID[candidate], parent != item { return parent }
            }
        }
        return nil
    }

    /// Class words of a container of replies.
    static let replyContainerWords: Set<String> = ["indented", "children", "replies", "reply", "subcomments", "responses"]

    /// The comment a reply container answers when it comes right after
    /// that comment (jump anchors between them aside).
    static func commentAnswered(by container: Node, items: Set<Node>, facts: ElementFactsCache) -> Node? {
        let words = facts.facts(of: container).nameWords
        guard !words.isEmpty, words.tokens.contains(where: { $0.contains(where: replyContainerWords.contains) }) else {
            return nil
        }
        var previous = container.previousSiblingNode
        while let sibling = previous, !sibling.isElement || (sibling.hasName("a") && Text.visibleLength(sibling.textContent) == 0) {
            previous = sibling.previousSiblingNode
        }
        guard let candidate = previous, items.contains(candidate) else { return nil }
        return candidate
    }

    private func readOnce() -> Thread {
        var found = CommentItems.find(in: roots, facts: page.elementFacts)
        if rootsAreComments {
            let nested = found.areMarked ? found.items.filter { !roots.contains($0) } : []
            found = CommentItems.Found(items: roots + nested, areMarked: true)
        }
        // Votes, sign-in lines and notices are nobody's comment: dropped
        // (and logged) once the comments are found, since a thread's
        // blocks repeat with them (a sign-in box shaped like a comment).
        CommentControls.drop(in: roots, items: found.items, page: page)
        found.items = found.items.filter { $0.isAttached }
        let items = found.items
        // Roots that are comments are their own top level.
        let rootSet = rootsAreComments ? Set<Node>() : Set(roots)
        let itemSet = Set(items)
        // Each item's nearest item ancestor is its parent: nested lists,
        // `depth-N` wrappers and reply containers all come down to that.
        // A reply container may also follow its comment instead of sitting
        // in it (Drupal's `div.indented`, some themes' `ul.children`).
        // Flat lists say whom a reply answers in an attribute instead.
        var byID: [String: Node] = [:]
        for item in items { if let id = item.attribute("id") { byID[id] = item } }
        var parents: [Node: Node] = [:]
        for item in items {
            var parent: Node? = CommentThreadReader.answeredComment(of: item, byID: byID)
            for ancestor in item.ancestors where parent == nil {
                if rootSet.contains(ancestor) { break }
                if itemSet.contains(ancestor) {
                    parent = ancestor
                    break
                }
                if let answered = CommentThreadReader.commentAnswered(by: ancestor, items: itemSet, facts: page.elementFacts) {
                    parent = answered
                    break
                }
            }
            parents[item] = parent
        }
        // Attributes can name each other in a circle; a comment on one is
        // put at the top level rather than lost with the circle.
        for item in items where parents[item] != nil {
            var seen: Set<Node> = [item]
            var current = parents[item]
            while let node = current {
                if !seen.insert(node).inserted {
                    parents[item] = nil
                    break
                }
                current = parents[node]
            }
        }
        var children: [Node: [Node]] = [:]
        var topLevel: [Node] = []
        for item in items {
            if let parent = parents[item] { children[parent, default: []].append(item) } else { topLevel.append(item) }
        }
        // The comments `item` stands for: itself, or, when it holds nothing
        // but comments (no text, author or date of its own: an `<li>` of a
        // comment list that wraps the whole thread), its replies in its place.
        func build(_ item: Node) -> [Comment] {
            let replies = (children[item] ?? []).flatMap(build)
            let parts = CommentParts(
                item: item, items: itemSet, facts: page.elementFacts, keepsHeaders: page.options.keepsCommentHeaders)
            let (text, author, date) = parts.read()
            // A label left alone ("SUBMIT", "No Comments") is not a comment.
            if replies.isEmpty, author == nil, Text.visibleLength(text) < CommentThreadReader.minimumAnonymousChars { return [] }
            if replies.isEmpty, CommentThreadReader.isPrompt(text) || CommentCount.isAnnouncement(text) { return [] }
            if text.isEmpty, author == nil, date == nil { return replies }
            guard !text.isEmpty || !replies.isEmpty else { return [] }
            return [
                Comment(
                    id: parts.id, author: author?.name, authorURL: author?.url, published: date?.iso,
                    publishedText: date?.iso == nil ? date?.text : nil, text: text, replies: replies)
            ]
        }
        let announced = roots.lazy.compactMap { CommentCount.announced(in: $0, outside: itemSet, facts: page.elementFacts) }.first
        // "0 Responses", "No comments yet": whatever repeats in the section
        // is not a comment.
        if announced == 0 { return Thread(comments: [], announcedCount: 0, isEvidenced: found.areMarked) }
        let comments = topLevel.flatMap(build)
        let forumPosts = items.filter { CommentMarkup.isForumPost(page.elementFacts.facts(of: $0)) }.count
        return Thread(
            comments: comments, announcedCount: announced,
            isEvidenced: found.areMarked || comments.contains { $0.author != nil || $0.published != nil || $0.publishedText != nil },
            isForumThread: !items.isEmpty && forumPosts * 2 >= items.count)
    }
}
