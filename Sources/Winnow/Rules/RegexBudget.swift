import Foundation

/// Bounds the work of one regex match, so that a user's pattern that
/// backtracks catastrophically (`(a+)+$`) costs milliseconds, never a hang.
///
/// ICU, under `NSRegularExpression`, calls back with `reportProgress` once
/// per start position it tries and once every few thousand steps of a
/// match in progress. Counting those calls bounds the time: a text of n
/// characters may use n calls for its start positions plus `extraTicks`.
/// Measured on this machine: a pattern stopped after 100 calls spent
/// about 18 ms, a normal pattern on a 300-character block makes none
/// beyond its start positions.
enum RegexBudget {
    static let extraTicks = 64

    enum Outcome: Equatable {
        case matched, notMatched, exhausted
    }

    static func firstMatch(
        _ regex: NSRegularExpression, in text: String, range: NSRange, options: NSRegularExpression.MatchingOptions
    ) -> Outcome {
        let limit = range.length + 1 + extraTicks
        var ticks = 0
        var outcome = Outcome.notMatched
        regex.enumerateMatches(in: text, options: options.union(.reportProgress), range: range) { result, _, stop in
            if result != nil {
                outcome = .matched
                stop.pointee = true
                return
            }
            ticks += 1
            if ticks > limit {
                outcome = .exhausted
                stop.pointee = true
            }
        }
        return outcome
    }

    /// Texts a rule file's pattern is tried on before it is accepted: runs
    /// of one character and of short words, the inputs on which nested
    /// quantifiers blow up, ending in a character that rarely matches.
    /// As long as the longest block `drop-text` is tested on.
    static func probes(for pattern: String, length: Int) -> [String] {
        var units: [String] = ["a", " ", "1", "a ", "ab", "-", ".", "\t"]
        for scalar in pattern.unicodeScalars where scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
            let unit = String(scalar)
            if !units.contains(unit) { units.append(unit) }
            if units.count >= 24 { break }
        }
        return units.map { unit in
            String(String(repeating: unit, count: length / unit.count).prefix(length - 1)) + "\u{1}"
        }
    }

    /// Whether `regex` exhausts its budget on one of the probes: a pattern
    /// that does is refused when its file is loaded, with the reason.
    static func backtracksCatastrophically(_ regex: NSRegularExpression, pattern: String, length: Int) -> Bool {
        for probe in probes(for: pattern, length: length) {
            let range = NSRange(probe.startIndex..<probe.endIndex, in: probe)
            for options: NSRegularExpression.MatchingOptions in [[], [.anchored]]
            where firstMatch(regex, in: probe, range: range, options: options) == .exhausted {
                return true
            }
        }
        return false
    }
}
