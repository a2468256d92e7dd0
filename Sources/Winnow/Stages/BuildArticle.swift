/// The last stage: turns the located, cleaned article into blocks
/// (paragraphs, headings, quotes, lists, tables, code, figures), and,
/// when asked, the links in their text.
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
        builder.collectsLinks = page.options.keepsLinks
        builder.dropsRepeatedBlocks = page.profile.dropsRepeatedBlocks
        builder.build(from: root)
        let leading = page.profile.leadingBlocks(before: builder.blocks, on: page)
        page.blocks = (leading + builder.blocks).map { block in
            // Figure sources name the image a reader of the page sees.
            guard case .figure(let src?, let caption) = block, page.address.base != nil else { return block }
            return .figure(src: page.address.absolute(src), caption: caption)
        }
        page.links = builder.links.map { link in
            ArticleLink(block: link.block + leading.count, text: link.text, url: page.address.absolute(link.url))
        }
    }
}
