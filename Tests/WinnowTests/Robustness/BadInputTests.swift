import Foundation
import Testing
@testable import Winnow

/// Hostile and broken input: each case gets a clear error or a best-effort
/// article, never a crash or a hang.
@Suite struct BadInputTests {
    static let paragraph = "A paragraph of ordinary article prose, long enough to count, with commas, clauses, and a full stop."

    static func article(paragraphs: Int) -> String {
        "<article>" + String(repeating: "<p>\(paragraph)</p>\n", count: paragraphs) + "</article>"
    }

    @Test func emptyInputIsAClearError() {
        #expect(throws: CleanerError.emptyInput) { try TestSupport.clean("") }
    }

    @Test func pngRenamedToHTMLIsRefused() throws {
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]
        png += Array(repeating: 0x00, count: 500)
        #expect {
            try Cleaner().clean(bytes: png)
        } throws: { error in
            guard case CleanerError.notHTML(let reason) = error else { return false }
            return reason.contains("PNG")
        }
    }

    /// Random bytes are refused as binary, every time: 500 buffers from a
    /// seeded generator, so a failure names a reproducible buffer. Buffers
    /// that open with a UTF-16 byte-order mark are text by declaration and
    /// get a best-effort article instead; the seed yields none.
    @Test func randomBinaryIsRefused() throws {
        var generator = SplitMix64(seed: 0x5EED)
        let cleaner = try Cleaner()
        for sample in 0..<500 {
            let noise = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
            #expect(!noise.starts(with: [0xFF, 0xFE]) && !noise.starts(with: [0xFE, 0xFF]))
            #expect(throws: CleanerError.self, "sample \(sample)") { try cleaner.clean(bytes: noise) }
        }
    }

    @Test func deeplyNestedDivsDoNotOverflowTheStack() throws {
        let depth = 100_000
        let html = "<html><body>" + String(repeating: "<div>", count: depth) + "<p>\(BadInputTests.paragraph)</p>"
            + String(repeating: "</div>", count: depth) + "</body></html>"
        let article = try TestSupport.clean(html)
        #expect(article.text.contains("ordinary article prose"))
    }

    @Test func invalidUTF8IsRepairedNotDropped() throws {
        var bytes = Array("<html><body>\(BadInputTests.article(paragraphs: 3))<p>caf".utf8)
        bytes += [0xE9, 0xFF, 0xC3]
        bytes += Array(" au lait and more words to make it a paragraph of its own, surely.</p></body></html>".utf8)
        let article = try Cleaner().clean(bytes: bytes)
        #expect(String(validating: article.text.utf8, as: UTF8.self) != nil)
        #expect(article.text.contains("ordinary article prose"))
    }

    @Test func nulByteMidPageDoesNotTruncate() throws {
        var bytes = Array("<html><body><article><p>\(BadInputTests.paragraph)</p>".utf8)
        bytes.append(0)
        bytes += Array("<p>After the NUL byte, \(BadInputTests.paragraph)</p></article></body></html>".utf8)
        let article = try Cleaner().clean(bytes: bytes)
        #expect(article.text.contains("After the NUL byte"))
        #expect(!article.text.unicodeScalars.contains("\u{0}"))
    }

    @Test func pageWithoutBodyGivesBestEffort() throws {
        let article = try TestSupport.clean("<html><head><title>Only a head</title></head></html>")
        #expect(article.metadata.title == "Only a head")
        #expect(article.text.isEmpty)
        let bare = try TestSupport.clean("Just some text, no markup at all, but a reader would still want it.")
        #expect(bare.text.contains("Just some text"))
    }

    @Test func truncatedPageKeepsWhatArrived() throws {
        let html = "<html><body>\(BadInputTests.article(paragraphs: 4))".dropLast(40)
        let article = try TestSupport.clean(String(html))
        #expect(article.text.contains("ordinary article prose"))
    }

    @Test func pageOverTheLimitIsAClearError() throws {
        let cleaner = try Cleaner(options: CleanerOptions(maximumBytes: 1000))
        #expect(throws: CleanerError.tooLarge(bytes: 2000, limit: 1000)) {
            try cleaner.clean(bytes: Array(repeating: UInt8(ascii: "a"), count: 2000))
        }
    }

    /// A page whose only prose sits in frame elements, many times over
    /// (5 000 menu blocks of four paragraphs each, 2.2 MB): the second
    /// cleaning spares them all at once, in linear time, and the page comes
    /// out whole. Blocks of one short paragraph each would not be spared:
    /// no single one holds twice a paragraph's worth of text, and sparing
    /// that little would bring cookie notices back on empty pages.
    @Test func manyFrameBlocksOfProseAreSparedTogether() throws {
        let block = "<div class=\"menu\">" + String(repeating: "<p>\(BadInputTests.paragraph)</p>", count: 4) + "</div>\n"
        let html = "<html><body>" + String(repeating: block, count: 5_000) + "</body></html>"
        let article = try TestSupport.clean(html, explain: false)
        #expect(article.text.contains("ordinary article prose"))
        #expect(article.blocks.count > 10_000)
    }

    /// Over the default page limit (20 MB) a caller may raise it: a 50 MB
    /// page is then cleaned whole.
    @Test func fiftyMegabytePageIsCleaned() throws {
        let unit = "<div class=\"post\"><h2>Section</h2><p>\(BadInputTests.paragraph)</p><ul><li><a href=\"/x\">link</a></li></ul></div>\n"
        let count = 50_000_000 / unit.utf8.count
        let html = "<html><body><article>" + String(repeating: unit, count: count) + "</article></body></html>"
        let cleaner = try Cleaner(options: CleanerOptions(maximumBytes: 64_000_000))
        let article = try cleaner.clean(bytes: Array(html.utf8))
        #expect(article.text.contains("ordinary article prose"))
    }
}
