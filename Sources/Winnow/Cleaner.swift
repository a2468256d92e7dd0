import Foundation

/// Options of one cleaning run.
public struct CleanerOptions: Sendable {
    /// Keep the removal log in the article (`removed`).
    public var explain: Bool
    /// A charset the caller knows (from HTTP headers, say); a hint that the
    /// bytes themselves can still overrule.
    public var charset: String?
    /// Pages larger than this are refused with `CleanerError.tooLarge`.
    public var maximumBytes: Int
    /// Read reader comments into `comments`. When off, comment sections
    /// are still dropped (never kept as article text), unread.
    public var readsComments: Bool
    /// Keep each comment's byline and date lines in its `text`, as the
    /// page shows them ("Emily said...", "October 9, 2012 3:04 PM"), the
    /// way comment corpora such as dragnet's annotate comments. Off by
    /// default: `text` is then only what the reader wrote, and the byline
    /// is in `author` and `published` (it is read either way). Controls
    /// ("Reply", "Like"), avatars and prompts stay out in both cases.
    public var keepsCommentHeaders: Bool
    /// How long the stages may take on one page. A stage is never
    /// interrupted: the clock is read between stages, and a page past its
    /// time throws `TimeLimitExceeded` before the next one (batch runs use
    /// it so one pathological page cannot hold a core for long). A second
    /// cleaning of the page (see `Cleaner.cleanedPage`) counts against the
    /// same limit.
    public var timeLimit: Duration?
    /// The page's type when the caller knows it (a crawl of one shop's
    /// product pages, say): the page-type stage then only records it.
    public var pageType: PageType?
    /// Keep the links of the article's text (`Article.links`), for the
    /// Markdown writer. Off by default: the JSON does not carry them.
    public var keepsLinks: Bool

    /// The page limit of every entry point: the library, `winnow clean`,
    /// `explain` and `batch` (`--max-bytes`). 20 MB is four times the
    /// largest of the development set's 2079 real pages (5.3 MB, wcxb
    /// 0588), while the tree libxml2 builds for a page takes several times
    /// its bytes: a batch cleaning one page a core stays within memory.
    public static let defaultMaximumBytes = 20_000_000

    public init(
        explain: Bool = false, charset: String? = nil, maximumBytes: Int = CleanerOptions.defaultMaximumBytes,
        readsComments: Bool = true, keepsCommentHeaders: Bool = false, timeLimit: Duration? = nil,
        pageType: PageType? = nil, keepsLinks: Bool = false
    ) {
        self.pageType = pageType
        self.keepsLinks = keepsLinks
        self.explain = explain
        self.charset = charset
        self.maximumBytes = maximumBytes
        self.readsComments = readsComments
        self.keepsCommentHeaders = keepsCommentHeaders
        self.timeLimit = timeLimit
    }
}

/// Why a page could not be cleaned.
public enum CleanerError: Error, Equatable, Sendable, CustomStringConvertible {
    case emptyInput
    case notHTML(reason: String)
    case tooLarge(bytes: Int, limit: Int)
    case unparsable
    case rules(String)

    public var description: String {
        switch self {
        case .emptyInput: return "empty input: no bytes to clean"
        case .notHTML(let reason): return "not HTML: \(reason)"
        case .tooLarge(let bytes, let limit): return "page too large: \(bytes) bytes (limit \(limit))"
        case .unparsable: return "libxml2 could not parse the page"
        case .rules(let reason): return "bad rules: \(reason)"
        }
    }
}

