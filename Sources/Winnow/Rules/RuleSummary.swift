extension Rule {
    /// What the rule matches, key by key as a rule file writes it, for
    /// `winnow rules list` and `show`.
    public var matchers: [(key: String, value: String)] {
        var lines: [(String, String)] = []
        if let drop { lines.append(("drop", drop.source)) }
        if let outside = dropScope?.outside { lines.append(("outside", outside.source)) }
        if let unlessHolding = dropScope?.unlessHolding { lines.append(("unless-holding", unlessHolding.source)) }
        if let text = dropScope?.text { lines.append(("with-text", text.source)) }
        if !dropHints.isEmpty { lines.append(("drop-hints", dropHints.map(\.description).joined(separator: ", "))) }
        if let dropText { lines.append(("drop-text", dropText.source)) }
        if let keep { lines.append(("keep", keep.source)) }
        if let main { lines.append(("main", main.source)) }
        if let section { lines.append(("section", section.source)) }
        if !sectionHints.isEmpty { lines.append(("section-hints", sectionHints.map(\.description).joined(separator: ", "))) }
        return lines
    }

    /// Where the rule applies: every page, or its hosts, URL patterns and
    /// page types.
    public var scope: String {
        var parts: [String] = []
        if !hosts.isEmpty { parts.append("hosts: " + hosts.joined(separator: ", ")) }
        if !pageTypes.isEmpty { parts.append("page types: " + pageTypes.map(\.rawValue).joined(separator: ", ")) }
        if !urls.isEmpty { parts.append("urls: " + urls.map(\.source).joined(separator: ", ")) }
        return parts.isEmpty ? "every page" : parts.joined(separator: "; ")
    }
}
