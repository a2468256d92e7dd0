/// Finds the article's headline inside the located content. The headline
/// belongs in `title`; repeated as the first block it would be counted
/// twice by anyone reading `title` and `text` together.
struct Headline {
    /// Headings looked at, in order: the headline is an `<h1>` on most
    /// pages, but Blogger and older themes use `<h2>`/`<h3>` for post titles.
    static let headingTags = TagSet([.h1, .h2, .h3])

    /// The first heading of `root` that says the same as `title` (case,
    /// spacing and punctuation aside), or, with no title known, the first
    /// `<h1>`.
    static func find(in root: Node, title: String?) -> Node? {
        let wanted = title.map(comparable)
        var found: Node?
        root.walkDescendants { node in
            guard found == nil, node.isElement else { return .skipChildren }
            guard headingTags.contains(node.tag) else { return .descend }
            let text = comparable(node.textContent)
            if let wanted {
                if !text.isEmpty, text == wanted || (wanted.hasPrefix(text) && text.count * 2 >= wanted.count) {
                    found = node
                }
            } else if node.hasName("h1"), !text.isEmpty {
                found = node
            }
            return .skipChildren
        }
        return found
    }

    /// Lower-cased letters and digits only, single-spaced.
    static func comparable(_ text: String) -> String {
        let kept = text.lowercased().unicodeScalars.map { scalar -> Character in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) ? Character(scalar) : " "
        }
        return Text.collapsingWhitespace(String(kept))
    }
}
