/// A date as a page states it, parsed by hand and written back as ISO 8601.
///
/// Accepted forms (anything else is refused, never guessed):
///
///     2022-03-23                          → 2022-03-23T00:00:00Z
///     2022-03-23T10:15:00+02:00           → 2022-03-23T10:15:00+02:00 (offset kept)
///     2022-03-23T10:15:00.000Z            → 2022-03-23T10:15:00Z (fraction dropped)
///     2022-03-23 10:15, 2022/03/23 10:15  → 2022-03-23T10:15:00 (no offset given: none written)
///     Wed, 23 Mar 2022 10:15:00 GMT       → 2022-03-23T10:15:00Z (RFC 822 / 1123)
///     March 23, 2022 / 23 March 2022      → 2022-03-23T00:00:00Z
///     March 23, 2022 at 6:01 pm EST       → 2022-03-23T18:01:00-05:00
///
/// A date alone is written at midnight UTC, the schema's convention for
/// "this day". A time without an offset is written without one (local time
/// of an unknown place) rather than with a made-up `Z`.
///
/// Built by hand over the UTF-8 bytes: `DateFormatter` costs a formatter per
/// format tried and this runs on every page.
public struct MetadataDate: Sendable, Equatable {
    public var year: Int
    public var month: Int
    public var day: Int
    /// Nil when only the day is known.
    public var time: TimeOfDay?

    public struct TimeOfDay: Sendable, Equatable {
        public var hour: Int
        public var minute: Int
        public var second: Int
        /// Minutes east of UTC; nil when the text gives no offset.
        public var offsetMinutes: Int?
        /// Whether the offset was written as `Z`, `GMT` or `UTC` (written
        /// back as `Z`) rather than as a number (written back as a number).
        public var isUTCDesignator: Bool

        public init(hour: Int, minute: Int, second: Int = 0, offsetMinutes: Int? = nil, isUTCDesignator: Bool = false) {
            self.hour = hour
            self.minute = minute
            self.second = second
            self.offsetMinutes = offsetMinutes
            self.isUTCDesignator = isUTCDesignator
        }
    }

    public init(year: Int, month: Int, day: Int, time: TimeOfDay? = nil) {
        self.year = year
        self.month = month
        self.day = day
        self.time = time
    }

    /// Parses `text`, or returns nil when it is not one of the accepted forms
    /// or names an impossible date or time.
    public init?(parsing text: String) {
        let bytes = Array(text.utf8)
        var start = 0
        var end = bytes.count
        while start < end, MetadataDate.isBlank(bytes[start]) { start += 1 }
        while end > start, MetadataDate.isBlank(bytes[end - 1]) { end -= 1 }
        guard end > start, end - start <= MetadataDate.longestAccepted else { return nil }
        let slice = bytes[start..<end]
        guard let parsed = MetadataDate.parseNumeric(slice) ?? MetadataDate.parseWords(slice),
            parsed.isValid
        else { return nil }
        self = parsed
    }

    /// `text` normalised to ISO 8601, or nil when it cannot be parsed.
    public static func iso8601(_ text: String) -> String? {
        MetadataDate(parsing: text)?.iso8601
    }

