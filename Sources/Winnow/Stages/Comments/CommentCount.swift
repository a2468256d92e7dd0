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
    /// Older news sites name the thread by what it asks of the reader
    /// ("Have your say", "Your views", "What you think").
    private static let labels: Set<String> = [
        "comments", "responses", "replies", "discussion", "reader comments", "readers' comments",
        "reader's comments", "user comments", "your comments", "reactions", "what readers say", "what people are saying",
        "your views", "readers' views", "reader views", "your say", "have your say", "what you think", "what you said",
        "what do you think", "what readers think", "talkback", "reader reaction", "reader reactions", "your opinions",
    ]

    /// Whether a heading announces the comment thread: a count ("12
    /// Comments", "4 thoughts on …") or a label ("Comments", "Discussion").
    ///
    /// Every heading of a comment section and every comment without
    /// replies comes here: the byte tests (length, a long ASCII opening,
    /// one pass for the announcement words) go before the Character count,
    /// the pattern and the label (the tests are all pure: their order
    /// changes nothing but the cost).
    static func isAnnouncement(_ heading: String) -> Bool {
        guard !heading.isEmpty, heading.utf8.count <= maximumHeadingChars * 4, !opensWithTooManyASCIICharacters(heading),
            mentionsAnnouncementWord(heading), Text.hasAtMost(maximumHeadingChars, charactersIn: heading)
        else { return false }
        if number(in: heading) != nil { return true }
        return isLabel(heading)
    }

    /// Whether `heading` opens with more than `maximumHeadingChars`
    /// Characters of ASCII, which `Text.hasAtMost` would find after the
    /// words were looked for in all of it: bytes below 0x80 other than CR,
    /// each followed by another, are a Character each.
    private static func opensWithTooManyASCIICharacters(_ heading: String) -> Bool {
        guard heading.utf8.count >= maximumHeadingChars + 2 else { return false }
        var heading = heading
        return heading.withUTF8 { bytes in
            for index in 0..<(maximumHeadingChars + 2) where bytes[index] >= 0x80 || bytes[index] == 0x0D { return false }
            return true
        }
    }

    /// Whether `heading`, lower-cased and trimmed of punctuation and
    /// spaces, is one of `labels`.
    static func isLabel(_ heading: String) -> Bool {
        // Foundation's lower-casing and trimming cost about 150 000
        // instructions a heading: the bytes settle most headings first.
        var heading = heading
        let settled: Bool? = heading.withUTF8 { bytes in
            bytes.allSatisfy({ $0 < 0x80 }) ? isASCIILabel(bytes) : mayBeLabel(bytes) ? nil : false
        }
        return settled ?? labels.contains(heading.lowercased().trimmingCharacters(in: labelTrimmed))
    }

    /// `isLabel` for ASCII text: there lower-casing is byte by byte and
    /// changes no byte's trimming (letters are neither punctuation nor
    /// space), a Character is a byte (CR LF aside, neither trimmed nor in a
    /// label) and strings are equal when their bytes are.
    private static func isASCIILabel(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let asciiLabelTrimmed = asciiLabelTrimmed
        var start = 0
        var end = bytes.count
        while start < end, asciiLabelTrimmed[Int(bytes[start])] { start += 1 }
        while end > start, asciiLabelTrimmed[Int(bytes[end - 1])] { end -= 1 }
        return asciiLabels.contains { label in
            label.count == end - start && label.indices.allSatisfy { label[$0] == Text.lowercasedASCII(bytes[start + $0]) }
        }
    }

    /// False when text past ASCII cannot be a label: its ASCII bytes that
    /// are not trimmed (lower-cased) are not, in order, part of any label.
    ///
    /// Such a byte is one scalar, lower-cased alone and never trimmed
    /// (trimming stops at it from either end), so it is in the lower-cased
    /// trimmed text, in order. Text equal to a label (ASCII) has that
    /// label as its canonical decomposition, which keeps every ASCII scalar
    /// of the text (decomposition leaves ASCII as it is, reordering moves
    /// only combining marks): the bytes are a subsequence of the label.
    private static func mayBeLabel(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let asciiLabelTrimmed = asciiLabelTrimmed
        var kept = 0
        for byte in bytes where byte < 0x80 && !asciiLabelTrimmed[Int(byte)] {
            kept += 1
            if kept > longestLabel { return false }
        }
        return asciiLabels.contains { label in
            var position = 0
            for byte in bytes where byte < 0x80 && !asciiLabelTrimmed[Int(byte)] {
                let lower = Text.lowercasedASCII(byte)
                while position < label.count, label[position] != lower { position += 1 }
                guard position < label.count else { return false }
                position += 1
            }
            return true
        }
    }

    /// Whether `heading` holds one of `announcementWords`, ASCII case
    /// ignored: `Text.containsBytes` for each word, in one pass.
    static func mentionsAnnouncementWord(_ heading: String) -> Bool {
        var heading = heading
        // Read once: each use of a static in the loop would check its lazy
        // initialization.
        let starts = announcementWordStarts
        return heading.withUTF8 { bytes in
            announcementOpenings.withUnsafeBufferPointer { openings in
                announcementWordBytes.withUnsafeBufferPointer { words in
                    for start in bytes.indices {
                        var candidates = openings[Int(bytes[start])]
                        while candidates != 0 {
                            let word = candidates.trailingZeroBitCount
                            candidates &= candidates - 1
                            let from = starts[word]
                            let length = starts[word + 1] - from
                            guard length <= bytes.count - start else { continue }
                            var offset = 1
                            while offset < length, Text.lowercasedASCII(bytes[start + offset]) == words[from + offset] { offset += 1 }
                            if offset == length { return true }
                        }
                    }
                    return false
                }
            }
        }
    }


    /// Every count and label holds one of these (ASCII, any case): a
    /// heading without one is passed over before any pattern runs.
    private static let announcementWords = [
        "comment", "respon", "repl", "thought", "reaction", "opinion", "discussion", "what readers", "what people",
        "views", "your say", "think", "what you said", "talkback",
    ]
    /// The words' bytes one after another, and where each starts (and
    /// the last ends).
    private static let announcementWordBytes = announcementWords.flatMap(\.utf8)
    private static let announcementWordStarts = announcementWords.reduce(into: [0]) { starts, word in starts.append(starts.last! + word.utf8.count) }
    /// For each byte, the words (bits by index) whose first letter it is,
    /// in either case.
    private static let announcementOpenings: [UInt16] = (0..<256).map { byte in
        announcementWords.indices.reduce(0) { mask, index in
            Text.lowercasedASCII(UInt8(byte)) == announcementWords[index].utf8.first! ? mask | 1 << index : mask
        }
    }
    private static let labelTrimmed = CharacterSet.punctuationCharacters.union(.whitespaces)
    /// Which ASCII bytes `labelTrimmed` holds, read from it.
    private static let asciiLabelTrimmed: [Bool] = (0..<128).map { labelTrimmed.contains(Unicode.Scalar(UInt8($0))) }
    private static let asciiLabels = labels.map { Array($0.utf8) }
    private static let longestLabel = labels.map(\.utf8.count).max()!

    /// Whether `text` may open as `pattern` asks: past ASCII white space,
    /// a digit, or the first letter of "no", "comments", "responses",
    /// "replies", "reactions". A character past ASCII (a space, a digit or
    /// a letter to ICU) is left to the pattern.
    static func mayOpenWithCount(_ text: String) -> Bool {
        guard let first = text.utf8.first(where: { !($0 == 0x20 || (0x09...0x0D).contains($0)) }) else { return false }
        let lower = Text.lowercasedASCII(first)
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
