/// Pages from a WARC 1.0/1.1 file, plain or gzip-compressed (see
/// `GzipStream`): the `response` records whose HTTP `Content-Type` is
/// HTML, with the HTTP status, charset, chunked framing and
/// `Content-Encoding` honoured. Other records are counted as skipped.
///
/// Damage is one failure for the record it hits, then reading goes on at
/// the next line starting `WARC/1.`: garbage between records, a header
/// without `Content-Length`, a `Content-Length` that does not fit the
/// record (when too long, the next record is found inside the block and
/// put back), a truncated last record, damaged gzip data. The skip to the
/// next record is made before the failure is handed out, and damage met
/// on the way is part of the same failure, so one damaged stretch is one
/// failure, never two records for one.
///
/// In a gzip file a record is trusted only once its member passed its CRC
/// check: a member whose damage only the CRC catches fails as a whole
/// record (`gzip-corrupt`), with the record's own provenance.
public final class WARCSource: PageSource {
    private let reader: ByteReader
    private let name: String
    private let maximumBytes: Int
    private var ended = false
    /// The record being read, for failures that interrupt it.
    private var current = Provenance(input: "")

    static let versionPrefix = Array("WARC/".utf8)
    static let resyncPrefix = Array("WARC/1.".utf8)
    static let recordEnd = Array("\r\n\r\n".utf8)
    static let headerLineLimit = 1 << 16
    static let headerLineCount = 1000
    /// How far past a record its gzip member's end is looked for, so the
    /// CRC is checked before the record is trusted: one read of the
    /// stream. A member that holds many records ends further away, and its
    /// records are taken unchecked (its damage is a failure of its own,
    /// where it is found).
    static let verificationLookahead = 1 << 16

    public var bytesConsumed: Int { reader.bytesConsumed }

    public init(_ stream: ByteStream, name: String, maximumBytes: Int) {
        reader = ByteReader(stream)
        self.name = name
        self.maximumBytes = maximumBytes
    }

    public func next() -> InputItem? {
        guard !ended else { return nil }
        do {
            return try nextItem()
        } catch {
            // The stream itself was damaged (gzip data, a read error) in the
            // middle of this record: the record fails, and reading resumes at
            // the next record the stream still has.
            reader.skipDamagedBytes()
            return failure(error, resynchronizing: true)
        }
    }

    /// The current record's failure. With `resynchronizing`, the reader
    /// first skips to the next record; damage met on the way belongs to
    /// the same stretch and joins this failure (its kind wins: it is the
    /// cause, the rest its symptoms).
    private func failure(_ error: InputError, resynchronizing: Bool) -> InputItem {
        var failure = error
        while resynchronizing {
            do {
                _ = try reader.skip(toLineStarting: WARCSource.resyncPrefix)
                break
            } catch {
                reader.skipDamagedBytes()
                failure = InputError(kind: error.kind, message: "\(failure.message); then \(error.message)")
            }
        }
        return .failure(current, failure)
    }

    private func nextItem() throws(InputError) -> InputItem? {
        current = Provenance(input: name, offset: reader.offset)
        try skipBlankLines()
        let start = reader.offset
        current = Provenance(input: name, offset: start)
        guard let firstLine = try reader.readLine(limit: WARCSource.headerLineLimit) else {
            ended = true
            return nil
        }
        guard case .line(let version) = firstLine, version.starts(with: WARCSource.versionPrefix) else {
            _ = try reader.skip(toLineStarting: WARCSource.resyncPrefix)
            let length = reader.offset - start
            let whereTo = try reader.atEnd() ? "the end of the file" : "the next record"
            return .failure(
                current,
                InputError(
                    kind: "warc-garbage",
                    message: "\(name): \(length) bytes at offset \(start) are not a WARC record; skipped to \(whereTo)"))
        }
        guard let headers = try readHeaders() else {
            return .failure(
                current, InputError(kind: "warc-truncated", message: "\(name): the file ends inside the WARC header at offset \(start)"))
        }
        func header(_ name: String) -> String? { headers.first { $0.name == name }?.value }
        current.warcRecordID = header("warc-record-id")
        current.targetURI = header("warc-target-uri")
        current.warcDate = header("warc-date")
        let recordName = "\(name): WARC record \(current.warcRecordID ?? "at offset \(start)")"

        guard let lengthText = header("content-length"), let length = Int(lengthText), length >= 0 else {
            let problem = header("content-length") == nil ? "has no Content-Length" : "has a bad Content-Length"
            return failure(
                InputError(kind: "warc-bad-header", message: "\(recordName) \(problem); skipped to the next record"),
                resynchronizing: true)
        }

        // The block is held up to the page limit (memory stays bounded);
        // the rest of a larger one is skipped unread.
        let block = try reader.read(count: min(length, maximumBytes), expected: min(length, maximumBytes))
        var readLength = block.count
        if block.count == min(length, maximumBytes) {
            readLength += try reader.skip(count: length - block.count)
        }

        if let failure = try checkFraming(block: block, readLength: readLength, declared: length, recordName: recordName) {
            return failure
        }
        // A gzip member is checked (CRC) before its record is trusted: the
        // damage is this record's failure, not one of its own after it.
        try reader.verify(through: reader.offset, lookahead: WARCSource.verificationLookahead)

        let type = header("warc-type")?.lowercased() ?? "missing"
        guard type == "response" else { return .skipped(reason: "warc-type-\(type)") }
        let complete = readLength == block.count
        return response(block: consume block, complete: complete, length: length, recordName: recordName)
    }

