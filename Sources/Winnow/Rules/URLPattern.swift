import Foundation

/// A URL pattern of a rule file: the whole URL, with `*` standing for any
/// run of characters (`https://example.com/blog/*`, `*://*.example.org/news/*`).
/// A wildcard, not a regex: rule authors scope rules to sections of a site,
/// and a glob cannot backtrack catastrophically.
public struct URLPattern: Sendable, Hashable, CustomStringConvertible {
    public let source: String
    private let pieces: [Substring]

    public init(_ source: String) {
        self.source = source
        pieces = source.split(separator: "*", omittingEmptySubsequences: false)
    }

    public var description: String { source }

    /// Whether `url` matches the whole pattern. Literal pieces are found
    /// left to right, each at its earliest place: with `*` as the only
    /// wildcard that choice never has to be undone, so matching is linear
    /// in the URL's length for each piece.
    public func matches(_ url: String) -> Bool {
        let text = Substring(url)
        guard pieces.count > 1 else { return text == pieces[0] }
        guard text.hasPrefix(pieces[0]) else { return false }
        var rest = text.dropFirst(pieces[0].count)
        let last = pieces[pieces.count - 1]
        for piece in pieces[1..<(pieces.count - 1)] where !piece.isEmpty {
            guard let found = rest.range(of: piece) else { return false }
            rest = rest[found.upperBound...]
        }
        return rest.count >= last.count && rest.hasSuffix(last)
    }
}
