/// The calendar dates a short text shows as people write them, wherever
/// they stand in it: "Posted on March 5, 2024 by …", "Updated 14:02 GMT,
/// 3 Jan 2008", "Published: 22/01/2008 09:30", "12.12.2025", "17. Mai 2021",
/// "5 de marzo de 2024", "2025-11-01 15:14:37". Day precision: what a
/// dateline says of when a page was published.
///
/// The text is read as words (runs of letters), numbers (runs of digits)
/// and single marks, once, left to right: linear in its length, whatever
/// it holds. Numbers are read four digits at most (a longer run is no part
/// of a date, and is never accumulated). A date needs a four-digit year in
/// `plausibleYears` and a day that its month has: "31 February 2008",
/// "year 0" and "9999-12-31" are no dates.
///
/// All-number dates are read year first (`2024-03-05`, `2024/3/5`), day
/// first with dots or dashes (`05.03.2024`, `05-03-2024`: the European
/// forms), and with slashes as one reading allows (`24/03/2024`,
/// `03/24/2024`); when both are possible (`05/03/2024`) the page's language
/// decides: month first in American English (`en`, `en-US`), day first
/// otherwise.
enum DateInText {
    /// Years a page's date may have: the web's, with room for archives of
    /// older papers; `9999` (a "never expires" placeholder) and `0000` are
    /// out.
    static let plausibleYears = 1900...2100
    /// Longer texts are not read: a dateline is a line.
    static let maximumBytes = 400

    struct Found: Equatable {
        var date: MetadataDate
        /// UTF-8 offsets of the date in the text.
        var range: Range<Int>
    }

    /// The dates of `text`, in order; empty when it shows none or is
    /// longer than `maximumBytes`.
    static func dates(in text: String, monthFirst: Bool = true) -> [Found] {
        let bytes = Array(text.utf8)
        guard bytes.count <= maximumBytes else { return [] }
        let tokens = tokenize(bytes)
        var found: [Found] = []
        var index = 0
        while index < tokens.count {
            if let (date, end) = date(at: index, in: tokens, bytes: bytes, monthFirst: monthFirst) {
                found.append(Found(date: date, range: tokens[index].start..<tokens[end].end))
                index = end + 1
            } else {
                index += 1
            }
        }
        return found
    }

    /// Whether the page's language reads `05/03/2024` month first.
    static func readsMonthFirst(language: String?) -> Bool {
        guard let language = language?.lowercased(), !language.isEmpty else { return true }
        return language == "en" || language == "en-us" || language.hasPrefix("en-us")
    }

    // MARK: - Tokens

    enum Kind: Equatable {
        case number(Int, digits: Int)
        case word
        case mark(UInt8)
    }

    struct Token {
        var kind: Kind
        var start: Int
        var end: Int
        /// Whether white space comes right before it.
        var isSpaced: Bool
    }

    /// Numbers longer than this are read as no number (a phone number, an
    /// id): four digits hold any year.
    static let maximumDigits = 4

