import Testing
@testable import Winnow

/// How `winnow eval` scores title, authors and date against `meta.json`.
@Suite struct MetadataMatchTests {
    func metadata(title: String? = nil, authors: [String] = [], published: String? = nil) -> Metadata {
        var metadata = Metadata()
        metadata.title = title
        metadata.authors = authors
        metadata.published = published
        return metadata
    }

    @Test func titlesMatchAfterCaseSpaceAndTypographicPunctuation() {
        let truth = MetadataTruth(title: "Rain returns \u{2013} the valley\u{2019}s  reservoirs fill")
        #expect(MetadataMatch(truth: truth, metadata: metadata(title: "RAIN RETURNS - THE VALLEY'S RESERVOIRS FILL")).title == true)
        #expect(MetadataMatch(truth: truth, metadata: metadata(title: "Rain returns - the valley's reservoirs fill | Courier")).title == false)
        #expect(MetadataMatch(truth: truth, metadata: metadata()).title == false)
        #expect(MetadataMatch(truth: MetadataTruth(), metadata: metadata(title: "Anything")).title == nil)
    }

    @Test func authorsMatchWhenTheTruthsFirstNameIsNamed() {
        let several = MetadataTruth(author: "Danielle DeSiato, Donna Enzmann, and Natalie Nguyen")
        #expect(MetadataMatch(truth: several, metadata: metadata(authors: ["Danielle DeSiato"])).authors == true)
        #expect(MetadataMatch(truth: several, metadata: metadata(authors: ["Donna Enzmann"])).authors == false)
        let credentials = MetadataTruth(author: "By Dylan Bailey, MS, RD")
        #expect(MetadataMatch(truth: credentials, metadata: metadata(authors: ["Dylan Bailey"])).authors == true)
        #expect(MetadataMatch(truth: credentials, metadata: metadata()).authors == false)
        #expect(MetadataMatch.firstName(ofAuthorLine: "Maria & Katerina") == "maria")
        #expect(MetadataMatch.firstName(ofAuthorLine: " , ") == nil)
    }

    @Test func datesMatchOnTheDayAsWritten() {
        let truth = MetadataTruth(published: "2025-06-04")
        #expect(MetadataMatch(truth: truth, metadata: metadata(published: "2025-06-04T23:30:00-05:00")).published == true)
        #expect(MetadataMatch(truth: truth, metadata: metadata(published: "2025-06-05T00:00:00Z")).published == false)
        #expect(MetadataMatch(truth: truth, metadata: metadata()).published == false)
        let month = MetadataTruth(published: "2003-11")
        #expect(MetadataMatch(truth: month, metadata: metadata(published: "2003-11-20T00:00:00Z")).published == true)
        #expect(MetadataMatch.day(of: "2021-11-01T10:52:50+0100") == "2021-11-01")
        #expect(MetadataMatch.day(of: "November 2003") == nil)
    }

    @Test func accuracyCountsOnlyPagesWhoseTruthGivesTheField() {
        let matches = [
            MetadataMatch(truth: MetadataTruth(title: "A"), metadata: metadata(title: "a")),
            MetadataMatch(truth: MetadataTruth(title: "B", published: "2024-01-01"), metadata: metadata(title: "c")),
            MetadataMatch(truth: MetadataTruth(), metadata: nil),
        ]
        let accuracy = MetadataAccuracy(matches)
        #expect(accuracy.title.matched == 1 && accuracy.title.pages == 2 && accuracy.title.accuracy == 0.5)
        #expect(accuracy.published.pages == 1 && accuracy.published.accuracy == 0)
        #expect(accuracy.authors.pages == 0 && accuracy.authors.accuracy == nil)
    }
}
