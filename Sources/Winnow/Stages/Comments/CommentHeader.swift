import Foundation

/// A comment's header or footer line, the one that says who wrote it and
/// when: "Posted by: Ann | June 15, 2012 at 09:38 AM", "Heather on October
/// 23rd, 2012 1:37 pm", "by kcin (34043) on Tuesday July 24, @11:35AM",
/// "Jacob said,", "#1 Quinn". Such a line is never the comment's text.
struct CommentHeader {
    var author: String?
    var date: CommentParts.Date?

    /// Header lines are short; a longer line is something the reader wrote.
    static let maximumChars = 150
    /// A name is a few words.
    static let maximumNameWords = 6
    static let maximumNameChars = 60

    private static let month =
        #"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"#
    private static let weekday = #"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*"#
    private static let clock = #"\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\b\.?)?"#
    private static let calendarDate =
        #"(?:(?:\#(weekday),?\s+)?\#(month)\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?|(?:\#(weekday),?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?\#(month)\.?,?\s+\d{4}|\d{4}[/.-]\d{1,2}[/.-]\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})"#
    /// A date as comment systems print it, with or without a time, or a
    /// relative one ("15 minutes ago").
    private static let datePattern = try? NSRegularExpression(
        pattern: #"\b(?:\#(calendarDate)(?:,?\s*(?:at|@|-|–)?\s*@?\#(clock))?|\#(clock)\s*(?:on\s+)?\#(calendarDate)|\d+\s+(?:sec(?:ond)?|min(?:ute)?|hour|hr|day|week|month|year)s?\s+ago|yesterday|today)"#,
        options: [.caseInsensitive])
    /// Words around the name: "Posted by:", "says:", "on", "at".
    private static let framingPattern = try? NSRegularExpression(
        pattern: #"^\W*(?:(?:posted|written|submitted|comment(?:ed)?|added|left|reply|response)\s+(?:by|from)\b|by\b|from\b)|\b(?:says|said|wrote|writes|commented|replied)\b.*$|\((?:#?\d+|score[^)]*)\)|\[#\]|\b(?:on|at|in reply to)\b\W*$|^\W*#?\d{1,4}\b\.?"#,
        options: [.caseInsensitive])
    /// Lines that open with "Posted by", "by", or close with "says:" are
    /// headers whatever follows.
    private static let headerShapePattern = try? NSRegularExpression(
        pattern: #"^\W*(?:(?:posted|written|submitted|comment(?:ed)?|added|left)\s+by\b|by\s+\S)|\b(?:says|said|wrote|writes)\s*(?::|\.\.\.|…|,)?\s*$"#,
        options: [.caseInsensitive])

