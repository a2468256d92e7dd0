#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where one record came from, so every output line can be traced back
/// to its input (and matched again by `--resume`).
public struct Provenance: Sendable, Equatable {
    /// The input as named on the command line or found by the walk
    /// (`<stdin>` for standard input).
    public var input: String
    /// 1-based line of a JSON Lines input.
    public var line: Int?
    /// Byte offset of a WARC record in the (decompressed) WARC stream.
    public var offset: Int?
    public var warcRecordID: String?
    /// The page's URL: `WARC-Target-URI`, or the JSON Lines URL field.
    public var targetURI: String?
    public var warcDate: String?
    /// A JSON Lines record's other members, each as its key and its value's
    /// JSON text exactly as read, so they pass through untouched.
    public var passthrough: [(key: String, json: String)]?

    public init(
        input: String, line: Int? = nil, offset: Int? = nil, warcRecordID: String? = nil,
        targetURI: String? = nil, warcDate: String? = nil, passthrough: [(key: String, json: String)]? = nil
    ) {
        self.input = input
        self.line = line
        self.offset = offset
        self.warcRecordID = warcRecordID
        self.targetURI = targetURI
        self.warcDate = warcDate
        self.passthrough = passthrough
    }

    public static func == (lhs: Provenance, rhs: Provenance) -> Bool {
        lhs.input == rhs.input && lhs.line == rhs.line && lhs.offset == rhs.offset
            && lhs.warcRecordID == rhs.warcRecordID && lhs.targetURI == rhs.targetURI
            && lhs.warcDate == rhs.warcDate
            && lhs.passthrough?.map(\.key) == rhs.passthrough?.map(\.key)
            && lhs.passthrough?.map(\.json) == rhs.passthrough?.map(\.json)
    }

    /// What identifies the record across runs over the same inputs: the
    /// input, and the line or offset inside it.
    public var resumeKey: String {
        ResumeKey.make(input: input, line: line, offset: offset)
    }
}

/// The key `--resume` matches records by, built the same way from a
/// record being read and from a line already written.
///
/// The input is matched by its path however it was spelled
/// (`./pages.jsonl`, `pages.jsonl`, `/data/pages.jsonl` from `/data`):
/// made absolute against the working directory and normalised as text,
/// without asking the file system, so a run and its resumption agree even
/// when a file is gone.
public enum ResumeKey {
    public static func make(input: String, line: Int?, offset: Int?) -> String {
        "\(normalizedPath(input))\u{0}\(line.map(String.init) ?? "")\u{0}\(offset.map(String.init) ?? "")"
    }

    /// `path` absolute and without `.`, `..` or repeated slashes;
    /// `<stdin>` as it is.
    public static func normalizedPath(_ path: String, workingDirectory: String? = nil) -> String {
        guard path != "<stdin>", !path.isEmpty else { return path }
        let absolute: String
        if path.hasPrefix("/") {
            absolute = path
        } else {
            absolute = (workingDirectory ?? ResumeKey.currentDirectory()) + "/" + path
        }
        var parts: [Substring] = []
        for part in absolute.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": _ = parts.popLast()
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    private static func currentDirectory() -> String {
        guard let path = getcwd(nil, 0) else { return "" }
        defer { free(path) }
        return String(cString: path)
    }
}
