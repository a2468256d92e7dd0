/// Keeps frame-stripping rules from taking the article with them. A class
/// such as `page-with-sidebar` on a wrapper, or Blogger's `widget Blog` on
/// the post, is enough for a word hint to match the element that holds the
/// whole article; the prose under an element says what it really is.
struct ContentGuard {
    private let prose: ProseMap
    private let statistics: TextStatistics

    /// A guard over `root`'s prose (the page body when `nil`).
    init(page: Page, root: Node? = nil, protectedShare: Double = 0.5, protectedTextShare: Double? = nil) {
        self.protectedShare = protectedShare
        self.protectedTextShare = protectedTextShare
        let scope = root ?? page.document.body ?? page.document.root
        if let scope {
            statistics = TextStatistics(root: scope)
            prose = ProseMap(root: scope, statistics: statistics)
            rootChars = statistics[scope].chars
        } else {
            rootChars = 0
            statistics = TextStatistics(root: Node(page.document.pointer.pointee.children))
            prose = ProseMap(root: Node(page.document.pointer.pointee.children), statistics: statistics)
        }
    }

    /// The share of the page's prose that makes an element the article.
    let protectedShare: Double
    /// The share of all text under the root that protects an element,
    /// whatever its paragraphs look like (an article of short paragraphs
    /// has no prose units); `nil` for none.
    let protectedTextShare: Double?
    private let rootChars: Int

    func mayRemove(_ node: Node) -> Bool {
        if node.hasName("body") || node.hasName("html") { return false }
        if node.attribute("itemprop") == "articleBody" { return false }
        if let protectedTextShare, rootChars > 0,
            Double(statistics[node].chars) >= protectedTextShare * Double(rootChars)
        {
            return false
        }
        return !prose.holdsMostProse(node, share: protectedShare)
    }
}