    /// Checks that the record ends where `Content-Length` says: the block,
    /// then CRLF CRLF. Nil when it does; a failure when it does not.
    private func checkFraming(block: [UInt8], readLength: Int, declared: Int, recordName: String) throws(InputError)
        -> InputItem?
    {
        let truncated = readLength < declared
        if !truncated {
            // Damage in the record end is this record's (thrown).
            let trailer = try reader.peek(count: 4)
            if trailer == WARCSource.recordEnd {
                _ = try reader.skip(count: 4)
                return nil
            }
            if trailer.isEmpty || trailer.allSatisfy({ $0 == 0x0D || $0 == 0x0A }) {
                // Only the end-of-record line breaks are missing or short at
                // the very end: the record itself is whole.
                _ = try reader.skip(count: trailer.count)
                if try reader.atEnd() { return nil }
            }
        }
        // A Content-Length too long swallows the start of the next record:
        // find that record inside the block and put it back.
        if readLength == block.count, let boundary = WARCSource.nextRecordStart(in: block) {
            reader.unread(Array(block[(boundary + 4)...]))
            let actual = boundary
            return .failure(
                current,
                InputError(
                    kind: "warc-content-length",
                    message: "\(recordName): Content-Length \(declared) does not match the record, which ends after \(actual) bytes; the record is not cleaned"))
        }
        if truncated {
            return .failure(
                current,
                InputError(
                    kind: "warc-truncated",
                    message: "\(recordName) is truncated: the file ends after \(readLength) of its \(declared) bytes"))
        }
        return failure(
            InputError(
                kind: "warc-content-length",
                message: "\(recordName): Content-Length \(declared) does not match the record (no record end after it); skipped to the next record"),
            resynchronizing: true)
    }

    /// The HTML page of a `response` record, or why there is none.
    private func response(block: consuming [UInt8], complete: Bool, length: Int, recordName: String) -> InputItem {
        let head: HTTPResponseHead
        switch HTTPResponseHead.parse(block) {
        case .success(let parsed): head = parsed
        case .failure(let error):
            return .failure(current, InputError(kind: error.kind, message: "\(recordName): \(error.message)"))
        }
        guard (200..<300).contains(head.status) else { return .skipped(reason: "http-status-\(head.status)") }
        let isHTML: Bool
        if let type = head.mediaType {
            isHTML = type == "text/html" || type == "application/xhtml+xml"
        } else {
            isHTML = WARCSource.looksLikeHTML(block[head.bodyStart...])
        }
        guard isHTML else { return .skipped(reason: "not-html") }
        guard complete else {
            return .failure(
                current,
                InputError(kind: "too-large", message: "\(recordName): page too large: \(length) bytes (limit \(maximumBytes))"))
        }
        // The HTTP head is cut off in place: the block is this record's
        // alone, and a copy of its body held a large page twice.
        var body = consume block
        body.removeSubrange(..<head.bodyStart)
        if head.codings("transfer-encoding").contains("chunked") {
            switch ChunkedBody.decode(body[...], limit: maximumBytes) {
            case .success(let decoded): body = decoded
            case .failure(let error):
                return .failure(current, InputError(kind: error.kind, message: "\(recordName): \(error.message)"))
            }
        }
        let codings = head.codings("content-encoding")
        if !codings.isEmpty {
            switch ContentDecoding.decode(body, codings: codings, limit: maximumBytes) {
            case .success(let decoded): body = decoded
            case .failure(let error):
                return .failure(current, InputError(kind: error.kind, message: "\(recordName): \(error.message)"))
            }
        }
        return .page(PageRecord(provenance: current, bytes: body, url: current.targetURI, charset: head.charset))
    }

    /// Reads header lines up to the blank line. Names are lowercased.
    /// Nil when the file ends first.
    private func readHeaders() throws(InputError) -> [(name: String, value: String)]? {
        var headers: [(name: String, value: String)] = []
        for _ in 0..<WARCSource.headerLineCount {
            guard let line = try reader.readLine(limit: WARCSource.headerLineLimit) else { return nil }
            guard case .line(var bytes) = line else { continue }
            if bytes.last == 0x0D { bytes.removeLast() }
            if bytes.isEmpty { return headers }
            if let first = bytes.first, first == 0x20 || first == 0x09, !headers.isEmpty {
                headers[headers.count - 1].value += " " + String(decoding: bytes, as: UTF8.self).trimmingASCIIWhitespace()
                continue
            }
            guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { continue }
            let name = String(decoding: bytes[..<colon], as: UTF8.self).trimmingASCIIWhitespace().lowercased()
            let value = String(decoding: bytes[(colon + 1)...], as: UTF8.self).trimmingASCIIWhitespace()
            headers.append((name, value))
        }
        return headers
    }

    /// Skips the line breaks some writers leave between records.
    private func skipBlankLines() throws(InputError) {
        while true {
            let next = try reader.peek(count: 1)
            guard let byte = next.first, byte == 0x0D || byte == 0x0A else { return }
            _ = try reader.skip(count: 1)
        }
    }

    /// Where "\r\n\r\nWARC/1." starts in `block`, if anywhere.
    static func nextRecordStart(in block: [UInt8]) -> Int? {
        let marker = recordEnd + resyncPrefix
        guard block.count >= marker.count else { return nil }
        var index = 0
        while index <= block.count - marker.count {
            guard let found = block[index...].firstIndex(of: 0x0D), found <= block.count - marker.count else { return nil }
            if block[found..<(found + marker.count)].elementsEqual(marker) { return found }
            index = found + 1
        }
        return nil
    }

    /// A body without `Content-Type` is HTML when it starts like a page.
    static func looksLikeHTML(_ body: ArraySlice<UInt8>) -> Bool {
        let start = String(decoding: body.prefix(1024), as: UTF8.self).lowercased()
        let trimmed = start.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        return trimmed.hasPrefix("<!doctype html") || trimmed.hasPrefix("<html") || trimmed.hasPrefix("<head")
    }
}
