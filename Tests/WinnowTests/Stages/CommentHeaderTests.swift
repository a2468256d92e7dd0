import Testing
@testable import Winnow

/// Comment bylines as real comment systems print them: each is read into
/// an author and a date, and prose is never taken for one.
@Suite struct CommentHeaderTests {
    @Test(arguments: [
        ("Posted by: canvas prints | June 15, 2012 at 09:38 AM", "canvas prints", "June 15, 2012 at 09:38 AM"),
        ("Heather on October 23rd, 2012 1:37 pm", "Heather", "October 23rd, 2012 1:37 pm"),
        ("Damien / November 13, 2012 at 04:03 pm", "Damien", "November 13, 2012 at 04:03 pm"),
        ("written by mike, October 19, 2012", "mike", "October 19, 2012"),
        ("#1 Quinn September 19th, 2012 at 16:14", "Quinn", "September 19th, 2012 at 16:14"),
        ("by mcgrew (92797) * on Tuesday July 24, @11:35AM (#40750343)", "mcgrew", "Tuesday July 24, @11:35AM"),
        ("Posted by: Reed Hedges | Apr 6, 2007 1:11:01 PM", "Reed Hedges", "Apr 6, 2007 1:11:01 PM"),
    ])
    func bylinesGiveAuthorAndDate(line: String, author: String, date: String) throws {
        let header = try #require(CommentHeader(line: line))
        #expect(header.author == author)
        #expect(header.date?.text == date)
    }

    @Test(arguments: [("Jacob said,", "Jacob"), ("joker says:", "joker"), ("Progress Trap said,", "Progress Trap"),
        ("jiddy responded:", "jiddy"), ("by kcin (34043)", "kcin"), ("1 Fortunato Saraiva", "Fortunato Saraiva"),
        ("@theslynch wrote:", "@theslynch"), ("Jean-Pierre says:", "Jean-Pierre")])
    func bylinesGiveAuthor(line: String, author: String) throws {
        #expect(try #require(CommentHeader(line: line)).author == author)
    }

    @Test(arguments: ["October 10, 2012 at 2:28 am", "on Tuesday July 24, @11:35AM (#40750343)", "15 minutes ago", "11/07/12 at 2:17 pm"])
    func dateLinesGiveADateAndNoAuthor(line: String) throws {
        let header = try #require(CommentHeader(line: line))
        #expect(header.author == nil)
        #expect(header.date != nil)
    }

    @Test(arguments: [
        "Great post, thanks for writing it!", "That's what she said", "Same here, I already commented",
        "I was born in 1975 and I still remember it.", "Thanks! See you on October 5, 2012", "Mum",
    ])
    func proseIsNotAByline(line: String) {
        #expect(CommentHeader(line: line) == nil)
    }

    @Test(arguments: [
        ("2012-03-23T14:21:09+00:00", "2012-03-23T14:21:09+00:00"), ("July 10th, 2012, 1:26 am", "2012-07-10T01:26:00"),
        ("23/03/2022", "2022-03-23T00:00:00Z"), ("03/16/2020 20:47", "2020-03-16T20:47:00"),
    ])
    func datesAreReadWhenOneDayIsNamed(text: String, iso: String) {
        #expect(CommentHeader.iso8601(text) == iso)
    }

    @Test(arguments: ["11/07/12", "03/04/2020", "Monday July 23, @08:25PM", "5 years ago"])
    func ambiguousOrPartialDatesAreNotGuessed(text: String) {
        #expect(CommentHeader.iso8601(text) == nil)
    }

    /// The name as the Character-by-Character split found it, before the
    /// byte path for ASCII bylines.
    private static func characterSplitName(in text: String) -> String? {
        let separators: Set<Character> = ["|", "•", "·", "—", "–", ",", ":", ";", "(", ")", "[", "]", "«", "»"]
        guard let first = CommentHeader.withoutFraming(text).split(whereSeparator: { separators.contains($0) }).lazy
            .map({ Text.collapsingWhitespace($0) }).first(where: { $0.contains(where: \.isLetter) })
        else { return nil }
        guard first.split(separator: " ").count <= CommentHeader.maximumNameWords, first.count <= CommentHeader.maximumNameChars,
            !first.utf8.contains(UInt8(ascii: "!")), !first.utf8.contains(UInt8(ascii: "?")),
            !CommentParts.controlLines.contains(first.lowercased())
        else { return nil }
        return first
    }