    /// Written as bytes, then made a String once: joined from padded
    /// pieces, the text cost more than the parsing (every comment has a
    /// date).
    public var iso8601: String {
        var writer = DigitWriter()
        writer.put(year, width: 4)
        writer.put("-")
        writer.put(month, width: 2)
        writer.put("-")
        writer.put(day, width: 2)
        if let time {
            writer.put("T")
            writer.put(time.hour, width: 2)
            writer.put(":")
            writer.put(time.minute, width: 2)
            writer.put(":")
            writer.put(time.second, width: 2)
            if let offset = time.offsetMinutes {
                if offset == 0, time.isUTCDesignator {
                    writer.put("Z")
                } else {
                    writer.put(offset < 0 ? "-" : "+")
                    writer.put(abs(offset) / 60, width: 2)
                    writer.put(":")
                    writer.put(abs(offset) % 60, width: 2)
                }
            }
        } else {
            writer.put("T00:00:00Z")
        }
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    // MARK: - Validity

    /// Years outside this range are typos or placeholders (`0000-00-00`).
    static let plausibleYears = 1000...9999
    /// Longer texts are sentences, not dates.
    static let longestAccepted = 64

    var isValid: Bool {
        guard MetadataDate.plausibleYears.contains(year), (1...12).contains(month),
            day >= 1, day <= MetadataDate.daysIn(month: month, year: year)
        else { return false }
        if let time {
            guard (0...23).contains(time.hour), (0...59).contains(time.minute), (0...60).contains(time.second)
            else { return false }
            if let offset = time.offsetMinutes, abs(offset) > 14 * 60 { return false }
        }
        return true
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    // MARK: - Numeric form: 2022-03-23[T| ]10:15[:00[.000]][Z|±hh[:mm]| UTC]

    private static func parseNumeric(_ text: ArraySlice<UInt8>) -> MetadataDate? {
        var cursor = Cursor(text)
        guard let year = cursor.number(digits: 4...4) else { return nil }
        let separator = cursor.peek
        guard separator == UInt8(ascii: "-") || separator == UInt8(ascii: "/") else { return nil }
        cursor.advance()
        guard let month = cursor.number(digits: 1...2), cursor.take(separator!),
            let day = cursor.number(digits: 1...2)
        else { return nil }
        var date = MetadataDate(year: year, month: month, day: day)
        if cursor.isAtEnd { return date }
        guard cursor.take(UInt8(ascii: "T")) || cursor.take(UInt8(ascii: "t")) || cursor.skipBlanks() else {
            return nil
        }
        guard var time = cursor.clockTime() else { return nil }
        cursor.skipBlanks()
        if !cursor.isAtEnd {
            guard let zone = cursor.zone() else { return nil }
            time.offsetMinutes = zone.minutes
            time.isUTCDesignator = zone.isDesignator
        }
        guard cursor.isAtEnd else { return nil }
        date.time = time
        return date
    }

    // MARK: - Word form: [Wed,] 23 Mar 2022 | March 23, 2022 [[at] 10:15[:00] [pm]] [GMT|±hhmm]

    private static func parseWords(_ text: ArraySlice<UInt8>) -> MetadataDate? {
        var cursor = Cursor(text)
        cursor.skipPunctuation()
        // An optional weekday: any word that is not a month.
        if let word = cursor.peekWord(), month(named: word) == nil {
            guard weekdays.contains(word) else { return nil }
            _ = cursor.word()
            cursor.skipPunctuation()
        }
        let day: Int
        let month: Int
        if let number = cursor.number(digits: 1...2) {
            // 23 March 2022, 23rd March 2022, 23-Mar-2022
            day = number
            cursor.skipOrdinalSuffix()
            cursor.skipPunctuation()
            guard let name = cursor.word(), let named = MetadataDate.month(named: name) else { return nil }
            month = named
        } else {
            // March 23, 2022; Mar. 23rd 2022
            guard let name = cursor.word(), let named = MetadataDate.month(named: name) else { return nil }
            month = named
            cursor.skipPunctuation()
            guard let number = cursor.number(digits: 1...2) else { return nil }
            day = number
            cursor.skipOrdinalSuffix()
        }
        cursor.skipPunctuation()
        guard let year = cursor.number(digits: 4...4) else { return nil }
        var date = MetadataDate(year: year, month: month, day: day)
        cursor.skipPunctuation()
        if cursor.isAtEnd { return date }
        if cursor.peekWord() == "at" {
            _ = cursor.word()
            cursor.skipBlanks()
        }
        guard var time = cursor.clockTime() else { return nil }
        cursor.skipBlanks()
        if let meridiem = cursor.peekWord(), meridiem == "am" || meridiem == "pm" {
            _ = cursor.word()
            guard (1...12).contains(time.hour) else { return nil }
            time.hour = time.hour % 12 + (meridiem == "pm" ? 12 : 0)
            cursor.skipBlanks()
        }
        if !cursor.isAtEnd {
            guard let zone = cursor.zone() else { return nil }
            time.offsetMinutes = zone.minutes
            time.isUTCDesignator = zone.isDesignator
            cursor.skipBlanks()
        }
        guard cursor.isAtEnd else { return nil }
        date.time = time
        return date
    }

    // MARK: - Vocabulary (English; lower case)

    static let weekdays: Set<String> = [
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ]

    static func month(named word: String) -> Int? {
        switch word {
        case "jan", "january": return 1
        case "feb", "february": return 2
        case "mar", "march": return 3
        case "apr", "april": return 4
        case "may": return 5
        case "jun", "june": return 6
        case "jul", "july": return 7
        case "aug", "august": return 8
        case "sep", "sept", "september": return 9
        case "oct", "october": return 10
        case "nov", "november": return 11
        case "dec", "december": return 12
        default: return nil
        }
    }

    /// RFC 822's named zones, plus the UTC names.
    static let namedZones: [String: Int] = [
        "gmt": 0, "ut": 0, "utc": 0, "z": 0,
        "est": -5 * 60, "edt": -4 * 60, "cst": -6 * 60, "cdt": -5 * 60,
        "mst": -7 * 60, "mdt": -6 * 60, "pst": -8 * 60, "pdt": -7 * 60,
    ]
}

/// A read position over the bytes of a date.
private struct Cursor {
    let bytes: ArraySlice<UInt8>
    var index: Int

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        index = bytes.startIndex
    }

    var isAtEnd: Bool { index >= bytes.endIndex }
    var peek: UInt8? { isAtEnd ? nil : bytes[index] }

    mutating func advance() { index += 1 }

    mutating func take(_ byte: UInt8) -> Bool {
        guard peek == byte else { return false }
        index += 1
        return true
    }

    /// Skips spaces; true when it skipped any.
    @discardableResult
    mutating func skipBlanks() -> Bool {
        let before = index
        while let byte = peek, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
            index += 1
        }
        return index > before
    }

