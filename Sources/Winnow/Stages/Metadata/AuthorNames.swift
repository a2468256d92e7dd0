import Foundation

/// Turns the author strings a page gives into a clean list of names:
/// trimmed, "By " dropped, lists of names split, duplicates and URLs out.
enum AuthorNames {
    /// More names than this is a contributor list, not a byline.
    static let maximumCount = 10
    /// A longer string is a sentence or a bio, not a name or a short list.
    static let maximumLength = 120
    /// A part with more words than this is not one person's name.
    static let maximumWordsPerName = 5
    /// Lower-case words allowed inside a name (`Michiel de Jong`,
    /// `Ursula von der Leyen`).
    static let nameParticles: Set<String> = [
        "de", "da", "di", "du", "del", "della", "der", "den", "van", "von", "la", "le", "bin", "al", "el", "y", "e",
        "dos", "das", "ter", "ten", "zu",
    ]

    /// Texts of a byline element that name no one.
    static let bylineWords: Set<String> = [
        "by", "by:", "author", "authors", "author:", "written by", "posted by", "par",
    ]

    /// The clean names in `raw`, in order, without duplicates (compared
    /// case-insensitively), at most `maximumCount`.
    static func clean(_ raw: [String]) -> [String] {
        var names: [String] = []
        var seen: Set<String> = []
        for value in raw {
            for name in split(strip(value)) {
                let key = name.lowercased()
                guard !seen.contains(key) else { continue }
                seen.insert(key)
                names.append(name)
                if names.count == maximumCount { return names }
            }
        }
        return names
    }

    /// One author string tidied: white space collapsed, a leading "By" and
    /// trailing separators dropped; empty when it cannot be a name.
    static func strip(_ value: String) -> String {
        var text = withoutDate(Text.collapsingWhitespace(value))
        for prefix in ["by:", "by ", "written by ", "posted by ", "par "] {
            if startsWith(text, longer: prefix) {
                text = Text.collapsingWhitespace(text.dropFirst(prefix.count))
                break
            }
        }
        while let last = text.last, last == "," || last == "|" || last == "-" || last == "•" || last == "·" {
            text = Text.collapsingWhitespace(text.dropLast())
        }
        guard !text.isEmpty, Text.hasAtMost(maximumLength, charactersIn: text), !looksLikeURL(text), !looksLikePlaceholder(text),
            text.contains(where: \.isLetter), !bylineWords.contains(text.lowercased())
        else { return "" }
        return text
    }

    /// Words that only frame a date in a byline ("Updated", "on", a
    /// weekday): what is left of a byline once its date is out.
    static let dateFramingWords: Set<String> = [
        "updated", "published", "posted", "modified", "last", "on", "at", "am", "pm", "gmt", "utc", "mon", "tue", "wed",
        "thu", "fri", "sat", "sun", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ]

    /// A byline element that holds the date too ("Sat, 20 Dec, 2025 -
    /// 06:36", "Updated March 13, 2024", "Jane Doe | March 3, 2024"): the
    /// part of `text` on the side of the date that names someone; empty
    /// when neither side does. A text without a date is left as it is.
    static func withoutDate(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }), let found = DateInText.dates(in: text).first else {
            return text
        }
        let bytes = Array(text.utf8)
        let sides = [bytes[..<found.range.lowerBound], bytes[found.range.upperBound...]].map { String(decoding: $0, as: UTF8.self) }
        for side in sides {
            let words = side.split { !($0.isLetter || $0 == "'" || $0 == "." || $0 == "-") }
            if words.contains(where: { word in word.contains(where: \.isLetter) && !dateFramingWords.contains(word.lowercased()) }) {
                return Text.collapsingWhitespace(side.trimmingCharacters(in: CharacterSet(charactersIn: " ,|-–—•·:@").union(.decimalDigits)))
            }
        }
        return ""
    }

    /// `text.count > prefix.count && text.lowercased().hasPrefix(prefix)`
    /// for a lower-case ASCII `prefix`. A byline candidate's text can be a
    /// whole author box: when its start is ASCII, only the start is read.
    static func startsWith(_ text: String, longer prefix: String) -> Bool {
        let length = prefix.utf8.count
        let head = text.utf8.prefix(length + 1)
        // ASCII bytes other than CR are a Character each, and one more
        // after them ends the last: the first `length` bytes are the first
        // `length` Characters, lower-cased byte by byte.
        if head.count == length + 1, head.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
            return zip(head, prefix.utf8).allSatisfy { Text.lowercasedASCII($0) == $1 }
        }
        return text.count > prefix.count && text.lowercased().hasPrefix(prefix)
    }

    /// Splits "A and B", "A, B and C", "A & B", "A; B" into names, but only
    /// when every part reads as a name of two to five words; otherwise the
    /// string stays whole ("Jong, Michiel de" is one person).
    static func split(_ text: String) -> [String] {
        guard !text.isEmpty else { return [] }
        var parts = [Substring(text)]
        // In ASCII text a separator's Characters are its bytes, so a
        // text without its bytes is not split by it: the search of bytes
        // spares the generic split, which reads Character by Character.
        // Past ASCII a Character can equal a separator without its bytes
        // (the Greek question mark is a semicolon).
        let isASCII = text.utf8.allSatisfy { $0 < 0x80 }
        for separator in [";", ",", " and ", " & ", " und ", " et ", " y "] {
            parts = parts.flatMap { part in
                isASCII && !Text.containsBytes(part, separator) ? [part] : part.split(separator: separator, omittingEmptySubsequences: false)
            }
        }
        let names = parts.map { Text.collapsingWhitespace($0) }.filter { !$0.isEmpty }
        guard names.count > 1, names.allSatisfy(isPersonName) else { return [text] }
        return names
    }

    /// Two to five words, each capitalised or a name particle, no digits.
    static func isPersonName(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard (2...maximumWordsPerName).contains(words.count) else { return false }
        return words.allSatisfy { word in
            guard !word.contains(where: \.isNumber) else { return false }
            if nameParticles.contains(word.lowercased()) { return true }
            return word.first?.isUppercase == true
        }
    }

    /// At most this many words of a byline may start in lower case
    /// ("and", "van", "de"); more make it a sentence ("Please follow me on
    /// LinkedIn"), not names.
    static let maximumLowercaseWords = 2

    /// Whether `text` reads as one or more names rather than a sentence.
    static func looksLikeNames(_ text: String) -> Bool {
        let words = text.split(whereSeparator: { $0 == " " })
        let lowercase = words.filter { $0.first?.isLowercase == true }.count
        return lowercase <= maximumLowercaseWords && lowercase * 3 <= words.count
    }

    static func wordCount(_ text: String) -> Int {
        text.split(separator: " ").count
    }

    /// A template key the CMS failed to fill: `{{author}}`, `%author%`,
    /// `page.head.extra.author`.
    static func looksLikePlaceholder(_ text: String) -> Bool {
        if text.contains("{{") || text.contains("}}") || text.contains("%") || text.contains("$") { return true }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count > 2 && parts.allSatisfy { part in
            !part.isEmpty && part.allSatisfy { $0.isLowercase || $0 == "_" }
        }
    }

    static func looksLikeURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("www.")
            || lower.hasPrefix("//") || (lower.contains("/") && !lower.contains(" "))
    }
}
