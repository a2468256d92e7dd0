import Foundation

/// The rules in force: the user's files, in order, then the built-in set.
/// User rules come first in their stage, so a site's `main` selector is
/// tried before the generic ones and a block both match is logged under
/// the site's rule.
public struct RuleSet: Sendable {
    public let rules: [Rule]
    /// `disable` entries scoped to hosts or URLs; unscoped ones have
    /// already taken their rules out of `rules`.
    public let scopedDisables: [RuleDisable]
    /// Whether some rule or disable entry depends on more than the host,
    /// so each page needs its own view of the set (`narrowed`).
    private let dependsOnURL: Bool
    /// Per stage, the `drop-text` patterns of the rules that apply to every
    /// host, joined into one alternation: a block is matched once, and only
    /// a block that matches is tested rule by rule to name the rule.
    private let combinedTextPatterns: [(stage: String, pattern: TextPattern)]
    /// Each stage's rules that apply to every host, prepared once: the
    /// view of the stage on any page that no site rule applies to.
    private let preparedStages: [String: StageRules]
    /// Whether some rule is scoped to hosts (pages may then need a view of
    /// their own).
    private let hasHostScopedRules: Bool
    /// Each page type's view of the stages, for the rules that apply to
    /// every host, when some rule is scoped to page types; empty otherwise.
    private let preparedStagesByType: [PageType: [String: StageRules]]
    /// The rules with `keep` selectors, of every stage.
    let keepRules: [Rule]

    public init(rules: [Rule]) {
        self.init(rules: rules, scopedDisables: [])
    }

    init(rules: [Rule], scopedDisables: [RuleDisable]) {
        self.rules = rules
        self.scopedDisables = scopedDisables
        dependsOnURL = !scopedDisables.isEmpty || rules.contains { !$0.urls.isEmpty }
        var byStage: [String: [TextPattern]] = [:]
        for rule in rules where rule.hosts.isEmpty {
            if let pattern = rule.dropText { byStage[rule.stage, default: []].append(pattern) }
        }
        combinedTextPatterns = byStage.keys.sorted().compactMap { stage in
            let patterns = byStage[stage]!
            let prefixes = patterns.map(\.literalPrefixes)
            let joined = try? TextPattern(
                patterns.map { "(?:\($0.source))" }.joined(separator: "|"), anchored: patterns.allSatisfy(\.isAnchored),
                bounded: patterns.contains(where: \.isBounded),
                literalPrefixes: prefixes.contains { $0 == nil } ? nil : LiteralPrefixes(union: prefixes.compactMap { $0 }))
            return joined.map { (stage, $0) }
        }
        (preparedStages, preparedStagesByType, hasHostScopedRules, keepRules) = RuleSet.prepare(rules)
    }

    private static func prepare(_ rules: [Rule]) -> (
        stages: [String: StageRules], byType: [PageType: [String: StageRules]], hasHostScopedRules: Bool, keepRules: [Rule]
    ) {
        func stages(of type: PageType?) -> [String: StageRules] {
            var byStage: [String: [Rule]] = [:]
            for rule in rules where rule.hosts.isEmpty && (type.map(rule.applies(toPageType:)) ?? rule.pageTypes.isEmpty) {
                byStage[rule.stage, default: []].append(rule)
            }
            return byStage.mapValues(StageRules.init)
        }
        var byType: [PageType: [String: StageRules]] = [:]
        if rules.contains(where: { !$0.pageTypes.isEmpty }) {
            for type in PageType.allCases { byType[type] = stages(of: type) }
        }
        return (stages(of: nil), byType, rules.contains { !$0.hosts.isEmpty }, rules.filter { $0.keep != nil })
    }

    private init(narrowing set: RuleSet, to rules: [Rule]) {
        self.rules = rules
        scopedDisables = []
        dependsOnURL = false
        // The joined patterns only rule blocks out before the page's own
        // rules are tried one by one, so the whole set's serve as they are.
        combinedTextPatterns = set.combinedTextPatterns
        (preparedStages, preparedStagesByType, hasHostScopedRules, keepRules) = RuleSet.prepare(rules)
    }

    /// The rules that apply to the page at `url`: URL patterns and scoped
    /// `disable` entries resolved once per page, so that the stages keep
    /// asking by host alone. The set itself when nothing depends on the URL.
    public func narrowed(toURL url: String?, host: String?) -> RuleSet {
        guard dependsOnURL else { return self }
        let off = Set(scopedDisables.filter { $0.applies(toURL: url, host: host) }.flatMap(\.ids))
        return RuleSet(narrowing: self, to: rules.filter { !off.contains($0.id) && $0.applies(toURL: url, host: host) })
    }

    /// Whether some rule or `disable` entry applies to some hosts or URLs
    /// only: those need the page's address.
    public var isScopedByAddress: Bool { hasHostScopedRules || dependsOnURL }

    /// The ids of the rules scoped to hosts or URLs, and of the rules that
    /// scoped `disable` entries switch off: what a page without an address
    /// cannot be matched against.
    public var addressScopedRuleIDs: [String] {
        var ids = rules.filter { !$0.hosts.isEmpty || !$0.urls.isEmpty }.map(\.id)
        for entry in scopedDisables { ids += entry.ids.filter { !ids.contains($0) } }
        return ids
    }

    /// The rule with this id, if any.
    public func rule(withID id: String) -> Rule? {
        rules.first { $0.id == id }
    }

    /// The joined `drop-text` patterns of `stage` (host-independent rules).
    func combinedTextPattern(for stage: String) -> TextPattern? {
        combinedTextPatterns.first { $0.stage == stage }?.pattern
    }

    /// The rules of `stage` that apply to `host` and to pages of `pageType`,
    /// prepared for the walks: the rule set's own preparation when no site
    /// rule applies to `host`.
    func prepared(for stage: String, host: String?, pageType: PageType = .article) -> StageRules {
        let stages = preparedStagesByType[pageType] ?? preparedStages
        if let shared = stages[stage] {
            if !hasHostScopedRules { return shared }
            let rules = rules(for: stage, host: host, pageType: pageType)
            // The host-independent rules are among these: the same count
            // means no site rule applies.
            return rules.count == shared.rules.count ? shared : StageRules(rules)
        }
        return StageRules(rules(for: stage, host: host, pageType: pageType))
    }

    /// The rules of `stage` that apply to `host` (and, when given, to pages
    /// of `pageType`), in file order.
    public func rules(for stage: String, host: String?, pageType: PageType? = nil) -> [Rule] {
        rules.filter { rule in
            rule.stage == stage && rule.applies(toHost: host) && (pageType.map(rule.applies(toPageType:)) ?? true)
        }
    }

    /// The name the built-in rules' origins give.
    static let builtInFileName = "builtin-rules.yaml"

    /// The set shipped with the package, parsed once per process.
    public static let builtIn: Result<RuleSet, RuleFileError> = {
        guard let url = Bundle.module.url(forResource: "builtin-rules", withExtension: "yaml"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else {
            return .failure(RuleFileError(file: "builtin-rules.yaml", line: nil, reason: "not found in the package resources"))
        }
        do {
            return .success(RuleSet(rules: try RuleLoader.rules(fromYAML: text, file: builtInFileName)))
        } catch let error as RuleFileError {
            return .failure(error)
        } catch {
            return .failure(RuleFileError(file: "builtin-rules.yaml", line: nil, reason: "\(error)"))
        }
    }()
}
