import Foundation

/// What the page's JSON-LD (`<script type="application/ld+json">`) says
/// about the article: the structured data publishers write for search
/// engines, and so the most deliberate statement a page makes about itself.
///
/// Every script is parsed on its own; one that is not valid JSON is skipped.
/// Objects are gathered from top-level arrays, `@graph` arrays and nested
/// `mainEntity`; references (`{"@id": …}`, as Yoast writes its graph) are
/// resolved against the objects that carry that `@id`. The article is the
/// first object of an article type, else the first of a web-page type.
struct JSONLDMetadata {
    var headline: String?
    var name: String?
    var authors: [String] = []
    /// As written; the stage normalises dates.
    var published: String?
    var modified: String?
    /// The publisher's name.
    var siteName: String?
    /// The name of the `WebSite` object, when there is one.
    var websiteName: String?
    var description: String?
    var language: String?
    /// The article's `url` or `mainEntityOfPage`: a canonical URL of last resort.
    var url: String?
    /// The article's schema.org `comment` list, with replies nested.
    var comments: [Comment] = []
    /// The article's `commentCount`.
    var commentCount: Int?
    /// The description of the page's product (`Product` or `ProductGroup`),
    /// as written: a shop's description, often hidden in the DOM in tabs or
    /// kept only in script data.
    var productDescription: String?
    /// Every object's types (lower case, local names), in order, each once:
    /// what the page declares itself to be, for the page-type stage.
    var declaredTypes: [String] = []

    /// Types whose object describes the article itself: schema.org's
    /// Article and its subtypes, which all end in `article` or `posting`
    /// (NewsArticle, ReportageNewsArticle, BlogPosting, …), and these.
    static let articleTypes: Set<String> = ["report", "reportagenews"]

    static func isArticleType(_ type: String) -> Bool {
        type.hasSuffix("article") || type.hasSuffix("posting") || articleTypes.contains(type)
    }

    /// Types that describe the page around the article: used only when no
    /// article object exists.
    static let pageTypes: Set<String> = ["webpage", "itempage", "aboutpage", "profilepage", "qapage", "faqpage"]
    static let organisationTypes: Set<String> = [
        "organization", "newsmediaorganization", "corporation", "educationalorganization", "governmentorganization",
        "ngo", "onlinebusiness",
    ]

    /// How deep `@graph` / `mainEntity` nesting is followed.
    private static let maximumNesting = 4

    init() {}

    init(scripts: [String]) {
        var objects: [[String: Any]] = []
        for script in scripts {
            guard let value = JSONLDMetadata.parse(script) else { continue }
            JSONLDMetadata.collect(value, into: &objects, depth: 0)
        }
        guard !objects.isEmpty else { return }
        var seen: Set<String> = []
        declaredTypes = objects.flatMap(JSONLDMetadata.types(of:)).filter { seen.insert($0).inserted }
        productDescription = objects.lazy.filter { JSONLDMetadata.types(of: $0).contains { $0 == "product" || $0 == "productgroup" } }
            .compactMap { JSONLDMetadata.string($0["description"]) }.first
        let index = JSONLDMetadata.index(objects)

        let article =
            objects.first { JSONLDMetadata.types(of: $0).contains(where: JSONLDMetadata.isArticleType) }
            ?? objects.first { JSONLDMetadata.types(of: $0).contains(where: JSONLDMetadata.pageTypes.contains) }

        let website = objects.first { JSONLDMetadata.types(of: $0).contains("website") }
        websiteName = JSONLDMetadata.string(website?["name"])
        siteName = JSONLDMetadata.name(of: JSONLDMetadata.resolve(article?["publisher"], in: index)) ?? websiteName
        if let article { fill(from: article, index: index) }
    }

