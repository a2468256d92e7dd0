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
public enum ResumeKey {
    public static func make(input: String, line: Int?, offset: Int?) -> String {
        "\(input)\u{0}\(line.map(String.init) ?? "")\u{0}\(offset.map(String.init) ?? "")"
    }
}
