/// Where a rule's `drop` selector counts: only outside some elements, and
/// only on elements that hold none of some others. A `<header>` outside
/// `<article>` and `<main>` that holds no `<h1>` is the site's header; the
/// same tag inside the article, or around the headline, is the article's.
///
/// Rule files write this as `outside:` and `unless-holding:`, each a list
/// of compound selectors (no combinators), and `with-text:`, a regular
/// expression the match's text (white space collapsed) must match, case
/// ignored: a skip link is an `a[href^="#"]` whose text starts with
/// "skip". Stages test these only on elements the selector matched, so
/// they cost nothing on the others: the same tests written as XPath
/// predicates made libxml2 walk the whole page once per rule (the skip
/// link's alone cost half a million instructions a page).
public struct DropScope: Sendable {
    /// A match inside one of these is not dropped.
    public let outside: CompiledSelector?
    /// A match that holds one of these is not dropped.
    public let unlessHolding: CompiledSelector?
    /// A match whose text does not match this is not dropped.
    public let text: TextPattern?

    private let outsideSelector: SimpleSelector?
    private let unlessHoldingSelector: SimpleSelector?

    /// Nil when a selector needs combinators or pseudo-classes: the scope
    /// is tested on each match, by the element's own facts.
    public init?(outside: CompiledSelector?, unlessHolding: CompiledSelector?, text: TextPattern? = nil) {
        if let outside, outside.simple == nil { return nil }
        if let unlessHolding, unlessHolding.simple == nil { return nil }
        self.outside = outside
        self.unlessHolding = unlessHolding
        self.text = text
        outsideSelector = outside?.simple
        unlessHoldingSelector = unlessHolding?.simple
    }

    /// Whether a match of the `drop` selector at `node` may be dropped.
    func allows(_ node: Node, facts: ElementFactsCache, trips: PatternTrips? = nil) -> Bool {
        if let outsideSelector {
            for ancestor in node.ancestors where ancestor.isElement {
                if outsideSelector.matches(ancestor, facts: facts.facts(of: ancestor)) { return false }
            }
        }
        if let unlessHoldingSelector {
            var holds = false
            node.walkDescendants { child in
                guard child.isElement else { return .skipChildren }
                if unlessHoldingSelector.matches(child, facts: facts.facts(of: child)) {
                    holds = true
                    return .stop
                }
                return .descend
            }
            if holds { return false }
        }
        if let text, !text.matches(Text.collapsingWhitespace(node.textContent), trips: trips) { return false }
        return true
    }
}

extension SimpleSelector {
    /// Whether one of the alternatives matches `node`, whose facts are `facts`.
    func matches(_ node: Node, facts: ElementFacts) -> Bool {
        alternatives.contains { facts.satisfies($0, node: node) }
    }
}
