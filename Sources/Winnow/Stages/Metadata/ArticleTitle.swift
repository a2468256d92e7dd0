/// Takes the site's name off a page title: "Obama admits … | BBC News".
///
/// A part is removed only when it is the site's name (as any source on
/// the page states it), or, for the
/// document `<title>` only, when it is a short trailing part and what stays
/// is still a title of some length (readability.js's heuristic: it cuts at
/// the last separator and goes back to the whole title when four words or
/// fewer remain).
enum ArticleTitle {
    /// A title longer than this is a page's text that an unclosed
    /// `<title>` swallowed, not a title: the longest headlines run to
    /// about 200 characters.
    static let maximumChars = 300

    /// Whether `text` can be a title: not empty, at most `maximumChars`
    /// characters, with no markup (`<script`, `</div>`) and no script in it.
    static func isTitle(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.count <= 4 * maximumChars, Text.hasAtMost(maximumChars, charactersIn: text) else { return false }
        let bytes = Array(text.utf8)
        for index in bytes.indices.dropLast() where bytes[index] == UInt8(ascii: "<") {
            let next = bytes[index + 1]
            if Text.isASCIILetter(next) || next == UInt8(ascii: "/") || next == UInt8(ascii: "!") { return false }
        }
        return !scriptSigns.contains { Text.containsBytes(text, $0) }
    }

    /// What only script text holds.
    static let scriptSigns = ["function(", "function (", "});", "document.", "window.", "var _", "=>{"]

    /// `text` with the character references a CMS escaped twice decoded
    /// ("And finally&#8230; trouble brewing"): libxml2 decodes markup's
    /// own once.
    static func decodingReferences(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")), text.utf8.contains(UInt8(ascii: ";")) else { return text }
        return Text.collapsingWhitespace(HTMLEntities.decode(text))
    }

    /// Separators between a title and a site or section name; the spaces
    /// around them matter ("COVID-19" and "Jean-Paul" are not separated).
    static let separators = [" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » "]
    /// A trailing part of more words than this may be part of the headline.
    static let maximumSuffixWords = 4
    /// A remainder of fewer words than this is too short to be the title
    /// alone (readability.js reverts at four words or fewer).
    static let minimumRemainingWords = 5

    /// `title` without the parts naming the site. A part matching one of
    /// `siteNames` goes with everything after it ("Title | Site | Tagline"),
    /// or alone when it leads ("Site | Title"). With `heuristic`, a short
    /// trailing part goes even when it matches no site name.
    static func removingSiteName(from title: String, siteNames: [String], heuristic: Bool) -> String {
        let cuts = separatorRanges(in: title, titleSeparators)
        guard let lastCut = cuts.last, let firstCut = cuts.first else { return title }
        let sites = Set(siteNames.map(comparable).filter { !$0.isEmpty })
        if !sites.isEmpty {
            for (index, cut) in cuts.enumerated() {
                // Separators may share their spaces ("a | - b"): the next
                // can begin before this one ends, and the part between is
                // empty, not a backward range (which traps).
                let partEnd = index + 1 < cuts.count ? max(cuts[index + 1].lowerBound, cut.upperBound) : title.endIndex
                if sites.contains(comparable(title[cut.upperBound..<partEnd])) {
                    return Text.collapsingWhitespace(title[..<cut.lowerBound])
                }
            }
            if sites.contains(comparable(title[..<firstCut.lowerBound])) {
                let rest = title[firstCut.upperBound...]
                if !rest.isEmpty { return Text.collapsingWhitespace(rest) }
            }
        }
        let head = title[..<lastCut.lowerBound]
        if heuristic, wordCount(title[lastCut.upperBound...]) <= maximumSuffixWords,
            wordCount(head) >= minimumRemainingWords
        {
            return Text.collapsingWhitespace(head)
        }
        return title
    }

    /// Separators between the parts of a title that a headline can
    /// confirm: the title's own, a colon ("Blog: Post"), a slash ("Post /
    /// Board / Forums").
    static let partSeparators = SeparatorSet(separators + [": ", " / ", " : "])

