/// The output formats of an article.
public enum OutputFormat: String, CaseIterable, Sendable {
    case json
    case text
    case markdown
}

extension Article {
    /// The article in `format`; JSON is compact unless `pretty`.
    public func rendered(as format: OutputFormat, pretty: Bool = false) -> String {
        switch format {
        case .json: return json.serialized(pretty: pretty)
        case .text: return text
        case .markdown: return markdown
        }
    }

    /// Title, then every block in Markdown.
    public var markdown: String {
        var parts: [String] = []
        if let title = metadata.title { parts.append("# " + title) }
        for block in blocks {
            switch block {
            case .paragraph(let text): parts.append(text)
            case .heading(let level, let text):
                parts.append(String(repeating: "#", count: min(max(level, 1), 6)) + " " + text)
            case .quote(let text):
                parts.append(text.split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }.joined(separator: "\n"))
            case .list(let ordered, let items):
                parts.append(items.enumerated().map { ordered ? "\($0.offset + 1). \($0.element)" : "- \($0.element)" }.joined(separator: "\n"))
            case .figure(let src, let caption):
                parts.append("![\(caption ?? "")](\(src ?? ""))")
            case .table(let rows):
                guard let first = rows.first else { continue }
                let width = rows.map(\.count).max() ?? first.count
                func line(_ cells: [String]) -> String {
                    let padded = cells + Array(repeating: "", count: width - cells.count)
                    return "| " + padded.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |"
                }
                var lines = [line(first), "|" + String(repeating: " --- |", count: width)]
                lines += rows.dropFirst().map(line)
                parts.append(lines.joined(separator: "\n"))
            case .code(let text): parts.append("```\n" + text + "\n```")
            }
        }
        return parts.joined(separator: "\n\n")
    }
}
