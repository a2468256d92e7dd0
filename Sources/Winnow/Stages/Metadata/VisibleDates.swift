/// A date the page shows where a reader looks for it, in `<time>` or as
/// text: one found by `MetadataScan`'s walk, with where it stands.
struct DateCandidate {
    /// A `<time>` element, or a short text node that may hold a date.
    var node: Node
    /// Bytes of text the walk had passed when it met the node: how far
    /// from the headline it stands.
    var offset: Int
    var isTime: Bool { node.isElement }
}

/// The dates a page shows near its headline or its byline ("Posted on
/// March 5, 2024 by …", "Updated 14:02 GMT, 3 Jan 2008", a `<time>` under
/// the headline), weighed: the publication date and the update date it
/// shows, when one stands out.
///
/// Each candidate gets points, and counts with `minimumScore` or more:
/// - evidence that it is a dateline (`evidencePoints`): a word before it
///   ("Published", "Posted", "by", "on", "Updated"), a class or id that
///   says date, time, byline or meta on it or on the blocks around it, or
///   a `<time>` element;
/// - a line of its own (`ownLinePoints`): little text beside the date;
/// - near the headline (`nearPoints`, or `fairlyNearPoints` a little
///   further), or far before it (`farBeforePoints`: a site header's
///   "today");
/// - in a list of other stories (`boilerplatePoints`).
/// Never counted: dates in comments, in the page's `<footer>`, `<nav>` or
/// `<aside>` (but those of an `<article>`: its byline), and lines that say
/// copyright, "joined", "registered" or a template's "page last modified".
/// A date later than every date the page states (`latest`) is left out:
/// a site header's "today".
/// The best-scored candidates (within a point of the best) compete; the
/// first of them in page order wins.
///
/// The weights are calibrated as a set, on the development set's wcxb
/// pages against the dates its annotators read off the page (a prototype
/// of this scoring over their trees), and checked on the hand-made pages
/// of older news sites (`Fixtures/date-*`).
struct VisibleDates {
    var published: MetadataDate?
    var updated: MetadataDate?

    static let minimumScore = 4
    static let evidencePoints = 3
    static let ownLinePoints = 2
    static let nearPoints = 3
    static let fairlyNearPoints = 1
    static let farBeforePoints = -2
    static let boilerplatePoints = -3
    /// Bytes of text before and after the headline that count as near it
    /// (a kicker and a dateline above it; a byline, a standfirst and a
    /// caption below it).
    static let nearBefore = 300
    static let nearAfter = 1500
    static let fairlyNearBefore = 1000
    static let fairlyNearAfter = 4000
    /// A node with at most this many characters beside its date is a
    /// dateline of its own.
    static let maximumOwnLineExtra = 40
    /// How many characters before the date are read for its cue word.
    static let cueWindow = 40
    /// Lines longer than this (bytes) are read no further for cue words.
    static let maximumLineBytes = 300
    /// How many blocks up class and id words say date.
    static let hintLevels = 3
    /// How many blocks up a list of stories is looked for.
    static let boilerplateLevels = 6

    private struct Scored {
        var date: MetadataDate
        var score: Int
        var isUpdate: Bool
        var offset: Int
    }

    /// - Parameters:
    ///   - headline: the page's first `<h1>`; on a page of several
    ///     `<article>`s, the dates of those that do not hold it are the
    ///     listed articles', not the page's.
    init(
        candidates: [DateCandidate], headlineOffset: Int?, headline: Node?, articleCount: Int, language: String?,
        latest: MetadataDate?, facts: ElementFactsCache
    ) {
        let monthFirst = DateInText.readsMonthFirst(language: language)
        var scored: [Scored] = []
        for candidate in candidates {
            if articleCount > 1, let article = candidate.node.ancestors.first(where: { $0.hasName("article") }),
                !(headline.map { $0.isInside(article) } ?? false)
            {
                continue
            }
            guard let found = VisibleDates.read(candidate, monthFirst: monthFirst, headlineOffset: headlineOffset, facts: facts)
            else { continue }
            if let latest, found.date.isLater(than: latest) { continue }
            scored.append(found)
        }
        published = VisibleDates.best(scored.filter { !$0.isUpdate })
        updated = VisibleDates.best(scored.filter(\.isUpdate))
    }

    private static func best(_ scored: [Scored]) -> MetadataDate? {
        let counted = scored.filter { $0.score >= minimumScore }
        guard let top = counted.map(\.score).max() else { return nil }
        return counted.filter { $0.score >= top - 1 }.min { $0.offset < $1.offset }?.date
    }

