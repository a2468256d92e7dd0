import CLibXML2
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
        // An element that holds nothing to see hides nothing: it stays, with
        // the data it carries (a comment's `<span class="hidden"
        // content="2020-03-04T11:30:02+00:00">`).
        // A reader comment collapsed by the site while its replies show
        // (Slashdot hides those under the reader's score threshold) is part
        // of the visible thread: the comments stage reads it and takes it
        // out. A hidden comment with nothing shown under it stays hidden.
        // The figures of the page as it was before this stage removed
        // anything, read once: asked after each removal, they would be
        // counted anew while the guard holds its own.
        // A collapsed accordion panel (WAI-ARIA's pattern: `role=region`
        // labelled by its heading's button) is the page's text that the
        // reader opens, on every type; its prose stays as on the types
        // that keep hidden prose. The figures are counted when the page
        // hides such a panel.
        let keepsHiddenProse = page.profile.keepsHiddenProse
        let figures = keepsHiddenProse || hidden.contains(where: { StripHidden.isDisclosurePanel($0.0) })
            ? page.textStatistics(under: body) : nil
        let mayRemove = { (node: Node) in
            !StripHidden.holdsNothingVisible(node) && !StripHidden.isCollapsedComment(node, facts: page.elementFacts)
                && guarding.mayRemove(node)
                && !((keepsHiddenProse || StripHidden.isDisclosurePanel(node)) && (figures.map { StripHidden.holdsProse($0[node]) } ?? false))
        }
        // The hidden elements were found with their insides skipped, so
        // none holds another: each is still in the tree when its turn comes.
        for (node, rule) in hidden where mayRemove(node) { page.remove(attached: node, rule: rule) }
        RuleApplication(page: page, stage: name, mayRemove: mayRemove).apply(within: body)
    }

    /// A comment that holds a comment not hidden itself (a reply shown
    /// under a collapsed parent).
    static func isCollapsedComment(_ node: Node, facts: ElementFactsCache) -> Bool {
        guard CommentMarkup.isItem(node, facts: facts.facts(of: node), cache: facts) else { return false }
        var shownReply = false
        node.walkDescendants { child in
            guard child.isElement else { return .skipChildren }
            if hidingRule(child) != nil || child.attribute("class", containsAnyOf: ["hidden", "hide"]) { return .skipChildren }
            guard CommentMarkup.isItem(child, facts: facts.facts(of: child), cache: facts) else { return .descend }
            shownReply = true
            return .stop
        }
        return shownReply
    }

    /// A hidden panel this long, and mostly outside links, is content a
    /// click reveals (a tab's description, a specifications table), not a
    /// menu, a dialog's buttons or a screen-reader label. On the
    /// development set's product pages 150 kept too little (main F1 0.589
    /// with the page types given), 25 too much (precision fell by 0.02).
    static let revealedProseChars = 100
    static let revealedProseLinkDensity = 0.3

    static func holdsProse(_ figures: TextStatistics.Figures) -> Bool {
        figures.chars >= revealedProseChars && figures.linkDensity < revealedProseLinkDensity
    }

    /// An accordion's panel as WAI-ARIA writes it: a region labelled by
    /// the button that opens it.
    static func isDisclosurePanel(_ node: Node) -> Bool {
        node.attribute("role")?.lowercased() == "region" && node.attribute("aria-labelledby") != nil
    }

    /// Elements that show something without text.
    static let visibleWithoutText = TagSet([.img, .picture, .video, .audio, .iframe, .svg, .canvas, .object, .embed, .input, .select, .textarea, .button])

    /// Whether `node` has neither text nor anything else a reader would see.
    static func holdsNothingVisible(_ node: Node) -> Bool {
        guard !visibleWithoutText.contains(node.tag) else { return false }
        var visible = false
        node.walkDescendants { child in
            if child.hasVisibleOwnText { visible = true }
            if child.isElement, visibleWithoutText.contains(child.tag) { visible = true }
            return visible ? .stop : .descend
        }
        return !visible
    }

    static func hidingRule(_ node: Node) -> String? {
        // One pass over the attributes finds the three (the first of each
        // name, as `xmlHasProp` would): every element of the body is asked.
        var hidden = false
        var ariaHidden: xmlAttrPtr?
        var style: xmlAttrPtr?
        var attribute = node.pointer.pointee.properties
        while let current = attribute {
            if let name = current.pointee.name {
                if !hidden, Node.name(name, is: "hidden") {
                    hidden = true
                } else if ariaHidden == nil, Node.name(name, is: "aria-hidden") {
                    ariaHidden = current
                } else if style == nil, Node.name(name, is: "style") {
                    style = current
                }
            }
            attribute = current.pointee.next
        }
        if hidden { return "hidden-attribute" }
        if let ariaHidden, node.withValue(of: ariaHidden, StripHidden.isTrue) == true { return "aria-hidden" }
        if let style, StripHidden.isHiding(style, of: node) { return "inline-display-none" }
        return nil
    }

    /// `value.lowercased() == "true"`; ASCII values without the String.
    private static func isTrue(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        guard value.allSatisfy({ $0 < 0x80 }) else { return String(decoding: value, as: UTF8.self).lowercased() == "true" }
        return value.count == 4 && value[0] | 0x20 == 0x74 && value[1] | 0x20 == 0x72 && value[2] | 0x20 == 0x75
            && value[3] | 0x20 == 0x65
    }

    /// Whether an inline style hides the element: a quick look for `none`
    /// or `hidden` in the attribute's text, then `isHidingStyle`.
    private static func isHiding(_ style: xmlAttrPtr, of node: Node) -> Bool {
        guard node.attribute("style", containsAnyOf: ["none", "hidden"]) else { return false }
        return node.withValue(of: style) { value in
            guard value.allSatisfy({ $0 < 0x80 }) else { return isHidingStyle(String(decoding: value, as: UTF8.self)) }
            // What `isHidingStyle` does, byte by byte: ASCII lower-cased,
            // white space (Character's, which for ASCII is 09-0D and 20) out.
            var compact: [UInt8] = []
            compact.reserveCapacity(value.count)
            for byte in value where !(byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)) {
                compact.append(Text.lowercasedASCII(byte))
            }
            return compact.withUnsafeBufferPointer { bytes in
                StripHidden.hidingDeclarations.contains { declaration in
                    declaration.withUTF8Buffer { Text.contains(bytes, $0) }
                }
            }
        } ?? false
    }

    private static let hidingDeclarations: [StaticString] = ["display:none", "visibility:hidden"]

    static func isHidingStyle(_ style: String) -> Bool {
        let compact = String(style.lowercased().filter { !$0.isWhitespace })
        return Text.containsBytes(compact, "display:none") || Text.containsBytes(compact, "visibility:hidden")
    }
}
