import Testing
@testable import Winnow

struct ByteReaderTests {
    @Test func linesCountsSkipsAndUnread() throws {
        let reader = ByteReader(MemoryStream(Array("one\r\ntwo\nthree-is-long\nfour".utf8), chunk: 3), chunkSize: 4)
        #expect(try reader.readLine(limit: 10).map(lineText) == "one\r")
        #expect(reader.offset == 5)
        #expect(try reader.read(count: 2) == Array("tw".utf8))
        #expect(try reader.readLine(limit: 10).map(lineText) == "o")
        guard case .tooLong(let length)? = try reader.readLine(limit: 5) else {
            Issue.record("a long line was returned")
            return
        }
        #expect(length == 13)
        reader.unread(Array("re-".utf8))
        #expect(try reader.readLine(limit: 10).map(lineText) == "re-four")
        #expect(try reader.readLine(limit: 10) == nil)
        #expect(try reader.atEnd())
    }

    @Test func skipToLineStart() throws {
        let reader = ByteReader(MemoryStream(Array("junk WARC/1.0 not here\nmore\nWARC/1.0\r\nrest".utf8), chunk: 7))
        let skipped = try reader.skip(toLineStarting: Array("WARC/1.".utf8))
        #expect(skipped == 28)
        #expect(try reader.peek(count: 8) == Array("WARC/1.0".utf8))
    }

    private func lineText(_ line: ByteReader.Line) -> String {
        if case .line(let bytes) = line { return String(decoding: bytes, as: UTF8.self) }
        return "<too long>"
    }
}

extension ByteReader.Line: Equatable {
    public static func == (lhs: ByteReader.Line, rhs: ByteReader.Line) -> Bool {
        switch (lhs, rhs) {
        case (.line(let a), .line(let b)): return a == b
        case (.tooLong(let a), .tooLong(let b)): return a == b
        default: return false
        }
    }
}

/// The path part of `--resume` keys: one spelling a file.
struct ResumeKeyPathTests {
    @Test(arguments: [
        ("pages.jsonl", "/data/pages.jsonl"), ("./pages.jsonl", "/data/pages.jsonl"), (".//pages.jsonl", "/data/pages.jsonl"),
        ("sub/../pages.jsonl", "/data/pages.jsonl"), ("/data/pages.jsonl", "/data/pages.jsonl"),
        ("/data/./x/../pages.jsonl", "/data/pages.jsonl"), ("../up.jsonl", "/up.jsonl"), ("<stdin>", "<stdin>"),
    ])
    func normalizes(path: String, expected: String) {
        #expect(ResumeKey.normalizedPath(path, workingDirectory: "/data") == expected)
    }
}
