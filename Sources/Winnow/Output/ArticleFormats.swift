/// The output formats of an article.
public enum OutputFormat: String, CaseIterable, Sendable {
    case json
    case text
    case markdown
}

extension Article {
    /// The article in `format`; JSON is compact unless `pretty`. Text and
    /// Markdown start with the title; `options` adds a metadata header,
    /// links and comments to them.
    public func rendered(as format: OutputFormat, pretty: Bool = false, options: RenderingOptions = RenderingOptions()) -> String {
        switch format {
        case .json: return json.serialized(pretty: pretty)
        case .text: return plainText(options)
        case .markdown: return markdown(options)
        }
    }

    /// Title, then every block in Markdown.
    public var markdown: String { markdown(RenderingOptions()) }

    /// The title when it is not already the first block's heading.
    private var leadingTitle: String? {
        guard let title = metadata.title, !title.isEmpty else { return nil }
        if case .heading(_, let text)? = blocks.first, text == title { return nil }
        return title
    }

    // MARK: - Text

    /// The metadata lines, the title, the text, the comments.
    func plainText(_ options: RenderingOptions) -> String {
        var parts: [String] = []
        if options.includesMetadata {
            let lines = metadataFields.map { "\($0.label): \($0.text)" }
            if !lines.isEmpty { parts.append(lines.joined(separator: "\n")) }
        }
        if let title = leadingTitle { parts.append(title) }
        if !text.isEmpty { parts.append(text) }
        if options.includesComments, !comments.isEmpty {
            parts.append(commentsHeading)
            parts += comments.map { Article.plainText(of: $0, depth: 0) }
        }
        return parts.joined(separator: "\n\n")
    }

    private var commentsHeading: String {
        "Comments" + (commentCount.map { " (\($0))" } ?? "")
    }

    /// A comment's byline, its text, then its replies, each reply's lines
    /// indented four spaces further.
    private static func plainText(of comment: Comment, depth: Int) -> String {
        let indent = String(repeating: "    ", count: depth)
        var lines = [indent + byline(of: comment)]
        lines += comment.text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : indent + $0 }
        var parts = [lines.joined(separator: "\n")]
        parts += comment.replies.map { plainText(of: $0, depth: depth + 1) }
        return parts.joined(separator: "\n\n")
    }

    /// "Ann, 2024-05-02T08:00:00+00:00": the author (or "Anonymous") and
    /// the date, machine-readable when known, else as the page writes it.
    private static func byline(of comment: Comment) -> String {
        let author = comment.author.flatMap { $0.isEmpty ? nil : $0 } ?? "Anonymous"
        guard let date = comment.published ?? comment.publishedText else { return author }
        return author + ", " + date
    }

    // MARK: - Metadata header

    /// The metadata that is known, in the JSON's order: its JSON key, a
    /// label for text, its text, and its JSON value (for YAML).
    private var metadataFields: [(key: String, label: String, text: String, value: JSONValue)] {
        var fields: [(String, String, String, JSONValue)] = []
        func add(_ key: String, _ label: String, _ value: String?) {
            if let value, !value.isEmpty { fields.append((key, label, value, .string(value))) }
        }
        add("title", "Title", metadata.title)
        if !metadata.authors.isEmpty {
            fields.append(
                ("authors", "Authors", metadata.authors.joined(separator: ", "), .array(metadata.authors.map(JSONValue.string))))
        }
        add("published", "Published", metadata.published)
        add("modified", "Modified", metadata.modified)
        add("url", "URL", url)
        add("canonical_url", "Canonical URL", metadata.canonicalURL)
        add("site_name", "Site name", metadata.siteName)
        add("language", "Language", metadata.language)
        add("description", "Description", metadata.description)
        add("page_type", "Page type", pageType.rawValue)
        if let commentCount { fields.append(("comment_count", "Comments", "\(commentCount)", .number(commentCount))) }
        return fields
    }

    /// YAML front matter: every value written as JSON, which YAML reads
    /// as the same string, list or number (quotes and escapes included).
    private var frontMatter: String {
        "---\n" + metadataFields.map { "\($0.key): \($0.value.serialized())\n" }.joined() + "---"
    }

    // MARK: - Markdown

    func markdown(_ options: RenderingOptions) -> String {
        var parts: [String] = []
        if options.includesMetadata { parts.append(frontMatter) }
        if let title = leadingTitle { parts.append("# " + title) }
        let linksByBlock = options.includesLinks ? Dictionary(grouping: links, by: \.block) : [:]
        for (index, block) in blocks.enumerated() {
            let linker = MarkdownLinker(links: linksByBlock[index] ?? [])
            switch block {
            case .paragraph(let text): parts.append(linker.linking(text))
            case .heading(let level, let text):
                parts.append(String(repeating: "#", count: min(max(level, 1), 6)) + " " + linker.linking(text))
            case .quote(let text):
                parts.append(
                    linker.linking(text).split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }
                        .joined(separator: "\n"))
            case .list(let ordered, let items):
                parts.append(
                    items.map(linker.linking).enumerated().map { ordered ? "\($0.offset + 1). \($0.element)" : "- \($0.element)" }
                        .joined(separator: "\n"))
            case .figure(let src, let caption):
                parts.append("![\(caption ?? "")](\(src.map(MarkdownLinker.destination) ?? ""))")
            case .table(let rows):
                guard let first = rows.first else { continue }
                let width = rows.map(\.count).max() ?? first.count
                let linked = rows.map { $0.map(linker.linking) }
                func line(_ cells: [String]) -> String {
                    let padded = cells + Array(repeating: "", count: width - cells.count)
                    return "| " + padded.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |"
                }
                var lines = [line(linked[0]), "|" + String(repeating: " --- |", count: width)]
                lines += linked.dropFirst().map(line)
                parts.append(lines.joined(separator: "\n"))
            case .code(let text): parts.append("```\n" + text + "\n```")
            }
        }
        if options.includesComments, !comments.isEmpty {
            parts.append("## " + commentsHeading)
            parts += comments.map { Article.markdown(of: $0, depth: 0) }
        }
        return parts.joined(separator: "\n\n")
    }

    /// A comment as a list item (its byline in bold, then its text), its
    /// replies a list nested under it: Markdown's own indentation.
    private static func markdown(of comment: Comment, depth: Int) -> String {
        let indent = String(repeating: "  ", count: depth)
        let author = comment.author.flatMap { $0.isEmpty ? nil : $0 } ?? "Anonymous"
        let date = (comment.published ?? comment.publishedText).map { " · " + $0 } ?? ""
        var lines = [indent + "- **" + author + "**" + date, ""]
        lines += comment.text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : indent + "  " + $0 }
        var parts = [lines.joined(separator: "\n")]
        parts += comment.replies.map { markdown(of: $0, depth: depth + 1) }
        return parts.joined(separator: "\n\n")
    }
}
