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

    // The patterns of a header line. `HeaderLineScanner`'s scanners read
    // them by hand, at a fraction of the cost; the patterns themselves
    // read only the lines that hold a character past ASCII the scanners
    // do not model (a digit of another script, a combining mark, "ſ"),
    // and tests check that the two agree.

    private static let month =
        #"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"#
    private static let weekday = #"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*"#
    private static let clock = #"\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\b\.?)?"#
    private static let calendarDate =
        #"(?:(?:\#(weekday),?\s+)?\#(month)\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?|(?:\#(weekday),?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?\#(month)\.?,?\s+\d{4}|\d{4}[/.-]\d{1,2}[/.-]\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})"#
    /// A date as comment systems print it, with or without a time, or a
    /// relative one ("15 minutes ago").
    static let datePattern = try? NSRegularExpression(
        pattern: #"\b(?:\#(calendarDate)(?:,?\s*(?:at|@|-|–)?\s*@?\#(clock))?|\#(clock)\s*(?:on\s+)?\#(calendarDate)|\d+\s+(?:sec(?:ond)?|min(?:ute)?|hour|hr|day|week|month|year)s?\s+ago|yesterday|today)"#,
        options: [.caseInsensitive])
    /// Lines that open with "Posted by" or "by" are headers whatever
    /// follows.
    static let bylineShapePattern = try? NSRegularExpression(
        pattern: #"^\W*(?:(?:posted|written|submitted|comment(?:ed)?|added|left)\s+by\b|by\s+\S)"#,
        options: [.caseInsensitive])
    /// Lines that close with "says:", "wrote", "responded:" are headers when
    /// what comes before reads as a name ("Jacob said,", not "That's what
    /// she said").
    static let speechShapePattern = try? NSRegularExpression(
        pattern: #"\b(?:says|said|wrote|writes|responded|replied|commented)\s*(?::|\.\.\.|…|,)?\s*$"#,
        options: [.caseInsensitive])

    /// "12", "#3", "4.": a comment's number alone.
    static let numberPattern = try? NSRegularExpression(pattern: #"^#?\d{1,4}\.?$"#)
    /// A comment number before a name: "#1 Quinn".
    static let numberPrefixPattern = try? NSRegularExpression(pattern: #"^#?\d{1,4}\.?\s+"#)

    private static func firstMatch(_ pattern: NSRegularExpression?, in text: String) -> Range<String.Index>? {
        guard let match = pattern?.firstMatch(in: text, range: NSRange(text.startIndex..<text.endIndex, in: text)) else {
            return nil
        }
        return Range(match.range, in: text)
    }

    private static func matches(_ pattern: NSRegularExpression?, _ text: String) -> Bool {
        firstMatch(pattern, in: text) != nil
    }

    /// The first date in `line`, by `scanner` when there is one.
    private static func dateRange(in line: String, scanner: HeaderLineScanner?) -> Range<String.Index>? {
        guard let scanner else { return firstMatch(datePattern, in: line) }
        return scanner.firstDate().map { index($0.lowerBound, in: line)..<index($0.upperBound, in: line) }
    }

    private static func index(_ utf8Offset: Int, in line: String) -> String.Index {
        line.utf8.index(line.startIndex, offsetBy: utf8Offset)
    }

    /// Reads `line` as a header; nil when it does not read as one.
    init?(line: String) {
        // Most blocks of a comment are prose, longer than any header: told
        // so before the line is collapsed and copied.
        var raw = line
        let visible = raw.withUTF8 {
            Text.standaloneASCIICharacters(in: $0, countingSpaces: false, upTo: CommentHeader.maximumChars + 1)
        }
        if visible > CommentHeader.maximumChars { return nil }
        let line = Text.collapsingWhitespace(line)
        guard !line.isEmpty, Text.hasAtMost(CommentHeader.maximumChars, charactersIn: line) else { return nil }
        // Cheap tests first: most blocks of a comment are prose, and only a
        // line with a digit can hold a date, only a line with a header word
        // can have a header's shape.
        let hasDigit = line.utf8.contains { $0 >= 0x30 && $0 <= 0x39 }
        let mayBeShaped = CommentHeader.mayHaveHeaderWords(line)
        guard hasDigit || mayBeShaped else { return nil }
        // nil when the line holds a character the scanners do not model:
        // the patterns read that line.
        let scanner = HeaderLineScanner(line)
        var rest = line
        var date: CommentParts.Date?
        if hasDigit, CommentHeader.mayHoldDate(line), let range = CommentHeader.dateRange(in: line, scanner: scanner) {
            let text = String(line[range])
            date = CommentParts.Date(text: text, iso: CommentHeader.iso8601(text))
            rest = String(line[..<range.lowerBound]) + " | " + String(line[range.upperBound...])
        }
        let isByline = mayBeShaped
            && (scanner.map { $0.hasBylineShape() } ?? CommentHeader.matches(CommentHeader.bylineShapePattern, line))
        let isSpeech = mayBeShaped && !isByline
            && (scanner.map { $0.hasSpeechShape() } ?? CommentHeader.matches(CommentHeader.speechShapePattern, line))
        // A number alone ("#123.") is six bytes at most.
        let isNumberOnly = hasDigit && line.utf8.count <= 6
            && (scanner.map { $0.isCommentNumber() } ?? CommentHeader.matches(CommentHeader.numberPattern, line))
        guard date != nil || isByline || isSpeech || isNumberOnly || (hasDigit && CommentHeader.isNumberedName(line, scanner: scanner))
        else {
            return nil
        }
        let unframed = CommentHeader.withoutFraming(rest)
        let name = CommentHeader.firstName(in: unframed)
        // Beside a date or a header word, what is left must be a name.
        if !isNumberOnly, name == nil, unframed.contains(where: \.isLetter) { return nil }
        if isSpeech, date == nil, !(name.map(CommentHeader.looksLikeName) ?? false) { return nil }
        self.author = name
        self.date = date
    }

    /// Whether `line` can hold a date the pattern finds: a separator
    /// between digits (`11/07/12`, `2:17`, `2012-03-23`), a month's name,
    /// or "ago". Prose with a number in it ("I'm 60") has none.
    static func mayHoldDate(_ line: String) -> Bool {
        var line = line
        let hasSeparatedDigits = line.withUTF8 { bytes in
            let isDigit = { (byte: UInt8) in byte >= 0x30 && byte <= 0x39 }
            for index in bytes.indices.dropFirst().dropLast() where isDigit(bytes[index - 1]) && isDigit(bytes[index + 1]) {
                let byte = bytes[index]
                if byte == UInt8(ascii: ":") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") {
                    return true
                }
            }
            return false
        }
        return hasSeparatedDigits || Text.containsAny(monthPrefixesAndAgo, in: line)
    }

    private static let monthPrefixesAndAgo = ASCIINeedles([
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "ago",
    ])

    /// Starts of the words a header's shape needs ("by", "says", "said",
    /// "wrote", "writes", "responded", "replied", "commented").
    private static let headerWordStarts = ASCIINeedles(["by", "sa", "wr", "respond", "repli", "comment"])

    /// Whether `line` holds one of `headerWordStarts`, ignoring case.
    private static func mayHaveHeaderWords(_ line: String) -> Bool {
        Text.containsAny(headerWordStarts, in: line)
    }

    /// "23/03/2022", "03/23/2022 14:21", "16.03.2020 - 20:47": day and
    /// month in numbers, read only when one of them is over 12 (one
    /// reading is possible) and the year has four digits. "11/07/12"
    /// stays unread: it is three dates.
    static func numericDate(_ text: String) -> String? {
        mayOpenWithNumericDay(text) ? numericDateBySplitting(text) : nil
    }

    /// `numericDate` without the test of the first part's bytes (the
    /// tests compare the two).
    static func numericDateBySplitting(_ text: String) -> String? {
        let parts = text.split(whereSeparator: { " ,-@".contains($0) }).filter { !$0.isEmpty }
        guard let datePart = parts.first else { return nil }
        let numbers = datePart.split(whereSeparator: { $0 == "/" || $0 == "." })
        guard numbers.count == 3, numbers.allSatisfy({ $0.allSatisfy(\.isNumber) }), numbers[2].count == 4,
            let first = Int(numbers[0]), let second = Int(numbers[1]), let year = Int(numbers[2])
        else { return nil }
        let (day, month): (Int, Int)
        switch (first > 12, second > 12) {
        case (true, false): (day, month) = (first, second)
        case (false, true): (day, month) = (second, first)
        default: return nil
        }
        var date = MetadataDate(year: year, month: month, day: day)
        let rest = parts.dropFirst().filter { $0.lowercased() != "at" }
        if let clock = rest.first {
            let fields = clock.split(separator: ":").compactMap { Int($0) }
            guard (2...3).contains(fields.count), rest.count == 1 else { return nil }
            date.time = MetadataDate.TimeOfDay(hour: fields[0], minute: fields[1], second: fields.count == 3 ? fields[2] : 0)
        }
        return date.isValid ? date.iso8601 : nil
    }

    /// Whether `text`'s first part (up to " ,-@") may be a numeric day, as
    /// `numericDate` splits it: false for ASCII text whose first part
    /// holds a byte other than a digit, "/" and "." (there a Character is
    /// a byte, "\r\n" aside, which is no digit either). Most dates that
    /// reach `numericDate` open with a month's or a day's name, and its
    /// splits by `Character` cost twenty thousand instructions a text.
    static func mayOpenWithNumericDay(_ text: String) -> Bool {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return true }
        let isSeparator = { (byte: UInt8) in
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "@")
        }
        var bytes = text.utf8.drop(while: isSeparator)
        while let byte = bytes.first, !isSeparator(byte) {
            guard (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ".") else { return false }
            bytes = bytes.dropFirst()
        }
        return true
    }

    /// A name as people sign: one word (a handle, "jiddy"), or a few words
    /// that each start with a capital, a digit or `@` ("Progress Trap").
    static func looksLikeName(_ name: String) -> Bool {
        let words = name.split(separator: " ")
        guard (1...4).contains(words.count) else { return false }
        return words.count == 1 || words.allSatisfy { word in word.first.map { $0.isUppercase || $0.isNumber || $0 == "@" } ?? false }
    }

    static let maximumStandaloneNameChars = 40

    /// A line that is only a name ("Nash", "Gaurav Nema"): a few words,
    /// no sentence punctuation, no digits.
    static func standaloneName(_ line: String) -> String? {
        // A line of prose is told by its first bytes, before it is
        // collapsed and split whole (the lower bound holds for the
        // collapsed line too).
        var raw = line
        let visible = raw.withUTF8 { Text.standaloneASCIICharacters(in: $0, countingSpaces: false, upTo: maximumStandaloneNameChars + 1) }
        if visible > maximumStandaloneNameChars { return nil }
        let line = Text.collapsingWhitespace(line)
        let words = line.split(separator: " ")
        guard (1...4).contains(words.count), line.count <= maximumStandaloneNameChars, line.contains(where: \.isLetter),
            !line.contains(where: { ".!?,;:\"“”".contains($0) || $0.isNumber })
        else { return nil }
        return line
    }

    /// "1 Chris", "#1 Quinn": a comment number and a capitalised name.
    private static func isNumberedName(_ line: String, scanner: HeaderLineScanner?) -> Bool {
        guard let first = line.utf8.first, first == UInt8(ascii: "#") || (0x30...0x39).contains(first) else { return false }
        let numberEnd: String.Index
        if let scanner {
            guard let end = scanner.commentNumberPrefixEnd() else { return false }
            numberEnd = index(end, in: line)
        } else {
            guard let match = firstMatch(numberPrefixPattern, in: line) else { return false }
            numberEnd = match.upperBound
        }
        let words = line[numberEnd...].split(separator: " ")
        return (1...3).contains(words.count) && words.allSatisfy { $0.first?.isUppercase == true }
    }

    /// The name left once the date, the framing words and the separators
    /// are taken out; nil when nothing name-like is left.
    static func name(in text: String) -> String? {
        firstName(in: withoutFraming(text))
    }

    /// The first part of `rest` (separated by `|`, `•`, `—`, …) when it
    /// reads as a name.
    private static func firstName(in rest: String) -> String? {
        guard let first = firstLetteredPart(of: rest) else { return nil }
        return readsAsName(first) ? first : nil
    }

    /// Whether the first lettered part of a byline reads as a name: a few
    /// words, not too long, a letter, no sentence's "!" or "?", not a
    /// control line. ASCII parts, most names, are read by their bytes
    /// (`readsAsNameByCharacters` is the same test by `Character`; the
    /// tests compare the two): splitting and counting `Character`s cost
    /// eight thousand instructions a byline.
    static func readsAsName(_ part: String) -> Bool {
        var part = part
        let isASCII = part.utf8.allSatisfy { $0 < 0x80 }
        guard isASCII else { return readsAsNameByCharacters(part) }
        let passes = part.withUTF8 { bytes -> Bool in
            // Words are runs of bytes other than " "; Characters are bytes
            // but for "\r\n", which is one.
            var words = 0
            var characters = 0
            var hasLetter = false
            for index in bytes.indices {
                let byte = bytes[index]
                if byte != 0x20, index == 0 || bytes[index - 1] == 0x20 { words += 1 }
                if !(byte == 0x0A && index > 0 && bytes[index - 1] == 0x0D) { characters += 1 }
                if Text.isASCIILetter(byte) { hasLetter = true }
                if byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") { return false }
            }
            return words <= maximumNameWords && characters <= maximumNameChars && hasLetter
        }
        return passes && !CommentParts.isControlLine(part)
    }

    static func readsAsNameByCharacters(_ part: String) -> Bool {
        let words = part.split(separator: " ")
        // A sentence ("Thanks! See you") is not a name.
        return words.count <= maximumNameWords && part.count <= maximumNameChars && part.contains(where: \.isLetter)
            && !part.utf8.contains(UInt8(ascii: "!")) && !part.utf8.contains(UInt8(ascii: "?"))
            && !CommentParts.controlLines.contains(part.lowercased())
    }

    /// The first part of `rest` between name separators that holds a
    /// letter, white space collapsed. An ASCII text (most bylines) is cut
    /// at its separator bytes: there a Character is a byte (CR LF aside,
    /// which is neither separator nor letter), and splitting it Character
    /// by Character cost ten thousand instructions a byline.
    private static func firstLetteredPart(of rest: String) -> String? {
        guard rest.utf8.allSatisfy({ $0 < 0x80 }) else {
            return rest.split(whereSeparator: isNameSeparator).lazy.map { Text.collapsingWhitespace($0) }
                .first { $0.contains(where: \.isLetter) }
        }
        var rest = rest
        return rest.withUTF8 { bytes in
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, !isASCIINameSeparator(bytes[end]) { end += 1 }
                let part = UnsafeBufferPointer(rebasing: bytes[start..<end])
                if part.contains(where: Text.isASCIILetter) {
                    return Text.collapsingWhitespace(utf8: part)
                }
                start = end + 1
            }
            return nil
        }
    }

    /// The ASCII members of `nameSeparators`.
    private static func isASCIINameSeparator(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "|"), UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "("), UInt8(ascii: ")"),
            UInt8(ascii: "["), UInt8(ascii: "]"):
            return true
        default:
            return false
        }
    }

    /// Words that open a byline before the name ("Posted by", "by").
    private static let openingVerbs: [[UInt8]] = ["posted", "written", "submitted", "commented", "comment", "added", "left", "reply", "response"].map { Array($0.utf8) }
    private static let openingPrepositions: [[UInt8]] = ["by", "from"].map { Array($0.utf8) }
    /// Words that follow the name ("says:", "wrote"): they and what comes
    /// after them go.
    private static let speechWords: [[UInt8]] = ["says", "said", "wrote", "writes", "commented", "replied", "responded"].map { Array($0.utf8) }
    /// Whether a (lower-cased) byte is the first letter of one of
    /// `speechWords`, by byte value: a speech word is looked for at every
    /// byte of every byline.
    private static let opensSpeechWord: [Bool] = (0..<256).map { byte in speechWords.contains { Int($0[0]) == byte } }
    /// Words left dangling at the end once the date is out ("on", "at").
    private static let trailingWords: [[UInt8]] = ["on", "at"].map { Array($0.utf8) }

    /// `text` without the words around the name, separators in their
    /// place: "Posted by: #1 Ann (4432) says:" gives " | Ann | ". Written
    /// by hand over the bytes: a regular expression costs tens of
    /// thousands of instructions a line, and every comment has a byline.
    static func withoutFraming(_ text: String) -> String {
        var bytes = Array(text.utf8)
        // `@` belongs to a handle ("@theslynch").
        let isWordByte = { (byte: UInt8) -> Bool in
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte >= 0x80
                || byte == 0x5F || byte == 0x40
        }
        /// Whether `word` starts at `index` as a whole word.
        func word(_ word: [UInt8], at index: Int) -> Bool {
            guard index + word.count <= bytes.count, index == 0 || !isWordByte(bytes[index - 1]) else { return false }
            for offset in word.indices where Text.lowercasedASCII(bytes[index + offset]) != word[offset] { return false }
            return index + word.count == bytes.count || !isWordByte(bytes[index + word.count])
        }
        let separator = Array(" | ".utf8)
        // 1. The speech word and everything after it (looked for only
        // where a speech word's first letter stands).
        if let cut = bytes.indices.first(where: { index in
            opensSpeechWord[Int(Text.lowercasedASCII(bytes[index]))] && speechWords.contains { word($0, at: index) }
        }) {
            bytes.replaceSubrange(cut..., with: separator)
        }
        // 2. "(4432)", "(#40750343)", "(Score:5, Funny)", "[#]".
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "("), let close = bytes[index...].firstIndex(of: UInt8(ascii: ")")) {
                let inside = bytes[(index + 1)..<close].filter { $0 != UInt8(ascii: "#") }
                let isNumber = !inside.isEmpty && inside.allSatisfy { (0x30...0x39).contains($0) }
                let isScore = inside.count >= 5 && inside.prefix(5).map { Text.lowercasedASCII($0) } == Array("score".utf8)
                if isNumber || isScore {
                    bytes.replaceSubrange(index...close, with: separator)
                    index += separator.count
                    continue
                }
            }
            if bytes[index] == UInt8(ascii: "["), index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "#"),
                bytes[index + 2] == UInt8(ascii: "]")
            {
                bytes.replaceSubrange(index...(index + 2), with: separator)
                index += separator.count
                continue
            }
            index += 1
        }
        // 3. The opening: "Posted by", "by", "from", then a comment number.
        var start = bytes.firstIndex(where: isWordByte) ?? bytes.count
        if let verb = openingVerbs.first(where: { word($0, at: start) }) {
            var next = start + verb.count
            while next < bytes.count, bytes[next] == 0x20 { next += 1 }
            if let preposition = openingPrepositions.first(where: { word($0, at: next) }) {
                start = next + preposition.count
            }
        } else if let preposition = openingPrepositions.first(where: { word($0, at: start) }) {
            start += preposition.count
        }
        var afterNumber = start
        while afterNumber < bytes.count, !isWordByte(bytes[afterNumber]) { afterNumber += 1 }
        var digits = afterNumber
        while digits < bytes.count, (0x30...0x39).contains(bytes[digits]) { digits += 1 }
        // A number of its own ("1 Chris", "#2. Ann"), not the start of a
        // name ("2.el eşya").
        var numberEnd = digits
        if numberEnd < bytes.count, bytes[numberEnd] == UInt8(ascii: ".") { numberEnd += 1 }
        if digits > afterNumber, digits - afterNumber <= 4, numberEnd == bytes.count || bytes[numberEnd] == 0x20 {
            start = numberEnd
        }
        bytes.removeSubrange(..<start)
        // 4. A dangling "on" or "at" at the end.
        var end = bytes.count
        while end > 0, !isWordByte(bytes[end - 1]) { end -= 1 }
        for trailing in trailingWords where end >= trailing.count && word(trailing, at: end - trailing.count) {
            bytes.removeSubrange((end - trailing.count)...)
            break
        }
        // 5. A hyphen or slash between spaces separates ("Ann - 12 May");
        // inside a word it stays ("Jean-Pierre", "AC/DC").
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        for (offset, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "/"), offset > 0, offset + 1 < bytes.count,
                bytes[offset - 1] == 0x20, bytes[offset + 1] == 0x20
            {
                result.append(UInt8(ascii: "|"))
            } else {
                result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    private static let nameSeparators: Set<Character> = ["|", "•", "·", "—", "–", ",", ":", ";", "(", ")", "[", "]", "«", "»"]

    /// Whether `character` is one of `nameSeparators`, hashed only when its
    /// first byte is one of theirs (or of U+037E and U+0387, which Swift
    /// equates with ";" and "·"): names are split at every Character.
    private static func isNameSeparator(_ character: Character) -> Bool {
        switch character.utf8.first {
        case UInt8(ascii: "|"), UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "("), UInt8(ascii: ")"),
            UInt8(ascii: "["), UInt8(ascii: "]"), 0xC2, 0xCD, 0xCE, 0xE2:
            return nameSeparators.contains(character)
        default:
            return false
        }
    }

    /// ISO 8601 for a date as printed, when it names a day and a year.
    static func iso8601(_ text: String) -> String? {
        if let iso = MetadataDate.iso8601(text) { return iso }
        if let iso = numericDate(text) { return iso }
        // "July 10th, 2012, 1:26 am", "Monday July 23, 2012 @08:25PM"
        var cleaned = text
        if text.utf8.contains(UInt8(ascii: "@")) {
            // Foundation's replacement leaves an "@" that a combining mark
            // follows; in ASCII each "@" is replaced, byte for byte.
            cleaned = text.utf8.allSatisfy { $0 < 0x80 }
                ? String(decoding: text.utf8.map { $0 == UInt8(ascii: "@") ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
                : text.replacingOccurrences(of: "@", with: " ")
        }
        if let iso = MetadataDate.iso8601(Text.collapsingWhitespace(replacingSpacedDashes(in: cleaned))) { return iso }
        return clockAndNamedDay(text)
    }

    /// "14:20 on 9 Oct 2009", "9 Oct 2009, 2:20 pm": a day whose month is
    /// named (one reading) and a time of day anywhere around it.
    static func clockAndNamedDay(_ text: String) -> String? {
        guard let found = DateInText.dates(in: text).first else { return nil }
        let bytes = Array(text.utf8)
        guard bytes[found.range].contains(where: Text.isASCIILetter) else { return nil }
        var date = found.date
        // The first hh:mm outside the date, with "am"/"pm" after it.
        var index = 0
        while index + 3 < bytes.count {
            defer { index += 1 }
            guard !found.range.contains(index), index == 0 || !(0x30...0x39).contains(bytes[index - 1]) else { continue }
            var hourEnd = index
            while hourEnd < bytes.count, hourEnd - index < 2, (0x30...0x39).contains(bytes[hourEnd]) { hourEnd += 1 }
            guard hourEnd > index, hourEnd + 2 < bytes.count, bytes[hourEnd] == UInt8(ascii: ":"),
                (0x30...0x39).contains(bytes[hourEnd + 1]), (0x30...0x39).contains(bytes[hourEnd + 2])
            else { continue }
            var hour = Int(String(decoding: bytes[index..<hourEnd], as: UTF8.self)) ?? 99
            let minute = Int(bytes[hourEnd + 1] - 0x30) * 10 + Int(bytes[hourEnd + 2] - 0x30)
            var after = hourEnd + 3
            while after < bytes.count, bytes[after] == 0x20 { after += 1 }
            if after + 1 < bytes.count, (bytes[after + 1] | 0x20) == UInt8(ascii: "m") {
                let meridiem = bytes[after] | 0x20
                if meridiem == UInt8(ascii: "a") || meridiem == UInt8(ascii: "p") {
                    guard (1...12).contains(hour) else { return nil }
                    hour = hour % 12 + (meridiem == UInt8(ascii: "p") ? 12 : 0)
                }
            }
            date.time = MetadataDate.TimeOfDay(hour: hour, minute: minute)
            break
        }
        return date.isValid ? date.iso8601 : nil
    }

    /// `text` with each dash between white space ("16.03.2020 - 20:47")
    /// and the white space around it made one space: what
    /// `\s+[-–]\s+` → " " gives (`\s` as ICU reads it), without a
    /// regular expression.
    static func replacingSpacedDashes(in text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "-")) || Text.containsBytes(text, "\u{2013}") else { return text }
        let scalars = Array(text.unicodeScalars)
        let isSpace = HeaderLineScanner.isWhiteSpace
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            guard isSpace(scalars[index]) else {
                result.append(scalars[index])
                index += 1
                continue
            }
            var afterSpaces = index
            while afterSpaces < scalars.count, isSpace(scalars[afterSpaces]) { afterSpaces += 1 }
            if afterSpaces < scalars.count, scalars[afterSpaces] == "-" || scalars[afterSpaces] == "\u{2013}" {
                var end = afterSpaces + 1
                while end < scalars.count, isSpace(scalars[end]) { end += 1 }
                if end > afterSpaces + 1 {
                    result.append(" ")
                    index = end
                    continue
                }
            }
            // No dash between spaces here, nor at a later start in this
            // run of spaces (the same characters follow it).
            result.append(contentsOf: scalars[index..<afterSpaces])
            index = afterSpaces
        }
        return String(result)
    }
}
