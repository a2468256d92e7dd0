import CLibXML2

/// The words of an element's `class` and `id` tokens, for matching hints
/// such as `share` or `author-box` as whole words.
///
/// Substring matching on class names is the classic cause of lost article
/// text (`comment` inside `commentary`, `ad` inside `header`, `tool` inside
/// `code-toolbar`). Here a token is split at `-`, `_`, digits and
/// lower-to-upper case changes, lower-cased, and a hint matches only a run
/// of whole words inside one token: `social-share-bar` and `shareBar` hold
/// `share`; `shareholder` and `commentary` hold neither `share` nor `comment`.
public struct NameWords: Sendable, Hashable {
    /// The words of every class and id token, token after token, each
    /// token's followed by an empty string (no word is empty). One list for
    /// all tokens: a list a token cost an allocation each, for every
    /// spelling of every page.
    let words: [String]
    /// The `NameHash` of each of `words` (0 for the ends of tokens): a
    /// hint's words are compared by hash first, and by `==` only when the
    /// hashes agree.
    let wordHashes: [UInt64]

    /// The words of each token, as slices of `words`: a slice's indices
    /// are positions in `words` and `wordHashes`.
    public var tokens: Tokens { Tokens(words: words) }

    /// The tokens' words, one slice a token, in the attribute's order
    /// (class tokens first, then the id's).
    public struct Tokens: Sequence {
        let words: [String]

        public func makeIterator() -> Iterator { Iterator(words: words) }

        public struct Iterator: IteratorProtocol {
            let words: [String]
            var start = 0

            public mutating func next() -> ArraySlice<String>? {
                guard start < words.count else { return nil }
                var end = start
                while !words[end].isEmpty { end += 1 }
                defer { start = end + 1 }
                return words[start..<end]
            }
        }
    }

    /// Calls `body` with each token's positions in `words` until it
    /// returns true; whether one did. The hot questions use this rather
    /// than `tokens`, whose iterator holds (retains) the list.
    @inline(__always)
    func firstToken(where body: (Range<Int>) -> Bool) -> Bool {
        var start = 0
        var end = 0
        while end < wordHashes.count {
            // A 0 hash is almost always an end; the word says for sure.
            if wordHashes[end] == 0, words[end].isEmpty {
                if body(start..<end) { return true }
                start = end + 1
            }
            end += 1
        }
        return false
    }

    /// An id of this many words or more is a slug of a heading
    /// (`sharing-with-a-single-developer`), not the name of a component.
    static let slugWordCount = 4

    public init(classAttribute: String?, idAttribute: String?) {
        var builder = Builder()
        for (attribute, isID) in [(classAttribute, false), (idAttribute, true)] {
            guard var attribute else { continue }
            attribute.withUTF8 { builder.add($0, isID: isID) }
        }
        self = builder.nameWords
    }

    private init(words: [String], wordHashes: [UInt64]) {
        self.words = words
        self.wordHashes = wordHashes
    }

    static let none = NameWords(words: [], wordHashes: [])

    /// Splits attribute values' bytes into tokens of words, in place: class
    /// names are ASCII almost always, so this runs on bytes, not on
    /// Characters. A byte past ASCII counts as a letter and never splits.
    /// Collects the class tokens themselves (split at white space only) on
    /// the way, for selector matching.
    ///
    /// Every list is made at its final size where that is known: this runs
    /// for every element of every page, and growing lists one word at a
    /// time cost more than the splitting.
    struct Builder {
        private var words: [String] = []
        private var wordHashes: [UInt64] = []
        private(set) var classTokens: [String] = []
        private(set) var classTokenHashes: [UInt64] = []
        /// Whether a class token holds the letters of "comment" in any
        /// ASCII case (`Text.containsBytes(token, "comment",
        /// ignoringASCIICase: true)` of one of `classTokens`).
        private(set) var classTokensHoldComment = false
        private static let sevenBytes: UInt64 = (1 << 56) - 1
        private static let comment: UInt64 = "comment".utf8.reduce(0) { $0 << 8 | UInt64($1) }

        var nameWords: NameWords { NameWords(words: words, wordHashes: wordHashes) }

        /// Makes room for the tokens and words of attribute values of
        /// `byteCount` bytes in all (a guess: the lists still grow past it).
        mutating func reserveCapacity(forBytes byteCount: Int, classTokens collecting: Bool) {
            words.reserveCapacity(byteCount / 4 + 2)
            wordHashes.reserveCapacity(byteCount / 4 + 2)
            if collecting {
                classTokens.reserveCapacity(byteCount / 6 + 1)
                classTokenHashes.reserveCapacity(byteCount / 6 + 1)
            }
        }

        mutating func add(_ bytes: UnsafeBufferPointer<UInt8>, isID: Bool, collectingClassTokens: Bool = false) {
            var index = 0
            while index < bytes.count {
                while index < bytes.count, Builder.isSpace(bytes[index]) { index += 1 }
                guard index < bytes.count else { break }
                let start = index
                while index < bytes.count, !Builder.isSpace(bytes[index]) { index += 1 }
                let token = UnsafeBufferPointer(rebasing: bytes[start..<index])
                if collectingClassTokens { addClassToken(token) }
                addWords(of: token, isID: isID)
            }
        }

