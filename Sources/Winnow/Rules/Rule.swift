import Foundation

/// One rule: what to drop, keep or look for, in which stage, on which hosts.
/// Rules are data: the built-in set is a YAML file shipped with the package,
/// and users add their own files in the same format.
public struct Rule: Sendable {
    public let id: String
    public let stage: String
    /// Hosts the rule applies to; empty means every page. `example.com`
    /// matches that host and its subdomains, `*.example.com` subdomains only.
    public let hosts: [String]
    /// URL patterns the rule applies to (`*` matches any run of
    /// characters); empty means every URL. With `hosts`, both must match.
    public let urls: [URLPattern]
    /// Page types the rule applies to (`page-types: [product]`): what a
    /// product page's purchase controls are, an article does not show.
    /// Empty means every type.
    public let pageTypes: [PageType]
    /// Elements to drop, by CSS selector (compiled to XPath) or XPath.
    public let drop: CompiledSelector?
    /// Where `drop` counts (`outside:`, `unless-holding:`); nil: everywhere.
    public let dropScope: DropScope?
    /// Elements whose class or id holds one of these words are dropped.
    public let dropHints: [WordHint]
    /// Short blocks whose whole text matches are dropped.
    public let dropText: TextPattern?
    /// Elements that other rules of the page must not drop.
    public let keep: CompiledSelector?
    /// Where the main content is, most specific first (main-content stage).
    public let main: CompiledSelector?
    /// Reader-comment sections (comments stage): read into structured
    /// comments, then dropped.
    public let section: CompiledSelector?
    /// Class/id words that mark a reader-comment section.
    public let sectionHints: [WordHint]
    /// The rule's matches are never content (a consent platform's own
    /// elements): they go even where the stage's guard would keep an
    /// element that holds most of the page's prose (`unguarded: true`).
    public let isUnguarded: Bool
    public let description: String?
    /// Where the rule was written, for `winnow rules` and error messages.
    public let origin: RuleOrigin?

    public init(
        id: String, stage: String, hosts: [String] = [], urls: [URLPattern] = [], pageTypes: [PageType] = [],
        drop: CompiledSelector? = nil,
        dropScope: DropScope? = nil, dropHints: [WordHint] = [], dropText: TextPattern? = nil, keep: CompiledSelector? = nil,
        main: CompiledSelector? = nil, section: CompiledSelector? = nil, sectionHints: [WordHint] = [],
        isUnguarded: Bool = false, description: String? = nil, origin: RuleOrigin? = nil
    ) {
        self.id = id
        self.stage = stage
        self.hosts = hosts
        self.urls = urls
        self.pageTypes = pageTypes
        self.drop = drop
        self.dropScope = dropScope
        self.dropHints = dropHints
        self.dropText = dropText
        self.keep = keep
        self.main = main
        self.section = section
        self.sectionHints = sectionHints
        self.isUnguarded = isUnguarded
        self.description = description
        self.origin = origin
    }

    /// Whether the rule applies to the page at `url` (whose host is
    /// `host`): its hosts and its URL patterns, when it has them, must both
    /// match.
    public func applies(toURL url: String?, host: String?) -> Bool {
        guard applies(toHost: host) else { return false }
        if urls.isEmpty { return true }
        guard let url else { return false }
        return urls.contains { $0.matches(url) }
    }

    /// Whether the rule applies to pages of `type`.
    public func applies(toPageType type: PageType) -> Bool {
        pageTypes.isEmpty || pageTypes.contains(type)
    }

    public func applies(toHost host: String?) -> Bool {
        if hosts.isEmpty { return true }
        guard let host else { return false }
        return hosts.contains { pattern in
            if pattern.hasPrefix("*.") {
                return host.hasSuffix(String(pattern.dropFirst(1)))
            }
            return host == pattern || host.hasSuffix("." + pattern)
        }
    }
}

/// A selector as written in a rule file, with the XPath it compiles to.
public struct CompiledSelector: Sendable {
    public let source: String
    public let xpath: XPath
    /// The same selector matched natively, when it is a list of compound
    /// selectors; stages then match it in their own walk, not with XPath.
    public let simple: SimpleSelector?

