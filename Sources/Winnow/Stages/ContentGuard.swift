/// Keeps frame-stripping rules from taking the article with them. A class
/// such as `page-with-sidebar` on a wrapper is enough for a word hint to
/// match the element that holds the whole page.
struct ContentGuard {
    /// A matched element holding at least this share of the body's text is
    /// a wrapper, not a sidebar or a menu: menus and banners are a small
    /// part of a page. (Chosen by reading pages whose wrappers carry frame
    /// words; half a page is more than any real menu holds.)
    static let maximumShareOfBody = 0.5
    /// Below this many characters, nothing is worth protecting.
    static let minimumProtectedLength = 500

    private let bodyLength: Int
    private let page: Page

    init(page: Page) {
        self.page = page
        bodyLength = page.document.body.map { Text.visibleLength($0.textContent) } ?? 0
    }

    func mayRemove(_ node: Node) -> Bool {
        if node.hasName("body") || node.hasName("html") { return false }
        if node.attribute("itemprop") == "articleBody" { return false }
        let length = Text.visibleLength(node.textContent)
        if length >= ContentGuard.minimumProtectedLength,
            Double(length) >= ContentGuard.maximumShareOfBody * Double(bodyLength)
        {
            return false
        }
        return true
    }
}
