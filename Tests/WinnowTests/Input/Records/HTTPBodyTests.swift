import Foundation
import Testing
@testable import Winnow

/// What a WARC response block holds: the HTTP head, chunked framing,
/// compressed bodies.
struct HTTPBodyTests {
    @Test func chunkedBodyIsJoined() throws {
        let body = Array("5\r\nHello\r\n7;ext=1\r\n, world\r\n0\r\nX-Trailer: t\r\n\r\n".utf8)
        let decoded = try ChunkedBody.decode(body[...], limit: 100).get()
        #expect(String(decoding: decoded, as: UTF8.self) == "Hello, world")
    }

    @Test func chunkedBodyWithBareLineFeeds() throws {
        let body = Array("3\nabc\n2\nde\n0\n\n".utf8)
        #expect(try ChunkedBody.decode(body[...], limit: 100).get() == Array("abcde".utf8))
    }

    @Test func chunkedBodyFailures() {
        let cases: [(String, String)] = [
            ("zz\r\nabc\r\n0\r\n\r\n", "bad chunk size line"),
            ("10\r\nabc", "runs past the end of the body"),
            ("3\r\nabc\r\n", "ends before its last chunk"),
        ]
        for (text, reason) in cases {
            guard case .failure(let error) = ChunkedBody.decode(Array(text.utf8)[...], limit: 100) else {
                Issue.record("\(text.debugDescription) decoded")
                continue
            }
            #expect(error.kind == "http-chunked")
            #expect(error.message.contains(reason), "\(error.message)")
        }
        guard case .failure(let error) = ChunkedBody.decode(Array("5\r\nHello\r\n0\r\n\r\n".utf8)[...], limit: 4) else {
            Issue.record("over the limit decoded")
            return
        }
        #expect(error.kind == "too-large")
    }

    @Test func contentEncodings() throws {
        let text = String(repeating: "<p>compressed page</p>", count: 50)
        let gzip = RecordTestSupport.gzipMember(text)
        #expect(try ContentDecoding.decode(gzip, codings: ["gzip"], limit: 1 << 20).get() == Array(text.utf8))
        #expect(try ContentDecoding.decode(gzip, codings: ["x-gzip"], limit: 1 << 20).get() == Array(text.utf8))
        guard case .failure(let tooLarge) = ContentDecoding.decode(gzip, codings: ["gzip"], limit: 100) else {
            Issue.record("a decompression past the limit was accepted")
            return
        }
        #expect(tooLarge.kind == "too-large")
        guard case .failure(let unsupported) = ContentDecoding.decode(gzip, codings: ["br"], limit: 1 << 20) else {
            Issue.record("brotli was accepted")
            return
        }
        #expect(unsupported.kind == "unsupported-encoding")
        guard case .failure(let damaged) = ContentDecoding.decode(Array(gzip.prefix(30)), codings: ["gzip"], limit: 1 << 20)
        else {
            Issue.record("a cut gzip body was accepted")
            return
        }
        #expect(damaged.kind == "http-encoding")
    }

    @Test func responseHead() throws {
        let block = Array(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html;\r\n charset=\"Shift_JIS\"\r\nContent-Encoding: gzip, identity\r\n\r\nbody".utf8)
        let head = try HTTPResponseHead.parse(block).get()
        #expect(head.status == 200)
        #expect(head.mediaType == "text/html")
        #expect(head.charset == "Shift_JIS")
        #expect(head.codings("content-encoding") == ["gzip"])
        #expect(Array(block[head.bodyStart...]) == Array("body".utf8))
        #expect(throws: InputError.self) { try HTTPResponseHead.parse(Array("GET / HTTP/1.1\r\n\r\n".utf8)).get() }
        #expect(throws: InputError.self) { try HTTPResponseHead.parse(Array("HTTP/1.1 200 OK\r\nA: b".utf8)).get() }
    }
}
