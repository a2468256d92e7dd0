/// The explain report: the page as HTML, each removed block outlined and
/// labelled with its stage, rule and characters; comment sections (read
/// into `comments`, then removed) marked apart in another colour; the
/// element chosen as the article framed in green, and why, at the top;
/// kept blocks plain. Removals of nothing (0 characters) get no label each
/// (a page of empty labels hides the ones that matter): the summary lists
/// them, one line per rule. Images keep their source, made absolute against
/// the page's address (`<base href>`, else its URL, else its canonical
/// URL), so the page looks like itself; an image whose source stays
/// relative (a page with no address) shows as a grey box. Self-contained: inline CSS, no script, and nothing of the
/// page that would run or fetch (scripts, styles, frames, image sources).
struct ExplainReport {
    let html: String

    /// Elements that cannot show a label of their own (no `::before`), or
    /// that only make sense in place: the label goes on a wrapper.
    static let wrappedTags: Set<String> = [
        "img", "br", "hr", "input", "select", "textarea", "button", "video", "audio", "canvas", "svg", "picture",
        "iframe", "object", "embed", "meter", "progress",
    ]
    /// Elements taken out of the report: they run, fetch or style, or never
    /// render. Their removals still count in the summary.
    static let neutralizedTags: Set<String> = [
        "script", "style", "link", "iframe", "frame", "frameset", "object", "embed", "noscript", "template", "base",
        "meta", "applet",
    ]
    /// Attributes that fetch, run or hide (the report shows hidden blocks).
    static let neutralizedAttributes: Set<String> = ["style", "hidden", "src", "srcset", "data-src", "poster", "background"]

    static let stageColours: [(String, String)] = [
        ("strip-non-content", "#6b7280"), ("strip-hidden", "#7c3aed"), ("comments", "#0369a1"),
        ("strip-boilerplate", "#dc2626"), ("main-content", "#ea580c"), ("strip-article-boilerplate", "#c026d3"),
        ("build-article", "#92400e"),
    ]

    /// The element chosen as the article: its number in the page as
    /// parsed, its label, and why it was chosen.
    typealias Main = (ordinal: Int, label: String, evidence: [String])

    /// `removals` pairs each removal with the numbers of the original nodes
    /// it took (one, or the children of an element a stage made).
    init(
        utf8: [UInt8], url: String?, address: PageAddress? = nil, removals: [(Removal, [Int])], main: Main? = nil,
        isCommentSection: (String) -> Bool
    ) throws {
        let document = try Document(utf8: utf8, url: url)
        let nodes = NodeOrdinals.nodes(in: document, at: Set(removals.flatMap(\.1) + (main.map { [$0.ordinal] } ?? [])))
        if let main, let node = nodes[main.ordinal], node.isElement, !ExplainReport.wrappedTags.contains(node.name.lowercased()) {
            document.setAttribute("data-winnow-main", main.label, on: node)
        }
        var shown = 0
        for (removal, ordinal) in removals.flatMap({ removal, ordinals in ordinals.map { (removal, $0) } }) where removal.chars > 0 {
            guard let node = nodes[ordinal] else { continue }
            let kind = removal.stage == "comments" && isCommentSection(removal.rule) ? "comments" : "dropped"
            var target = node
            if !node.isElement || ExplainReport.wrappedTags.contains(node.name.lowercased()) {
                guard node.isElement || node.isText, let wrapper = document.wrap([node], tag: "span", className: "winnow-mark") else { continue }
                target = wrapper
            }
            document.setAttribute("data-winnow-kind", kind, on: target)
            document.setAttribute("data-winnow-stage", removal.stage, on: target)
            document.setAttribute("data-winnow-rule", removal.rule, on: target)
            document.setAttribute("data-winnow-chars", String(removal.chars), on: target)
            document.setAttribute("title", "\(removal.stage) / \(removal.rule): \(removal.chars) characters", on: target)
            shown += 1
        }
        ExplainReport.neutralize(document, address: address ?? PageAddress(base: url))
        let body = document.body.map { $0.childNodes.map(\.outerHTML).joined() } ?? ""
        html = ExplainReport.page(
            body: body, url: url, removals: removals.map(\.0), shown: shown, main: main, isCommentSection: isCommentSection)
    }

