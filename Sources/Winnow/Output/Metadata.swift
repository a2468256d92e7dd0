/// What the page says about itself. Absent values stay `nil`, never guessed.
public struct Metadata: Sendable, Equatable {
    public var title: String?
    public var authors: [String] = []
    /// ISO 8601 when the page gives a machine-readable date.
    public var published: String?
    public var modified: String?
    public var siteName: String?
    public var language: String?
    public var description: String?
    public var canonicalURL: String?

    public init() {}
}
