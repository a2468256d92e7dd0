import Foundation
import Testing
@testable import Winnow

/// Dates as pages print them, in the forms and languages the development
/// set shows, and the impossible ones that must give nothing.
@Suite struct DateInTextTests {
    func day(_ text: String, monthFirst: Bool = true) -> String? {
        DateInText.dates(in: text, monthFirst: monthFirst).first.map { date in
            String(format: "%04d-%02d-%02d", date.date.year, date.date.month, date.date.day)
        }
    }

    @Test(arguments: [
        ("Posted on March 5, 2024 by Alan Pryce", "2024-03-05"),
        ("Updated 14:02 GMT, 3 Jan 2008", "2008-01-03"),
        ("Dec. 19, 2025 · Niko Matsakis", "2025-12-19"),
        ("on Friday December 19, 2025 @08:00PM", "2025-12-19"),
        ("September 1st, 2023 By Emily Norwood", "2023-09-01"),
        ("30th March 2025, 16:26", "2025-03-30"),
        ("20 December, 2025", "2025-12-20"),
        ("5th of March, 2024", "2024-03-05"),
        ("Sun Dec 17, 2023 11:23 am", "2023-12-17"),
        ("OCTOBER 13, 2025", "2025-10-13"),
        ("2025-11-01 15:14:37", "2025-11-01"),
        ("2022-11-23T08:10+02:00", "2022-11-23"),
        ("by Jon Foster - 2025-09-13", "2025-09-13"),
        ("12.12.2025", "2025-12-12"),
        ("Bence Kovács 02-12-2025", "2025-12-02"),
        ("Updated: 10/31/2024", "2024-10-31"),
        ("2/24/2026", "2026-02-24"),
        ("Publié le 4 mars 2023 à 18 h 05", "2023-03-04"),
        ("17. Mai 2021", "2021-05-17"),
        ("Veröffentlicht am 3. März 2020", "2020-03-03"),
        ("5 de marzo de 2024", "2024-03-05"),
        ("12 dicembre 2019", "2019-12-12"),
        ("7 de fevereiro de 2022", "2022-02-07"),
        ("14 januari 2021", "2021-01-14"),
    ])
    func readsTheDay(_ text: String, _ expected: String) {
        #expect(day(text) == expected, "\(text)")
    }

    @Test func slashedDaysAreReadAsTheLanguageWritesThem() {
        #expect(day("05/03/2024", monthFirst: true) == "2024-05-03")
        #expect(day("05/03/2024", monthFirst: false) == "2024-03-05")
        #expect(day("24/03/2024", monthFirst: true) == "2024-03-24")
        #expect(DateInText.readsMonthFirst(language: "en-US"))
        #expect(DateInText.readsMonthFirst(language: nil))
        #expect(!DateInText.readsMonthFirst(language: "en-GB"))
        #expect(!DateInText.readsMonthFirst(language: "fr"))
    }

    @Test(arguments: [
        "31 February 2008", "February 30, 2011", "29 February 2023", "0000-00-00", "0-01-01", "January 5, 0",
        "9999-12-31", "December 31, 9999", "13/13/2020", "2020-13-01", "32 May 2020", "May 0, 2020",
        "12/03/24", "September 4", "1899-12-31", "2101-01-01",
    ])
    func impossibleOrPartialDatesGiveNothing(_ text: String) {
        #expect(day(text) == nil, "\(text)")
    }

    @Test func aLeapDayIsADay() {
        #expect(day("29 February 2024") == "2024-02-29")
        #expect(day("2000-02-29") == "2000-02-29")
    }

    @Test func longNumbersNeverOverflowAndAreNoDate() {
        let huge = String(repeating: "9", count: 40)
        #expect(day("\(huge)-03-05") == nil)
        #expect(day("05.03.\(huge)") == nil)
        #expect(day("March 5, \(huge)") == nil)
        #expect(day("12345678901234567890 March 5, 2024") == "2024-03-05")
    }

    @Test func everyDateOfALineIsFoundInOrder() {
        let found = DateInText.dates(in: "Published: 22/01/2008 09:30 - Updated: 23/01/2008 16:05")
        #expect(found.map(\.date.day) == [22, 23])
        #expect(found.first?.range == 11..<21)
    }

    @Test func textsLongerThanALineAreNotRead() {
        let long = String(repeating: "word ", count: 100) + "March 5, 2024"
        #expect(DateInText.dates(in: long).isEmpty)
    }
}
