import Foundation

/// The rules in force: the built-in set, then the user's files, in order.
public struct RuleSet: Sendable {
    public let rules: [Rule]
    /// Per stage, the `drop-text` patterns of the rules that apply to every
    /// host, joined into one alternation: a block is matched once, and only
    /// a block that matches is tested rule by rule to name the rule.
    private let combinedTextPatterns: [(stage: String, pattern: TextPattern)]

    public init(rules: [Rule]) {
        self.rules = rules
        var byStage: [String: [TextPattern]] = [:]
        for rule in rules where rule.hosts.isEmpty {
            if let pattern = rule.dropText { byStage[rule.stage, default: []].append(pattern) }
        }
        combinedTextPatterns = byStage.keys.sorted().compactMap { stage in
            let patterns = byStage[stage]!
            let joined = try? TextPattern(
                patterns.map { "(?:\($0.source))" }.joined(separator: "|"), anchored: patterns.allSatisfy(\.isAnchored))
            return joined.map { (stage, $0) }
        }
    }

    /// The joined `drop-text` patterns of `stage` (host-independent rules).
    func combinedTextPattern(for stage: String) -> TextPattern? {
        combinedTextPatterns.first { $0.stage == stage }?.pattern
    }

    /// The rules of `stage` that apply to `host`, in file order.
    public func rules(for stage: String, host: String?) -> [Rule] {
        rules.filter { $0.stage == stage && $0.applies(toHost: host) }
    }

    /// The set shipped with the package, parsed once per process.
    public static let builtIn: Result<RuleSet, RuleFileError> = {
        guard let url = Bundle.module.url(forResource: "builtin-rules", withExtension: "yaml"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else {
            return .failure(RuleFileError(file: "builtin-rules.yaml", line: nil, reason: "not found in the package resources"))
        }
        do {
            return .success(RuleSet(rules: try RuleLoader.rules(fromYAML: text, file: "builtin-rules.yaml")))
        } catch let error as RuleFileError {
            return .failure(error)
        } catch {
            return .failure(RuleFileError(file: "builtin-rules.yaml", line: nil, reason: "\(error)"))
        }
    }()
}
