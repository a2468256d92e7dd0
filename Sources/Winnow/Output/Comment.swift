/// One reader comment with its replies. `Codable` with the JSON's keys.
public struct Comment: Sendable, Equatable, Codable {
    enum CodingKeys: String, CodingKey {
        case id, author
        case authorURL = "author_url"
        case published
        case publishedText = "published_text"
        case text, replies
    }

    public var id: String?
    public var author: String?
    public var authorURL: String?
    /// ISO 8601 when the markup gives a machine date, else `nil`.
    public var published: String?
    /// The visible date as written, when it could not be made ISO 8601.
    public var publishedText: String?
    public var text: String
    public var replies: [Comment]

    public init(
        id: String? = nil, author: String? = nil, authorURL: String? = nil, published: String? = nil,
        publishedText: String? = nil, text: String, replies: [Comment] = []
    ) {
        self.id = id
        self.author = author
        self.authorURL = authorURL
        self.published = published
        self.publishedText = publishedText
        self.text = text
        self.replies = replies
    }
}
