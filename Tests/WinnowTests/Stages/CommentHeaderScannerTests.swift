import Foundation
import Testing
@testable import Winnow

/// The hand-written scanners of comment header lines (`HeaderLineScanner`)
/// against the regular expressions they replace, run by ICU as before:
/// the same first match, to the byte, on tricky lines and on thousands of
/// random ones, and the same reading of every character past ASCII they
/// model.
@Suite struct CommentHeaderScannerTests {
    // MARK: - The patterns, as CommentHeader held them

    static let month =
        #"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"#
    static let weekday = #"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*"#
    static let clock = #"\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\b\.?)?"#
    static let calendarDate =
        #"(?:(?:\#(weekday),?\s+)?\#(month)\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?|(?:\#(weekday),?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?\#(month)\.?,?\s+\d{4}|\d{4}[/.-]\d{1,2}[/.-]\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})"#
    static let datePattern = pattern(
        #"\b(?:\#(calendarDate)(?:,?\s*(?:at|@|-|–)?\s*@?\#(clock))?|\#(clock)\s*(?:on\s+)?\#(calendarDate)|\d+\s+(?:sec(?:ond)?|min(?:ute)?|hour|hr|day|week|month|year)s?\s+ago|yesterday|today)"#,
        ignoringCase: true)
    static let bylineShapePattern = pattern(
        #"^\W*(?:(?:posted|written|submitted|comment(?:ed)?|added|left)\s+by\b|by\s+\S)"#, ignoringCase: true)
    static let speechShapePattern = pattern(
        #"\b(?:says|said|wrote|writes|responded|replied|commented)\s*(?::|\.\.\.|…|,)?\s*$"#, ignoringCase: true)
    static let numberPattern = pattern(#"^#?\d{1,4}\.?$"#)
    static let numberPrefixPattern = pattern(#"^#?\d{1,4}\.?\s+"#)
    static let spacedDashPattern = pattern(#"\s+[-–]\s+"#)

    static func pattern(_ text: String, ignoringCase: Bool = false) -> NSRegularExpression {
        try! NSRegularExpression(pattern: text, options: ignoringCase ? [.caseInsensitive] : [])
    }

    /// The UTF-8 offsets of `pattern`'s first match in `line`.
    static func firstMatch(_ pattern: NSRegularExpression, in line: String) -> Range<Int>? {
        guard let match = pattern.firstMatch(in: line, range: NSRange(line.startIndex..<line.endIndex, in: line)),
            let range = Range(match.range, in: line)
        else { return nil }
        return line.utf8.distance(from: line.startIndex, to: range.lowerBound)..<line.utf8.distance(from: line.startIndex, to: range.upperBound)
    }

    /// The fallback patterns CommentHeader keeps are the ones above.
    @Test func fallbackPatternsAreTheOriginals() {
        #expect(CommentHeader.datePattern?.pattern == Self.datePattern.pattern)
        #expect(CommentHeader.bylineShapePattern?.pattern == Self.bylineShapePattern.pattern)
        #expect(CommentHeader.speechShapePattern?.pattern == Self.speechShapePattern.pattern)
        #expect(CommentHeader.numberPattern?.pattern == Self.numberPattern.pattern)
        #expect(CommentHeader.numberPrefixPattern?.pattern == Self.numberPrefixPattern.pattern)
        #expect(CommentHeader.datePattern?.options == [.caseInsensitive])
    }

    // MARK: - Scanners and patterns agree

    /// Where the scanners read `line` otherwise than their patterns; none
    /// for a line the scanners do not model (the patterns read it).
    static func differences(on line: String) -> [String] {
        guard let scanner = HeaderLineScanner(line) else { return [] }
        var differences: [String] = []
        let date = scanner.firstDate()
        let expectedDate = firstMatch(datePattern, in: line)
        if date != expectedDate {
            differences.append("date \(String(reflecting: line)): \(String(describing: date)) ≠ \(String(describing: expectedDate))")
        }
        // The text CommentHeader takes, by offsets in UTF-8 or (as ICU
        // gives them) in UTF-16.
        if let date, let match = datePattern.firstMatch(in: line, range: NSRange(line.startIndex..<line.endIndex, in: line)),
            let expected = Range(match.range, in: line)
        {
            let start = line.utf8.index(line.startIndex, offsetBy: date.lowerBound)
            let end = line.utf8.index(line.startIndex, offsetBy: date.upperBound)
            if String(line[start..<end]) != String(line[expected]) || String(line[..<start]) != String(line[..<expected.lowerBound]) {
                differences.append("date text \(String(reflecting: line))")
            }
        }
        if scanner.hasBylineShape() != (firstMatch(bylineShapePattern, in: line) != nil) {
            differences.append("byline \(String(reflecting: line))")
        }
        if scanner.hasSpeechShape() != (firstMatch(speechShapePattern, in: line) != nil) {
            differences.append("speech \(String(reflecting: line))")
        }
        if scanner.isCommentNumber() != (firstMatch(numberPattern, in: line) != nil) {
            differences.append("number \(String(reflecting: line))")
        }
        let prefixEnd = scanner.commentNumberPrefixEnd()
        let expectedPrefixEnd = firstMatch(numberPrefixPattern, in: line)?.upperBound
        if prefixEnd != expectedPrefixEnd { differences.append("number prefix \(String(reflecting: line))") }
        return differences
    }

    static let trickyLines = [
        // The formats the date pattern is for.
        "June 15, 2012 at 09:38 AM", "Posted by: canvas prints | June 15, 2012 at 09:38 AM", "Tuesday July 24, @11:35AM",
        "by mcgrew (92797) * on Tuesday July 24, @11:35AM (#40750343)", "23rd of March 2012", "Friday, 23rd of March 2012 - 14:21",
        "2012-03-23", "2012/3/23 9:05", "11/07/12", "11/07/12 at 2:17 pm", "16.03.2020 - 20:47", "03/16/2020 20:47",
        "3 hours ago", "15 minutes ago", "1 min ago", "2 secs ago", "10 hrs ago", "5 years ago", "yesterday", "today",
        "Yesterday at 3:15 PM", "12:30 pm on March 3, 2012", "12:30pm March 3, 2012", "9:05 on 3 March 2012",
        "Heather on October 23rd, 2012 1:37 pm", "Apr 6, 2007 1:11:01 PM", "Sept. 5", "sept. 5, 2012", "Sep 5", "Septe 5",
        "September 5th", "Mon, Jan 1, 2024", "Monday Jan 1", "Sunshine Jan 1", "Tues. Jan 1", "Jan. 1st, 2020, 10:00 a.m.",
        "10:00 A.M.", "10:00 a.m", "10:00 am.", "10:00 amx", "10:00 pmx", "10:00 p. m.", "12:30 PM@home",
        // Near misses and edges of `\b`, greedy digits and optional parts.
        "Mayday", "Mayday 12", "Augusta 12", "Augusta, 12", "sept. 5a", "15 minutes agone", "15 minutesago", "x12:30",
        "12:30pmx", "_12:30", "a_12:30", "12:30_", "123:45", "1234:56", "May 123:45", "May 123", "May 12345", "1/1/20123:45",
        "1/1/2", "1/1/12345", "99/99/99", "2012-1-1-1", "12-12-12-12", "June 151, 2012", "June 15,2012", "June 15 ,2012",
        "June  15", "June\t15", "June\n15", "15 June", "15 June 2012", "15 of June 2012", "15th of June, 2012", "15th  of  June.  2012",
        "1st2nd3rd", "3 hour ago", "3 hourss ago", "3 hours  ago", "3\thours\tago", "0 days ago", "99999 weeks ago",
        "yesterdays", "todays", "xtoday", "today's", "mon", "Jun", "Jul 4th", "Julyy 4", "June 4", "Junee 4", "mar 4", "march4",
        "marc 4", "march 4", "Dec 25,   2012", "Dec 25, 201", "Dec 25, 20121", "Wed. Dec 25", "Wed, Dec 25", "Wed,Dec 25",
        "12:30 - June 3, 2012", "June 3, 2012 – 12:30", "June 3, 2012 — 12:30", "June 3, 2012 @ 12:30", "June 3, 2012 @@12:30",
        "June 3, 2012, at 12:30", "June 3, 2012,at 12:30", "June 3 2012 at12:30", "June 3, 2012 at 12:3", "June 3, 2012 at 1:30:5",
        "12:30:59", "12:30:5", "1:30 on", "1:30 on June", "1:30 onJune 3", "3 June,2012", "3 June 2012", "3rd June 2012",
        "3 June. 2012", "3 June., 2012", "the 3 June 2012",
        // Bylines, speech, numbers.
        "Posted by Ann", "posted  by: Ann", "Posted by", "posted bye", "Written by mike", "commented by Ann", "comment by Ann",
        "Commenter by", "-- by Ann", "…by Ann", "by", "by ", "by  x", "by\tx", "by\u{2019}x", "__by Ann", "Added by x", "left by x",
        "Jacob said,", "Jacob said", "Jacob said ,", "Jacob said...", "Jacob said…", "Jacob said:  ", "Jacob said!", "Jacob saidx",
        "xsaid", "joker says:", "jiddy responded:", "Ann replied", "Ann commented", "Ann wrote\n", "Ann wrote\r\n", "Ann writes.",
        "12", "#3", "4.", "#1234.", "#12345", "12\n", "12 ", "##1", "1 Chris", "#1 Quinn", "#2. Ann", "12345 Ann", "1.  Ann", "1.Ann",
        // Characters past ASCII that are modelled...
        "June 15, 2012 – 9:38 pm", "Ann — June 15, 2012", "“Jacob” said…", "José said:", "Žofie napsal 12. 3. 2012",
        "éJune 15", "Juneé 15", "June 15é", "12:30é", "12:30 amé", "12:30 am€", "Владимир 12:30", "中文 June 15, 2012",
        "by Zoë", "by é", "é said", "ésaid", "said é", "‿12:30", "12:30‿", "June 15 2012‿",
        // ...and not (the patterns read these lines).
        "June 15, 2012\u{00A0}at 09:38", "Dec 1\u{0085}", "ſept 5", "Sep 5, 2012 9:38 \u{212A}", "1ﬆ June 2012", "3 hourß ago",
        "June 15\u{0301}", "June\u{200F} 15", "١٢:٣٠", "12:3٠", "Ann said\u{2028}", "Jun\u{0131} 5", "Strasse 12:30 ẞ",
    ]

    @Test func scannersAgreeWithThePatternsOnTrickyLines() {
        var differences: [String] = []
        for line in Self.trickyLines { differences += Self.differences(on: line) }
        #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
    }

    @Test(arguments: ["ſept 5", "June 15\u{0301}", "June\u{200F} 15", "١٢:٣٠", "1ﬆ June 2012", "3 hourß ago", "Dec 1\u{0085}", "\u{212A}"])
    func linesWithUnmodelledCharactersGoToThePatterns(line: String) {
        #expect(HeaderLineScanner(line) == nil)
    }

    /// Pieces of header lines: dates' parts, separators, near misses,
    /// header words, letters and characters past ASCII.
    static let fragments: [String] = {
        let months = ["jan", "January", "feb", "FEBRUARY", "Mar", "march", "marc", "Apr", "april", "May", "mayday", "Jun", "June",
            "junee", "Jul", "July", "julyy", "Aug", "August", "Augusta", "sep", "Sept", "Septe", "September", "Oct", "October",
            "nov", "November", "Dec", "December"]
        let weekdays = ["Mon", "Monday", "tue", "Tues", "Tuesday", "wed", "Wednesday", "Thu", "thursday", "Fri", "Friday", "Sat",
            "Saturday", "sun", "Sunday", "Sunshine"]
        let words = ["at", "AT", "on", "of", "ago", "agone", "st", "nd", "rd", "th", "ST", "am", "pm", "a.m.", "P.M.", "a", "p", "m", ".m",
            "yesterday", "today", "Today", "sec", "second", "min", "minute", "hour", "hr", "day", "week", "month", "year", "s", "ond",
            "posted", "Posted", "written", "submitted", "comment", "commented", "added", "left", "by", "By", "says", "said", "wrote",
            "writes", "responded", "replied", "x", "Ann", "the", "e", "q", "_"]
        let digits = ["0", "1", "9", "12", "23", "31", "59", "123", "2012", "20123", "1999", "00"]
        // Whole dates, for their neighbours to spoil or extend.
        let dates = ["June 15", "15 June", "June 15, 2012", "15th of June 2012", "Tuesday July 24", "2012-03-23", "11/07/12",
            "16.03.2020", "09:38 AM", "1:11:01 pm", "12:30", "@11:35AM", "3 hours ago", "1 min ago"]
        let separators = [" ", " ", " ", "  ", "\t", "\n", "\r\n", ",", ", ", ".", ". ", "/", "-", " - ", ":", "@", " @", "–", " – ",
            "—", "#", "(", ")", "|", "...", "…", "'", "’", "!"]
        let pastASCII = ["é", "Ж", "中", "ü", "ß", "ſ", "\u{212A}", "ı", "ﬆ", "\u{0301}", "\u{200F}", "١", "\u{00A0}", "\u{0085}", "·",
            "“", "€", "‿", "😀"]
        return months + weekdays + words + digits + digits + digits + dates + separators + separators + pastASCII
    }()

    /// A random line of 1 to 12 fragments.
    static func randomLine(using generator: inout SplitMix64) -> String {
        var line = ""
        for _ in 0..<Int.random(in: 1...12, using: &generator) {
            line += fragments.randomElement(using: &generator)!
            if Int.random(in: 0..<3, using: &generator) == 0 { line += " " }
        }
        return line
    }

    @Test func scannersAgreeWithThePatternsOnRandomLines() {
        var generator = SplitMix64(seed: 0xDA7E_5CA9)
        var differences: [String] = []
        var scanned = 0
        var dated = 0
        for _ in 0..<6000 {
            let line = Self.randomLine(using: &generator)
            guard HeaderLineScanner(line) != nil else { continue }
            scanned += 1
            if Self.firstMatch(Self.datePattern, in: line) != nil { dated += 1 }
            differences += Self.differences(on: line)
            if differences.count > 20 { break }
        }
        #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
        // The lines exercise the scanners: most are scanned, many hold a date.
        #expect(scanned > 3000)
        #expect(dated > 1000)
    }

    /// Header lines as they reach the scanners: white space collapsed.
    @Test func scannersAgreeWithThePatternsOnRandomCollapsedLines() {
        var generator = SplitMix64(seed: 0xC011_A95E)
        var differences: [String] = []
        for _ in 0..<3000 {
            let line = Text.collapsingWhitespace(Self.randomLine(using: &generator))
            differences += Self.differences(on: line)
            if differences.count > 20 { break }
        }
        #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
    }

    // MARK: - Characters past ASCII

    /// Every scalar the scanners take for a word character or for
    /// punctuation, ICU takes the same way: not `\s`, `\d`, or an ASCII
    /// letter ignoring case; `\w` exactly for the word characters; and
    /// never looked past by `\b` (as it looks past combining marks).
    @Test func scalarKindsAgreeWithICU() {
        var words = String.UnicodeScalarView()
        var others = String.UnicodeScalarView()
        var wordCount = 0
        var otherCount = 0
        for value in UInt32(0x80)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            switch HeaderLineScanner.kind(of: scalar) {
            case .word:
                words.append(scalar)
                wordCount += 1
            case .other:
                others.append(scalar)
                otherCount += 1
            case .unmodelled:
                continue
            }
        }
        let wordText = String(words)
        let otherText = String(others)
        func matchCount(_ pattern: String, _ text: String, ignoringCase: Bool = false) -> Int {
            Self.pattern(pattern, ignoringCase: ignoringCase).numberOfMatches(in: text, range: NSRange(location: 0, length: (text as NSString).length))
        }
        #expect(matchCount(#"\W|\d"#, wordText) == 0)
        #expect(matchCount(#"\w|\s"#, otherText) == 0)
        #expect(matchCount(#"[a-z]"#, wordText + otherText, ignoringCase: true) == 0)
        // Each scalar between spaces (a word character) or between letters
        // (punctuation): two boundaries around it, unless ICU looks past it
        // (and two more at the ends of the letters' text).
        let spaced = wordText.unicodeScalars.map { " \($0) " }.joined()
        let betweenLetters = otherText.unicodeScalars.map { "a\($0)a" }.joined()
        #expect(matchCount(#"\b"#, spaced) == 2 * wordCount)
        #expect(matchCount(#"\b"#, betweenLetters) == 2 * otherCount + 2)
        // Letters of many scripts and the common punctuation are modelled.
        #expect(wordCount > 100_000)
        #expect(otherCount > 5_000)
    }

    /// `HeaderLineScanner.isWhiteSpace` is ICU's `\s`, over all of Unicode.
    @Test func whiteSpaceIsICUs() {
        var all = String.UnicodeScalarView()
        for value in UInt32(0)...0x10FFFF { if let scalar = Unicode.Scalar(value) { all.append(scalar) } }
        let text = String(all)
        let matched = Self.pattern(#"\s"#).matches(in: text, range: NSRange(location: 0, length: (text as NSString).length))
            .compactMap { Range($0.range, in: text).flatMap { text[$0].unicodeScalars.first?.value } }
        let expected = all.filter(HeaderLineScanner.isWhiteSpace).map(\.value)
        #expect(matched == expected)
    }

    // MARK: - iso8601's cleaning

    @Test func spacedDashesAreReplacedAsThePatternDid() {
        var generator = SplitMix64(seed: 0xDA54)
        let pieces = ["12", "May", " ", "  ", "\t", "\u{00A0}", "\u{2003}", "\u{0085}", "-", "–", "—", "--", ":", "x", "\u{0301}", "é", "@"]
        var texts = ["16.03.2020 - 20:47", "a - - b", " - ", "-", " -", "- ", "a -b", "a- b", "a\u{00A0}–\u{00A0}b", "a \u{0301}- b", ""]
        for _ in 0..<3000 {
            texts.append((0..<Int.random(in: 1...10, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        for text in texts {
            let expected = Self.spacedDashPattern.stringByReplacingMatches(
                in: text, range: NSRange(text.startIndex..<text.endIndex, in: text), withTemplate: " ")
            #expect(CommentHeader.replacingSpacedDashes(in: text) == expected, "\(String(reflecting: text))")
        }
    }
}
