import Foundation
import Testing
@testable import Winnow

/// The gzip reader: member after member, never only the first; damage
/// reported once and survived.
struct GzipStreamTests {
    @Test func readsEveryMember() {
        let members = ["first member\n", "second member\n", "third\n"].map(RecordTestSupport.gzipMember)
        let stream = GzipStream(MemoryStream(members.flatMap { $0 }, chunk: 7), name: "three.gz")
        let (bytes, errors) = RecordTestSupport.drain(stream)
        #expect(String(decoding: bytes, as: UTF8.self) == "first member\nsecond member\nthird\n")
        #expect(errors.isEmpty)
        #expect(stream.membersCompleted == 3)
        #expect(stream.lastMemberEnd.compressed == members.map(\.count).reduce(0, +))
        #expect(stream.lastMemberEnd.decompressed == bytes.count)
    }

    /// warcio writes one member per record: all eleven records' bytes come
    /// out, and they are the plain archive's bytes (written from the same
    /// records, apart from ids and dates, so only the record count and
    /// layout are compared).
    @Test func readsWarcioMultiMemberArchive() throws {
        let path = RecordTestSupport.inputFile("pages.warc.gz")
        let stream = GzipStream(try FileStream(path: path), name: path)
        let (bytes, errors) = RecordTestSupport.drain(stream)
        #expect(errors.isEmpty)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.components(separatedBy: "\r\n\r\nWARC/1.1\r\n").count == 11)
        #expect(stream.membersCompleted == 11)
        let plain = try Data(contentsOf: URL(fileURLWithPath: RecordTestSupport.inputFile("pages.warc")))
        #expect(bytes.count == plain.count)
    }

    @Test func truncatedMemberIsReportedAfterTheGoodOnes() {
        let good = RecordTestSupport.gzipMember("whole member\n")
        let cut = Array(RecordTestSupport.gzipMember(String(repeating: "lost text ", count: 50)).prefix(20))
        let (bytes, errors) = RecordTestSupport.drain(GzipStream(MemoryStream(good + cut, chunk: 7), name: "cut.gz"))
        #expect(String(decoding: bytes, as: UTF8.self).hasPrefix("whole member\n"))
        #expect(errors.map(\.kind) == ["gzip-truncated"])
        #expect(errors.first?.message.contains("cut.gz: gzip data ends inside a member") == true)
    }

    @Test func garbageBetweenMembersIsSkippedToTheNextMember() {
        let garbage = Array("JUNK BETWEEN MEMBERS".utf8)
        let input = RecordTestSupport.gzipMember("before\n") + garbage + RecordTestSupport.gzipMember("after\n")
        let (bytes, errors) = RecordTestSupport.drain(GzipStream(MemoryStream(input, chunk: 7), name: "junk.gz"))
        #expect(String(decoding: bytes, as: UTF8.self) == "before\nafter\n")
        #expect(errors.map(\.kind) == ["gzip-corrupt"])
        #expect(errors.first?.message.contains("skipped \(garbage.count) bytes to the next gzip member") == true)
    }

    @Test func notGzipAtAllIsOneErrorToTheEnd() {
        let (bytes, errors) = RecordTestSupport.drain(GzipStream(MemoryStream(Array("plain text".utf8), chunk: 7), name: "x.gz"))
        #expect(bytes.isEmpty)
        #expect(errors.map(\.kind) == ["gzip-corrupt"])
        #expect(errors.first?.message.contains("to the end of the file") == true)
    }

    @Test func emptyInputIsEmptyOutput() {
        let (bytes, errors) = RecordTestSupport.drain(GzipStream(MemoryStream([], chunk: 7), name: "empty.gz"))
        #expect(bytes.isEmpty)
        #expect(errors.isEmpty)
    }

    /// The header search (memchr, then the two bytes after) against the
    /// byte-by-byte loop it replaced, over random bytes thick with 1f, 8b
    /// and 08 and every start, limits near it and near the end.
    @Test func headerSearchMatchesTheByteByByteLoop() {
        func simple(_ bytes: [UInt8], from: Int, to limit: Int) -> Int? {
            var position = from
            while position < limit, position + 2 < bytes.count {
                if bytes[position] == 0x1F, bytes[position + 1] == 0x8B, bytes[position + 2] == 0x08 { return position }
                position += 1
            }
            return nil
        }
        var random = SplitMix64(seed: 17)
        let alphabet: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0x1F, 0x41]
        var checked = 0
        var found = 0
        for length in [0, 1, 2, 3, 4, 5, 8, 40, 300] {
            for _ in 0..<20 {
                let bytes = (0..<length).map { _ in alphabet.randomElement(using: &random)! }
                for from in 0...length {
                    let limits = Set([from - 1, from, from + 1, from + 3, from + 40, length / 2, length - 3, length - 2])
                    for limit in limits.sorted() where limit >= -1 && limit <= max(length - 2, -1) {
                        let expected = simple(bytes, from: from, to: limit)
                        let actual = bytes.withUnsafeBytes { GzipStream.firstHeader(in: $0, from: from, to: limit) }
                        #expect(actual == expected, "length \(length), from \(from), to \(limit): \(bytes)")
                        checked += 1
                        if expected != nil { found += 1 }
                    }
                }
            }
        }
        // The inputs did hold headers, at many places.
        #expect(found > checked / 10)
    }
}
