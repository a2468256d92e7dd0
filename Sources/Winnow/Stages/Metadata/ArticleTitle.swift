/// Takes the site's name off a page title: "Obama admits … | BBC News".
///
/// A part is removed only when it is the site's name (as any source on
/// the page states it), or, for the
/// document `<title>` only, when it is a short trailing part and what stays
/// is still a title of some length (readability.js's heuristic: it cuts at
/// the last separator and goes back to the whole title when four words or
/// fewer remain).
enum ArticleTitle {
    /// Separators between a title and a site or section name; the spaces
    /// around them matter ("COVID-19" and "Jean-Paul" are not separated).
    static let separators = [" | ", " - ", " – ", " — ", " :: ", " · ", " » "]
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
        let cuts = separatorRanges(in: title)
        guard let lastCut = cuts.last, let firstCut = cuts.first else { return title }
        let sites = Set(siteNames.map(comparable).filter { !$0.isEmpty })
        if !sites.isEmpty {
            for (index, cut) in cuts.enumerated() {
                let partEnd = index + 1 < cuts.count ? cuts[index + 1].lowerBound : title.endIndex
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

    /// The part of `title` before a separator that reads the same as the
    /// page's heading (`<h1>`), if any: the heading confirms where the
    /// article's title ends and the site's begins.
    static func prefix(of title: String, matching heading: String) -> String? {
        let target = comparable(heading)
        guard !target.isEmpty else { return nil }
        for cut in separatorRanges(in: title) where comparable(title[..<cut.lowerBound]) == target {
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
        let cuts = separatorRanges(in: title, separators: [": "])
        guard !cuts.isEmpty else { return nil }
        let targets = Set(headings().map(comparable).filter { !$0.isEmpty })
        for cut in cuts {
            let after = title[cut.upperBound...]
            if targets.contains(comparable(after)) { return Text.collapsingWhitespace(after) }
        }
        return nil
    }

    /// Where the separators are, in order.
    static func separatorRanges(in title: String, separators: [String] = ArticleTitle.separators) -> [Range<String.Index>] {
        if title.utf8.allSatisfy({ $0 < 0x80 }) { return asciiSeparatorRanges(in: title, separators: separators) }
        var ranges: [Range<String.Index>] = []
        var position = title.startIndex
        while position < title.endIndex {
            if let separator = separators.first(where: { $0.first == title[position] && title[position...].hasPrefix($0) })
            {
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

    /// `separatorRanges` for an ASCII title (most are), over its bytes:
    /// there a Character is a byte, and comparing Characters at every
    /// position cost more than the rest of the title's handling.
    private static func asciiSeparatorRanges(in title: String, separators: [String]) -> [Range<String.Index>] {
        let bytes = Array(title.utf8)
        let patterns = separators.map { Array($0.utf8) }
        let view = title.utf8
        var ranges: [Range<String.Index>] = []
        var position = 0
        while position < bytes.count {
            if let pattern = patterns.first(where: { pattern in
                pattern.count <= bytes.count - position && pattern[0] == bytes[position]
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

    /// Lower-cased letters and digits only, so "BBC News" matches "BBC  news".
    static func comparable<S: StringProtocol>(_ text: S) -> String {
        // ASCII text (most titles), byte by byte: an ASCII Character is its
        // byte (CR LF aside, neither a letter nor a digit).
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: text.utf8.compactMap { byte -> UInt8? in
                let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                return (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) ? lower : nil
            }, as: UTF8.self)
        }
        return String(text.lowercased().filter { $0.isLetter || $0.isNumber })
    }

    static func wordCount<S: StringProtocol>(_ text: S) -> Int {
        text.split(whereSeparator: { $0 == " " }).count
    }
}
