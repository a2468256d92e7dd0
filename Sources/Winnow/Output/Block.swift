/// One block of the cleaned article, in reading order.
public enum Block: Sendable, Equatable {
    case paragraph(String)
    case heading(level: Int, text: String)
    case quote(String)
    case list(ordered: Bool, items: [String])
    case figure(src: String?, caption: String?)
    /// Rows of cells, header rows included, as the markup orders them.
    case table(rows: [[String]])
    case code(String)

    /// The block's share of the article's plain text; `nil` for blocks
    /// that are not body text (figures).
    public var plainText: String? {
        switch self {
        case .paragraph(let text), .quote(let text), .code(let text):
            return text
        case .heading(_, let text):
            return text
        case .list(_, let items):
            return items.joined(separator: "\n")
        case .table(let rows):
            return rows.map { $0.joined(separator: "\t") }.joined(separator: "\n")
        case .figure:
            return nil
        }
    }
}
