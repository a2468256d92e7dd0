import Foundation

/// The evidence a page gives of its type, as named figures: what its URL
/// looks like, what its structured data declares, and what its visible
/// page is made of (prose, code, prices, repeated cards, posts). Read in
/// one walk of the body once scripts and hidden elements are gone, from
/// the text figures the later stages share.
///
/// Figures are scaled to about 0...1 (counts as `log1p(n) / 5`, shares as
/// they are), so that one weight per figure and type decides
/// (`PageTypeModel`).
struct PageEvidence {
    /// Figure names in a fixed order: the model's weights are by name.
    private(set) var figures: [(name: String, value: Double)] = []

    subscript(name: String) -> Double {
        figures.first { $0.name == name }?.value ?? 0
    }

    private mutating func add(_ name: String, _ value: Double) {
        figures.append((name, value))
    }

    private mutating func add(_ name: String, count: Int) {
        figures.append((name, PageEvidence.scaled(count)))
    }

    private mutating func add(_ name: String, _ flag: Bool) {
        figures.append((name, flag ? 1 : 0))
    }

    /// A count on a log scale: 0 → 0, 1 → 0.14, 10 → 0.48, 150 → 1.
    static func scaled(_ count: Int) -> Double {
        log1p(Double(max(count, 0))) / 5
    }

    init(page: Page) {
        addURLFigures(page.url ?? page.metadata.canonicalURL)
        let declared = Set(page.structuredDataTypes)
        var walk = BodyWalk()
        if let body = page.document.body {
            walk.run(body, page: page)
        }
        let types = declared.union(walk.microdataTypes)
        func declares(_ set: Set<String>) -> Bool { !types.isDisjoint(with: set) }
        add("data.article", declares(PageTypeVocabulary.articleTypes))
        add("data.forum", declares(PageTypeVocabulary.forumTypes))
        add("data.product", declares(PageTypeVocabulary.productTypes))
        add("data.list", declares(PageTypeVocabulary.listTypes))
        add("data.documentation", declares(PageTypeVocabulary.documentationTypes))
        add("data.service", declares(PageTypeVocabulary.serviceTypes))
        add("data.faq", types.contains("faqpage"))
        add("data.comments", count: walk.microdataComments)
        let openGraph = page.openGraphType?.lowercased() ?? ""
        add("og.article", openGraph == "article" || openGraph == "blog")
        add("og.product", openGraph.hasPrefix("product") || openGraph.hasSuffix(":item") || openGraph.hasSuffix(":product"))
        add("og.website", openGraph == "website")
        add("og.none", openGraph.isEmpty)
        add("meta.published", page.statesPublication)
        add("meta.authors", !page.metadata.authors.isEmpty)
        walk.addFigures(to: &self)
    }

    // MARK: - URL

    private mutating func addURLFigures(_ url: String?) {
        let parts = URLParts(url)
        let segments = parts.segments
        func has(_ set: Set<String>) -> Bool { segments.contains(where: set.contains) }
        add("url.forum", has(PageTypeVocabulary.forumSegments) || PageTypeVocabulary.forumHostLabels.contains(parts.firstHostLabel))
        add("url.product", has(PageTypeVocabulary.productSegments))
        add("url.collection", has(PageTypeVocabulary.collectionSegments))
        add(
            "url.documentation",
            has(PageTypeVocabulary.documentationSegments)
                || PageTypeVocabulary.documentationHostLabels.contains(parts.firstHostLabel)
                || parts.host.contains("readthedocs") || parts.host.hasPrefix("doc."))
        add("url.listing", has(PageTypeVocabulary.listingSegments))
        // A page without a URL says nothing of its shape: not a home page.
        add("url.root", !parts.host.isEmpty && segments.isEmpty)
        add("url.depth", Double(min(segments.count, 5)) / 5)
        add("url.date", parts.hasDatePath)
        add("url.slugWords", Double(min(parts.lastSegmentWords, 10)) / 10)
        add("url.numericID", segments.contains { $0.filter(\.isNumber).count >= 5 })
        add("url.query", parts.hasQuery)
    }

    // MARK: - The body

    /// One walk of the body, counting what each type is made of.
    private struct BodyWalk {
        var microdataTypes: Set<String> = []
        var microdataComments = 0
        var chars = 0
        var linkChars = 0
        var commas = 0
        var headings = 0
        var longParagraphs = 0
        var longParagraphChars = 0
        var codeBlocks = 0
        var codeChars = 0
        var tagCounts: [HTMLTag: Int] = [:]
        var listChars = 0
        var prices = 0
        var phraseCounts = [Int](repeating: 0, count: 5)
        var wordCounts = [Int](repeating: 0, count: 5)
        /// The largest run of same-shaped siblings that each hold a link
        /// and some text: cards of a listing, posts of a thread.
        var repeatedItems = 0
        var repeatedChars = 0

        /// A paragraph this long, mostly outside links, is prose.
        static let longParagraphChars = 200
        /// Text this short is a control, a label or a price, not prose.
        static let shortTextBytes = 48
        /// A card holds at least this much text.
        static let minimumItemChars = 15
        static let countedTags: [HTMLTag] = [.article, .form, .time, .table, .h2, .h3, .img, .section, .li, .dl, .blockquote]

