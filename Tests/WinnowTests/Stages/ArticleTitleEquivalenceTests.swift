import Testing
@testable import Winnow

/// `ArticleTitle`'s byte paths for titles and headings past ASCII give
/// what the Character-by-Character code gave, on hand-picked and seeded
/// random text: accents precomposed and combining, CR LF, the Kelvin
/// sign, dotted İ, final sigma, U+0387 (canonically U+00B7, the "·" of
/// " · "), Prepend and Extend scalars next to spaces, emoji sequences,
/// separators at the ends and side by side.
@Suite struct ArticleTitleEquivalenceTests {
    /// Pieces that titles, headings and site names are made of.
    static let fragments = [
        "", " ", "  ", "BBC", "News", "news", "Story", "here", "a", "B", "12", "x1", "Jean-Paul", "COVID-19",
        " | ", " - ", " – ", " — ", " :: ", " · ", " » ", ": ", ":", "|", "-", "–", "—", "·", "»", "::",
        " \u{0387} ", "\u{0387}", "é", "e\u{301}", "E\u{301}", "\u{301}", " \u{301}", "\u{301} ", "Café", "CAFÉ",
        "\r\n", "\r", "\n", "\t", "\u{00A0}", "\u{2009}", "\u{212A}", "\u{212A}elvin", "İ", "İstanbul", "ß", "ﬁ",
        "ΟΔΟΣ", "Σ", "ς", "σ", "ΣΑΣ ", "Ωμέγα", "\u{0600}", "\u{0600} ", "\u{0D4E}", "\u{0D4E} ", "\u{0D4E}x",
        "\u{200D}", "👍", "👍🏽", "👨‍👩‍👧", "🇫🇷", "🇫", "中文", "标题", "٣", "١٢", "Ａ", "\u{037E}", ";", "\u{1FEF}", "`",
        "’", "“", "”", "…", "&", "'", "Hedgerow Journal", "The blackthorn winter", "Ünïcödé", "ĲssEL", "ǅ",
    ]

    static func randomText(_ generator: inout SplitMix64, upTo count: Int = 8) -> String {
        (0..<Int.random(in: 0...count, using: &generator)).map { _ in fragments.randomElement(using: &generator)! }.joined()
    }

    static var texts: [String] { texts(random: 3_000) }

    /// The hand-picked texts and `count` seeded random ones.
    static func texts(random count: Int) -> [String] {
        var generator = SplitMix64(seed: 0x7171_E5)
        var texts = fragments + [
            "Obama admits — BBC News", "Title · Site", "Title \u{0387} Site", "a | - b", " | ", " - x", "x - ", "–", " – – ",
            "Blog: Post", "Hedgerow Journal: The blackthorn winter", "Review: Ünïcödé", ": x", "x: ", "a:  b: c",
            "\u{0600} | x", "x | \u{301}y", "x |\u{301} y", " \u{0D4E}| y", "ΟΔΟΣ — ΣΑΣ", "\u{212A} | k", "İ · i\u{307}",
            "a\r\n| b", "a |\r\nb", "x\r\n|\r\n| y\n|z", "é\r\n|\r\n| y\n|z", "e\u{301} | é", String(repeating: "Ünïcödé heading text ", count: 10),
        ]
        for _ in 0..<count { texts.append(randomText(&generator)) }
        return texts
    }

    @Test func comparableIsTheCharacterComparable() {
        for text in Self.texts {
            #expect(ArticleTitle.comparable(text) == Original.comparable(text), "\(text.debugDescription)")
            #expect(ArticleTitle.comparable(text).utf8.elementsEqual(Original.comparable(text).utf8), "\(text.debugDescription)")
            let tail = text.dropFirst()
            #expect(ArticleTitle.comparable(tail).utf8.elementsEqual(Original.comparable(tail).utf8), "\(text.debugDescription)")
            #expect(ArticleTitle.comparableByCharacters(text).utf8.elementsEqual(Original.comparable(text).utf8))
        }
    }