    /// The part (or run of parts) of `title` between separators that reads
    /// the same as the page's headline (its `<h1>`): the headline confirms
    /// what of the stated title is the article's and what is the site's,
    /// a section's or a search engine's ("Healthy Eating Plate • The
    /// Nutrition Source", "Garnix Blog: Hardware-Attested Nix Builds",
    /// "Topic / Board / Arch Linux Forums").
    ///
    /// Not when the headline is the site's name (a logo in an `<h1>`): a
    /// part that is one of `siteNames`, or the title's last part alone
    /// (where titles put the site). When the headline is one part and
    /// another part reads as another heading of the page (a blog whose
    /// `<h1>` is its name and whose post title is an `<h3>`), that other
    /// part is the title.
    static func part(of title: String, confirmedBy headline: String, otherHeadings: [String], siteNames: [String]) -> String? {
        let target = comparable(headline)
        guard !target.isEmpty else { return nil }
        let sites = Set(siteNames.map(comparable).filter { !$0.isEmpty })
        guard !sites.contains(target) else { return nil }
        let cuts = separatorRanges(in: title, partSeparators)
        guard !cuts.isEmpty else { return nil }
        var bounds: [Range<String.Index>] = []
        var start = title.startIndex
        for cut in cuts where cut.lowerBound >= start {
            bounds.append(start..<cut.lowerBound)
            start = cut.upperBound
        }
        bounds.append(start..<title.endIndex)
        let count = bounds.count
        guard count > 1 else { return nil }
        for first in 0..<count {
            for last in first..<count where !(first == 0 && last == count - 1) {
                let run = bounds[first].lowerBound..<bounds[last].upperBound
                guard comparable(title[run]) == target else { continue }
                // Another part that another heading reads is the title,
                // the headline's part then the site's (its name in the
                // `<h1>`, the post's title in an `<h2>`).
                let others = Set(otherHeadings.map(comparable).filter { !$0.isEmpty && $0 != target })
                if let other = bounds.indices.first(where: { ($0 < first || $0 > last) && others.contains(comparable(title[bounds[$0]])) }) {
                    return Text.collapsingWhitespace(title[bounds[other]])
                }
                // The trailing part alone names the site.
                if last == count - 1, first == last { return nil }
                return Text.collapsingWhitespace(title[run])
            }
        }
        return nil
    }

    /// The part of `title` before a separator that reads the same as the
    /// page's heading (`<h1>`), if any: the heading confirms where the
    /// article's title ends and the site's begins.
    static func prefix(of title: String, matching heading: String) -> String? {
        let target = comparable(heading)
        guard !target.isEmpty else { return nil }
        for cut in separatorRanges(in: title, titleSeparators) where comparable(title[..<cut.lowerBound]) == target {
            return Text.collapsingWhitespace(title[..<cut.lowerBound])
        }
        return nil
    }