    /// An image's source as the report shows it: absolute and http(s), or
    /// none. A lazy-loading page's real source is its `data-src`.
    static func imageSource(of node: Node, address: PageAddress) -> String? {
        for name in ["data-src", "src"] {
            guard let reference = node.attribute(named: name) else { continue }
            let absolute = address.absolute(reference)
            let lowered = absolute.lowercased()
            if lowered.hasPrefix("https://") || lowered.hasPrefix("http://") { return absolute }
        }
        return nil
    }

    private static func neutralize(_ document: Document, address: PageAddress) {
        guard let body = document.body else { return }
        var doomed: [Node] = []
        body.walkDescendants { node in
            guard node.isElement else {
                if node.isComment { doomed.append(node) }
                return .skipChildren
            }
            if neutralizedTags.contains(node.name.lowercased()) {
                doomed.append(node)
                return .skipChildren
            }
            let source = node.name.lowercased() == "img" ? ExplainReport.imageSource(of: node, address: address) : nil
            for name in document.attributeNames(of: node) {
                let lowered = name.lowercased()
                if neutralizedAttributes.contains(lowered) || lowered.hasPrefix("on")
                    || (lowered == "href" && (node.attribute(named: name) ?? "").lowercased().hasPrefix("javascript:"))
                {
                    document.removeAttribute(name, from: node)
                }
            }
            if let source { document.setAttribute("src", source, on: node) }
            return .descend
        }
        for node in doomed {
            // A removed block that was neutralized leaves its label: the
            // summary counts it, the page shows where it was.
            if node.hasAttribute("data-winnow-rule"), let placeholder = document.wrap([node], tag: "span", className: "winnow-mark") {
                for name in ["data-winnow-kind", "data-winnow-stage", "data-winnow-rule", "data-winnow-chars", "title"] {
                    if let value = node.attribute(named: name) { document.setAttribute(name, value, on: placeholder) }
                }
                document.setAttribute("class", "winnow-placeholder", on: placeholder)
            }
            document.delete(node)
        }
    }

