/// Which members of a JSON Lines record hold the page.
public struct JSONLinesFields: Sendable {
    public var url: String
    public var html: String

    public init(url: String = "url", html: String = "html") {
        self.url = url
        self.html = html
    }
}

/// Pages from a JSON Lines input: one `{"url": …, "html": …}` object a
/// line. Other members pass through untouched; a line that is not a JSON
/// object, or has no HTML string, is a failure for that line only.
public final class JSONLinesSource: PageSource {
    private let reader: ByteReader
    private let name: String
    private let fields: JSONLinesFields
    private let maximumBytes: Int
    private let lineLimit: Int
    private var lineNumber = 0
    private var ended = false

    public var bytesConsumed: Int { reader.bytesConsumed }

    /// `maximumBytes` bounds the page; a line may be longer than the page
    /// by its JSON escaping, so lines are held up to twice that (plus room
    /// for the other members) and a longer one is refused unread.
    public init(_ stream: ByteStream, name: String, fields: JSONLinesFields = JSONLinesFields(), maximumBytes: Int) {
        reader = ByteReader(stream)
        self.name = name
        self.fields = fields
        self.maximumBytes = maximumBytes
        lineLimit = maximumBytes.multipliedReportingOverflow(by: 2).partialValue + (1 << 16)
    }

    public func next() -> InputItem? {
        guard !ended else { return nil }
        let line: ByteReader.Line?
        let lineStart = reader.offset
        do {
            line = try reader.readLine(limit: lineLimit)
        } catch {
            // The file itself failed (a read error, damaged gzip). Damage
            // inside a line fails that line, and reading goes on after the
            // damage, at the start of a line. Damage found between two lines
            // (a gzip member's CRC, checked at its end) is no line: it is
            // reported at its offset in the decompressed stream, and the
            // lines after it keep their numbers. A stream that cannot go on
            // ends.
            let insideLine = reader.offset > lineStart || reader.available > 0
            reader.skipDamagedBytes()
            guard insideLine else { return .failure(Provenance(input: name, offset: lineStart), error) }
            lineNumber += 1
            return .failure(Provenance(input: name, line: lineNumber), error)
        }
        guard let line else {
            ended = true
            return nil
        }
        lineNumber += 1
        let provenance = Provenance(input: name, line: lineNumber)
        switch line {
        case .tooLong(let length):
            return .failure(
                provenance,
                InputError(
                    kind: "too-large",
                    message: "\(name):\(lineNumber): line of \(length) bytes is over the limit of \(lineLimit)"))
        case .line(var bytes):
            if bytes.last == 0x0D { bytes.removeLast() }
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return .skipped(reason: "empty-line") }
            return record(from: bytes, provenance: provenance)
        }
    }

    private func record(from bytes: [UInt8], provenance: Provenance) -> InputItem {
        var provenance = provenance
        let members: [JSONObjectScanner.Member]
        do {
            members = try JSONObjectScanner.members(of: bytes)
        } catch {
            return .failure(
                provenance, InputError(kind: "bad-json", message: "\(name):\(lineNumber): not a JSON object: \(error)"))
        }
        var html: [UInt8]?
        var url: String?
        var passthrough: [(key: String, json: String)] = []
        for member in members {
            let value = bytes[member.value]
            let isString = value.first == UInt8(ascii: "\"")
            let content = value.dropFirst().dropLast()
            if member.key == fields.html {
                guard isString else {
                    return .failure(
                        provenance,
                        InputError(
                            kind: "bad-field", message: "\(name):\(lineNumber): \"\(fields.html)\" is not a string"))
                }
                let decoded = JSONObjectScanner.decodeString(content)
                guard decoded.count <= maximumBytes else {
                    return .failure(
                        provenance,
                        InputError(
                            kind: "too-large",
                            message: "\(name):\(lineNumber): page too large: \(decoded.count) bytes (limit \(maximumBytes))"))
                }
                html = decoded
            } else if member.key == fields.url {
                if isString {
                    url = String(decoding: JSONObjectScanner.decodeString(content), as: UTF8.self)
                } else if value.elementsEqual("null".utf8) {
                    url = nil
                } else {
                    return .failure(
                        provenance,
                        InputError(
                            kind: "bad-field", message: "\(name):\(lineNumber): \"\(fields.url)\" is not a string"))
                }
            } else {
                // Invalid UTF-8 inside a string is repaired (U+FFFD), so the
                // output line stays valid JSON; everything else is verbatim.
                passthrough.append((member.key, String(decoding: value, as: UTF8.self)))
            }
        }
        provenance.targetURI = url
        provenance.passthrough = passthrough
        guard let html else {
            return .failure(
                provenance, InputError(kind: "missing-field", message: "\(name):\(lineNumber): no \"\(fields.html)\" member"))
        }
        // JSON text is Unicode: the page's bytes are UTF-8 whatever its
        // <meta> says.
        return .page(PageRecord(provenance: provenance, bytes: html, url: url, charset: "utf-8"))
    }
}
