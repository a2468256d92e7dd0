import CLibXML2

/// Keeps frame-stripping rules from taking the article with them. A class
/// such as `page-with-sidebar` on a wrapper, or Blogger's `widget Blog` on
/// the post, is enough for a word hint to match the element that holds the
/// whole article; the prose under an element says what it really is.
///
/// The figures are counted at the first question, not before: on most
/// pages a stage's rules match nothing that needs guarding.
final class ContentGuard {
    private let scope: Node?
    /// The share of the page's prose that makes an element the article.
    let protectedShare: Double
    /// The share of all text under the root that protects an element,
    /// whatever its paragraphs look like (an article of short paragraphs
    /// has no prose units); `nil` for none.
    let protectedTextShare: Double?

    private let page: Page
    private lazy var statistics: TextStatistics? = scope.map { page.textStatistics(under: $0) }
    private lazy var prose: ProseMap? = scope.flatMap { scope in statistics.map { ProseMap(root: scope, statistics: $0) } }
    private lazy var rootChars: Int = scope.flatMap { scope in statistics?[scope].chars } ?? 0

    /// A guard over `root`'s prose (the page body when `nil`).
    init(page: Page, root: Node? = nil, protectedShare: Double = 0.5, protectedTextShare: Double? = nil) {
        self.protectedShare = protectedShare
        self.protectedTextShare = protectedTextShare
        self.page = page
        scope = root ?? page.document.body ?? page.document.root
    }

    /// Whether the text and CDATA under `node` add up to `limit` bytes or
    /// more; stops counting there.
    static func holdsTextBytes(atLeast limit: Int, under node: Node) -> Bool {
        var bytes = 0
        node.walkDescendants { current in
            let type = current.pointer.pointee.type
            if type == XML_TEXT_NODE || type == XML_CDATA_SECTION_NODE, let content = current.pointer.pointee.content {
                bytes += Int(xmlStrlen(content))
            }
            return bytes < limit ? .descend : .stop
        }
        return bytes >= limit
    }

    /// The fewest bytes of text that can hold the prose units a guard
    /// protects (`ProseMap.minimumUnits` of `minimumParagraphChars`
    /// characters, a character at least a byte).
    static let minimumGuardedTextBytes = ProseMap.minimumUnits * ProseMap.minimumParagraphChars

    func mayRemove(_ node: Node) -> Bool {
        if node.hasName("body") || node.hasName("html") { return false }
        if node.attribute("itemprop", is: "articleBody") { return false }
        // Most removals are of small blocks: one too short to hold the
        // prose units that protect it is let go before the page's figures
        // are counted (a unit is `ProseMap.minimumParagraphChars`
        // characters, and a character at least a byte of text).
        if protectedTextShare == nil,
            !ContentGuard.holdsTextBytes(atLeast: ContentGuard.minimumGuardedTextBytes, under: node)
        {
            return true
        }
        guard let statistics, let prose else { return true }
        if let protectedTextShare, rootChars > 0,
            Double(statistics[node].chars) >= protectedTextShare * Double(rootChars)
        {
            return false
        }
        return !prose.holdsMostProse(node, share: protectedShare)
    }
}