    /// `xpath:` selects XPath as written; anything else is CSS.
    public init(_ source: String) throws {
        self.source = source
        if source.hasPrefix("xpath:") {
            xpath = try XPath(String(source.dropFirst("xpath:".count)).trimmingCharacters(in: .whitespaces))
            simple = nil
        } else {
            xpath = try XPath(CSSSelector.xpath(for: source))
            simple = SimpleSelector(css: source)
        }
    }
}

/// A regular expression over a block's visible text, compiled once.
public struct TextPattern: @unchecked Sendable {
    // NSRegularExpression is immutable and documented thread-safe.
    public let source: String
    let regex: NSRegularExpression
    /// A pattern that can only match at the start is tried only there;
    /// otherwise ICU retries it at every position of the text.
    let isAnchored: Bool
    /// Whether a match runs under `RegexBudget`: user patterns do, since
    /// nobody reviewed them for catastrophic backtracking; the built-in
    /// ones are reviewed and tested, and run a little faster without it.
    public let isBounded: Bool

    /// What every match starts with, when the pattern's shape says
    /// (`^(read also|see also|…)…`): texts that start otherwise are ruled
    /// out without ICU.
    let literalPrefixes: LiteralPrefixes?

    public init(_ source: String, anchored: Bool? = nil, bounded: Bool = false) throws {
        try self.init(source, anchored: anchored, bounded: bounded, literalPrefixes: LiteralPrefixes(pattern: source))
    }

    /// A pattern whose literal prefixes are known otherwise (the union of
    /// joined patterns').
    init(_ source: String, anchored: Bool?, bounded: Bool, literalPrefixes: LiteralPrefixes?) throws {
        self.source = source
        regex = try RegexCache.caseInsensitive(source)
        isAnchored = anchored ?? source.hasPrefix("^")
        isBounded = bounded
        // A bounded match is made from one start position (`RegexBudget`):
        // a pattern that may match anywhere is found behind a lazy prefix.
        boundedRegex = bounded ? (isAnchored ? regex : try RegexCache.caseInsensitive("[\\s\\S]*?(?:\(source))")) : nil
        self.literalPrefixes = literalPrefixes
    }

    /// The single-start form a bounded match runs (nil when unbounded).
    let boundedRegex: NSRegularExpression?

    /// Whether the pattern matches `text`. A bounded pattern that runs out
    /// of budget does not match: the block is kept, never a hang.
    public func matches(_ text: String) -> Bool {
        matches(text, trips: nil)
    }

    /// The same, on a page: a bounded pattern that ran out of budget on the
    /// page once matches nothing more there, so a page of many blocks that
    /// make it run away costs one budget, not one a block.
    func matches(_ text: String, trips: PatternTrips?) -> Bool {
        if let literalPrefixes, !literalPrefixes.mayStart(text) { return false }
        if isBounded {
            if let trips, trips.hasTripped(self) { return false }
            let outcome = boundedOutcome(text)
            if outcome == .exhausted { trips?.trip(self) }
            return outcome == .matched
        }
        let range = NSRange(text.startIndex..<text.endIndex, in: text)
        return regex.firstMatch(in: text, options: isAnchored ? [.anchored] : [], range: range) != nil
    }

    /// A bounded match of the whole of `text`, under its budget.
    func boundedOutcome(_ text: String) -> RegexBudget.Outcome {
        RegexBudget.firstMatch(boundedRegex ?? regex, in: text, range: NSRange(text.startIndex..<text.endIndex, in: text))
    }
}

/// The bounded patterns that ran out of budget on one page (`Page`, one
/// task at a time).
final class PatternTrips {
    private var tripped: Set<ObjectIdentifier> = []

    func hasTripped(_ pattern: TextPattern) -> Bool {
        guard let regex = pattern.boundedRegex, !tripped.isEmpty else { return false }
        return tripped.contains(ObjectIdentifier(regex))
    }

    func trip(_ pattern: TextPattern) {
        if let regex = pattern.boundedRegex { tripped.insert(ObjectIdentifier(regex)) }
    }
}
