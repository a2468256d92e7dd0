/// Where a subtree's prose is: how much long, link-poor paragraph text lies
/// under each element, in units of `minimumParagraphChars` (a Blogger post
/// is one `<div>` of `<br>`-separated lines: counting paragraphs alone would
/// weigh it as one). A class name can lie (Blogger wraps the post in
/// `class="widget Blog"`, themes write `page-with-sidebar`); a run of long
/// sentences cannot. Guards use this to keep rules off the article.
struct ProseMap {
    /// A paragraph of prose: at least this many characters...
    static let minimumParagraphChars = 150
    /// ...of which at most this share is link text.
    static let maximumLinkDensity = 0.3
    /// Less prose than this (about 450 characters) guards nothing.
    static let minimumUnits = 3
    /// Elements whose text counts as one paragraph.
    static let paragraphTags = TagSet([.p, .pre, .blockquote, .li, .dd, .td])

    let statistics: TextStatistics
    /// Prose units in the whole subtree.
    let total: Int

    init(root: Node, statistics: TextStatistics) {
        self.statistics = statistics
        total = statistics[root].proseUnits
    }

    /// An element's prose units, given its figures with its children's
    /// summed in, the figures of its children that are text or inline
    /// elements, and whether any child is a block: a paragraph counts as a
    /// whole; a container counts its children's units plus the text written
    /// straight into it beside its blocks (`<br>`-separated posts).
    static func proseUnits(tag: HTMLTag, summed: TextStatistics.Figures, inline: (chars: Int, linkChars: Int), hasBlockChild: Bool) -> Int {
        if paragraphTags.contains(tag) || (tag == .div && !hasBlockChild) {
            return units(of: summed)
        }
        var inlineFigures = TextStatistics.Figures()
        inlineFigures.chars = inline.chars
        inlineFigures.linkChars = inline.linkChars
        return summed.proseUnits + units(of: inlineFigures)
    }

    private static func units(of figures: TextStatistics.Figures) -> Int {
        guard figures.chars >= minimumParagraphChars, figures.linkDensity <= maximumLinkDensity else { return 0 }
        return figures.chars / minimumParagraphChars
    }

    /// Prose units under `node` (itself included).
    func units(under node: Node) -> Int {
        statistics[node].proseUnits
    }

    /// Whether `node` holds the bulk of the prose: at least `share` of it
    /// (half by default), and more than a sidebar's "about" blurb.
    func holdsMostProse(_ node: Node, share: Double = 0.5) -> Bool {
        let count = units(under: node)
        return count >= ProseMap.minimumUnits && Double(count) >= share * Double(total)
    }
}
