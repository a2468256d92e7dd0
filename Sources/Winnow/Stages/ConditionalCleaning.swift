/// Readability's "clean conditionally": inside the located article, drops
/// lists, tables and divisions whose figures say widget rather than prose:
/// mostly links, more images than text, more list items than paragraphs,
/// form fields. Thresholds are Readability.js's, calibrated as a set.
struct ConditionalCleaning {
    static let candidateTags: Set<String> = ["div", "section", "ul", "ol", "table", "form", "fieldset", "aside"]
    /// Blocks with this many commas are prose whatever else they hold.
    static let proseCommas = 10
    /// Link density allowed in a block without a positive class hint, and
    /// with one.
    static let maximumLinkDensity = 0.2
    static let maximumLinkDensityWithPositiveHint = 0.5
    /// Ours, not Readability's (which keeps every list): a list whose text
    /// is mostly links is navigation or "more stories".
    static let maximumListLinkDensity = 0.5
    /// Under this many characters a block without one image is dropped.
    static let minimumChars = 25
    static let rule = "link-dense-or-widget"

    let page: Page
    let root: Node

    func run() {
        let statistics = TextStatistics(root: root)
        let prose = ProseMap(root: root, statistics: statistics)
        let rootChars = statistics[root].chars
        // Innermost first: judging a child before its parent lets a list of
        // links go without taking the paragraphs beside it.
        let candidates = root.descendantElements().filter { ConditionalCleaning.candidateTags.contains($0.name) }
        for node in candidates.reversed() where node.isAttached && isWidget(node, statistics: statistics) {
            // Never the article's own body: most of its prose, or, on a
            // short post without long paragraphs, most of its text.
            if prose.holdsMostProse(node) { continue }
            if prose.total == 0, 2 * statistics[node].chars >= rootChars, rootChars > 0 { continue }
            page.remove(node, rule: ConditionalCleaning.rule)
        }
    }

    private func isWidget(_ node: Node, statistics: TextStatistics) -> Bool {
        if isInsideCode(node) { return false }
        let weight = ContentScoring.classWeight(of: node)
        if weight < 0 { return true }
        let figures = statistics[node]
        if figures.commas >= ConditionalCleaning.proseCommas { return false }
        if node.hasName("table"), ConditionalCleaning.isDataTable(node) { return false }

        var paragraphs = 0
        var images = 0
        var listItems = 0
        var inputs = 0
        var embeds = 0
        var headings = 0
        var hasFigure = false
        var listChars = 0
        node.walkDescendants { child in
            guard child.isElement else { return .skipChildren }
            switch child.name {
            case "p": paragraphs += 1
            case "img": images += 1
            case "li": listItems += 1
            case "ul", "ol":
                if !child.ancestors.contains(where: { ($0.hasName("ul") || $0.hasName("ol")) && $0.isInside(node) && $0 != node }) {
                    listChars += statistics[child].chars
                }
            case "input", "select", "textarea", "button": inputs += 1
            case "embed", "object", "iframe", "video", "audio": embeds += 1
            case "figure", "picture": hasFigure = true
            case "h1", "h2", "h3", "h4", "h5", "h6": headings += 1
            default: break
            }
            return .descend
        }
        let chars = figures.chars
        // A block that is nearly all list is judged as a list.
        let isList = node.hasName("ul") || node.hasName("ol") || (chars > 0 && Double(listChars) / Double(chars) > 0.9)
        let linkDensity = figures.linkDensity

        if images > 1, Double(paragraphs) / Double(images) < 0.5, !hasFigure { return true }
        if !isList, listItems > paragraphs { return true }
        if inputs > paragraphs / 3 { return true }
        if !isList, !hasFigure, headings == 0, chars < ConditionalCleaning.minimumChars, images == 0 || images > 2,
            linkDensity > 0
        {
            return true
        }
        // A list may be links (a table of contents is); a list of nothing
        // but links inside an article is "more stories" all the same.
        let allowedLinkDensity =
            isList
            ? ConditionalCleaning.maximumListLinkDensity
            : weight >= ContentScoring.classWeight
                ? ConditionalCleaning.maximumLinkDensityWithPositiveHint : ConditionalCleaning.maximumLinkDensity
        if linkDensity > allowedLinkDensity { return true }
        if (embeds == 1 && chars < 75) || embeds > 1 { return true }
        if images == 0, chars == 0 { return true }
        return false
    }

    private func isInsideCode(_ node: Node) -> Bool {
        node.ancestors.contains { $0.hasName("pre") || $0.hasName("code") }
    }

    /// A table of data (rows of short cells, a header, a caption) rather
    /// than a layout grid.
    static func isDataTable(_ node: Node) -> Bool {
        if node.attribute("role") == "presentation" { return false }
        var nested = false
        var rows = 0
        var hasHeaderOrCaption = false
        node.walkDescendants { child in
            guard child.isElement else { return .skipChildren }
            switch child.name {
            case "table": nested = true
            case "tr": rows += 1
            case "th", "thead", "caption": hasHeaderOrCaption = true
            default: break
            }
            return .descend
        }
        if nested { return false }
        return hasHeaderOrCaption || rows >= 3
    }
}
