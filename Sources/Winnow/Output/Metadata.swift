/// What the page says about itself. Absent values stay `nil`, never guessed.
/// `Codable` with the JSON's keys (an `Article` writes these members at
/// its top level).
public struct Metadata: Sendable, Equatable, Codable {
    enum CodingKeys: String, CodingKey {
        case title, authors, published, modified
        case siteName = "site_name"
        case language, description
        case canonicalURL = "canonical_url"
    }

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
