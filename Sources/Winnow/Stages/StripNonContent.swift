/// Drops what is never article text: scripts, styles, embedded frames and
/// vector images, form controls, and HTML comments. Runs first, so no later
/// stage counts script text as content. The one `<noscript>` that holds a
/// script shell's whole page (`ScriptShell`) is unwrapped first and kept.
///
/// A form control that holds most of the page's prose stays (the controls
/// and scripts inside it still go): that is libxml2's reading of broken
/// markup, not a control. Dotdash Meredith's sites open a `<div>` inside
/// the header's menu `<button>` and close the button first; libxml2 then
/// keeps the button open to the end of the page, and whole articles were
/// dropped as a form control. Most, not some: shops make cards of
/// `<button>`s that hold a paragraph or two (Samsung's "How to use"
/// popups), which go as before. Code and embedded content are not asked:
/// their text is never the page's prose, whatever its size.
public struct StripNonContent: Stage {
    public let name = "strip-non-content"

    public init() {}

    public func run(on page: Page) throws {
        guard let root = page.document.root else { return }
        let body = page.document.body
        // The body's comments go on the rules' walk, the others (in the
        // head, around the body) on this one.
        var comments: [Node] = []
        root.walkDescendants { node in
            if node.isComment { comments.append(node) }
            return node == body ? .skipChildren : .descend
        }
        for comment in comments { page.remove(comment, rule: StripNonContent.htmlCommentRule) }
        guard let body else { return }
        if let content = ScriptShell.content(of: body) { page.unwrap(content) }
        // A control with the text of a few paragraphs is decided after the
        // walk, when the scripts are gone: the guard's figures of the page
        // would count their text as prose.
        var postponed: [(Node, Rule)] = []
        var rules = RuleApplication(page: page, stage: name) { node, rule in
            guard StripNonContent.controls.contains(node.tag),
                ContentGuard.holdsTextBytes(atLeast: ContentGuard.minimumGuardedTextBytes, under: node)
            else { return true }
            postponed.append((node, rule))
            return false
        }
        rules.htmlCommentRule = StripNonContent.htmlCommentRule
        rules.apply(within: body)
        guard !postponed.isEmpty else { return }
        // Half the page's text, or of its prose: the prose units of a
        // control and of its parent can differ by half (`ProseMap` counts a
        // `<div>` with only inline children, as a button is, as one
        // paragraph of all its text).
        let guarding = ContentGuard(page: page, protectedTextShare: StripNonContent.protectedShare)
        // In document order: a control inside one that goes goes with it.
        for (node, rule) in postponed where node.isAttached && guarding.mayRemove(node) {
            page.remove(node, rule: rule.id)
        }
    }

    static let htmlCommentRule = "html-comments"

    /// Form controls that hold markup, whose content a misparse can make a
    /// page's.
    static let controls = TagSet([.button, .label, .select, .option, .textarea])
    /// The share of the page's text (or prose) that makes a control the
    /// page's content: `ContentGuard`'s default for prose.
    static let protectedShare = 0.5
}
