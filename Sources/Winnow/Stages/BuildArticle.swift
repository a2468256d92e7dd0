/// The last stage: turns the located, cleaned article into blocks
/// (paragraphs, headings, quotes, lists, tables, code, figures).
public struct BuildArticle: Stage {
    public let name = "build-article"

    public init() {}

    public func run(on page: Page) throws {
        guard let root = page.mainContent ?? page.document.body else { return }
        var builder = BlockBuilder()
        builder.build(from: root)
        page.blocks = page.profile.completed(builder.blocks, on: page).map { block in
            // Figure sources name the image a reader of the page sees.
            guard case .figure(let src?, let caption) = block, page.address.base != nil else { return block }
            return .figure(src: page.address.absolute(src), caption: caption)
        }
    }
}