    private mutating func fill(from article: [String: Any], index: [String: [String: Any]]) {
        headline = JSONLDMetadata.string(article["headline"])
        name = JSONLDMetadata.string(article["name"])
        published = JSONLDMetadata.string(article["datePublished"])
        modified = JSONLDMetadata.string(article["dateModified"])
        description = JSONLDMetadata.string(article["description"])
        language = JSONLDMetadata.string(article["inLanguage"])
            ?? JSONLDMetadata.string((article["inLanguage"] as? [String: Any])?["alternateName"])
        url = JSONLDMetadata.string(article["url"]) ?? JSONLDMetadata.reference(article["mainEntityOfPage"])
        comments = JSONLDMetadata.comments(article["comment"], index: index, depth: 0)
        commentCount = (article["commentCount"] as? Int) ?? JSONLDMetadata.string(article["commentCount"]).flatMap { Int($0) }

        var people: [String] = []
        var organisations: [String] = []
        // A page object (a forum's QAPage) credits no one itself: the
        // author of its main entity (the Question, the thread's opening
        // post) is the page's.
        let credited = article["author"] ?? JSONLDMetadata.resolve(article["mainEntity"], in: index)?["author"]
        for author in JSONLDMetadata.list(credited) {
            if let text = JSONLDMetadata.string(author) {
                if !AuthorNames.looksLikeURL(text) { people.append(text) }
                continue
            }
            let object = JSONLDMetadata.resolve(author, in: index)
            guard let name = JSONLDMetadata.name(of: object), !AuthorNames.looksLikeURL(name) else { continue }
            if let object, JSONLDMetadata.types(of: object).contains(where: JSONLDMetadata.organisationTypes.contains) {
                organisations.append(name)
            } else {
                people.append(name)
            }
        }
        // An organisation named as author beside people is the publisher
        // crediting itself; alone, it is the only byline there is.
        if people.isEmpty {
            authors = organisations
        } else {
            let site = siteName?.lowercased()
            authors = people + organisations.filter { $0.lowercased() != site }
        }
    }

    /// How deep replies (`comment` inside a `Comment`) are followed.
    static let maximumCommentNesting = 50

    /// schema.org `Comment` objects: author, date, text, and their own
    /// `comment` lists as replies.
    static func comments(_ value: Any?, index: [String: [String: Any]], depth: Int) -> [Comment] {
        guard depth < maximumCommentNesting else { return [] }
        return list(value).compactMap { item -> Comment? in
            guard let object = resolve(item, in: index) else { return nil }
            // The text's line breaks are its paragraphs: not collapsed
            // like the one-line strings (`string(_:)`).
            let text = (object["text"] as? String).map { Text.collapsingWhitespaceKeepingParagraphs(HTMLEntities.decode($0)) } ?? ""
            let replies = comments(object["comment"], index: index, depth: depth + 1)
            guard !text.isEmpty || !replies.isEmpty else { return nil }
            let author = resolve(object["author"], in: index)
            let date = string(object["dateCreated"]) ?? string(object["datePublished"])
            let iso = date.flatMap(MetadataDate.iso8601)
            return Comment(
                id: string(object["@id"]) ?? string(object["url"]), author: name(of: author) ?? string(object["author"]),
                authorURL: author.flatMap { string($0["url"]) }, published: iso, publishedText: iso == nil ? date : nil,
                text: text, replies: replies)
        }
    }

    /// The article's title: `headline`, or `name` when only it is given.
    /// When both are given and differ, the one closer to `reference` (the
    /// page's own title): Wikipedia puts a short description in `headline`,
    /// others put the site's name in `name` (readability.js does the same).
    func title(closestTo reference: String?) -> String? {
        guard let headline, let name, headline != name else { return headline ?? name }
        guard let reference else { return headline }
        let referenceWords = Set(JSONLDMetadata.words(reference))
        func overlap(_ text: String) -> Double {
            let words = JSONLDMetadata.words(text)
            guard !words.isEmpty else { return 0 }
            return Double(words.filter(referenceWords.contains).count) / Double(words.count)
        }
        return overlap(name) > overlap(headline) ? name : headline
    }

    private static func words(_ text: String) -> [String] {
        Text.lowercasedWords(of: text).map(String.init)
    }

