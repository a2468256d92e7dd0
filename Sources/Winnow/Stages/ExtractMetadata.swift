/// Reads what the page says about itself (title, authors, dates, site,
/// language, description, canonical URL) before any stage strips the
/// `<head>` or the JSON-LD scripts it comes from.
public struct ExtractMetadata: Stage {
    public let name = "metadata"

    public init() {}

    public func run(on page: Page) throws {
        var metadata = Metadata()
        let meta = MetaTags(document: page.document)
        metadata.title = meta.first("og:title", "twitter:title", "dc.title")
            ?? page.document.head?.firstChild(named: "title").map { Text.collapsingWhitespace($0.textContent) }.flatMap { $0.isEmpty ? nil : $0 }
        metadata.siteName = meta.first("og:site_name", "application-name")
        metadata.description = meta.first("description", "og:description", "twitter:description")
        metadata.published = meta.first("article:published_time", "datepublished", "dc.date", "date")
        metadata.modified = meta.first("article:modified_time", "datemodified", "og:updated_time")
        if let author = meta.first("author", "article:author", "dc.creator"), !author.hasPrefix("http") {
            metadata.authors = [author]
        }
        metadata.language = page.document.root?.attribute("lang").map(Text.collapsingWhitespace).flatMap { $0.isEmpty ? nil : $0 }
        metadata.canonicalURL = page.document.head?.children.first {
            $0.hasName("link") && $0.attribute("rel")?.lowercased() == "canonical"
        }?.attribute("href") ?? meta.first("og:url")
        page.metadata = metadata
    }
}

/// The page's `<meta>` tags by lower-cased `name` or `property`.
struct MetaTags {
    private var values: [String: String] = [:]

    init(document: Document) {
        guard let root = document.root else { return }
        root.walkDescendants { node in
            guard node.isElement else { return .skipChildren }
            guard node.hasName("meta") else { return .descend }
            guard let key = (node.attribute("property") ?? node.attribute("name") ?? node.attribute("itemprop"))?.lowercased(),
                let content = node.attribute("content").map(Text.collapsingWhitespace), !content.isEmpty
            else { return .skipChildren }
            if values[key] == nil { values[key] = content }
            return .skipChildren
        }
    }

    func first(_ keys: String...) -> String? {
        for key in keys {
            if let value = values[key] { return value }
        }
        return nil
    }
}
