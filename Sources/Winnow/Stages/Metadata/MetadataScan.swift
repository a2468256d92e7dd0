import CLibXML2

/// Everything the metadata stage reads from the tree, gathered in one walk:
/// `<meta>` tags, `<title>`, `<link rel=canonical|author>`, JSON-LD script
/// texts, `<time>` elements and the first `<h1>`. Strings are built only for
/// those; every other element costs a tag-name comparison.
struct MetadataScan {
    var meta = MetaTags()
    var title: String?
    var canonicalHref: String?
    /// The first `<base href>`: what the page's relative URLs resolve against.
    var baseHref: String?
    /// `<a rel=author>` links (the first few): their text names an author.
    var authorLinks: [Node] = []
    var jsonLDTexts: [String] = []
    /// `<time>` elements in document order (the first few).
    var times: [Node] = []
    /// hAtom's dates (`<abbr class="published" title="2012-10-26T08:15:00+01:00">`,
    /// Blogger's post footer): microformat classes on elements whose
    /// `title` holds the machine date.
    var microformatDates: [Node] = []
    var firstH1: Node?
    /// How many `<h1>` elements the page has: the only one is the page's
    /// headline more surely than the first of several.
    var h1Count = 0
    /// The first few `<h1>`–`<h3>`, in page order: on blogs whose `<h1>` is
    /// the blog's name, the entry's own heading is one of these.
    var headings: [Node] = []
    static let keptHeadings = 8
    /// How many `<article>` elements the page has: a `<time>` inside the
    /// only one dates the article; with several, the page is a list.
    var articleCount = 0
    /// Dates the page may show (`<time>` elements and short text nodes
    /// with a year), in page order, around the headline: the last
    /// `keptDatesBeforeHeadline` before it and the first
    /// `keptDatesAfterHeadline` after it, so that a page with a date on
    /// every line keeps few (see `VisibleDates`).
    var dateCandidates: [DateCandidate] {
        headlineOffset == nil ? firstDates : datesBeforeHeadline + datesAfterHeadline
    }
    /// The first dates of a page that has no headline.
    private var firstDates: [DateCandidate] = []
    private var datesBeforeHeadline: [DateCandidate] = []
    private var datesAfterHeadline: [DateCandidate] = []
    /// Bytes of text the walk had passed at the headline: the first
    /// `<h1>`, else the first `<h2>` until an `<h1>` comes.
    var headlineOffset: Int?
    private var headlineIsH1 = false
    static let keptDatesBeforeHeadline = 16
    static let keptDatesAfterHeadline = 48
    /// A text node longer than this is prose, not a dateline.
    static let maximumDatelineBytes = 200

    /// How many `<time>` and author links to keep: the first ones are the
    /// article's; later ones belong to comments, lists of related stories.
    static let keptTimes = 20
    static let keptAuthorLinks = 10

