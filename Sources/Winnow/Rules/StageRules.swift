/// The rules of one stage, as they apply to one host, prepared for the
/// walks that apply them: drop selectors and drop hints indexed, the rules
/// only XPath can match, the text patterns, and each `main` selector's
/// index. A rule set prepares its stages once for every page that no site
/// rule applies to (`RuleSet.prepared(for:host:)`), so pages do not
/// rebuild the indexes.
final class StageRules: Sendable {
    let rules: [Rule]
    /// Simple drop selectors, valued by the rule's position in `rules`.
    let selectors: SelectorIndex<Int>
    /// Drop hints, valued by the rule's position in `rules`.
    let hints: HintIndex<Int>
    /// Positions of the rules whose drops are found before the stage's
    /// walk, each over the whole tree, in rule order: those whose drop
    /// selector XPath evaluates (combinators, pseudo-classes, `xpath:`)
    /// and the simple ones with a `DropScope`.
    let dropsBeforeWalk: [Int]
    /// The simple drop selectors with a `DropScope`, valued by the rule's
    /// position in `rules`: matched in one walk of their own.
    let scopedSelectors: SelectorIndex<Int>
    /// Rules with `drop-text` patterns, in rule order.
    let patterned: [Rule]
    /// Whether a patterned rule is scoped to hosts: such rules are not in
    /// the rule set's joined pattern, so a block it rules out is still
    /// tested rule by rule.
    let hasHostScopedPatterns: Bool
    /// Rules with `main` selectors, in rule order.
    let mainRules: [Rule]
    /// The simple `main` selectors, valued by the rule's position in
    /// `mainRules` (the others are XPath).
    let mainSelectors: SelectorIndex<Int>
    /// The simple `section` selectors, valued by the rule's id (comments
    /// stage).
    let sectionSelectors: SelectorIndex<String>
    /// The `section-hints`, valued by the rule's id.
    let sectionHints: HintIndex<String>

    init(_ rules: [Rule]) {
        self.rules = rules
        let isScoped = { (index: Int) in rules[index].dropScope != nil }
        selectors = SelectorIndex(rules.indices.filter { !isScoped($0) }.compactMap { index in rules[index].drop?.simple.map { ($0, index) } })
        scopedSelectors = SelectorIndex(rules.indices.filter(isScoped).compactMap { index in rules[index].drop?.simple.map { ($0, index) } })
        hints = HintIndex(rules.indices.filter { !rules[$0].dropHints.isEmpty }.map { (rules[$0].dropHints, $0) })
        dropsBeforeWalk = rules.indices.filter { rules[$0].drop != nil && (rules[$0].drop?.simple == nil || isScoped($0)) }
        patterned = rules.filter { $0.dropText != nil }
        hasHostScopedPatterns = patterned.contains { !$0.hosts.isEmpty }
        mainRules = rules.filter { $0.main != nil }
        let mainRules = self.mainRules
        mainSelectors = SelectorIndex(mainRules.indices.compactMap { index in mainRules[index].main?.simple.map { ($0, index) } })
        sectionSelectors = SelectorIndex(rules.compactMap { rule in rule.section?.simple.map { ($0, rule.id) } })
        sectionHints = HintIndex(rules.filter { !$0.sectionHints.isEmpty }.map { ($0.sectionHints, $0.id) })
    }
}
