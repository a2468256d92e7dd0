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
    /// The stages a rule may name, in pipeline order.
    public static let orderedStageNames = [
        "strip-non-content", "strip-hidden", "comments", "strip-boilerplate", "main-content",
        "strip-article-boilerplate",
    ]
    public static let stageNames = Set(orderedStageNames)

    static let knownKeys: Set<String> = [
        "id", "stage", "hosts", "urls", "page-types", "drop", "outside", "unless-holding", "with-text", "drop-hints", "drop-text", "keep", "main",
        "section", "section-hints", "unguarded", "description",
    ]

    /// The largest rule file read: far more than any site pack needs, and
    /// small enough that a wrong path (a page, a log) is refused at once.
    public static let maximumFileBytes = 1 << 20
    /// `drop-text` is tested on blocks of at most this many characters;
    /// user patterns are probed at this length.
    static let probeLength = 300

    static let disableKeys: Set<String> = ["disable", "hosts", "urls", "description"]

    /// The rules of the built-in file (no `disable` entries there).
    public static func rules(fromYAML text: String, file: String) throws -> [Rule] {
        let parsed = try ruleFile(fromYAML: text, file: file, isUserFile: false)
        if let disable = parsed.disabled.first {
            throw RuleFileError(file: file, line: disable.origin.line, reason: "'disable' belongs in user rule files")
        }
        return parsed.rules
    }

    /// Reads a user's rule file from disk: refused when missing, larger
    /// than `maximumFileBytes`, not UTF-8, empty or holding no rules.
    public static func ruleFile(atPath path: String) throws -> RuleFile {
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
        } catch {
            throw RuleFileError(file: path, line: nil, reason: "no such file")
        }
        if attributes[.type] as? FileAttributeType == .typeDirectory {
            throw RuleFileError(file: path, line: nil, reason: "is a directory, not a rule file")
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        guard size <= maximumFileBytes else {
            throw RuleFileError(
                file: path, line: nil, reason: "\(size) bytes is too large for a rule file (limit \(maximumFileBytes) bytes)")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RuleFileError(file: path, line: nil, reason: "cannot be read")
        }
        guard data.count <= maximumFileBytes else {
            throw RuleFileError(file: path, line: nil, reason: "too large for a rule file (limit \(maximumFileBytes) bytes)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw RuleFileError(file: path, line: nil, reason: "not UTF-8 text")
        }
        return try ruleFile(fromYAML: text, file: path)
    }

    /// Parses a user's rule file: rules, and `disable` entries that switch
    /// rules off (everywhere, or on some hosts or URLs). Its `drop-text`
    /// patterns run under `RegexBudget`.
    public static func ruleFile(fromYAML text: String, file: String) throws -> RuleFile {
        let parsed = try ruleFile(fromYAML: text, file: file, isUserFile: true)
        if parsed.rules.isEmpty, parsed.disabled.isEmpty {
            throw RuleFileError(file: file, line: nil, reason: "the file holds no rules (a rule file is a list of rules)")
        }
        return parsed
    }

    private static func ruleFile(fromYAML text: String, file: String, isUserFile: Bool) throws -> RuleFile {
        let root: Yams.Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw RuleFileError(file: file, line: line(of: error), reason: "not valid YAML: \(error)")
        }
        guard let root else { return RuleFile(path: file, rules: [], disabled: []) }
        guard case .sequence(let sequence) = root else {
            throw RuleFileError(file: file, line: line(of: root), reason: "a rule file is a list of rules")
        }
        var rules: [Rule] = []
        var disabled: [RuleDisable] = []
        var seen: Set<String> = []
        for item in sequence {
            if case .mapping(let mapping) = item, mapping.keys.contains(where: { $0.string == "disable" }) {
                disabled.append(try disable(from: item, file: file))
                continue
            }
            let rule = try self.rule(from: item, file: file, isUserFile: isUserFile)
            guard seen.insert(rule.id).inserted else {
                throw RuleFileError(file: file, line: line(of: item), reason: "rule id '\(rule.id)' is used twice")
            }
            rules.append(rule)
        }
        return RuleFile(path: file, rules: rules, disabled: disabled)
    }

    private static func disable(from node: Yams.Node, file: String) throws -> RuleDisable {
        guard case .mapping(let mapping) = node else { preconditionFailure("checked by the caller") }
        var ids: [String] = []
        var hosts: [String] = []
        var urls: [URLPattern] = []
        for (key, value) in mapping {
            guard let name = key.string, disableKeys.contains(name) else {
                throw RuleFileError(
                    file: file, line: line(of: key),
                    reason: "unknown key '\(key.string ?? "?")' in a 'disable' entry (keys: \(disableKeys.sorted().joined(separator: ", ")))")
            }
            switch name {
            case "disable": ids = try strings(value, key: name, file: file)
            case "hosts": hosts = try strings(value, key: name, file: file).map { $0.lowercased() }
            case "urls": urls = try strings(value, key: name, file: file).map(URLPattern.init)
            default: break
            }
        }
        guard !ids.isEmpty else {
            throw RuleFileError(file: file, line: line(of: node), reason: "'disable' names no rule id")
        }
        return RuleDisable(ids: ids, hosts: hosts, urls: urls, origin: RuleOrigin(file: file, line: line(of: node)))
    }

    private static func strings(_ value: Yams.Node, key: String, file: String) throws -> [String] {
        if let single = value.string, !single.isEmpty, value.scalar != nil { return [single] }
        guard case .sequence(let items) = value else {
            throw RuleFileError(file: file, line: line(of: value), reason: "'\(key)' takes a string or a list of strings")
        }
        return try items.map { item in
            guard item.scalar != nil, let text = item.string, !text.isEmpty else {
                throw RuleFileError(file: file, line: line(of: item), reason: "'\(key)' takes strings")
            }
            return text
        }
    }

    private static func rule(from node: Yams.Node, file: String, isUserFile: Bool) throws -> Rule {
        guard case .mapping(let mapping) = node else {
            throw RuleFileError(file: file, line: line(of: node), reason: "a rule is a mapping of keys")
        }
        var values: [String: Yams.Node] = [:]
        for (key, value) in mapping {
            guard let name = key.string else {
                throw RuleFileError(file: file, line: line(of: key), reason: "keys are strings")
            }
            guard knownKeys.contains(name) else {
                throw RuleFileError(
                    file: file, line: line(of: key),
                    reason: "unknown key '\(name)' (keys: \(knownKeys.sorted().joined(separator: ", ")))")
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
            return try RuleLoader.strings(value, key: key, file: file)
        }
        func flag(_ key: String) throws -> Bool {
            guard let value = values[key] else { return false }
            guard let flag = value.bool else {
                throw RuleFileError(file: file, line: line(of: value), reason: "'\(key)' takes true or false")
            }
            return flag
        }
        func selector(_ key: String) throws -> CompiledSelector? {
            guard let source = try string(key) else { return nil }
            do {
                return try CompiledSelector(source)
            } catch XPathError.invalid(let expression) {
                throw RuleFileError(
                    file: file, line: line(of: values[key]!),
                    reason: "bad selector in '\(key)': libxml2 cannot compile the XPath \(expression)")
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
        func textPattern(_ key: String) throws -> TextPattern? {
            guard let pattern = try string(key) else { return nil }
            let patternLine = line(of: values[key]!)
            let compiled: TextPattern
            do {
                compiled = try TextPattern(pattern, bounded: isUserFile)
            } catch {
                throw RuleFileError(file: file, line: patternLine, reason: "regex does not compile: \(pattern)")
            }
            if isUserFile, RegexBudget.backtracksCatastrophically(compiled, length: probeLength) {
                throw RuleFileError(
                    file: file, line: patternLine,
                    reason: "regex backtracks catastrophically (nested quantifiers such as '(a+)+'?): \(pattern)")
            }
            return compiled
        }
        let dropText = try textPattern("drop-text")
        let drop = try selector("drop")
        var dropScope: DropScope?
        let outside = try selector("outside")
        let unlessHolding = try selector("unless-holding")
        let withText = try textPattern("with-text")
        if let key = ["outside", "unless-holding", "with-text"].first(where: { values[$0] != nil }) {
            guard drop != nil else {
                throw RuleFileError(file: file, line: line(of: values[key]!), reason: "'\(key)' scopes 'drop': rule '\(id)' has none")
            }
            guard let scope = DropScope(outside: outside, unlessHolding: unlessHolding, text: withText) else {
                throw RuleFileError(
                    file: file, line: line(of: values[key]!),
                    reason: "'outside' and 'unless-holding' take compound selectors only (no combinators or pseudo-classes)")
            }
            dropScope = scope
        }
        let pageTypes = try strings("page-types").map { name in
            guard let type = PageType(named: name) else {
                throw RuleFileError(
                    file: file, line: line(of: values["page-types"]!),
                    reason: "unknown page type '\(name)' (types: \(PageType.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            return type
        }
        let rule = Rule(
            id: id, stage: stage, hosts: try strings("hosts").map { $0.lowercased() },
            urls: try strings("urls").map(URLPattern.init), pageTypes: pageTypes,
            drop: drop, dropScope: dropScope, dropHints: try strings("drop-hints").map(WordHint.init),
            dropText: dropText, keep: try selector("keep"), main: try selector("main"),
            section: try selector("section"), sectionHints: try strings("section-hints").map(WordHint.init),
            isUnguarded: try flag("unguarded"), description: try string("description"), origin: RuleOrigin(file: file, line: line(of: node)))
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