    init(document: Document) {
        guard let root = document.root else { return }
        var textOffset = 0
        root.walkDescendants { node in
            guard node.isElement else {
                if node.isText, let content = node.pointer.pointee.content {
                    let length = Int(xmlStrlen(content))
                    if length <= MetadataScan.maximumDatelineBytes, MetadataScan.mayHoldYear(content, length: length) {
                        keepDate(DateCandidate(node: node, offset: textOffset))
                    }
                    textOffset += length
                }
                return .skipChildren
            }
            // One tag lookup, not a name comparison per tag of interest.
            switch node.tag {
            case .meta:
                meta.add(node)
                return .skipChildren
            case .script:
                if let type = node.attribute("type"), MetadataScan.isJSONLD(type) {
                    jsonLDTexts.append(node.textContent)
                }
                return .skipChildren
            case .link:
                if canonicalHref == nil, node.attribute("rel", hasToken: "canonical"),
                    let href = node.attribute("href").map(Text.collapsingWhitespace), !href.isEmpty
                {
                    canonicalHref = href
                }
                return .skipChildren
            case .title:
                if title == nil {
                    let text = Text.collapsingWhitespace(node.textContent)
                    if !text.isEmpty { title = text }
                }
                return .skipChildren
            case .time:
                if times.count < MetadataScan.keptTimes { times.append(node) }
                keepDate(DateCandidate(node: node, offset: textOffset))
                // Its text is the element's date, not a dateline of its own.
                textOffset += Int(xmlStrlen(node.pointer.pointee.children?.pointee.content))
                return .skipChildren
            case .abbr:
                if microformatDates.count < MetadataScan.keptTimes, node.hasAttribute("title"),
                    node.attribute("class", containsAnyOf: ["published", "updated"])
                {
                    microformatDates.append(node)
                }
                return .descend
            case .h2, .h3:
                if headings.count < MetadataScan.keptHeadings { headings.append(node) }
                if headlineOffset == nil, node.tag == .h2 { passHeadline(at: textOffset, isH1: false) }
                return .skipChildren
            case .article:
                articleCount += 1
                return .descend
            case .h1:
                h1Count += 1
                if firstH1 == nil {
                    firstH1 = node
                    passHeadline(at: textOffset, isH1: true)
                }
                if headings.count < MetadataScan.keptHeadings { headings.append(node) }
                return .skipChildren
            case .a:
                if authorLinks.count < MetadataScan.keptAuthorLinks, node.attribute("rel", hasToken: "author") {
                    authorLinks.append(node)
                }
                return .descend
            // Their <title> and <meta> are not the page's.
            case .svg, .style, .template:
                return .skipChildren
            case .other:
                if baseHref == nil, node.hasName("base"), let href = node.attribute("href"), !href.isEmpty {
                    baseHref = href
                }
                return node.hasName("math") ? .skipChildren : .descend
            default:
                return .descend
            }
        }
    }

    /// Keeps a date candidate, within the numbers kept around the headline.
    private mutating func keepDate(_ candidate: DateCandidate) {
        if headlineOffset == nil {
            if firstDates.count < MetadataScan.keptDatesAfterHeadline { firstDates.append(candidate) }
            datesBeforeHeadline.append(candidate)
            if datesBeforeHeadline.count > 2 * MetadataScan.keptDatesBeforeHeadline {
                datesBeforeHeadline.removeFirst(datesBeforeHeadline.count - MetadataScan.keptDatesBeforeHeadline)
            }
        } else if datesAfterHeadline.count < MetadataScan.keptDatesAfterHeadline {
            datesAfterHeadline.append(candidate)
        }
    }

    /// Marks the headline: the first `<h1>`; an `<h2>` stands in until one
    /// comes (the dates after the `<h2>` are then before the headline).
    private mutating func passHeadline(at offset: Int, isH1: Bool) {
        if headlineOffset != nil, !headlineIsH1, isH1 {
            datesBeforeHeadline += datesAfterHeadline
            datesAfterHeadline = []
        }
        if datesBeforeHeadline.count > MetadataScan.keptDatesBeforeHeadline {
            datesBeforeHeadline.removeFirst(datesBeforeHeadline.count - MetadataScan.keptDatesBeforeHeadline)
        }
        headlineOffset = offset
        headlineIsH1 = isH1
    }

    /// Whether `length` bytes at `content` hold a four-digit run from 19xx
    /// to 20xx or 2100 standing alone: the year any dateline (not an
    /// all-number one with a two-digit year) shows.
    static func mayHoldYear(_ content: UnsafePointer<UInt8>, length: Int) -> Bool {
        var run = 0
        var index = 0
        while index <= length {
            let byte = index < length ? content[index] : 0
            if byte >= 0x30 && byte <= 0x39 {
                run += 1
            } else {
                if run == 4 {
                    let first = content[index - 4]
                    let second = content[index - 3]
                    if (first == UInt8(ascii: "1") && second == UInt8(ascii: "9")) || (first == UInt8(ascii: "2") && (second == UInt8(ascii: "0") || second == UInt8(ascii: "1"))) {
                        return true
                    }
                }
                run = 0
            }
            index += 1
        }
        return false
    }

    static func isJSONLD(_ type: String) -> Bool {
        Text.collapsingWhitespace(type).lowercased() == "application/ld+json"
    }
}

/// The page's `<meta>` tags: every value of every key, in document order.
///
/// A tag counts under each of its `name`, `property`, `itemprop` and
/// `http-equiv`, lower-cased, with `.` read as `:` so `DC.creator`,
/// `dc:creator` and `dc.creator` are one key.
///
/// An `itemprop` counts only when it describes the page: outside any
/// `itemscope`, or in one whose `itemtype` is an article or web page.
/// Microdata of a review, an offer or a comment (`datePublished`,
/// `author`) is about that item, not the page.
struct MetaTags {
    private(set) var values: [String: [String]] = [:]

