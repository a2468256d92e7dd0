/// What changed between an expected article and an actual one, field by
/// field, in words a reviewer can act on: which metadata field changed,
/// which block appeared, vanished or changed (matched up by a longest
/// common subsequence, so one inserted block is one difference, not a
/// shift of every block after it), which comment.
///
/// The one comparison engine: `winnow test` prints it and the fixture
/// snapshot test records it.
public struct ArticleDifference: Sendable, Equatable {
    /// One difference, located by a path a reviewer can find in the JSON
    /// (`/title`, `/blocks/3`, `/comments/0/replies/1`).
    public struct Change: Sendable, Equatable, CustomStringConvertible {
        public let path: String
        public let message: String
        public var description: String { "\(path): \(message)" }
    }

    public let changes: [Change]
    public var isEmpty: Bool { changes.isEmpty }

    /// Longer values are cut in messages.
    static let maximumShownLength = 120

    /// Compares two `winnow.article/1` documents (or any JSON objects).
    public init(expected: JSONValue, actual: JSONValue) {
        var changes: [Change] = []
        ArticleDifference.compare(expected, actual, path: "", into: &changes)
        self.changes = changes
    }

    /// Compares the texts of two documents; text that is not JSON is
    /// compared line by line instead.
    public init(expectedJSON: String, actualJSON: String) {
        do {
            let values = ArticleDifference(
                expected: try JSONValueParser.parse(expectedJSON), actual: try JSONValueParser.parse(actualJSON))
            if values.isEmpty, expectedJSON != actualJSON {
                self.init(changes: [Change(path: "/", message: "same values, different bytes (key order, spacing or escapes)")])
            } else {
                self = values
            }
        } catch {
            self.init(changes: expectedJSON == actualJSON ? [] : [Change(path: "/", message: "not comparable as JSON: \(error)")])
        }
    }

    private init(changes: [Change]) {
        self.changes = changes
    }

    // MARK: - Objects

    private static func compare(_ expected: JSONValue, _ actual: JSONValue, path: String, into changes: inout [Change]) {
        guard case .object(let expectedMembers) = expected, case .object(let actualMembers) = actual else {
            if expected != actual {
                changes.append(Change(path: path.isEmpty ? "/" : path, message: "expected \(show(expected)), got \(show(actual))"))
            }
            return
        }
        let actualByKey = Dictionary(actualMembers, uniquingKeysWith: { first, _ in first })
        let expectedByKey = Dictionary(expectedMembers, uniquingKeysWith: { first, _ in first })
        let blocksDiffer = expectedByKey["blocks"] != actualByKey["blocks"]
        for (key, value) in expectedMembers {
            let keyPath = "\(path)/\(key)"
            guard let other = actualByKey[key] else {
                changes.append(Change(path: keyPath, message: "missing; expected \(show(value))"))
                continue
            }
            guard value != other else { continue }
            switch key {
            case "blocks":
                compareList(value, other, path: keyPath, noun: "block", into: &changes)
            case "comments":
                compareComments(value, other, path: keyPath, into: &changes)
            case "replies":
                compareComments(value, other, path: keyPath, into: &changes)
            case "text" where path.isEmpty && blocksDiffer:
                // The text repeats the blocks: their differences say it.
                continue
            default:
                changes.append(Change(path: keyPath, message: "changed: \(show(value)) → \(show(other))"))
            }
        }
        for (key, value) in actualMembers where expectedByKey[key] == nil {
            changes.append(Change(path: "\(path)/\(key)", message: "not expected; got \(show(value))"))
        }
    }

    // MARK: - Lists

    /// Blocks (or any list), matched up by a longest common subsequence;
    /// a vanished and an appeared item of the same type at the same place
    /// are one changed item.
    private static func compareList(_ expected: JSONValue, _ actual: JSONValue, path: String, noun: String, into changes: inout [Change]) {
        guard case .array(let old) = expected, case .array(let new) = actual else {
            changes.append(Change(path: path, message: "changed: \(show(expected)) → \(show(actual))"))
            return
        }
        for step in alignment(old, new) {
            switch step {
            case .same: continue
            case .vanished(let index):
                changes.append(Change(path: "\(path)/\(index)", message: "\(noun) vanished: \(describe(old[index]))"))
            case .appeared(let index):
                changes.append(Change(path: "\(path)/\(index)", message: "\(noun) appeared: \(describe(new[index]))"))
            case .changed(let oldIndex, let newIndex):
                let location = oldIndex == newIndex ? "\(path)/\(oldIndex)" : "\(path)/\(oldIndex) (now \(newIndex))"
                changes.append(
                    Change(path: location, message: "\(noun) changed: \(describeChange(old[oldIndex], new[newIndex]))"))
            }
        }
    }

    private static func compareComments(_ expected: JSONValue, _ actual: JSONValue, path: String, into changes: inout [Change]) {
        guard case .array(let old) = expected, case .array(let new) = actual else {
            changes.append(Change(path: path, message: "changed: \(show(expected)) → \(show(actual))"))
            return
        }
        for step in alignment(old, new, sameKind: sameComment) {
            switch step {
            case .same: continue
            case .vanished(let index):
                changes.append(Change(path: "\(path)/\(index)", message: "comment vanished: \(describeComment(old[index]))"))
            case .appeared(let index):
                changes.append(Change(path: "\(path)/\(index)", message: "comment appeared: \(describeComment(new[index]))"))
            case .changed(let oldIndex, let newIndex):
                // Field by field, replies recursively.
                var inner: [Change] = []
                compare(old[oldIndex], new[newIndex], path: "\(path)/\(oldIndex)", into: &inner)
                let who = commentAuthor(old[oldIndex]).map { " (by \($0))" } ?? ""
                // A reply's changes already name their own comment.
                changes += inner.map {
                    $0.message.hasPrefix("comment") ? $0 : Change(path: $0.path, message: "comment\(who): \($0.message)")
                }
                _ = newIndex
            }
        }
    }

