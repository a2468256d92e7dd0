/// How an input is read, told by its name: `.warc`/`.warc.gz` are web
/// archives, `.jsonl`/`.ndjson` (optionally `.gz`) are JSON Lines,
/// anything else is one HTML page. Standard input is told by its first
/// bytes instead. Whether a WARC or JSON Lines file is gzip-compressed is
/// read from its first bytes too, whatever its name says.
public enum InputFormat: Sendable, Equatable {
    case html
    case jsonLines
    case warc

    public static func of(path: String) -> InputFormat {
        var name = path.lowercased()
        if name.hasSuffix(".gz") { name.removeLast(3) }
        if name.hasSuffix(".warc") { return .warc }
        if name.hasSuffix(".jsonl") || name.hasSuffix(".ndjson") { return .jsonLines }
        return .html
    }

    /// WARC when the (decompressed) stream starts `WARC/`, else JSON Lines.
    static func sniff(_ start: [UInt8]) -> InputFormat {
        start.starts(with: Array("WARC/".utf8)) ? .warc : .jsonLines
    }
}
