/// Readability's paragraph scoring over a stripped tree: which container
/// holds the article. Constants are Readability.js's unless said otherwise;
/// they were calibrated as a set there, so change them together.
struct ContentScoring {
    // MARK: - Vocabulary

    /// Containers a paragraph's score flows into, with a base score by tag:
    /// divs usually wrap prose, list and form parts rarely do.
    static func tagBaseScore(_ tag: HTMLTag) -> Double {
        switch tag {
        case .div, .article, .section, .main: return 5
        case .pre, .td, .blockquote: return 3
        case .address, .ol, .ul, .dl, .dd, .dt, .li, .form: return -3
        case .h1, .h2, .h3, .h4, .h5, .h6, .th: return -5
        default: return 0
        }
    }
    /// Class/id words that mark content.
    static let positiveWords = WordSet([
        "article", "body", "content", "entry", "hentry", "main", "page", "post", "text", "blog", "story",
        "prose", "column",
    ])
    /// Fragments that mark content even inside a longer word
    /// (`articlebody`, `postcontent`). Only positive hints use fragments: a
    /// wrong positive hint costs a little score, a wrong negative one
    /// costs the article.
    static let positiveFragments = ["article", "content", "entry", "story"]
    /// Each of `positiveFragments` as the integer its last bytes make in a
    /// window that bytes are shifted into (8 bytes at most), with the mask
    /// of its length.
    private static let packedFragments: [(bytes: UInt64, mask: UInt64, length: Int)] = positiveFragments.map { fragment in
        precondition(fragment.utf8.count <= 8, "a fragment is searched for in an 8-byte window")
        let bytes = fragment.utf8.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        let length = fragment.utf8.count
        return (bytes, length == 8 ? UInt64.max : (1 << UInt64(8 * length)) - 1, length)
    }
    /// Class/id words that mark the frame around content.
    static let negativeWords = WordSet([
        "hidden", "banner", "combx", "comment", "comments", "contact", "footer", "gdpr", "masthead", "media",
        "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar", "skyscraper",
        "sponsor", "shopping", "tags", "widget", "ad", "ads", "advert", "advertisement", "nav", "menu",
        "breadcrumb", "breadcrumbs", "byline", "author", "social", "popup", "modal", "newsletter",
        "subscribe", "teaser", "recommended", "trending", "footnote",
    ])
    /// Weight of one class/id hint.
    static let classWeight = 25.0
    /// Elements scored as paragraphs.
    static let paragraphTags = TagSet([.p, .pre, .td, .section, .h2, .h3, .h4, .h5, .h6])
    /// Text shorter than this is not a paragraph (captions, labels).
    static let minimumParagraphChars = 25
    /// One point per this many characters, up to `maximumLengthPoints`.
    static let charsPerPoint = 100
    static let maximumLengthPoints = 3
    /// How far up a paragraph's score travels.
    static let ancestorLevels = 5
    /// Siblings join the winner when they score this share of it...
    static let siblingShare = 0.2
    /// ...or at least this much.
    static let minimumSiblingScore = 10.0
    /// A plain sibling paragraph joins when it is this long with a link
    /// density under `siblingLinkDensity`, or shorter, link-free and ends a
    /// sentence.
    static let siblingParagraphChars = 80
    static let siblingLinkDensity = 0.25
    /// Other candidates scoring this share of the winner, if enough of them
    /// share an ancestor with it, promote that ancestor.
    static let alternativeShare = 0.75
    static let alternativesToPromote = 3

    // MARK: - Scoring

    let root: Node
    let statistics: TextStatistics
    let facts: ElementFactsCache
    private(set) var scores: [Node: Double] = [:]

    init(root: Node, statistics: TextStatistics, facts: ElementFactsCache) {
        self.root = root
        self.statistics = statistics
        self.facts = facts
        scores = score()
    }

    static func classWeight(of words: NameWords) -> Double {
        guard !words.isEmpty else { return 0 }
        var weight = 0.0
        var positive = false
        var negative = false
        _ = words.firstToken { token in
            if !negative, negativeWords.containsWord(of: words, at: token) { negative = true }
            if !positive, positiveWords.containsWord(of: words, at: token) || holdsPositiveFragment(words, at: token) {
                positive = true
            }
            return positive && negative
        }
        if positive { weight += classWeight }
        if negative { weight -= classWeight }
        return weight
    }

