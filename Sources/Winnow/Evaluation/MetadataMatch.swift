import Foundation

/// What a ground-truth page's `meta.json` says of the page's metadata:
/// its `title`, `author` (one string, however many names it holds) and
/// `published` date, each `nil` where the set does not give it.
public struct MetadataTruth: Sendable, Equatable {
    public var title: String?
    public var author: String?
    public var published: String?

    public init(title: String? = nil, author: String? = nil, published: String? = nil) {
        self.title = title
        self.author = author
        self.published = published
    }
}

/// One page's metadata scored against its truth, field by field: `true`
/// when the output matches, `false` when it does not (a missing value
/// included), `nil` when the truth has no value for the field (the page
/// does not count for it). Exact match, after normalising what is only
/// spelling:
///
/// - **title**: equal once both are compatibility-normalised (NFKC),
///   lower-cased, typographic quotes, dashes and the ellipsis written in
///   ASCII, and white space collapsed. "Foo – Bar" matches "foo - bar";
///   "Foo | Site" does not match "Foo".
/// - **authors**: the truth's first name is contained in the authors the
///   output names (joined by ", "), in the same normalisation: the truth
///   often adds credentials ("Dylan Bailey, MS, RD") or more names than a
///   byline shows, and a leading "By" is the byline's, not the name's.
/// - **published**: the same calendar day as written (the first ten
///   characters, `YYYY-MM-DD`; the time and the zone are not compared); a
///   truth that gives only a month (`2003-11`) matches any day of it.
public struct MetadataMatch: Sendable, Equatable {
    public let title: Bool?
    public let authors: Bool?
    public let published: Bool?

    public init(truth: MetadataTruth, metadata: Metadata?) {
        title = truth.title.map { expected in
            metadata?.title.map { MetadataMatch.comparableTitle($0) == MetadataMatch.comparableTitle(expected) } ?? false
        }
        authors = truth.author.flatMap(MetadataMatch.firstName(ofAuthorLine:)).map { name in
            guard let names = metadata?.authors, !names.isEmpty else { return false }
            return MetadataMatch.comparableTitle(names.joined(separator: ", ")).contains(name)
        }
        published = truth.published.flatMap(MetadataMatch.day(of:)).map { day in
            guard let predicted = metadata?.published.flatMap(MetadataMatch.day(of:)) else { return false }
            return predicted.hasPrefix(day)
        }
    }

    /// Characters that are spelling variants of ASCII punctuation.
    static let asciiFolds: [Character: String] = [
        "\u{2018}": "'", "\u{2019}": "'", "\u{201A}": "'", "\u{201B}": "'", "\u{2032}": "'",
        "\u{201C}": "\"", "\u{201D}": "\"", "\u{201E}": "\"", "\u{201F}": "\"", "\u{2033}": "\"",
        "\u{00AB}": "\"", "\u{00BB}": "\"",
        "\u{2010}": "-", "\u{2011}": "-", "\u{2012}": "-", "\u{2013}": "-", "\u{2014}": "-", "\u{2015}": "-",
        "\u{2212}": "-", "\u{2026}": "...",
    ]

    /// `text` compatibility-normalised, lower-cased, with typographic
    /// punctuation in ASCII and white space collapsed.
    public static func comparableTitle(_ text: String) -> String {
        var folded = ""
        for character in text.precomposedStringWithCompatibilityMapping.lowercased() {
            if let ascii = asciiFolds[character] { folded += ascii } else { folded.append(character) }
        }
        return Text.collapsingWhitespace(folded)
    }

    /// Words that introduce a byline rather than name anyone.
    static let bylineOpenings = ["written by ", "posted by ", "by ", "par ", "von ", "por "]

    /// The first name of an author line ("Danielle DeSiato, Donna Enzmann,
    /// and Natalie Nguyen" → "danielle desiato"), comparable; nil when the
    /// line names nobody.
    public static func firstName(ofAuthorLine line: String) -> String? {
        var text = comparableTitle(line)
        for opening in bylineOpenings where text.hasPrefix(opening) {
            text = String(text.dropFirst(opening.count))
            break
        }
        var end = text.endIndex
        for separator in [",", ";", " and ", " & ", " | ", "\n"] {
            if let range = text.range(of: separator), range.lowerBound < end { end = range.lowerBound }
        }
        let name = Text.collapsingWhitespace(text[..<end])
        return name.contains(where: \.isLetter) ? name : nil
    }

    /// The calendar part of an ISO 8601 date as written: `YYYY-MM-DD`, or
    /// `YYYY-MM` when that is all it gives; nil for anything else.
    public static func day(of date: String) -> String? {
        let text = date.trimmingCharacters(in: .whitespaces)
        let bytes = Array(text.utf8)
        func isDigit(_ index: Int) -> Bool { index < bytes.count && (0x30...0x39).contains(bytes[index]) }
        guard bytes.count >= 7, (0..<4).allSatisfy(isDigit), bytes[4] == UInt8(ascii: "-"), isDigit(5), isDigit(6) else {
            return nil
        }
        if bytes.count >= 10, bytes[7] == UInt8(ascii: "-"), isDigit(8), isDigit(9) { return String(text.prefix(10)) }
        return bytes.count == 7 ? text : nil
    }
}

/// Exact-match accuracy of the metadata fields over a set of pages: for
/// each field, the share of pages whose truth gives it that match.
public struct MetadataAccuracy: Sendable, Equatable {
    public struct Field: Sendable, Equatable {
        public let matched: Int
        public let pages: Int
        /// `nil` when no page's truth gives the field.
        public var accuracy: Double? { pages == 0 ? nil : Double(matched) / Double(pages) }
    }

    public let title: Field
    public let authors: Field
    public let published: Field

    public init(_ matches: [MetadataMatch]) {
        func field(_ value: KeyPath<MetadataMatch, Bool?>) -> Field {
            let scored = matches.compactMap { $0[keyPath: value] }
            return Field(matched: scored.filter { $0 }.count, pages: scored.count)
        }
        title = field(\.title)
        authors = field(\.authors)
        published = field(\.published)
    }

    /// Whether any page's truth gives any field.
    public var isEmpty: Bool { title.pages == 0 && authors.pages == 0 && published.pages == 0 }
}
