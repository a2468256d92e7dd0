import Foundation

/// Blocks of a comment section that no reader wrote: vote and rating
/// widgets ("Was this helpful? 12 / 3", "Recommend (4)"), sign-in lines
/// ("You are logged in | Log out"), calls to comment ("Be the first to
/// comment", "Write a new comment"), notices ("Comments are closed",
/// "Comments are moderated"), share counts ("12 shares"). Read as a
/// comment, a vote widget took the place of the comment it sat on (which
/// became its reply) and a sign-in line was a thread's only comment; the
/// comments stage drops them, logged under `rule`, before it reads the
/// thread.
enum CommentControls {
    static let rule = "comment-controls"
    /// Controls are short lines; a longer block is something a reader wrote.
    static let maximumChars = 120

    /// Drops the controls under `roots` (a root may be one), each logged.
    /// A block that holds one of the thread's `items` is never dropped
    /// whole (a short thread's section, "All Comments 1 comment Newest …
    /// Keep dreaming!", reads like its sort bar): the walk goes into it.
    /// An item itself may be a control ("You are logged in | Log out").
    static func drop(in roots: [Node], items: [Node] = [], page: Page) {
        var holdsItem: Set<Node> = []
        for item in items {
            var current = item.parent
            while let node = current, node.isElement, holdsItem.insert(node).inserted { current = node.parent }
        }
        for root in roots where root.isElement && root.isAttached {
            let statistics = TextStatistics(root: root)
            var found: [Node] = []
            // A section repeats its short lines ("Reply", "Report", a
            // wrapper and its only child with the same text): each text
            // that may be a control is judged once. Most texts are told
            // apart by their opening alone (`opening(of:)`), for less than
            // hashing them costs.
            var verdicts: [String: Bool] = [:]
            func visit(_ node: Node) -> WalkDecision {
                guard node.isElement else { return .skipChildren }
                let chars = statistics[node].chars
                guard chars > 0 else { return .skipChildren }
                guard chars <= maximumChars, !holdsItem.contains(node) else { return .descend }
                let text = Text.collapsingWhitespace(node.textContent)
                let isControl: Bool
                if let opening = CommentControls.opening(of: text) {
                    if let verdict = verdicts[text] {
                        isControl = verdict
                    } else {
                        isControl = CommentControls.isControl(text, opening: opening)
                        verdicts[text] = isControl
                    }
                } else {
                    isControl = false
                }
                if isControl {
                    found.append(node)
                    return .skipChildren
                }
                return .descend
            }
            if visit(root) == .descend { root.walkDescendants(visit) }
            for node in found { page.remove(node, rule: rule) }
        }
    }

    /// How far up from a thread's last comment its trailing controls are
    /// looked for: out of the rows and the table the thread filled.
    static let maximumTrailingLevels = 3

    /// Drops the controls that follow a thread ("Add your comment" after
    /// the table of comments): the blocks from `next` on while they are
    /// controls, then, when `parent` (the thread's container) has no text
    /// left, those after it, climbing out of containers the thread left
    /// empty.
    static func dropTrailing(from next: Node?, in parent: Node?, page: Page) {
        var next = next
        var parent = parent
        for _ in 0..<maximumTrailingLevels {
            while let sibling = next {
                next = sibling.nextSiblingNode
                if sibling.isText, !sibling.hasVisibleOwnText { continue }
                guard sibling.isElement, CommentSections.isControlBlock(sibling) else { return }
                page.remove(sibling, rule: rule)
            }
            guard let container = parent, !container.hasName("body"), !holdsVisibleText(container) else { return }
            next = container.nextSiblingNode
            parent = container.parent
        }
    }

    private static func holdsVisibleText(_ node: Node) -> Bool {
        var found = false
        node.walkDescendants { child in
            guard child.isText else { return .descend }
            if child.hasVisibleOwnText {
                found = true
                return .stop
            }
            return .skipChildren
        }
        return found
    }

    /// Whether `text` (white space collapsed) is a control of the comment
    /// system rather than a comment.
    static func isControl(_ text: String) -> Bool {
        opening(of: text).map { isControl(text, opening: $0) } ?? false
    }

    /// What a text's opening says of it, read before its patterns and
    /// word lists: whether it may be a prompt or a notice, and whether its
    /// first word may open a widget's, a share line's or a sign-in line's.
    struct Opening {
        var mayBePrompt: Bool
        var mayBeWordLine: Bool
    }