    // MARK: - Parsing

    /// The script's JSON, or nil when it is not valid JSON even after the
    /// usual wrappers (`<!-- -->`, `<![CDATA[ ]]>`) and raw line breaks
    /// inside strings, which JSON forbids and CMSs write, are dealt with.
    static func parse(_ script: String) -> Any? {
        var text = Substring(script).trimmingBlanks()
        for wrapper in ["<!--", "//<![CDATA[", "<![CDATA["] where text.hasPrefix(wrapper) {
            text = text.dropFirst(wrapper.count).trimmingBlanks()
        }
        for wrapper in ["-->", "//]]>", "]]>", ";"] where text.hasSuffix(wrapper) {
            text = text.dropLast(wrapper.count).trimmingBlanks()
        }
        var bytes = Array(text.utf8)
        for position in bytes.indices where bytes[position] < 0x20 { bytes[position] = 0x20 }
        guard !bytes.isEmpty else { return nil }
        return try? JSONSerialization.jsonObject(with: Data(bytes), options: [])
    }

    static func collect(_ value: Any, into objects: inout [[String: Any]], depth: Int) {
        guard depth <= maximumNesting else { return }
        if let array = value as? [Any] {
            for element in array { collect(element, into: &objects, depth: depth + 1) }
            return
        }
        guard let object = value as? [String: Any] else { return }
        objects.append(object)
        if let graph = object["@graph"] { collect(graph, into: &objects, depth: depth + 1) }
        if let main = object["mainEntity"] { collect(main, into: &objects, depth: depth + 1) }
    }

    /// Objects by `@id`, for resolving references. An object that is only a
    /// reference (`@id` and nothing else) is not indexed.
    static func index(_ objects: [[String: Any]]) -> [String: [String: Any]] {
        var index: [String: [String: Any]] = [:]
        for object in objects where object.count > 1 {
            if let id = object["@id"] as? String, index[id] == nil { index[id] = object }
        }
        return index
    }

    static func resolve(_ value: Any?, in index: [String: [String: Any]]) -> [String: Any]? {
        if let array = value as? [Any] { return resolve(array.first, in: index) }
        guard let object = value as? [String: Any] else { return nil }
        if object.count == 1, let id = object["@id"] as? String { return index[id] ?? object }
        return object
    }

    /// `@type` as a list of lower-cased local names (`schema:NewsArticle`
    /// and `http://schema.org/NewsArticle` are `newsarticle`).
    static func types(of object: [String: Any]) -> [String] {
        let raw: [String]
        if let one = object["@type"] as? String {
            raw = [one]
        } else if let many = object["@type"] as? [Any] {
            raw = many.compactMap { $0 as? String }
        } else {
            return []
        }
        return raw.map { type in
            let local = type.split(whereSeparator: { $0 == "/" || $0 == ":" || $0 == "#" }).last ?? Substring(type)
            return local.lowercased()
        }
    }

    static func list(_ value: Any?) -> [Any] {
        guard let value else { return [] }
        if let array = value as? [Any] { return array }
        return [value]
    }

    static func name(of object: [String: Any]?) -> String? {
        guard let object else { return nil }
        if let name = string(object["name"]) { return name }
        if let given = string(object["givenName"]), let family = string(object["familyName"]) {
            return given + " " + family
        }
        return nil
    }

    /// A URL given as a string or as `{"@id": …}`.
    static func reference(_ value: Any?) -> String? {
        if let text = string(value) { return text }
        return string((value as? [String: Any])?["@id"])
    }

    /// A string value, entities decoded and white space collapsed; nil
    /// when absent or empty.
    static func string(_ value: Any?) -> String? {
        guard let text = value as? String else { return nil }
        let clean = Text.collapsingWhitespace(HTMLEntities.decode(text))
        return clean.isEmpty ? nil : clean
    }
}

extension Substring {
    fileprivate func trimmingBlanks() -> Substring {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return self[first...last]
    }
}
