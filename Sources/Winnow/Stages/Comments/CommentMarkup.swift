/// What markup says about one element of a comment thread: whether it is
/// a single comment, a notice that another site linked here, or a prompt
/// to write one. Read from class and id words, schema.org attributes and
/// the lists comment systems put comments in.
enum CommentMarkup {
    /// List classes whose `<li>` children are comments even when the theme
    /// gives them no class (WordPress's old default theme).
    static let listHints = [WordHint("commentlist"), WordHint("comment-list"), WordHint("comments")]

    /// Words that end a class token naming one comment, beside `comment`
    /// itself: `comment-item`, `comment_entry`, `single-comment`,
    /// `ugccmt-comment`, `commentitem`. A token that goes on after them
    /// names a part (`comment-content`, `comment-box-header`).
    static let itemEndings: [[String]] = [
        ["comment"], ["comment", "item"], ["comment", "entry"], ["comment", "box"], ["comment", "container"],
        ["comment", "thread", "item"], ["commentitem"], ["commentbody"],
    ]
    /// Words before the ending that make the token a control or a widget,
    /// not a comment: `add-comment`, `leave-comment`, `recent-comment`,
    /// `no-comment`, `delete-comment`.
    static let notItemWords: Set<String> = [
        "add", "leave", "new", "write", "reply", "respond", "no", "recent", "latest", "top", "popular", "most",
        "count", "form", "load", "more", "show", "view", "all", "total", "delete", "edit", "report", "flag",
        "featured", "pending", "login", "signin", "sign", "register", "submit", "your", "my", "fb", "facebook",
        "link", "icon", "bubble", "num", "number", "rss", "feed", "subscribe", "close", "open", "toggle",
    ]

    /// Notices that another site linked here; WordPress lists them with the
    /// comments, but nobody wrote them to the page.
    static let linkbackHints = WordHintSet([WordHint("pingback"), WordHint("trackback"), WordHint("linkback")])
    /// Containers of sign-in and posting prompts, whose blocks repeat too.
    static let promptHints = WordHintSet([
        WordHint("form"), WordHint("login"), WordHint("respond"), WordHint("signin"), WordHint("register"),
        WordHint("comment-providers"), WordHint("comment-policy"),
    ])

    /// Words before `comments` that make a sidebar widget of other pages'
    /// comments: `recent-comments`, `most-commented`, `top-comments`.
    static let widgetWords: Set<String> = ["recent", "latest", "popular", "top", "most", "new", "newest", "related", "last"]

    /// A widget that lists comments from elsewhere on the site.
    private static let commentBytes = Array("comment".utf8)

    /// `word.hasPrefix("comment")`, read as bytes where that is the same:
    /// when what follows the seven letters is ASCII (or nothing), they are
    /// seven Characters. Every class word of every element is asked.
    static func startsWithComment(_ word: String) -> Bool {
        let utf8 = word.utf8
        guard utf8.count >= commentBytes.count, utf8.starts(with: commentBytes) else { return false }
        let next = utf8.dropFirst(commentBytes.count).first
        return (next.map { $0 < 0x80 } ?? true) || word.hasPrefix("comment")
    }

    /// Whether a class token (or, `includingID`, the id) holds the letters
    /// of "comment" in any case: no word of the element can start with
    /// `comment` otherwise (no letter past ASCII lower-cases to one of
    /// them). A test on the attribute's bytes before the words are asked,
    /// since most elements never name comments.
    static func mayNameComment(_ facts: ElementFacts, includingID: Bool = true) -> Bool {
        facts.classesHoldComment || (includingID && facts.idHoldsComment)
    }

    static func isWidget(_ facts: ElementFacts) -> Bool {
        !facts.nameWords.isEmpty && mayNameComment(facts) && facts.nameWords.tokens.contains { words in
            guard let index = words.firstIndex(where: startsWithComment) else { return false }
            return words[..<index].contains(where: widgetWords.contains)
        }
    }

    /// Last words of the class tokens of forum software's posts (phpBB's
    /// `post`, XenForo's `message--post`, bbPress's `bbp-reply`,
    /// Discourse's `topic-post`).
    static let forumPostWords: Set<String> = ["post", "message", "reply", "topic", "postbody", "posts"]

    /// A post of a forum thread rather than a comment under an article:
    /// forum software marks replies as schema.org `Comment` too, but names
    /// them posts, messages or replies, never comments.
    static func isForumPost(_ facts: ElementFacts) -> Bool {
        let tokens = facts.nameWords.tokens
        guard !(mayNameComment(facts) && tokens.contains(where: { $0.contains(where: startsWithComment) })) else { return false }
        return tokens.contains { words in words.last.map(forumPostWords.contains) ?? false }
    }

    static func isLinkback(_ facts: ElementFacts) -> Bool {
        linkbackHints.anyMatches(facts.nameWords)
    }