    @Test func wordCountIsTheCharacterCount() {
        for text in Self.texts {
            #expect(ArticleTitle.wordCount(text) == Original.wordCount(text), "\(text.debugDescription)")
            #expect(ArticleTitle.wordCount(text.dropLast()) == Original.wordCount(text.dropLast()), "\(text.debugDescription)")
        }
    }

    /// The lower bound `part` skips headings by is one.
    @Test func minimumASCIICountBoundsTheComparable() {
        for text in Self.texts {
            let asciiScalars = Original.comparable(text).unicodeScalars.filter(\.isASCII).count
            #expect(ArticleTitle.minimumASCIICount(ofComparable: text) <= asciiScalars, "\(text.debugDescription)")
        }
    }

    /// Separators of two Characters or more, as `separatorRanges` asks
    /// (it goes on from a separator's last Character).
    static let separatorLists: [[String]] = [
        ArticleTitle.separators, [": "], ["· ", " :"], ["e\u{301} ", "é:"], [" \u{0387} ", " | "], ["\r\n|", "|\n"], ["\u{0387}\u{0387}"],
        [" :: ", "::", ": "], ["\u{0600} x", " \u{301}x"], ["K ", "\u{212A}:"], ["\n|", " \n"],
    ]

    @Test func separatorsAreWhereTheCharacterLoopFoundThem() throws {
        try #require(Self.separatorLists.allSatisfy { $0.allSatisfy { $0.count >= 2 } })
        // Fewer random texts: each goes through ten lists, three ways.
        let sets = Self.separatorLists.map(ArticleTitle.SeparatorSet.init)
        for text in Self.texts(random: 400) {
            for (separators, set) in zip(Self.separatorLists, sets) {
                let found = ArticleTitle.separatorRanges(in: text, set).map { Self.offsets($0, in: text) }
                let expected = Original.separatorRanges(in: text, separators: separators).map { Self.offsets($0, in: text) }
                let byCharacters = Original.characterSeparatorRanges(in: text, separators: separators).map { Self.offsets($0, in: text) }
                #expect(found == expected, "\(text.debugDescription) \(separators)")
                // The ASCII path matches separators' bytes, CR and LF too
                // (inside a CR LF Character): the same only without them.
                if !text.utf8.allSatisfy({ $0 < 0x80 }) || !separators.joined().utf8.contains(where: { $0 == 0x0D || $0 == 0x0A }) {
                    #expect(found == byCharacters, "\(text.debugDescription) \(separators)")
                }
            }
            let byDefault = ArticleTitle.separatorRanges(in: text).map { Self.offsets($0, in: text) }
            #expect(byDefault == Original.separatorRanges(in: text).map { Self.offsets($0, in: text) }, "\(text.debugDescription)")
        }
    }

    /// The hash filter finds every ASCII byte equal to a separator's
    /// Character that comparing all of them finds.
    @Test func asciiEqualsAreEveryEqualByte() {
        for separators in Self.separatorLists + [[";", "`", "K", "\u{037E}", "\u{1FEF}", "\u{212A}", ""]] {
            let set = ArticleTitle.SeparatorSet(separators)
            for (index, separator) in separators.enumerated() {
                let expected = separator.map { character in
                    (0..<0x80).map(UInt8.init).filter { Character(Unicode.Scalar($0)) == character }
                }
                #expect(set.asciiEquals[index] == expected, "\(separator.debugDescription)")
            }
        }
    }