        mutating func run(_ body: Node, page: Page) {
            let statistics = page.textStatistics(under: body)
            let bodyFigures = statistics[body]
            chars = bodyFigures.chars
            linkChars = bodyFigures.linkChars
            listChars = bodyFigures.listChars
            commas = bodyFigures.commas
            headings = bodyFigures.headings
            body.walkDescendants { node in
                if node.isText {
                    scanShortText(node)
                    return .skipChildren
                }
                guard node.isElement else { return .skipChildren }
                let tag = node.tag
                if PageEvidence.BodyWalk.countedTags.contains(tag) { tagCounts[tag, default: 0] += 1 }
                let figures = statistics[node]
                switch tag {
                case .p:
                    if figures.chars >= Self.longParagraphChars, figures.linkDensity < 0.3 {
                        longParagraphs += 1
                        longParagraphChars += figures.chars
                    }
                case .pre:
                    codeBlocks += 1
                    codeChars += figures.chars
                    return .skipChildren
                default:
                    break
                }
                if let itemType = node.attribute("itemtype") {
                    let name = itemType.split(separator: "/").last.map { $0.lowercased() } ?? ""
                    microdataTypes.insert(name)
                    if name == "comment" { microdataComments += 1 }
                }
                let facts = page.elementFacts.facts(of: node)
                if !facts.nameWords.isEmpty {
                    let sets = [
                        PageTypeVocabulary.postWords, PageTypeVocabulary.productWords, PageTypeVocabulary.cardWords,
                        PageTypeVocabulary.documentationWords, PageTypeVocabulary.serviceWords,
                    ]
                    for (index, set) in sets.enumerated()
                    where set.containsWord(of: facts.nameWords, at: 0..<facts.nameWords.words.count) {
                        wordCounts[index] += 1
                    }
                }
                measureRepeatedChildren(of: node, statistics: statistics, facts: page.elementFacts)
                return .descend
            }
        }

        /// Groups the element children of `node` by tag and class, and
        /// keeps the largest group whose members each hold a link and text.
        private mutating func measureRepeatedChildren(of node: Node, statistics: TextStatistics, facts: ElementFactsCache) {
            var groups: [String: (count: Int, chars: Int)] = [:]
            var children = 0
            for child in node.childNodes where child.isElement {
                children += 1
                let figures = statistics[child]
                guard figures.chars >= Self.minimumItemChars, figures.linkChars > 0 else { continue }
                let childFacts = facts.facts(of: child)
                let key = childFacts.tag + "." + (childFacts.classes.first ?? "")
                groups[key, default: (0, 0)].count += 1
                groups[key, default: (0, 0)].chars += figures.chars
            }
            guard children >= 3 else { return }
            for group in groups.values where group.count > repeatedItems {
                repeatedItems = group.count
                repeatedChars = group.chars
            }
        }

        /// Counts prices and the telling phrases among short texts.
        private mutating func scanShortText(_ node: Node) {
            guard let content = node.pointer.pointee.content else { return }
            let length = strlen(content)
            guard length > 0, length <= Self.shortTextBytes else { return }
            let text = String(cString: content).lowercased()
            if Price.appears(in: text) { prices += 1 }
            let phraseLists = [
                PageTypeVocabulary.commercePhrases, PageTypeVocabulary.documentationPhrases,
                PageTypeVocabulary.servicePhrases, PageTypeVocabulary.forumPhrases, PageTypeVocabulary.articlePhrases,
            ]
            for (index, phrases) in phraseLists.enumerated() where phrases.contains(where: text.contains) {
                phraseCounts[index] += 1
            }
        }

        func addFigures(to evidence: inout PageEvidence) {
            let total = Double(max(chars, 1))
            evidence.add("text.length", log1p(Double(chars)) / 12)
            evidence.add("text.linkDensity", Double(linkChars) / total)
            evidence.add("text.listShare", Double(listChars) / total)
            // Prose runs at about one comma per 80 characters; a pitch, a
            // list or a grid of cards at far fewer.
            evidence.add("text.commaRate", min(Double(commas) * 80 / total, 2))
            // Headings per 1 000 characters: sections of a pitch or a
            // reference page are short.
            evidence.add("text.headingRate", min(Double(headings) * 1000 / total, 10) / 10)
            evidence.add("prose.paragraphs", count: longParagraphs)
            evidence.add("prose.share", Double(longParagraphChars) / total)
            evidence.add("code.blocks", count: codeBlocks)
            evidence.add("code.share", Double(codeChars) / total)
            for tag in Self.countedTags {
                evidence.add("tag.\(tag.name)", count: tagCounts[tag] ?? 0)
            }
            evidence.add("prices", count: prices)
            for (name, count) in zip(["commerce", "documentation", "service", "forum", "article"], phraseCounts) {
                evidence.add("phrases.\(name)", count: count)
            }
            for (name, count) in zip(["post", "product", "card", "documentation", "service"], wordCounts) {
                evidence.add("classes.\(name)", count: count)
            }
            evidence.add("repeated.items", count: repeatedItems)
            evidence.add("repeated.share", Double(repeatedChars) / total)
        }
    }
}
