import Foundation

/// What a fixture's `notes.md` says the test must check, beyond the
/// snapshot: text the article must keep and text it must drop, and whether
/// the pipeline is known to get the page wrong.
///
///     Status: known-failing: the headline is kept as body text
///     ## Must keep
///     - First words of paragraph one
///     ## Must drop
///     - Skip to content
///     - The headline (known-failing)
///     - `|` (known-failing)
///
/// An entry is a substring of the article's `text`, written after "- ";
/// backticks around it are stripped, for entries whose edges matter. An
/// entry ending in "(known-failing)" states the correct expectation that
/// the pipeline does not meet yet; every other entry must hold even in a
/// known-failing fixture, so one known defect does not hide new ones.
public struct FixtureNotes: Equatable, Sendable {
    public struct Entry: Equatable, Sendable {
        public var text: String
        public var isKnownFailing = false
    }

    public var mustKeep: [Entry] = []
    public var mustDrop: [Entry] = []
    /// The reason from a `Status: known-failing: <reason>` line. Such a
    /// fixture's `expected.json` states the correct output, which the
    /// pipeline does not produce yet.
    public var knownFailure: String?

    public static let knownFailingMark = " (known-failing)"

    private enum Section {
        case mustKeep, mustDrop, other
    }

    public init(markdown: String) {
        var section = Section.other
        for rawLine in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("#") {
                let title = line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces).lowercased()
                section = title == "must keep" ? .mustKeep : title == "must drop" ? .mustDrop : .other
                continue
            }
            if line.lowercased().hasPrefix("status:") {
                let status = line.dropFirst("status:".count).trimmingCharacters(in: .whitespaces)
                if status.lowercased().hasPrefix("known-failing") {
                    let reason = status.dropFirst("known-failing".count).drop { $0 == ":" || $0 == " " }
                    knownFailure = reason.isEmpty ? "no reason given" : String(reason)
                }
                continue
            }
            guard section != .other, line.hasPrefix("- ") else { continue }
            var text = Substring(line.dropFirst(2))
            let isKnownFailing = text.hasSuffix(FixtureNotes.knownFailingMark)
            if isKnownFailing { text = text.dropLast(FixtureNotes.knownFailingMark.count) }
            if text.count >= 2, text.first == "`", text.last == "`" { text = text.dropFirst().dropLast() }
            guard !text.isEmpty else { continue }
            let entry = Entry(text: String(text), isKnownFailing: isKnownFailing)
            if section == .mustKeep { mustKeep.append(entry) } else { mustDrop.append(entry) }
        }
    }
}

extension FixtureNotes {
    /// An entry the article's text does not meet: a must-keep entry it
    /// lacks, or a must-drop entry it holds.
    public struct Unmet: Equatable, Sendable {
        public let entry: Entry
        public let message: String
    }

    /// Every entry `text` does not meet, known-failing ones included (they
    /// say so in `entry.isKnownFailing`).
    public func unmet(in text: String) -> [Unmet] {
        mustKeep.filter { !text.contains($0.text) }.map { Unmet(entry: $0, message: "text lost what it must keep: \"\($0.text)\"") }
            + mustDrop.filter { text.contains($0.text) }.map { Unmet(entry: $0, message: "text kept what it must drop: \"\($0.text)\"") }
    }

    /// Problems of the notes themselves, whatever the article.
    public var problems: [String] {
        var found: [String] = []
        if mustKeep.isEmpty {
            found.append("notes.md has no \"## Must keep\" entries; a fixture must say what the article is")
        }
        if knownFailure == nil, (mustKeep + mustDrop).contains(where: \.isKnownFailing) {
            found.append("entries are marked known-failing, but notes.md has no \"Status: known-failing: <reason>\" line")
        }
        return found
    }
}