/// Winnow's public entry point: raw HTML in, a clean `Article` out.
///
///     let cleaner = try Cleaner()
///     let article = try cleaner.clean(html: data, url: "https://example.com/a")
///     print(article.rendered(as: .json))
///
/// A `Cleaner` is immutable and may be shared by any number of tasks.
public struct Cleaner: Sendable {
    /// The stages, in the order they run. This list is the pipeline:
    /// 1. metadata first, while `<head>` and JSON-LD are intact;
    /// 2. scripts, styles and comments go before anything counts text;
    /// 3. the page's type is decided (its profile tells the stages after
    ///    it what the content is, hidden panels included);
    /// 4. hidden elements go before anything scores visible text;
    /// 5. comment sections leave the tree before the article is located,
    ///    so their text can never be scored as the article's;
    /// 6. the page frame goes (navigation, header, footer, sidebars);
    /// 7. the main content is located, and what is outside it goes;
    /// 8. boilerplate inside the article goes;
    /// 9. the article's blocks are built.
    public static let stages: [any Stage] = [
        ExtractMetadata(),
        StripNonContent(),
        ClassifyPage(),
        StripHidden(),
        ExtractComments(),
        StripBoilerplate(),
        MainContent(),
        StripArticleBoilerplate(),
        BuildArticle(),
    ]

    /// An article shorter than this (characters of `text`) makes the
    /// cleaner look for prose that a frame rule took: Readability's
    /// `charThreshold`, under which it retries without its "unlikely
    /// candidates" rules.
    static let minimumArticleChars = 500
    /// The stages whose removals a retry may spare: a frame rule or a
    /// hidden wrapper sometimes holds the whole article (a `<header>`
    /// around the story, a menu class on the post's container, a `hidden`
    /// tab that scripts show). Comment sections are never spared: that
    /// would put comments into the text.
    static let sparableStages: Set<String> = [StripBoilerplate().name, StripHidden().name]
    /// The stages up to the last of `sparableStages`: all that a page's
    /// sparable removals depend on.
    static let stagesThroughSparable = Pipeline(stages: Array(stages.prefix(through: lastSparableStage)))
    /// The stages after the last of `sparableStages`.
    static let stagesAfterSparable = Pipeline(stages: Array(stages.suffix(from: lastSparableStage + 1)))
    private static let lastSparableStage = stages.lastIndex { sparableStages.contains($0.name) } ?? stages.count - 1
    /// A retry's article replaces the first only when it is more than this
    /// many times as long.
    static let retryGain = 2

    public let options: CleanerOptions
    public let rules: RuleSet
    private let pipeline = Pipeline(stages: Cleaner.stages)

    /// A cleaner with `extraRules` (tried first in their stage), then the
    /// built-in rules.
    public init(options: CleanerOptions = CleanerOptions(), extraRules: [Rule] = []) throws {
        let builtIn: RuleSet
        switch RuleSet.builtIn {
        case .success(let set): builtIn = set
        case .failure(let error): throw CleanerError.rules(error.description)
        }
        // The built-in set as it is, when nothing is added: its patterns
        // are compiled once per process.
        self.init(options: options, rules: extraRules.isEmpty ? builtIn : RuleSet(rules: extraRules + builtIn.rules))
    }

    /// A cleaner with the user's rule files composed with the built-in set
    /// (`RuleSet.composing(builtIn:files:)`).
    public init(options: CleanerOptions = CleanerOptions(), ruleFiles: [RuleFile]) throws {
        switch RuleSet.builtIn {
        case .success(let builtIn):
            do {
                self.init(options: options, rules: try RuleSet.composing(builtIn: builtIn, files: ruleFiles))
            } catch let error as RuleFileError {
                throw CleanerError.rules(error.description)
            }
        case .failure(let error): throw CleanerError.rules(error.description)
        }
    }

    /// A cleaner with exactly these rules.
    public init(options: CleanerOptions = CleanerOptions(), rules: RuleSet) {
        self.options = options
        self.rules = rules
    }

    public func clean(html: Data, url: String? = nil) throws -> Article {
        try clean(bytes: [UInt8](html), url: url)
    }

    /// Cleans a page. The bytes are taken over: a caller that passes its
    /// last use of them (`consume`) lets the cleaner free the page before
    /// the article is built, when no second cleaning can need it (see
    /// `cleanedPage`).
    public func clean(bytes: consuming [UInt8], url: String? = nil) throws -> Article {
        var timings: StageTimings?
        return try clean(bytes: consume bytes, url: url, timings: &timings)
    }

