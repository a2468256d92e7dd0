/// `Block` as `Codable`, in the shape of the JSON's blocks: a `type` and
/// that type's members (`{"type": "heading", "level": 2, "text": "…"}`),
/// not the nested form Swift would synthesize for an enum.
extension Block: Codable {
    enum CodingKeys: String, CodingKey {
        case type, text, level, ordered, items, src, caption, rows
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let type = try container.decode(String.self, forKey: .type)
        switch type {
        case "paragraph": self = .paragraph(try container.decode(String.self, forKey: .text))
        case "heading":
            self = .heading(level: try container.decode(Int.self, forKey: .level), text: try container.decode(String.self, forKey: .text))
        case "quote": self = .quote(try container.decode(String.self, forKey: .text))
        case "list":
            self = .list(
                ordered: try container.decode(Bool.self, forKey: .ordered), items: try container.decode([String].self, forKey: .items))
        case "figure":
            self = .figure(
                src: try container.decodeIfPresent(String.self, forKey: .src),
                caption: try container.decodeIfPresent(String.self, forKey: .caption))
        case "table": self = .table(rows: try container.decode([[String]].self, forKey: .rows))
        case "code": self = .code(try container.decode(String.self, forKey: .text))
        default:
            throw DecodingError.dataCorruptedError(forKey: .type, in: container, debugDescription: "unknown block type '\(type)'")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .paragraph(let text):
            try container.encode("paragraph", forKey: .type)
            try container.encode(text, forKey: .text)
        case .heading(let level, let text):
            try container.encode("heading", forKey: .type)
            try container.encode(level, forKey: .level)
            try container.encode(text, forKey: .text)
        case .quote(let text):
            try container.encode("quote", forKey: .type)
            try container.encode(text, forKey: .text)
        case .list(let ordered, let items):
            try container.encode("list", forKey: .type)
            try container.encode(ordered, forKey: .ordered)
            try container.encode(items, forKey: .items)
        case .figure(let src, let caption):
            try container.encode("figure", forKey: .type)
            try container.encode(src, forKey: .src)
            try container.encode(caption, forKey: .caption)
        case .table(let rows):
            try container.encode("table", forKey: .type)
            try container.encode(rows, forKey: .rows)
        case .code(let text):
            try container.encode("code", forKey: .type)
            try container.encode(text, forKey: .text)
        }
    }
}
