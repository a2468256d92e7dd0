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

    /// Reads `line` as a header; nil when it does not read as one.
    init?(line: String) {
        let line = Text.collapsingWhitespace(line)
        guard !line.isEmpty, line.count <= CommentHeader.maximumChars else { return nil }
        let whole = NSRange(line.startIndex..<line.endIndex, in: line)
        var rest = line
        var date: CommentParts.Date?
        if let match = CommentHeader.datePattern?.firstMatch(in: line, range: whole),
            let range = Range(match.range, in: line)
        {
            let text = String(line[range])
            date = CommentParts.Date(text: text, iso: CommentHeader.iso8601(text))
            rest = line.replacingCharacters(in: range, with: " | ")
        }
        let isShaped = CommentHeader.headerShapePattern?.firstMatch(in: line, range: whole) != nil
        let name = CommentHeader.name(in: rest)
        let isNumberOnly = line.range(of: #"^#?\d{1,4}\.?$"#, options: .regularExpression) != nil
        guard date != nil || isShaped || isNumberOnly || CommentHeader.isNumberedName(line) else { return nil }
        // Beside a date or a header word, what is left must be a name.
        if !isNumberOnly, name == nil, rest.contains(where: \.isLetter), !CommentHeader.isSeparatorsOnly(rest) {
            return nil
        }
        self.author = name
        self.date = date
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
        guard let match = line.range(of: #"^#?\d{1,4}\.?\s+"#, options: .regularExpression) else { return false }
        let words = line[match.upperBound...].split(separator: " ")
        return (1...3).contains(words.count) && words.allSatisfy { $0.first?.isUppercase == true }
    }

    private static func isSeparatorsOnly(_ text: String) -> Bool {
        !text.contains { $0.isLetter || $0.isNumber }
    }

    /// The name left once the date, the framing words and the separators
    /// are taken out; nil when nothing name-like is left.
    static func name(in text: String) -> String? {
        var rest = text
        if let framing = framingPattern {
            var previous = ""
            // Framing can nest ("Posted by: #1 Ann says:"); a few passes.
            for _ in 0..<3 where previous != rest {
                previous = rest
                rest = framing.stringByReplacingMatches(
                    in: rest, range: NSRange(rest.startIndex..<rest.endIndex, in: rest), withTemplate: " | ")
            }
        }
        // Bare hyphens and slashes stay: "Jean-Pierre", "AC/DC".
        rest = rest.replacingOccurrences(of: #"\s[-/]\s"#, with: " | ", options: .regularExpression)
        let separators = CharacterSet(charactersIn: "|•·—–,:;()[]«»")
        let parts = rest.components(separatedBy: separators).map { Text.collapsingWhitespace($0) }.filter { !$0.isEmpty }
        guard let first = parts.first else { return nil }
        let words = first.split(separator: " ")
        // A sentence ("Thanks! See you") is not a name.
        guard words.count <= maximumNameWords, first.count <= maximumNameChars, first.contains(where: \.isLetter),
            !first.contains("!"), !first.contains("?"), !CommentParts.controlLines.contains(first.lowercased())
        else { return nil }
        return first
    }

    /// ISO 8601 for a date as printed, when it names a day and a year.
    static func iso8601(_ text: String) -> String? {
        if let iso = MetadataDate.iso8601(text) { return iso }
        // "July 10th, 2012, 1:26 am", "Monday July 23, 2012 @08:25PM"
        var cleaned = text.replacingOccurrences(of: "@", with: " ")
        cleaned = cleaned.replacingOccurrences(of: #"\s+[-–]\s+"#, with: " ", options: .regularExpression)
        return MetadataDate.iso8601(Text.collapsingWhitespace(cleaned))
    }
}
