import Foundation
import Yams

/// A rule file that cannot be used, with where and why.
public struct RuleFileError: Error, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let reason: String

    public var description: String {
        if let line { return "\(file):\(line): \(reason)" }
        return "\(file): \(reason)"
    }
}

/// Reads rule files. Everything is checked before any page is read: unknown
/// keys and stages, selectors and regexes that do not compile.
public enum RuleLoader {
    /// The stages a rule may name.
    public static let stageNames: Set<String> = [
        "strip-non-content", "strip-hidden", "comments", "strip-boilerplate", "main-content",
        "strip-article-boilerplate",
    ]

    static let knownKeys: Set<String> = [
        "id", "stage", "hosts", "drop", "drop-hints", "drop-text", "keep", "main", "section", "section-hints",
        "description",
    ]

    public static func rules(fromYAML text: String, file: String) throws -> [Rule] {
        let root: Yams.Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw RuleFileError(file: file, line: line(of: error), reason: "not valid YAML: \(error)")
        }
        guard let root else { return [] }
        guard case .sequence(let sequence) = root else {
            throw RuleFileError(file: file, line: line(of: root), reason: "a rule file is a list of rules")
        }
        var rules: [Rule] = []
        var seen: Set<String> = []
        for item in sequence {
            let rule = try self.rule(from: item, file: file)
            guard seen.insert(rule.id).inserted else {
                throw RuleFileError(file: file, line: line(of: item), reason: "rule id '\(rule.id)' is used twice")
            }
            rules.append(rule)
        }
        return rules
    }

    private static func rule(from node: Yams.Node, file: String) throws -> Rule {
        guard case .mapping(let mapping) = node else {
            throw RuleFileError(file: file, line: line(of: node), reason: "a rule is a mapping of keys")
        }
        var values: [String: Yams.Node] = [:]
        for (key, value) in mapping {
            guard let name = key.string else {
                throw RuleFileError(file: file, line: line(of: key), reason: "keys are strings")
            }
            guard knownKeys.contains(name) else {
                throw RuleFileError(file: file, line: line(of: key), reason: "unknown key '\(name)'")
            }
            values[name] = value
        }
        func string(_ key: String) throws -> String? {
            guard let value = values[key] else { return nil }
            guard let text = value.string, !text.isEmpty else {
                throw RuleFileError(file: file, line: line(of: value), reason: "'\(key)' takes a non-empty string")
            }
            return text
        }
        func strings(_ key: String) throws -> [String] {
            guard let value = values[key] else { return [] }
            if let single = value.string { return [single] }
            guard case .sequence(let items) = value else {
                throw RuleFileError(file: file, line: line(of: value), reason: "'\(key)' takes a string or a list of strings")
            }
            return try items.map { item in
                guard let text = item.string, !text.isEmpty else {
                    throw RuleFileError(file: file, line: line(of: item), reason: "'\(key)' takes strings")
                }
                return text
            }
        }
        func selector(_ key: String) throws -> CompiledSelector? {
            guard let source = try string(key) else { return nil }
            do {
                return try CompiledSelector(source)
            } catch {
                throw RuleFileError(file: file, line: line(of: values[key]!), reason: "bad selector in '\(key)': \(error)")
            }
        }

        guard let id = try string("id") else {
            throw RuleFileError(file: file, line: line(of: node), reason: "a rule needs an 'id'")
        }
        guard let stage = try string("stage") else {
            throw RuleFileError(file: file, line: line(of: node), reason: "rule '\(id)' needs a 'stage'")
        }
        guard stageNames.contains(stage) else {
            throw RuleFileError(
                file: file, line: line(of: values["stage"]!),
                reason: "unknown stage '\(stage)' (stages: \(stageNames.sorted().joined(separator: ", ")))")
        }
        var dropText: TextPattern?
        if let pattern = try string("drop-text") {
            do {
                dropText = try TextPattern(pattern)
            } catch {
                throw RuleFileError(file: file, line: line(of: values["drop-text"]!), reason: "regex does not compile: \(pattern)")
            }
        }
        let rule = Rule(
            id: id, stage: stage, hosts: try strings("hosts").map { $0.lowercased() },
            drop: try selector("drop"), dropHints: try strings("drop-hints").map(WordHint.init),
            dropText: dropText, keep: try selector("keep"), main: try selector("main"),
            section: try selector("section"), sectionHints: try strings("section-hints").map(WordHint.init),
            description: try string("description"))
        if rule.drop == nil, rule.dropHints.isEmpty, rule.dropText == nil, rule.keep == nil, rule.main == nil,
            rule.section == nil, rule.sectionHints.isEmpty
        {
            throw RuleFileError(file: file, line: line(of: node), reason: "rule '\(id)' says nothing to drop, keep or find")
        }
        return rule
    }

    private static func line(of node: Yams.Node) -> Int? {
        node.mark.map { $0.line }
    }

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        default:
            return nil
        }
    }
}