        @inline(__always)
        private static func isSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
        }

        private mutating func addClassToken(_ token: UnsafeBufferPointer<UInt8>) {
            var hash = NameHash.seed
            var isASCII = true
            // The last seven bytes, ASCII lower-cased, to find "comment".
            var window: UInt64 = 0
            for byte in token {
                hash = NameHash.adding(byte, to: hash)
                if byte >= 0x80 { isASCII = false }
                window = (window << 8 | UInt64(Text.lowercasedASCII(byte))) & Builder.sevenBytes
                if window == Builder.comment { classTokensHoldComment = true }
            }
            let name = String(decoding: token, as: UTF8.self)
            classTokens.append(name)
            classTokenHashes.append(isASCII ? hash : NameHash.of(name))
        }

        private mutating func addWords(of token: UnsafeBufferPointer<UInt8>, isID: Bool) {
            var count = 0
            var firstIsJS = false
            // Counted with the chance words of the token's hashes: an id
            // that carries a hash is made per element (a block's uuid,
            // `widget_135f7097-…`), and the slug rule passes over it as
            // over a heading's slug.
            Builder.forEachWord(in: token, from: 0, to: token.count) { start, end in
                if count == 0 {
                    firstIsJS = end - start == 2 && token[start] | 0x20 == 0x6A && token[start + 1] | 0x20 == 0x73
                }
                count += 1
            }
            guard count > 0 else { return }
            if isID, count >= NameWords.slugWordCount { return }
            // `js-…` tokens are hooks for scripts (`js-social-images` on an
            // article body), not names of what the element is.
            if count > 1, firstIsJS { return }
            var added = 0
            Builder.forEachWord(in: token) { start, end in
                added += 1
                // Lower-cased straight into the String's storage: words
                // are short, so most stay inline and nothing is allocated.
                var hash = NameHash.seed
                var isASCII = true
                let word = String(unsafeUninitializedCapacity: end - start) { output in
                    for offset in 0..<(end - start) {
                        let byte = token[start + offset]
                        let lower = Text.lowercasedASCII(byte)
                        output[offset] = lower
                        hash = NameHash.adding(lower, to: hash)
                        if byte >= 0x80 { isASCII = false }
                    }
                    return end - start
                }
                words.append(word)
                wordHashes.append(isASCII ? hash : NameHash.of(word))
            }
            // A token of hashes alone has no words, and no end either.
            guard added > 0 else { return }
            words.append("")
            wordHashes.append(0)
        }

        /// Calls `body` with the bounds of each word of a token (no white
        /// space in it): runs of letters, split where a lower-case letter
        /// meets an upper-case one, in the token's segments (its runs of
        /// letters and digits) that are not hashes (`NameSegment.isHash`).
        @inline(__always)
        static func forEachWord(in token: UnsafeBufferPointer<UInt8>, _ body: (Int, Int) -> Void) {
            var index = 0
            while index < token.count {
                while index < token.count, !NameSegment.isPart(token[index]) { index += 1 }
                let start = index
                // A segment without a digit is never a hash: most are
                // letters alone, and are not read twice.
                var hasDigit = false
                while index < token.count, NameSegment.isPart(token[index]) {
                    if Text.isASCIIDigit(token[index]) { hasDigit = true }
                    index += 1
                }
                guard index > start else { continue }
                if hasDigit, NameSegment.isHash(token, from: start, to: index) { continue }
                forEachWord(in: token, from: start, to: index, body)
            }
        }

