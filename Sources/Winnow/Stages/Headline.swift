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
            guard node.isElement else { return .skipChildren }
            guard headingTags.contains(node.tag) else { return .descend }
            let text = comparable(node.textContent)
            if let wanted {
                if !text.isEmpty, text == wanted || (wanted.hasPrefix(text) && text.count * 2 >= wanted.count) {
                    found = node
                }
            } else if node.hasName("h1"), !text.isEmpty {
                found = node
            }
            return found == nil ? .skipChildren : .stop
        }
        return found
    }

    /// Lower-cased letters and digits only, single-spaced.
    static func comparable(_ text: String) -> String {
        // ASCII text byte by byte: lower-cased, letters and digits kept,
        // the rest a space, as the scalar rules below do for ASCII.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            let kept = text.utf8.map { byte -> UInt8 in
                let lower = Text.lowercasedASCII(byte)
                return (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) ? lower : 0x20
            }
            return kept.withUnsafeBufferPointer { Text.collapsingWhitespace(utf8: $0) }
        }
        let kept = text.lowercased().unicodeScalars.map { scalar -> Character in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) ? Character(scalar) : " "
        }
        return Text.collapsingWhitespace(String(kept))
    }
}