    /// Whether the token's words, written together, hold one of
    /// `positiveFragments` (`postcontent`, `article-body`): what searching
    /// `token.joined()` for each finds, read through a window of the last
    /// 8 bytes, without making the joined String (one a token, for every
    /// element scored).
    static func holdsPositiveFragment(_ words: NameWords, at token: Range<Int>) -> Bool {
        var window: UInt64 = 0
        var seen = 0
        for position in token {
            for byte in words.words[position].utf8 {
                window = window << 8 | UInt64(byte)
                seen += 1
                for fragment in packedFragments where seen >= fragment.length && window & fragment.mask == fragment.bytes {
                    return true
                }
            }
        }
        return false
    }

    private func score() -> [Node: Double] {
        var scores: [Node: Double] = [:]
        func add(_ points: Double, to node: Node) {
            if let current = scores[node] {
                scores[node] = current + points
            } else {
                scores[node] = ContentScoring.tagBaseScore(node.tag) + ContentScoring.classWeight(of: facts.facts(of: node).nameWords) + points
            }
        }
        root.walkDescendants { node in
            guard node.isElement else { return .skipChildren }
            let tag = node.tag
            let paragraphChars: Int
            let commas: Int
            if ContentScoring.paragraphTags.contains(tag) || (tag == .div && !hasBlockChild(node)) {
                let figures = statistics[node]
                paragraphChars = figures.chars
                commas = figures.commas
            } else if tag == .div {
                // Text written straight into a div beside blocks counts as
                // a paragraph of that div (Readability wraps it in a <p>).
                (paragraphChars, commas) = inlineFigures(of: node)
                if paragraphChars >= ContentScoring.minimumParagraphChars {
                    let points = paragraphPoints(chars: paragraphChars, commas: commas)
                    add(points, to: node)
                    var level = 1
                    for ancestor in node.ancestors {
                        guard level < ContentScoring.ancestorLevels else { break }
                        add(points / ContentScoring.divider(level), to: ancestor)
                        if ancestor == root { break }
                        level += 1
                    }
                }
                return .descend
            } else {
                return .descend
            }
            guard paragraphChars >= ContentScoring.minimumParagraphChars else { return .skipChildren }
            let points = paragraphPoints(chars: paragraphChars, commas: commas)
            var level = 0
            for ancestor in node.ancestors {
                guard level < ContentScoring.ancestorLevels else { break }
                add(points / ContentScoring.divider(level), to: ancestor)
                if ancestor == root { break }
                level += 1
            }
            // Paragraphs inside paragraph-like cells are counted once.
            return tag == .td || tag == .section ? .descend : .skipChildren
        }
        for (node, score) in scores {
            scores[node] = score * (1 - statistics[node].linkDensity)
        }
        return scores
    }

    /// Parent takes all, grandparent half, then a third per level.
    private static func divider(_ level: Int) -> Double {
        switch level {
        case 0: return 1
        case 1: return 2
        default: return Double(level * 3)
        }
    }

    private func paragraphPoints(chars: Int, commas: Int) -> Double {
        1 + Double(commas) + Double(min(chars / ContentScoring.charsPerPoint, ContentScoring.maximumLengthPoints))
    }

    private func hasBlockChild(_ node: Node) -> Bool {
        node.childNodes.contains { $0.isElement && HTMLVocabulary.blockTags.contains($0.tag) }
    }

    private func inlineFigures(of node: Node) -> (chars: Int, commas: Int) {
        var chars = 0
        var commas = 0
        for child in node.childNodes where child.isText || (child.isElement && !HTMLVocabulary.blockTags.contains(child.tag)) {
            let figures = statistics[child]
            chars += figures.chars
            commas += figures.commas
        }
        return (chars, commas)
    }

    // MARK: - Choosing

    /// The points of the paragraphs that are children of the root itself.
    private func directParagraphScore() -> Double {
        var total = 0.0
        for child in root.children where ContentScoring.paragraphTags.contains(child.tag) {
            let figures = statistics[child]
            guard figures.chars >= ContentScoring.minimumParagraphChars else { continue }
            total += paragraphPoints(chars: figures.chars, commas: figures.commas) * (1 - figures.linkDensity)
        }
        return total
    }

