import Foundation

/// Drops elements the page hides from readers: the `hidden` attribute,
/// `aria-hidden="true"`, and inline `display:none` / `visibility:hidden`.
/// Hidden blocks are mostly menus, modal dialogs and templates.
public struct StripHidden: Stage {
    public let name = "strip-hidden"

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
        for (node, rule) in hidden { page.remove(node, rule: rule) }
        RuleApplication(page: page, stage: name).apply(within: body)
    }

    static func hidingRule(_ node: Node) -> String? {
        if node.hasAttribute("hidden") { return "hidden-attribute" }
        if let aria = node.attribute("aria-hidden"), aria.lowercased() == "true" { return "aria-hidden" }
        if let style = node.attribute("style"), isHidingStyle(style) { return "inline-display-none" }
        return nil
    }

    static func isHidingStyle(_ style: String) -> Bool {
        let compact = style.lowercased().filter { !$0.isWhitespace }
        return compact.contains("display:none") || compact.contains("visibility:hidden")
    }
}