    /// Tags whose dates are the site's, not the page's.
    static let frameTags = TagSet([.footer, .nav, .aside])

    private static func read(_ candidate: DateCandidate, monthFirst: Bool, headlineOffset: Int?, facts: ElementFactsCache) -> Scored? {
        let node = candidate.node
        guard node.isAttached else { return nil }
        // The date, the text of its node and where the date is in it.
        let ownText: String
        let found: DateInText.Found
        if candidate.isTime {
            ownText = Text.collapsingWhitespace(node.textContent)
            if let machine = node.attribute("datetime"), let parsed = MetadataDate(parsing: machine),
                DateInText.plausibleYears.contains(parsed.year)
            {
                // Machine-readable: its time and zone are kept.
                found = DateInText.Found(date: parsed, range: 0..<ownText.utf8.count)
            } else if let first = DateInText.dates(in: ownText, monthFirst: monthFirst).first {
                found = first
            } else {
                return nil
            }
        } else {
            guard let content = node.pointer.pointee.content else { return nil }
            ownText = String(cString: content)
            guard let first = DateInText.dates(in: ownText, monthFirst: monthFirst).first else { return nil }
            found = first
        }
        // Where it stands: never in comments or in the page's frame.
        guard !PageFallbacks.isInComments(candidate.isTime ? node : node.parent ?? node, facts: facts) else { return nil }
        // A `<footer>` or `<aside>` inside an `<article>` is the article's
        // own (its byline and date); outside one, the site's.
        var blocks: [Node] = []
        var frame: Node?
        var current = candidate.isTime ? Optional(node) : node.parent
        while let element = current, element.isElement, !element.hasName("body") {
            if frame == nil, frameTags.contains(element.tag) { frame = element }
            if element.hasName("article") { frame = nil; break }
            if blocks.count < boilerplateLevels, HTMLVocabulary.blockTags.contains(element.tag) { blocks.append(element) }
            current = element.parent
        }
        if frame != nil { return nil }
        // The line around it, and the words before the date there.
        let line = blocks.first.flatMap { $0.shortText(maximumBytes: maximumLineBytes) }.map(Text.collapsingWhitespace)
            ?? Text.collapsingWhitespace(ownText)
        let lowerLine = line.lowercased()
        let searchedLine = CueText(lowerLine)
        guard !excludingCues.contains(where: searchedLine.contains) else { return nil }
        let cue = CueText(precedingText(ownText: ownText, dateStart: found.range.lowerBound, line: line).lowercased())
        let isUpdate = updateCues.contains(where: cue.contains)
        let hasCue = isUpdate || publicationCues.contains(where: cue.containsWord)
        var score = 0
        var named = Array(blocks.prefix(hintLevels))
        if !candidate.isTime, let parent = node.parent, !named.contains(parent) { named.append(parent) }
        let isHinted = named.contains { dateHints.anyMatches(facts.facts(of: $0).nameWords) }
        if hasCue || isHinted || candidate.isTime { score += evidencePoints }
        let dateText = String(decoding: Array(ownText.utf8)[found.range], as: UTF8.self)
        if Text.visibleLength(ownText) - Text.visibleLength(dateText) <= maximumOwnLineExtra { score += ownLinePoints }
        if blocks.contains(where: { boilerplateHints.anyMatches(facts.facts(of: $0).nameWords) }) { score += boilerplatePoints }
        if let headlineOffset {
            let distance = candidate.offset - headlineOffset
            if (-nearBefore...nearAfter).contains(distance) {
                score += nearPoints
            } else if (-fairlyNearBefore...fairlyNearAfter).contains(distance) {
                score += fairlyNearPoints
            }
            if distance < -nearBefore { score += farBeforePoints }
        }
        return Scored(date: found.date, score: score, isUpdate: isUpdate, offset: candidate.offset)
    }

    /// The text before the date: in its own node, and before that in its
    /// line; the last `cueWindow` characters.
    static func precedingText(ownText: String, dateStart: Int, line: String) -> String {
        let own = String(decoding: Array(ownText.utf8)[..<dateStart], as: UTF8.self)
        var before = own
        let start = Text.collapsingWhitespace(ownText).prefix(20)
        if !start.isEmpty, let range = line.range(of: start) {
            before = String(line[..<range.lowerBound]) + " " + own
        }
        return String(before.suffix(cueWindow))
    }