    /// Cleans a page, adding the time of decoding, parsing and each stage
    /// to `timings` when given (for benchmarks).
    public func clean(bytes: consuming [UInt8], url: String? = nil, timings: inout StageTimings?) throws -> Article {
        article(of: try cleanedPage(bytes: consume bytes, url: url, timings: &timings).page)
    }

    /// Prepares the page and runs the stages. When the article comes out
    /// shorter than `minimumArticleChars` and a removal of
    /// `sparableStages` took `retryGain` times more text outside links
    /// than the article holds (than a paragraph, at least), the page is
    /// cleaned again with the removals that took more than the article
    /// (or a paragraph) spared, and that article is taken when it is more
    /// than `retryGain` times as long: the rest of the frame still goes,
    /// unlike Readability's retry without all its frame rules, which
    /// brings back a short page's menus too. `beforeStages` sees each page
    /// before its stages run.
    ///
    /// Every cleaning parses the one decoded copy of the page (decoding is
    /// deterministic: decoding the bytes again gave the same copy). Once
    /// the sparable stages have run with no removal over `retryGain`
    /// paragraphs, no second cleaning can follow, and the copy is let go
    /// before the article's blocks are made, unless `keepsUTF8` (the
    /// explain report parses it again): on a large page of prose it was
    /// a fifth of the peak (docs/batch.md, "One large page").
    func cleanedPage(
        bytes: consuming [UInt8], url: String?, timings: inout StageTimings?, keepsUTF8: Bool = false,
        beforeStages: (Page) -> Void = { _ in }
    ) throws -> (page: Page, utf8: [UInt8]?) {
        var utf8: [UInt8]? = try decoded(bytes: consume bytes, timings: &timings)
        let page = try parsedPage(utf8!, url: url, timings: &timings)
        // One time limit for the stages of all the cleanings of the page.
        let deadline = options.timeLimit.map { ContinuousClock.now + $0 }
        beforeStages(page)
        try Cleaner.stagesThroughSparable.run(on: page, timings: &timings, deadline: deadline)
        let retryFloor = Cleaner.retryGain * ProseMap.minimumParagraphChars
        if !keepsUTF8, !page.hasUnlinkedRemoval(inStages: Cleaner.sparableStages, over: retryFloor) { utf8 = nil }
        try Cleaner.stagesAfterSparable.run(on: page, timings: &timings, deadline: deadline)
        let length = Cleaner.textLength(of: page.blocks, upTo: Cleaner.minimumArticleChars)
        let floor = max(length, ProseMap.minimumParagraphChars)
        guard length < Cleaner.minimumArticleChars,
            page.largestUnlinkedRemoval(inStages: Cleaner.sparableStages) > Cleaner.retryGain * floor
        else { return (page, utf8) }
        // The removals are those the check above saw, so the page is kept.
        guard let kept = utf8 else {
            assertionFailure("a page let go before its second cleaning")
            return (page, nil)
        }
        let spared = try sparedOrdinals(kept, url: url, over: floor, deadline: deadline)
        let retry = try parsedPage(kept, url: url, timings: &timings)
        retry.spare(NodeOrdinals.nodes(numbered: spared, in: retry.document))
        beforeStages(retry)
        try pipeline.run(on: retry, timings: &timings, deadline: deadline)
        let retryLength = Cleaner.textLength(of: retry.blocks, upTo: Cleaner.retryGain * Cleaner.minimumArticleChars + 1)
        return (retryLength > Cleaner.retryGain * length ? retry : page, kept)
    }