        /// The words of one segment: runs of letters, split at digits and
        /// where a lower-case letter meets an upper-case one.
        @inline(__always)
        static func forEachWord(
            in token: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, _ body: (Int, Int) -> Void
        ) {
            var wordStart = -1
            var previousWasLower = false
            for index in start..<end {
                let byte = token[index]
                let isUpper = byte >= 0x41 && byte <= 0x5A
                let isLower = byte >= 0x61 && byte <= 0x7A
                if isUpper || isLower || byte >= 0x80 {
                    if isUpper, previousWasLower, wordStart >= 0 {
                        body(wordStart, index)
                        wordStart = -1
                    }
                    if wordStart < 0 { wordStart = index }
                    previousWasLower = isLower
                } else {
                    if wordStart >= 0 { body(wordStart, index) }
                    wordStart = -1
                    previousWasLower = false
                }
            }
            if wordStart >= 0 { body(wordStart, end) }
        }
    }

    /// Splits one token into lower-case words.
    public static func words(of token: Substring) -> [String] {
        if token.utf8.allSatisfy({ $0 < 0x80 }) { return asciiWords(of: token.utf8) }
        // The segments that are hashes go first, as the byte splitter
        // passes over them; a segment with a byte past ASCII never is one.
        let token = NameSegment.withoutHashes(token)
        var words: [String] = []
        var current = ""
        var previousWasLower = false
        for character in token {
            if character.isLetter {
                if character.isUppercase, previousWasLower, !current.isEmpty {
                    words.append(current)
                    current = ""
                }
                current.append(contentsOf: character.lowercased())
                previousWasLower = character.isLowercase
            } else {
                if !current.isEmpty { words.append(current) }
                current = ""
                previousWasLower = false
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// `words(of:)` for ASCII tokens: the words `NameWords` itself takes
    /// from them (`Builder.forEachWord`), lower-cased.
    private static func asciiWords(of bytes: Substring.UTF8View) -> [String] {
        var words: [String] = []
        let token = Array(bytes)
        token.withUnsafeBufferPointer { token in
            Builder.forEachWord(in: token) { start, end in
                words.append(Text.lowercasedASCII(UnsafeBufferPointer(rebasing: token[start..<end])))
            }
        }
        return words
    }

    /// Words that turn a token into a statement about something else:
    /// `no-sidebar`, `has-comments`, `with-share-bar` describe a page's
    /// layout, not the element.
    static let qualifierWords: Set<String> = [
        "no", "not", "has", "have", "with", "without", "hide", "show",
        // Page builders' namespaces: `elementor-widget`, `et_pb_widget`,
        // `fl-widget`, `so-widget` name the builder's blocks, whatever
        // they hold (on such pages every block of the article is one).
        "elementor", "et", "fl", "so", "siteorigin", "vc", "wpb",
    ]

    /// Words that mark a layout wrapper around content (`content-sidebar-wrap`,
    /// `main-footer-push`): frame rules leave such tokens alone.
    static let contentWords: Set<String> = ["content", "main", "container", "page", "body", "article", "post", "entry"]

    /// Whether any token holds `hint`'s words as a contiguous run, not
    /// qualified by a word such as `no` before it. With
    /// `exceptLayoutTokens`, a token that also names content does not count
    /// unless the hint itself names it.
    @inline(__always)
    public func contains(_ hint: WordHint, exceptLayoutTokens: Bool = false) -> Bool {
        // Nearly every question is answered no: when the hint's first word
        // is nowhere among the words, no token needs to be looked at.
        if let first = hint.hashes.first, !wordHashes.contains(first) { return false }
        let length = hint.words.count
        return firstToken { range in
            guard range.count >= length else { return false }
            let words = self.words[range]
            for start in range.lowerBound...(range.upperBound - length) {
                guard NameWords.hashes(wordHashes, at: start, equal: hint.hashes),
                    NameWords.words(words, at: start, equal: hint.words)
                else { continue }
                if NameWords.isQualified(words, before: start) { continue }
                if exceptLayoutTokens, NameWords.namesLayout(words, outside: start..<(start + length)) { continue }
                return true
            }
            return false
        }
    }

    @inline(__always)
    static func hashes(_ hashes: [UInt64], at start: Int, equal run: [UInt64]) -> Bool {
        for offset in run.indices where hashes[start + offset] != run[offset] { return false }
        return true
    }

    @inline(__always)
    static func words(_ words: ArraySlice<String>, at start: Int, equal run: [String]) -> Bool {
        for offset in run.indices where words[start + offset] != run[offset] { return false }
        return true
    }

    /// Whether a word before `start` turns the token into a statement
    /// about something else (`no-sidebar`).
    static func isQualified(_ words: ArraySlice<String>, before start: Int) -> Bool {
        words[..<start].contains(where: NameWords.qualifierWords.contains)
    }

    /// Whether a word outside `run` names content (`content-sidebar-wrap`).
    static func namesLayout(_ words: ArraySlice<String>, outside run: Range<Int>) -> Bool {
        words.indices.contains { !run.contains($0) && NameWords.contentWords.contains(words[$0]) }
    }

    public var isEmpty: Bool { words.isEmpty }
}

/// A class/id hint written as words joined by `-`: `share`, `author-box`.
public struct WordHint: Sendable, Hashable, CustomStringConvertible {
    public let words: [String]
    /// The words' `NameHash`es, compared before the words themselves.
    let hashes: [UInt64]

    public init(_ text: String) {
        words = NameWords.words(of: Substring(text))
        hashes = words.map(NameHash.of)
    }

    public var description: String { words.joined(separator: "-") }
}

extension Node {
    /// The words of this element's class and id, read from libxml2's
    /// attribute text in place.
    public var nameWords: NameWords {
        var builder = NameWords.Builder()
        if let attribute = attributeNode("class") { builder.add(valueOf: attribute, isID: false) }
        if let attribute = attributeNode("id") { builder.add(valueOf: attribute, isID: true) }
        return builder.nameWords
    }
}

extension NameWords.Builder {
    /// Adds an attribute's value, read from its text children in place.
    mutating func add(valueOf attribute: xmlAttrPtr, isID: Bool, collectingClassTokens: Bool = false) {
        var child = attribute.pointee.children
        while let text = child {
            if let content = text.pointee.content {
                let length = Int(xmlStrlen(content))
                add(UnsafeBufferPointer(start: content, count: length), isID: isID, collectingClassTokens: collectingClassTokens)
            }
            child = text.pointee.next
        }
    }
}
