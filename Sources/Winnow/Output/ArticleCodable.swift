/// `Article` as `Codable`, in the shape of its `winnow.article/1` JSON: the
/// metadata's members at the top level, the same keys, dates as the ISO
/// 8601 strings they are. A Swift program can store or send what it
/// cleaned with `JSONEncoder`, and decode winnow's own output (a `clean`
/// result, or a `batch` record: unknown keys such as the provenance are
/// ignored) into an `Article`.
///
/// `text` is written for readers of the JSON but not read back: it is
/// derived from the blocks. `removed` is written when present;
/// `links` (not part of `winnow.article/1`) only when there are some.
extension Article: Codable {
    enum CodingKeys: String, CodingKey {
        case schema, url
        case canonicalURL = "canonical_url"
        case title, authors, published, modified
        case siteName = "site_name"
        case language, description
        case pageType = "page_type"
        case text, blocks
        case commentCount = "comment_count"
        case comments, removed, links
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let schema = try container.decodeIfPresent(String.self, forKey: .schema), schema != Article.schema {
            throw DecodingError.dataCorruptedError(
                forKey: .schema, in: container, debugDescription: "not a \(Article.schema) article: \(schema)")
        }
        var metadata = Metadata()
        metadata.canonicalURL = try container.decodeIfPresent(String.self, forKey: .canonicalURL)
        metadata.title = try container.decodeIfPresent(String.self, forKey: .title)
        metadata.authors = try container.decodeIfPresent([String].self, forKey: .authors) ?? []
        metadata.published = try container.decodeIfPresent(String.self, forKey: .published)
        metadata.modified = try container.decodeIfPresent(String.self, forKey: .modified)
        metadata.siteName = try container.decodeIfPresent(String.self, forKey: .siteName)
        metadata.language = try container.decodeIfPresent(String.self, forKey: .language)
        metadata.description = try container.decodeIfPresent(String.self, forKey: .description)
        self.init(
            url: try container.decodeIfPresent(String.self, forKey: .url),
            metadata: metadata,
            pageType: try container.decodeIfPresent(PageType.self, forKey: .pageType) ?? .article,
            blocks: try container.decodeIfPresent([Block].self, forKey: .blocks) ?? [],
            commentCount: try container.decodeIfPresent(Int.self, forKey: .commentCount),
            comments: try container.decodeIfPresent([Comment].self, forKey: .comments) ?? [],
            removed: try container.decodeIfPresent([Removal].self, forKey: .removed),
            links: try container.decodeIfPresent([ArticleLink].self, forKey: .links) ?? [])
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        // Absent values are written as null, as the JSON writer does.
        try container.encode(Article.schema, forKey: .schema)
        try container.encode(url, forKey: .url)
        try container.encode(metadata.canonicalURL, forKey: .canonicalURL)
        try container.encode(metadata.title, forKey: .title)
        try container.encode(metadata.authors, forKey: .authors)
        try container.encode(metadata.published, forKey: .published)
        try container.encode(metadata.modified, forKey: .modified)
        try container.encode(metadata.siteName, forKey: .siteName)
        try container.encode(metadata.language, forKey: .language)
        try container.encode(metadata.description, forKey: .description)
        try container.encode(pageType, forKey: .pageType)
        try container.encode(text, forKey: .text)
        try container.encode(blocks, forKey: .blocks)
        try container.encode(commentCount, forKey: .commentCount)
        try container.encode(comments, forKey: .comments)
        try container.encodeIfPresent(removed, forKey: .removed)
        if !links.isEmpty { try container.encode(links, forKey: .links) }
    }
}