    /// Bylines of every shape, and seeded random ones of letters, digits,
    /// separators, spaces and CR LF, give the name the Character split gave.
    @Test func asciiBylinesNameWhatTheCharacterSplitNamed() {
        var lines = [
            "Posted by: Ann | June 15, 2012", "by kcin (34043) on Tuesday", "Jacob said,", "#1 Quinn", "||  Gwen  |",
            "Reply", "(4432) [#] Bo", "Thanks! See you", "a\r\nb | c", ": ; , ( ) [ ]", "Jean-Pierre - 12 May", "",
        ]
        var random = SplitMix64(seed: 0xB1)
        let pieces = ["Ann", "bo", "X", "12", " ", "  ", "|", ",", ":", ";", "(", ")", "[", "]", "\r\n", "\t", "-", "!", "reply", "by", "said"]
        for _ in 0..<3_000 {
            lines.append((0..<Int.random(in: 1...8, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined())
        }
        for line in lines {
            #expect(CommentHeader.name(in: line) == CommentHeaderTests.characterSplitName(in: line), "\(line.debugDescription)")
        }
    }

    /// A name alone on its line, at most 40 Characters once collapsed;
    /// long lines are let go by their first bytes, white space and
    /// letters past ASCII counted as the collapsed line counts them.
    @Test(arguments: [
        ("Nash", "Nash"), ("  Gaurav \n\t Nema  ", "Gaurav Nema"), ("Jean-Luc Pi\u{E9}rre", "Jean-Luc Pi\u{E9}rre"),
        (String(repeating: " ", count: 200) + "Ann" + String(repeating: "\n", count: 200), "Ann"),
        (String(repeating: "\u{E9}", count: 40), String(repeating: "\u{E9}", count: 40)),
        (String(repeating: "\u{E9}", count: 41), nil), (String(repeating: "a", count: 40), String(repeating: "a", count: 40)),
        (String(repeating: "a", count: 41), nil), ("A reply that runs on like prose does, over many words", nil),
        ("Nash 2", nil), ("Hi.", nil), ("", nil),
    ] as [(String, String?)])
    func standaloneNames(line: String, name: String?) {
        #expect(CommentHeader.standaloneName(line) == name)
    }

    /// The byte test before `numericDate`'s splits turns away no text
    /// they read: random dates, times, names and separators, ASCII and not.
    @Test func numericDatePrecheckKeepsEveryReading() {
        var generator = SplitMix64(seed: 0x0D47E)
        let pieces = ["23/03/2022", "03/23/2022", "16.03.2020", "1/2/2012", "31.12.1999", "14:21", "2:17:05", "at", "AT", "-", " ", ",",
            "@", "/", ".", "12", "2022", "June", "Mon", "pm", "x", "\r\n", "\t", "٣", "½", "\u{0301}", "é", ":", "13", "00"]
        var read = 0
        for _ in 0..<4000 {
            let count = 1 + Int(generator.next() % 5)
            let text = (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined(
                separator: generator.next() % 2 == 0 ? " " : "")
            let expected = CommentHeader.numericDateBySplitting(text)
            if expected != nil { read += 1 }
            #expect(CommentHeader.numericDate(text) == expected, "\(String(reflecting: text))")
        }
        #expect(read > 20)
    }

    /// The byte reading of a name part agrees with the `Character` one:
    /// random parts of words, spaces, "\r\n", sentence marks and control
    /// lines, ASCII and not.
    @Test func nameReadingByBytesAgrees() {
        var generator = SplitMix64(seed: 0x4E414D45)
        let pieces = ["Ann", "Reed Hedges", "jiddy", "@theslynch", "Jean-Pierre", "Reply", "REPORT", "log in to reply", "Like", "#", "0",
            " ", "  ", "\r\n", "\r", "\n", "\t", "!", "?", "Thanks", "See", "you", "12", "x", "é", "’", "ſ", String(repeating: "a", count: 30)]
        for _ in 0..<4000 {
            let count = 1 + Int(generator.next() % 6)
            let part = (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined(
                separator: generator.next() % 3 == 0 ? "" : " ")
            #expect(CommentHeader.readsAsName(part) == CommentHeader.readsAsNameByCharacters(part), "\(String(reflecting: part))")
        }
    }
}
