/// What the text and Markdown formats add to the article's title and
/// blocks, as a reader of trafilatura's output expects it (JSON always
/// holds everything).
public struct RenderingOptions: Sendable, Equatable {
    /// A metadata header: YAML front matter in Markdown, `Key: value`
    /// lines in text.
    public var includesMetadata: Bool
    /// Links as `[text](url)` in Markdown, from `Article.links` (filled
    /// when the cleaner kept them: `CleanerOptions.keepsLinks`).
    public var includesLinks: Bool
    /// The reader comments after the article: author, date, text, replies
    /// indented under the comment they answer.
    public var includesComments: Bool

    public init(includesMetadata: Bool = false, includesLinks: Bool = false, includesComments: Bool = false) {
        self.includesMetadata = includesMetadata
        self.includesLinks = includesLinks
        self.includesComments = includesComments
    }
}
