import CLibXML2

/// Where a subtree's prose is: for every element, how much long, link-poor
/// paragraph text lies under it, in units of `minimumParagraphChars` (a
/// Blogger post is one `<div>` of `<br>`-separated lines: counting
/// paragraphs alone would weigh it as one). A class name can lie (Blogger wraps the post in
/// `class="widget Blog"`, themes write `page-with-sidebar`); a run of long
/// sentences cannot. Guards use this to keep rules off the article.
struct ProseMap {
    /// A paragraph of prose: at least this many characters...
    static let minimumParagraphChars = 150
    /// ...of which at most this share is link text.
    static let maximumLinkDensity = 0.3
    /// Elements whose paragraphs count as the article's prose.
    static let paragraphTags: Set<String> = ["p", "pre", "blockquote", "li", "dd", "td"]

    /// Less prose than this (about 450 characters) guards nothing.
    static let minimumUnits = 3

    private var counts: [xmlNodePtr: Int] = [:]
    /// Prose units in the whole subtree.
    let total: Int

    init(root: Node, statistics: TextStatistics) {
        var counts: [xmlNodePtr: Int] = [:]
        var total = 0
        func credit(_ units: Int, from node: Node) {
            total += units
            var current: xmlNodePtr? = node.pointer
            while let element = current, element.pointee.type == XML_ELEMENT_NODE {
                counts[element, default: 0] += units
                if element == root.pointer { break }
                current = element.pointee.parent
            }
        }
        root.walkDescendants { node in
            guard node.isElement else { return .skipChildren }
            let hasBlockChild = node.childNodes.contains { $0.isElement && HTMLVocabulary.blockTags.contains($0.name) }
            if ProseMap.paragraphTags.contains(node.name) || (node.hasName("div") && !hasBlockChild) {
                credit(ProseMap.units(of: statistics[node]), from: node)
                return .skipChildren
            }
            // Text written straight into a container beside its blocks
            // (`<br>`-separated posts) is prose of that container.
            var inline = TextStatistics.Figures()
            for child in node.childNodes where child.isText || (child.isElement && !HTMLVocabulary.blockTags.contains(child.name)) {
                let figures = statistics[child]
                inline.chars += figures.chars
                inline.linkChars += figures.linkChars
            }
            credit(ProseMap.units(of: inline), from: node)
            return .descend
        }
        self.counts = counts
        self.total = total
    }

    private static func units(of figures: TextStatistics.Figures) -> Int {
        guard figures.chars >= minimumParagraphChars, figures.linkDensity <= maximumLinkDensity else { return 0 }
        return figures.chars / minimumParagraphChars
    }

    /// Prose units under `node` (itself included).
    func units(under node: Node) -> Int {
        counts[node.pointer] ?? 0
    }

    /// Whether `node` holds the bulk of the prose: at least `share` of it
    /// (half by default), and more than a sidebar's "about" blurb.
    func holdsMostProse(_ node: Node, share: Double = 0.5) -> Bool {
        let count = units(under: node)
        return count >= ProseMap.minimumUnits && Double(count) >= share * Double(total)
    }
}
