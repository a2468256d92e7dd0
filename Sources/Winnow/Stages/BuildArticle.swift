/// The last stage: turns the located, cleaned article into blocks
/// (paragraphs, headings, quotes, lists, tables, code, figures).
public struct BuildArticle: Stage {
    public let name = "build-article"

    public init() {}

    public func run(on page: Page) throws {
        // The blocks are read from the tree alone, and no stage comes
        // after this one: the text figures go before the blocks' strings
        // are made, so a large page does not hold both.
        page.releaseTextCounts()
        guard let root = page.mainContent ?? page.document.body else { return }
        var builder = BlockBuilder()
        builder.build(from: root)
        page.blocks = page.profile.completed(builder.blocks, on: page)
    }
}
