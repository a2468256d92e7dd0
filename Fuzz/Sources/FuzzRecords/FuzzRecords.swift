@testable import Winnow

/// One input is read by every batch reader: as a WARC file and as JSON
/// Lines, plain and as gzip data, in chunks whose size the input picks (so
/// the readers' buffer edges fall everywhere); and the same bytes, packed
/// in two gzip members, through the gzip reader; and as an HTTP head, a
/// chunked body and a content coding. What must hold for any bytes:
/// every reader ends, and no two records of one input share a `--resume`
/// key (the batch's promise, one output record per input record).
enum FuzzRecords {
    static let limit = 1 << 20

    static func run(_ bytes: [UInt8]) {
        let chunk = 1 + Int(bytes.last ?? 0) % 97
        let wholeChunks = bytes.count % 2 == 0 ? chunk : 1 << 16
        let packed = packedInTwoMembers(bytes)
        for (stream, name) in [
            (MemoryStream(bytes, chunk: wholeChunks), "in.warc"),
            (GzipStream(MemoryStream(bytes, chunk: chunk), name: "in.warc.gz"), "in.warc.gz"),
            (GzipStream(MemoryStream(packed, chunk: chunk), name: "packed.warc.gz"), "packed.warc.gz"),
        ] as [(ByteStream, String)] {
            check(WARCSource(stream, name: name, maximumBytes: limit), bound: bytes.count)
        }
        for (stream, name) in [
            (MemoryStream(bytes, chunk: wholeChunks), "in.jsonl"),
            (GzipStream(MemoryStream(bytes, chunk: chunk), name: "in.jsonl.gz"), "in.jsonl.gz"),
            (GzipStream(MemoryStream(packed, chunk: chunk), name: "packed.jsonl.gz"), "packed.jsonl.gz"),
        ] as [(ByteStream, String)] {
            check(JSONLinesSource(stream, name: name, maximumBytes: limit), bound: bytes.count)
        }
        _ = InputFormat.sniff(Array(bytes.prefix(5)))
        _ = HTTPResponseHead.parse(bytes)
        _ = ChunkedBody.decode(bytes[...], limit: limit)
        for coding in ["gzip", "x-gzip", "deflate", "identity", "br"] {
            _ = ContentDecoding.decode(bytes, codings: [coding], limit: limit)
        }
        _ = try? JSONObjectScanner.members(of: bytes)
    }

    /// The input compressed into two gzip members, split at a point it
    /// picks: gzip data the readers can decompress, whatever they make of
    /// what is inside.
    static func packedInTwoMembers(_ bytes: [UInt8]) -> [UInt8] {
        let split = bytes.isEmpty ? 0 : Int(bytes[0]) % (bytes.count + 1)
        let encoder = GzipEncoder(level: 1)
        var packed = encoder.compress(Array(bytes[..<split])) + encoder.finishMember()
        packed += encoder.compress(Array(bytes[split...])) + encoder.finishMember()
        return packed
    }

    /// Reads `source` to its end: it must end, and give each record a key
    /// of its own. A reader that handed out more items than its input has
    /// bytes (plus a few) did not advance.
    static func check(_ source: PageSource, bound: Int) {
        var keys = Set<String>()
        var items = 0
        while let item = source.next() {
            items += 1
            precondition(items <= 2 * bound + 16, "the reader does not advance")
            let provenance: Provenance
            switch item {
            case .page(let record): provenance = record.provenance
            case .failure(let failed, _): provenance = failed
            case .skipped: continue
            }
            precondition(keys.insert(provenance.resumeKey).inserted, "two records share the key \(provenance.resumeKey)")
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    FuzzRecords.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