    static func isPromptContainer(_ node: Node, facts: ElementFacts) -> Bool {
        facts.htmlTag == .form || promptHints.anyMatches(facts.nameWords)
    }

    /// Whether markup names `node` one comment by more than a class that
    /// sites also give to other things (`<div class="comment">` around a
    /// post's "Leave a comment" line): schema.org, or a numbered id.
    static func isStronglyMarkedItem(_ node: Node, facts: ElementFacts) -> Bool {
        if node.attribute("itemtype", hasSuffix: "/Comment") { return true }
        if node.attribute("itemprop", is: "comment") { return true }
        return facts.idHoldsComment && (facts.id.map(isCommentID) ?? false)
    }

    /// Whether markup names `node` one comment.
    /// Tags that never hold a whole comment: jump targets (`<a
    /// id="comment-12">` marks where a comment starts), images, dates.
    /// Table cells too: a `td.comment` is a data table's "Comment" column.
    static let partTags = TagSet([.a, .img, .br, .time, .abbr, .button, .label, .input, .textarea, .form, .cite, .td, .th])

    static func isItem(_ node: Node, facts: ElementFacts, cache: ElementFactsCache) -> Bool {
        // A comment is a block: `<span class="comment">` is a code
        // comment under a syntax highlighter, or a label.
        guard node.isElement, HTMLVocabulary.blockTags.contains(facts.htmlTag), !partTags.contains(facts.htmlTag),
            facts.nameWords.isEmpty || !isLinkback(facts)
        else { return false }
        if node.attribute("itemtype", hasSuffix: "/Comment") { return true }
        if node.attribute("itemprop", is: "comment") { return true }
        if !facts.nameWords.isEmpty {
            if hasItemClass(facts) { return !isList(node) }
            // An id without the letters of "comment" has no name part
            // that ends in the word.
            if facts.idHoldsComment, let id = facts.id, isCommentID(id) { return !isList(node) }
        }
        // Blogger's classic template: `<dl>` of `<dt>` author, `<dd
        // class="comment-body">` text, `<dd class="comment-footer">` date,
        // with nothing wrapping one comment: the body stands for it.
        if node.hasName("dd"), facts.nameWords.contains(WordHint("comment-body")) { return true }
        if node.hasName("li"), let list = node.parent, list.hasName("ol") || list.hasName("ul") {
            let words = cache.facts(of: list).nameWords
            return listHints.contains { words.contains($0) }
        }
        return false
    }

    /// A class token that ends in a comment word: `comment`, `Comment`,
    /// `comment-item`, `ugccmt-comment`, `p-comment_Comment`.
    static func hasItemClass(_ facts: ElementFacts) -> Bool {
        guard mayNameComment(facts, includingID: false) else { return false }
        let classTokenCount = facts.classes.count
        // Class tokens come first in `nameWords`, then the id's.
        // Every ending has a word that starts with `comment`: a token
        // without one is passed over before any ending is compared.
        for words in facts.nameWords.tokens.prefix(classTokenCount)
        where words.contains(where: startsWithComment) && endsInItemWords(words) {
            return true
        }
        return false
    }

    private static func endsInItemWords(_ words: ArraySlice<String>) -> Bool {
        for ending in itemEndings where words.count >= ending.count && words.suffix(ending.count).elementsEqual(ending) {
            let before = words.dropLast(ending.count)
            if before.contains(where: { notItemWords.contains($0) || NameWords.qualifierWords.contains($0) }) {
                return false
            }
            return true
        }
        return false
    }

    /// An id that numbers a comment: `comment-211969`, `li-comment-5`,
    /// `dsq-comment-562692`, `comment_40748133`, `comment-6a00d834…`. The
    /// words before the number end in `comment`; the number tells one
    /// comment from the section (`comments`) and its parts (`comment-form`).
    static func isCommentID(_ id: String) -> Bool {
        var id = id
        return id.withUTF8(isCommentID(utf8:))
    }

    private static func isCommentID(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count <= 80, let digit = bytes.firstIndex(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        // Nothing but the number (hex digits, separators) after it.
        let isNumberPart = { (byte: UInt8) in
            (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte) || byte == 0x2D
                || byte == 0x5F
        }
        guard bytes[digit...].allSatisfy(isNumberPart) else { return false }
        // The name part: its words end in `comment`. No letter past ASCII
        // lower-cases to one of its letters, so a name without the seven
        // ASCII letters (in any case) has no such word: most ids are let go
        // here, before their words are made (as in `mayNameComment`).
        let name = String(decoding: bytes[..<digit], as: UTF8.self)
        guard Text.containsBytes(name, "comment", ignoringASCIICase: true) else { return false }
        let words = NameWords.words(of: Substring(name))
        return words.last == "comment" && !words.dropLast().contains(where: notItemWords.contains)
    }

    private static func isList(_ node: Node) -> Bool {
        node.hasName("ol") || node.hasName("ul") || node.hasName("section")
    }
}
