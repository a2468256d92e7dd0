/// Writes a block's links into its Markdown: each link's text, where it
/// next appears, becomes `[text](url)`. A block's links come in reading
/// order across its items and cells, so the search goes on in the next
/// piece of text when a link is not in this one.
struct MarkdownLinker {
    private let links: [ArticleLink]
    private let next: Box

    /// The cursor into `links`. `linking` is handed to `map` over a list's
    /// items and a table's cells, which takes a non-mutating function: the
    /// cursor it moves lives in a reference.
    private final class Box {
        var index = 0
    }

    init(links: [ArticleLink]) {
        self.links = links
        next = Box()
    }

    func linking(_ text: String) -> String {
        guard next.index < links.count else { return text }
        var result = ""
        var position = text.startIndex
        while next.index < links.count,
            let found = text.range(of: links[next.index].text, range: position..<text.endIndex)
        {
            let link = links[next.index]
            result += text[position..<found.lowerBound]
            result += "[" + MarkdownLinker.escapingBrackets(link.text) + "](" + MarkdownLinker.destination(link.url) + ")"
            position = found.upperBound
            next.index += 1
        }
        return result + text[position...]
    }

    static func escapingBrackets(_ text: String) -> String {
        text.replacingOccurrences(of: "[", with: "\\[").replacingOccurrences(of: "]", with: "\\]")
    }

    /// A URL as a Markdown link destination: the characters that would end
    /// it early (space, parentheses, angle brackets) percent-encoded.
    static func destination(_ url: String) -> String {
        var result = ""
        for character in url {
            switch character {
            case " ": result += "%20"
            case "(": result += "%28"
            case ")": result += "%29"
            case "<": result += "%3C"
            case ">": result += "%3E"
            default: result.append(character)
            }
        }
        return result
    }
}