    /// "12", "#3", "4.": a comment's number alone.
    private static let numberPattern = try? NSRegularExpression(pattern: #"^#?\d{1,4}\.?$"#)
    /// A comment number before a name: "#1 Quinn".
    private static let numberPrefixPattern = try? NSRegularExpression(pattern: #"^#?\d{1,4}\.?\s+"#)
    /// A hyphen or slash between spaces separates; inside a word it does not.
    private static let spacedSeparatorPattern = try? NSRegularExpression(pattern: #"\s[-/]\s"#)
    private static let spacedDashPattern = try? NSRegularExpression(pattern: #"\s+[-–]\s+"#)

    private static func firstMatch(_ pattern: NSRegularExpression?, in text: String) -> Range<String.Index>? {
        guard let match = pattern?.firstMatch(in: text, range: NSRange(text.startIndex..<text.endIndex, in: text)) else {
            return nil
        }
        return Range(match.range, in: text)
    }

    private static func replacing(_ pattern: NSRegularExpression?, in text: String, with template: String) -> String {
        guard let pattern else { return text }
        return pattern.stringByReplacingMatches(
            in: text, range: NSRange(text.startIndex..<text.endIndex, in: text), withTemplate: template)
    }

    /// Reads `line` as a header; nil when it does not read as one.
    init?(line: String) {
        let line = Text.collapsingWhitespace(line)
        guard !line.isEmpty, line.count <= CommentHeader.maximumChars else { return nil }
        // Cheap tests first: most blocks of a comment are prose, and only a
        // line with a digit can hold a date, only a line with a header word
        // can have a header's shape.
        let hasDigit = line.utf8.contains { $0 >= 0x30 && $0 <= 0x39 }
        let mayBeShaped = CommentHeader.mayHaveHeaderWords(line)
        guard hasDigit || mayBeShaped else { return nil }
        var rest = line
        var date: CommentParts.Date?
        if hasDigit, let range = CommentHeader.firstMatch(CommentHeader.datePattern, in: line) {
            let text = String(line[range])
            date = CommentParts.Date(text: text, iso: CommentHeader.iso8601(text))
            rest = line.replacingCharacters(in: range, with: " | ")
        }
        let isShaped = mayBeShaped && CommentHeader.firstMatch(CommentHeader.headerShapePattern, in: line) != nil
        let isNumberOnly = hasDigit && CommentHeader.firstMatch(CommentHeader.numberPattern, in: line) != nil
        guard date != nil || isShaped || isNumberOnly || (hasDigit && CommentHeader.isNumberedName(line)) else { return nil }
        let name = CommentHeader.name(in: rest)
        // Beside a date or a header word, what is left must be a name.
        if !isNumberOnly, name == nil, rest.contains(where: \.isLetter), !CommentHeader.isSeparatorsOnly(rest) {
            return nil
        }
        self.author = name
        self.date = date
    }

    /// Whether `line` holds one of the words a header's shape needs ("by",
    /// "says", "said", "wrote", "writes"), ignoring case.
    private static func mayHaveHeaderWords(_ line: String) -> Bool {
        ["by", "sa", "wr"].contains { Text.containsBytes(line, $0, ignoringASCIICase: true) }
    }

    /// A line that is only a name ("Nash", "Gaurav Nema"): a few words,
    /// no sentence punctuation, no digits.
    static func standaloneName(_ line: String) -> String? {
        let line = Text.collapsingWhitespace(line)
        let words = line.split(separator: " ")
        guard (1...4).contains(words.count), line.count <= 40, line.contains(where: \.isLetter),
            !line.contains(where: { ".!?,;:\"“”".contains($0) || $0.isNumber })
        else { return nil }
        return line
    }

    /// "1 Chris", "#1 Quinn": a comment number and a capitalised name.
    private static func isNumberedName(_ line: String) -> Bool {
        guard let match = firstMatch(numberPrefixPattern, in: line) else { return false }
        let words = line[match.upperBound...].split(separator: " ")
        return (1...3).contains(words.count) && words.allSatisfy { $0.first?.isUppercase == true }
    }

    private static func isSeparatorsOnly(_ text: String) -> Bool {
        !text.contains { $0.isLetter || $0.isNumber }
    }

    /// The name left once the date, the framing words and the separators
    /// are taken out; nil when nothing name-like is left.
    static func name(in text: String) -> String? {
        // One pass takes every framing word out ("Posted by: #1 Ann says:").
        var rest = replacing(framingPattern, in: text, with: " | ")
        // Bare hyphens and slashes stay: "Jean-Pierre", "AC/DC".
        rest = replacing(spacedSeparatorPattern, in: rest, with: " | ")
        guard let first = rest.split(whereSeparator: { nameSeparators.contains($0) }).lazy
            .map({ Text.collapsingWhitespace($0) }).first(where: { !$0.isEmpty })
        else { return nil }
        let words = first.split(separator: " ")
        // A sentence ("Thanks! See you") is not a name.
        guard words.count <= maximumNameWords, first.count <= maximumNameChars, first.contains(where: \.isLetter),
            !first.contains("!"), !first.contains("?"), !CommentParts.controlLines.contains(first.lowercased())
        else { return nil }
        return first
    }

    private static let nameSeparators: Set<Character> = ["|", "•", "·", "—", "–", ",", ":", ";", "(", ")", "[", "]", "«", "»"]

    /// ISO 8601 for a date as printed, when it names a day and a year.
    static func iso8601(_ text: String) -> String? {
        if let iso = MetadataDate.iso8601(text) { return iso }
        // "July 10th, 2012, 1:26 am", "Monday July 23, 2012 @08:25PM"
        var cleaned = text.replacingOccurrences(of: "@", with: " ")
        cleaned = replacing(spacedDashPattern, in: cleaned, with: " ")
        return MetadataDate.iso8601(Text.collapsingWhitespace(cleaned))
    }
}