    /// The opening of `text`; nil when it cannot be a control (empty, too
    /// long, or an opening of neither kind): most short blocks of a
    /// section, told apart for less than hashing them into the verdicts.
    static func opening(of text: String) -> Opening? {
        guard !text.isEmpty, Text.hasAtMost(maximumChars, charactersIn: text) else { return nil }
        // Each word-line shape below opens with one of its own words or a
        // number (a widget's and a share line's words are all theirs; a
        // sign-in line's first word is its own, since only words after
        // "as" may be others): most short texts of a section (names,
        // "Thanks!") are told by their first word, without splitting the
        // rest.
        let first = firstLowercasedWord(of: text)
        let opening = Opening(
            mayBePrompt: CommentThreadReader.mayOpenPrompt(text),
            mayBeWordLine: first.map { isNumber($0) || openingWords.contains($0) } ?? false)
        return opening.mayBePrompt || opening.mayBeWordLine ? opening : nil
    }

    /// `isControl` for a text whose opening is read. A control's text is
    /// shorter than a prompt's limit, so `isPrompt` is its opening test
    /// and its patterns.
    static func isControl(_ text: String, opening: Opening) -> Bool {
        if opening.mayBePrompt, CommentThreadReader.matchesPromptPatterns(text) { return true }
        guard opening.mayBeWordLine else { return false }
        let words = lowercasedWords(of: text)
        return isVoteWidget(words) || isShareCount(words) || isSignInLine(words)
    }

    /// The words a control's text may open with: `voteWords`,
    /// `shareWords` and `signInWords` together.
    static let openingWords: Set<Substring> = voteWords.union(shareWords).union(signInWords)

    /// The first of `lowercasedWords(of: text)`, read from the text's
    /// opening only: the words of the text up to the first separator after
    /// a word are that word (`CommentControlsTests` compares the two).
    static func firstLowercasedWord(of text: String) -> Substring? {
        if let word = firstASCIILowercasedWord(of: text) { return word }
        // ASCII text without a word has none; other text is read by
        // `Character`.
        guard !text.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        var end = text.endIndex
        var sawWord = false
        for index in text.indices {
            if isWordCharacter(text[index]) {
                sawWord = true
            } else if sawWord {
                end = index
                break
            }
        }
        return lowercasedWords(of: String(text[..<end])).first
    }

    /// The first word of ASCII `text`, lower-cased, read from its bytes in
    /// place (the first run of `isWordByte`, as `asciiLowercasedWords`
    /// splits): nil when the text holds a byte past ASCII or no word. The
    /// map, split and copies of the whole text cost five thousand
    /// instructions a text, and every short block of a section is asked.
    static func firstASCIILowercasedWord(of text: String) -> Substring? {
        var text = text
        return text.withUTF8 { bytes -> Substring? in
            var start = 0
            while start < bytes.count, !isWordByte(bytes[start]) {
                if bytes[start] >= 0x80 { return nil }
                start += 1
            }
            guard start < bytes.count else { return nil }
            var end = start
            while end < bytes.count, isWordByte(bytes[end]) { end += 1 }
            // Past the word the text must still be ASCII.
            var rest = end
            while rest < bytes.count {
                if bytes[rest] >= 0x80 { return nil }
                rest += 1
            }
            return Substring(Text.lowercasedASCII(UnsafeBufferPointer(rebasing: bytes[start..<end])))
        }
    }

    /// The words of `text` lower-cased, numbers as they are: letters and
    /// digits runs, apostrophes inside words kept ("you're").
    /// Every short block of a comment section is asked (a third of the
    /// comments stage's instructions went to splitting by `Character`):
    /// ASCII text, most of it, is split by its bytes, with the same words
    /// (`CommentControlsTests` compares the two).
    static func lowercasedWords(of text: String) -> [Substring] {
        text.utf8.allSatisfy { $0 < 0x80 } ? asciiLowercasedWords(of: text) : characterLowercasedWords(of: text)
    }

    /// The words of any text, by `Character`.
    static func characterLowercasedWords(of text: String) -> [Substring] {
        text.lowercased().split { !isWordCharacter($0) }
    }

