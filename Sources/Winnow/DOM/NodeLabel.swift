extension Node {
    /// The element as a reader of `winnow explain` finds it in the page's
    /// source: its tag, `#id` and first classes (`div#content.post.entry`).
    /// Three classes at most: utility-class soups would drown the rest.
    public var label: String {
        guard isElement else { return isText ? "#text" : name }
        var label = name.lowercased()
        if let id = attribute("id").map(Text.collapsingWhitespace), !id.isEmpty, !id.contains(" ") { label += "#" + id }
        let classes = (attribute("class") ?? "").split(whereSeparator: \.isWhitespace)
        for name in classes.prefix(3) { label += "." + name }
        if classes.count > 3 { label += "…" }
        return label
    }
}
