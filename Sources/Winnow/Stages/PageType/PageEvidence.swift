import CLibXML2
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
        // A page without a URL says nothing of its shape: not a home page;
        // nor is a bare path with a query (`/?p=34503` is a WordPress post).
        add("url.root", !parts.host.isEmpty && segments.isEmpty && !parts.hasQuery)
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
        var inlineCode = 0
        /// Headings that hold a link: the titles of a listing's cards.
        var linkedHeadings = 0
        /// Paragraphs of at least `shortParagraphChars`, and their text.
        var paragraphs = 0
        var paragraphChars = 0
        /// Short texts that read as dates ("March 5, 2024", "3 days ago"):
        /// a listing's cards and a thread's posts each carry one.
        var dateTexts = 0
        /// Counts of `countedTags`, by tag raw value.
        var tagCounts = [Int](repeating: 0, count: HTMLTag.allCases.count)
        var listChars = 0
        var prices = 0
        var phraseCounts = [Int](repeating: 0, count: 5)
        var wordCounts = [Int](repeating: 0, count: 5)
        /// The largest run of same-shaped siblings that each hold a link
        /// and some text: cards of a listing, posts of a thread.
        var repeatedItems = 0
        var repeatedChars = 0
        /// The groups of one element's children, reused from element to
        /// element (a list a parent cost an allocation each).
        private var groups: [(key: UInt64, count: Int, chars: Int)] = []

        /// A paragraph this long, mostly outside links, is prose.
        static let longParagraphChars = 200
        /// A paragraph shorter than this is a label or a caption.
        static let shortParagraphChars = 40
        /// Text this short is a control, a label or a price, not prose.
        static let shortTextBytes = 48
        /// A card holds at least this much text.
        static let minimumItemChars = 15
        static let countedTags: [HTMLTag] = [.article, .form, .time, .table, .h2, .h3, .img, .section, .li, .dl, .blockquote]
        static let countedTagSet = TagSet(countedTags)

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
                if Self.countedTagSet.contains(tag) { tagCounts[Int(tag.rawValue)] += 1 }
                let figures = statistics[node]
                switch tag {
                case .p:
                    if figures.chars >= Self.shortParagraphChars {
                        paragraphs += 1
                        paragraphChars += figures.chars
                    }
                    if figures.chars >= Self.longParagraphChars, figures.linkDensity < 0.3 {
                        longParagraphs += 1
                        longParagraphChars += figures.chars
                    }
                case .pre:
                    codeBlocks += 1
                    codeChars += figures.chars
                    return .skipChildren
                case .code:
                    inlineCode += 1
                case .h1, .h2, .h3, .h4, .h5, .h6:
                    if figures.linkChars > 0 { linkedHeadings += 1 }
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
                    let classes = PageTypeVocabulary.classWords.classes(of: facts.nameWords)
                    if classes != 0 {
                        for index in wordCounts.indices where classes & (1 << UInt8(index)) != 0 { wordCounts[index] += 1 }
                    }
                }
                measureRepeatedChildren(of: node, statistics: statistics, facts: page.elementFacts)
                return .descend
            }
        }

        /// Groups the element children of `node` by tag and first class,
        /// and keeps the largest group whose members each hold a link and
        /// text. Groups are few: a list searched in place, not a table.
        private mutating func measureRepeatedChildren(of node: Node, statistics: TextStatistics, facts: ElementFactsCache) {
            var children = 0
            var child = node.pointer.pointee.children
            while let current = child, children < 3 {
                if current.pointee.type == XML_ELEMENT_NODE { children += 1 }
                child = current.pointee.next
            }
            guard children >= 3 else { return }
            groups.removeAll(keepingCapacity: true)
            for child in node.childNodes where child.isElement {
                let figures = statistics[child]
                guard figures.chars >= Self.minimumItemChars, figures.linkChars > 0 else { continue }
                let childFacts = facts.facts(of: child)
                let key = UInt64(childFacts.htmlTag.rawValue) &+ (childFacts.classHashes.first ?? 0) &* 31
                if let index = groups.firstIndex(where: { $0.key == key }) {
                    groups[index].count += 1
                    groups[index].chars += figures.chars
                } else {
                    groups.append((key, 1, figures.chars))
                }
            }
            for group in groups where group.count > repeatedItems {
                repeatedItems = group.count
                repeatedChars = group.chars
            }
        }

        /// Every phrase's lower-case bytes, one after another, with where
        /// each starts and ends and the list it belongs to (its place in
        /// `phraseCounts`), sorted by first byte; for each first byte the
        /// range of phrases that start with it; and a bit for each pair of
        /// bytes that opens a phrase (bit `first << 8 | second`), so that
        /// most positions are passed by one load. Flat lists: the scan
        /// reads them at every byte of every short text.
        static let phraseTable:
            (bytes: [UInt8], starts: [Int], ends: [Int], lists: [Int], byFirstByte: [Range<Int>], openingPairs: [UInt64]) = {
            let lists = [
                PageTypeVocabulary.commercePhrases, PageTypeVocabulary.documentationPhrases,
                PageTypeVocabulary.servicePhrases, PageTypeVocabulary.forumPhrases, PageTypeVocabulary.articlePhrases,
            ]
            let phrases = lists.enumerated().flatMap { list, phrases in phrases.map { (Array($0.utf8), list) } }
                .sorted { $0.0[0] < $1.0[0] }
            var bytes: [UInt8] = []
            var starts: [Int] = []
            var ends: [Int] = []
            var byFirstByte = [Range<Int>](repeating: 0..<0, count: 256)
            var openingPairs = [UInt64](repeating: 0, count: 65536 / 64)
            for (index, (phrase, _)) in phrases.enumerated() {
                precondition(phrase.count >= 2, "the pair filter needs phrases of two bytes at least")
                let pair = Int(phrase[0]) << 8 | Int(phrase[1])
                openingPairs[pair >> 6] |= 1 << UInt64(pair & 63)
                starts.append(bytes.count)
                bytes += phrase
                ends.append(bytes.count)
                let first = Int(phrase[0])
                byFirstByte[first] = byFirstByte[first].isEmpty ? index..<index + 1 : byFirstByte[first].lowerBound..<index + 1
            }
            return (bytes, starts, ends, phrases.map(\.1), byFirstByte, openingPairs)
        }()

        /// Counts prices and the telling phrases among short texts, on
        /// their bytes (ASCII lower-cased, in a buffer on the stack):
        /// every text node is asked, most are white space between tags.
        private mutating func scanShortText(_ node: Node) {
            guard let content = node.pointer.pointee.content else { return }
            var start = 0
            while content[start] != 0, Text.isASCIISpace(content[start]) { start += 1 }
            guard content[start] != 0 else { return }
            var length = 0
            while content[start + length] != 0 {
                length += 1
                if length > Self.shortTextBytes { return }
            }
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: length) { bytes in
                var hasDigit = false
                for index in 0..<length {
                    let byte = content[start + index]
                    bytes[index] = Text.lowercasedASCII(byte)
                    if byte >= 0x30 && byte <= 0x39 { hasDigit = true }
                }
                if hasDigit, Price.appears(in: bytes) { prices += 1 }
                if hasDigit, DateText.appears(in: bytes) { dateTexts += 1 }
                var found: UInt8 = 0
                let table = Self.phraseTable
                table.bytes.withUnsafeBufferPointer { phraseBytes in
                    for position in 0..<(length - 1) {
                        let pair = Int(bytes[position]) << 8 | Int(bytes[position + 1])
                        guard table.openingPairs[pair >> 6] & (1 << UInt64(pair & 63)) != 0 else { continue }
                        for phrase in table.byFirstByte[Int(bytes[position])] {
                            let start = table.starts[phrase]
                            let count = table.ends[phrase] - start
                            guard position + count <= length else { continue }
                            var offset = 1
                            while offset < count, bytes[position + offset] == phraseBytes[start + offset] { offset += 1 }
                            if offset == count { found |= 1 << UInt8(table.lists[phrase]) }
                        }
                    }
                }
                if found != 0 {
                    for index in phraseCounts.indices where found & (1 << UInt8(index)) != 0 { phraseCounts[index] += 1 }
                }
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
            evidence.add("code.inline", count: inlineCode)
            evidence.add("headings.linked", count: linkedHeadings)
            // Mean paragraph length, in units of 500 characters (capped):
            // a story's paragraphs run long, a pitch's and a card's short.
            evidence.add("prose.meanParagraph", paragraphs == 0 ? 0 : min(Double(paragraphChars) / Double(paragraphs) / 500, 1))
            evidence.add("dates", count: dateTexts)
            evidence.add("code.share", Double(codeChars) / total)
            for tag in Self.countedTags {
                evidence.add("tag.\(tag.name)", count: tagCounts[Int(tag.rawValue)])
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