    @Test func titlesComeOutAsBefore() {
        var generator = SplitMix64(seed: 0x5173)
        let texts = Self.texts
        for _ in 0..<2_000 {
            let head = Self.randomText(&generator, upTo: 5)
            let tail = Self.randomText(&generator, upTo: 4)
            let separator = (ArticleTitle.separators + [": ", " \u{0387} ", " ", ":"]).randomElement(using: &generator)!
            let title = [head + separator + tail, texts.randomElement(using: &generator)!, tail + separator + head + separator + tail]
                .randomElement(using: &generator)!
            // Names and headings that often read like a part of the title.
            func variant(_ text: String) -> String {
                switch Int.random(in: 0..<5, using: &generator) {
                case 0: text.uppercased()
                case 1: text.lowercased() + " "
                case 2: Self.randomText(&generator, upTo: 3)
                case 3: text.replacingOccurrences(of: " ", with: "\u{00A0}")
                default: text
                }
            }
            let names = (0..<Int.random(in: 0...3, using: &generator)).map { _ in variant([head, tail].randomElement(using: &generator)!) }
            let heading = variant([head, tail, title].randomElement(using: &generator)!)
            let long = String(repeating: Self.randomText(&generator, upTo: 3) + " ", count: Int.random(in: 1...60, using: &generator))
            let headings = [variant(tail), variant(head), long, variant(tail) + long].shuffled(using: &generator)
            // Overlapping separators ("a | - b") make `removingSiteName`
            // form a reversed range and trap, before and after alike.
            let cuts = Original.separatorRanges(in: title)
            let overlapping = zip(cuts, cuts.dropFirst()).contains { $0.upperBound > $1.lowerBound }
            for heuristic in [false, true] where !overlapping {
                #expect(
                    ArticleTitle.removingSiteName(from: title, siteNames: names, heuristic: heuristic)
                        == Original.removingSiteName(from: title, siteNames: names, heuristic: heuristic),
                    "\(title.debugDescription) \(names)")
            }
            #expect(ArticleTitle.prefix(of: title, matching: heading) == Original.prefix(of: title, matching: heading), "\(title.debugDescription)")
            #expect(
                ArticleTitle.part(afterColonOf: title, matchingAnyOf: headings) == Original.part(afterColonOf: title, matchingAnyOf: headings),
                "\(title.debugDescription) \(headings)")
        }
    }

    static func offsets(_ range: Range<String.Index>, in text: String) -> Range<Int> {
        text.utf8.distance(from: text.startIndex, to: range.lowerBound)..<text.utf8.distance(from: text.startIndex, to: range.upperBound)
    }

    /// `ArticleTitle` as it was before its byte paths for text past ASCII.
    enum Original {
        // The original's list, with the bullet the title rules added
        // since (" • ": "Healthy Eating Plate • The Nutrition Source"): the
        // test compares the algorithms, not the lists.
        static let separators = [" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » "]
        static let maximumSuffixWords = 4
        static let minimumRemainingWords = 5

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

        static func prefix(of title: String, matching heading: String) -> String? {
            let target = comparable(heading)
            guard !target.isEmpty else { return nil }
            for cut in separatorRanges(in: title) where comparable(title[..<cut.lowerBound]) == target {
                return Text.collapsingWhitespace(title[..<cut.lowerBound])
            }
            return nil
        }

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

        static func separatorRanges(in title: String, separators: [String] = Original.separators) -> [Range<String.Index>] {
            if title.utf8.allSatisfy({ $0 < 0x80 }) { return asciiSeparatorRanges(in: title, separators: separators) }
            return characterSeparatorRanges(in: title, separators: separators)
        }

        static func characterSeparatorRanges(in title: String, separators: [String]) -> [Range<String.Index>] {
            var ranges: [Range<String.Index>] = []
            var position = title.startIndex
            while position < title.endIndex {
                if let separator = separators.first(where: { $0.first == title[position] && title[position...].hasPrefix($0) })
                {
                    let end = title.index(position, offsetBy: separator.count)
                    ranges.append(position..<end)
                    position = title.index(before: end)
                    continue
                }
                position = title.index(after: position)
            }
            return ranges
        }

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
                    position += pattern.count - 1
                    continue
                }
                position += 1
            }
            return ranges
        }

        static func comparable<S: StringProtocol>(_ text: S) -> String {
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
}
