import Foundation

/// Says where two JSON documents differ, for a snapshot failure a reviewer
/// can act on without a diff tool: the first differing field by path
/// (`/blocks/3/text`) with both values, then the first differing line.
enum JSONDifference {
    static let maximumValueLength = 160

    static func describe(expected: String, actual: String) -> String {
        var parts: [String] = []
        if let expectedValue = parse(expected), let actualValue = parse(actual) {
            if let field = firstDifference(expectedValue, actualValue, path: "") {
                parts.append(field)
            } else {
                parts.append("same values, different bytes (key order, spacing or escapes)")
            }
        } else {
            parts.append("one side is not valid JSON")
        }
        if let line = firstDifferingLine(expected, actual) { parts.append(line) }
        return parts.joined(separator: "\n")
    }

    private static func parse(_ text: String) -> Any? {
        try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }

    /// Objects are walked by key name, arrays by index, so the blocks
    /// (`/blocks/…`) are compared before the `text` that repeats them.
    private static func firstDifference(_ expected: Any, _ actual: Any, path: String) -> String? {
        switch (expected, actual) {
        case (let expected as [String: Any], let actual as [String: Any]):
            for key in Set(expected.keys).union(actual.keys).sorted() {
                let keyPath = "\(path)/\(key)"
                switch (expected[key], actual[key]) {
                case (let e?, let a?):
                    if let found = firstDifference(e, a, path: keyPath) { return found }
                case (let e?, nil): return "\(keyPath): missing; expected \(show(e))"
                case (nil, let a?): return "\(keyPath): not expected; got \(show(a))"
                case (nil, nil): break
                }
            }
            return nil
        case (let expected as [Any], let actual as [Any]):
            for (index, (e, a)) in zip(expected, actual).enumerated() {
                let itemPath = "\(path)/\(index)"
                if isDifferentKind(e, a) {
                    // A paragraph where a heading was expected: the whole
                    // item says more than its first differing key.
                    return "\(itemPath): expected \(show(e)), got \(show(a)) (\(path) has \(expected.count) items expected, \(actual.count) got)"
                }
                if let found = firstDifference(e, a, path: itemPath) {
                    return found + " (\(path) has \(expected.count) items expected, \(actual.count) got)"
                }
            }
            if expected.count > actual.count {
                return "\(path): \(expected.count) items expected, \(actual.count) got; first missing: \(show(expected[actual.count]))"
            }
            if actual.count > expected.count {
                return "\(path): \(expected.count) items expected, \(actual.count) got; first extra: \(show(actual[expected.count]))"
            }
            return nil
        default:
            return JSONKind.equal(expected, actual) ? nil : "\(path): expected \(show(expected)), got \(show(actual))"
        }
    }

    /// Objects of another shape: other keys, or another `type` (blocks).
    private static func isDifferentKind(_ expected: Any, _ actual: Any) -> Bool {
        guard let expected = expected as? [String: Any], let actual = actual as? [String: Any] else { return false }
        if Set(expected.keys) != Set(actual.keys) { return true }
        guard let expectedType = expected["type"], let actualType = actual["type"] else { return false }
        return !JSONKind.equal(expectedType, actualType)
    }

    private static func show(_ value: Any) -> String {
        let text: String
        if JSONSerialization.isValidJSONObject(value),
            let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes])
        {
            text = String(decoding: data, as: UTF8.self)
        } else {
            text = JSONKind.describe(value)
        }
        return text.count > maximumValueLength ? String(text.prefix(maximumValueLength)) + "…" : text
    }

    private static func firstDifferingLine(_ expected: String, _ actual: String) -> String? {
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(expectedLines.count, actualLines.count) {
            let e = index < expectedLines.count ? String(expectedLines[index]) : "(end of file)"
            let a = index < actualLines.count ? String(actualLines[index]) : "(end of file)"
            if e != a {
                return "first differing line \(index + 1):\n  expected: \(clip(e))\n  actual:   \(clip(a))"
            }
        }
        return nil
    }

    private static func clip(_ line: String) -> String {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed.count > maximumValueLength ? String(trimmed.prefix(maximumValueLength)) + "…" : trimmed
    }
}