    static func tokenize(_ bytes: [UInt8]) -> [Token] {
        var tokens: [Token] = []
        var index = 0
        var spaced = true
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x20 || (0x09...0x0D).contains(byte) {
                spaced = true
                index += 1
                continue
            }
            let start = index
            if byte >= 0x30 && byte <= 0x39 {
                var value = 0
                while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                    // Only the first digits are accumulated: no overflow.
                    if index - start < maximumDigits { value = value * 10 + Int(bytes[index] - 0x30) }
                    index += 1
                }
                let digits = index - start
                tokens.append(Token(kind: digits <= maximumDigits ? .number(value, digits: digits) : .word, start: start, end: index, isSpaced: spaced))
            } else if isLetterByte(byte) {
                while index < bytes.count, isLetterByte(bytes[index]) { index += 1 }
                tokens.append(Token(kind: .word, start: start, end: index, isSpaced: spaced))
            } else {
                index += 1
                tokens.append(Token(kind: .mark(byte), start: start, end: index, isSpaced: spaced))
            }
            spaced = false
        }
        return tokens
    }

    /// ASCII letters, and every byte of a character past ASCII (letters
    /// of other scripts and accented ones: "März", "février").
    private static func isLetterByte(_ byte: UInt8) -> Bool {
        Text.isASCIILetter(byte) || byte >= 0x80
    }

    // MARK: - Dates

    private static func date(at index: Int, in tokens: [Token], bytes: [UInt8], monthFirst: Bool) -> (MetadataDate, Int)? {
        switch tokens[index].kind {
        case .word:
            return monthNameFirst(at: index, in: tokens, bytes: bytes)
        case .number(let value, let digits):
            if digits == 4 { return yearFirst(value, at: index, in: tokens) }
            return dayNameFirst(value, at: index, in: tokens, bytes: bytes)
                ?? numeric(value, at: index, in: tokens, monthFirst: monthFirst)
        case .mark:
            return nil
        }
    }

    /// A valid date, or nil.
    static func validDate(year: Int, month: Int, day: Int) -> MetadataDate? {
        guard plausibleYears.contains(year), (1...12).contains(month), day >= 1,
            day <= MetadataDate.daysIn(month: month, year: year)
        else { return nil }
        return MetadataDate(year: year, month: month, day: day)
    }

    private static func number(_ token: Token?, digits allowed: ClosedRange<Int>) -> Int? {
        guard let token, case .number(let value, let digits) = token.kind, allowed.contains(digits) else { return nil }
        return value
    }

    private static func isMark(_ token: Token?, _ mark: UInt8) -> Bool {
        guard let token, case .mark(let byte) = token.kind else { return false }
        return byte == mark
    }

    private static func token(_ tokens: [Token], _ index: Int) -> Token? {
        index < tokens.count ? tokens[index] : nil
    }

    private static func word(_ token: Token?, in bytes: [UInt8]) -> String? {
        guard let token, token.kind == .word else { return nil }
        return String(decoding: bytes[token.start..<token.end], as: UTF8.self).lowercased()
    }

    private static func month(_ token: Token?, in bytes: [UInt8]) -> Int? {
        guard let token, token.kind == .word, token.end - token.start <= longestMonthName else { return nil }
        return word(token, in: bytes).flatMap { monthNumbers[$0] }
    }

    /// Skips the marks and words that may stand between a date's parts:
    /// a full stop, a comma ("March 5, 2024", "5. März"), "of", "de".
    private static func skipJoiners(from index: Int, in tokens: [Token], bytes: [UInt8]) -> Int {
        var index = index
        var skipped = 0
        while index < tokens.count, skipped < 3 {
            let token = tokens[index]
            if isMark(token, UInt8(ascii: ".")) || isMark(token, UInt8(ascii: ",")) {
                index += 1
            } else if let word = word(token, in: bytes), joiningWords.contains(word) {
                index += 1
            } else {
                break
            }
            skipped += 1
        }
        return index
    }

    /// "st", "nd", "rd", "th" glued to a day: "5th".
    private static func skipOrdinal(after index: Int, in tokens: [Token], bytes: [UInt8]) -> Int {
        guard let next = token(tokens, index + 1), !next.isSpaced, let word = word(next, in: bytes),
            ["st", "nd", "rd", "th", "er", "e", "º"].contains(word)
        else { return index + 1 }
        return index + 2
    }

    /// March 5, 2024 · Mar. 5th 2024 · Dec 12, 2025.
    private static func monthNameFirst(at index: Int, in tokens: [Token], bytes: [UInt8]) -> (MetadataDate, Int)? {
        guard let month = month(tokens[index], in: bytes) else { return nil }
        let dayIndex = skipJoiners(from: index + 1, in: tokens, bytes: bytes)
        guard let day = number(token(tokens, dayIndex), digits: 1...2) else { return nil }
        let yearIndex = skipJoiners(from: skipOrdinal(after: dayIndex, in: tokens, bytes: bytes), in: tokens, bytes: bytes)
        guard let year = number(token(tokens, yearIndex), digits: 4...4), let date = validDate(year: year, month: month, day: day) else {
            return nil
        }
        return (date, yearIndex)
    }

    /// 5 March 2024 · 5th of March, 2024 · 17. Mai 2021 · 5 de marzo de 2024 · 20 Dec 2025.
    private static func dayNameFirst(_ day: Int, at index: Int, in tokens: [Token], bytes: [UInt8]) -> (MetadataDate, Int)? {
        guard tokens[index].end - tokens[index].start <= 2 else { return nil }
        let monthIndex = skipJoiners(from: skipOrdinal(after: index, in: tokens, bytes: bytes), in: tokens, bytes: bytes)
        guard let month = month(token(tokens, monthIndex), in: bytes) else { return nil }
        let yearIndex = skipJoiners(from: monthIndex + 1, in: tokens, bytes: bytes)
        guard let year = number(token(tokens, yearIndex), digits: 4...4), let date = validDate(year: year, month: month, day: day) else {
            return nil
        }
        return (date, yearIndex)
    }

    /// 2024-03-05 · 2024/3/5 · 2024.03.05 (the marks alike, nothing
    /// between the parts).
    private static func yearFirst(_ year: Int, at index: Int, in tokens: [Token]) -> (MetadataDate, Int)? {
        guard let separator = token(tokens, index + 1), case .mark(let mark) = separator.kind, !separator.isSpaced,
            mark == UInt8(ascii: "-") || mark == UInt8(ascii: "/") || mark == UInt8(ascii: "."),
            let monthToken = token(tokens, index + 2), !monthToken.isSpaced, let month = number(monthToken, digits: 1...2),
            let second = token(tokens, index + 3), !second.isSpaced, isMark(second, mark),
            let dayToken = token(tokens, index + 4), !dayToken.isSpaced, let day = number(dayToken, digits: 1...2),
            let date = validDate(year: year, month: month, day: day)
        else { return nil }
        return (date, index + 4)
    }

    /// 05.03.2024 · 05-03-2024 (day first) · 24/03/2024 · 03/24/2024 ·
    /// 05/03/2024 (as the language reads it).
    private static func numeric(_ first: Int, at index: Int, in tokens: [Token], monthFirst: Bool) -> (MetadataDate, Int)? {
        guard let separator = token(tokens, index + 1), case .mark(let mark) = separator.kind, !separator.isSpaced,
            mark == UInt8(ascii: "-") || mark == UInt8(ascii: "/") || mark == UInt8(ascii: "."),
            let secondToken = token(tokens, index + 2), !secondToken.isSpaced, let second = number(secondToken, digits: 1...2),
            let again = token(tokens, index + 3), !again.isSpaced, isMark(again, mark),
            let yearToken = token(tokens, index + 4), !yearToken.isSpaced, let year = number(yearToken, digits: 4...4)
        else { return nil }
        let (day, month): (Int, Int)
        if mark != UInt8(ascii: "/") || first > 12 {
            (day, month) = (first, second)
        } else if second > 12 || monthFirst {
            (day, month) = (second, first)
        } else {
            (day, month) = (first, second)
        }
        guard let date = validDate(year: year, month: month, day: day) else { return nil }
        return (date, index + 4)
    }

    // MARK: - Vocabulary

    /// Words between a date's parts: "5th of March", "5 de marzo de 2024".
    static let joiningWords: Set<String> = ["of", "de", "del", "di"]

    /// Month names and their usual abbreviations in the languages the
    /// development set's pages are written in (English, German, French,
    /// Spanish, Italian, Portuguese, Dutch), lower case.
    static let monthNumbers: [String: Int] = {
        let names: [[String]] = [
            ["jan", "january", "januar", "jänner", "janvier", "janv", "enero", "ene", "gennaio", "gen", "janeiro", "januari"],
            ["feb", "february", "februar", "février", "fevrier", "févr", "fevr", "febrero", "febbraio", "fevereiro", "fev", "februari"],
            ["mar", "march", "märz", "maerz", "mär", "mars", "marzo", "março", "marco", "maart", "mrt"],
            ["apr", "april", "avril", "avr", "abril", "abr", "aprile"],
            ["may", "mai", "mayo", "maggio", "mag", "maio", "mei"],
            ["jun", "june", "juni", "juin", "junio", "giugno", "giu", "junho"],
            ["jul", "july", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho"],
            ["aug", "august", "août", "aout", "agosto", "ago", "augustus"],
            ["sep", "sept", "september", "septembre", "septiembre", "settembre", "set", "setembro"],
            ["oct", "october", "oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro", "out"],
            ["nov", "november", "novembre", "noviembre", "novembro"],
            ["dec", "december", "dezember", "dez", "décembre", "decembre", "déc", "diciembre", "dic", "dicembre", "dezembro"],
        ]
        var numbers: [String: Int] = [:]
        for (index, group) in names.enumerated() {
            for name in group { numbers[name] = index + 1 }
        }
        return numbers
    }()
    static let longestMonthName = monthNumbers.keys.map(\.utf8.count).max() ?? 0
}
