import Foundation
import Testing
@testable import Winnow

/// JSON Lines records: pages, members passed through as written, and a
/// failure for each bad line while the lines after it are read.
struct JSONLinesSourceTests {
    static func items(_ text: String, fields: JSONLinesFields = JSONLinesFields(), limit: Int = 1 << 20) -> [InputItem] {
        RecordTestSupport.items(of: JSONLinesSource(MemoryStream(Array(text.utf8), chunk: 7), name: "in.jsonl", fields: fields, maximumBytes: limit))
    }

    @Test func pagesWithPassthroughMembers() throws {
        let text = """
            {"id": 7, "url": "http://a.example/x", "html": "<p>caf\\u00e9 \\ud83d\\ude00 \\"q\\"</p>", "meta": {"k": [1, 2.5e3, null]}}
            {"html":"<p>second</p>","url":null}

            """
        let items = JSONLinesSourceTests.items(text)
        let pages = items.compactMap(\.page)
        #expect(pages.count == 2)
        #expect(String(decoding: pages[0].bytes, as: UTF8.self) == "<p>café 😀 \"q\"</p>")
        #expect(pages[0].url == "http://a.example/x")
        #expect(pages[0].provenance.line == 1)
        #expect(pages[0].provenance.targetURI == "http://a.example/x")
        #expect(pages[0].provenance.passthrough?.map(\.key) == ["id", "meta"])
        #expect(pages[0].provenance.passthrough?.map(\.json) == ["7", "{\"k\": [1, 2.5e3, null]}"])
        #expect(pages[1].url == nil)
        #expect(pages[1].provenance.line == 2)
        #expect(pages[1].provenance.passthrough?.isEmpty == true)
    }

    @Test func badLinesAreFailuresAndTheRestIsRead() {
        let text = """
            not json
            {"url": "http://a.example/"}
            [1, 2]
            {"html": 5}
            {"html": "<p>ok</p>"} trailing
            {"html": "<p>last</p>"}
            """
        let items = JSONLinesSourceTests.items(text)
        #expect(items.compactMap(\.failure).map(\.error.kind) == ["bad-json", "missing-field", "bad-json", "bad-field", "bad-json"])
        #expect(items.compactMap(\.failure).map(\.provenance.line) == [1, 2, 3, 4, 5])
        #expect(items.compactMap(\.page).map(\.provenance.line) == [6])
        #expect(items.compactMap(\.failure).first?.error.message.hasPrefix("in.jsonl:1: not a JSON object") == true)
    }

    @Test func blankLinesAreSkippedAndCounted() {
        let items = JSONLinesSourceTests.items("\n{\"html\":\"<p>a</p>\"}\r\n  \n")
        #expect(items.compactMap(\.skipReason) == ["empty-line", "empty-line"])
        #expect(items.compactMap(\.page).map(\.provenance.line) == [2])
    }

    @Test func configurableFieldNames() {
        let items = JSONLinesSourceTests.items(
            "{\"link\": \"http://b.example/\", \"body\": \"<p>x</p>\", \"html\": \"kept\"}\n",
            fields: JSONLinesFields(url: "link", html: "body"))
        let page = items.compactMap(\.page).first
        #expect(page?.url == "http://b.example/")
        #expect(page?.provenance.passthrough?.map(\.key) == ["html"])
    }

    @Test func pageOverTheLimit() {
        let big = String(repeating: "x", count: 300)
        let items = JSONLinesSourceTests.items("{\"html\": \"\(big)\"}\n{\"html\": \"<p>small</p>\"}\n", limit: 100)
        #expect(items.compactMap(\.failure).map(\.error.kind) == ["too-large"])
        #expect(items.compactMap(\.page).count == 1)
    }

    @Test func scannerRejectsBrokenJSON() {
        for text in ["{", "{\"a\" 1}", "{\"a\": tru}", "{\"a\": 01}", "{\"a\": \"\\x\"}", "{\"a\": [1,]}", "{} {}", "{\"a\": -}"] {
            #expect(throws: JSONObjectScanner.SyntaxError.self, "\(text)") {
                try JSONObjectScanner.members(of: Array(text.utf8))
            }
        }
        #expect((try? JSONObjectScanner.members(of: Array(" {\"a\": {\"b\": [true, false, null, -1.5E-3, \"s\"]}} ".utf8)))?.map(\.key) == ["a"])
    }

    // MARK: - Damaged gzip members

    static func gzipItems(_ members: [[UInt8]]) -> [InputItem] {
        let stream = GzipStream(MemoryStream(members.flatMap { $0 }, chunk: 5), name: "in.jsonl.gz")
        return RecordTestSupport.items(of: JSONLinesSource(stream, name: "in.jsonl.gz", maximumBytes: 1 << 20))
    }

    static func lines(_ range: ClosedRange<Int>) -> String {
        range.map { "{\"html\": \"<p>line \($0)</p>\"}\n" }.joined()
    }

    /// Damage only the CRC catches is found between two lines: it is
    /// reported at its offset, with no line number, and the lines after it
    /// keep theirs.
    @Test func damageBetweenLinesKeepsTheLineNumbers() throws {
        var members = [1...2, 3...4, 5...6].map { RecordTestSupport.gzipMember(JSONLinesSourceTests.lines($0)) }
        members[1][members[1].count - 8] ^= 0x01
        let items = JSONLinesSourceTests.gzipItems(members)
        #expect(items.compactMap(\.page).map(\.provenance.line) == [1, 2, 3, 4, 5, 6])
        let failure = try #require(items.compactMap(\.failure).first)
        #expect(items.compactMap(\.failure).count == 1)
        #expect(failure.error.kind == "gzip-corrupt")
        #expect(failure.provenance.line == nil)
        #expect(failure.provenance.offset == JSONLinesSourceTests.lines(1...4).utf8.count)
    }

    /// Damage inside a line fails that line; the next member's lines are
    /// read whole (the damaged line's bytes never run into them).
    @Test func damageInsideALineFailsThatLine() throws {
        var members = [1...2, 3...4, 5...6].map { RecordTestSupport.gzipMember(JSONLinesSourceTests.lines($0)) }
        members[1].removeLast(12)
        let items = JSONLinesSourceTests.gzipItems(members)
        let pages = items.compactMap(\.page)
        #expect(pages.map { String(decoding: $0.bytes, as: UTF8.self) }.suffix(2) == ["<p>line 5</p>", "<p>line 6</p>"])
        let keys = items.compactMap(\.provenance?.resumeKey)
        #expect(Set(keys).count == keys.count)
        #expect(items.compactMap(\.failure).map(\.error.kind).allSatisfy { $0.hasPrefix("gzip-") })
    }
}
