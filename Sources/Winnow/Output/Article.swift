/// The cleaned page: schema `winnow.article/1`.
public struct Article: Sendable, Equatable {
    public static let schema = "winnow.article/1"

    public var url: String?
    public var metadata: Metadata
    /// What kind of page it is: what its content was taken to be.
    public var pageType: PageType
    public var blocks: [Block]
    public var commentCount: Int?
    public var comments: [Comment]
    /// The removal log; filled only when explanations were asked for.
    public var removed: [Removal]?
    /// The links of the blocks' text, in reading order; filled only when
    /// asked for (`CleanerOptions.keepsLinks`), and not part of the JSON.
    public var links: [ArticleLink]

    public init(
        url: String?, metadata: Metadata, pageType: PageType = .article, blocks: [Block], commentCount: Int? = nil,
        comments: [Comment] = [], removed: [Removal]? = nil, links: [ArticleLink] = []
    ) {
        self.links = links
        self.url = url
        self.metadata = metadata
        self.pageType = pageType
        self.blocks = blocks
        self.commentCount = commentCount
        self.comments = comments
        self.removed = removed
    }

    /// Body text: every text block, separated by blank lines.
    public var text: String {
        let parts = blocks.compactMap(\.plainText).filter { !$0.isEmpty }
        // Made at its final size: `joined(separator:)` grew it by doubling,
        // and on a large page of prose the text's old and new buffers at
        // once (2.4 times the text) were the process's peak, above the
        // page's tree (docs/batch.md, "One large page").
        var text = ""
        text.reserveCapacity(parts.reduce(0) { $0 + $1.utf8.count } + 2 * max(parts.count - 1, 0))
        for (index, part) in parts.enumerated() {
            if index > 0 { text += "\n\n" }
            text += part
        }
        return text
    }
}
