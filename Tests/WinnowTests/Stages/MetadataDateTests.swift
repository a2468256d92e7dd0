import Testing
@testable import Winnow

@Suite struct MetadataDateTests {
    @Test(arguments: [
        // ISO 8601 and its everyday variants
        ("2022-03-23", "2022-03-23T00:00:00Z"),
        ("2022-03-23T10:15:00+02:00", "2022-03-23T10:15:00+02:00"),
        ("2022-03-23T10:15:00-05:00", "2022-03-23T10:15:00-05:00"),
        ("2022-03-23T10:15:00.000Z", "2022-03-23T10:15:00Z"),
        ("2022-03-23T10:15:00Z", "2022-03-23T10:15:00Z"),
        ("2022-03-23T10:15:00+0100", "2022-03-23T10:15:00+01:00"),
        ("2022-03-23T10:15:00+00:00", "2022-03-23T10:15:00+00:00"),
        ("2022-03-23T10:15Z", "2022-03-23T10:15:00Z"),
        ("2022-03-23 10:15", "2022-03-23T10:15:00"),
        ("2022-03-23 10:15:07", "2022-03-23T10:15:07"),
        ("2017-11-03 03:01:00.000000", "2017-11-03T03:01:00"),
        ("2022/03/23", "2022-03-23T00:00:00Z"),
        ("  2022-3-7  ", "2022-03-07T00:00:00Z"),
        // RFC 822 / 1123
        ("Wed, 23 Mar 2022 10:15:00 GMT", "2022-03-23T10:15:00Z"),
        ("Wed, 23 Mar 2022 10:15:00 +0200", "2022-03-23T10:15:00+02:00"),
        ("23 Mar 2022 10:15 EST", "2022-03-23T10:15:00-05:00"),
        // Words
        ("March 23, 2022", "2022-03-23T00:00:00Z"),
        ("23 March 2022", "2022-03-23T00:00:00Z"),
        ("Mar. 23rd, 2022", "2022-03-23T00:00:00Z"),
        ("Sept 1 2022", "2022-09-01T00:00:00Z"),
        ("Wednesday, March 23, 2022", "2022-03-23T00:00:00Z"),
        ("March 23, 2022 at 6:01 pm", "2022-03-23T18:01:00"),
        ("March 23, 2022 12:30 AM", "2022-03-23T00:30:00"),
        ("29 February 2024", "2024-02-29T00:00:00Z"),
    ])
    func parses(text: String, expected: String) {
        #expect(MetadataDate.iso8601(text) == expected)
    }

    @Test(arguments: [
        "", "yesterday", "3 days ago", "2022", "2022-13-01", "2022-02-30", "29 February 2023",
        "2022-03-23T25:00:00Z", "2022-03-23T10:15:00+25:00", "23/03/2022", "03/23/2022",
        "0000-00-00", "March 2022", "Updated March 23, 2022", "2022-03-23 and more", "Someday 23 March 2022",
        "March 23, 2022 at 13:00 pm",
    ])
    func refuses(text: String) {
        #expect(MetadataDate.iso8601(text) == nil)
    }

    /// Digit runs longer than a field allows are refused, however long:
    /// 19 digits and more once overflowed `Int` while being added up and
    /// trapped (found by fuzzing the HTML entry point).
    @Test(arguments: [
        "26666666666666666666", "20177777777777777777", "2022-03-23T10:15:00.99999999999999999999",
        "2022-03-23T10:15:00+99999999999999999999", "99999999999999999999 March 2022",
        "March 23, 99999999999999999999", "2022-99999999999999999999-01",
    ])
    func refusesLongDigitRuns(text: String) {
        #expect(MetadataDate.iso8601(text) == nil)
    }

    @Test func keepsComponents() throws {
        let date = try #require(MetadataDate(parsing: "2022-03-23T10:15:30-04:30"))
        #expect(date.year == 2022 && date.month == 3 && date.day == 23)
        #expect(date.time == MetadataDate.TimeOfDay(hour: 10, minute: 15, second: 30, offsetMinutes: -270))
    }

    /// The text as the padded-pieces formatter wrote it before the byte
    /// writer: `String(value)` with zeros in front up to the width.
    private static func padded(_ date: MetadataDate) -> String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
        }
        var result = pad(date.year, 4) + "-" + pad(date.month, 2) + "-" + pad(date.day, 2)
        guard let time = date.time else { return result + "T00:00:00Z" }
        result += "T" + pad(time.hour, 2) + ":" + pad(time.minute, 2) + ":" + pad(time.second, 2)
        guard let offset = time.offsetMinutes else { return result }
        if offset == 0, time.isUTCDesignator { return result + "Z" }
        return result + (offset < 0 ? "-" : "+") + pad(abs(offset) / 60, 2) + ":" + pad(abs(offset) % 60, 2)
    }

    /// Any field values, usual or not (negative, huge), are written as
    /// the padded pieces wrote them.
    @Test func writtenAsPaddedPieces() {
        var random = SplitMix64(seed: 0xDA7E)
        let values = [0, 1, 7, 9, 10, 59, 99, 100, 999, 1000, 2024, 9999, 10_000, 123_456, -1, -7, -100, -2024, Int.max, Int.min]
        for _ in 0..<2_000 {
            let pick = { values.randomElement(using: &random)! }
            var date = MetadataDate(year: pick(), month: pick(), day: pick())
            if Bool.random(using: &random) {
                let offset: Int? = Bool.random(using: &random) ? nil : [0, 60, -300, 330, -1, 59, 14 * 60].randomElement(using: &random)!
                date.time = MetadataDate.TimeOfDay(
                    hour: pick(), minute: pick(), second: pick(), offsetMinutes: offset, isUTCDesignator: Bool.random(using: &random))
            }
            #expect(date.iso8601 == MetadataDateTests.padded(date), "\(date)")
        }
    }
}
