/// The `winnow.article/1` JSON form of an article, keys in schema order.
extension Article {
    public var json: JSONValue {
        var members: [(String, JSONValue)] = [
            ("schema", .string(Article.schema)),
            ("url", .optional(url)),
            ("canonical_url", .optional(metadata.canonicalURL)),
            ("title", .optional(metadata.title)),
            ("authors", .array(metadata.authors.map(JSONValue.string))),
            ("published", .optional(metadata.published)),
            ("modified", .optional(metadata.modified)),
            ("site_name", .optional(metadata.siteName)),
            ("language", .optional(metadata.language)),
            ("description", .optional(metadata.description)),
            ("page_type", .string(pageType.rawValue)),
            ("text", .string(text)),
            ("blocks", .array(blocks.map(\.json))),
            ("comment_count", .optional(commentCount)),
            ("comments", .array(comments.map(\.json))),
        ]
        if let removed {
            members.append(("removed", .array(removed.map(\.json))))
        }
        return .object(members)
    }
}

extension Block {
    public var json: JSONValue {
        switch self {
        case .paragraph(let text):
            return .object([("type", .string("paragraph")), ("text", .string(text))])
        case .heading(let level, let text):
            return .object([("type", .string("heading")), ("level", .number(level)), ("text", .string(text))])
        case .quote(let text):
            return .object([("type", .string("quote")), ("text", .string(text))])
        case .list(let ordered, let items):
            return .object([
                ("type", .string("list")), ("ordered", .bool(ordered)),
                ("items", .array(items.map(JSONValue.string))),
            ])
        case .figure(let src, let caption):
            return .object([("type", .string("figure")), ("src", .optional(src)), ("caption", .optional(caption))])
        case .table(let rows):
            return .object([
                ("type", .string("table")),
                ("rows", .array(rows.map { .array($0.map(JSONValue.string)) })),
            ])
        case .code(let text):
            return .object([("type", .string("code")), ("text", .string(text))])
        }
    }
}

extension Comment {
    public var json: JSONValue {
        .object([
            ("id", .optional(id)),
            ("author", .optional(author)),
            ("author_url", .optional(authorURL)),
            ("published", .optional(published)),
            ("published_text", .optional(publishedText)),
            ("text", .string(text)),
            ("replies", .array(replies.map(\.json))),
        ])
    }
}

extension Removal {
    public var json: JSONValue {
        .object([
            ("stage", .string(stage)), ("rule", .string(rule)),
            ("excerpt", .string(excerpt)), ("chars", .number(chars)),
        ])
    }
}