    func bestCandidate() -> Node? {
        let ranked = scores.filter { $0.key != root }.sorted { lhs, rhs in
            lhs.value != rhs.value ? lhs.value > rhs.value : documentOrder(lhs.key, rhs.key)
        }
        guard var best = ranked.first?.key, let bestScore = ranked.first?.value, bestScore > 0 else { return nil }
        // Text written straight into the root (a man page's one `<pre>` in
        // `<body>`) scores for no candidate: when it outweighs the best
        // one, the root itself is the content.
        if directParagraphScore() > bestScore { return root }

        // Several strong candidates under one ancestor: the article is split
        // into parts, and the ancestor holds them all.
        let alternatives = ranked.dropFirst().prefix(5).filter { $0.value >= ContentScoring.alternativeShare * bestScore }.map(\.key)
        if alternatives.count >= ContentScoring.alternativesToPromote {
            var ancestor = best.parent
            while let candidate = ancestor, candidate != root {
                if alternatives.filter({ $0.isInside(candidate) }).count >= ContentScoring.alternativesToPromote {
                    best = candidate
                    break
                }
                ancestor = candidate.parent
            }
        }
        // A lone child adds nothing its parent does not have.
        while let parent = best.parent, parent != root, parent.children.count == 1 {
            best = parent
        }
        return best
    }

    /// How many candidates `--explain` lists.
    static let candidatesExplained = 3

    /// The best-scored candidates, for `--explain`: "candidates: div#a
    /// 152.3 (4021 chars), …".
    func bestCandidatesDescription(statistics: TextStatistics) -> [String] {
        let ranked = scores.filter { $0.key != root && $0.value > 0 }.sorted { lhs, rhs in
            lhs.value != rhs.value ? lhs.value > rhs.value : documentOrder(lhs.key, rhs.key)
        }
        guard !ranked.isEmpty else { return [] }
        let listed = ranked.prefix(ContentScoring.candidatesExplained).map { node, score in
            "\(node.label) \(String(format: "%.1f", score)) (\(statistics[node].chars) chars)"
        }
        return ["best-scored of \(ranked.count) candidates: " + listed.joined(separator: ", ")]
    }

    private func documentOrder(_ lhs: Node, _ rhs: Node) -> Bool {
        statistics.documentPosition(of: lhs) < statistics.documentPosition(of: rhs)
    }

    /// The winner with the siblings that belong to it. When any sibling
    /// joins, their parent becomes the content and the other siblings are
    /// dropped (logged), so the article stays one subtree.
    func mergingSiblings(of best: Node, page: Page) -> Node {
        guard let parent = best.parent else { return best }
        let bestScore = scores[best] ?? 0
        let threshold = max(ContentScoring.minimumSiblingScore, bestScore * ContentScoring.siblingShare)
        let bestClass = best.attribute("class")
        var joined: [Node] = []
        var others: [Node] = []
        for sibling in parent.childNodes where sibling != best {
            guard sibling.isElement else {
                if sibling.hasVisibleOwnText { others.append(sibling) }
                continue
            }
            var score = scores[sibling] ?? 0
            if let bestClass, !bestClass.isEmpty, sibling.attribute("class") == bestClass {
                score += bestScore * ContentScoring.siblingShare
            }
            if score >= threshold || isPlainParagraph(sibling) {
                joined.append(sibling)
            } else {
                others.append(sibling)
            }
        }
        guard !joined.isEmpty else { return best }
        for node in others { page.remove(node, rule: "outside-main-content") }
        return parent
    }

    private func isPlainParagraph(_ node: Node) -> Bool {
        guard node.hasName("p") else { return false }
        let figures = statistics[node]
        if figures.chars > ContentScoring.siblingParagraphChars {
            return figures.linkDensity < ContentScoring.siblingLinkDensity
        }
        guard figures.chars > 0, figures.linkChars == 0 else { return false }
        let text = node.textContent.trimmingTrailingSpaces()
        return text.hasSuffix(".")
    }
}

extension String {
    func trimmingTrailingSpaces() -> Substring {
        var end = endIndex
        while end > startIndex, let last = self[..<end].unicodeScalars.last, Text.isSpace(last) {
            end = index(before: end)
        }
        return self[..<end]
    }
}