    /// Skips spaces, commas, full stops and dashes between date words.
    mutating func skipPunctuation() {
        while let byte = peek,
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: ",")
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "/")
        {
            index += 1
        }
    }

    /// The run of digits at the cursor when it has an allowed length.
    /// The whole run is counted but only the allowed digits are added up:
    /// a run of 19 or more (`content="26666666666666666666"`) would
    /// overflow `Int` and trap.
    mutating func number(digits allowed: ClosedRange<Int>) -> Int? {
        var value = 0
        var count = 0
        var position = index
        while position < bytes.endIndex, bytes[position] >= 0x30, bytes[position] <= 0x39 {
            if count < allowed.upperBound { value = value * 10 + Int(bytes[position] - 0x30) }
            count += 1
            position += 1
        }
        guard allowed.contains(count) else { return nil }
        index = position
        return value
    }

    /// The ASCII letters at the cursor, lower-cased, without moving.
    /// Measured first, then written into the String's storage at once:
    /// appended a letter at a time, words cost more than the rest of a
    /// comment's date.
    func peekWord() -> String? {
        var end = index
        while end < bytes.endIndex, Text.isASCIILetter(bytes[end]) { end += 1 }
        guard end > index else { return nil }
        let start = index
        return String(unsafeUninitializedCapacity: end - start) { output in
            for offset in 0..<(end - start) { output[offset] = bytes[start + offset] | 0x20 }
            return end - start
        }
    }

    mutating func word() -> String? {
        guard let word = peekWord() else { return nil }
        index += word.utf8.count
        return word
    }

    mutating func skipOrdinalSuffix() {
        if let word = peekWord(), ["st", "nd", "rd", "th"].contains(word) { index += 2 }
    }

    /// hh:mm[:ss[.fraction]]
    mutating func clockTime() -> MetadataDate.TimeOfDay? {
        guard let hour = number(digits: 1...2), take(UInt8(ascii: ":")), let minute = number(digits: 2...2) else {
            return nil
        }
        var second = 0
        if take(UInt8(ascii: ":")) {
            guard let value = number(digits: 2...2) else { return nil }
            second = value
            if take(UInt8(ascii: ".")) || take(UInt8(ascii: ",")) {
                guard number(digits: 1...9) != nil else { return nil }
            }
        }
        return MetadataDate.TimeOfDay(hour: hour, minute: minute, second: second)
    }

    /// Z, GMT, UTC, EST…, ±hh, ±hhmm, ±hh:mm, or GMT±hh[:mm].
    mutating func zone() -> (minutes: Int, isDesignator: Bool)? {
        if let word = peekWord() {
            guard let minutes = MetadataDate.namedZones[word] else { return nil }
            _ = self.word()
            if minutes == 0, peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") {
                return numericOffset().map { ($0, false) }
            }
            return (minutes, minutes == 0)
        }
        return numericOffset().map { ($0, false) }
    }

    private mutating func numericOffset() -> Int? {
        let sign: Int
        if take(UInt8(ascii: "+")) {
            sign = 1
        } else if take(UInt8(ascii: "-")) {
            sign = -1
        } else {
            return nil
        }
        let start = index
        guard let digits = number(digits: 1...4) else { return nil }
        let count = index - start
        var hours = digits
        var minutes = 0
        if count == 4 {
            hours = digits / 100
            minutes = digits % 100
        } else if count == 3 {
            return nil
        } else if take(UInt8(ascii: ":")) {
            guard let value = number(digits: 2...2) else { return nil }
            minutes = value
        }
        guard minutes < 60 else { return nil }
        return sign * (hours * 60 + minutes)
    }
}

/// The bytes of a date being written.
private struct DigitWriter {
    private(set) var bytes: [UInt8] = []

    init() {
        bytes.reserveCapacity(32)
    }

    mutating func put(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// `value` as `String(value)` writes it, zero-padded in front to
    /// `width` characters.
    mutating func put(_ value: Int, width: Int) {
        // Last digit first, then the sign and the padding; then the whole
        // run reversed in place.
        let start = bytes.count
        var rest = value.magnitude
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        while bytes.count - start < width { bytes.append(UInt8(ascii: "0")) }
        var low = start
        var high = bytes.count - 1
        while low < high {
            bytes.swapAt(low, high)
            low += 1
            high -= 1
        }
    }
}
