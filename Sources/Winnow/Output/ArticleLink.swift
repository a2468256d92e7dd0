/// A link in the article's text, kept when asked for
/// (`CleanerOptions.keepsLinks`) so that the Markdown writer can write
/// `[text](url)` where the page linked. Links live beside the blocks, not
/// in them: the blocks' text, and the `winnow.article/1` JSON, stay as
/// they are whether links are kept or not.
public struct ArticleLink: Sendable, Equatable, Codable {
    /// The index in `Article.blocks` of the block whose text holds the link.
    public var block: Int
    /// The link's text, white space collapsed, as the block's text has it.
    /// A block's links are in reading order: each one's text comes after
    /// the previous one's.
    public var text: String
    /// Where it points: absolute when the page's address is known
    /// (`PageAddress`).
    public var url: String

    public init(block: Int, text: String, url: String) {
        self.block = block
        self.text = text
        self.url = url
    }
}
