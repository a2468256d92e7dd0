import Foundation
import Testing
@testable import Winnow

/// Pages stored gzip-compressed: told by their first bytes, inflated whole
/// (every member), bounded by the page limit once inflated, and damage
/// reported as the batch reader's kinds.
struct GzippedPageTests {
    static let page = "<!DOCTYPE html><html><body><p>Stored compressed.</p></body></html>"

    @Test func plainBytesPassUnchanged() throws {
        let bytes = Array(Self.page.utf8)
        #expect(!GzippedPage.isGzipped(bytes))
        #expect(try GzippedPage.inflatedIfGzipped(bytes, name: "p.html", limit: 1 << 20) == bytes)
        // Two bytes of the magic are not enough: the method byte must follow.
        #expect(!GzippedPage.isGzipped([0x1F, 0x8B]))
        #expect(!GzippedPage.isGzipped([UInt8]()))
    }

    @Test func gzipIsToldByItsBytesAndInflatedWhole() throws {
        // Two members, as a crawler that appends to a file writes them.
        let half = Self.page.count / 2
        let stored = RecordTestSupport.gzipMember(String(Self.page.prefix(half)))
            + RecordTestSupport.gzipMember(String(Self.page.dropFirst(half)))
        #expect(GzippedPage.isGzipped(stored))
        #expect(try GzippedPage.inflatedIfGzipped(stored, name: "p.html.gz", limit: 1 << 20) == Array(Self.page.utf8))
    }

    @Test func theLimitCountsInflatedBytes() {
        // 1 MB of spaces compresses to about a kilobyte: the limit is of
        // what the page is, not of what was stored.
        let stored = RecordTestSupport.gzipMember(String(repeating: " ", count: 1_000_000))
        #expect(stored.count < 10_000)
        #expect(throws: InputError.self) { try GzippedPage.inflatedIfGzipped(stored, name: "bomb.html.gz", limit: 100_000) }
        do {
            _ = try GzippedPage.inflatedIfGzipped(stored, name: "bomb.html.gz", limit: 100_000)
        } catch {
            #expect(error.kind == "too-large")
            #expect(error.message.hasPrefix("bomb.html.gz: page too large"))
        }
    }

    @Test(arguments: [("truncated", "gzip-truncated"), ("corrupt", "gzip-corrupt")])
    func damageIsAnInputError(_ damage: String, _ kind: String) {
        var stored = RecordTestSupport.gzipMember(String(repeating: Self.page, count: 20))
        if damage == "truncated" {
            stored = Array(stored.prefix(stored.count / 2))
        } else {
            // A byte of the header's flags set to reserved bits: zlib refuses it.
            stored[3] = 0xE0
        }
        do {
            _ = try GzippedPage.inflatedIfGzipped(stored, name: "bad.html.gz", limit: 1 << 20)
            Issue.record("damaged gzip data was inflated")
        } catch {
            #expect(error.kind == kind)
            #expect(error.message.hasPrefix("bad.html.gz: "))
        }
    }
}
