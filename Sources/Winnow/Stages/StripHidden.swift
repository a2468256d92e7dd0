import Foundation

/// Drops elements the page hides from readers: the `hidden` attribute,
/// `aria-hidden="true"`, and inline `display:none` / `visibility:hidden`.
/// Hidden blocks are mostly menus, modal dialogs and templates; a hidden
/// element that holds most of the page's prose is kept (see `ContentGuard`).
public struct StripHidden: Stage {
    public let name = "strip-hidden"

    /// Share of the page's prose a hidden element must hold to be taken
    /// for a wrapper that scripts reveal.
    static let revealedWrapperShare = 0.8

    public init() {}

    public func run(on page: Page) throws {
        guard let body = page.document.body else { return }
        var hidden: [(Node, String)] = []
        body.walkDescendants { node in
            guard node.isElement else { return .skipChildren }
            if let rule = StripHidden.hidingRule(node) {
                hidden.append((node, rule))
                return .skipChildren
            }
            return .descend
        }
        // A hidden wrapper around nearly all of the page's prose is revealed
        // by a script (page-transition overlays, anti-flicker snippets): a
        // reader sees it, so it stays. Nearly all, not half: pages also
        // hide whole articles in modal templates beside the visible one.
        let guarding = ContentGuard(page: page, protectedShare: StripHidden.revealedWrapperShare)
        for (node, rule) in hidden where guarding.mayRemove(node) { page.remove(node, rule: rule) }
        RuleApplication(page: page, stage: name, mayRemove: guarding.mayRemove).apply(within: body)
    }

    static func hidingRule(_ node: Node) -> String? {
        if node.hasAttribute("hidden") { return "hidden-attribute" }
        if let aria = node.attribute("aria-hidden"), aria.lowercased() == "true" { return "aria-hidden" }
        if node.attribute("style", containsAnyOf: ["none", "hidden"]), let style = node.attribute("style"), isHidingStyle(style) {
            return "inline-display-none"
        }
        return nil
    }

    static func isHidingStyle(_ style: String) -> Bool {
        let compact = String(style.lowercased().filter { !$0.isWhitespace })
        return Text.containsBytes(compact, "display:none") || Text.containsBytes(compact, "visibility:hidden")
    }
}
