/// Where a rule was written: a file and a line, for `winnow rules show`
/// and for errors that name a rule from another file.
public struct RuleOrigin: Sendable, Hashable, CustomStringConvertible {
    public let file: String
    public let line: Int?

    public init(file: String, line: Int?) {
        self.file = file
        self.line = line
    }

    public var description: String { line.map { "\(file):\($0)" } ?? file }
}
