import Foundation
import Testing
@testable import Winnow

/// The WARC reader over archives written by warcio: which records become
/// pages, which are skipped and why, and how each kind of damage becomes
/// one failure while the records after it are still read.
struct WARCSourceTests {
    /// The pages of `pages.warc` in order (see make_test_inputs.py).
    static let pageURIs = [
        "http://example.com/plain", "http://example.com/latin1", "http://example.com/chunked",
        "http://example.com/gzipped", "http://example.com/deflated", "http://example.com/last",
    ]
    static let skipReasons = ["warc-type-warcinfo", "warc-type-request", "not-html", "http-status-404", "warc-type-metadata"]

    /// The record ids of the response records, read off the plain file's
    /// text, independently of the reader.
    static func responseIDs(_ name: String) throws -> [String: String] {
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: RecordTestSupport.inputFile(name))), as: UTF8.self)
        var ids: [String: String] = [:]
        for header in text.components(separatedBy: "WARC/1.1\r\n").dropFirst() {
            let lines = header.components(separatedBy: "\r\n")
            func value(_ name: String) -> String? {
                lines.first { $0.hasPrefix(name + ": ") }.map { String($0.dropFirst(name.count + 2)) }
            }
            if value("WARC-Type") == "response", let uri = value("WARC-Target-URI"), let id = value("WARC-Record-ID") {
                ids[uri] = id
            }
        }
        return ids
    }

    @Test(arguments: ["pages.warc", "pages.warc.gz"])
    func goodArchive(_ name: String) throws {
        let items = try RecordTestSupport.warcItems(name)
        let pages = items.compactMap(\.page)
        #expect(pages.map(\.url) == WARCSourceTests.pageURIs)
        #expect(items.compactMap(\.skipReason) == WARCSourceTests.skipReasons)
        #expect(items.compactMap(\.failure).isEmpty)
        for page in pages {
            #expect(page.provenance.input == RecordTestSupport.inputFile(name))
            #expect(page.provenance.warcRecordID?.hasPrefix("<urn:uuid:") == true)
            #expect(page.provenance.warcDate?.hasSuffix("Z") == true)
            #expect(page.provenance.targetURI == page.url)
            #expect(page.provenance.offset != nil)
            #expect(page.provenance.line == nil)
            // Chunked framing and gzip/deflate content encoding are undone.
            let text = String(decoding: page.bytes, as: UTF8.self)
            #expect(text.hasPrefix("<!DOCTYPE html>"), "\(page.url ?? "")")
            #expect(text.hasSuffix("</html>"), "\(page.url ?? "")")
        }
        if name == "pages.warc" {
            let ids = try WARCSourceTests.responseIDs(name)
            for page in pages { #expect(page.provenance.warcRecordID == ids[page.url!]) }
        }
        // The HTTP charset is passed on as a hint; the bytes are Latin-1.
        let latin = try #require(pages.first { $0.url == "http://example.com/latin1" })
        #expect(latin.charset == "ISO-8859-1")
        #expect(latin.bytes.contains(0xE9))
        #expect(pages.first?.charset == "utf-8")
    }

    /// Plain and gzip archives give records at the same offsets (offsets
    /// count decompressed bytes).
    @Test func offsetsAreTheSameCompressedOrNot() throws {
        let plain = try RecordTestSupport.warcItems("pages.warc").compactMap(\.page).map(\.provenance.offset)
        let packed = try RecordTestSupport.warcItems("pages.warc.gz").compactMap(\.page).map(\.provenance.offset)
        #expect(plain == packed)
        #expect(plain.first == 747)
    }

    @Test func truncatedLastRecord() throws {
        let items = try RecordTestSupport.warcItems("truncated-last.warc")
        #expect(items.compactMap(\.page).map(\.url) == Array(WARCSourceTests.pageURIs.dropLast()))
        let failures = items.compactMap(\.failure)
        #expect(failures.map(\.error.kind) == ["warc-truncated"])
        #expect(failures.first?.provenance.targetURI == "http://example.com/last")
        #expect(failures.first?.error.message.contains("is truncated: the file ends after") == true)
    }

    @Test func truncatedGzip() throws {
        let items = try RecordTestSupport.warcItems("truncated-last.warc.gz")
        #expect(items.compactMap(\.page).map(\.url) == Array(WARCSourceTests.pageURIs.dropLast()))
        let failures = items.compactMap(\.failure)
        #expect(failures.map(\.error.kind) == ["gzip-truncated"])
        #expect(failures.first?.error.message.contains("truncated file") == true)
    }

    @Test(arguments: [("garbage.warc", "warc-garbage"), ("garbage.warc.gz", "gzip-corrupt")])
    func garbageBetweenRecords(_ name: String, _ kind: String) throws {
        let items = try RecordTestSupport.warcItems(name)
        // Every page is still read; the garbage is one failure, in place.
        #expect(items.compactMap(\.page).map(\.url) == WARCSourceTests.pageURIs)
        let failures = items.compactMap(\.failure)
        #expect(failures.map(\.error.kind) == [kind])
        let failureIndex = try #require(items.firstIndex { $0.failure != nil })
        let pageBefore = items[..<failureIndex].compactMap(\.page).last
        #expect(pageBefore?.url == "http://example.com/plain")
        #expect(failures.first?.provenance.warcRecordID == nil)
    }

    /// Too long on the plain page (its block swallows the next record's
    /// start: that record is found and read), too short on the chunked page
    /// (the reader resynchronizes at the next record).
    @Test func wrongContentLength() throws {
        let items = try RecordTestSupport.warcItems("wrong-length.warc")
        let failures = items.compactMap(\.failure)
        #expect(failures.map(\.error.kind) == ["warc-content-length", "warc-content-length"])
        #expect(failures.map(\.provenance.targetURI) == ["http://example.com/plain", "http://example.com/chunked"])
        #expect(
            items.compactMap(\.page).map(\.url) == WARCSourceTests.pageURIs.filter { !$0.hasSuffix("plain") && !$0.hasSuffix("chunked") })
        #expect(items.compactMap(\.skipReason) == WARCSourceTests.skipReasons)
    }

    @Test func headerWithoutContentLength() throws {
        let items = try RecordTestSupport.warcItems("no-length.warc")
        let failures = items.compactMap(\.failure)
        #expect(failures.map(\.error.kind) == ["warc-bad-header"])
        #expect(failures.first?.provenance.targetURI == "http://example.com/latin1")
        #expect(failures.first?.error.message.contains("has no Content-Length") == true)
        #expect(items.compactMap(\.page).map(\.url) == WARCSourceTests.pageURIs.filter { !$0.hasSuffix("latin1") })
    }

    /// A page over the limit is a failure; its bytes are skipped, not held.
    @Test func pageOverTheLimit() throws {
        let path = RecordTestSupport.inputFile("pages.warc")
        let items = RecordTestSupport.items(of: WARCSource(try FileStream(path: path), name: path, maximumBytes: 600))
        let tooLarge = items.compactMap(\.failure).filter { $0.error.kind == "too-large" }
        #expect(!tooLarge.isEmpty)
        #expect(items.compactMap(\.skipReason) == WARCSourceTests.skipReasons)
        #expect(items.compactMap(\.page).count + tooLarge.count == WARCSourceTests.pageURIs.count)
    }

    @Test func emptyInputHasNoRecords() {
        #expect(RecordTestSupport.items(of: WARCSource(MemoryStream([], chunk: 7), name: "empty.warc", maximumBytes: 100)).isEmpty)
    }
}