    static func escape(_ text: String) -> String {
        var output = ""
        for character in text {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            default: output.append(character)
            }
        }
        return output
    }

    private static func page(
        body: String, url: String?, removals: [Removal], shown: Int, main: Main?, isCommentSection: (String) -> Bool
    ) -> String {
        var groups: [(stage: String, rule: String, count: Int, chars: Int)] = []
        for removal in removals {
            if let index = groups.firstIndex(where: { $0.stage == removal.stage && $0.rule == removal.rule }) {
                groups[index].count += 1
                groups[index].chars += removal.chars
            } else {
                groups.append((removal.stage, removal.rule, 1, removal.chars))
            }
        }
        let totalChars = removals.reduce(0) { $0 + $1.chars }
        var rows = ""
        for group in groups {
            let kind = group.stage == "comments" && isCommentSection(group.rule) ? "comments" : "dropped"
            rows += "<tr data-kind=\"\(kind)\"><td><span class=\"winnow-swatch\" data-winnow-stage=\"\(escape(group.stage))\"></span>"
                + "\(escape(group.stage))</td><td>\(escape(group.rule))</td><td class=\"n\">\(group.count)</td><td class=\"n\">\(group.chars)</td></tr>\n"
        }
        let groupsOfEmpty = Explanation.grouped(removals.filter { $0.chars == 0 })
        var emptyLines = ""
        for group in groupsOfEmpty {
            emptyLines += "<li>\(escape(group.stage)) · \(escape(group.rule)): \(escape(group.emptySummary ?? ""))</li>\n"
        }
        let empty = groupsOfEmpty.isEmpty
            ? ""
            : "<p>Removals of nothing (0 characters), not marked below:</p>\n<ul id=\"winnow-empty\">\n\(emptyLines)</ul>\n"
        let chosen = main.map { main in
            "<div id=\"winnow-main\"><p><b>Article:</b> <code>\(escape(main.label))</code>, framed in green below.</p>\n<ul>\n"
                + main.evidence.map { "<li>\(escape($0))</li>\n" }.joined() + "</ul></div>\n"
        } ?? "<div id=\"winnow-main\"><p><b>Article:</b> the whole body.</p></div>\n"
        var colours = ""
        for (stage, colour) in stageColours {
            colours += "[data-winnow-stage=\"\(stage)\"] { --winnow-colour: \(colour); }\n"
        }
        return """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>winnow explain: \(escape(url ?? "page"))</title>
            <style>
            body { font: 15px/1.45 system-ui, sans-serif; margin: 0; color: #111; }
            #winnow-summary { background: #f3f4f6; border-bottom: 2px solid #9ca3af; padding: 12px 18px; }
            #winnow-summary h1 { font-size: 18px; margin: 0 0 6px; }
            #winnow-summary table { border-collapse: collapse; font: 13px monospace; }
            #winnow-summary td, #winnow-summary th { padding: 2px 10px; text-align: left; border-bottom: 1px solid #d1d5db; }
            #winnow-summary .n { text-align: right; }
            .winnow-swatch { display: inline-block; width: 10px; height: 10px; margin-right: 6px; background: var(--winnow-colour, #444); }
            .winnow-legend span { display: inline-block; margin-right: 14px; padding: 1px 6px; }
            #winnow-page { padding: 12px 18px; }
            #winnow-page img { min-width: 24px; min-height: 16px; background: #e5e7eb; }
            \(colours)
            #winnow-page [data-winnow-rule] { outline: 2px dashed var(--winnow-colour, #444); outline-offset: 1px; background: rgba(220, 38, 38, 0.05); display: block; margin: 3px 0; }
            #winnow-page span[data-winnow-rule], #winnow-page a[data-winnow-rule] { display: inline-block; }
            #winnow-page [data-winnow-kind="comments"] { outline: 3px double var(--winnow-colour); background: rgba(3, 105, 161, 0.07); }
            /* A CSS escape (\\00B7) takes the one space after it: two keep one. */
            #winnow-page [data-winnow-rule]::before { content: attr(data-winnow-stage) " \\00B7  " attr(data-winnow-rule) " \\00B7  " attr(data-winnow-chars) " chars"; display: block; font: bold 11px/1.3 monospace; color: #fff; background: var(--winnow-colour, #444); padding: 1px 4px; width: max-content; max-width: 100%; }
            #winnow-page [data-winnow-kind="comments"]::before { content: "comments \\00B7  read into comments, then removed \\00B7  " attr(data-winnow-rule) " \\00B7  " attr(data-winnow-chars) " chars"; }
            #winnow-page .winnow-placeholder { min-height: 4px; }
            #winnow-page [data-winnow-main] { outline: 4px solid #16a34a; outline-offset: 6px; margin: 14px 6px; }
            #winnow-page [data-winnow-main]::before { content: "article \\00B7  " attr(data-winnow-main); display: block; font: bold 12px/1.3 monospace; color: #fff; background: #16a34a; padding: 1px 4px; width: max-content; max-width: 100%; }
            #winnow-main { border-left: 4px solid #16a34a; padding-left: 8px; }
            </style></head>
            <body>
            <div id="winnow-summary">
            <h1>winnow explain\(url.map { ": " + escape($0) } ?? "")</h1>
            \(chosen)<p>\(removals.count) removals, \(totalChars) characters; \(shown) marked below (the others were HTML comments, in the page's head, or of nothing).</p>
            <p class="winnow-legend"><span style="outline: 2px dashed #dc2626">removed: outlined and labelled stage · rule</span><span style="outline: 3px double #0369a1">comment section: read into comments, then removed</span><span>kept: plain</span></p>
            <table><tr><th>stage</th><th>rule</th><th>blocks</th><th>chars</th></tr>
            \(rows)</table>
            \(empty)</div>
            <div id="winnow-page">
            \(body)
            </div>
            </body></html>

            """
    }
}
