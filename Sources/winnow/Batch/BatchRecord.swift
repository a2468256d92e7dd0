import Winnow

/// The JSON line written for each input record: its provenance, then the
/// JSON Lines record's other members under `fields` (`null` when it did
/// not come from JSON Lines, so every record has the same keys), then the
/// article or the error.
///
///     {"input": …, "line": …, "offset": …, "warc_record_id": …,
///      "target_uri": …, "warc_date": …, "fields": {…} | null,
///      "schema": "winnow.article/1", … | "error": {"kind": …, "message": …}}
enum BatchRecord {
    /// The record's line up to the body: the provenance members (and the
    /// JSON Lines record's other members), without the closing brace. The
    /// batch sends it to the cleaning worker, which writes the whole line.
    static func head(_ provenance: Provenance) -> [UInt8] {
        var head = JSONValue.object(provenanceMembers(provenance)).serialized()
        head.removeLast()  // the closing brace: more members follow
        if let passthrough = provenance.passthrough {
            // The other members' JSON text, exactly as read.
            head += ",\"fields\":{"
            for (index, member) in passthrough.enumerated() {
                if index > 0 { head += "," }
                head += JSONValue.string(member.key).serialized() + ":" + member.json
            }
            head += "}"
        } else {
            head += ",\"fields\":null"
        }
        return Array(head.utf8)
    }

    /// The length of the line `writeLine` writes.
    static func lineLength(head: [UInt8], body: JSONValue) -> Int {
        // "," and the body's members, or "}" for an empty body; "\n".
        head.count + (isEmptyObject(body) ? 1 : body.serializedByteCount()) + 1
    }

    private static func isEmptyObject(_ body: JSONValue) -> Bool {
        if case .object(let members) = body { return members.isEmpty }
        return false
    }

    /// Writes the line of `head` and `body` (an object: its members join
    /// the provenance) in pieces, never held whole.
    static func writeLine(head: [UInt8], body: JSONValue, to output: (UnsafeRawBufferPointer) -> Void) {
        head.withUnsafeBytes(output)
        if !isEmptyObject(body) {
            var first = true
            body.write { piece in
                guard first else { return output(piece) }
                // The body's opening brace becomes the comma after the head.
                first = false
                withUnsafeBytes(of: UInt8(ascii: ",")) { output($0) }
                if piece.count > 1 { output(UnsafeRawBufferPointer(rebasing: piece[1...])) }
            }
        } else {
            withUnsafeBytes(of: UInt8(ascii: "}")) { output($0) }
        }
        withUnsafeBytes(of: UInt8(ascii: "\n")) { output($0) }
    }

    static func error(_ provenance: Provenance, kind: String, message: String) -> [UInt8] {
        line(provenance, body: .object([("error", .object([("kind", .string(kind)), ("message", .string(message))]))]))
    }

    /// The provenance members, always all present (null when they do not
    /// apply), so every record has the same keys.
    static func provenanceMembers(_ provenance: Provenance) -> [(String, JSONValue)] {
        [
            ("input", .string(provenance.input)),
            ("line", provenance.line.map(JSONValue.number) ?? .null),
            ("offset", provenance.offset.map(JSONValue.number) ?? .null),
            ("warc_record_id", provenance.warcRecordID.map(JSONValue.string) ?? .null),
            ("target_uri", provenance.targetURI.map(JSONValue.string) ?? .null),
            ("warc_date", provenance.warcDate.map(JSONValue.string) ?? .null),
        ]
    }

    /// How messages name a record: `file`, `file:line`, or the WARC record.
    static func displayName(_ provenance: Provenance) -> String {
        if let line = provenance.line { return "\(provenance.input):\(line)" }
        if let id = provenance.warcRecordID { return "\(provenance.input): WARC record \(id)" }
        if let offset = provenance.offset { return "\(provenance.input): WARC record at offset \(offset)" }
        return provenance.input
    }

    private static func line(_ provenance: Provenance, body: JSONValue) -> [UInt8] {
        let head = head(provenance)
        var line: [UInt8] = []
        line.reserveCapacity(lineLength(head: head, body: body))
        writeLine(head: head, body: body) { line.append(contentsOf: $0) }
        return line
    }
}
