import Foundation
import Testing
@testable import Winnow

/// `CommentCount.isAnnouncement` with its byte paths (one pass for the
/// announcement words, ASCII labels compared as bytes, labels past ASCII
/// turned away by their ASCII letters) decides as Foundation's
/// lower-casing and trimming did, on hand-picked and seeded random
/// headings: labels dressed in punctuation and spaces of every kind,
/// curly quotes, CR LF, the Kelvin sign, dotted İ, combining accents,
/// headings just over and under 200 Characters.
@Suite struct CommentCountEquivalenceTests {
    static let fragments = [
        "", " ", "  ", "\t", "\r\n", "\n", "\u{00A0}", "\u{3000}", "\u{2028}", "\u{200B}", "Comments", "comments", "COMMENTS", "Comment",
        "Responses", "Replies", "REPLIES", "Discussion", "Reactions", "Reader Comments", "Readers' Comments", "Reader's Comments",
        "Reader’s Comments", "User comments", "Your Comments", "What readers say", "What people are saying", "what people", "opinions",
        "4 thoughts on", "12", "1,234", "(7)", "no", "No", ":", "(", ")", "“", "”", "—", "–", "…", "«", "»", "¿", "¡", "·", "\u{0387}", "!",
        "?", "'", "’", "-", "_", "$", "+", "|", "~", "`", "^", "#", "*", "\u{212A}", "İ", "ı", "é", "e\u{301}", "\u{301}", "ß", "Σ",
        "ΟΔΟΣ", "ſ", "x", "b", "Leave a reply", "the", "on", "COMMENTS\u{0301}", "comme\u{212A}", "中文", "👍🏽", "\u{0600}",
        String(repeating: "a", count: 190), String(repeating: "Ünï", count: 70), String(repeating: "comment ", count: 30),
    ]

    static var headings: [String] {
        var generator = SplitMix64(seed: 0xA770)
        var headings = fragments + [
            "— Comments —", "“Comments”", "Comments:", "\u{00A0}Comments\u{00A0}", "Comments\u{3000}", "Comments\u{2028}", "Comments\u{200B}",
            "¡Comments!", "comments\u{0301}", "Comments…", "…Discussion…", "\t\tReplies\t", "Readers’ Comments", "What readers say?",
            "4 thoughts on “Ünïcödé”", "12 Comments", "Responses (7)", "Comments: 3", "\u{00A0}12 Comments", " no comments",
            String(repeating: "x", count: 199) + "Comments", String(repeating: "x", count: 201) + "Comments",
            String(repeating: "é", count: 150) + " comments", String(repeating: "é", count: 300) + " comments",
            String(repeating: "x", count: 201) + "\r\n comments", "\r\n" + String(repeating: "x", count: 300) + " comments",
        ]
        for _ in 0..<4_000 {
            headings.append((0..<Int.random(in: 1...6, using: &generator)).map { _ in fragments.randomElement(using: &generator)! }.joined())
        }
        return headings
    }

    @Test func decidesAsBefore() {
        var announcements = 0
        for heading in Self.headings {
            let expected = Original.isAnnouncement(heading)
            #expect(CommentCount.isAnnouncement(heading) == expected, "\(heading.debugDescription)")
            if expected { announcements += 1 }
        }
        #expect(announcements > 300)
    }

    @Test func labelsAreFoundAsBefore() {
        var labels = 0
        for heading in Self.headings {
            let expected = Original.labels.contains(heading.lowercased().trimmingCharacters(in: Original.labelTrimmed))
            #expect(CommentCount.isLabel(heading) == expected, "\(heading.debugDescription)")
            if expected { labels += 1 }
        }
        #expect(labels > 100)
    }

    @Test func announcementWordsAreFoundAsBefore() {
        for heading in Self.headings {
            let expected = Original.announcementWords.contains(where: { Text.containsBytes(heading, $0, ignoringASCIICase: true) })
            #expect(CommentCount.mentionsAnnouncementWord(heading) == expected, "\(heading.debugDescription)")
        }
    }

    /// The ASCII path trims the lower-cased bytes as it trims the bytes:
    /// lower-casing changes no ASCII byte's place in the trimmed set.
    @Test func lowerCasingKeepsWhatIsTrimmed() {
        for byte in UInt8(0x41)...0x5A {
            #expect(
                Original.labelTrimmed.contains(Unicode.Scalar(byte)) == Original.labelTrimmed.contains(Unicode.Scalar(byte | 0x20)))
        }
    }

    /// `CommentCount.isAnnouncement` as it was before its byte paths.
    enum Original {
        static let maximumHeadingChars = 200
        static let labels: Set<String> = [
            "comments", "responses", "replies", "discussion", "reader comments", "readers' comments",
            "reader's comments", "user comments", "your comments", "reactions", "what readers say", "what people are saying",
        ]

        static func isAnnouncement(_ heading: String) -> Bool {
            guard !heading.isEmpty, heading.utf8.count <= maximumHeadingChars * 4, Text.hasAtMost(maximumHeadingChars, charactersIn: heading),
                announcementWords.contains(where: { Text.containsBytes(heading, $0, ignoringASCIICase: true) })
            else { return false }
            if CommentCount.number(in: heading) != nil { return true }
            let label = heading.lowercased().trimmingCharacters(in: labelTrimmed)
            return labels.contains(label)
        }

        static let announcementWords = [
            "comment", "respon", "repl", "thought", "reaction", "opinion", "discussion", "what readers", "what people",
        ]
        static let labelTrimmed = CharacterSet.punctuationCharacters.union(.whitespaces)
    }
}
