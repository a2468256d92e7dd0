import Foundation
import Testing
@testable import Winnow

/// The byte-level cue searches of `VisibleDates` (`CueText`) find in
/// ASCII text what Foundation's search finds.
struct VisibleDatesCueTests {
    static let cues = VisibleDates.publicationCues + VisibleDates.updateCues + VisibleDates.excludingCues

    /// Random ASCII made of the cues' pieces, letters, digits and
    /// punctuation, control characters included.
    @Test func asciiSearchesAgreeWithFoundation() {
        var generator = SplitMix64(seed: 20261207)
        let pieces = Self.cues + ["on", "by", "posted", "ton", "bypass", "update", "(c)", "-", " ", "\t", "\r\n", ",", "x", "9", "_"]
        for _ in 0..<3000 {
            let count = Int(generator.next() % 6)
            var text = (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            // ASCII only: cues past ASCII are looked for, never found.
            text = String(decoding: text.utf8.filter { $0 < 0x80 }, as: UTF8.self)
            let searched = CueText(text)
            #expect(searched.isASCII)
            for cue in Self.cues {
                #expect(searched.contains(cue) == text.contains(cue), "\(cue) in \(String(reflecting: text))")
                #expect(searched.containsWord(cue) == VisibleDates.containsWord(cue, in: text), "\(cue) in \(String(reflecting: text))")
            }
        }
    }

    @Test func wordsStandAlone() {
        #expect(CueText("posted on").containsWord("on"))
        #expect(!CueText("button").containsWord("on"))
        #expect(CueText("by-line").containsWord("by"))
        #expect(CueText("publié le").containsWord("publié"))
        #expect(!CueText("publié le").isASCII)
    }
}
