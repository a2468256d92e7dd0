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

    @Test func keepsComponents() throws {
        let date = try #require(MetadataDate(parsing: "2022-03-23T10:15:30-04:30"))
        #expect(date.year == 2022 && date.month == 3 && date.day == 23)
        #expect(date.time == MetadataDate.TimeOfDay(hour: 10, minute: 15, second: 30, offsetMinutes: -270))
    }
}
