import Foundation

/// Bounds the work of one regex match, so that a user's pattern that
/// backtracks catastrophically (`(a+)+$`, `^(;|;;)*$`) costs milliseconds,
/// never a hang.
///
/// ICU, under `NSRegularExpression`, calls back with `reportProgress` once
/// per start position it tries and once every 10 000 steps of a match in
/// progress, and the two calls look alike. Counting them used to allow a
/// text of n characters n calls (for its start positions) plus
/// `extraTicks`, so a pattern blowing up at one start position could spend
/// all n calls there: 10 000 n steps, 0.17 s for one 300-character block of
/// semicolons under `^(;|;;)*$`, and 30 s for a page of such blocks.
///
/// So every bounded match starts at one position: an anchored pattern as it
/// is, any other behind a lazy `[\s\S]*?` (the same leftmost match, found
/// by one attempt instead of one per position). The calls are then steps
/// alone, and a match may take `extraTicks` of them plus one for every
/// `charactersPerTick` characters.
enum RegexBudget {
    /// Measured on this machine: a runaway match stopped after 64 calls
    /// spends about 30 ms.
    static let extraTicks = 64
    /// The heaviest normal match measured (the built-in joined pattern
    /// behind the lazy prefix, over 100 000 characters of prose) made 0.8
    /// calls per 1 000 characters: one call per 100 allows twelve times
    /// that.
    static let charactersPerTick = 100

    enum Outcome: Equatable {
        case matched, notMatched, exhausted
    }

    /// Matches `regex`, a single-start form (see `TextPattern`), at the
    /// start of `range` only.
    static func firstMatch(_ regex: NSRegularExpression, in text: String, range: NSRange) -> Outcome {
        // Two start positions are reported: the one tried, and the next,
        // where the anchored search stops.
        let limit = 2 + extraTicks + range.length / charactersPerTick
        var ticks = 0
        var outcome = Outcome.notMatched
        regex.enumerateMatches(in: text, options: [.anchored, .reportProgress], range: range) { result, _, stop in
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
    /// of one character, of short words, of each character the pattern
    /// names (`;` in `^(;|;;)*$`) and of its literal runs (`xy` in
    /// `(xy|xyxy)*z`), the inputs on which nested quantifiers blow up,
    /// ending in a character that rarely matches. As long as the longest
    /// block `drop-text` is tested on.
    static func probes(for pattern: String, length: Int) -> [String] {
        var units: [String] = ["a", " ", "1", "a ", "ab", "-", ".", "\t"]
        func add(_ unit: String) {
            if units.count < maximumProbes, !unit.isEmpty, !units.contains(unit) { units.append(unit) }
        }
        var run = ""
        for scalar in pattern.unicodeScalars {
            if scalar.properties.isWhitespace || metacharacters.contains(scalar) {
                if run.unicodeScalars.count > 1 { add(run) }
                run = ""
                continue
            }
            add(String(scalar))
            if run.unicodeScalars.count < 8 { run.unicodeScalars.append(scalar) }
        }
        if run.unicodeScalars.count > 1 { add(run) }
        return units.map { unit in
            String(String(repeating: unit, count: max(1, length / unit.count)).prefix(length - 1)) + "\u{1}"
        }
    }

    /// Probes tried at most: each costs a few microseconds on a sound
    /// pattern, at most `extraTicks` calls on a runaway one.
    static let maximumProbes = 40
    static let metacharacters: Set<Unicode.Scalar> = ["(", ")", "[", "]", "{", "}", "|", "*", "+", "?", "^", "$", "\\", "."]

    /// Whether `pattern` exhausts its budget on one of the probes: a
    /// pattern that does is refused when its file is loaded, with the reason.
    static func backtracksCatastrophically(_ pattern: TextPattern, length: Int) -> Bool {
        probes(for: pattern.source, length: length).contains { pattern.boundedOutcome($0) == .exhausted }
    }
}
