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
    static func article(_ provenance: Provenance, _ article: Article) -> [UInt8] {
        line(provenance, body: article.json)
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

    /// The record's bytes, written straight into one buffer: provenance,
    /// `fields`, then the body's members in the same object.
    private static func line(_ provenance: Provenance, body: JSONValue) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(4096)
        output.append(UInt8(ascii: "{"))
        JSONValue.writeMembers(provenanceMembers(provenance), to: &output)
        output.append(contentsOf: #","fields":"#.utf8)
        if let passthrough = provenance.passthrough {
            // The other members' JSON text, exactly as read.
            output.append(UInt8(ascii: "{"))
            for (index, member) in passthrough.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                JSONValue.writeString(member.key, to: &output)
                output.append(UInt8(ascii: ":"))
                output.append(contentsOf: member.json.utf8)
            }
            output.append(UInt8(ascii: "}"))
        } else {
            output.append(contentsOf: "null".utf8)
        }
        if case .object(let members) = body, !members.isEmpty {
            output.append(UInt8(ascii: ","))
            JSONValue.writeMembers(members, to: &output)
        }
        output.append(contentsOf: "}\n".utf8)
        return output
    }
}
