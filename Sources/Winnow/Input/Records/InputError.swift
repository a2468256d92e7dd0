/// Why one input record gave no page: a stable kind for records and
/// counts (`unreadable`, `bad-json`, `warc-truncated`, …) and a message
/// for people that names the input.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    public let kind: String
    public let message: String

    public init(kind: String, message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