    /// The document-order numbers of the elements that `sparableStages`
    /// removed with more than `limit` characters outside links, found on a
    /// fresh parse that the stages up to the last sparable one clean as
    /// the first cleaning did (they are deterministic). That parse is freed
    /// before the retry's is made: a page is never held three times.
    private func sparedOrdinals(_ utf8: [UInt8], url: String?, over limit: Int, deadline: ContinuousClock.Instant?) throws -> Set<Int> {
        var numbering: StageTimings?
        let numbered = try parsedPage(utf8, url: url, timings: &numbering)
        let ordinals = NodeOrdinals(numbered.document)
        try Cleaner.stagesThroughSparable.run(on: numbered, timings: &numbering, deadline: deadline)
        return Set(numbered.removedNodes(inStages: Cleaner.sparableStages, holdingUnlinkedCharsOver: limit).compactMap { ordinals[$0] })
    }

    /// The characters of the blocks' text, counted up to `limit` only (a
    /// long article is not walked Character by Character to the end).
    static func textLength(of blocks: [Block], upTo limit: Int) -> Int {
        var length = 0
        for block in blocks {
            guard length < limit else { break }
            length += block.plainText.map { $0.prefix(limit - length).count } ?? 0
        }
        return length
    }

    /// Checks and decodes a page: the UTF-8 bytes libxml2 parses. For a
    /// page in UTF-8 they are the bytes given, not a copy.
    func decoded(bytes: consuming [UInt8], timings: inout StageTimings?) throws -> [UInt8] {
        guard !bytes.isEmpty else { throw CleanerError.emptyInput }
        guard bytes.count <= options.maximumBytes else {
            throw CleanerError.tooLarge(bytes: bytes.count, limit: options.maximumBytes)
        }
        if let reason = BinarySniffer.reasonNotHTML(bytes) { throw CleanerError.notHTML(reason: reason) }
        let start = DispatchTime.now()
        let utf8 = AttributeFlood.limited(CharsetDecoder.utf8(from: consume bytes, declared: options.charset))
        timings?.record("decode", since: start)
        return utf8
    }

    /// Parses the decoded page: the page ready for the stages.
    func parsedPage(_ utf8: [UInt8], url: String?, timings: inout StageTimings?) throws -> Page {
        let start = DispatchTime.now()
        let document: Document
        do {
            document = try Document(utf8: utf8, url: url)
        } catch {
            throw CleanerError.unparsable
        }
        timings?.record("parse", since: start)
        let rules = rules.narrowed(toURL: url, host: url.flatMap(Page.host(of:)))
        let page = Page(document: document, url: url, rules: rules, options: options)
        if url == nil { page.unnarrowedRules = self.rules }
        return page
    }

    /// Checks, decodes and parses a page.
    func preparedPage(bytes: consuming [UInt8], url: String?, timings: inout StageTimings?) throws -> Page {
        try parsedPage(try decoded(bytes: consume bytes, timings: &timings), url: url, timings: &timings)
    }

    func article(of page: Page) -> Article {
        Article(
            url: page.url, metadata: page.metadata, pageType: page.pageType, blocks: page.blocks, commentCount: page.commentCount,
            comments: page.comments, removed: options.explain ? page.removals : nil, links: page.links)
    }
}

extension Cleaner {
    /// Decodes and parses the page, then frees it: the floor the pipeline
    /// is measured against.
    public static func parseOnly(bytes: [UInt8], charset: String? = nil) throws {
        let utf8 = AttributeFlood.limited(CharsetDecoder.utf8(from: bytes, declared: charset))
        _ = try Document(utf8: utf8)
    }
}

extension Cleaner {
    /// The figures the page-type stage weighs for a page (`PageEvidence`),
    /// by name: for fitting and checking the page-type model
    /// (`winnow eval --page-features`).
    public func pageEvidence(bytes: [UInt8], url: String? = nil) throws -> [(name: String, value: Double)] {
        var timings: StageTimings?
        let page = try preparedPage(bytes: bytes, url: url, timings: &timings)
        let through = Cleaner.stages.firstIndex { $0 is ClassifyPage } ?? Cleaner.stages.count - 1
        try Pipeline(stages: Array(Cleaner.stages.prefix(upTo: through))).run(on: page)
        return PageEvidence(page: page).figures
    }
}