    /// A letter, a digit or an apostrophe: what words are made of.
    static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "'" || character == "\u{2019}"
    }

    /// `isWordCharacter` for an ASCII byte, either case.
    static func isWordByte(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return (lower >= 0x61 && lower <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x27
    }

    /// The words of ASCII text: runs of letters, digits and apostrophes,
    /// the letters lower-cased (ASCII's letters and digits are exactly the
    /// characters below 0x80 that are `isLetter` or `isNumber`).
    static func asciiLowercasedWords(of text: String) -> [Substring] {
        let lowered = Substring(decoding: text.utf8.map { Text.lowercasedASCII($0) }, as: UTF8.self)
        return lowered.utf8.split { !isWordByte($0) }.map { Substring($0) }
    }

    /// Whether every Character of `word` is a number. An ASCII word, most,
    /// is one when its bytes are digits (its Characters are its bytes);
    /// asked of every word of every short block of a section.
    static func isNumber(_ word: Substring) -> Bool {
        var allDigits = true
        for byte in word.utf8 {
            if byte >= 0x80 { return word.allSatisfy(\.isNumber) }
            if byte < 0x30 || byte > 0x39 { allDigits = false }
        }
        return allDigits
    }

    /// Words of vote and rating widgets; a widget's line is made of these
    /// and numbers only.
    static let voteWords: Set<Substring> = [
        "was", "is", "this", "comment", "post", "reply", "review", "answer", "helpful", "useful", "unhelpful", "did",
        "you", "find", "vote", "votes", "voted", "rate", "rated", "rating", "ratings", "like", "likes", "liked",
        "dislike", "dislikes", "unlike", "agree", "agrees", "disagree", "disagrees", "recommend", "recommended",
        "recommends", "recommendations", "thumbs", "thumb", "up", "down", "points", "point", "score", "karma",
        "report", "abuse", "flag", "people", "readers", "found", "of", "out", "stars", "star", "and", "or",
        "yes", "no", "it", "to", "me", "reply", "permalink", "link", "quote",
    ]
    /// Words a widget's line has at least one of (or a number): "Yes" or
    /// "to me" alone is no widget.
    static let voteSignals: Set<Substring> = [
        "helpful", "useful", "unhelpful", "vote", "votes", "voted", "rate", "rated", "rating", "ratings",
        "recommend", "recommended", "recommends", "recommendations", "thumbs", "points", "score", "karma", "report",
        "abuse", "agree", "disagree", "like", "likes", "dislike", "dislikes",
    ]

    static func isVoteWidget(_ words: [Substring]) -> Bool {
        guard !words.isEmpty, words.allSatisfy({ isNumber($0) || voteWords.contains($0) }) else { return false }
        return words.contains { voteSignals.contains($0) }
            && (words.contains(where: isNumber) || words.contains { strongVoteSignals.contains($0) })
    }

    /// Vote words that make a widget without a number ("Was this helpful?").
    static let strongVoteSignals: Set<Substring> = ["helpful", "useful", "report", "abuse"]

    static let shareWords: Set<Substring> = [
        "share", "shares", "shared", "sharing", "tweet", "tweets", "retweet", "retweets", "email", "emails", "print",
        "this", "article", "story", "page", "on", "facebook", "twitter", "digg", "delicious", "reddit", "stumbleupon",
        "via", "send", "to", "a", "friend", "bookmark", "comments", "comment", "views", "view", "likes", "like",
    ]

    /// "12 shares", "Share this story", "Email | Print | Share", "Digg this".
    static func isShareCount(_ words: [Substring]) -> Bool {
        guard !words.isEmpty, words.allSatisfy({ isNumber($0) || shareWords.contains($0) }) else { return false }
        return words.contains { shareSignals.contains($0) }
    }

    /// The share words a share line holds at least one of.
    static let shareSignals: Set<Substring> = [
        "share", "shares", "shared", "tweet", "tweets", "retweets", "email", "print", "bookmark", "digg",
    ]

    /// A sign-in line holds at most this many words beside its own.
    static let maximumSignInNameWords = 4

    /// "You are logged in | Log out", "Logged in as Dave. Log out?",
    /// "Sign in | Register", "Not a member? Register now".
    static let signInWords: Set<Substring> = [
        "you", "are", "you're", "not", "logged", "signed", "in", "as", "log", "out", "logout", "login", "sign",
        "signout", "signin", "register", "registered", "now", "or", "a", "member", "yet", "here", "to", "comment",
        "off", "welcome", "back", "my", "account", "profile", "up", "join",
    ]
    /// Single words that say sign-in or sign-out.
    static let signInSignals: Set<Substring> = ["logout", "login", "signin", "signout", "register"]

    static func isSignInLine(_ words: [Substring]) -> Bool {
        let hasSignIn = zip(words, words.dropFirst()).contains { pair in
            (pair.0 == "log" || pair.0 == "sign" || pair.0 == "logged" || pair.0 == "signed")
                && (pair.1 == "in" || pair.1 == "out" || pair.1 == "off" || pair.1 == "up")
        } || words.contains { signInSignals.contains($0) }
        guard hasSignIn else { return false }
        // Beside its own words the line may name the reader after "as"
        // ("Logged in as Dave Smith"), no more: "I had to log in twice"
        // is a comment.
        var others = 0
        var afterAs = false
        for word in words {
            if signInWords.contains(word) {
                afterAs = word == "as"
                continue
            }
            guard afterAs else { return false }
            others += 1
        }
        return others <= maximumSignInNameWords
    }
}