    enum Step: Equatable {
        case same(Int, Int)
        case vanished(Int)
        case appeared(Int)
        case changed(Int, Int)
    }

    /// The edit script from `old` to `new`: a longest common subsequence of
    /// equal items, and between its anchors the leftovers paired up as
    /// changes when `sameKind` says they are the same kind of item.
    static func alignment(
        _ old: [JSONValue], _ new: [JSONValue], sameKind: (JSONValue, JSONValue) -> Bool = sameBlockType
    ) -> [Step] {
        let n = old.count
        let m = new.count
        // lengths[i][j]: LCS length of old[i...] and new[j...].
        var lengths = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lengths[i][j] = old[i] == new[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var steps: [Step] = []
        var vanished: [Int] = []
        var appeared: [Int] = []
        func flushGap() {
            var v = vanished[...]
            var a = appeared[...]
            while let first = v.first, let second = a.first, sameKind(old[first], new[second]) {
                steps.append(.changed(first, second))
                v = v.dropFirst()
                a = a.dropFirst()
            }
            steps += v.map(Step.vanished) + a.map(Step.appeared)
            vanished = []
            appeared = []
        }
        var i = 0
        var j = 0
        while i < n || j < m {
            if i < n, j < m, old[i] == new[j] {
                flushGap()
                steps.append(.same(i, j))
                i += 1
                j += 1
            } else if j >= m || (i < n && lengths[i + 1][j] >= lengths[i][j + 1]) {
                vanished.append(i)
                i += 1
            } else {
                appeared.append(j)
                j += 1
            }
        }
        flushGap()
        return steps
    }

    static func sameBlockType(_ a: JSONValue, _ b: JSONValue) -> Bool {
        member("type", of: a) == member("type", of: b)
    }

    static func sameComment(_ a: JSONValue, _ b: JSONValue) -> Bool {
        if let id = member("id", of: a), id != .null { return id == member("id", of: b) }
        return member("author", of: a) == member("author", of: b)
    }

    // MARK: - Words

    private static func member(_ key: String, of value: JSONValue) -> JSONValue? {
        guard case .object(let members) = value else { return nil }
        return members.first { $0.0 == key }?.1
    }

    private static func commentAuthor(_ comment: JSONValue) -> String? {
        if case .string(let author)? = member("author", of: comment) { return author }
        return nil
    }

    /// `paragraph "Putin's invasion…"`, `heading 2 "…"`, `list of 3 items`.
    static func describe(_ block: JSONValue) -> String {
        guard case .string(let type)? = member("type", of: block) else { return show(block) }
        var words = type
        if case .number(let level)? = member("level", of: block) { words += " \(level)" }
        if case .string(let text)? = member("text", of: block) {
            words += " " + show(.string(text))
        } else if case .array(let items)? = member("items", of: block) {
            words += " of \(items.count) items" + (items.first.map { ", first " + show($0) } ?? "")
        } else if case .array(let rows)? = member("rows", of: block) {
            words += " of \(rows.count) rows"
        } else if let src = member("src", of: block) {
            words += " " + show(src)
        }
        return words
    }

    private static func describeComment(_ comment: JSONValue) -> String {
        let author = commentAuthor(comment).map { "by \($0), " } ?? ""
        let text = member("text", of: comment).map(show) ?? "?"
        return author + text
    }

    /// What changed inside one block: its fields, strings shown around the
    /// first place they differ.
    private static func describeChange(_ old: JSONValue, _ new: JSONValue) -> String {
        guard case .object(let oldMembers) = old, case .object(let newMembers) = new else {
            return "\(show(old)) → \(show(new))"
        }
        let type = member("type", of: old).flatMap { if case .string(let t) = $0 { return t } else { return nil } } ?? "item"
        var parts: [String] = []
        let newByKey = Dictionary(newMembers, uniquingKeysWith: { first, _ in first })
        for (key, value) in oldMembers where newByKey[key] != value {
            let other = newByKey[key] ?? .null
            if case .string(let a) = value, case .string(let b) = other {
                let (x, y) = aroundFirstDifference(a, b)
                parts.append("\(key) \(show(.string(x))) → \(show(.string(y)))")
            } else {
                parts.append("\(key) \(show(value)) → \(show(other))")
            }
        }
        return "\(type): " + parts.joined(separator: "; ")
    }

    /// Both strings cut to a window around their first difference, so a
    /// changed word in a long paragraph is visible.
    static func aroundFirstDifference(_ a: String, _ b: String) -> (String, String) {
        let x = Array(a)
        let y = Array(b)
        var first = 0
        while first < x.count, first < y.count, x[first] == y[first] { first += 1 }
        let context = 30
        let start = max(0, first - context)
        func window(_ chars: [Character]) -> String {
            let end = min(chars.count, first + maximumShownLength - context)
            let body = start < end ? String(chars[start..<end]) : ""
            return (start > 0 ? "…" : "") + body + (end < chars.count ? "…" : "")
        }
        return (window(x), window(y))
    }

    static func show(_ value: JSONValue) -> String {
        let text = value.serialized()
        guard text.count > maximumShownLength else { return text }
        return String(text.prefix(maximumShownLength)) + "…"
    }
}
