import Foundation

/// The number of comments a section announces in its heading: "4 thoughts
/// on …", "12 Comments", "Responses (7)", "Comments: 3".
enum CommentCount {
    static let pattern: NSRegularExpression? = try? NSRegularExpression(
        pattern: #"^\s*(?:(\d[\d,.]*|no)\s+(?:(?:users?|people|readers?)\s+(?:responded|commented|replied)|comments?|responses?|replies|thoughts?|reactions?|opinions?)\b|(?:comments?|responses?|replies|reactions?)\s*[:(]?\s*(\d[\d,.]*)\)?\s*$)"#,
        options: [.caseInsensitive])
    /// Announcements are short headings.
    static let maximumHeadingChars = 200

    /// The count announced in `section` outside its comments (a comment's
    /// own title is not the thread's heading).
    static func announced(in section: Node, outside items: Set<Node> = [], facts: ElementFactsCache) -> Int? {
        var count: Int?
        section.walkDescendants { node in
            guard node.isElement, !items.contains(node) else { return .skipChildren }
            guard HTMLVocabulary.headingTags.contains(node.tag) || CommentCount.isLabelled(facts.facts(of: node).nameWords) else { return .descend }
            let text = Text.collapsingWhitespace(node.textContent)
            guard Text.hasAtMost(maximumHeadingChars, charactersIn: text), let value = number(in: text) else { return .skipChildren }
            count = value
            return .stop
        }
        return count
    }

    private static let titleHint = WordHint("title")
    private static let countHint = WordHint("count")

    /// Whether class or id words name an element a title or a count.
    private static func isLabelled(_ words: NameWords) -> Bool {
        !words.isEmpty && (words.contains(titleHint) || words.contains(countHint))
    }

    /// Headings that name a thread without counting it.
    private static let labels: Set<String> = [
        "comments", "responses", "replies", "discussion", "reader comments", "readers' comments",
        "reader's comments", "user comments", "your comments", "reactions", "what readers say", "what people are saying",
    ]

    /// Whether a heading announces the comment thread: a count ("12
    /// Comments", "4 thoughts on …") or a label ("Comments", "Discussion").
    static func isAnnouncement(_ heading: String) -> Bool {
        guard !heading.isEmpty, heading.utf8.count <= maximumHeadingChars * 4, Text.hasAtMost(maximumHeadingChars, charactersIn: heading),
            announcementWords.contains(where: { Text.containsBytes(heading, $0, ignoringASCIICase: true) })
        else { return false }
        if number(in: heading) != nil { return true }
        let label = heading.lowercased().trimmingCharacters(in: labelTrimmed)
        return labels.contains(label)
    }

    /// Every count and label holds one of these (ASCII, any case): a
    /// heading without one is passed over before any pattern runs.
    private static let announcementWords = [
        "comment", "respon", "repl", "thought", "reaction", "opinion", "discussion", "what readers", "what people",
    ]
    private static let labelTrimmed = CharacterSet.punctuationCharacters.union(.whitespaces)

    /// Whether `text` may open as `pattern` asks: past ASCII white space,
    /// a digit, or the first letter of "no", "comments", "responses",
    /// "replies", "reactions". A character past ASCII (a space, a digit or
    /// a letter to ICU) is left to the pattern.
    static func mayOpenWithCount(_ text: String) -> Bool {
        guard let first = text.utf8.first(where: { !($0 == 0x20 || (0x09...0x0D).contains($0)) }) else { return false }
        let lower = first >= 0x41 && first <= 0x5A ? first | 0x20 : first
        return first >= 0x80 || (0x30...0x39).contains(first) || lower == UInt8(ascii: "n") || lower == UInt8(ascii: "c")
            || lower == UInt8(ascii: "r")
    }

    static func number(in text: String) -> Int? {
        guard mayOpenWithCount(text), let pattern,
            let match = pattern.firstMatch(in: text, range: NSRange(text.startIndex..<text.endIndex, in: text))
        else { return nil }
        for group in 1...2 {
            if let range = Range(match.range(at: group), in: text) {
                if text[range].lowercased() == "no" { return 0 }
                return Int(text[range].filter(\.isNumber))
            }
        }
        return nil
    }
}