    init() {}

    /// Reads each attribute's bytes in place instead of copying it out
    /// (`xmlGetProp`) and splitting it Character by Character, which cost
    /// about 12 000 instructions a tag. An ASCII value is read byte by
    /// byte, where a Character is a byte (CR LF aside, which is no space):
    /// the same words and keys. A value past ASCII takes the String path.
    mutating func add(_ node: Node) {
        guard let content = MetaTags.content(of: node), !content.isEmpty else { return }
        // Room for a usual page's keys at once, not grown from one: only
        // lookups read `values`, so its layout changes nothing.
        if values.isEmpty { values.reserveCapacity(32) }
        addKeys(of: node, "property", content: content)
        addKeys(of: node, "name", content: content)
        addKeys(of: node, "itemprop", content: content, when: MetaTags.describesPage)
        addKeys(of: node, "http-equiv", content: content)
    }

    /// `content`, white space collapsed.
    private static func content(of node: Node) -> String? {
        node.withAttribute("content") { bytes in
            // ASCII bytes are the String's bytes as they are.
            if bytes.allSatisfy({ $0 < 0x80 }) { return Text.collapsingWhitespace(utf8: bytes) }
            return Text.collapsingWhitespace(String(cString: bytes.baseAddress!))
        }
    }

    /// Files `content` under every space-separated key of `attribute`
    /// (`property` may hold several, RDFa), if `node` has it and
    /// `condition` holds.
    private mutating func addKeys(
        of node: Node, _ attribute: StaticString, content: String, when condition: (Node) -> Bool = { _ in true }
    ) {
        _ = node.withAttribute(attribute) { bytes in
            guard condition(node) else { return }
            guard bytes.allSatisfy({ $0 < 0x80 }) else {
                for part in String(cString: bytes.baseAddress!).split(separator: " ") {
                    values[MetaTags.normalizedKey(part), default: []].append(content)
                }
                return
            }
            var start = 0
            while start < bytes.count {
                guard bytes[start] != 0x20 else {
                    start += 1
                    continue
                }
                var end = start + 1
                while end < bytes.count, bytes[end] != 0x20 { end += 1 }
                values[MetaTags.normalizedKey(ascii: UnsafeBufferPointer(rebasing: bytes[start..<end])), default: []].append(content)
                start = end
            }
        }
    }

    /// Whether `node`'s nearest `itemscope` (if any) is the article or page.
    static func describesPage(_ node: Node) -> Bool {
        guard let scope = node.ancestors.first(where: { $0.hasAttribute("itemscope") }) else { return true }
        guard let type = scope.attribute("itemtype") else { return false }
        return type.split(separator: " ").contains { url in
            let local = (url.split(whereSeparator: { $0 == "/" || $0 == "#" || $0 == ":" }).last ?? url).lowercased()
            return JSONLDMetadata.isArticleType(local) || JSONLDMetadata.pageTypes.contains(local)
        }
    }

    /// `normalizedKey` of an ASCII key's bytes.
    static func normalizedKey(ascii key: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: key.count) { buffer in
            for (index, byte) in key.enumerated() {
                buffer[index] = byte == 0x2E ? 0x3A : Text.lowercasedASCII(byte)
            }
            return key.count
        }
    }

    static func normalizedKey<S: StringProtocol>(_ key: S) -> String {
        if key.utf8.allSatisfy({ $0 < 0x80 }) {
            return key.utf8.withContiguousStorageIfAvailable(normalizedKey(ascii:))
                ?? Array(key.utf8).withUnsafeBufferPointer(normalizedKey(ascii:))
        }
        return String(key.lowercased().map { $0 == "." ? ":" : $0 })
    }

    /// The first value of the first key that has one.
    func first(_ keys: [String]) -> String? {
        for key in keys {
            if let value = values[key]?.first { return value }
        }
        return nil
    }

    func first(_ keys: String...) -> String? { first(keys) }

    /// Every value of `key`.
    func all(_ key: String) -> [String] { values[key] ?? [] }
}
