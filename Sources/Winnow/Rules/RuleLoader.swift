import Foundation
import Yams

/// A rule file that cannot be used, with where and why. A file is checked
/// whole: the first error found is this one, and the rest, in file order,
/// are in `further` (`winnow rules check` prints them all).
public struct RuleFileError: Error, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let reason: String
    /// The errors found after this one.
    public var further: [RuleFileError] = []

    public init(file: String, line: Int?, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    /// The first of `errors` carrying the others; nil when there are none.
    public init?(collecting errors: [RuleFileError]) {
        guard let first = errors.first else { return nil }
        self = first
        further = Array(errors.dropFirst().flatMap(\.all))
    }

    /// This error and the further ones, in file order.
    public var all: [RuleFileError] {
        [RuleFileError(file: file, line: line, reason: reason)] + further
    }

    /// This error alone, as `file:line: reason`.
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

    /// "unknown KIND 'NAME'", with the nearest known name when one is close
    /// (`dorp`: did you mean 'drop'?), or those that hold the name
    /// (`boilerplate`: 'strip-boilerplate' or 'strip-article-boilerplate'),
    /// else the list of known names.
    static func unknown(_ kind: String, _ name: String, known: [String], listName: String, context: String = "") -> String {
        let suggestions = NearestName.suggestions(for: name, among: known)
        var reason = "unknown \(kind) '\(name)'\(context)"
        if suggestions.isEmpty {
            reason += " (\(listName): \(known.joined(separator: ", ")))"
        } else {
            reason += "; did you mean " + suggestions.map { "'\($0)'" }.joined(separator: " or ") + "?"
        }
        return reason
    }

    /// The largest rule file read: far more than any site pack needs, and
    /// small enough that a wrong path (a page, a log) is refused at once.
    public static let maximumFileBytes = 1 << 20
    /// `drop-text` is tested on blocks of at most this many characters;
    /// user patterns are probed at this length.
    static let probeLength = 300

    static let disableKeys: Set<String> = ["disable", "hosts", "urls", "description"]

    /// The rules of the built-in file (no `disable` entries there).
    public static func rules(fromYAML text: String, file: String) throws -> [Rule] {
        let parsed = try check(fromYAML: text, file: file, isUserFile: false).accepted()
        if let disable = parsed.disabled.first {
            throw RuleFileError(file: file, line: disable.origin.line, reason: "'disable' belongs in user rule files")
        }
        return parsed.rules
    }

    /// Reads a user's rule file from disk: refused when missing, larger
    /// than `maximumFileBytes`, not UTF-8, empty or holding no rules, or
    /// when any of its entries is bad (the error carries every one).
    public static func ruleFile(atPath path: String) throws -> RuleFile {
        try check(atPath: path).accepted()
    }

    /// Reads a user's rule file from disk and checks every entry: the sound
    /// ones, and an error for each of the others (`winnow rules check`
    /// reports them all, and checks the sound ones against the rest of the
    /// rules).
    public static func check(atPath path: String) -> RuleFileCheck {
        do {
            return check(fromYAML: try text(atPath: path), file: path, isUserFile: true)
        } catch {
            return RuleFileCheck(file: RuleFile(path: path, rules: [], disabled: []), errors: [error])
        }
    }

    /// The text of a rule file: refused when missing, larger than
    /// `maximumFileBytes`, or not UTF-8.
    private static func text(atPath path: String) throws(RuleFileError) -> String {
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
        return text
    }

    /// Parses a user's rule file: rules, and `disable` entries that switch
    /// rules off (everywhere, or on some hosts or URLs). Its `drop-text`
    /// patterns run under `RegexBudget`.
    public static func ruleFile(fromYAML text: String, file: String) throws -> RuleFile {
        try check(fromYAML: text, file: file, isUserFile: true).accepted()
    }

    /// Parses a rule file and checks every entry.
    static func check(fromYAML text: String, file: String, isUserFile: Bool) -> RuleFileCheck {
        let empty = RuleFile(path: file, rules: [], disabled: [])
        let root: Yams.Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            return RuleFileCheck(file: empty, errors: [RuleFileError(file: file, line: line(of: error), reason: "not valid YAML: \(error)")])
        } catch {
            return RuleFileCheck(file: empty, errors: [RuleFileError(file: file, line: nil, reason: "not valid YAML: \(error)")])
        }
        let holdsNoRules = RuleFileError(file: file, line: nil, reason: "the file holds no rules (a rule file is a list of rules)")
        guard let root else { return RuleFileCheck(file: empty, errors: isUserFile ? [holdsNoRules] : []) }
        guard case .sequence(let sequence) = root else {
            return RuleFileCheck(file: empty, errors: [RuleFileError(file: file, line: line(of: root), reason: "a rule file is a list of rules")])
        }
        var rules: [Rule] = []
        var disabled: [RuleDisable] = []
        var seen: Set<String> = []
        // Every entry is checked, so that one run reports every error.
        var errors: [RuleFileError] = []
        for item in sequence {
            if case .mapping(let mapping) = item, mapping.keys.contains(where: { $0.string == "disable" }) {
                do {
                    disabled.append(try disable(from: item, file: file))
                } catch let error as RuleFileError {
                    errors.append(contentsOf: error.all)
                } catch {
                    errors.append(RuleFileError(file: file, line: line(of: item), reason: "\(error)"))
                }
                continue
            }
            guard let rule = self.rule(from: item, file: file, isUserFile: isUserFile, errors: &errors) else { continue }
            guard seen.insert(rule.id).inserted else {
                errors.append(RuleFileError(file: file, line: line(of: item), reason: "rule id '\(rule.id)' is used twice"))
                continue
            }
            rules.append(rule)
        }
        // In file order: a rule's keys are checked in a fixed order, not
        // the order it writes them.
        var ordered = errors.enumerated().sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }
            .map(\.element)
        if isUserFile, ordered.isEmpty, rules.isEmpty, disabled.isEmpty { ordered = [holdsNoRules] }
        return RuleFileCheck(file: RuleFile(path: file, rules: rules, disabled: disabled), errors: ordered)
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
                    reason: unknown(
                        "key", key.string ?? "?", known: disableKeys.sorted(), listName: "keys", context: " in a 'disable' entry"))
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

    /// The rule `node` writes, or nil with its errors added to `errors`:
    /// every key and value is checked, not only up to the first error.
    private static func rule(from node: Yams.Node, file: String, isUserFile: Bool, errors: inout [RuleFileError]) -> Rule? {
        let errorsBefore = errors.count
        /// `body`'s value, or nil with its error recorded.
        func checked<T>(_ body: () throws -> T) -> T? {
            do {
                return try body()
            } catch let error as RuleFileError {
                errors.append(contentsOf: error.all)
            } catch {
                errors.append(RuleFileError(file: file, line: line(of: node), reason: "\(error)"))
            }
            return nil
        }
        guard case .mapping(let mapping) = node else {
            errors.append(RuleFileError(file: file, line: line(of: node), reason: "a rule is a mapping of keys"))
            return nil
        }
        var values: [String: Yams.Node] = [:]
        for (key, value) in mapping {
            guard let name = key.string else {
                errors.append(RuleFileError(file: file, line: line(of: key), reason: "keys are strings"))
                continue
            }
            guard knownKeys.contains(name) else {
                errors.append(
                    RuleFileError(file: file, line: line(of: key), reason: unknown("key", name, known: knownKeys.sorted(), listName: "keys")))
                continue
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

        let id = checked {
            guard let id = try string("id") else {
                throw RuleFileError(file: file, line: line(of: node), reason: "a rule needs an 'id'")
            }
            return id
        } ?? "?"
        let stage = checked { () throws -> String in
            guard let stage = try string("stage") else {
                throw RuleFileError(file: file, line: line(of: node), reason: "rule '\(id)' needs a 'stage'")
            }
            guard stageNames.contains(stage) else {
                throw RuleFileError(
                    file: file, line: line(of: values["stage"]!),
                    reason: unknown("stage", stage, known: orderedStageNames, listName: "stages"))
            }
            return stage
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
        let dropText = checked { try textPattern("drop-text") } ?? nil
        let drop = checked { try selector("drop") } ?? nil
        var dropScope: DropScope?
        let outside = checked { try selector("outside") } ?? nil
        let unlessHolding = checked { try selector("unless-holding") } ?? nil
        let withText = checked { try textPattern("with-text") } ?? nil
        if let key = ["outside", "unless-holding", "with-text"].first(where: { values[$0] != nil }), errors.count == errorsBefore {
            dropScope = checked {
                guard drop != nil else {
                    throw RuleFileError(file: file, line: line(of: values[key]!), reason: "'\(key)' scopes 'drop': rule '\(id)' has none")
                }
                guard let scope = DropScope(outside: outside, unlessHolding: unlessHolding, text: withText) else {
                    throw RuleFileError(
                        file: file, line: line(of: values[key]!),
                        reason: "'outside' and 'unless-holding' take compound selectors only (no combinators or pseudo-classes)")
                }
                return scope
            }
        }
        let pageTypes = checked {
            try strings("page-types").map { name in
                guard let type = PageType(named: name) else {
                    throw RuleFileError(
                        file: file, line: line(of: values["page-types"]!),
                        reason: unknown("page type", name, known: PageType.allCases.map(\.rawValue), listName: "types"))
                }
                return type
            }
        }
        let hosts = checked { try strings("hosts").map { $0.lowercased() } }
        let urls = checked { try strings("urls").map(URLPattern.init) }
        let dropHints = checked { try strings("drop-hints").map(WordHint.init) }
        let keep = checked { try selector("keep") } ?? nil
        let main = checked { try selector("main") } ?? nil
        let section = checked { try selector("section") } ?? nil
        let sectionHints = checked { try strings("section-hints").map(WordHint.init) }
        let isUnguarded = checked { try flag("unguarded") }
        let description = checked { try string("description") } ?? nil
        guard errors.count == errorsBefore, let stage, let pageTypes, let hosts, let urls, let dropHints, let sectionHints,
            let isUnguarded
        else {
            return nil
        }
        let rule = Rule(
            id: id, stage: stage, hosts: hosts, urls: urls, pageTypes: pageTypes,
            drop: drop, dropScope: dropScope, dropHints: dropHints,
            dropText: dropText, keep: keep, main: main,
            section: section, sectionHints: sectionHints,
            isUnguarded: isUnguarded, description: description, origin: RuleOrigin(file: file, line: line(of: node)))
        if rule.drop == nil, rule.dropHints.isEmpty, rule.dropText == nil, rule.keep == nil, rule.main == nil,
            rule.section == nil, rule.sectionHints.isEmpty
        {
            errors.append(RuleFileError(file: file, line: line(of: node), reason: "rule '\(id)' says nothing to drop, keep or find"))
            return nil
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