    /// Whether `word` stands in `text` as a whole word (Foundation's
    /// search; see `CueText` for ASCII text).
    static func containsWord(_ word: String, in text: String) -> Bool {
        var searchStart = text.startIndex
        while let range = text.range(of: word, range: searchStart..<text.endIndex) {
            let opens = range.lowerBound == text.startIndex || !text[text.index(before: range.lowerBound)].isLetter
            let closes = range.upperBound == text.endIndex || !text[range.upperBound].isLetter
            if opens && closes { return true }
            searchStart = range.upperBound
        }
        return false
    }

    // MARK: - Vocabulary (lower case)

    /// Words before a publication date.
    static let publicationCues = [
        "published", "posted", "publié", "publicado", "pubblicato", "veröffentlicht", "erschienen", "created",
        "written", "date", "datum", "asked", "started", "by", "on",
    ]
    /// Words before an update date.
    static let updateCues = [
        "updated", "modified", "edited", "revised", "aktualisiert", "mis à jour", "actualizado", "aggiornato",
        "atualizado", "reviewed",
    ]
    /// Lines whose dates are not the page's: copyright, a member's join
    /// date, a template's own modification date, a clock.
    static let excludingCues = [
        "©", "copyright", "(c)", "all rights reserved", "joined", "registered", "member since", "page last modified",
        "page last updated", "this page was last", "site last updated", "last visit", "current time", "it is currently",
    ]
    static let dateHints = WordHintSet([
        WordHint("date"), WordHint("time"), WordHint("datetime"), WordHint("timestamp"), WordHint("published"),
        WordHint("publish"), WordHint("pubdate"), WordHint("posted"), WordHint("byline"), WordHint("dateline"),
        WordHint("meta"), WordHint("author"), WordHint("submitted"), WordHint("created"),
    ])
    static let boilerplateHints = WordHintSet([
        WordHint("related"), WordHint("card"), WordHint("teaser"), WordHint("recommended"), WordHint("sidebar"),
        WordHint("widget"), WordHint("popular"), WordHint("latest"), WordHint("trending"), WordHint("more"),
        WordHint("menu"), WordHint("breadcrumb"), WordHint("newsletter"), WordHint("promo"), WordHint("footer"),
    ])
}

extension MetadataDate {
    /// The day alone, as a date with no time.
    var calendarDay: MetadataDate { MetadataDate(year: year, month: month, day: day) }

    /// Whether this date's day comes after `other`'s (times and zones aside).
    func isLater(than other: MetadataDate) -> Bool {
        (year, month, day) > (other.year, other.month, other.day)
    }
}

/// A lower-cased text that `VisibleDates` looks for cues in. ASCII text,
/// most lines, is searched by its bytes: there Foundation's search (which
/// `String.contains` is here) goes byte for byte, and a cue past ASCII is
/// never found (none is equivalent to ASCII text). Foundation's search
/// costs ten thousand instructions a call on Linux, and each date
/// candidate asked two dozen; other text is still searched by it.
struct CueText {
    let text: String
    let isASCII: Bool

    init(_ text: String) {
        self.text = text
        isASCII = text.utf8.allSatisfy { $0 < 0x80 }
    }

    /// Whether the text holds `cue`, as `text.contains(cue)` answers.
    func contains(_ cue: String) -> Bool {
        isASCII ? Text.containsBytes(text, cue) : text.contains(cue)
    }

    /// Whether `word` stands in the text as a whole word, as
    /// `VisibleDates.containsWord` answers. In ASCII text the letters are
    /// ASCII's, and an occurrence that overlaps an earlier one has a
    /// letter before it, so every occurrence may be tried.
    func containsWord(_ word: String) -> Bool {
        guard isASCII else { return VisibleDates.containsWord(word, in: text) }
        var text = text
        var word = word
        return text.withUTF8 { bytes in
            word.withUTF8 { needle in
                guard !needle.isEmpty, bytes.count >= needle.count else { return needle.isEmpty }
                for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] {
                    var offset = 1
                    while offset < needle.count, bytes[start + offset] == needle[offset] { offset += 1 }
                    guard offset == needle.count else { continue }
                    let end = start + needle.count
                    if (start == 0 || !Text.isASCIILetter(bytes[start - 1])) && (end == bytes.count || !Text.isASCIILetter(bytes[end])) { return true }
                }
                return false
            }
        }
    }
}