    /// The part of `title` after a colon that reads the same as one of the
    /// page's headings: "Hedgerow Journal: The blackthorn winter" with the
    /// entry heading "The blackthorn winter" (blogs whose `<h1>` is their
    /// name title their posts "Blog: Post"). A colon separates only where a
    /// heading confirms the cut: "Review: …" is a whole title.
    /// The headings are read only for a title with a colon.
    static func part(afterColonOf title: String, matchingAnyOf headings: @autoclosure () -> [String]) -> String? {
        let cuts = separatorRanges(in: title, colonSeparators)
        guard !cuts.isEmpty else { return nil }
        let parts = cuts.map { comparable(title[$0.upperBound...]) }
        // A heading can be a part only if its `comparable` has no more
        // ASCII scalars than the longest part has bytes, when the parts are
        // ASCII: equal Strings have the same canonical decomposition, which
        // keeps every ASCII scalar (an ASCII scalar decomposes to itself and
        // reordering moves only combining marks), and an ASCII part's is
        // the part itself. A longer heading (an unclosed `<h2>` holds the
        // rest of the page) is not made comparable, Character by Character
        // where it is past ASCII, only to be found different.
        let longestPart = parts.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } } ? parts.map(\.utf8.count).max() : nil
        let targets = Set(headings().compactMap { heading -> String? in
            if let longestPart, minimumASCIICount(ofComparable: heading) > longestPart { return nil }
            let target = comparable(heading)
            return target.isEmpty ? nil : target
        })
        for (cut, part) in zip(cuts, parts) where targets.contains(part) {
            return Text.collapsingWhitespace(title[cut.upperBound...])
        }
        return nil
    }

    /// Where the separators are, in order.
    static func separatorRanges(in title: String, separators: [String] = ArticleTitle.separators) -> [Range<String.Index>] {
        separatorRanges(in: title, separators == ArticleTitle.separators ? titleSeparators : SeparatorSet(separators))
    }

    static let titleSeparators = SeparatorSet(separators)
    static let colonSeparators = SeparatorSet([": "])

    /// Separators with what the byte scans need of them, worked out once.
    struct SeparatorSet {
        let separators: [String]
        /// Each separator's Characters.
        let characters: [[Character]]
        /// Each separator's bytes, for ASCII titles.
        let patterns: [[UInt8]]
        /// Which bytes open a pattern.
        let patternOpenings: [Bool]
        /// For each separator, for each of its Characters, the ASCII bytes
        /// that, as a Character of their own, are equal to it (by `==`
        /// itself, so canonical equivalence is as Swift has it).
        let asciiEquals: [[[UInt8]]]
        /// Which ASCII bytes, as a Character of their own, equal some
        /// separator's first Character.
        let asciiOpenings: [Bool]
        /// The first Character every separator opens with, if they all
        /// open with the same one (ours: " ").
        let commonFirst: Character?

        init(_ separators: [String]) {
            self.separators = separators
            characters = separators.map(Array.init)
            patterns = separators.map { Array($0.utf8) }
            let patterns = patterns
            patternOpenings = (0..<256).map { byte in patterns.contains { $0.first == UInt8(byte) } }
            // Equal Characters hash alike (Hashable's contract), so `==`
            // runs only for the rare byte whose hash matches: comparing
            // every ASCII Character with a dash costs a normalization each.
            let ascii = (0..<0x80).map { Character(Unicode.Scalar(UInt8($0))) }
            let asciiHashes = ascii.map(\.hashValue)
            asciiEquals = characters.map { characters in
                characters.map { character in
                    let hash = character.hashValue
                    return ascii.indices.filter { asciiHashes[$0] == hash && ascii[$0] == character }.map(UInt8.init)
                }
            }
            let asciiEquals = asciiEquals
            asciiOpenings = (0..<0x80).map { byte in asciiEquals.contains { $0.first?.contains(UInt8(byte)) ?? false } }
            let firsts = characters.map(\.first)
            if let first = firsts.first, let common = first, firsts.allSatisfy({ $0 == common }) {
                commonFirst = common
            } else {
                commonFirst = nil
            }
        }
    }

    static func separatorRanges(in title: String, _ set: SeparatorSet) -> [Range<String.Index>] {
        withBytes(of: title) { bytes in
            bytes.allSatisfy({ $0 < 0x80 })
                ? asciiSeparatorRanges(in: title, bytes: bytes, set) : mixedSeparatorRanges(in: title, bytes: bytes, set)
        }
    }

    /// `separatorRanges` for an ASCII title (most are), over its bytes:
    /// there a Character is a byte, and comparing Characters at every
    /// position cost more than the rest of the title's handling.
    private static func asciiSeparatorRanges(in title: String, bytes: UnsafeBufferPointer<UInt8>, _ set: SeparatorSet) -> [Range<String.Index>] {
        let view = title.utf8
        var ranges: [Range<String.Index>] = []
        var position = 0
        while position < bytes.count {
            // Most bytes open no pattern: nothing to compare.
            guard set.patternOpenings[Int(bytes[position])] else {
                position += 1
                continue
            }
            if let pattern = set.patterns.first(where: { pattern in
                !pattern.isEmpty && pattern.count <= bytes.count - position && pattern[0] == bytes[position]
                    && bytes[position..<(position + pattern.count)].elementsEqual(pattern)
            }) {
                let start = view.index(view.startIndex, offsetBy: position)
                ranges.append(start..<view.index(start, offsetBy: pattern.count))
                // The closing space may open the next separator ("a | - b").
                position += pattern.count - 1
                continue
            }
            position += 1
        }
        return ranges
    }

    /// `separatorRanges` for a title past ASCII (a dash, a curly quote),
    /// as a loop over its Characters finds them (the `else` branch is that
    /// loop): reading the Character at every position, once per separator,
    /// cost about 1 000 instructions a Character.
    ///
    /// An ASCII byte followed by another ASCII byte (or by nothing), CR LF
    /// aside, is a Character of its own wherever a Character starts there:
    /// no grapheme rule joins the two (only Extend, ZWJ and SpacingMark
    /// attach to what precedes them, only Prepend to what follows, and no
    /// ASCII scalar is one of them). There the Character is known from the
    /// byte, and so is whether it equals a separator's Character
    /// (`asciiEquals`); the Character loop's own tests run only where they
    /// cannot be settled so.
    private static func mixedSeparatorRanges(in title: String, bytes: UnsafeBufferPointer<UInt8>, _ set: SeparatorSet) -> [Range<String.Index>] {
        let view = title.utf8
        var ranges: [Range<String.Index>] = []
        var position = title.startIndex
        while position < title.endIndex {
            let offset = view.distance(from: view.startIndex, to: position)
            var found: String?
            if isLoneASCII(bytes, at: offset) {
                guard set.asciiOpenings[Int(bytes[offset])] else {
                    position = view.index(after: position)
                    continue
                }
                // The Character after this one, read once if needed.
                var next: Character??
                for index in set.separators.indices {
                    let characters = set.characters[index]
                    let equals = set.asciiEquals[index]
                    guard let firstEquals = equals.first, firstEquals.contains(bytes[offset]) else { continue }
                    // The separator's Characters after the first, against
                    // the lone bytes that follow, as far as they go.
                    var count = 1
                    var differs = false
                    while count < characters.count {
                        let at = offset + count
                        guard at < bytes.count else {
                            differs = true  // the title ends first
                            break
                        }
                        guard isLoneASCII(bytes, at: at) else { break }
                        if !equals[count].contains(bytes[at]) {
                            differs = true
                            break
                        }
                        count += 1
                    }
                    if differs { continue }
                    if count == 1, characters.count > 1 {
                        // The second Character is past ASCII: compare it.
                        if next == nil {
                            let after = view.index(after: position)
                            next = .some(after < title.endIndex ? title[after] : nil)
                        }
                        if next! != characters[1] { continue }
                    }
                    if title[position...].hasPrefix(set.separators[index]) {
                        found = set.separators[index]
                        break
                    }
                }
                if found == nil {
                    position = view.index(after: position)
                    continue
                }
            } else {
                let character = title[position]
                if let common = set.commonFirst, common != character {
                    position = title.index(after: position)
                    continue
                }
                found = set.separators.first(where: { $0.first == character && title[position...].hasPrefix($0) })
            }
            if let separator = found {
                let end = title.index(position, offsetBy: separator.count)
                ranges.append(position..<end)
                // The closing space may open the next separator ("a | - b").
                position = title.index(before: end)
                continue
            }
            position = title.index(after: position)
        }
        return ranges
    }

    /// Whether the byte at `offset` is an ASCII scalar that is a Character
    /// by itself wherever a Character starts there: the next byte is ASCII
    /// too (or there is none) and the two are not CR LF.
    @inline(__always)
    private static func isLoneASCII(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        let byte = bytes[offset]
        guard byte < 0x80 else { return false }
        guard offset + 1 < bytes.count else { return true }
        let next = bytes[offset + 1]
        return next < 0x80 && !(byte == 0x0D && next == 0x0A)
    }

    /// Lower-cased letters and digits only, so "BBC News" matches "BBC  news".
    static func comparable<S: StringProtocol>(_ text: S) -> String {
        // ASCII text (most titles), byte by byte: an ASCII Character is its
        // byte (CR LF aside, neither a letter nor a digit).
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: text.utf8.compactMap(comparableByte), as: UTF8.self)
        }
        return withBytes(of: text) { bytes in
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            // Consecutive pieces past ASCII go to the Character path
            // together: one String for a run of words past ASCII (a
            // heading in Greek or Chinese), not one a word.
            var pending: Range<Int>?
            var pieces = Pieces(bytes)
            while true {
                let piece = pieces.next()
                if let (range, isASCII) = piece, !isASCII {
                    pending = (pending?.lowerBound ?? range.lowerBound)..<range.upperBound
                    continue
                }
                if let range = pending {
                    result.append(contentsOf: comparableByCharacters(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)).utf8)
                    pending = nil
                }
                guard let (range, _) = piece else { break }
                for index in range {
                    if let kept = comparableByte(bytes[index]) { result.append(kept) }
                }
            }
            return String(decoding: result, as: UTF8.self)
        }
    }

    /// At least how many ASCII scalars `comparable(text)` has: the letters
    /// and digits of its ASCII pieces, which `comparable` keeps byte for
    /// byte.
    static func minimumASCIICount<S: StringProtocol>(ofComparable text: S) -> Int {
        withBytes(of: text) { bytes in
            var count = 0
            var pieces = Pieces(bytes)
            while let (range, isASCII) = pieces.next() {
                guard isASCII else { continue }
                for index in range where comparableByte(bytes[index]) != nil { count += 1 }
            }
            return count
        }
    }

    /// An ASCII byte as `comparable` keeps it: lower-cased if a letter,
    /// nil if neither a letter nor a digit.
    @inline(__always)
    private static func comparableByte(_ byte: UInt8) -> UInt8? {
        let lower = Text.lowercasedASCII(byte)
        return (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) ? lower : nil
    }

    /// `comparable` Character by Character, as it was written first.
    static func comparableByCharacters<S: StringProtocol>(_ text: S) -> String {
        String(text.lowercased().filter { $0.isLetter || $0.isNumber })
    }

    /// How many words of Characters other than " " `text` has.
    static func wordCount<S: StringProtocol>(_ text: S) -> Int {
        withBytes(of: text) { bytes in
            var count = 0
            var pieces = Pieces(bytes)
            while let (range, isASCII) = pieces.next() {
                if isASCII {
                    // Every space byte between ASCII bytes is a cut: a
                    // non-empty ASCII piece is one word.
                    if !range.isEmpty { count += 1 }
                } else {
                    let piece = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
                    count += piece.split(whereSeparator: { $0 == " " }).count
                }
            }
            return count
        }
    }

    /// The pieces of UTF-8 text between its cuts, in order, each with
    /// whether it is all ASCII. A cut is a space byte whose neighbours are
    /// ASCII bytes (or the text's ends).
    ///
    /// A cut is a Character " " of its own, and the Characters of the text
    /// are those of its pieces with " " between them, both before and after
    /// lower-casing: a grapheme rule joins a scalar to the one before only
    /// when that one is Prepend (never ASCII) or the next one is Extend,
    /// ZWJ or SpacingMark (never ASCII), and the rules that look further
    /// back (emoji ZWJ sequences, regional-indicator pairs, Indic conjuncts)
    /// stop at a space. A space is neither cased nor case-ignorable, so no
    /// casing context (final sigma) reaches across it either. So
    /// `comparable` of the text is `comparable` of its pieces joined, and
    /// its words are the pieces' words: ASCII pieces are read byte by byte,
    /// pieces past ASCII (a word with an accent, a curly quote) with
    /// Characters. Cutting only between ASCII bytes keeps the pieces valid
    /// UTF-8.
    private struct Pieces {
        let bytes: UnsafeBufferPointer<UInt8>
        var start = 0
        var done = false

        init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        mutating func next() -> (Range<Int>, Bool)? {
            guard !done else { return nil }
            var isASCII = true
            var index = start
            while index < bytes.count {
                let byte = bytes[index]
                if byte >= 0x80 {
                    isASCII = false
                } else if byte == 0x20, index == 0 || bytes[index - 1] < 0x80, index + 1 == bytes.count || bytes[index + 1] < 0x80 {
                    defer { start = index + 1 }
                    return (start..<index, isASCII)
                }
                index += 1
            }
            done = true
            return (start..<bytes.count, isASCII)
        }
    }

    /// Calls `body` with the UTF-8 bytes of `text`, in place when they are
    /// stored contiguously.
    private static func withBytes<S: StringProtocol, Result>(of text: S, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }
}
